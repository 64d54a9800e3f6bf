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


@pytest.mark.parametrize(("text", "party"), [
    ("The Observatory said the number of villages taken by regime forces since Sunday rose to three: "
     "Hish, Kafr Nabl and Saraqib.", "syrian-government-forces"),
    ("The villages captured by regime forces on Monday are Hish, Kafr Nabl and Saraqib.",
     "syrian-government-forces"),
    ("The number of villages controlled by rebels in southern Idlib has risen to three, they are Hish, "
     "Kafr Nabl and Saraqib.", "syrian-opposition-factions"),
])
def test_a_participle_on_a_noun_of_places_takes_the_places_listed_later(english_claims, text, party):
    assert english_claims(text) == [(party, "captured", p) for p in ("Heish", "Kafr Nobol", "Saraqab")]


def test_a_place_named_before_the_list_leaves_the_noun_unelaborated(english_claims):
    # "near Saraqib" says where the villages are, not which: nothing is listed for them
    assert english_claims("The villages captured by the army near Saraqib lie on the M5 highway.") == []
