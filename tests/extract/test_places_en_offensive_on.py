"""English: a spelling the gazetteer lacks after "an offensive on", "an assault on" stands where
a place does, as after "advanced on" ("Rebels launched an offensive on Saraqeb and took control
of it"); not after "an attack on", said of people too ("The attack on Hassan"). Sentences
written for these tests."""

from .test_control import claims


def test_a_spelling_after_an_offensive_on_is_a_place(extract):
    text = "Rebels launched an offensive on Saraqeb and took control of it."
    assert claims(extract, text, language="en") == [
        ("syrian-opposition-factions", "captured", "Saraqab", "asserted")]


def test_a_person_after_an_attack_on_is_no_place(extract):
    assert extract("The attack on Hassan was condemned.", language="en").places == []
