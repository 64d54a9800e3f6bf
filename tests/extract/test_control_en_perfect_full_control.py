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


@pytest.mark.parametrize("verb", ["took complete control of", "have taken complete control of",
                                  "regained full control of", "had now taken total control of"])
def test_a_verb_before_qualified_control_of_is_done_by_its_subject(english_claims, verb):
    # "complete control of" after a verb of change: the verbal noun is done, by the verb's subject
    assert english_claims(f"Troops {verb} Khan Sheikhoun on Monday.") == [
        ("syrian-government-forces", "captured", "Khan Shaykun")]


def test_an_aim_of_full_control_claims_nothing(english_claims):
    assert english_claims("Rebels tried to take full control of Khan Sheikhoun.") == []


def test_a_headline_told_again_in_the_body_is_one_claim(english_claims):
    text = ("Turkish army, FSA take full control of Afrin town\n\n"
            "The Free Syrian Army on Sunday took full control of Afrin in northwestern Syria.")
    assert english_claims(text) == [("free-syrian-army", "captured", "Afrin")]


@pytest.mark.parametrize(("verb", "change"), [
    ("assumed control of", "captured"), ("have assumed full control of", "captured"),
    ("tightened the siege on", "besieged"), ("completed the encirclement of", "besieged"),
])
def test_assuming_control_and_tightening_a_siege(english_claims, verb, change):
    assert english_claims(f"Troops {verb} Khan Sheikhoun on Monday.") == [
        ("syrian-government-forces", change, "Khan Shaykun")]
