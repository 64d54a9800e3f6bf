"""Episodes of one sentence: what was done, when and where, one action at a time.

A sentence often tells several actions ("سيطرت أمس على جرجناز ... بعد أن كانت قد سيطرت
يوم الأحد على التح"; "shelled A on Monday and stormed B on Tuesday"). Each event cue
opens an action that runs to the next cue; an action with no place of its own belongs
to its neighbour ("تقدمت إلى أبو مكي والصرمان، وسيطرت عليهما فجر اليوم"). An action's
date is the first date inside it, else the last one before it in the sentence, else
the first of the sentence that is not the time of a background clause ("بعد سيطرة النظام
الأربعاء على خان شيخون"), else the day a source in the sentence made it known ("أعلن
الجيش، اليوم الأحد، استعادة تدمر"); the caller falls back on the paragraph and the lead.

An action's places are the ones its cue governs: the list after the cue, in its clause
and in the clauses that continue that list ("على بلدة A، وقرية B"), up to a word that
opens another clause ("بعد", "التي", "تقسم" after the object, "after", "which") or
another cue; only when nothing follows the cue, the places before it since the previous action
("شهد حي القدم دخول تعزيزات", "X fell to", "أفادت أن أبناء بلدة أم المياذن، شرقي درعا،
سيطروا على حاجزين"). What the text goes on to say about those
places ("سيطرة الفصائل على حمص تقسم مناطق سيطرة النظام ... دمشق ... طرطوس") is not where
the action was.

Of those, a place named only as a reference point or a destination ("شمال الرقة",
"north of Raqqa", "نحو سرمين", "انسحبوا باتجاه دمشق") counts only when nothing else is
named (and never for a capture, withdrawal or siege, which then happened at the place
the sentence was about), a place named only to say where another lies is its setting
("حي التضامن في جنوب دمشق", "Kafr Nabudah in northern Hama"), and so is a governorate
or district that holds another place of the action ("بلدة التح، كبرى بلدات ريف إدلب" is
al-Tah).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from conflictkg.extract.doc import Doc, Mention, Sentence, clitic_forms
from conflictkg.extract.matcher import Match
from conflictkg.extract.normalize import normalize_key
from conflictkg.reference.gazetteers import Places

REFERENCE_REACH = 3
LOCATIVE_CLITICS = ("ب",)  # "بشمال حلب": in the north of Aleppo
CONJUNCTIONS = ("و", "ف")  # place nouns and articles between a reference word and its place
DATE_REACH = 12  # characters after a clause-opening word where a date makes it a time
OBJECT_ITEM_WORDS = 3  # words of an item of a list of objects ("shelters, weapon positions and")
LIST_REACH = 2  # other words before the place of a clause that continues a list ("، ومدينتا B")
BACKGROUND_NEAR = 2  # words between "بعد" and the cue it makes background ("after fierce fighting")
BACKGROUND_REACH = 4  # tokens between "بعد" and the date of its clause ("بعد سيطرة النظام الأربعاء")
RELATIVE_NEAR = 4  # words between a relative pronoun and the cue of its clause ("التي كانت قد سيطرت")
WOUND_REACH = 6  # tokens between a wound noun and the day of the wounding ("بجراحه التي أصيب بها أمس")
SIDES = frozenset({"capture", "withdrawal"})
LOCAL_LEVELS = ("neighbourhood", "community")  # a quarter, a town or a village  # the two sides of one change of hands


@dataclass
class Action:
    """Cues of one sentence that tell one action, with its span, date and places."""

    cues: list[Match[str]]
    start: int
    end: int
    date: Any = None  # dates.DateMention
    places: list[Mention] = field(default_factory=list)
    lead: list[Mention] = field(default_factory=list)  # named before the cue in its clause
    background: bool = False  # told as what came before another ("بعد معارك", "after fighting")
    inherited: bool = False  # its date is another action's of the sentence
    side: bool = False  # the other side of the change of hands the action before it tells
    apart: bool = False  # fighting told after an action, kept apart only when dated


@dataclass(frozen=True)
class Place:
    """Where an action happened: its places, and the facilities set in each of them
    ("محطة القطارات الواقعة في حي القدم": the station, in al-Qadam)."""

    keys: list[str]
    sites: dict[str, list[str]]  # place key -> keys of the facilities it holds


@dataclass(frozen=True)
class Scope:
    """The words that bound what a cue governs, of one language."""

    ends: frozenset[int]  # offsets where a clause-opening word stands in the sentence
    locatives: frozenset[str]  # words that set a place as where another is ("في", "in")
    coordinators: frozenset[str]  # words that join a list resumed after a clause ("and")
    fillers: frozenset[str]  # place nouns and articles inside an item ("قرية", "the town of")
    background: frozenset[str] = frozenset()  # words that open a clause of earlier time ("بعد")
    resumed_kinds: frozenset[str] = frozenset()  # cues whose list may go on past its date
    resumed_objects: frozenset[str] = frozenset()  # plural places they take ("towns", "القرى")
    resumed_openers: frozenset[str] = frozenset()  # what resumes the list ("including", "منها")
    wound_nouns: frozenset[str] = frozenset()  # "جراح", "wounds"
    wound_verbs: frozenset[str] = frozenset()  # "أصيب", "sustained"
    offsets: frozenset[int] = frozenset()  # where offsets of days end ("a day after", "بعد يوم من")
    relatives: frozenset[str] = frozenset()  # relative pronouns ("التي", "which")
    place_subjects: frozenset[str] = frozenset()  # cues whose subject is the place ("fell to")


def actions(doc: Doc, sentence: Sentence, cues: list[Match[str]], stops: list[int],
            usable: Any, excluded: list[tuple[int, int]], scope: Scope) -> list[Action]:
    """The actions of a sentence, from its cues in text order. ``stops`` are where
    something else begins (a cue that tells no deed, "بالتزامن مع"): an action ends
    there. ``usable(date)`` says whether a date tells when something happened;
    ``excluded`` are spans whose places are not where (the names of named battles)."""
    cues = sorted(cues, key=lambda c: c.start)
    bounds = sorted({*stops, *(c.start for c in cues), sentence.end})
    found = doc.index("place_mentions").starting(sentence.start, sentence.end)
    places = [m for m in found if not any(a <= m.start < b for a, b in excluded)
              and not any(o is not m and o.start <= m.start and m.end <= o.end
                          and o.end - o.start > m.end - m.start for o in found)]
    dates = [d for d in doc.dates_between(sentence.start, sentence.end) if usable(d)]
    out: list[Action] = []
    held: set[int] = set()  # the dates of relative clauses: their own, lent to no other action
    reach = sentence.start  # where the places of the previous action ended
    for i, cue in enumerate(cues):
        before = [b for b in stops if b <= cue.start]
        start = max(before[-1] if before else sentence.start,
                    sentence.start if i == 0 else cues[i - 1].start + 1)
        if i:
            start = max(start, cue.start)
        end = next(b for b in bounds if b > cue.start)
        after = _governed(doc, sentence, cue, end, places, scope)
        clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
        lead = [m for m in places if reach <= m.start < cue.start and m.end <= cue.start]
        if after and lead and cue.key in scope.place_subjects and any(
                f in scope.locatives for t in doc.tokens_between(cue.end, after[0].start)
                for f in clitic_forms(t.key)):
            after = []  # "X fell to rebels in Idlib province": where X is, not a place taken
        background = _after_background(doc, cue, scope)
        action = Action([cue], start, end, places=after or lead, lead=lead if after else [],
                        background=background)
        first = cue.start if background else min(start, clause[0])  # "بعد معارك": its own only
        relative = _relative_before(doc, cue, cues[i - 1].end if i else sentence.start, scope)
        if relative is not None:
            # "قصفت اليوم بلدة A التي سيطرت عليها الفصائل في 5 آذار": a relative clause
            # is dated in itself, not by the day of the clause it qualifies
            first = relative
        if _coordinated_verb(doc, cue, clause, scope):
            # "عبرت النهر في 31 أيار، وطوقت منبج في العاشر من حزيران": a predicate of its
            # own, dated in its own clause before the clause before it
            first = next((cue.start for d in dates if cue.start <= d.span.start < end
                          and d.span.start < clause[1]), first)
        # "قصفت كفرزيتا، وتوفي رجل متأثراً بجراح أصيب بها أمس": the day of a wounding
        # told in another clause is not the action's
        action.date = next((d for d in dates if first <= d.span.start < end and (
            clause[0] <= d.span.start < clause[1] or not _wounding(doc, sentence, d, scope))
            and (relative is not None or not _in_relative_after(doc, cue.end, d, scope))), None)
        if relative is not None and action.date is not None:
            # "recaptured A, a gateway to B, which the army seized earlier this month": the
            # day of the relative clause is not the day of A's capture
            held.add(id(action.date))
        out.append(action)
        reach = max(reach, after[-1].end if after else cue.end)
    joined: list[Action] = []
    pending: list[Action] = []
    later: set[int] = set()  # the dates of clauses of what came after, joined to another
    after_it = False  # whether such a clause was joined to the last action
    for action in out:
        if joined and not action.places and action.background and action.date is not None:
            # "سيطروا على مدينة الرقة، بعد اشتباكات بدأت فجر السبت": the fighting of its own
            # day, at the place of the action it led to
            action.places = list(joined[-1].places)
            joined.append(action)
            continue
        if joined and not action.places and action.background and action.date is None \
                and action.cues[0].payloads[0] not in {*SIDES, "siege"}:
            # "entered the city on Tuesday, two days after clashes erupted in the province":
            # the fighting that led to it, at its place, on a day of its own
            action.places = list(joined[-1].places)
            action.apart = True
            joined.append(action)
            continue
        if joined and not action.places and _other_side(joined[-1], action):
            # "سيطرت على بلدة A بعد انسحاب الفصائل منها", "ثم اضطرت إلى الانسحاب منها":
            # the other side of the change of hands, at the place taken or left
            action.places = list(joined[-1].places)
            action.side = action.date is None  # dated as the change it is a side of
            action.date = action.date or joined[-1].date
            joined.append(action)
            continue
        if joined and not action.places and _dated_apart(doc, joined[-1], action):
            # "entered Jarablus on Friday, a town the rebels had seized in 2016", "دخلت
            # بلدة اللطامنة، التي سيطرت عليها الفصائل في عام 2016": a place taken, left or
            # besieged on a day of its own, at the place told first before it ("دخلت
            # مدينة A وقرى B وC، في المنطقة التي سيطرت عليها مطلع عام 2016": A)
            action.places = list(joined[-1].places[:1])
            joined.append(action)
            continue
        own = action.places or _set_in(doc, places, action, scope)
        if pending and own and any(pending[-1].cues[0].end <= o <= action.cues[0].start
                                   for o in scope.offsets):
            # "The fighting broke out on Monday, a day after the SDF detained its commander
            # in the city of Hasakah": what the offset clause tells, on a day and at a place
            # of its own (after an aside: "..., along with his aides, in the city of"), is
            # not the fighting told before it with no place, nor its place that fighting's
            joined.append(_join(pending))
            pending = []
            action.places = own
            joined.append(action)
            after_it = False
            continue
        if action.places or not joined:
            if pending and action.places and _dated_on(pending[-1], action):
                # "أطلقت مطلع آب معركة لفك الحصار، وتمكنت في السادس من الشهر من السيطرة على
                # A": the battle, at the place it won, on its own day; the taking on its own
                for told in pending:
                    told.places = list(action.places)
                joined.append(_join(pending))
                pending = []
            elif pending and action.places:
                action = _join([*pending, action])
                pending = []
            elif not action.places:
                pending.append(action)
                continue
            joined.append(action)
            after_it = False
        elif _opens_later(doc, action, scope):
            # "هاجمت نقاط الجيش، قبل أن تستعيد قواتنا السيطرة عليها فجر اليوم": what came
            # after, at the place told before it, on a day that dates nothing before it
            action.places = list(joined[-1].places)
            joined.append(action)
            after_it = True
        else:
            if after_it and action.date is not None:
                later.add(id(action.date))
            joined[-1] = _join([joined[-1], action])
    if pending:
        joined.append(_join(pending))
    reported = [d for d in doc.dates_between(sentence.start, sentence.end) if not usable(d)
                and d.precision == "day"]
    own = {id(a.date) for a in joined if a.background and a.date is not None} | later | held
    told = [d for d in dates if not _background(doc, sentence, d, scope) and id(d) not in own]
    for action in joined:
        if action.date is None:
            action.inherited = True
            before = [d for d in dates if d.span.start < action.start
                      and not _wounding(doc, sentence, d, scope)]
            action.date = before[-1] if before else (told[0] if told else None)
        if action.date is None and reported:  # "أعلن الجيش، اليوم الأحد، استعادة تدمر"
            action.date = reported[0]
    return joined


def _dated_on(told: Action, action: Action) -> bool:
    """Whether an action is dated apart from the one told before it: each has a date of its
    own, the later one's written after the earlier one's cue, and they are not one day."""
    return (told.date is not None and action.date is not None
            and action.date.span.start > told.cues[-1].end
            and action.date.value != told.date.value)


def _relative_before(doc: Doc, cue: Match[str], start: int, scope: Scope) -> int | None:
    """Where the relative pronoun that opens a cue's clause stands ("التي سيطرت", "التي
    كانت قد سيطرت", "which rebels had captured"), within a few words before the cue and
    after the cue before it."""
    if not scope.relatives:
        return None
    i = doc.token_at(cue.start)
    for token in reversed(doc.tokens[max(0, i - RELATIVE_NEAR):i]):
        if token.start < start:
            return None
        if token.key in scope.relatives:
            return token.start
    return None


def _in_relative_after(doc: Doc, start: int, date: Any, scope: Scope) -> bool:
    """English: whether a date after ``start`` is told in a relative clause that opens after
    it, with no comma that closes the clause before the date ("retook A, which rebels had
    held since 2014"): the day of that clause, not of what was told before it. (An Arabic
    relative clause is as often the place's own news: "التي دخلتها القوات أمس".)"""
    if date.span.start < start or doc.language != "en":
        return False
    tokens = doc.tokens_between(start, date.span.start)
    opened = [n for n, t in enumerate(tokens) if t.key in scope.relatives and n > 0
              and doc.index("place_mentions").overlapping(tokens[n - 1].start, tokens[n - 1].end)]
    # the clause of a place named before it ("X, which"), not of the action's own noun
    # ("clashes with government forces that started on Wednesday")
    return bool(opened) and not any(c in doc.text[tokens[opened[-1]].end:date.span.start] for c in ",;")


def _set_in(doc: Doc, places: list[Mention], action: Action, scope: Scope) -> list[Mention]:
    """The place an action is set in, after asides its list does not reach ("detained the
    commander, along with his aides, at a meeting in the city of Hasakah"): the first
    place after its cue in its span that a locative sets, after place nouns alone."""
    for m in places:
        if not action.cues[0].end <= m.start < action.end:
            continue
        words = [t.key for t in doc.tokens_between(action.cues[0].end, m.start)]
        while words and any(f in scope.fillers for f in clitic_forms(words[-1])):
            words.pop()
        if words and any(f in scope.locatives for f in clitic_forms(words[-1])):
            return [m]
    return []


def _opens_later(doc: Doc, action: Action, scope: Scope) -> bool:
    """Whether an action's cue opens with a word of other time ("قبل أن تستعيد"): a
    clause that tells what came after (or before) the rest of the sentence."""
    cue = action.cues[0]
    token = doc.tokens[doc.token_at(cue.start)]
    return token.start >= cue.start and token.key in scope.background and \
        doc.token_at(cue.end - 1) > doc.token_at(cue.start)


def _coordinated_verb(doc: Doc, cue: Match[str], clause: tuple[int, int], scope: Scope) -> bool:
    """Whether a cue opens a clause of its own joined by a coordinator ("، وطوقت", "ثم
    سيطرت"): the clause before it told something else."""
    i = doc.token_at(cue.start)
    token = doc.tokens[i]
    if token.start < cue.start:
        return token.start >= clause[0] and doc.text[token.start:cue.start] in CONJUNCTIONS \
            and i > 0 and doc.tokens[i - 1].start < clause[0]
    return i > 0 and doc.tokens[i - 1].start >= clause[0] and doc.tokens[i - 1].key in \
        scope.coordinators and (i < 2 or doc.tokens[i - 2].start < clause[0])


def _dated_apart(doc: Doc, told: Action, action: Action) -> bool:
    """Whether ``action`` takes, leaves or besieges the place ``told`` names on a day
    of its own, written in its own clause after its cue, that is not the day ``told``
    happened."""
    cue = action.cues[0]
    if cue.payloads[0] not in {*SIDES, "siege"} or action.date is None or told.date is None:
        return False
    clause = doc.clause_at(cue.start) or (cue.start, cue.end)
    return cue.end <= action.date.span.start < clause[1] and told.places != [] and \
        action.date.value != told.date.value


def _other_side(told: Action, action: Action) -> bool:
    """Whether ``action`` is the other side of the change of hands ``told`` tells: a
    withdrawal after a capture, a capture after a withdrawal."""
    kind = action.cues[0].payloads[0]
    kinds = {c.payloads[0] for c in told.cues}
    return kind in SIDES and kind not in kinds and not kinds.isdisjoint(SIDES)


def _after_background(doc: Doc, cue: Match[str], scope: Scope) -> bool:
    """Whether a cue follows a word of earlier time ("بعد معارك", "بعد أن هاجمت", "after
    fierce fighting"): what led to the action told before it, not dated by that action."""
    i = doc.token_at(cue.start)
    token = doc.tokens[i]
    joined = normalize_key(doc.text[token.start:cue.start])
    return joined in scope.background or any(
        t.key in scope.background for t in doc.tokens[max(0, i - BACKGROUND_NEAR):i])


def _background(doc: Doc, sentence: Sentence, date: Any, scope: Scope) -> bool:
    """Whether a date is the time of a background clause ("بعد سيطرة النظام الأربعاء على
    خان شيخون", "after IS captured Ramadi last week"): not the time of an action told
    before it in the sentence."""
    i = doc.token_index(date.span.start)
    before = [t for t in doc.tokens[max(0, i - BACKGROUND_REACH):i] if t.start >= sentence.start]
    return any(f in scope.background for t in before for f in clitic_forms(t.key)) or \
        _wounding(doc, sentence, date, scope)


def _wounding(doc: Doc, sentence: Sentence, date: Any, scope: Scope) -> bool:
    """Whether a date is the day of the wounding a death came from ("وتوفي رجل متأثراً
    بجراح أصيب بها أمس", "died of wounds sustained yesterday"): a wound noun and the verb
    of its wounding shortly before it. It dates only its own clause, not what the
    sentence told before."""
    i = doc.token_index(date.span.start)
    before = [t.key for t in doc.tokens[max(0, i - WOUND_REACH):i] if t.start >= sentence.start]
    nouns = [k for k, w in enumerate(before) if w in scope.wound_nouns]
    return bool(nouns) and any(w in scope.wound_verbs for w in before[nouns[0] + 1:])


def _governed(doc: Doc, sentence: Sentence, cue: Match[str], limit: int,
              places: list[Mention], scope: Scope) -> list[Mention]:
    """The places a cue governs: the list after it, up to a clause-opening word once a
    place has followed the cue, or to a clause that does not go on with the list ("،
    وقرية B" goes on; "، الأول في دمشق" does not); and a list coordinated with it after
    a clause in between ("على حرستا بعد خروج ... منها، وعلى بلدات عربين وزملكا", "seized
    A on Tuesday, and then the town of B")."""
    following = [m for m in places if cue.end <= m.start < limit]
    if not following:
        return []
    clause = doc.clause_at(following[0].start)
    if clause is not None and clause[0] > cue.end and not _continues(
            doc, clause[0], limit, places, scope) and not _object_list(
            doc, sentence, cue, clause[0], following[0], scope):
        return []  # "عمليات نوعية، واستطاعت الفصائل الوصول إلى سجن حمص": another clause
    clauses = {c[0] for c in sentence.clauses}
    opened = min((e for e in scope.ends if cue.end <= e < following[0].start
                  and _opens_clause(doc, e, clauses)
                  and not _after_apposed_date(doc, sentence, cue, e, scope)), default=None)
    end = _list_end(doc, sentence, following[0], limit, places, scope, opened=opened)
    out = [m for m in following if m.start < end]
    for start, _ in sentence.clauses:
        if end <= start < limit and _coordinated(doc, start, scope) and \
                _continues(doc, start, limit, places, scope, reach=0):
            nxt = next(m for m in places if m.start >= start)
            end = _list_end(doc, sentence, nxt, limit, places, scope)
            out += [m for m in places if start <= m.start < end]
    return out + _resumed(doc, sentence, cue, following, end, limit, places, scope)


def _object_list(doc: Doc, sentence: Sentence, cue: Match[str], start: int, place: Mention,
                 scope: Scope) -> bool:
    """Whether the clause at ``start`` ends a list of the cue's objects begun right after
    it ("struck shelters, weapon positions and ammunition depots in Ras al-Ayn"): a
    few words between the cue and that clause, in one clause, and a coordinator after
    the next item's few words in it."""
    head = doc.tokens_between(cue.end, start)
    if not head or len(head) > OBJECT_ITEM_WORDS or doc.dates_between(cue.end, start) or \
            sum(1 for c in sentence.clauses if cue.end < c[0] < start):
        return False
    words = doc.tokens_between(start, place.start)
    joined = next((n for n, t in enumerate(words) if t.key in scope.coordinators), None)
    return joined is not None and 0 < joined <= OBJECT_ITEM_WORDS


def _after_apposed_date(doc: Doc, sentence: Sentence, cue: Match[str], start: int,
                        scope: Scope) -> bool:
    """Whether only dates set apart by commas stand between the cue's clause and the
    clause at ``start`` ("in shelling on Sunday morning, the 8th of September 2019, on the
    market of X", "بقصف صباح الأحد، 8 أيلول 2019، على سوق مدينة X"): that clause goes on
    with the cue's, whose place it names."""
    between = [c for c in sentence.clauses if cue.end < c[0] < start]
    if not between or doc.clause_at(cue.start) == doc.clause_at(start):
        return False
    for a, b in between:
        dates = doc.dates_between(a, b)
        if not dates or any(not any(d.span.start <= t.start < d.span.end for d in dates)
                            and not any(f in scope.fillers for f in clitic_forms(t.key))
                            for t in doc.tokens_between(a, b)):
            return False
    return True


def _resumed(doc: Doc, sentence: Sentence, cue: Match[str], following: list[Mention], end: int,
             limit: int, places: list[Mention], scope: Scope) -> list[Mention]:
    """The items of a list of plural places a capture or a withdrawal takes, given after
    its date ("captured several towns in Idlib on Sunday, including A, B and C"): the
    date ended the list at Idlib, the opener resumes it. Only after a plural place noun,
    since a place that follows a date is otherwise another clause's."""
    if not scope.resumed_kinds.intersection(cue.payloads) or not following:
        return []
    if not any(f in scope.resumed_objects for t in doc.tokens_between(cue.end, following[0].start)
               for f in clitic_forms(t.key)):
        return []
    date = next((d for d in doc.dates_between(end, limit)
                 if len(doc.tokens_between(end, d.span.start)) <= 2), None)
    if date is None or any(end <= m.start < date.span.end for m in places):
        return []
    nxt = next((m for m in places if date.span.end <= m.start < limit), None)
    if nxt is None:
        return []
    words = [t.key for t in doc.tokens_between(date.span.end, nxt.start)]
    opened = next((n for n in range(len(words), 0, -1)
                   if " ".join(words[:n]) in scope.resumed_openers), 0)
    if not opened or not all(any(f in scope.fillers for f in clitic_forms(w))
                             for w in words[opened:]):
        return []
    last = _list_end(doc, sentence, nxt, limit, places, scope)
    return [m for m in places if nxt.start <= m.start < last]


def _list_end(doc: Doc, sentence: Sentence, first: Mention, limit: int,
              places: list[Mention], scope: Scope, opened: int | None = None) -> int:
    """Where the list that begins with ``first`` ends; ``opened`` is a clause-opening word
    that opens a clause between the cue and ``first`` ("معركة “نصرة داريا”، وذلك لأجل
    مؤازرة مدينة داريا"), unless a date follows it ("، بعد ظهر الأحد، على")."""
    if opened is not None and not doc.dates_between(opened, opened + DATE_REACH):
        return opened
    ends = [e for e in scope.ends if first.end <= e < limit]
    end = min(ends, default=limit)
    for start, _ in sentence.clauses:
        if first.end <= start < end and not _continues(doc, start, end, places, scope):
            return start
    return end


def _opens_clause(doc: Doc, offset: int, clauses: set[int]) -> bool:
    """Whether the word at ``offset`` is the first of a clause ("، وذلك لأجل")."""
    i = doc.token_at(offset)
    return doc.tokens[i].start in clauses or (i > 0 and any(
        c in doc.text[doc.tokens[i - 1].end:doc.tokens[i].start] for c in "،,;:"))


def _coordinated(doc: Doc, start: int, scope: Scope) -> bool:
    """Whether the clause at ``start`` opens with a coordinator ("وعلى", "and then")."""
    tokens = doc.tokens_after(start, 1)
    return bool(tokens) and (tokens[0].key in scope.coordinators or (
        tokens[0].key[:1] == "و" and len(tokens[0].key) > 2))


def _continues(doc: Doc, start: int, end: int, places: list[Mention], scope: Scope,
               reach: int = LIST_REACH) -> bool:
    """Whether the clause at ``start`` goes on with a list: a place after at most a few
    words that are not place nouns, articles or coordinators, with no locative before it
    ("، وعلى قرى A", "، ومدينتا B", "and then the neighbouring town of B"; not "، الأول في
    دمشق", "the last stronghold in Hama")."""
    nxt = next((m for m in places if m.start >= start), None)
    if nxt is None or nxt.start >= end:
        return False
    unknown = 0
    for n, token in enumerate(doc.tokens_between(start, nxt.end)):
        if token.end > nxt.start:
            return True
        forms = clitic_forms(token.key)
        if any(f in scope.locatives for f in forms):
            return False
        if not any(f in scope.fillers or f in scope.coordinators for f in forms):
            if n == 0 and forms[1:] and token.key[:1] in CONJUNCTIONS:
                return False  # "، والثاني", "، وقصفت": another clause
            unknown += 1
            if unknown > reach:
                return False
    return False


def _join(parts: list[Action]) -> Action:
    first = parts[0]
    return Action(
        cues=[c for p in parts for c in p.cues], start=first.start, end=parts[-1].end,
        date=next((p.date for p in parts if p.date is not None), None),
        background=first.background,
        places=[m for p in parts for m in p.places], lead=[m for p in parts for m in p.lead])


def where(doc: Doc, places: Places, mentions: list[Mention], references: frozenset[str],
          fillers: frozenset[str], locatives: frozenset[str], *,
          coordinators: frozenset[str] = frozenset(), pointed_only: bool = True,
          proximity: frozenset[str] = frozenset(), route: bool = False) -> Place:
    """The places where an action happened (see the module docstring). With
    ``pointed_only`` false, reference points and destinations never count. With ``route``
    (a withdrawal), what follows its first destination is the way it went on ("فروا
    باتجاه هجين والسوسة على الضفة الشرقية لنهر الفرات", "نحو قرية A ومنها إلى B"). A place that
    is only the setting of a facility stays, with the facility set in it. The items of a
    list after a reference word are all pointed at ("باتجاه بلدتي نبل والزهراء"), up to a
    comma ("A وB شمال حلب، وC وD": C and D are taken again). A place
    named only as the landmark of the place before it ("بلدة تادف قرب الباب", "the base
    near the town of X") is not where it happened while another place is."""
    keys = list(dict.fromkeys(m.key for m in mentions))
    def landmark(a: Mention, b: Mention) -> bool:  # not the setting of a site found in it
        return a.key != b.key and _near(doc, a, b, fillers, proximity) and b.key not in ancestors(
            doc, places, a.key)

    landmarks = {b.key for a, b in pairwise(mentions) if landmark(a, b)}
    landmarks -= {b.key for i, b in enumerate(mentions)
                  if b.key in landmarks and not (i and landmark(mentions[i - 1], b))}
    if any(k not in landmarks for k in keys):
        keys = [k for k in keys if k not in landmarks]
    pointed = set()
    previous: Mention | None = None
    for m in mentions:
        if (route and pointed) or after_reference(doc, m, references, fillers, locatives) or (
                previous is not None and previous.key in pointed
                and not any(c in doc.text[previous.end:m.start] for c in "،,")
                and _listed(doc, previous, m, fillers, coordinators)):
            pointed.add(m.key)
        previous = m
    sites: dict[str, list[str]] = {}
    for a, b in pairwise(mentions):
        if a.key != b.key and _locative(doc, a, b, fillers, locatives):
            if _level(doc, places, a.key) == "site" and b.key not in pointed:
                sites.setdefault(b.key, []).append(a.key)
            else:
                pointed.add(b.key)
    if any(k not in pointed for k in keys) or not pointed_only:
        keys = [k for k in keys if k not in pointed]
    held = {a for k in keys for a in ancestors(doc, places, k)
            if not _named_setting(doc, places, k, a)}
    # "the town of al-Tabqa and the Euphrates dam fell", "سيطرت على مدينة الطبقة وسد
    # الفرات": a town named before a facility it holds is where it happened too
    held -= {a for _, a in _named_before(doc, places, mentions, keys, held)}
    # "طال القصف ناحية تل رفعت وقرية أم الحوش": a place listed before one it holds, as
    # the item before it, is where it happened too
    held -= {a.key for a, b in pairwise(mentions) if a.key in held and not a.weak
             and a.key in ancestors(doc, places, b.key)
             and not any(c in doc.text[a.end:b.start] for c in ",،")
             and _listed(doc, a, b, fillers, coordinators)}
    kept = [k for k in keys if k not in held] or keys
    return Place(kept, {k: v for k, v in sites.items() if k in kept})


def _near(doc: Doc, a: Mention, b: Mention, fillers: frozenset[str],
          proximity: frozenset[str]) -> bool:
    """Whether ``b`` is named only as a landmark of ``a``: a word of proximity between
    them and nothing else but place nouns ("تادف قرب مدينة الباب", "Tadef near al-Bab",
    "المجاورة لبلدة")."""
    gap = doc.text[a.end:b.start]
    if not proximity or any(p in gap for p in ",،;؛.()\"“”"):
        return False
    tokens = doc.tokens_between(a.end, b.start)
    keys = [normalize_key(doc.text[t.start:b.start]) if t.end > b.start else t.key for t in tokens]
    for n in range(min(len(keys), 3), 0, -1):  # "بالقرب من", then place nouns
        phrase, rest = " ".join(keys[:n]), keys[n:]
        if rest and rest[0][:1] == "ل" and f"{phrase} ل" in proximity:
            rest = [rest[0][1:], *rest[1:]]  # "المجاورة لبلدة": the joined preposition
        elif phrase not in proximity:
            continue
        return all(any(f in fillers for f in clitic_forms(k)) for k in rest if k)
    return False


def _named_before(doc: Doc, places: Places, mentions: list[Mention], keys: list[str],
                  held: set[str]) -> list[tuple[str, str]]:
    """The facilities of ``keys`` and the town or quarter holding them that the action
    names by its own name before them, as an item of its own ("the town of al-Tabqa and
    the Euphrates dam"), not only as where they lie ("مطار كويرس في ريف حلب", "the
    airbase in the city")."""
    first: dict[str, Mention] = {}
    for m in mentions:
        if not m.weak:
            first.setdefault(m.key, m)
    out = []
    for k in keys:
        if k not in first or _level(doc, places, k) != "site":
            continue
        holder = next(iter(ancestors(doc, places, k)), None)
        if holder is None or holder not in held or holder not in keys or holder not in first:
            continue
        if _level(doc, places, holder) not in LOCAL_LEVELS:
            continue
        a, b = first[holder], first[k]
        if a.end <= b.start and not any(c in doc.text[a.end:b.start] for c in ".;؛"):
            out.append((k, holder))
    return out


def _named_setting(doc: Doc, places: Places, key: str, holder: str) -> bool:
    """Whether ``holder`` is a town or quarter that the text, not the gazetteer, gave as
    the setting of ``key``, a site it found ("حي السرب والمربع الأمني": the square found
    in al-Sarb is another item of the list, and al-Sarb stays where it happened)."""
    entry = places.get(holder)
    return key not in places and entry is not None and entry.level in LOCAL_LEVELS


def _listed(doc: Doc, a: Mention, b: Mention, fillers: frozenset[str],
            coordinators: frozenset[str]) -> bool:
    """Whether ``b`` is the next item of a list after ``a``: only commas, coordinators and
    place nouns between them ("نبل والزهراء", "Nubl and Zahraa")."""
    if any(c in doc.text[a.end:b.start] for c in ";؛.") or not coordinators:
        return False
    for token in doc.tokens_between(a.end, b.start):
        if token.end > b.start:
            return token.key[:1] in CONJUNCTIONS  # "والزهراء": the joined coordinator
        forms = clitic_forms(token.key)
        if not any(f in fillers or f in coordinators for f in forms):
            return False
    return True


def _level(doc: Doc, places: Places, key: str) -> str | None:
    entry = places.get(key)
    found = doc.places.get(key)
    return entry.level if entry is not None else (found.level if found is not None else None)


def _locative(doc: Doc, a: Mention, b: Mention, fillers: frozenset[str],
              locatives: frozenset[str]) -> bool:
    """Whether ``b`` only says where ``a`` lies ("حي التضامن في جنوب دمشق", "بلدة التح
    بريف إدلب", "محطة القطارات الواقعة في حي القدم", "Kafr Nabudah in northern Hama"): a
    locative between them, and nothing else but place nouns ("وبلدة أطمة" is the next of
    a list)."""
    gap = doc.text[a.end:b.start]
    if any(p in gap for p in ",،;؛"):
        return False
    words: list[str] = []
    for token in doc.tokens_between(a.end, b.start):
        if _quoted(gap, token.start - a.end):
            continue  # "محطة الوقود “ساتكوب” في حي القدم": the facility's own name
        if token.end > b.start:  # "بدمشق": the preposition joined to the name
            words.append(normalize_key(doc.text[token.start:b.start]))
            break
        forms = clitic_forms(token.key)
        if token.key[:1] in CONJUNCTIONS and len(token.key) > 2 and forms[1:] \
                and token.key not in locatives:  # "وسط" is a word of its own
            return False
        if not any(f in fillers for f in forms) or any(f in locatives for f in forms):
            words.append(token.key)
        elif token.key[:1] in locatives and any(f in fillers for f in forms[1:]):
            words.append(token.key[:1])  # "بريف": the preposition of a place noun
    i = 0
    while i < len(words):  # "الواقعة في شمال": locative phrases, one after the other
        n = next((n for n in (3, 2, 1) if " ".join(words[i:i + n]) in locatives
                  or (n == 1 and any(f in locatives for f in clitic_forms(words[i])))), 0)
        if not n:
            return False
        i += n
    return bool(words)


def _quoted(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside quotation marks opened in ``text``."""
    before = text[:offset]
    return before.count("“") > before.count("”") or before.count("«") > before.count("»") \
        or before.count('"') % 2 == 1


def ancestors(doc: Doc, places: Places, key: str) -> list[str]:
    """The places that hold ``key`` (a site found in the text: its town first)."""
    chain: list[str] = []
    found = doc.places.get(key)
    parent = key if key in places else (found.parent if found is not None else None)
    if parent is None or parent not in places:
        return chain
    if parent != key:
        chain.append(parent)
    chain += [e.key for e in places.ancestors(parent)]
    return chain


def after_reference(doc: Doc, mention: Mention, references: frozenset[str],
                     fillers: frozenset[str], settings: frozenset[str]) -> bool:
    """Whether a reference word ("شمال", "north of", "نحو") stands before the place,
    with at most a few place nouns or articles between ("شمال مدينة الرقة"), and no
    locative before it ("في شمال حي جوبر", "بشمال حلب" are in the north of the place)."""
    i = doc.token_index(mention.start)
    sentence = doc.sentence_at(mention.start)
    first = sentence.start if sentence is not None else 0
    skipped = 0
    ends = _last_words(references)
    while i > 0 and skipped <= REFERENCE_REACH:
        j = i - 1
        if doc.tokens[j].start < first:
            return False
        forms = clitic_forms(doc.tokens[j].key)
        for n in (3, 2, 1) if not ends.isdisjoint(forms) else ():  # a reference ends here
            if j - n + 1 < 0 or doc.tokens[j - n + 1].start < first:
                continue
            words = [t.key for t in doc.tokens[j - n + 1:j + 1]]
            found = [f for f in clitic_forms(words[0]) if " ".join([f, *words[1:]]) in references]
            if found:
                k = j - n  # "في شمال حي جوبر", "بشمال حلب": where it is, not off it
                return not (found[0] != words[0] and words[0][:1] in LOCATIVE_CLITICS) and not (
                    k >= 0 and doc.tokens[k].start >= first and doc.tokens[k].key in settings)
        if fillers.isdisjoint(forms):
            return False
        i, skipped = j, skipped + 1
    return False


@functools.lru_cache(maxsize=64)
def _last_words(references: frozenset[str]) -> frozenset[str]:
    """The last words of reference phrases: a phrase can end only at a token whose form is one."""
    return frozenset(r.split()[-1] for r in references)


def list_setting(doc: Doc, places: Places, keys: list[str], mentions: list[Mention],
                 fillers: frozenset[str], locatives: frozenset[str]) -> str | None:
    """The named part of a town that a list of quarters taken is set in ("دخلت أحياء
    الحميدية وبستان الديوان وباب هود في حمص القديمة", "entered Bustan al-Diwan and Bab
    Houd in the Old City of Homs"): a quarter itself, named by a locative right after the
    last quarter of the list; the report tells the taking of that part, quarter by
    quarter (an item read as a village of the same name among them is one more). None
    when the action names fewer than two quarters, a place that is neither a quarter nor
    a village, or sets its quarters in a town ("أحياء الصاخور والشعار في حلب": each
    quarter is taken on its own)."""
    levels = [_level(doc, places, k) for k in keys]
    if levels.count("neighbourhood") < 2 or any(v not in LOCAL_LEVELS for v in levels):
        return None
    for a, b in pairwise(mentions):
        if a.key in keys and b.key not in keys and not b.weak \
                and _level(doc, places, b.key) == "neighbourhood" \
                and _locative(doc, a, b, fillers, locatives):
            return b.key
    return None


def between_pairs(doc: Doc, mentions: list[Mention], words: frozenset[str],
                  fillers: frozenset[str], coordinators: frozenset[str]) -> dict[str, str]:
    """The places told as the two ends of one stretch ("على الطريق بين بلدتي البارة وبليون",
    "between Saraqeb and Sarmin"): the second of each pair, with the first. What happened
    between them happened once, at both."""
    out: dict[str, str] = {}
    for a, b in pairwise(mentions):
        if a.key != b.key and after_reference(doc, a, words, fillers, frozenset()) \
                and _listed(doc, a, b, fillers, coordinators):
            out.setdefault(b.key, a.key)
    return out
