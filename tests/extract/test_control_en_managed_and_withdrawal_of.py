"""English: a change after "managed to", "succeeded in", "were able to" is done, not a purpose
(but not after "were not able to", "failed to"); in "the withdrawal of HTS fighters from X"
the party after "of" is the one that leaves. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Regime forces have managed to capture Kafr Nabudah after fierce clashes.",
     ("syrian-government-forces", "captured", "Kafr Nabutha", "asserted")),
    ("Rebels were able to enter Kafr Nabudah on Monday.",
     ("syrian-opposition-factions", "entered", "Kafr Nabutha", "asserted")),
    ("SOHR activists monitored the withdrawal of HTS fighters from Kafr Nabudah.",
     ("hts", "withdrew", "Kafr Nabutha", "asserted")),
])
def test_done_changes_and_the_party_after_a_noun_of_leaving(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


@pytest.mark.parametrize("text", [
    "Rebels were not able to enter Kafr Nabudah.",
    "Rebels failed to enter Kafr Nabudah.",
])
def test_changes_not_managed_claim_nothing(extract, text):
    assert claims(extract, text, language="en") == []
