"""Named battles and operations, and the battle an archive record describes: where a name
stands ("معركة “نصرة داريا”", "“معركة X”", "معركة <place>", "the battle of Aleppo"), the
key that says two names are one, and whether the text launches the battle or only
mentions it.
"""

from __future__ import annotations

from conflictkg.extract.doc import Doc, Sentence, word_forms
from conflictkg.extract.event_rules import EventRules
from conflictkg.extract.matcher import Match
from conflictkg.extract.model import Event
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.timing import sentence_date
from conflictkg.extract.units import CLOSING_QUOTES, OPENING_QUOTES, closing_quote

QUOTES = frozenset(OPENING_QUOTES + "".join(CLOSING_QUOTES.values()))


def name_spans(doc: Doc, names: list[tuple[int, int]], name: str,
                rules: EventRules) -> list[tuple[int, int]]:
    """Where the text names the event called ``name``."""
    key = name_key(name, rules)
    return [(a, b) for a, b in names if name_key(doc.text[a:b], rules) == key]


def name_key(name: str, rules: EventRules) -> str:
    """A name's key without its quotes and head ("معركة “نصرة داريا”" is "نصرة داريا")."""
    key = normalize_key("".join(c for c in name if c not in QUOTES))
    head = next((h for h in rules.head_keys if key.startswith(h + " ")), None)
    return key[len(head) + 1:] if head else key


def launched(doc: Doc, event: Event, rules: EventRules) -> bool:
    """"أطلق الجيش الحر ... معركة “X”": a battle the text starts, not one it mentions."""
    sentence = doc.sentence_at(event.evidence.start)
    start = sentence.start if sentence else event.evidence.start
    before = doc.tokens_between(start, event.evidence.start)
    return not rules.launches.isdisjoint(word_forms(before))


def launched_before(doc: Doc, named: list[Event], launched: set[str], sentence: Sentence,
                     episode: Event) -> Event | None:
    """The last battle launched before an episode and not after its date: its parent."""
    for n in reversed(named):
        if n.key in launched and n.evidence.start < sentence.start and (
                not n.start or not episode.start or n.start[:len(episode.start)]
                <= episode.start):
            return n
    return None


def name_after(doc: Doc, head: Match[str]) -> tuple[int, int, str, bool] | None:
    """The name of "معركة “X”", "“معركة X”" or "معركة <place>", and whether it is a
    place's ("معارك تل أبيض", "the battle of Aleppo": where the battle is; a place in a
    quoted name, "نصرة داريا", is not)."""
    text = doc.text
    if head.start > 0 and text[head.start - 1] in OPENING_QUOTES:
        close = closing_quote(text, head.start - 1, head.end)
        if close is not None and close > head.end + 1:
            return head.start, close, " ".join(text[head.start:close].split()), False
    gap = head.end
    while gap < len(text) and text[gap] == " ":
        gap += 1
    if gap < len(text) and text[gap] in OPENING_QUOTES and gap - head.end <= 1:
        close = closing_quote(text, gap, gap + 1)
        if close is not None and close > gap + 1:
            return gap + 1, close, " ".join(text[gap + 1:close].split()), False
    nxt = [m for m in doc.index("place_mentions").starting(head.end, head.end + 40)
           if not m.weak][:1]
    if nxt and doc.text[head.end:nxt[0].start].strip() == "":
        return head.start, nxt[0].end, " ".join(text[head.start:nxt[0].end].split()), True
    sentence = doc.sentence_at(head.start)
    if doc.language == "en" and text[head.start].isupper() and not (sentence and sentence.heading):
        end = _title_case_end(doc, head.end)  # a headline's words are all capitalised
        if end is not None:
            return head.start, end, " ".join(text[head.start:end].split()), False
    return None


TITLE_LINKS = frozenset({"of", "the", "al", "el"})  # small words inside an English title
TITLE_WORDS = 5  # words an English title runs to after its head


def _title_case_end(doc: Doc, offset: int) -> int | None:
    """The end of the capitalised words right after a capitalised head ("Operation Peace
    Spring", "Operation Dawn of Freedom"): an English name needs no quotes."""
    end = None
    for token in doc.tokens_after(offset, TITLE_WORDS):
        if doc.text[offset:token.start].strip() not in ("", "-"):
            break  # punctuation between the words ends the title ("Claw-Sword" does not)
        word = doc.text[token.start:token.end]
        if word[:1].isupper():
            end = token.end
        elif word.lower() not in TITLE_LINKS or end is None:
            break
        offset = token.end
    return end


def record_event(doc: Doc) -> Event | None:
    """The battle an archive record describes: its title, kind, dates, areas and parties."""
    if not doc.record or doc.record_title is None:
        return None
    spec = doc.record.get("event") or {}
    title = doc.record_title
    places: list[str] = []
    for path in doc.record_areas:
        if path:
            places += [m.key for m in doc.place_mentions
                       if path[-1].start <= m.start and m.end <= path[-1].end]
    actors = [m.key for m in doc.actor_mentions
              if any(p.start <= m.start and m.end <= p.end for p in doc.record_parties)]
    actors += [m.key for m in doc.actor_mentions if m.key not in actors
               and not m.weak and title.end < m.start]  # the narrative's groups
    return Event(key=f"{title.start}-{title.end}", kind=spec.get("kind", "battle"),
                 evidence=title, name=doc.record.get(spec.get("name", "")) or title.text,
                 start=doc.record.get(spec.get("start", "")),
                 end=doc.record.get(spec.get("end", "")),
                 places=list(dict.fromkeys(places)), actors=list(dict.fromkeys(actors)))


def named(doc: Doc, rules: EventRules,
          record: Event | None) -> tuple[list[Event], list[tuple[int, int]]]:
    """Named battles and operations, dated only by their own sentence; and where every
    name stands (a place in a name, "نصرة داريا", is not where an episode is)."""
    out: list[Event] = []
    spans: list[tuple[int, int]] = []
    seen = {name_key(record.name, rules)} if record and record.name else set()
    for head in rules.heads.find(doc.norm):
        sentence = doc.sentence_at(head.start)
        found = name_after(doc, head)
        if sentence is None or sentence.boilerplate or found is None:
            continue
        start, end, name, placed = found
        key = name_key(name, rules)
        if not key or key in rules.name_stopwords:
            continue
        spans.append((start, end))
        if key in seen:
            continue
        seen.add(key)
        date = sentence_date(doc, sentence, rules)
        evidence = doc.span(min(head.start, start), end)
        out.append(Event(
            key=f"{evidence.start}-{evidence.end}", kind=head.payloads[0],
            evidence=evidence, name=name, start=date.value if date else None,
            end=date.end if date else None,
            places=mention_keys(doc, "place_mentions", sentence,
                                exclude=[] if placed else [(start, end)]),
            actors=mention_keys(doc, "actor_mentions", sentence)))
    return out, spans


def mention_keys(doc: Doc, name: str, sentence: Sentence,
                 exclude: list[tuple[int, int]] = ()) -> list[str]:  # type: ignore[assignment]
    """Keys of the sentence's mentions (weak ones only for places), outside ``exclude``."""
    keys = [m.key for m in doc.index(name).starting(sentence.start, sentence.end)
            if (name == "place_mentions" or not m.weak)
            and not any(a <= m.start < b for a, b in exclude)]
    return list(dict.fromkeys(keys))
