"""English: "cleared" is a verb of taking ("cleared Tabqa") and of driving a party out ("cleared
IS from Tabqa"): with a party and "from" after it, the subject takes the place and the party
leaves it. Sentences written for these tests."""

from .test_control import claims


def test_cleared_a_party_from_a_place(extract):
    assert claims(extract, "The SDF cleared IS from Tabqa after a week of fighting.", language="en") == [
        ("sdf", "captured", "Al-Thawrah", "asserted"),
        ("islamic-state", "withdrew", "Al-Thawrah", "asserted")]


def test_cleared_a_place_and_cleared_mines(extract):
    assert claims(extract, "The SDF cleared Tabqa on Monday.", language="en") == [
        ("sdf", "captured", "Al-Thawrah", "asserted")]
    assert claims(extract, "Engineers cleared mines from Tabqa.", language="en") == []
