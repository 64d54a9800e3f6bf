"""English: a spelling whose consonants are a gazetteer name's ("Kafranbel" for Kafr Nabl,
"Morek" for Murak) is that place when the text sets it "in" a place of its governorate,
as it is in a list beside one; the place it is set in says which namesake is meant, and a
word set in another governorate stays no place. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "place"), [
    ("Government forces captured Kafranbel in southern Idlib on Monday.", "Kafr Nobol"),
    ("Rebels seized Morek in northern Hama after weeks of fighting.", "Murak"),
])
def test_a_spelling_set_in_its_governorate_is_the_place(extract, text, place):
    found = claims(extract, text, language="en")
    assert [(change, where) for _, change, where, _ in found] == [("captured", place)]


def test_a_spelling_set_in_another_governorate_is_no_place(extract):
    found = extract("Government forces captured Kafranbel in northern Hama on Monday.", language="en")
    assert "Kafr Nobol" not in {p.labels.get("en") for p in found.places}
