"""English: an object of a generic noun that names no place ("seized several positions",
"handed over the checkpoints") is in the places the sentence opens with, after "in" and
before a comma ("In Khan Sheikhoun, rebels seized several positions"), as Arabic reads what is
taken in a place; not after an opening that is no list of places ("In a statement, ...").
Sentences written for these tests."""

import pytest

from .test_control import claims


def test_positions_taken_in_a_place_the_sentence_opens_with_are_a_claim_on_it(extract):
    text = "In Khan Sheikhoun, rebels seized several positions on Monday."
    assert claims(extract, text, language="en") == [
        ("syrian-opposition-factions", "captured", "Khan Shaykun", "asserted")]


@pytest.mark.parametrize("text", [
    "In a statement on Monday, rebels said they seized several positions.",
    "Rebels seized several positions on Monday.",
])
def test_positions_with_no_place_opening_the_sentence_are_no_claim(extract, text):
    assert claims(extract, text, language="en") == []
