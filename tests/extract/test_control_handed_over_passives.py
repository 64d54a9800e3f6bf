"""English handovers in the passive ("X was handed over to Y", "was surrendered to the army"):
the party after the verb took the place; what is no place handed over claims nothing."""

import pytest


@pytest.mark.parametrize(("text", "claim"), [
    ("The town of Maskanah was handed over to government forces.",
     ("syrian-government-forces", "captured", "Maskana")),
    ("The town of Saraqib was surrendered to the army on Monday.",
     ("syrian-government-forces", "captured", "Saraqab")),
    ("The town of Tabqa was handed over to the SDF under a deal with IS.", ("sdf", "captured", "Al-Thawrah")),
])
def test_a_place_handed_over_is_taken_by_the_party_after_the_verb(english_claims, text, claim):
    assert claim in english_claims(text)


def test_what_is_no_place_handed_over_claims_nothing(english_claims):
    assert english_claims("The bodies were handed over to the Red Crescent.") == []
