"""English: an army noun before an aside between commas ("The army, backed by Russian jets,
seized X", "The army, which has been advancing for weeks, seized X") is the subject of the
verb after the aside, and names the state's forces."""

import pytest


def claims(extract, text: str) -> list[tuple[str | None, str, str | None]]:
    x = extract(text, language="en", published="2017-06-01")
    places = {p.key: p.labels.get("en") for p in x.places}
    return [(c.actor, c.change, places.get(c.place)) for c in x.control_claims]


@pytest.mark.parametrize("text", [
    "The army, backed by Russian jets, seized the town of Maskanah on Monday.",
    "The army, which has been advancing for weeks, seized the town of Maskanah.",
])
def test_an_army_noun_before_an_aside_is_the_subject(extract, text):
    assert claims(extract, text) == [("syrian-government-forces", "captured", "Maskana")]

