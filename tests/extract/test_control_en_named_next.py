"""English: a change whose object is a noun of a place with "a" and no name ("took control of
a town south of Idlib city") is about the place the next sentence names for it: the
apposition of the noun with "the" ("The town, Maarat al-Numan, ...") or its subject with an
aside after a comma ("Khan Sheikhoun, which lies on the highway, ..."); not a place told in the
first sentence, nor one the next sentence names otherwise. Sentences written for these
tests."""

import pytest

from .test_control import claims


def test_the_apposition_of_the_noun_in_the_next_sentence_names_the_place(extract):
    text = ("Syrian government forces took control of a town south of Idlib city on Tuesday. "
            "The town, Maarat al-Numan, had been shelled for weeks.")
    assert claims(extract, text, language="en") == [
        ("syrian-government-forces", "captured", "Ma'arrat An Nu'man", "asserted")]


def test_a_place_opening_the_next_sentence_with_an_aside_names_it(extract):
    text = ("Rebels captured a town in southern Idlib on Sunday. "
            "Khan Sheikhoun, which lies on the highway, had been shelled for weeks.")
    assert claims(extract, text, language="en") == [
        ("syrian-opposition-factions", "captured", "Khan Shaykun", "asserted")]


@pytest.mark.parametrize("text", [
    # the next sentence is about another place, not named as the village
    "Rebels captured a town in southern Idlib on Sunday. Khan Sheikhoun was shelled on Monday.",
    # the place opening the next sentence is the one that said where
    "Rebels captured a village near Saraqeb on Sunday. Saraqeb, which lies on the highway, was shelled.",
])
def test_no_place_named_for_the_noun_leaves_no_claim(extract, text):
    assert claims(extract, text, language="en") == []
