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
from typing import Any, ClassVar

from conflictkg.extract import asides, dating, happenings
from conflictkg.extract.dates import DateMention
from conflictkg.extract.doc import Doc, Mention, Sentence, SpanIndex, clitic_forms, word_forms
from conflictkg.extract.episodes import Place, Scope, actions, where
from conflictkg.extract.matcher import Match, Matcher
from conflictkg.extract.model import Event
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
from conflictkg.extract.units import OPENING_QUOTES, closing_quote
from conflictkg.gazetteers import Gazetteers

NEGATION_WINDOW = 2
OBJECT_WINDOW = 7  # tokens between "السيطرة" and its "على" ("سيطرتها خلال الـ48 ساعة الفائتة على")
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
        self.coincidences = s.keys("coincidences")
        self.coincidence_with = s.keys("coincidence_with")
        self.unresolved: Matcher[str] = s.matcher(u=s.words("unresolved_past"))
        self.reference_words = s.keys("reference_words")
        self.place_kinds = frozenset(s.words("place_kinds"))
        self.undated_kinds = frozenset(s.words("undated_report_kinds"))
        self.day_record_kinds = frozenset(s.words("day_record_kinds"))
        self.destinations = s.keys("destinations")
        self.arrivals = s.keys("arrivals")
        self.causes: Matcher[str] = s.matcher(c=s.words("causes"))
        places = patterns.section("places", language)
        self.place_fillers = s.keys("place_fillers") | {
            normalize_key(w) for w in places.groups("qualifiers")}
        self.locatives = places.keys("locatives")
        self.scope_ends: Matcher[str] = s.matcher(e=s.words("scope_ends"))
        self.coordinators = s.keys("coordinators")
        control = patterns.section("control", language)
        self.attempts = control.keys("attempts")
        self.attempt_word = functools.lru_cache(maxsize=65536)(
            lambda key: any(f in self.attempts for f in clitic_forms(key)))
        self.purposes = s.keys("purposes")
        self.purpose_word = functools.lru_cache(maxsize=65536)(
            lambda key: any(f in self.purposes for f in clitic_forms(key)))
        self.negations = control.keys("negations")
        self.pronoun_objects = control.keys("pronoun_objects")
        self.relatives = s.keys("relatives")
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
        found, towns = self._episodes(doc, rules, names)
        if record is not None and record.name:  # "أطلق الجيش الحر ... معركة “نصرة داريا”"
            told = _name_spans(doc, names, record.name)
            found = [(e, s) for e, s in found if not any(s.start <= a < s.end for a, _ in told)]
        if doc.record or doc.info.kind in rules.day_record_kinds:
            found = happenings.record_days(doc, found, towns)
        episodes = happenings.merge(found)
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
            if parent is not None and not any(self._local(k) for k in event.places):
                # "اشتباكات على جبهة أوتوستراد درعا": a road, a facility or an area of the
                # battle it belongs to is in the towns that battle is fought in
                event.places = list(dict.fromkeys([*event.places, *parent.places]))
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

    def _where(self, doc: Doc, rules: _Rules, mentions: list[Mention], kind: str) -> Place:
        """Where an action of ``kind`` happened; a capture, withdrawal or siege never at a
        reference point, a withdrawal never where it went."""
        references = rules.reference_words | (rules.destinations if kind == "withdrawal"
                                              else frozenset())
        return where(doc, self._places, mentions, references, rules.place_fillers,
                     rules.locatives, pointed_only=kind not in rules.place_kinds)

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

    def _episodes(self, doc: Doc, rules: _Rules, names: list[tuple[int, int]],
                  ) -> tuple[list[tuple[Event, Sentence]], set[str]]:
        """The episodes of the text, and the keys of those that are a place taken, left or
        besieged."""
        cues = [c for c in rules.cues.find(doc.norm)
                if not doc.in_boilerplate(c.start) and not _overlaps(names, c)
                and not any(_inside_name(c, m, doc.language) for name in (
                    "actor_mentions", "source_mentions") for m in doc.index(name).overlapping(
                    c.start, c.end) if not m.weak)]
        hypothetical = SpanIndex(rules.hypothetical.find(doc.norm))
        circumstances = SpanIndex(rules.circumstances.find(doc.norm))
        unresolved = SpanIndex(rules.unresolved.find(doc.norm))
        scope_ends = SpanIndex(rules.scope_ends.find(doc.norm))
        causes = SpanIndex(rules.causes.find(doc.norm))
        denials = SpanIndex(rules.denials.find(doc.norm))
        cues_index = SpanIndex(cues)
        out = []
        towns: set[str] = set()
        paragraph_date: tuple[int, Any] | None = None
        report_day = _report_day(doc, rules)
        usable = functools.partial(_usable_date, doc, rules)
        for sentence in doc.sentences:
            if sentence.boilerplate:
                continue
            own = _sentence_date(doc, sentence, rules)
            if own is not None:
                paragraph_date = (sentence.paragraph, own)
            inside = lambda ms, s=sentence: ms.starting(s.start, s.end)  # noqa: E731
            if sentence.heading or inside(hypothetical) or asides.record_value(doc, sentence):
                continue
            cues_here = inside(cues_index)
            here = [c for c in cues_here if self._happened(doc, c, inside(denials), rules)
                    and not asides.attempted(doc, c, cues_here, rules)
                    and not asides.circumstance(doc, c, inside(circumstances), rules)]
            caused = asides.caused(doc, here, inside(causes), rules)
            here = [c for c in here if c not in caused]
            unquoted = [c for c in here if not _in_quotes(doc, c.start)]
            if not unquoted:
                continue  # only the words of someone quoted ("ما يجري هو معارك كر وفر")
            scope = None
            if own is None and not inside(unresolved):
                scope = paragraph_date[1] if paragraph_date and \
                    paragraph_date[0] == sentence.paragraph else None
            if scope is None and not inside(unresolved) and own is None:
                scope = report_day
            stops = [c.start for c in cues_here if asides.attempted(doc, c, cues_here, rules)] + [
                c.start for c in inside(circumstances)] + [c.start for c in caused]
            bounds = Scope(frozenset(m.start for m in inside(scope_ends)), rules.locatives,
                           rules.coordinators, rules.place_fillers)
            found = actions(doc, sentence, unquoted, stops, usable, names, bounds)
            for n, action in enumerate(found):
                date = action.date or scope
                kind = _kind(action.cues, rules)
                moved = kind in rules.place_kinds
                place = self._where(doc, rules, action.places, kind)
                if not place.keys and action.lead:  # "شهد حي القدم دخول ... من جهة X"
                    place = self._where(doc, rules, action.lead, kind)
                if not place.keys and not (moved and (action.places or action.lead)):
                    place = Place(_paragraph_places(doc, sentence, names, before=action.start), {})
                evidence = doc.span(action.start, action.end) if n else doc.span(
                    sentence.start, sentence.end)
                groups = _by_place(place, moved, self._local)
                for i, group in enumerate(groups or [[]]):
                    key = f"{evidence.start}-{evidence.end}" + (f"-{i}" if i else "")
                    if moved and group:
                        towns.add(key)
                    out.append((Event(
                        key=key,
                        kind=kind, evidence=evidence,
                        start=date.value if date else None,
                        end=date.end if date is not None else None,
                        places=list(group),
                        actors=_keys(doc, "actor_mentions", sentence)), sentence))
        return out, towns

    def _happened(self, doc: Doc, cue: Match[str], denials: list[Match[str]],
                  rules: _Rules) -> bool:
        """A cue for something told as done: not denied, negated, intended, referred back."""
        if cue.key in rules.references or any(d.start < cue.start for d in denials):
            return False
        if cue.payloads[0] == "capture" and asides.arrival(doc, cue, rules):
            return False  # "دخول تعزيزات", "دخل رتل تركي": an arrival, not a capture
        if asides.describes(doc, cue, rules):
            return False  # "المناطق التي سيطرت عليها مؤخرا": what the areas are, not news
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
        clause = doc.clause_at(cue.start) or (0, cue.start)
        before = [t for t in doc.tokens[max(0, i - NEGATION_WINDOW):i] if t.start >= clause[0]]
        if not rules.negations.isdisjoint(word_forms(before)):
            return False
        return rules.clause_negations.isdisjoint(
            word_forms(doc.tokens_between(clause[0], cue.start)))


