"""English: perfect passives of a capture with their agent ("has been reclaimed by the
government", "had been retaken by rebels") and a place that "swung back under government
control" are captures by that party; the spelling before such a verb is a place, opening a
sentence or not. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Rastan has been reclaimed by the government, state television said.",
     ("syrian-government-forces", "captured", "Ar-Rastan", "asserted")),
    ("State television said Rastan had been reclaimed by government forces.",
     ("syrian-government-forces", "captured", "Ar-Rastan", "asserted")),
    ("Kafr Nabudah had been retaken by rebels by Monday evening.",
     ("syrian-opposition-factions", "captured", "Kafr Nabutha", "asserted")),
    ("Palmyra swung back under government control on Thursday.",
     ("syrian-government-forces", "captured", "Tadmor", "asserted")),
])
def test_perfect_passives_and_swinging_back_are_captures(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


def test_people_recaptured_are_no_place_taken(extract):
    assert claims(extract, "Two IS fighters from Raqqa were recaptured by the SDF.", language="en") == []
