"""English passives whose agent is an unqualified army noun ("was recaptured by the army",
"captured by Syrian troops", "fell to the army"): the state's forces took the place; a noun of
units that belong to a named party ("units of the SDF") is that party's."""

import pytest


@pytest.mark.parametrize(("text", "place"), [
    ("The town of Saraqib has changed hands several times, and was recaptured by the army on Monday.",
     "Saraqab"),
    ("The town of Maskanah was captured by Syrian troops.", "Maskana"),
    ("The town of Saraqib fell to the army on Monday.", "Saraqab"),
])
def test_an_army_noun_after_a_passive_names_the_state_s_forces(english_claims, text, place):
    assert english_claims(text) == [("syrian-government-forces", "captured", place)]


def test_units_of_a_named_party_are_that_party_s(english_claims):
    assert english_claims("The town of Tabqa was captured by units of the SDF.") == [
        ("sdf", "captured", "Al-Thawrah")]
