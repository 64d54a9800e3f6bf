"""Events: the battle a record describes, named battles and operations, dated episodes.

An episode is a sentence of the report's body with an event cue ("اشتباكات", "قصف",
"سيطرت على"): its kind comes from the cue, its date from the sentence, else from the
episode it continues in the paragraph ("بتاريخ 28 كانون الثاني، ..."), else, in news,
the publication date; its places and participants from the sentence. Sentences that
retell one episode (same day, same kind, same places) make one event. What is denied,
negated, intended, foreseen or only referred back to ("نتائج المعركة") is no episode.
A named battle or operation ("معركة “نصرة داريا”") is an event of its own, parent of
the episodes told with it, unless a record already describes it.
"""

from __future__ import annotations

import functools
from collections import Counter
from itertools import pairwise
from typing import Any, ClassVar

from conflictkg.extract.doc import Doc, Mention, Sentence, SpanIndex, clitic_forms, word_forms
from conflictkg.extract.episodes import actions, where
from conflictkg.extract.matcher import Match, Matcher
from conflictkg.extract.model import Event
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
from conflictkg.extract.units import OPENING_QUOTES, closing_quote
from conflictkg.gazetteers import Gazetteers

NEGATION_WINDOW = 2
CIRCUMSTANCE_WINDOW = 2  # tokens between "بالتزامن مع" and the cue it makes background
OBJECT_WINDOW = 4  # tokens between "السيطرة" and its "على"
SINCE_WINDOW = 4  # tokens between "منذ" and its date
REPORT_WINDOW = 2  # tokens after a credited source in which a date is the report's
REPORT_CHARS = 200  # a crediting phrase is shorter than this
LOCAL_LEVELS = ("neighbourhood", "community")


class _Rules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("events", language)
        kinds = s.groups("kinds")
        self.overriding = s.words("overriding_kinds")
        self.generic = s.keys("generic_cues")
        self.cues: Matcher[str] = s.matcher(**kinds)
        self.heads: Matcher[str] = Matcher(s.mapping("named_heads").items())
        self.name_stopwords = s.keys("name_stopwords")
        self.since = s.keys("since_words")
        self.launches = s.keys("launch_words")
        self.object_cues = {normalize_key(k): normalize_key(v)
                            for k, v in s.mapping("object_cues").items()}
        self.references = s.keys("references")
        self.hypothetical: Matcher[str] = s.matcher(h=s.words("hypothetical"))
        self.circumstances: Matcher[str] = s.matcher(c=s.words("circumstances"))
        self.unresolved: Matcher[str] = s.matcher(u=s.words("unresolved_past"))
        self.reference_words = s.keys("reference_words")
        self.place_kinds = frozenset(s.words("place_kinds"))
        places = patterns.section("places", language)
        self.place_fillers = s.keys("place_fillers") | {
            normalize_key(w) for w in places.groups("qualifiers")}
        self.locatives = places.keys("locatives")
        control = patterns.section("control", language)
        self.attempts = control.keys("attempts")
        self.attempt_word = functools.lru_cache(maxsize=65536)(
            lambda key: any(f in self.attempts for f in clitic_forms(key)))
        self.negations = control.keys("negations")
        self.clause_negations = control.keys("clause_negations")
        self.cue_words = frozenset(normalize_key(w) for ws in kinds.values() for w in ws)
        self.denials: Matcher[str] = control.matcher(d=control.words("denials"))


