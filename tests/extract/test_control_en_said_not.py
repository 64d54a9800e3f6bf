"""English: a change its auxiliary negates after a verb of saying ("SDF officials insisted
they had not withdrawn from X") is the speaker's denial of it; negated with no one saying
so ("Rebels had not captured X by Monday"), it claims nothing."""

import pytest


def _claims(extract, text):
    found = extract(text, language="en", published="2019-10-20")
    places = {p.key: p.labels.get("en") for p in found.places}
    return [(c.actor, c.change, places.get(c.place), c.stance) for c in found.control_claims]


@pytest.mark.parametrize(("text", "claim"), [
    ("SDF officials insisted they had not withdrawn from Manbij.", ("sdf", "withdrew", "Menbij", "denied")),
    ("The army said it had not withdrawn from Saraqib, despite opposition reports.",
     ("syrian-government-forces", "withdrew", "Saraqab", "denied")),
    ("Rebel commanders said they had not captured Saraqib.",
     ("syrian-opposition-factions", "captured", "Saraqab", "denied")),
])
def test_a_change_negated_after_a_verb_of_saying_is_denied(extract, text, claim):
    assert _claims(extract, text) == [claim]


def test_a_change_negated_with_no_one_saying_so_claims_nothing(extract):
    assert _claims(extract, "Rebels had not captured Saraqib by Monday.") == []
