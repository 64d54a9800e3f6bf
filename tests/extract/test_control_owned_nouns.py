"""English verbal nouns with a possessive pronoun ("its siege of X", "its capture of X"): the
owner of the pronoun, the clause's subject, made the change, an army noun as the state's forces."""

import pytest


@pytest.mark.parametrize(("text", "claim"), [
    ("The army tightened its siege of the town of Saraqib.", ("syrian-government-forces", "besieged", "Saraqab")),
    ("The army said its capture of the town of Maskanah opened the road to Raqqa.",
     ("syrian-government-forces", "captured", "Maskana")),
])
def test_an_owned_verbal_noun_is_the_subject_s_change(english_claims, text, claim):
    assert english_claims(text) == [claim]


def test_an_owned_noun_of_no_party_claims_nothing(english_claims):
    assert english_claims("Residents fled the town of Saraqib during its siege.") == []
