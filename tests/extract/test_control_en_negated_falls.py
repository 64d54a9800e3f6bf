"""English: a fall its auxiliary negates after a verb of saying ("officials said the town had
not fallen to the rebels", "state media said Saraqeb had not fallen") is the speaker's denial
of a capture, by the party after "to" or by none named; negated with no one saying so ("X had
not fallen by Monday") it claims nothing; "the fallen" are people. Sentences written for
these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Officials in Hama said the town of Morek had not fallen to the rebels.",
     ("syrian-opposition-factions", "captured", "Murak", "denied")),
    ("A military source insisted that Saraqeb had not fallen to the insurgents.",
     ("syrian-opposition-factions", "captured", "Saraqab", "denied")),
    ("State television said Saraqeb had not fallen.", (None, "captured", "Saraqab", "denied")),
])
def test_a_fall_negated_after_a_verb_of_saying_is_a_denied_capture(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


def test_the_denied_fall_of_a_town_taken_before_is_a_denial_of_that_capture(extract):
    text = "Rebels said they captured Saraqeb, but state media said the town had not fallen."
    assert ("syrian-opposition-factions", "captured", "Saraqab", "denied") in claims(extract, text, language="en")


@pytest.mark.parametrize("text", [
    "Saraqeb had not fallen by Monday evening.",
    "The fallen were buried in Qardaha on Monday.",
])
def test_a_fall_negated_with_no_one_saying_so_or_the_fallen_claim_nothing(extract, text):
    assert claims(extract, text, language="en") == []
