"""A weekday named alone right after a day written out that falls on it is that day: the
entries of a chronicle ("12 آذار: ... / صباح الثلاثاء ...") and a story told day by day,
whatever day the report was published."""

from __future__ import annotations

from datetime import date

import pytest

from conflictkg.extract.dates import find_dates

REPORT = date(2022, 4, 20)  # a Wednesday, weeks after the days told


def values(text: str) -> list[str]:
    return [d.value for d in find_dates(text, reference=REPORT)]


@pytest.mark.parametrize(("text", "expected"), [
    # 8 March 2022 was a Tuesday
    ("8 آذار: الهجوم على البلدة\nشنت الفصائل صباح الثلاثاء هجوماً على مواقع الجيش.",
     ["2022-03-08", "2022-03-08"]),
    ("March 8: the assault\nRebels attacked army positions on Tuesday morning.",
     ["2022-03-08", "2022-03-08"]),
    ("Rebels reached the town on March 8. On Tuesday night they stormed its centre.",
     ["2022-03-08", "2022-03-08"]),
])
def test_a_weekday_after_the_day_written_just_before_it_is_that_day(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a weekday that is not the day's: the last one before the report
    ("8 آذار: الهجوم على البلدة\nشنت الفصائل مساء الجمعة هجوماً على مواقع الجيش.",
     ["2022-03-08", "2022-04-15"]),
    # in the date's own sentence a weekday is another day
    ("Since the offensive began on March 8, dozens of soldiers were killed, up from 30 reported "
     "on Tuesday.", ["2022-03-08", "2022-04-19"]),
    # a paragraph apart, the weekday is the report's
    ("Rebels reached the town on March 8.\n\nOn Tuesday they stormed its centre.",
     ["2022-03-08", "2022-04-19"]),
])
def test_a_weekday_apart_from_the_day_written_is_the_report_s(text, expected):
    assert values(text) == expected


def test_a_chronicle_entry_dates_its_events_by_its_heading_day(extract):
    text = ("8 آذار: الهجوم على تلبيسة\nشنت الفصائل فجر الثلاثاء هجوماً على مواقع قوات "
            "النظام في مدينة تلبيسة.\n\n10 آذار: السيطرة على المدينة\nسيطرت الفصائل مساء "
            "الخميس على مدينة تلبيسة.")
    found = extract(text, published="2022-04-20", kind="chronicle").events
    assert [(e.kind, e.start) for e in found] == [("attack", "2022-03-08"),
                                                 ("capture", "2022-03-10")]
