"""English: "forces loyal to President Bashar al-Assad", "troops loyal to the Syrian
government" name the Syrian government's forces, as a party that takes a place."""

import pytest


@pytest.mark.parametrize(("text", "place"), [
    ("Troops loyal to President Bashar al-Assad captured the town of Maskanah.", "Maskana"),
    ("Forces loyal to the Syrian government retook the town of Saraqib.", "Saraqab"),
])
def test_forces_loyal_to_the_president_are_the_government_s(english_claims, text, place):
    assert english_claims(text) == [("syrian-government-forces", "captured", place)]