class EventFinder:
    """Fills ``events``, ``sentence_events`` and ``focus_place``."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = (
        "sentences", "dates", "record", "record_areas", "record_parties", "place_mentions",
        "actor_mentions", "source_mentions", "attributions")
    assigns: ClassVar[tuple[str, ...]] = ("events", "sentence_events", "focus_place")

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._places = gazetteers.places
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("events")}

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        doc.focus_place = self._focus(doc)
        record = self._record_event(doc)
        named, names = self._named(doc, rules, record)
        launched = {n.key for n in named if _launched(doc, n, rules)}
        episodes = _merge(self._episodes(doc, rules, names))
        events: list[Event] = [record] if record else []
        for event, sentences in episodes:
            at = {s.start for s in sentences}
            same = next((n for n in named if doc.sentence_at(n.evidence.start) is not None
                         and doc.sentence_at(n.evidence.start).start in at), None)
            if same is not None:  # "أطلقوا “معركة الكرامة”": the episode is the named event
                event.name = same.name
                named[named.index(same)] = event
                if same.key in launched:
                    launched.add(event.key)
            parent = record or next((n for n in named if n is not event and any(
                doc.sentence_at(n.evidence.start).paragraph == s.paragraph for s in sentences)),
                None) or _launched_before(doc, named, launched, sentences[0], event)
            event.parent = parent.key if parent else None
            if parent is not None and not event.places:
                event.places = list(parent.places)
            if not event.places and doc.focus_place:
                event.places = [doc.focus_place]
            for s in sentences:
                doc.sentence_events.setdefault(s.start, event.key)
        told = {e.parent for e, _ in episodes}
        events += [n for n in named if n.start or n.key in told or n in (
            e for e, _ in episodes)] + [e for e, _ in episodes if e not in named]
        doc.events = events
        kept = {e.key for e in events}
        for event in events:  # an undated named battle that nothing tells is dropped
            if event.parent not in kept:
                event.parent = None
        doc.sentence_events = {s: k for s, k in doc.sentence_events.items() if k in kept}

    def _local(self, key: str) -> bool:
        entry = self._places.get(key)
        return entry is not None and entry.level in LOCAL_LEVELS

    def _focus(self, doc: Doc) -> str | None:
        """Where the document is set: its record's area, else its most named place."""
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

    def _named(self, doc: Doc, rules: _Rules,
               record: Event | None) -> tuple[list[Event], list[tuple[int, int]]]:
        """Named battles and operations, dated only by their own sentence; and where every
        name stands (a place in a name, "نصرة داريا", is not where an episode is)."""
        out: list[Event] = []
        spans: list[tuple[int, int]] = []
        seen = {normalize_key(record.name)} if record and record.name else set()
        for head in rules.heads.find(doc.norm):
            sentence = doc.sentence_at(head.start)
            found = _name_after(doc, head)
            if sentence is None or sentence.boilerplate or found is None:
                continue
            start, end, name = found
            key = normalize_key(name)
            if not key or key in rules.name_stopwords:
                continue
            spans.append((start, end))
            if key in seen:
                continue
            seen.add(key)
            date = _sentence_date(doc, sentence, rules)
            evidence = doc.span(min(head.start, start), end)
            out.append(Event(
                key=f"{evidence.start}-{evidence.end}", kind=head.payloads[0],
                evidence=evidence, name=name, start=date.value if date else None,
                end=date.end if date else None,
                places=_keys(doc, "place_mentions", sentence, exclude=[(start, end)]),
                actors=_keys(doc, "actor_mentions", sentence)))
        return out, spans

    def _episodes(self, doc: Doc, rules: _Rules,
                  names: list[tuple[int, int]]) -> list[tuple[Event, Sentence]]:
        cues = [c for c in rules.cues.find(doc.norm)
                if not doc.in_boilerplate(c.start) and not _overlaps(names, c)
                and not any(_inside_name(c, m, doc.language) for name in (
                    "actor_mentions", "source_mentions") for m in doc.index(name).overlapping(
                    c.start, c.end) if not m.weak)]
        hypothetical = SpanIndex(rules.hypothetical.find(doc.norm))
        circumstances = SpanIndex(rules.circumstances.find(doc.norm))
        unresolved = SpanIndex(rules.unresolved.find(doc.norm))
        denials = SpanIndex(rules.denials.find(doc.norm))
        cues_index = SpanIndex(cues)
        out = []
        paragraph_date: tuple[int, Any] | None = None
        lead_date = None
        usable = functools.partial(_usable_date, doc, rules)
        for sentence in doc.sentences:
            if sentence.boilerplate:
                continue
            own = _sentence_date(doc, sentence, rules)
            if own is not None:
                paragraph_date = (sentence.paragraph, own)
                if lead_date is None and not sentence.heading:
                    lead_date = own
            inside = lambda ms, s=sentence: ms.starting(s.start, s.end)  # noqa: E731
            if sentence.heading or inside(hypothetical):
                continue
            cues_here = inside(cues_index)
            here = [c for c in cues_here if self._happened(doc, c, inside(denials), rules)
                    and not _attempted(doc, c, cues_here, rules)
                    and not _circumstance(doc, c, inside(circumstances))]
            unquoted = [c for c in here if not _in_quotes(doc, c.start)]
            if not unquoted:
                continue  # only the words of someone quoted ("ما يجري هو معارك كر وفر")
            scope = None
            if own is None and not inside(unresolved):
                scope = paragraph_date[1] if paragraph_date and \
                    paragraph_date[0] == sentence.paragraph else None
            if scope is None and not inside(unresolved) and own is None:
                scope = lead_date
            stops = [c.start for c in cues_here if _attempted(doc, c, cues_here, rules)] + [
                c.start for c in inside(circumstances)]
            found = actions(doc, sentence, unquoted, stops, usable, names)
            if doc.info.kind == "archive-record" and found:  # a record's day is one episode
                whole = found[0]
                whole.cues = [c for a in found for c in a.cues]
                whole.places = [m for a in found for m in a.places]
                whole.end = found[-1].end
                found = [whole]
            for n, action in enumerate(found):
                date = action.date or scope
                keys = where(doc, self._places, action.places, rules.reference_words,
                             rules.place_fillers, rules.locatives) or _paragraph_places(
                                 doc, sentence, names)
                evidence = doc.span(action.start, action.end) if n else doc.span(
                    sentence.start, sentence.end)
                kind = _kind(action.cues, rules)
                groups = _by_place(keys, kind in rules.place_kinds, self._local)
                for i, group in enumerate(groups or [[]]):
                    out.append((Event(
                        key=f"{evidence.start}-{evidence.end}" + (f"-{i}" if i else ""),
                        kind=kind, evidence=evidence,
                        start=date.value if date else None,
                        end=date.end if date is not None else None,
                        places=list(group),
                        actors=_keys(doc, "actor_mentions", sentence)), sentence))
        return out

    def _happened(self, doc: Doc, cue: Match[str], denials: list[Match[str]],
                  rules: _Rules) -> bool:
        """A cue for something told as done: not denied, negated, intended, referred back."""
        if cue.key in rules.references or any(d.start < cue.start for d in denials):
            return False
        target = rules.object_cues.get(cue.key)
        if target is not None:
            after = doc.tokens_after(cue.end, OBJECT_WINDOW)
            if not any(target in clitic_forms(t.key) or t.key.startswith(target) for t in after):
                return False
        i = doc.token_at(cue.start)
        token = doc.tokens[i]
        if token.start < cue.start and "ل" in doc.text[token.start:cue.start]:
            return False  # "لاستعادة السيطرة": a purpose
        if i > 0 and (key := doc.tokens[i - 1].key).startswith("ل") and (
                key[1:] in rules.cue_words or "ا" + key[2:] in rules.cue_words):
            return False  # "لاستعادة السيطرة": the noun a purpose governs
        before = doc.tokens[max(0, i - NEGATION_WINDOW):i]
        if not rules.negations.isdisjoint(word_forms(before)):
            return False
        clause = doc.clause_at(cue.start) or (cue.start, cue.start)
        return rules.clause_negations.isdisjoint(
            word_forms(doc.tokens_between(clause[0], cue.start)))


