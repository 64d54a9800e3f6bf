"""When an episode happened: which dates of a sentence tell it, and the day of a report's
lead. A date tells when something happened unless it is when something else began ("منذ
عام 2018") or when a source reported it ("أوردها المرصد الأربعاء"); the day of the lead
is the first day-precise date its first two body paragraphs state that is not when
something began, the day an undated sentence of news happened (never the bare
publication date). A clause opened by a day offset ("بعد يوم من", "two days after",
"hours after") happened that many days from the day the rest of its sentence tells.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from typing import Any

from conflictkg.extract.dates import DateMention, month_part_days
from conflictkg.extract.doc import Doc, Sentence, clitic_forms, word_forms
from conflictkg.extract.event_rules import EventRules
from conflictkg.extract.numbers import find_numbers

SINCE_WINDOW = 4  # tokens between "منذ" and its date
REPORT_WINDOW = 2  # tokens after a credited source in which a date is the report's
REPORT_CHARS = 200  # a crediting phrase is shorter than this
LEAD_PARAGRAPHS = 2  # body paragraphs of a report's lead
HOLD_WINDOW = 8  # tokens between a capture or siege cue and the year its hold began
CONTINUATION_WORDS = 4  # longest phrase that opens a sentence going on from the one before
BEGAN_WINDOW = 3  # tokens between "بدأت" and the day something began ("بدأت فجر السبت")
LASTING_WORDS = 3  # adjectives between "days of" and the cue ("after five days of fierce fighting")
LABEL_WORDS = 8  # longest line a dated entry's label may be ("30 تشرين الثاني: سراقب")
LABEL_COLONS = (":", "：")
DATELINE_WORDS = 4  # words of the place a report was filed from ("AMMAN/BEIRUT, Nov 30 (Reuters) -")
DATELINE_PLACE = re.compile(r"[^\W\d][^\d,،()]*[,،]\s*")  # "AMMAN/BEIRUT, ", "دمشق، "
DATELINE_CREDIT = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]")  # " (Reuters) -"


def sentence_date(doc: Doc, sentence: Sentence, rules: EventRules) -> Any:
    """The first date of the sentence that is when something happened in it."""
    return next((d for d in doc.dates_between(sentence.start, sentence.end)
                 if usable_date(doc, rules, d)), None)


def lead_day(doc: Doc, rules: EventRules) -> DateMention | None:
    """The day a report's lead tells of: the first day-precise date written in its first
    two body paragraphs ("اليوم الخميس", "on Tuesday", "5 آذار", "أعلن ... اليوم الخميس"),
    unless it is when something began ("منذ 24 حزيران"); else, for a party's statement or
    bulletin, the day its heading states ("بيانات اليوم الأول | الأربعاء 27 تشرين الثاني
    2024"): the day it was issued, whose news it tells. An undated sentence of news
    happened on the day of its lead, never on the bare publication date; an archive
    record or a chronicle tells many days and has no lead day."""
    if doc.info.kind in rules.undated_kinds:
        return None
    paragraphs: list[int] = []
    dateline = None
    for sentence in doc.sentences:
        if sentence.boilerplate:
            continue
        if sentence.heading:
            if dateline is None and doc.info.kind in rules.dateline_kinds:
                dateline = next((d for d in doc.dates_between(sentence.start, sentence.end)
                                 if d.precision == "day"), None)
            continue
        if sentence.paragraph not in paragraphs:
            if len(paragraphs) == LEAD_PARAGRAPHS:
                return dateline
            paragraphs.append(sentence.paragraph)
        for d in doc.dates_between(sentence.start, sentence.end):
            if d.precision == "day" and in_dateline(doc, d):
                dateline = dateline or d  # the day it was filed: when the lead names none
            elif d.precision == "day" and not since(doc, rules, d) and not began(doc, rules, d):
                return d
    return dateline


def began(doc: Doc, rules: EventRules, d: Any) -> bool:
    """Whether a date is when what led to the news began ("بعد اشتباكات عنيفة بدأت فجر
    السبت", "after clashes that started yesterday at dawn"), not the day the lead tells."""
    i = doc.token_index(d.span.start)
    sentence = doc.sentence_at(d.span.start)
    first = sentence.start if sentence is not None else 0
    before = [t.key for t in doc.tokens[max(0, i - BEGAN_WINDOW):i] if t.start >= first]
    return any(f in rules.began for w in before for f in clitic_forms(w))


def usable_date(doc: Doc, rules: EventRules, d: Any) -> bool:
    """Whether a date tells when something happened, not when something else began ("منذ
    عام 2018") or when a source reported it ("أوردها المرصد الأربعاء")."""
    if d.precision == "year" and since(doc, rules, d):
        return False
    if in_dateline(doc, d):
        return False
    return not any(
        a.end <= d.span.start and len(doc.tokens_between(a.end, d.span.start)) <= REPORT_WINDOW
        and a.scope_start <= d.span.start < a.scope_end
        for a in doc.index("attributions").overlapping(d.span.start - REPORT_CHARS, d.span.start))


def in_dateline(doc: Doc, d: Any) -> bool:
    """Whether a date stands in the dateline that opens a paragraph: the place a report
    was filed from, the date, the agency and a dash ("AMMAN/BEIRUT, Nov 30 (Reuters) -
    Rebels stormed into Aleppo on Friday", "دمشق، 5 آذار (رويترز) -"). It is when the
    report was filed, not when what the paragraph tells happened."""
    line = doc.text.rfind("\n", 0, d.span.start) + 1
    before = doc.text[line:d.span.start]
    if len(before.split()) > DATELINE_WORDS or not DATELINE_PLACE.fullmatch(before):
        return False
    return DATELINE_CREDIT.match(doc.text, d.span.end) is not None


def since(doc: Doc, rules: EventRules, d: Any) -> bool:
    """Whether a since-word stands shortly before the date ("منذ عام 2018", "since June")."""
    i = doc.token_index(d.span.start)
    sentence = doc.sentence_at(d.span.start)
    first = sentence.start if sentence is not None else 0
    before = [t.key for t in doc.tokens[max(0, i - SINCE_WINDOW):i] if t.start >= first]
    return any(f in rules.since for w in before for f in clitic_forms(w))


MEASURE_REACH = 8  # tokens between that since-word and the date ("منذ عملية “نبع السلام” في تشرين الأول 2019")
FIRST_WINDOW = 8  # tokens between "أول", "first" and its since-word ("أول استخدام للطيران الحربي في المنطقة منذ")


def first_since(doc: Doc, rules: EventRules, d: Any) -> bool:
    """Whether a since-date only measures what the sentence tells ("في أول استخدام للطيران
    الحربي التركي منذ عملية نبع السلام في تشرين الأول 2019", "the first strike on the town
    since March 2020"): a word of first shortly before its since-word, in its clause. Such a
    date is not when the deed happened, nor when it began."""
    i = doc.token_index(d.span.start)
    first = _clause_start(doc, d.span.start)
    for j in range(i - 1, max(-1, i - 1 - MEASURE_REACH), -1):
        if doc.tokens[j].start < first:
            return False
        if any(f in rules.since for f in clitic_forms(doc.tokens[j].key)):
            return measured(doc, rules, doc.tokens[j].start)
    return False


def measured(doc: Doc, rules: EventRules, offset: int) -> bool:
    """Whether a word of first stands shortly before ``offset`` in its clause ("أول استخدام
    للطيران منذ", "the first such strikes since"): what follows is a measure."""
    j = doc.token_index(offset)
    first = _clause_start(doc, offset)
    before = [t.key for t in doc.tokens[max(0, j - FIRST_WINDOW):j] if t.start >= first]
    return any(f in rules.first_words for w in before for f in clitic_forms(w))


def _clause_start(doc: Doc, offset: int) -> int:
    clause = doc.clause_at(offset) or (offset, offset)
    sentence = doc.sentence_at(offset)
    return max(clause[0], sentence.start if sentence is not None else 0)


def since_year(doc: Doc, rules: EventRules, start: int, end: int) -> DateMention | None:
    """The year a hold or a siege told after ``start`` began ("خضعت لسيطرة داعش منذ مطلع
    عام 2014", "which regime forces have surrounded since late 2013"): the year a capture
    or siege happened, which dates nothing else."""
    clause = doc.clause_at(start) or (start, end)
    for d in doc.dates_between(start, min(end, clause[1])):
        between = doc.tokens_between(start, d.span.start)
        if len(between) > HOLD_WINDOW or not rules.relatives.isdisjoint(word_forms(between)):
            return None  # "على جيب كانت المعارضة تسيطر عليه منذ عام 2012": another hold
        if d.precision == "year" and since(doc, rules, d):
            return d
    return None


def labelled(doc: Doc, told: tuple[int, Any], sentence: Sentence) -> bool:
    """Whether a sentence opens the paragraph right after a dated entry's label: a short
    line of its own that opens with the day ``told`` = (paragraph, date) and a colon ("30
    تشرين الثاني: سراقب", "March 8: the assault"), as a chronicle or timeline writes
    each day's entry. What that paragraph tells happened on that day."""
    paragraph, date = told
    if paragraph != sentence.paragraph - 1:
        return False
    start, end = doc.paragraphs[paragraph]
    label = doc.text[start:end].strip()
    if "\n" in label or len(label.split()) > LABEL_WORDS:
        return False
    opening = doc.text[start:date.span.start].strip()
    return not opening and doc.text[date.span.end:end].lstrip()[:1] in LABEL_COLONS


def since_part(doc: Doc, rules: EventRules, d: Any) -> DateMention | None:
    """The days of a part of a month a hold began in ("had been under the control of the
    regime since early February, when its forces entered the town": February 1 to 10),
    so that the capture is not the one told later that month; None for any other date."""
    if d.precision != "month" or not since(doc, rules, d):
        return None
    i = doc.token_index(d.span.start)
    if i == 0 or doc.tokens[i - 1].end > d.span.start:
        return None
    days = month_part_days(doc.text[doc.tokens[i - 1].start:doc.tokens[i - 1].end], d.value)
    if days is None:
        return None
    return dataclasses.replace(d, value=days[0], end=days[1], precision="day")


def continues(doc: Doc, rules: EventRules, sentence: Sentence) -> bool:
    """Whether a sentence opens by going on from what was told before it ("Within hours,",
    "وبعد ساعات،"): its paragraph happened on the day the paragraph before told."""
    tokens = doc.tokens_after(sentence.start, CONTINUATION_WORDS)
    if not tokens or tokens[0].key not in rules.continuation_heads:
        return False
    opening = " ".join(t.key for t in tokens)
    return any(opening == c or opening.startswith(c + " ") for c in rules.continuations)


def lasted(doc: Doc, rules: EventRules, cue: int, sentence: Sentence) -> int | None:
    """The days a fight had gone on when an action ended it, told right before the fight's
    cue at ``cue`` ("after five days of fierce fighting", "ending a 17-day assault"), else
    None."""
    tokens = [t for t in doc.tokens[max(0, doc.token_at(cue) - LASTING_WORDS - 5):doc.token_at(cue)]
              if t.start >= sentence.start]
    unit = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].key in rules.lasting_units), None)
    if unit is None or unit < 2 or len(tokens) - unit - 1 > LASTING_WORDS + 1:
        return None
    between = [t.key for t in tokens[unit + 1:]]
    if between and between[0] != "of":
        return None  # "five days of fighting"; "a 17-day assault" has nothing between
    number = tokens[unit - 1]
    counts = find_numbers(doc.text[number.start:number.end])
    if len(counts) != 1 or counts[0].value < 1:
        return None
    opener = [t.key for t in tokens[max(0, unit - 3):unit - 1]]
    if not any(k in rules.lasting_openers for k in opener):
        return None
    return counts[0].value


