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


@pytest.mark.parametrize(("text", "expected"), [
    # a Friday report: "early in the week" is its week, from Monday
    ("وكانت الهيئة قد أعلنت مطلع الأسبوع انسحاب مقاتليها من البلدة.", [("2016-12-26", "day")]),
    ("ودخلت القوات المدينة مطلع الشهر بعد حصار طويل.", [("2016-12", "month")]),
])
def test_a_part_of_the_week_or_month_with_no_modifier_is_the_reports(text, expected):
    assert [(d.value, d.precision) for d in find_dates(text, reference=REPORT)] == expected


def test_early_in_the_month_is_of_the_month_last_named():
    found = find_dates("أطلقت الفصائل في آذار 2015 معركة إدلب، وفي مطلع الشهر سيطرت على البلدة.",
                       reference=REPORT)
    assert [(d.value, d.precision) for d in found] == [("2015-03", "month"), ("2015-03", "month")]


def test_the_month_alone_is_still_no_date():
    assert find_dates("ارتفع عدد القتلى خلال الشهر إلى خمسين.", reference=REPORT) == []


def test_the_day_before_yesterday_written_after_yesterday():
    found = find_dates("قصفت الطائرات الحربية مساء أمس الأول بلدة كفرنبل.", reference=REPORT)
    assert [(d.value, d.precision) for d in found] == [("2016-12-29", "day")]
