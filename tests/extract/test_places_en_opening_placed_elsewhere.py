"""English: a transliteration opening a sentence before a passive said of people too ("X was
captured by the army") is the place when the report names it elsewhere where a place stands
("fighting around X", "the town of X"): one name, one sense in a report. A given name that
is a person's elsewhere stays none. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "Clashes broke out around Saraqeb on Monday. Saraqeb was captured by the army on Tuesday.",
    "The army shelled the town of Saraqeb for a week. Saraqeb was seized by government forces on Friday.",
])
def test_an_opening_name_placed_elsewhere_is_the_place_captured(extract, text):
    assert claims(extract, text, language="en") == [
        ("syrian-government-forces", "captured", "Saraqab", "asserted")]


def test_an_opening_name_that_is_a_person_elsewhere_stays_none(extract):
    found = extract("Hassan Ahmed, a commander, fought in Idlib on Monday. "
                    "Hassan was captured by the army on Tuesday.", language="en")
    assert found.control_claims == []


def test_an_opening_name_named_nowhere_else_stays_none(extract):
    found = extract("Hassan was captured by the army on Monday.", language="en")
    assert found.places == [] and found.control_claims == []