def _attempted(doc: Doc, cue: Match[str], cues: list[Match[str]], rules: _Rules) -> bool:
    """What an attempt or purpose word governs is an aim, not a deed ("وتحاول قوات النظام
    ... السيطرة على", "بهدف استعادة السيطرة"): the first cue after that word in its clause,
    with the cues that follow it word on word. An attempted assault ("تحاول اقتحام") is
    still an attack."""
    if cue.payloads[0] == "attack":
        return False
    clause = doc.clause_at(cue.start) or (cue.start, cue.end)
    tokens = doc.tokens_between(clause[0], cue.start)
    for i in range(len(tokens) - 1, -1, -1):
        if rules.attempt_word(tokens[i].key):
            chain = [c for c in cues if tokens[i].end <= c.start and c.end <= cue.start]
            chain.append(cue)
            return all(not doc.tokens_between(a.end, b.start) for a, b in pairwise(chain))
    return False


def _circumstance(doc: Doc, cue: Match[str], circumstances: list[Match[str]]) -> bool:
    """A cue right after "بالتزامن مع" tells what went on meanwhile, not the episode."""
    return any(m.end <= cue.start and len(doc.tokens_between(m.end, cue.start))
               <= CIRCUMSTANCE_WINDOW for m in circumstances)


def _launched(doc: Doc, event: Event, rules: _Rules) -> bool:
    """"أطلق الجيش الحر ... معركة “X”": a battle the text starts, not one it mentions."""
    sentence = doc.sentence_at(event.evidence.start)
    start = sentence.start if sentence else event.evidence.start
    before = doc.tokens_between(start, event.evidence.start)
    return not rules.launches.isdisjoint(word_forms(before))


def _launched_before(doc: Doc, named: list[Event], launched: set[str], sentence: Sentence,
                     episode: Event) -> Event | None:
    """The last battle launched before an episode and not after its date: its parent."""
    for n in reversed(named):
        if n.key in launched and n.evidence.start < sentence.start and (
                not n.start or not episode.start or n.start[:len(episode.start)]
                <= episode.start):
            return n
    return None


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
    nxt = [m for m in doc.index("place_mentions").starting(head.end, head.end + 40)
           if not m.weak][:1]
    if nxt and doc.text[head.end:nxt[0].start].strip() == "":
        return head.start, nxt[0].end, " ".join(text[head.start:nxt[0].end].split())
    return None


def _sentence_date(doc: Doc, sentence: Sentence, rules: _Rules) -> Any:
    """The first date of the sentence that is when something happened in it."""
    return next((d for d in doc.dates_between(sentence.start, sentence.end)
                 if _usable_date(doc, rules, d)), None)


