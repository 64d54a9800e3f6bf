"""English control claims dated in May: the month "May" in a date ("on May 5", "in early May")
is no hedge "may" that makes the change an attempt; the modal still is."""

import pytest


@pytest.mark.parametrize(("text", "claim"), [
    ("On May 5 the army captured the town of Maskanah.",
     ("syrian-government-forces", "captured", "Maskana")),
    ("The army on May 5 captured the town of Maskanah.",
     ("syrian-government-forces", "captured", "Maskana")),
    ("In early May, rebels captured the town of Saraqib.",
     ("syrian-opposition-factions", "captured", "Saraqab")),
])
def test_the_month_may_before_a_change_is_no_hedge(english_claims, text, claim):
    assert claim in english_claims(text)


def test_the_modal_may_still_hedges_a_change(english_claims):
    assert english_claims("The army may capture the town of Maskanah soon.") == []
