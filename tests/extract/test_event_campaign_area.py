"""Events: a campaign the text dates by its beginning and names no place of ("منذ بدء
الحملة العسكرية في 3 آذار") is fought over the place the report is about and the
district and governorate that hold it; one that names its place is there."""

from __future__ import annotations

KAFR_ZITA, LATAMNEH, HAMA = "C3463", "C3458", "SY05"

REPORT = "سيطرت قوات النظام اليوم على بلدة كفرزيتا، وقصفت بلدة كفرزيتا بالمدفعية.\n\n"


def offensives(extract, text: str) -> list[list[str]]:
    found = extract(text, published="2021-07-29")
    return [e.places for e in found.events if e.kind == "offensive" and e.start == "2021-03-03"]


def test_a_campaign_that_names_no_place_is_over_the_report_s_area(extract):
    text = REPORT + "وقتل 40 مدنيا على الأقل منذ بدء الحملة العسكرية في 3 آذار.\n"
    [places] = offensives(extract, text)
    assert places[0] == KAFR_ZITA and HAMA in places, places


def test_a_campaign_that_names_its_place_is_there(extract):
    text = REPORT + "وقتل 40 مدنيا على الأقل منذ بدء الحملة العسكرية على بلدة اللطامنة في 3 آذار.\n"
    assert offensives(extract, text) == [[LATAMNEH]]
