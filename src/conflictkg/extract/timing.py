"""When an episode happened: which dates of a sentence tell it, and the day of a report's
lead. A date tells when something happened unless it is when something else began ("منذ
عام 2018") or when a source reported it ("أوردها المرصد الأربعاء"); the day of the lead
is the first day-precise date its first two body paragraphs state that is not when
something began, the day an undated sentence of news happened (never the bare
publication date).
"""

from __future__ import annotations

from typing import Any

from conflictkg.extract.dates import DateMention
from conflictkg.extract.doc import Doc, Sentence, clitic_forms, word_forms
from conflictkg.extract.event_rules import EventRules

SINCE_WINDOW = 4  # tokens between "منذ" and its date
REPORT_WINDOW = 2  # tokens after a credited source in which a date is the report's
REPORT_CHARS = 200  # a crediting phrase is shorter than this
LEAD_PARAGRAPHS = 2  # body paragraphs of a report's lead
HOLD_WINDOW = 8  # tokens between a capture or siege cue and the year its hold began
BEGAN_WINDOW = 3  # tokens between "بدأت" and the day something began ("بدأت فجر السبت")


def sentence_date(doc: Doc, sentence: Sentence, rules: EventRules) -> Any:
    """The first date of the sentence that is when something happened in it."""
    return next((d for d in doc.dates_between(sentence.start, sentence.end)
                 if usable_date(doc, rules, d)), None)


def lead_day(doc: Doc, rules: EventRules) -> DateMention | None:
    """The day a report's lead tells of: the first day-precise date written in its first
    two body paragraphs ("اليوم الخميس", "on Tuesday", "5 آذار", "أعلن ... اليوم الخميس"),
    unless it is when something began ("منذ 24 حزيران"). An undated
    sentence of news happened on the day of its lead, never on the bare publication date;
    an archive record or a chronicle tells many days and has no lead day."""
    if doc.info.kind in rules.undated_kinds:
        return None
    paragraphs: list[int] = []
    for sentence in doc.sentences:
        if sentence.boilerplate or sentence.heading:
            continue
        if sentence.paragraph not in paragraphs:
            if len(paragraphs) == LEAD_PARAGRAPHS:
                return None
            paragraphs.append(sentence.paragraph)
        for d in doc.dates_between(sentence.start, sentence.end):
            if d.precision == "day" and not since(doc, rules, d) and not began(doc, rules, d):
                return d
    return None


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
    return not any(
        a.end <= d.span.start and len(doc.tokens_between(a.end, d.span.start)) <= REPORT_WINDOW
        and a.scope_start <= d.span.start < a.scope_end
        for a in doc.index("attributions").overlapping(d.span.start - REPORT_CHARS, d.span.start))


def since(doc: Doc, rules: EventRules, d: Any) -> bool:
    """Whether a since-word stands shortly before the date ("منذ عام 2018", "since June")."""
    i = doc.token_index(d.span.start)
    sentence = doc.sentence_at(d.span.start)
    first = sentence.start if sentence is not None else 0
    before = [t.key for t in doc.tokens[max(0, i - SINCE_WINDOW):i] if t.start >= first]
    return any(f in rules.since for w in before for f in clitic_forms(w))


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
