"""Events: a since-date after a word of first ("أول غارة منذ تشرين الأول 2019", "the first
such strikes since October 2019") measures the deed, and dates neither it nor, when it names
an operation of its own date, the operation with it."""

from __future__ import annotations


def told(extraction) -> list[tuple[str, str | None, str | None]]:
    return sorted((e.kind, e.start, e.name) for e in extraction.events)


def test_a_deed_measured_against_a_since_date_happened_on_its_own_day(extract):
    text = ("اندلعت اليوم اشتباكات عنيفة في محيط بلدة عين عيسى.\n\nوشنت طائرة حربية تركية غارتين "
            "على قرية صيدا، في أول استخدام للطيران الحربي في المنطقة منذ تشرين الأول 2019.\n")
    assert ("airstrike", "2021-03-21", None) in told(extract(text, published="2021-03-21"))


def test_an_operation_a_deed_is_measured_against_is_an_event_of_its_own(extract):
    text = ("أعلن المرصد اليوم أن طائرات تركية نفذت غارتين على قرية صيدا، في أول غارات تركية "
            "منذ عملية \"نبع السلام\" في تشرين الأول 2019.")
    found = told(extract(text, published="2021-03-21"))
    assert ("airstrike", "2021-03-21", None) in found
    assert [(k, s) for k, s, n in found if n == "نبع السلام"] == [("offensive", "2019-10")]


def test_english_first_since(extract):
    text = ("Heavy clashes broke out around Ain Issa on Sunday.\n\nTurkish warplanes also struck "
            "the village of Saida, the first such strikes in the area since October 2019.\n")
    found = extract(text, language="en", published="2021-03-22")
    assert ("airstrike", "2021-03-21") in [(e.kind, e.start) for e in found.events]


def test_a_siege_since_a_month_still_began_then(extract):
    text = "تحاصر قوات النظام بلدة مضايا منذ تموز 2015."
    assert told(extract(text, published="2016-01-10")) == [("siege", "2015-07", None)]
