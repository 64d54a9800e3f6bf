"""English: a verbal noun with "the" opening its sentence as the subject of a verb told as past
("The recapture of X came after weeks of fighting", "The capture of X was announced") tells
the change as done, by the party the report named before; with a modal or a goal after it
("The fall of X would mark", "was their main goal") it tells none. Sentences written for
these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("second", [
    "The recapture of Khan Sheikhoun came after weeks of fighting.",
    "The capture of Khan Sheikhoun was announced by state television.",
])
def test_a_verbal_noun_opening_a_sentence_told_as_past_is_a_claim(extract, second):
    text = "Government forces advanced in southern Idlib on Monday. " + second
    assert claims(extract, text, language="en") == [
        ("syrian-government-forces", "captured", "Khan Shaykun", "asserted")]


@pytest.mark.parametrize("second", [
    "The capture of Khan Sheikhoun would mark a turning point.",
    "The capture of Khan Sheikhoun was their main goal.",
])
def test_a_verbal_noun_with_a_modal_or_a_goal_after_it_is_no_claim(extract, second):
    text = "Government forces advanced in southern Idlib on Monday. " + second
    assert claims(extract, text, language="en") == []