def began_before(date: Any, days: int) -> str | None:
    """The day ``days`` before a date of one day, else None."""
    if date is None or date.precision != "day":
        return None
    try:
        return (datetime.date.fromisoformat(date.value) - datetime.timedelta(days=days)).isoformat()
    except ValueError:
        return None


def run_start(date: Any, runs: list[Any]) -> Any:
    """The day a run began, told of a day counted in it ("تواصلت اليوم الجمعة، لليوم الرابع
    على التوالي، المعارك": Tuesday; "for the third straight day" on a Monday: Saturday).
    ``runs`` are the run phrases of the action; a date that is no single day stays."""
    if date is None or not runs or date.precision != "day" or date.end:
        return date
    try:
        day = datetime.date.fromisoformat(date.value)
    except ValueError:
        return date
    began = day - datetime.timedelta(days=int(runs[0].payloads[0]) - 1)
    return dataclasses.replace(date, value=began.isoformat())


def offset_day(doc: Doc, sentence: Sentence, cue: int, own: Any, offsets: list[Any],
               scope: Any) -> Any:
    """The day of an action told in a clause opened by a day offset ("دخلت اليوم الخميس
    مدينة عفرين، بعد يوم من سيطرتها على جنديرس": Wednesday; "on Tuesday, two days after
    clashes erupted": Sunday; "بعد ساعات من": the same day), counted from the day the
    sentence tells before that clause, else after it, else its paragraph's or lead's.
    ``cue`` is where the action's cue stands, ``own`` the date it found (kept when it
    is written after the offset: "a day after rebels took it on Monday"), ``offsets``
    the sentence's offset phrases. None when no offset governs the cue or no day is told."""
    clause = doc.clause_at(cue)
    # "a day after HTS and its allies, the Hamza Division and ..., seized": with no day
    # of its own or told before the offset ("On Tuesday, two days after ..., rebels
    # seized": Tuesday), the cue is still governed by the offset across the commas
    phrase = next((o for o in reversed(offsets) if o.end <= cue
                   and (doc.clause_at(o.end - 1) == clause or (own is None and not any(
                       d.precision == "day" for d in doc.dates_between(sentence.start, o.start))))),
                  None)
    if phrase is None or (own is not None and own.span.start >= phrase.end):
        return None
    days = [d for d in doc.dates_between(sentence.start, sentence.end)
            if d.precision == "day" and not d.days]
    base = next((d for d in reversed(days) if d.span.end <= phrase.start), None) or next(
        (d for d in days if clause is not None and d.span.start >= clause[1]), None) or (
        scope if scope is not None and scope.precision == "day" else None)
    return _shifted(base, int(phrase.payloads[0]))


