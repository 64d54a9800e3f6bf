"""English: a participle of a siege after an article ("the besieged town of X") is an
adjective: the verb before it keeps X for its object, and the sentence's subject is no besieger;
"reached" is an entry only by a party (not by aid or the fighting); people carried out of a
place ("buses carrying rebels out of X") leave it. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Rebels withdrew from the besieged town of Haffa on Wednesday.",
     ("syrian-opposition-factions", "withdrew", "Al-Haffa", "asserted")),
    ("Rebels captured the encircled town of Haffa.",
     ("syrian-opposition-factions", "captured", "Al-Haffa", "asserted")),
])
def test_the_verb_before_a_besieged_place_keeps_it(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


def test_reached_by_no_party(extract):
    assert claims(extract, "Aid convoys reached Haffa on Monday.", language="en") == []
    assert claims(extract, "The fighting reached the town of Haffa.", language="en") == []
    assert claims(extract, "Troops reached Haffa on Monday.", language="en") == [
        ("syrian-government-forces", "entered", "Al-Haffa", "asserted")]


def test_carried_out_of_a_place(extract):
    text = "Buses carrying HTS fighters and their families out of Saraqib left on Monday."
    assert claims(extract, text, language="en") == [("hts", "withdrew", "Saraqab", "asserted")]
    assert claims(extract, "Ambulances carrying the wounded out of Saraqib were hit.", language="en") == []
