"""Arabic dates: a period named with a demonstrative before its noun ("هذا العام", "هذا
الشهر", "هذا الأسبوع") is the report's year, month or week, as "العام الجاري" is."""

from __future__ import annotations

from datetime import date

import pytest

from conflictkg.extract.dates import find_dates

REPORT = date(2016, 12, 31)


@pytest.mark.parametrize(("text", "expected"), [
    ("خسرت الفصائل هذا العام مدينة داريا.", [("2016", "year")]),
    ("سيطرت قوات النظام هذا الشهر على بلدة دير العصافير.", [("2016-12", "month")]),
    ("تقدمت القوات هذه السنة في ريف حلب.", [("2016", "year")]),
])
def test_a_period_after_a_demonstrative_is_the_reports(text, expected):
    assert [(d.value, d.precision) for d in find_dates(text, reference=REPORT)] == expected


def test_a_demonstrative_before_another_noun_is_no_date():
    assert find_dates("وصل هذا الرقم إلى خمسين قتيلا.", reference=REPORT) == []


def test_a_capture_this_year_is_dated_by_it(extract):
    found = extract("خسرت الفصائل هذا العام مدينة داريا في ريف دمشق.", published="2016-12-31").events
    assert [e.start for e in found] == ["2016"], [(e.kind, e.start) for e in found]
