"""English: a village's one-word name that nothing else in the text vouches for (no place
near it, no head noun) is that village where a verb of taking a place has it for its object
("the army entered Tafas") or a verb of falling for its subject ("Tafas was retaken"); the
same name in no such role stays no place. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Government forces entered Tafas on Monday.",
     ("syrian-government-forces", "entered", "Tafas", "asserted")),
    ("Rebels captured Musallamiyeh after a week of fighting.",
     ("syrian-opposition-factions", "captured", "Musallamiyeh", "asserted")),
    ("Musallamiyeh was retaken by the army.",
     ("syrian-government-forces", "captured", "Musallamiyeh", "asserted")),
    ("Troops stormed Hreibel at dawn.",
     ("syrian-government-forces", "entered", "Hreibel", "asserted")),
])
def test_a_lone_village_taken_is_a_place(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


def test_the_name_in_no_such_role_is_no_place(extract):
    found = extract("Haddadin spoke to reporters on Monday.", language="en")
    assert [p.labels.get("en") for p in found.places] == []


@pytest.mark.parametrize(("text", "claim"), [
    ("The rebels had withdrawn from Adra by the evening.",
     ("syrian-opposition-factions", "withdrew", "Adra", "asserted")),
    ("Government forces took control of Adra on Saturday.",
     ("syrian-government-forces", "captured", "Adra", "asserted")),
])
def test_a_lone_village_left_or_controlled_is_a_place(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


@pytest.mark.parametrize(("text", "claim"), [
    ("Zabadani is now under government control.",
     ("syrian-government-forces", "captured", "Az-Zabdani", "asserted")),
    ("Zabadani has come under government control.",
     ("syrian-government-forces", "captured", "Az-Zabdani", "asserted")),
    ("Tafas remains in rebel hands.",
     ("syrian-opposition-factions", "captured", "Tafas", "asserted")),
])
def test_a_lone_name_held_under_a_frame_is_a_place(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


def test_a_name_under_no_frame_of_holding(extract):
    found = extract("Haddadin is under pressure from his party.", language="en")
    assert [p.labels.get("en") for p in found.places] == []


@pytest.mark.parametrize(("text", "claim"), [
    ("Rebels seized Morek on Friday.", ("syrian-opposition-factions", "captured", "Murak", "asserted")),
    ("The army entered Morek after days of bombardment.",
     ("syrian-government-forces", "entered", "Murak", "asserted")),
])
def test_a_spelling_of_three_consonants_taken(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


def test_a_spelling_of_three_consonants_in_no_such_role(extract):
    found = extract("Morek spoke to reporters on Friday.", language="en")
    assert [p.labels.get("en") for p in found.places] == []