def _name_spans(doc: Doc, names: list[tuple[int, int]], name: str) -> list[tuple[int, int]]:
    """Where the text names the event called ``name``."""
    key = normalize_key(name)
    return [(a, b) for a, b in names if normalize_key(doc.text[a:b]) == key]


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


def _report_day(doc: Doc, rules: _Rules) -> DateMention | None:
    """The day a report tells the news of: its publication date, for the kinds of report
    that tell the news of their day ("انسحبت الفصائل من ..." in a report of 25 March
    happened by then); an archive record or a chronicle has none."""
    if doc.info.kind in rules.undated_kinds or not doc.info.published:
        return None
    published = dating.published(doc)
    if published is None:
        return None
    return DateMention(doc.span(0, 0), published.isoformat(), "day")


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


def _paragraph_places(doc: Doc, sentence: Sentence, names: list[tuple[int, int]],
                      before: int | None = None) -> list[str]:
    """The place named last before the sentence (or before ``before`` in it) in its
    paragraph: what an action with no place of its own is about."""
    start, _ = doc.paragraphs[sentence.paragraph]
    until = sentence.start if before is None else before
    keys = [m.key for m in doc.index("place_mentions").starting(start, until)
            if m.end <= until and not any(a <= m.start < b for a, b in names)]
    return keys[-1:]


def _in_quotes(doc: Doc, offset: int) -> bool:
    """Whether ``offset`` is inside quotation marks on its line."""
    line = doc.text[doc.text.rfind("\n", 0, offset) + 1:offset]
    return line.count("“") > line.count("”") or line.count("«") > line.count("»") \
        or line.count("\"") % 2 == 1


def _by_place(place: Place, split: bool, local: Any) -> list[list[str]]:
    """The places of an action, one event each for the towns and villages a capture,
    withdrawal or siege names ("سيطرت على قرى كفرباسين وبابولين وأم جلال": three
    happenings), each with the facilities set in it; other places stay together in one
    event."""
    if not split:
        return [place.keys]
    towns = [k for k in place.keys if local(k)]
    held = {s for k in towns for s in place.sites.get(k, ())}
    rest = [k for k in place.keys if k not in towns and k not in held]
    return [[k, *place.sites.get(k, ())] for k in towns] + ([rest] if rest else [])
