"""Events: quarters taken, listed in a named part of a town, are one taking of that part."""

from __future__ import annotations


def taken(extraction) -> list[tuple[str, str | None, list[str]]]:
    return [(e.kind, e.start, e.places) for e in extraction.events]


def test_quarters_set_in_a_named_part_of_a_town_are_one_taking_of_it(extract):
    text = "استعادت قوات النظام صباح اليوم السيطرة على حيي باب هود والحميدية في حمص القديمة."
    (event,) = extract(text, published="2014-05-10").events
    assert (event.kind, event.start) == ("capture", "2014-05-10")
    assert event.places[0] == "old-homs"
    assert {"N0254", "N0249"} <= set(event.places)


def test_english_quarters_set_in_a_named_part_of_a_town_are_one_taking(extract):
    text = ("Government troops on Saturday entered the districts of Bab Houd and Bustan "
            "al-Diwan in the Old City of Homs.")
    (event,) = extract(text, language="en", published="2014-05-10").events
    assert event.places[0] == "old-homs"
    assert "N0254" in event.places


def test_quarters_set_in_a_town_are_each_a_taking(extract):
    text = "استعادت قوات النظام صباح اليوم السيطرة على حيي باب هود والحميدية في مدينة حمص."
    found = extract(text, published="2014-05-10")
    assert sorted(p for _, _, p in taken(found)) == [["N0249"], ["N0254"]]


def test_a_single_quarter_set_in_a_named_part_keeps_its_own_place(extract):
    text = "استعادت قوات النظام صباح اليوم السيطرة على حي باب هود في حمص القديمة."
    (event,) = extract(text, published="2014-05-10").events
    assert event.places == ["N0254"]
