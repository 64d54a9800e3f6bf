"""English verbs of taking and leaving common in war reports: "wrested X from Y" (Y lost X),
"fell back from X", and "evacuating" / "abandoning" a place as a party's withdrawal; people
evacuated or leaving are no party."""

import pytest


def test_wrested_from_is_a_capture_and_a_loss(english_claims):
    found = english_claims("Rebels wrested the town of Saraqib from government forces on Monday.")
    assert ("syrian-opposition-factions", "captured", "Saraqab") in found
    assert ("syrian-government-forces", "lost", "Saraqab") in found


@pytest.mark.parametrize(("text", "claim"), [
    ("Government forces fell back from the town of Saraqib.", ("syrian-government-forces", "withdrew", "Saraqab")),
    ("IS militants were evacuating the town of Tabqa on Monday.", ("islamic-state", "withdrew", "Al-Thawrah")),
    ("Rebels began abandoning the town of Saraqib after heavy bombardment.",
     ("syrian-opposition-factions", "withdrew", "Saraqab")),
    ("The army has abandoned the town of Maskanah.", ("syrian-government-forces", "withdrew", "Maskana")),
])
def test_falling_back_evacuating_and_abandoning_are_withdrawals(english_claims, text, claim):
    assert english_claims(text) == [claim]


@pytest.mark.parametrize("text", [
    "Aid workers were evacuating civilians from the town of Saraqib.",
    "Residents began abandoning the town of Saraqib.",
])
def test_people_evacuated_or_leaving_are_no_party(english_claims, text):
    assert english_claims(text) == []
