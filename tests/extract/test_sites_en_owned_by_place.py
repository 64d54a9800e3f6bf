"""English: a definite facility owned by a place ("Palmyra's airport", "Deir ez-Zor's
military airport") or with "of" and a place after it ("the airport of Palmyra") is a site of
that place, the gazetteer's where it knows one of that kind there. Sentences written for
these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("IS fighters took over Palmyra's airport on Thursday.",
     ("islamic-state", "captured", "Palmyra's airport, Tadmor", "asserted")),
    ("IS fighters took over the airport of Palmyra on Thursday.",
     ("islamic-state", "captured", "airport of Palmyra, Tadmor", "asserted")),
    ("Deir ez-Zor's military airport had been encircled by IS since 2015.",
     ("islamic-state", "besieged", "Deir ez-Zor Military Airport", "asserted")),
])
def test_a_facility_of_a_place_is_its_site(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


def test_a_named_facility_keeps_its_own_name(extract):
    assert claims(extract, "Rebels captured the Abu al-Duhur military airport on Sunday.",
                  language="en") == [("syrian-opposition-factions", "captured",
                                      "Abu al-Duhur Military Airport", "asserted")]
