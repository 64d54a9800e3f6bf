"""English: a transliteration the gazetteer spells otherwise, opening a sentence, is a place
when a verb said only of places follows it ("Saraqeb was retaken", "Saraqeb fell to"), as it
is after "in" and a place; not before a passive said of people too ("Hassan was captured").
Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "Saraqeb was retaken by government forces on Monday.",
    "Saraqeb fell to government forces on Monday.",
])
def test_a_spelling_opening_a_sentence_before_a_fall_is_the_place(extract, text):
    assert claims(extract, text, language="en") == [
        ("syrian-government-forces", "captured", "Saraqab", "asserted")]


def test_a_name_opening_a_sentence_before_a_passive_said_of_people_is_no_place(extract):
    found = extract("Hassan was captured by the army on Monday.", language="en")
    assert found.places == [] and found.control_claims == []
