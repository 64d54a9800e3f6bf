"""English: an unnamed count of places, dated, then the places it stands for after a colon,
a dash or "they are" ("captured three villages on Monday: A, B and C"): each is taken."""

import pytest

LISTED = [("syrian-government-forces", "captured", p) for p in ("Heish", "Kafr Nobol", "Saraqab")]


@pytest.mark.parametrize("text", [
    "Regime forces captured three villages in southern Idlib on Monday: Hish, Kafr Nabl and Saraqib.",
    "Regime forces captured three villages on Monday - Hish, Kafr Nabl and Saraqib.",
    "Regime forces captured three villages on Monday, they are Hish, Kafr Nabl and Saraqib.",
])
def test_places_announced_after_a_dated_count_are_taken(english_claims, text):
    assert english_claims(text) == LISTED


def test_a_hyphen_inside_a_word_announces_nothing(english_claims):
    # "rebel-held" is no dash set apart: Saraqib is not among the villages taken
    claims = english_claims("Regime forces captured three villages on Monday near rebel-held Saraqib.")
    assert ("syrian-government-forces", "captured", "Saraqab") not in claims