def night_day(doc: Doc, sentence: Sentence, cue: int, cues: list[int], nights: list[Any],
              scope: Any) -> Any:
    """The day of an action whose clause says it happened at night and names no day ("دخلت
    القوات البلدة صباح الأحد، بعد انسحاب المقاتلين منها ليلاً": Saturday): the day before
    the day the rest of its sentence tells, before the clause, else after it, else its
    paragraph's or lead's (``scope``). The adverb tells of the action whose cue stands
    last before it ("دخلت البلدة فجراً بعد قصفها ليلاً": the shelling only), else first
    after it. ``cues`` are where the sentence's actions' cues stand, ``nights`` its night
    adverbs, with those of "day and night" ("ليلاً ونهاراً") among them; None when no
    night adverb of the action stands in its clause, or the clause names a day of its own."""
    clause = doc.clause_at(cue)
    if clause is None:
        return None

    def told_of(n: Any) -> int | None:
        before = [c for c in cues if c < n.start]
        after = [c for c in cues if c >= n.end]
        return max(before) if before else (min(after) if after else None)

    here = [n for n in nights if clause[0] <= n.start < clause[1] and told_of(n) == cue]
    if not here or any("always" in n.payloads for n in here):
        return None
    days = [d for d in doc.dates_between(sentence.start, sentence.end)
            if d.precision == "day" and not d.days]
    if any(clause[0] <= d.span.start < clause[1] for d in days):
        return None
    base = next((d for d in reversed(days) if d.span.end <= clause[0]), None) or next(
        (d for d in days if d.span.start >= clause[1]), None) or (
        scope if scope is not None and scope.precision == "day" else None)
    return _shifted(base, -1)


def _shifted(base: Any, days: int) -> Any:
    """The date of a day ``base`` moved by ``days``; None without a base, or when its value
    is no day."""
    if base is None:
        return None
    try:
        day = datetime.date.fromisoformat(base.value)
    except ValueError:
        return None
    return dataclasses.replace(base, value=(day + datetime.timedelta(days=days)).isoformat(),
                               end=None)
