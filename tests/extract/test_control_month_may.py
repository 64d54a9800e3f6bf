"""English control claims dated in May: the month "May" in a date ("on May 5", "in early May")
is no hedge "may" that makes the change an attempt; the modal still is."""

import pytest


def claims(extract, text: str) -> list[tuple[str | None, str, str | None]]:
    x = extract(text, language="en")
    places = {p.key: p.labels.get("en") for p in x.places}
    return [(c.actor, c.change, places.get(c.place)) for c in x.control_claims]


@pytest.mark.parametrize(("text", "claim"), [
    ("On May 5 the army captured the town of Maskanah.",
     ("syrian-government-forces", "captured", "Maskana")),
    ("The army on May 5 captured the town of Maskanah.",
     ("syrian-government-forces", "captured", "Maskana")),
    ("In early May, rebels captured the town of Saraqib.",
     ("syrian-opposition-factions", "captured", "Saraqab")),
])
def test_the_month_may_before_a_change_is_no_hedge(extract, text, claim):
    assert claim in claims(extract, text)


def test_the_modal_may_still_hedges_a_change(extract):
    assert claims(extract, "The army may capture the town of Maskanah soon.") == []
