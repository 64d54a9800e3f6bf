"""English: a purpose "to" with an adverb before its verb ("attacked to temporarily retake X")
is no change told, as "to retake X" is none; a change done ("were forced to quickly withdraw")
stays one. Sentences written for these tests."""

from .test_control import claims


def test_a_purpose_with_an_adverb(extract):
    assert claims(extract, "The jihadists attacked to temporarily retake Saraqib.", language="en") == []


def test_a_compelled_change_with_an_adverb(extract):
    assert claims(extract, "Rebels were forced to quickly withdraw from Saraqib.", language="en") == [
        ("syrian-opposition-factions", "withdrew", "Saraqab", "asserted")]
