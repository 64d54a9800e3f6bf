"""Events: the battle a record describes, named battles and operations, dated episodes.

An episode is a sentence of the report's body with an event cue ("اشتباكات", "قصف",
"سيطرت على"): its kind comes from the cue, its date from the sentence, else from the
episode it continues in the paragraph ("بتاريخ 28 كانون الثاني، ..."), else, in news,
the day of the report's lead (the first day its first two body paragraphs state,
"اليوم الخميس" included), else it stays undated: never the bare publication date. Its
places and participants come from the sentence. Sentences that retell one episode (same
day, same kind, same places or the town first named, or only the area that holds them)
make one event, and a sentence that refers back to one with a day of its own ("ووقعت
المجزرة يوم 19 نيسان") dates it again. What is denied, negated, intended, foreseen, only
referred back to ("نتائج المعركة") or taken by fire ("سيطرة نارية") is no episode; what
a told action came after ("بعد معارك") has no date of its own. An event named right after
"منذ بدء" with a day of its own ("قتل منذ بدء الهجوم في 19 أيار 79 عنصراً") began that day,
which dates nothing else its sentence tells.
A named battle or operation ("معركة “نصرة داريا”") is an event of its own, parent of
the episodes told with it, unless a record already describes it.
"""

from __future__ import annotations

import datetime
import functools
from collections import Counter
from collections.abc import Callable
from typing import Any, ClassVar

from conflictkg.extract import asides, battles, happenings, timing
from conflictkg.extract.doc import Doc, Mention, Sentence, SpanIndex, clitic_forms, word_forms
from conflictkg.extract.episodes import (
    Place,
    Scope,
    actions,
    after_reference,
    ancestors,
    between_pairs,
    list_setting,
    where,
)
from conflictkg.extract.event_rules import NO_EVENT, EventRules
from conflictkg.extract.matcher import Match
from conflictkg.extract.model import Event
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
from conflictkg.reference.gazetteers import Gazetteers

NEGATION_WINDOW = 2
OBJECT_WINDOW = 7  # tokens between "السيطرة" and its "على" ("سيطرتها خلال الـ48 ساعة الفائتة على")
OBJECT_REACH = 200  # characters after such a cue where a date may stand before its "على"
DATE_WORDS = 12  # most words a date between them may have ("يوم الجمعة 3 أيار / مايو 2019")
LOCAL_LEVELS = ("neighbourhood", "community")
AREA_LEVELS = ("governorate", "district", "subdistrict", "country")  # what holds a town
LOCALS_REACH = 14  # words between a cue and the object after a subject of locals
FIRE_WINDOW = 2  # tokens between a capture cue and "نارية" ("سيطرة نارية", "السيطرة النارية")
OWN_SUFFIXES = ("ها", "ه", "هم")  # "قواتها", "مقاتليه", "عناصرهم": the speaker's own
SCARE_QUOTE_WORDS = 2  # words of a quotation that sets a label apart ("“هربت”")
QUOTE_OPENINGS = ("“", "«", "\"")
QUOTE_CLOSINGS = ("”", "»", "\"")
PLACE_OBJECT_WINDOW = 3  # tokens between "سقوط" and the place that fell ("سقوط مدينة يبرود")
SIDES = ("capture", "withdrawal")  # the two sides of one change of hands
TAKEN_BACK = ("capture", "siege")  # kinds whose object pronoun takes a place named before
RELATIVE_TOKENS = 10  # words of a relative clause that may place a referred event ("الذي شنه … على حي القدم")
OPENED_CUE = 4  # words between "منذ بدء" and its event ("منذ بدء المرحلة الجديدة من العملية")
ATTRIBUTIVE_REACH = 3  # words between "the besieged" and the place it names ("town of")
BEGAN_AFTER = 2  # words after a campaign's noun to the verb of its beginning ("was launched")
BEGAN_AUXILIARIES = ("was", "had", "has")
OPENED_DATE = 6  # words between that event and the day it began ("الحملة على الجنوب في")


