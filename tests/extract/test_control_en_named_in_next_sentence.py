"""English: "cleansed" is a verb of taking ("troops had cleansed Saraqib of terrorists"); a
plural noun of places a capture names with no names ("a string of villages") is named by the
next sentence after a verb of naming near its start ("He named A and the villages of B and
C"), not by a party's sentence of its own; "surrounding villages" is no siege. Sentences
written for these tests."""

from .test_control import claims


def test_cleansed(extract):
    assert claims(extract, "The army said troops had cleansed Saraqib of terrorists.", language="en") == [
        ("syrian-government-forces", "captured", "Saraqab", "asserted")]


def test_villages_named_in_the_next_sentence(extract):
    text = ("Troops captured a string of surrounding villages on Monday, an army spokesman said. "
            "He named Binnish and the villages of Sarmin and Taftanaz.")
    assert claims(extract, text, language="en") == [
        ("syrian-government-forces", "captured", "Bennsh", "asserted"),
        ("syrian-government-forces", "captured", "Sarmin", "asserted"),
        ("syrian-government-forces", "captured", "Teftnaz", "asserted")]


def test_a_party_naming_its_targets_names_none_taken(extract):
    text = "Troops captured several villages on Monday. Rebels named Binnish and Sarmin as targets."
    assert claims(extract, text, language="en") == []
