"""A siege of men or people in a place ("تحاصر عشرات العناصر في المطار", "besieged dozens of
soldiers in the airbase") is a siege of that place; men taken in a place are no claim on
it; sentences written for these tests."""

import pytest

from .test_control_subjects import claims


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("وتحاصر هيئة تحرير الشام عشرات العناصر داخل مطار أبو الظهور العسكري.", "ar",
     [("hts", "besieged", "Abu al-Duhur Military Airport")]),
    ("وقالت مصادر إن هيئة تحرير الشام تحاصر العناصر في مدينة سراقب.", "ar",
     [("hts", "besieged", "Saraqab")]),
    ("Rebels besieged dozens of soldiers in the Abu al-Duhur airbase.", "en",
     [("syrian-opposition-factions", "besieged", "Abu al-Duhur Military Airport")]),
])
def test_people_besieged_in_a_place_make_it_besieged(extract, text, language, expected):
    assert claims(extract, text, language) == expected


def test_men_captured_in_a_place_are_no_claim_on_it(extract):
    assert claims(extract, "Rebels captured dozens of soldiers in Saraqib.", "en") == []