class EventFinder:
    """Fills ``events``, ``sentence_events`` and ``focus_place``."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = (
        "sentences", "dates", "record", "record_areas", "record_parties", "place_mentions",
        "actor_mentions", "source_mentions", "attributions")
    assigns: ClassVar[tuple[str, ...]] = ("events", "sentence_events", "focus_place")

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._places = gazetteers.places
        self._rules = {lang: EventRules(patterns, lang) for lang in patterns.languages("events")}

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        doc.focus_place = self._focus(doc)
        record = battles.record_event(doc)
        named, names = battles.named(doc, rules, record)
        launched = {n.key for n in named if battles.launched(doc, n, rules)}
        found, towns, redated, placeless, scoped = self._episodes(doc, rules, names)
        if record is not None and record.name:  # "أطلق الجيش الحر ... معركة “نصرة داريا”"
            told = battles.name_spans(doc, names, record.name, rules)
            found = [(e, s) for e, s in found if not any(s.start <= a < s.end for a, _ in told)]
            for a, b in told:  # the sentence that names the record's battle says where it is
                sentence = doc.sentence_at(a)
                if sentence is not None:
                    record.places = list(dict.fromkeys([*record.places, *battles.mention_keys(
                        doc, "place_mentions", sentence, exclude=[(a, b)])]))
        if doc.record or doc.info.kind in rules.day_record_kinds:
            found = happenings.record_days(doc, found, towns)
        episodes = happenings.merge(found, lambda area, key: self._area(area) and area in
                                    ancestors(doc, self._places, key))
        episodes = happenings.redate(episodes, redated, lambda key: {key, *ancestors(
            doc, self._places, key)})
        happenings.share_sides(episodes, scoped)
        events: list[Event] = [record] if record else []
        for event, sentences in episodes:
            at = {s.start for s in sentences}
            same = next((n for n in named if doc.sentence_at(n.evidence.start) is not None
                         and doc.sentence_at(n.evidence.start).start in at
                         and (happenings.same_day(n, event)
                              or not timing.measured(doc, rules, n.evidence.start))), None)
            if same is not None:  # "أطلقوا “معركة الكرامة”": the episode is the named event
                event.name = same.name
                named[named.index(same)] = event
                if same.key in launched:
                    launched.add(event.key)
            parent = record or next((n for n in named if n is not event and any(
                doc.sentence_at(n.evidence.start).paragraph == s.paragraph for s in sentences)),
                None) or battles.launched_before(doc, named, launched, sentences[0], event)
            event.parent = parent.key if parent else None
            if parent is not None and not any(self._local(k) for k in event.places):
                # "اشتباكات على جبهة أوتوستراد درعا": a road, a facility or an area of the
                # battle it belongs to is in the towns that battle is fought in
                event.places = list(dict.fromkeys([*event.places, *parent.places]))
            if not event.places and doc.focus_place and event.key not in placeless:
                event.places = [doc.focus_place]
            for s in sentences:
                doc.sentence_events.setdefault(s.start, event.key)
        for n in named:  # "launched “Operation Euphrates Shield” ... had taken Jarablus"
            if not n.places:  # a battle named with no place is where its first episode was
                n.places = next((list(e.places) for e, _ in episodes
                                 if e.parent == n.key and e.places), [])
        for event, _ in episodes:
            event.places = self._with_towns(doc, rules, event)
        told = {e.parent for e, _ in episodes}
        events += [n for n in named if n.start or n.key in told or n in (
            e for e, _ in episodes)] + [e for e, _ in episodes if e not in named]
        doc.events = events
        kept = {e.key for e in events}
        for event in events:  # an undated named battle that nothing tells is dropped
            if event.parent not in kept:
                event.parent = None
        doc.sentence_events = {s: k for s, k in doc.sentence_events.items() if k in kept}

    @staticmethod
    def _taken(doc: Doc, cue: Match[str], rules: EventRules) -> bool:
        """Whether a capture cue tells a place taken: not control by fire ("سيطرة نارية
        على"), and, for a cue that needs its place right after it ("سقوط مدينة يبرود"),
        a place there ("سقوط جرحى في تلبيسة", "سقوط نظام الأسد" take nothing)."""
        after = doc.tokens_after(cue.end, FIRE_WINDOW)
        if any(f in rules.fire_control for t in after for f in clitic_forms(t.key)):
            return False
        if cue.key not in rules.place_object_cues:
            return True
        return _place_follows(doc, cue.end, rules)

    @staticmethod
    def _attributive(doc: Doc, cue: Match[str], rules: EventRules) -> bool:
        """Whether a cue only says what a place is ("the besieged neighbourhoods", "a
        besieged town"): opened by an article, with no date in the rest of its clause
        ("killed inside the besieged neighbourhoods since June 2012" tells the siege)."""
        if cue.key not in rules.attributive_cues:
            return False
        i = doc.token_at(cue.start)
        if i == 0 or doc.tokens[i - 1].key not in rules.attributive_openers:
            return False
        clause = doc.clause_at(cue.start) or (cue.start, cue.end)
        if doc.dates_between(cue.end, clause[1]):
            return False
        # "the besieged town of Madaya" still names the place under siege
        after = doc.tokens_after(cue.end, ATTRIBUTIVE_REACH)
        return not any(doc.index("place_mentions").overlapping(t.start, t.end) for t in after)

    def _where(self, doc: Doc, rules: EventRules, mentions: list[Mention], kind: str) -> Place:
        """Where an action of ``kind`` happened; a capture, withdrawal or siege never at a
        reference point, a withdrawal never where it went."""
        references = rules.left_from if kind == "withdrawal" else rules.taken_at \
            if kind in rules.place_kinds else rules.reference_words
        return where(doc, self._places, mentions, references, rules.place_fillers,
                     rules.locatives, coordinators=rules.coordinators,
                     pointed_only=kind not in rules.place_kinds, proximity=rules.proximity,
                     route=kind == "withdrawal")

    def _area(self, key: str) -> bool:
        entry = self._places.get(key)
        return entry is not None and entry.level in AREA_LEVELS

    def _level(self, doc: Doc, key: str) -> str | None:
        """The level of a place: the gazetteer's, else the one the text gave a place it
        found ("أحياء البدو والثكنة": two quarters of the city)."""
        entry = self._places.get(key)
        if entry is not None:
            return entry.level
        found = doc.places.get(key)
        return found.level if found is not None else None

    def _facility(self, doc: Doc, key: str) -> bool:
        """Whether a place is a base, airport, crossing or camp, taken on its own: a site
        a place holds. A site nothing holds (a river, a highway, a region: "at the
        confluence of the Khabur and Euphrates rivers") is only where the town lies."""
        entry = self._places.get(key)
        if entry is not None:
            return entry.level == "site" and entry.parent is not None
        found = doc.places.get(key)
        return found is not None and found.level == "site"

    def _site_named(self, doc: Doc, rules: EventRules, start: int, end: int) -> str | None:
        """The site an action names by its head alone ("اقتحام المطار", "shells fell on
        the airport"): the last site named before with that noun in its name ("مطار كويرس
        العسكري", "the Kweires military airport"); none when no such site was named."""
        mentions = doc.index("place_mentions")
        for anaphor in rules.site_anaphors.find(doc.norm):
            if not start <= anaphor.start < end or mentions.overlapping(anaphor.start, anaphor.end):
                continue
            noun = anaphor.payloads[0]
            sites = [m.key for m in doc.place_mentions if m.end <= anaphor.start
                     and self._level(doc, m.key) == "site"
                     and f" {noun} " in f" {normalize_key(m.text)} "]
            if sites:
                return sites[-1]
        return None

    def _with_towns(self, doc: Doc, rules: EventRules, event: Event) -> list[str]:
        """The places of an event with the town or quarter each site the text found lies
        in, when the text names it ("قصفت سوق الهال في المدينة": the market, in the town
        the text is about), and not as a point the site lies away from ("صوامع الحبوب شرق
        مدينة تدمر": the silos are east of the town)."""
        mentions = doc.place_mentions
        away: set[str] | None = None  # read only for a site the text found
        out: list[str] = []
        for key in event.places:
            out.append(key)
            found = doc.places.get(key)
            if key in self._places or found is None or found.level != "site":
                continue
            if away is None:
                away = {m.key for m in mentions
                        if event.evidence.start <= m.start < event.evidence.end
                        and after_reference(doc, m, rules.taken_at | rules.proximity,
                                            rules.place_fillers, rules.locatives)}
            if found.parent in away or not self._local(found.parent):
                continue
            # named on its own, not only inside the site's name ("حاجز الصوامع")
            sites = [m for m in mentions if m.key == key]
            if any(m.key == found.parent and not any(
                    s.start <= m.start and m.end <= s.end for s in sites) for m in mentions):
                out.append(found.parent)
        return list(dict.fromkeys(out))

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

    def _episodes(self, doc: Doc, rules: EventRules, names: list[tuple[int, int]],
                  ) -> tuple[list[tuple[Event, Sentence]], set[str], list[happenings.Redating],
                             set[str]]:
        """The episodes of the text, the keys of those that are a place taken, left or
        besieged, the sentences that date again an event already told ("ووقعت المجزرة
        ... يوم 19 من نيسان 2011"), and the keys of moves named only by where they came
        from or went ("انسحبوا باتجاه نبل والزهراء")."""
        cues = [c for c in rules.cues.find(doc.norm)
                if c.payloads[0] != NO_EVENT and not doc.in_boilerplate(c.start) and not _overlaps(names, c)
                and not any(_inside_name(c, m, doc.language) for name in (
                    "actor_mentions", "source_mentions") for m in doc.index(name).overlapping(
                    c.start, c.end) if not m.weak)
                and not _in_place_name(doc, c)]
        if rules.held_since:  # "retook X, which rebels had held since 2014": the retaking is
            # the sentence's event, dated by it; a hold since a time stands alone only
            cues = _held_alone(doc, cues, rules)
        # "may" in "on May 13" is the month, no hedge
        hypothetical = SpanIndex([h for h in rules.hypothetical.find(doc.norm)
                                  if not doc.dates_overlapping(h.start, h.end)])
        circumstances = SpanIndex(rules.circumstances.find(doc.norm))
        supports = SpanIndex(rules.supports.find(doc.norm))
        unresolved = SpanIndex([u for u in rules.unresolved.find(doc.norm)
                                if not doc.dates_overlapping(u.start, u.end)])
        # "وبالا" is the village of Bala, not "ب" + "إلا": a clause word inside a place name
        # ends no list; nor does a locative that sets a site in its town ("سوق الهال وسط
        # مدينة كفرنبل": the town is where it happened too)
        scope_ends = SpanIndex([e for e in rules.scope_ends.find(doc.norm) if not any(
            not m.weak for m in doc.index("place_mentions").overlapping(e.start, e.end))
            and not _site_setting(doc, e, rules, lambda k: self._level(doc, k) == "site")])
        causes = SpanIndex(rules.causes.find(doc.norm))
        late_denials = SpanIndex(rules.late_denials.find(doc.norm))
        denials = SpanIndex(rules.denials.find(doc.norm))
        runs = SpanIndex(rules.running_days.find(doc.norm))
        began_since = SpanIndex(rules.began_since.find(doc.norm))
        began_nouns = SpanIndex(rules.began_nouns.find(doc.norm))
        began_events: list[tuple[Event, Sentence]] = []
        offsets = SpanIndex(rules.day_offsets.find(doc.norm))
        nights = SpanIndex(rules.night_adverbs.find(doc.norm))
        cues_index = SpanIndex(cues)
        out = []
        towns: set[str] = set()
        redated: list[happenings.Redating] = []
        placeless: set[str] = set()
        scoped: set[str] = set()  # dated by their paragraph or lead, not their sentence
        paragraph_date: tuple[int, Any] | None = None
        lead_day = timing.lead_day(doc, rules)
        usable = functools.partial(timing.usable_date, doc, rules)
        for sentence in doc.sentences:
            if sentence.boilerplate:
                continue
            earlier = paragraph_date
            opening = next((d for d in doc.dates_between(sentence.start, sentence.end)
                            if timing.usable_date(doc, rules, d) and not timing.since(doc, rules, d)), None)
            if opening is not None:  # "منذ آذار 2011" dates no other sentence
                paragraph_date = (sentence.paragraph, opening)
            elif earlier is not None and earlier[0] != sentence.paragraph and (
                    timing.continues(doc, rules, sentence) or timing.labelled(doc, earlier, sentence)):
                # "Within hours, the fighting spread": the day the paragraph before told;
                # "30 تشرين الثاني: سراقب / سيطرت الفصائل على ...": the day of its label
                paragraph_date = earlier = (sentence.paragraph, earlier[1])
            inside = lambda ms, s=sentence: ms.starting(s.start, s.end)  # noqa: E731
            cues_here = inside(cues_index)
            if sentence.heading or asides.record_value(doc, sentence):
                continue
            # what a hedge governs is no event ("Rebels may attack", "an offensive would
            # begin"); what the sentence told before it still is ("shelled Douma on
            # Saturday, and the army said it would push on to Homs")
            hedges = inside(hypothetical)
            hedge = next((h.start for h in hedges), sentence.end)
            cues_here = _told_as_fact(doc, cues_here, hedges)
            # "قتل منذ بدء الهجوم في 19 أيار 79 عنصراً": the attack began that day
            # "The offensive began on May 31": a campaign told before, dated by its start
            # as "since the offensive began on May 31" dates it
            openers = [*(m for m in inside(began_since) if m.end <= hedge),
                       *(c._replace(end=c.start) for c in cues_here if c.end <= hedge
                         and _began_after(doc, c, rules) and _refers_back(doc, c, rules))]
            opened = [o for o in (self._opened(doc, rules, m, sorted(
                [*cues_here, *(n for n in inside(began_nouns) if n.end <= hedge)],
                key=lambda c: c.start))
                for m in openers) if o is not None]
            used = {id(c) for c, _, _ in opened}
            cues_here = [c for c in cues_here if id(c) not in used]
            began_events += [(event, sentence) for _, _, event in opened]
            began_days = {id(d) for _, d, _ in opened}  # they date nothing else
            if not cues_here:
                continue
            if _refers_back(doc, cues_here[0], rules) and not _in_quotes(doc, cues_here[0].start):
                # "killed in the fighting since yesterday": when it began, not its day
                day = next((d for d in doc.dates_between(cues_here[0].end, sentence.end)
                            if d.precision == "day" and usable(d)
                            and not timing.since(doc, rules, d)), None)
                if day is not None:
                    redated.append(happenings.Redating(cues_here[0].payloads[0], day.value,
                                                       sentence))
            denied, meanwhile, backing = inside(denials), inside(circumstances), inside(supports)
            aimed = [c.start for c in cues_here if asides.attempted(doc, c, cues_here, rules)]
            here = [c for c in cues_here if c.start not in aimed
                    and self._happened(doc, c, denied, rules)
                    and not asides.circumstance(doc, c, meanwhile, rules)
                    and not asides.support(doc, c, backing, rules)]
            caused = asides.caused(doc, here, inside(causes), rules)
            here = [c for c in here if c not in caused]
            refuted = _refuted(doc, here, inside(late_denials))
            here = [c for c in here if c not in refuted]
            unquoted = [c for c in here if not _quoted_aside(doc, c)]
            if not unquoted:
                continue  # only a label set apart, or quoted words that name no place
            scope = None  # the time of an action the sentence does not date
            unresolved_here = inside(unresolved)
            if not unresolved_here:
                scope = earlier[1] if earlier and earlier[0] == sentence.paragraph else lead_day
            stops = aimed + [c.start for c in meanwhile] + [c.start for c in caused]
            bounds = Scope(frozenset(m.start for m in inside(scope_ends)), rules.locatives,
                           rules.coordinators, rules.place_fillers, rules.background,
                           rules.resumed_list_kinds, rules.resumed_list_objects,
                           rules.resumed_list_openers, rules.wound_nouns, rules.wound_verbs,
                           frozenset(o.end for o in inside(offsets) if o.payloads[0] != "0"),
                           rules.relatives, rules.place_subject_cues)
            found = actions(doc, sentence, unquoted, stops, lambda d, days=began_days: usable(
                d) and id(d) not in days and not timing.first_since(doc, rules, d),
                names + _locals_places(doc, sentence, unquoted, rules), bounds)
            offsets_here = inside(offsets)
            nights_here = inside(nights)
            told_sides: list[tuple[str, Place]] = []  # the places taken or left so far
            told_day = None  # the date of the action told last
            ended = None  # the date and places of the last action told that is no background
            for n, action in enumerate(found):
                kind = _kind(action.cues, rules)
                moved = kind in rules.place_kinds
                # "سيطرت على حمص بعد معارك": the fighting before it has no date of its own
                before = action.background and not moved
                date = None if before and (action.inherited or action.date is None) else (
                    action.date or scope)
                if moved and action.date is not None and action.date.span.start > \
                        action.cues[-1].end and timing.began(doc, rules, action.date) and \
                        doc.clause_at(action.date.span.start) != doc.clause_at(action.cues[-1].start):
                    # "took the city centre after three days of clashes, the latest gain of
                    # an operation launched on November 30": the day something else began
                    # ("the rebel pullout began on Saturday" is the pullout's own)
                    date = scope
                first_clause = doc.clause_at(action.cues[0].start) or (action.start, action.end)
                if moved and (action.date is None or action.inherited
                              or action.date.span.start >= first_clause[1]):
                    # "خضعت لسيطرة داعش منذ مطلع عام 2014": the year its hold began, even
                    # when a clause after it tells something else on a day of its own
                    # ("، وتعرضت المناطق المقابلة لقذائف ... آخرها أمس")
                    date = timing.since_year(doc, rules, action.cues[0].end, action.end) or date
                if moved and date is not None:  # "since early February, when it entered"
                    date = timing.since_part(doc, rules, date) or date
                # "لليوم الرابع على التوالي": what has gone on for days began days before
                date = timing.run_start(date, runs.starting(action.start, action.end))
                if offsets_here:  # "بعد يوم من سيطرتها على جنديرس": the day before
                    # "The move came a day after ...": counted from the day last told,
                    # in this paragraph or the one before
                    told = earlier[1] if earlier is not None and not unresolved_here \
                        else scope
                    date = timing.offset_day(doc, sentence, action.cues[0].start, None if
                                             action.inherited else action.date, offsets_here,
                                             told) or date
                if action.apart and date is None:
                    continue  # "بعد معارك عنيفة": the fighting that led to it, undated
                if action.side and told_day is not None:
                    # "أفاد بعد يومين باستعادة داعش السيطرة على المدينة، وانسحاب القوات
                    # منها": the other side happened on the day the change did
                    date = told_day
                if nights_here:  # "بعد انسحاب المقاتلين منها ليلاً": the night before
                    told = earlier[1] if earlier is not None and not unresolved_here \
                        else scope
                    date = timing.night_day(doc, sentence, action.cues[0].start,
                                            [a.cues[0].start for a in found], nights_here,
                                            told) or date
                told_day = date
                place = self._where(doc, rules, action.places, kind)
                if rules.held_since and all(c.key in rules.held_since for c in action.cues):
                    # "X, which rebels had held since 2012": X alone, taken then
                    held = _relative_antecedent(doc, action.cues[0], sentence, rules)
                    if held is None:
                        continue
                    place = Place([held.key], {})
                if rules.place_subject_cues and all(c.key in rules.place_subject_cues for c in action.cues) \
                        and (held := _subject_antecedent(doc, action.cues[0], sentence, rules)):
                    place = Place([held.key], {})  # "al-Rai and Dabiq, which was taken from IS": Dabiq
                if not place.keys and action.lead:  # "شهد حي القدم دخول ... من جهة X"
                    place = self._where(doc, rules, action.lead, kind)
                if kind in TAKEN_BACK and (back := _taken_back(doc, action, rules)):
                    # "تقدمت نحو معسكر الحامدية وسيطرت عليه وعلى الحواجز المحيطة به": the
                    # place it went for, taken by the pronoun after the cue, first
                    taken = where(doc, self._places, back, rules.reference_words,
                                  rules.place_fillers, rules.locatives, pointed_only=False,
                                  coordinators=rules.coordinators, proximity=rules.proximity)
                    place = Place(list(dict.fromkeys([*taken.keys, *place.keys])),
                                  {**place.sites, **taken.sites})
                if not place.keys and not (moved and (action.places or action.lead)):
                    # "حاولوا اقتحام المطار": the site last named with that noun, else the
                    # place named last in the paragraph that is no reference point or
                    # destination ("شمال تل رفعت", "باتجاه حماة")
                    site = self._site_named(doc, rules, action.start, action.end)
                    place = Place([site] if site else _paragraph_places(
                        doc, sentence, names, before=action.start,
                        aside=lambda m: after_reference(doc, m, rules.left_from,
                                                         rules.place_fillers, rules.locatives)),
                                  {})
                pointed = not place.keys and bool(action.places or action.lead)
                borrowed = False  # the places of the other side: left all at once
                if pointed and kind in SIDES and (_left_it(doc, action, rules) or (
                        kind == "withdrawal" and not rules.left_pronouns)):
                    # "سيطرت على مورك إثر انسحاب الفصائل منها باتجاه خان شيخون": the
                    # other side of the change of hands, from the place taken, not where
                    # its losers went; a language that names no pronoun for the place left
                    # tells it by where they went alone ("took Jarablus, while IS militants
                    # fled south towards al-Bab")
                    side = next((p for k, p in reversed(told_sides) if k != kind), None)
                    if side is not None:
                        place, pointed, borrowed = side, False, True
                if kind in SIDES and place.keys:
                    told_sides.append((kind, place))
                evidence = doc.span(action.start, action.end) if n else doc.span(
                    sentence.start, sentence.end)
                # "استأنفت هجوما، وسيطرت خلال أيام على أحياء A وB": each place taken is
                # a happening of its own, whatever kind the sentence's first cue gives
                taking = not borrowed and (moved or any(
                    c.payloads[0] in rules.place_kinds for c in action.cues))
                groups = _by_place(place, taking, lambda k: self._level(doc, k) in LOCAL_LEVELS,
                                   lambda k: not self._facility(doc, k)) \
                    if kind not in rules.strike_kinds else \
                    _by_place(place, True, lambda k: self._level(doc, k) == "community")
                if taking and len(groups) > 1 and (setting := list_setting(
                        doc, self._places, place.keys, action.places, rules.place_fillers,
                        rules.locatives)):
                    groups = [[setting, *place.keys]]  # "أحياء A وB في حمص القديمة": one taking
                if len(groups) > 1 and (ends := between_pairs(
                        doc, action.places, rules.between, rules.place_fillers, rules.coordinators)):
                    groups = _joined_ends(groups, ends)  # "بين بلدتي البارة وبليون": one stretch
                for i, group in enumerate(groups or [[]]):
                    key = f"{evidence.start}-{evidence.end}" + (f"-{i}" if i else "")
                    if taking and any(k in self._places for k in group):
                        towns.add(key)  # a town, or a known base, airport or camp
                    if action.date is None and date is not None:
                        scoped.add(key)
                    if pointed:  # "انسحبوا باتجاه نبل والزهراء": not there either
                        placeless.add(key)
                    out.append((Event(
                        key=key,
                        kind=kind, evidence=evidence,
                        start=_day_of(date),
                        end=date.end if date is not None and _day_of(date) == date.value else None,
                        places=list(group),
                        actors=battles.mention_keys(doc, "actor_mentions", sentence)), sentence))
                # "overran the air base on Sunday after five days of fierce fighting": the
                # fighting, there, from five days before
                # (a fight told after the action it led to is at that action's place)
                anchor = ended if action.background and ended is not None else (date, place.keys)
                if not action.background:
                    ended = anchor
                lasting = next(((c, d) for c in action.cues if c.payloads[0] not in rules.place_kinds
                                and (d := timing.lasted(doc, rules, c.start, sentence))), None)
                if lasting is not None and (doc.dates_between(
                        lasting[0].end, (doc.clause_at(lasting[0].start) or (0, sentence.end))[1])
                        or (action.date is not None and not action.inherited
                            and action.date.span.start > lasting[0].start)):
                    lasting = None  # "after a four-day assault that began on April 22": told
                began = timing.began_before(anchor[0], lasting[1]) if lasting else None
                if lasting is not None and began is not None:
                    out.append((Event(
                        key=f"{evidence.start}-{evidence.end}-lasting", kind=lasting[0].payloads[0],
                        evidence=evidence, start=began, end=anchor[0].value, places=list(anchor[1]),
                        actors=battles.mention_keys(doc, "actor_mentions", sentence)), sentence))
        # after the episodes their sentences tell, which a toll told with them belongs to
        late = {id(e) for e, _ in began_events}
        out = sorted(out + began_events, key=lambda p: (p[1].start, id(p[0]) in late))
        return out, towns, redated, placeless, scoped

    def _opened(self, doc: Doc, rules: EventRules, phrase: Match[str],
                cues: list[Match[str]]) -> tuple[Match[str], Any, Event] | None:
        """The event a since-began phrase dates ("منذ بدء الحملة على الجنوب في 19 حزيران",
        "منذ اندلاع الاقتتال في العاشر من تشرين الأول"): its cue shortly after the phrase,
        the day written shortly after that cue, and the places named between."""
        cue = next((c for c in cues if c.start >= phrase.end and len(
            doc.tokens_between(phrase.end, c.start)) <= OPENED_CUE), None)
        if cue is None or cue.payloads[0] == NO_EVENT:
            return None
        clause = doc.clause_at(cue.start) or (cue.start, cue.end)
        date = next((d for d in doc.dates_between(cue.end, clause[1])
                     if len(doc.tokens_between(cue.end, d.span.start)) <= OPENED_DATE), None)
        if date is None:
            return None
        kind = cue.payloads[0]
        mentions = [m for m in doc.index("place_mentions").starting(cue.end, date.span.start)
                    if not m.weak]
        sentence = doc.sentence_at(cue.start)
        told = []
        if not mentions and sentence is not None:
            # "700 people have died in Homs since the assault began on February 4": where
            # the sentence tells what happened since then is in the campaign too
            told = [m for m in doc.index("place_mentions").starting(sentence.start, sentence.end)
                    if not m.weak and not phrase.start <= m.start < date.span.end]
        evidence = doc.span(phrase.start, date.span.end)
        return cue, date, Event(
            key=f"{evidence.start}-{evidence.end}", kind=kind, evidence=evidence,
            start=_day_of(date), end=date.end if _day_of(date) == date.value else None,
            places=self._where(doc, rules, mentions, kind).keys if mentions else list(dict.fromkeys(
                [*(self._where(doc, rules, told, kind).keys if told else []), *self._campaign_area(doc)])),
            actors=battles.mention_keys(doc, "actor_mentions", sentence) if sentence else [])

    def _campaign_area(self, doc: Doc) -> list[str]:
        """Where a campaign the text dates by its beginning and names no place of ("منذ بدء
        الحملة الأخيرة مساء الخميس"): the place the report is about and the district and
        governorate that hold it, over which a campaign is fought."""
        if doc.focus_place is None:
            return []
        return [doc.focus_place, *(k for k in ancestors(doc, self._places, doc.focus_place)
                                   if self._area(k) and self._level(doc, k) != "country")]

    def _happened(self, doc: Doc, cue: Match[str], denials: list[Match[str]],
                  rules: EventRules) -> bool:
        """A cue for something told as done: not denied, negated, intended, referred back."""
        if _refers_back(doc, cue, rules) or any(d.start < cue.start for d in denials):
            return False
        if cue.payloads[0] == "capture" and asides.arrival(doc, cue, rules):
            return False  # "دخول تعزيزات", "دخل رتل تركي": an arrival, not a capture
        if cue.key in rules.annexed_into and not _joined_before(doc, cue, rules):
            return False  # "عاد النازحون إلى مناطق سيطرتها": no verb of joining, no capture
        if cue.payloads[0] == "withdrawal" and asides.displaced(doc, cue, rules):
            return False  # "فر آلاف المدنيين", "families fled": displacement, no withdrawal
        if cue.payloads[0] == "airstrike" and asides.hovering(doc, cue, rules):
            return False  # "حلق الطيران المروحي فوق القصير": flying over, no strike
        if asides.describes(doc, cue, rules):
            return False  # "المناطق التي سيطرت عليها مؤخرا": what the areas are, not news
        if self._attributive(doc, cue, rules):
            return False  # "About 50,000 people live in the besieged neighbourhoods"
        if cue.payloads[0] == "capture" and not self._taken(doc, cue, rules):
            return False  # "سيطرة نارية على", "سقوط جرحى": no place was taken
        target = rules.object_cues.get(cue.key)
        if target is not None:
            # "سيطرة الفصائل في الـ 3 من أيار / مايو الماضي على بلدة اللطامنة": the
            # words of a date between the cue and its object count as none
            dates = doc.dates_between(cue.end, cue.end + OBJECT_REACH)
            after = [t for t in doc.tokens_after(cue.end, OBJECT_WINDOW + DATE_WORDS) if not any(
                d.span.start <= t.start < d.span.end for d in dates)][:OBJECT_WINDOW]
            if not any(target in clitic_forms(t.key) or t.key.startswith(target) for t in after):
                return False
        i = doc.token_at(cue.start)
        token = doc.tokens[i]
        clause = doc.clause_at(cue.start) or (0, cue.start)
        said = set(word_forms(doc.tokens_between(clause[0], cue.start)))  # the clause so far
        undergone = not rules.undergoing.isdisjoint(said)  # "تعرضت البلدة لقصف"
        if token.start < cue.start and "ل" in doc.text[token.start:cue.start] and not undergone:
            return False  # "لاستعادة السيطرة": a purpose
        if i > 0 and (key := doc.tokens[i - 1].key).startswith("ل") and (
                key[1:] in rules.cue_words or "ا" + key[2:] in rules.cue_words):
            return False  # "لاستعادة السيطرة": the noun a purpose governs
        before = [t for t in doc.tokens[max(0, i - NEGATION_WINDOW):i] if t.start >= clause[0]]
        if not rules.negations.isdisjoint(word_forms(before)):
            return False
        if not rules.any_words.isdisjoint(word_forms(before)) and \
                not rules.negations.isdisjoint(said):
            return False  # "لم تسجل أي غارة", "has not observed any Russian airstrikes"
        return rules.clause_negations.isdisjoint(said)


def _day_of(date: Any) -> str | None:
    """The day an action dated by a range happened: what happened "in the past hours" or
    "in the past 24 hours" before a report (a relative range of two days ending on its
    day) happened on the report's day; any other range starts on its first day."""
    if date is None:
        return None
    if date.relative and date.end and date.precision == "day":
        try:
            first, last = datetime.date.fromisoformat(date.value), datetime.date.fromisoformat(date.end)
        except ValueError:
            return date.value
        if (last - first).days == 1:
            return date.end
    return date.value


def _taken_back(doc: Doc, action: Any, rules: EventRules) -> list[Mention]:
    """The places named before an action's cue in its clause that a pronoun right after
    the cue takes ("نحو معسكر الحامدية وسيطرت عليه", "advanced towards X and captured
    it"), or none."""
    cue = action.cues[-1]
    after = doc.tokens_after(cue.end, 1)
    if not after or after[0].key not in rules.pronoun_objects:
        return []
    return [m for m in (action.lead or action.places) if m.end <= cue.start]


def _refuted(doc: Doc, cues: list[Match[str]], denials: list[Match[str]]) -> list[Match[str]]:
    """The cues a denial told after them takes back ("أعلن التلفزيون الرسمي سيطرة الجيش
    على كامل الحي، وهو ما نفاه قائد العمليات", "Reports that ... entered Qatana are
    false"): the last cue before it in its sentence and those of that cue's clause."""
    out: list[Match[str]] = []
    for denial in denials:
        before = [c for c in cues if c.end <= denial.start]
        if not before:
            continue
        clause = doc.clause_at(before[-1].start) or (before[-1].start, before[-1].end)
        out += [c for c in before if clause[0] <= c.start < clause[1]]
    return out


def _left_it(doc: Doc, action: Any, rules: EventRules) -> bool:
    """Whether an action says it left a place named before by a pronoun ("انسحب
    المسلحون منها باتجاه رنكوس"), before the places it went to."""
    cue = action.cues[0]
    until = min([m.start for m in [*action.places, *action.lead] if m.start > cue.end]
                or [action.end])
    return any(t.key in rules.left_pronouns for t in doc.tokens_between(cue.end, until))


def _refers_back(doc: Doc, cue: Match[str], rules: EventRules) -> bool:
    """Whether a cue refers back to an event already told ("المعركة", "the massacre"):
    not when a relative clause right after it tells it with a place of its own ("الهجوم
    الذي شنه التنظيم ليل الاثنين على حي القدم")."""
    i = doc.token_at(cue.start)
    if not (cue.key in rules.references
            or (i > 0 and f"{doc.tokens[i - 1].key} {cue.key}" in rules.references)
            or (i > 1 and f"{doc.tokens[i - 2].key} {doc.tokens[i - 1].key} {cue.key}"
                in rules.references)):
        return False
    return not _told_in_relative(doc, cue, rules)


def _began_after(doc: Doc, cue: Match[str], rules: EventRules) -> bool:
    """Whether a verb of beginning follows a cue, past an auxiliary ("the offensive began",
    "the operation was launched", "the campaign had started"): English only."""
    if doc.language != "en":
        return False
    after = doc.tokens_after(cue.end, BEGAN_AFTER)
    return any(t.key in rules.began for t in after[:BEGAN_AFTER]) and bool(after) and (
        after[0].key in rules.began or after[0].key in BEGAN_AUXILIARIES)


def _held_alone(doc: Doc, cues: list[Match[str]], rules: EventRules) -> list[Match[str]]:
    """The cues but those of a hold since a time in a sentence that tells another event."""
    def other_in_sentence(c: Match[str]) -> bool:
        sentence = doc.sentence_at(c.start)
        return sentence is not None and any(
            o is not c and o.key not in rules.held_since and sentence.start <= o.start < sentence.end for o in cues)
    return [c for c in cues if c.key not in rules.held_since or not other_in_sentence(c)]


def _relative_antecedent(doc: Doc, cue: Match[str], sentence: Sentence, rules: EventRules) -> Mention | None:
    """English: the place a relative pronoun before the cue stands for, named right before
    it ("Khan Sheikhoun, which rebels have held since"), or None."""
    before = [t for t in doc.tokens_between(sentence.start, cue.start)][-RELATIVE_TOKENS:]
    pronoun = next((t for t in reversed(before) if t.key in rules.relatives), None)
    if pronoun is None:
        return None
    gap = lambda m: not doc.text[m.end:pronoun.start].strip(" ,")  # noqa: E731
    return next((m for m in reversed(doc.index("place_mentions").overlapping(sentence.start, pronoun.start))
                 if not m.weak and gap(m)), None)


def _subject_antecedent(doc: Doc, cue: Match[str], sentence: Sentence, rules: EventRules) -> Mention | None:
    """The place a relative clause whose subject is the place taken stands for ("clear al-Rai
    and Dabiq, which was taken from IS on Oct. 16": Dabiq alone), when no place is named
    between its pronoun and the cue; None when the cue is told in no such clause."""
    held = _relative_antecedent(doc, cue, sentence, rules)
    if held is None or doc.index("place_mentions").starting(held.end, cue.start):
        return None
    return held


def _told_in_relative(doc: Doc, cue: Match[str], rules: EventRules) -> bool:
    after = doc.tokens_after(cue.end, 1)
    sentence = doc.sentence_at(cue.start)
    if not after or sentence is None or after[0].key not in rules.relatives:
        return False
    clause = doc.tokens_after(after[0].end, RELATIVE_TOKENS)
    end = min([sentence.end, *(t.start for t in clause if t.key in rules.relatives)])
    reach = clause[-1].end if clause else after[0].end
    return any(m.start < min(end, reach) for m in doc.index("place_mentions").starting(after[0].end, end)
               if not m.weak)


def _kind(cues: list[Match[str]], rules: EventRules) -> str:
    """An overriding kind anywhere in the sentence, else the kind of its first cue that
    says more than that something was targeted."""
    specific = [c for c in cues if c.key not in rules.generic] or cues
    kinds = [cue.payloads[0] for cue in sorted(specific, key=lambda c: c.start)]
    return next((k for k in rules.overriding if k in kinds), kinds[0])


def _locals_places(doc: Doc, sentence: Sentence, cues: list[Match[str]],
                   rules: EventRules) -> list[tuple[int, int]]:
    """Arabic: the places of the locals a cue's subject is ("سيطر مقاتلون من أبناء ريف درعا
    الغربي، صباح اليوم، على عدد من الحواجز"): named after a word of locals, right after a
    cue and before the preposition of its object; where they are from, not where it
    happened."""
    if not rules.locals or not rules.locals_objects:
        return []
    out = []
    for cue in cues:
        words = doc.tokens_between(cue.end, sentence.end)[:LOCALS_REACH]
        for n, t in enumerate(words):
            if t.key in rules.locals_objects:
                break
            if t.key in rules.locals or any(f in rules.locals for f in clitic_forms(t.key)):
                stop = next((w for w in words[n + 1:] if w.key in rules.locals_objects), None)
                if stop is not None:
                    out += [(m.start, m.end) for m in doc.index("place_mentions").starting(
                        t.end, stop.start)]
                break
    return out


def _in_place_name(doc: Doc, cue: Match[str]) -> bool:
    """Whether a cue is a word of a place's name, after its head ("كلية المدفعية": the
    artillery college, no shelling)."""
    return doc.language == "ar" and any(
        m.start < cue.start and cue.end <= m.end and not m.weak
        for m in doc.index("place_mentions").overlapping(cue.start, cue.end))


def _inside_name(cue: Match[str], name: Mention, language: str) -> bool:
    """"تحرير" in "هيئة تحرير الشام" is no capture; "Russian warplanes", whose head is the
    cue, still strike."""
    if not (name.start < cue.end and cue.start < name.end):
        return False
    head = cue.end == name.end if language == "en" else cue.start == name.start
    return not head


def _site_setting(doc: Doc, stop: Match[str], rules: EventRules, site: Callable[[str], bool]) -> bool:
    """Whether a clause-opening word is a locative that only says where the site just
    before it lies, with nothing but place nouns before the place after it ("سوق الهال
    وسط مدينة معرة النعمان"); "وسط اشتباكات" is amid fighting and ends the list."""
    if normalize_key(doc.text[stop.start:stop.end]) not in rules.locatives:
        return False
    i = doc.token_at(stop.start)
    if i == 0 or not any(site(m.key) for m in doc.index("place_mentions").overlapping(
            doc.tokens[i - 1].start, doc.tokens[i - 1].end)):
        return False
    return _place_follows(doc, stop.end, rules)


def _joined_before(doc: Doc, cue: Match[str], rules: EventRules) -> bool:
    """Whether a verb of joining ("ضمت", "وضمتها") stands before ``cue`` in its sentence."""
    sentence = doc.sentence_at(cue.start)
    start = sentence.start if sentence is not None else 0
    for token in doc.tokens_between(start, cue.start):
        for form in clitic_forms(token.key):
            if form in rules.annexations or any(
                    form.endswith(x) and form[:-len(x)] in rules.annexations for x in rules.object_suffixes):
                return True
    return False


def _place_follows(doc: Doc, offset: int, rules: EventRules) -> bool:
    """Whether a place is named right after ``offset``, with nothing but place nouns
    before it ("على مدينة X", "وسط مدينة X")."""
    for token in doc.tokens_after(offset, PLACE_OBJECT_WINDOW):
        if doc.index("place_mentions").overlapping(token.start, token.end):
            return True
        if not any(f in rules.place_fillers for f in clitic_forms(token.key)):
            return False
    return False


def _overlaps(spans: list[tuple[int, int]], m: Match[str]) -> bool:
    return any(s < m.end and m.start < e for s, e in spans)


def _paragraph_places(doc: Doc, sentence: Sentence, names: list[tuple[int, int]],
                      before: int | None = None,
                      aside: Callable[[Mention], bool] = lambda m: False) -> list[str]:
    """The place named last before the sentence (or before ``before`` in it) in its
    paragraph, none that ``aside(mention)`` sets aside: what an action with no place of
    its own is about."""
    start, _ = doc.paragraphs[sentence.paragraph]
    until = sentence.start if before is None else before
    keys = [m.key for m in doc.index("place_mentions").starting(start, until)
            if m.end <= until and not any(a <= m.start < b for a, b in names)
            and not aside(m)]
    return keys[-1:]


def _quoted_aside(doc: Doc, cue: Match[str]) -> bool:
    """Whether a cue stands in a quotation that tells no episode: a word or two the
    writer sets apart ("قوات النظام “هربت” من حمص", "عمليات “نوعية”"), a label the report
    does not vouch for, or words that name no place ("ما يجري هو معارك كر وفر"). What a
    party is quoted saying of a place ("أعلنت القيادة أن قواتها "أحكمت سيطرتها على قرى
    عرجون والحميدية"", "\"We are pulling out of Bab Houd\"") is told all the same."""
    if not _in_quotes(doc, cue.start):
        return False
    line = doc.text.rfind("\n", 0, cue.start) + 1
    opening = max(doc.text.rfind(q, line, cue.start) for q in QUOTE_OPENINGS)
    closings = [i for q in QUOTE_CLOSINGS if (i := doc.text.find(q, cue.end)) != -1]
    if opening < 0 or not closings:
        return True
    closing = min(closings)
    if len(doc.text[opening + 1:closing].split()) <= SCARE_QUOTE_WORDS:
        # "قالت قسد إن قواتها "حررت" بلدتي A وB": the word of the source the sentence
        # credits, quoted, tells what it says it did; a word the writer sets apart
        # ("قوات النظام “هربت” من حمص") does not
        return not _credited_word(doc, opening, closing)
    return not doc.index("place_mentions").overlapping(opening, closing)


def _credited_word(doc: Doc, opening: int, closing: int) -> bool:
    """Whether a short quotation stands in what a named source is credited with saying,
    in its sentence after the crediting words, with a place right after it in its clause."""
    sentence = doc.sentence_at(opening)
    if sentence is None or not any(
            sentence.start <= a.start and a.end <= opening and a.scope_start <= opening < a.scope_end
            and not a.aside for a in doc.attributions):
        return False
    # its subject is the source's own ("إن قواتها", "أن مقاتليه"): what the source says
    # it did, not its word for what its enemy did ("أن قوات النظام “هربت”")
    before = [t for t in doc.tokens if sentence.start <= t.start and t.end <= opening][-1:]
    if not before or before[0].key.startswith("ال") or len(before[0].key) <= 3 or \
            not before[0].key.endswith(OWN_SUFFIXES):
        return False
    clause = doc.clause_at(closing) or (closing, sentence.end)
    after = doc.tokens_after(closing, PLACE_OBJECT_WINDOW)
    return any(doc.index("place_mentions").overlapping(t.start, t.end) for t in after
               if t.end <= clause[1])


def _in_quotes(doc: Doc, offset: int) -> bool:
    """Whether ``offset`` is inside quotation marks on its line."""
    line = doc.text[doc.text.rfind("\n", 0, offset) + 1:offset]
    return line.count("“") > line.count("”") or line.count("«") > line.count("»") \
        or line.count("\"") % 2 == 1


def _by_place(place: Place, split: bool, local: Any, area: Any = lambda k: True) -> list[list[str]]:
    """The places of an action, one event each for the towns and villages a capture,
    withdrawal or siege names ("سيطرت على قرى كفرباسين وبابولين وأم جلال": three
    happenings), each with the facilities set in it, and one for each other facility it
    names ("سيطرت على مطار كويرس والمحطة الحرارية": two); what else it names (a
    governorate, a region, a river) goes with the first. Other kinds keep their places
    together in one event; ``area(key)`` says whether a place is not such a facility."""
    if not split:
        return [place.keys]
    towns = [k for k in place.keys if local(k)]
    held = {s for k in towns for s in place.sites.get(k, ())}
    rest = [k for k in place.keys if k not in towns and k not in held]
    groups = [[k, *place.sites.get(k, ())] for k in towns] + [[k] for k in rest if not area(k)]
    areas = [k for k in rest if area(k)]
    if not groups:
        return [areas] if areas else []
    groups[0] += areas
    return groups


def _joined_ends(groups: list[list[str]], ends: dict[str, str]) -> list[list[str]]:
    """The groups of an action's places with the group of the second end of a stretch
    joined to the group of its first ("بين بلدتي البارة وبليون": one event at both)."""
    out: list[list[str]] = []
    for group in groups:
        first = ends.get(group[0]) if group else None
        home = next((o for o in out if first in o), None) if first else None
        if home is None:
            out.append(list(group))
        else:
            home.extend(k for k in group if k not in home)
    return out


SUBJECT_WORDS = 3  # words between a cue and a modal after it that still make it its subject


def _told_as_fact(doc: Doc, cues: list, modals: list) -> list:
    """The cues no modal of their sentence governs: a modal ("could", "expected to")
    governs what follows it and the subject just before it ("an offensive would"), not a
    happening the sentence told first ("killed in shelling ..., and the toll is expected
    to rise")."""
    if not modals:
        return cues
    return [c for c in cues if not any(
        m.start < c.start or (c.end <= m.start and len(doc.tokens_between(c.end, m.start)) <= SUBJECT_WORDS)
        for m in modals)]

