"""Events: a district or subdistrict named by its head after the town it is run from
("ناحية تل رفعت") is, as where an event happened, that town."""

from __future__ import annotations

TALL_REFAAT_TOWN = "C1621"
TALL_REFAAT_SUBDISTRICT = "SY020402"


def test_a_subdistrict_named_by_its_head_is_its_town(extract):
    text = "قصفت الطائرات الحربية صباح اليوم الأحد ناحية تل رفعت وقرية أم الحوش شمال حلب."
    found = extract(text, language="ar", published="2022-11-20")
    assert TALL_REFAAT_SUBDISTRICT in {p.key for p in found.places}  # still read as named
    assert TALL_REFAAT_TOWN in {p.key for p in found.places}  # the event's place is listed
    struck = [e.places for e in found.events if e.start == "2022-11-20"]
    assert [TALL_REFAAT_TOWN] in struck, found.events
    assert all(TALL_REFAAT_SUBDISTRICT not in p for p in struck), found.events


def test_a_town_named_as_such_keeps_its_place(extract):
    text = "قصفت الطائرات الحربية صباح اليوم الأحد مدينة تل رفعت شمال حلب."
    found = extract(text, language="ar", published="2022-11-20")
    assert [e.places for e in found.events] == [[TALL_REFAAT_TOWN]], found.events
