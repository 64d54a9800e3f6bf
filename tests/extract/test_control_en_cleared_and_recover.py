"""English: places "cleared of" a party are taken from it by a party the sentence does not
name (the one named before, in context), and nothing is taken when what they are cleared of is
no party ("cleared of mines"); "recover" is a verb of taking in every form ("were able to
recover the villages of A and B"); a village's lone name after "the fall of" is that village.
Sentences written for these tests."""

from .test_control import claims


def test_places_cleared_of_a_party(extract):
    text = "The villages of Kafr Zita and Lahaya were cleared of HTS militants on Wednesday."
    assert sorted(claims(extract, text, language="en"), key=str) == sorted([
        ("hts", "withdrew", "Kafr Zeita", "asserted"),
        ("hts", "withdrew", "Lahaya", "asserted"),
        (None, "captured", "Kafr Zeita", "asserted"),
        (None, "captured", "Lahaya", "asserted")], key=str)


def test_places_cleared_of_mines(extract):
    assert claims(extract, "Halfaya was cleared of mines on Sunday.", language="en") == []


def test_recover_after_able_to(extract):
    text = "The factions were able to recover the villages of Kafr Zita and Lahaya in northern Hama."
    assert claims(extract, text, language="en") == [
        ("syrian-opposition-factions", "captured", "Kafr Zeita", "asserted"),
        ("syrian-opposition-factions", "captured", "Lahaya", "asserted")]


def test_the_fall_of_a_lone_village(extract):
    text = "The fighting ended with the fall of Halfaya to government forces."
    assert claims(extract, text, language="en") == [
        ("syrian-government-forces", "captured", "Halfaya", "asserted")]
