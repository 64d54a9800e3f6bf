"""English: a party "lost X to Y" (Y took X), and "had driven IS out of X" as an expulsion in
the perfect."""

import pytest


def test_lost_to_a_party_is_that_party_s_capture(english_claims):
    found = english_claims("IS lost control of the town of Maskanah to government forces.")
    assert ("islamic-state", "lost", "Maskana") in found
    assert ("syrian-government-forces", "captured", "Maskana") in found


def test_lost_to_no_party_is_only_a_loss(english_claims):
    assert english_claims("Rebels lost the town of Saraqib after heavy airstrikes.") == [
        ("syrian-opposition-factions", "lost", "Saraqab")]


@pytest.mark.parametrize("text", [
    "The SDF said it had driven IS out of the town of Tabqa.",
    "The SDF has driven IS from the town of Tabqa.",
])
def test_driven_out_in_the_perfect_is_an_expulsion(english_claims, text):
    found = english_claims(text)
    assert ("sdf", "captured", "Al-Thawrah") in found and ("islamic-state", "withdrew", "Al-Thawrah") in found
