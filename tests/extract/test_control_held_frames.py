"""English frames with the party between their words: "under IS control", "in rebel hands",
"came under government control": the place before the frame is held by the party inside it,
named by its name or by a word for it."""

import pytest


@pytest.mark.parametrize(("text", "claim"), [
    ("The town of Maskanah has been under IS control since 2014.",
     ("islamic-state", "captured", "Maskana")),
    ("The town of Tabqa is now under SDF control.", ("sdf", "captured", "Al-Thawrah")),
    ("The village of Kafr Nabudah remains under rebel control.",
     ("syrian-opposition-factions", "captured", "Kafr Nabutha")),
    ("The town of Saraqib came under government control on Monday.",
     ("syrian-government-forces", "captured", "Saraqab")),
    ("The town of Saraqib is in rebel hands.", ("syrian-opposition-factions", "captured", "Saraqab")),
    ("The town of Khan Sheikhoun has been in army hands since August.",
     ("syrian-government-forces", "captured", "Khan Shaykun")),
])
def test_the_party_inside_a_frame_holds_the_place_before_it(english_claims, text, claim):
    assert english_claims(text) == [claim]


def test_a_frame_with_no_party_inside_claims_nothing_of_its_own(english_claims):
    assert english_claims("The town of Saraqib is under heavy bombardment.") == []


def test_a_frame_said_of_what_is_no_place_named_claims_nothing(english_claims):
    text = "Rebels captured the town of Saraqib, and the militants fled towards the areas under regime control."
    assert ("syrian-government-forces", "captured", "Saraqab") not in english_claims(text)


def test_a_frame_in_a_relative_clause_is_said_of_the_place_before_it(english_claims):
    text = "The convoys left for the town of Saraqib, which remains in rebel hands."
    assert ("syrian-opposition-factions", "captured", "Saraqab") in english_claims(text)
