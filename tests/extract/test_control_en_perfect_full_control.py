"""English: a perfect with "full control of" after it ("had taken full control of X", "have
now seized full control of X") takes X, its party the subject (an army noun: the state's
forces), not "full control of" as its object."""

import pytest


@pytest.mark.parametrize(("text", "party"), [
    ("Army units had taken full control of Khan Sheikhoun two days earlier.", "syrian-government-forces"),
    ("Troops have now seized full control of Khan Sheikhoun, state media said.", "syrian-government-forces"),
    ("Rebels had seized control of Khan Sheikhoun by Tuesday evening.", "syrian-opposition-factions"),
])
def test_a_perfect_before_full_control_takes_the_place(english_claims, text, party):
    assert english_claims(text) == [(party, "captured", "Khan Shaykun")]