def _usable_date(doc: Doc, rules: _Rules, d: Any) -> bool:
    """Whether a date tells when something happened, not when something else began ("منذ
    عام 2018") or when a source reported it ("أوردها المرصد الأربعاء")."""
    i = doc.token_index(d.span.start)
    sentence = doc.sentence_at(d.span.start)
    first = sentence.start if sentence is not None else 0
    before = [t.key for t in doc.tokens[max(0, i - SINCE_WINDOW):i] if t.start >= first]
    if d.precision == "year" and any(f in rules.since for w in before for f in clitic_forms(w)):
        return False
    return not any(
        a.end <= d.span.start and len(doc.tokens_between(a.end, d.span.start)) <= REPORT_WINDOW
        and a.scope_start <= d.span.start < a.scope_end
        for a in doc.index("attributions").overlapping(d.span.start - REPORT_CHARS, d.span.start))


def _kind(cues: list[Match[str]], rules: _Rules) -> str:
    """An overriding kind anywhere in the sentence, else the kind of its first cue that
    says more than that something was targeted."""
    specific = [c for c in cues if c.key not in rules.generic] or cues
    kinds = [cue.payloads[0] for cue in sorted(specific, key=lambda c: c.start)]
    return next((k for k in rules.overriding if k in kinds), kinds[0])


def _inside_name(cue: Match[str], name: Mention, language: str) -> bool:
    """"تحرير" in "هيئة تحرير الشام" is no capture; "Russian warplanes", whose head is the
    cue, still strike."""
    if not (name.start < cue.end and cue.start < name.end):
        return False
    head = cue.end == name.end if language == "en" else cue.start == name.start
    return not head


def _overlaps(spans: list[tuple[int, int]], m: Match[str]) -> bool:
    return any(s < m.end and m.start < e for s, e in spans)


def _keys(doc: Doc, name: str, sentence: Sentence,
          exclude: list[tuple[int, int]] = ()) -> list[str]:  # type: ignore[assignment]
    """Keys of the sentence's mentions (weak ones only for places), outside ``exclude``."""
    keys = [m.key for m in doc.index(name).starting(sentence.start, sentence.end)
            if (name == "place_mentions" or not m.weak)
            and not any(a <= m.start < b for a, b in exclude)]
    return list(dict.fromkeys(keys))


def _paragraph_places(doc: Doc, sentence: Sentence, names: list[tuple[int, int]]) -> list[str]:
    """The place named last before the sentence in its paragraph."""
    start, _ = doc.paragraphs[sentence.paragraph]
    keys = [m.key for m in doc.index("place_mentions").starting(start, sentence.start)
            if m.end <= sentence.start and not any(a <= m.start < b for a, b in names)]
    return keys[-1:]


def _in_quotes(doc: Doc, offset: int) -> bool:
    """Whether ``offset`` is inside quotation marks on its line."""
    line = doc.text[doc.text.rfind("\n", 0, offset) + 1:offset]
    return line.count("“") > line.count("”") or line.count("«") > line.count("»") \
        or line.count("\"") % 2 == 1


def _by_place(keys: list[str], split: bool, local: Any) -> list[list[str]]:
    """The places of an action, one event each for the towns and villages a capture,
    withdrawal or siege names ("سيطرت على قرى كفرباسين وبابولين وأم جلال": three
    happenings); other places stay together in one event."""
    if not split:
        return [keys]
    towns = [k for k in keys if local(k)]
    rest = [k for k in keys if k not in towns]
    return [[k] for k in towns] + ([rest] if rest else [])


def _merge(episodes: list[tuple[Event, Sentence]]) -> list[tuple[Event, list[Sentence]]]:
    """Tellings of one happening make one event: the same kind at the same place, on the
    same day or one date within the other ("2020-02" and "2020-02-05"), or told with no
    date at all ("the fighting centred around X"); an episode with no place of its own
    joins the one of the same day it follows."""
    out: list[tuple[Event, list[Sentence]]] = []
    for event, sentence in episodes:
        for other, sentences in out:
            if _same_happening(other, event):
                other.places = list(dict.fromkeys([*other.places, *event.places]))
                other.actors = list(dict.fromkeys([*other.actors, *event.actors]))
                if event.start and (not other.start or len(event.start) > len(other.start)):
                    other.start, other.end = event.start, event.end
                sentences.append(sentence)
                break
        else:
            out.append((event, [sentence]))
    return out


def _same_happening(a: Event, b: Event) -> bool:
    if not b.places:
        return bool(a.start) and a.start == b.start
    if a.kind != b.kind or not set(a.places) & set(b.places):
        return False
    if not a.start or not b.start:
        return True
    return a.start.startswith(b.start) or b.start.startswith(a.start)
