"""English verbal nouns with a possessive pronoun ("its siege of X", "its capture of X"): the
owner of the pronoun, the clause's subject, made the change, an army noun as the state's forces."""

import pytest


def claims(extract, text: str) -> list[tuple[str | None, str, str | None]]:
    x = extract(text, language="en", published="2017-06-01")
    places = {p.key: p.labels.get("en") for p in x.places}
    return [(c.actor, c.change, places.get(c.place)) for c in x.control_claims]


@pytest.mark.parametrize(("text", "claim"), [
    ("The army tightened its siege of the town of Saraqib.", ("syrian-government-forces", "besieged", "Saraqab")),
    ("The army said its capture of the town of Maskanah opened the road to Raqqa.",
     ("syrian-government-forces", "captured", "Maskana")),
])
def test_an_owned_verbal_noun_is_the_subject_s_change(extract, text, claim):
    assert claims(extract, text) == [claim]


def test_an_owned_noun_of_no_party_claims_nothing(extract):
    assert claims(extract, "Residents fled the town of Saraqib during its siege.") == []
