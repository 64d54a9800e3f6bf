"""Events: the date of a dateline that opens a paragraph is when the report was filed."""

from __future__ import annotations


def days(extraction) -> list[tuple[str, str | None]]:
    return [(e.kind, e.start) for e in extraction.events]


def test_a_weekday_after_a_dateline_dates_the_action(extract):
    # 14 March 2023 was a Tuesday: the town was taken on Monday the 13th
    text = ("HOMS, March 14 (AFP) - Government troops took the town of Talbiseh on Monday "
            "after days of fighting.")
    assert days(extract(text, language="en", published="2023-03-14")) == [
        ("capture", "2023-03-13")]
    text = "حمص، 14 آذار (رويترز) - سيطرت قوات النظام على مدينة تلبيسة يوم الاثنين."
    assert days(extract(text, published="2023-03-14")) == [("capture", "2023-03-13")]


def test_a_dateline_still_dates_what_the_lead_tells_on_no_other_day(extract):
    text = ("HOMS, March 14 (AFP) - Government troops took the town of Talbiseh.\n\n"
            "Rebels shelled al-Waer with mortars.")
    assert days(extract(text, language="en", published="2023-03-16")) == [
        ("capture", "2023-03-14"), ("shelling", "2023-03-14")]


def test_a_date_after_a_place_and_comma_in_a_sentence_is_no_dateline(extract):
    text = "Government troops took the town of Talbiseh on March 12, after days of fighting."
    assert days(extract(text, language="en", published="2023-03-14")) == [
        ("capture", "2023-03-12")]
