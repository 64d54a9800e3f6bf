"""English: a place's own centre taken ("took full control of Afrin's town centre", "stormed
Raqqa's city center") is a claim on the place, as "the centre of Afrin" is; what else a place
owns ("Palmyra's airport", "Aleppo's Salaheddine district") stays the part named. Sentences
written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Turkish-backed rebels took full control of Afrin's town centre on Sunday.",
     ("captured", "Afrin")),
    ("Kurdish-led fighters stormed Raqqa's city center on Friday.", ("entered", "Ar-Raqqa")),
])
def test_a_places_own_centre_is_the_place(extract, text, claim):
    assert [(change, place) for _party, change, place, _stance in claims(extract, text, language="en")] == [claim]


def test_a_district_a_city_owns_stays_the_district(extract):
    found = claims(extract, "Government forces retook Aleppo's Salaheddine district.", language="en")
    assert [place for _party, _change, place, _stance in found] == ["Salah Ad-Deen"]
