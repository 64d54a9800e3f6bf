"""Events: the battle a record describes, named battles and operations, dated episodes.

An episode is a sentence with an event cue ("اشتباكات", "قصف", "سيطر"): its kind
comes from the cue, its date from the sentence, else from the episode it continues
in the paragraph ("بتاريخ 28 كانون الثاني، ..."), else the publication date; its
places and participants from the sentence. Sentences that retell one episode (same
day, same kind, same places) make one event. A named battle or operation
("معركة “نصرة داريا”", "عملية “ردع العدوان”") is an event of its own, parent of the
episodes told with it.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from conflictkg.extract.doc import Doc, Mention, Sentence, clitic_forms
from conflictkg.extract.matcher import Match, Matcher
from conflictkg.extract.model import Event
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
from conflictkg.extract.units import OPENING_QUOTES, closing_quote
from conflictkg.gazetteers import Gazetteers

ATTEMPT_WINDOW = 3  # tokens before a cue in which an attempt word makes it an attack
REPORT_WINDOW = 2  # tokens after a credited source in which a date is the report's


class _Rules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("events", language)
        kinds = s.groups("kinds")
        self.order = tuple(kinds)
        self.cues: Matcher[str] = s.matcher(**kinds)
        self.heads: Matcher[str] = Matcher(s.mapping("named_heads").items())
        self.name_stopwords = s.keys("name_stopwords")
        self.since = s.keys("since_words")
        self.attempts = patterns.section("control", language).keys("attempts")


class EventFinder:
    """Fills ``events``, ``sentence_events`` and ``focus_place``."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = (
        "sentences", "dates", "record", "record_areas", "record_parties", "place_mentions",
        "actor_mentions", "attributions")
    assigns: ClassVar[tuple[str, ...]] = ("events", "sentence_events", "focus_place")

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._places = gazetteers.places
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("events")}

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        doc.focus_place = self._focus(doc)
        record = self._record_event(doc)
        named = self._named(doc, rules, record)
        episodes = self._episodes(doc, rules)
        events = [*([record] if record else []), *named.values()]
        merged = _merge(episodes)
        for event, sentences in merged:
            if not event.places and doc.focus_place:
                event.places = [doc.focus_place]
            parent = record or next((e for s, e in named.items()
                                     if doc.sentence_at(s) and any(
                                         doc.sentence_at(s).paragraph == x.paragraph
                                         for x in sentences)), None)
            event.parent = parent.key if parent else None
            for s in sentences:
                doc.sentence_events[s.start] = event.key
        events += [e for e, _ in merged]
        doc.events = [e for e in events if e.start]

    def _focus(self, doc: Doc) -> str | None:
        for path in doc.record_areas:
            last = [m.key for m in doc.place_mentions
                    if path and path[-1].start <= m.start and m.end <= path[-1].end]
            if last:
                return last[0]
        counts = Counter(m.key for m in doc.place_mentions if not doc.in_boilerplate(m.start))
        return counts.most_common(1)[0][0] if counts else None

    def _record_event(self, doc: Doc) -> Event | None:
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

    def _named(self, doc: Doc, rules: _Rules, record: Event | None) -> dict[int, Event]:
        """Named battles and operations, keyed by the start of their name."""
        out: dict[int, Event] = {}
        seen = {normalize_key(record.name)} if record and record.name else set()
        for head in rules.heads.find(doc.norm):
            if doc.in_boilerplate(head.start):
                continue
            found = _name_after(doc, head)
            if found is None:
                continue
            start, end, name = found
            key = normalize_key(name)
            if key in seen or key in rules.name_stopwords or not key:
                continue
            seen.add(key)
            sentence = doc.sentence_at(head.start)
            if sentence is None:
                continue
            date = _sentence_date(doc, sentence, rules)
            places = _keys(doc.place_mentions, sentence, exclude=(start, end))
            evidence = doc.span(min(head.start, start), end)
            out[start] = Event(
                key=f"{evidence.start}-{evidence.end}", kind=head.payloads[0],
                evidence=evidence, name=name,
                start=date.value if date else _default_date(doc), places=places,
                actors=_keys([m for m in doc.actor_mentions if not m.weak], sentence))
        return out

    def _episodes(self, doc: Doc, rules: _Rules) -> list[tuple[Event, Sentence]]:
        cues = [c for c in rules.cues.find(doc.norm) if not doc.in_boilerplate(c.start)]
        out = []
        paragraph_date: tuple[int, object] | None = None
        for sentence in doc.sentences:
            if sentence.boilerplate:
                continue
            own = _sentence_date(doc, sentence, rules)
            if own is not None:
                paragraph_date = (sentence.paragraph, own)
            here = [c for c in cues if sentence.start <= c.start < sentence.end]
            if not here:
                continue
            date = own or (paragraph_date[1] if paragraph_date
                           and paragraph_date[0] == sentence.paragraph else None)
            start = date.value if date else _default_date(doc)  # type: ignore[attr-defined]
            if not start:
                continue
            end = date.end if date is not None and getattr(date, "end", None) else None
            out.append((Event(
                key=f"{sentence.start}-{sentence.end}", kind=_kind(doc, here, rules),
                evidence=doc.span(sentence.start, sentence.end), start=start, end=end,
                places=_keys(doc.place_mentions, sentence)
                or _paragraph_places(doc, sentence),
                actors=_keys([m for m in doc.actor_mentions if not m.weak], sentence)), sentence))
        return out


