"""English: "forces loyal to President Bashar al-Assad", "troops loyal to the Syrian
government" name the Syrian government's forces, as a party that takes a place."""

import pytest


def claims(extract, text: str) -> list[tuple[str | None, str, str | None]]:
    x = extract(text, language="en", published="2017-06-01")
    places = {p.key: p.labels.get("en") for p in x.places}
    return [(c.actor, c.change, places.get(c.place)) for c in x.control_claims]


@pytest.mark.parametrize(("text", "place"), [
    ("Troops loyal to President Bashar al-Assad captured the town of Maskanah.", "Maskana"),
    ("Forces loyal to the Syrian government retook the town of Saraqib.", "Saraqab"),
])
def test_forces_loyal_to_the_president_are_the_government_s(extract, text, place):
    assert claims(extract, text) == [("syrian-government-forces", "captured", place)]