def _name_after(doc: Doc, head: Match[str]) -> tuple[int, int, str] | None:
    """The name of "معركة “X”", "“معركة X”" or "معركة <place>"."""
    text = doc.text
    if head.start > 0 and text[head.start - 1] in OPENING_QUOTES:
        close = closing_quote(text, head.start - 1, head.end)
        if close is not None and close > head.end + 1:
            return head.start, close, " ".join(text[head.start:close].split())
    gap = head.end
    while gap < len(text) and text[gap] == " ":
        gap += 1
    if gap < len(text) and text[gap] in OPENING_QUOTES and gap - head.end <= 1:
        close = closing_quote(text, gap, gap + 1)
        if close is not None and close > gap + 1:
            return gap + 1, close, " ".join(text[gap + 1:close].split())
    nxt = [m for m in doc.place_mentions if m.start >= head.end][:1]
    if nxt and doc.text[head.end:nxt[0].start].strip() == "":
        return head.start, nxt[0].end, " ".join(text[head.start:nxt[0].end].split())
    return None


def _sentence_date(doc: Doc, sentence: Sentence, rules: _Rules):  # -> DateMention | None
    """The first date of the sentence that is when something happened in it."""
    for d in doc.dates:
        if not sentence.start <= d.span.start < sentence.end:
            continue
        before = [t.key for t in doc.tokens_between(sentence.start, d.span.start)][-2:]
        if d.precision == "year" and any(f in rules.since for w in before
                                         for f in clitic_forms(w)):
            continue  # "منذ عام 2018": when something else began
        if any(a.end <= d.span.start and len(doc.tokens_between(a.end, d.span.start))
               <= REPORT_WINDOW and a.scope_start <= d.span.start < a.scope_end
               for a in doc.attributions):
            continue  # "أوردها المرصد الأربعاء": when it was reported
        return d
    return None


def _default_date(doc: Doc) -> str | None:
    """What undated news tells of happened by its publication."""
    return doc.info.published if doc.info.kind != "archive-record" else None


def _kind(doc: Doc, cues: list[Match[str]], rules: _Rules) -> str:
    kinds = []
    for cue in cues:
        before = doc.tokens_between(max(0, cue.start - 60), cue.start)[-ATTEMPT_WINDOW:]
        attempted = any(f in rules.attempts for t in before for f in clitic_forms(t.key))
        kinds.append("attack" if attempted else cue.payloads[0])
    return min(kinds, key=lambda k: rules.order.index(k) if k in rules.order else 99)


def _keys(mentions: list[Mention], sentence: Sentence,
          exclude: tuple[int, int] | None = None) -> list[str]:
    keys = [m.key for m in mentions if sentence.start <= m.start < sentence.end
            and not (exclude and exclude[0] <= m.start < exclude[1])]
    return list(dict.fromkeys(keys))


def _paragraph_places(doc: Doc, sentence: Sentence) -> list[str]:
    keys = [m.key for m in doc.place_mentions if m.end <= sentence.start and (
        s := doc.sentence_at(m.start)) is not None and s.paragraph == sentence.paragraph]
    return list(dict.fromkeys(keys))[-1:]


def _merge(episodes: list[tuple[Event, Sentence]]) -> list[tuple[Event, list[Sentence]]]:
    """Sentences retelling one episode (same day, kind, overlapping places) make one event."""
    out: list[tuple[Event, list[Sentence]]] = []
    for event, sentence in episodes:
        for other, sentences in out:
            if other.start == event.start and other.kind == event.kind and (
                    not event.places or not other.places
                    or set(event.places) & set(other.places)):
                other.places = list(dict.fromkeys([*other.places, *event.places]))
                other.actors = list(dict.fromkeys([*other.actors, *event.actors]))
                sentences.append(sentence)
                break
        else:
            out.append((event, [sentence]))
    return out

