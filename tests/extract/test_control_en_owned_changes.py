"""English: a change told by a perfect infinitive after a verb of claim ("claimed to have
captured X") is done, not a purpose; a loss owned to ("the army admitted losing X") is the
loss of the subject of the verb of admission."""

import pytest


@pytest.mark.parametrize(("text", "party", "place"), [
    ("The Syrian National Army claimed on Friday to have captured the village of Tal Tamr.",
     "syrian-national-army", "Tal Tamer"),
    ("Rebels claimed to have seized Khan Sheikhoun in southern Idlib.", "syrian-opposition-factions",
     "Khan Shaykun"),
])
def test_a_perfect_infinitive_after_a_claim_is_a_change_done(english_claims, text, party, place):
    assert english_claims(text) == [(party, "captured", place)]


@pytest.mark.parametrize("text", [
    "Rebels tried on Friday to capture Khan Sheikhoun in southern Idlib.",
    "Rebels hope to have taken Khan Sheikhoun by the end of the week.",
])
def test_an_aim_told_by_an_infinitive_claims_nothing(english_claims, text):
    assert english_claims(text) == []


@pytest.mark.parametrize(("text", "party", "place"), [
    ("The army admitted losing Saraqib on Monday.", "syrian-government-forces", "Saraqab"),
    ("The army acknowledged losing control of Saraqib on Monday.", "syrian-government-forces", "Saraqab"),
    ("Rebel commanders acknowledged losing Khan Sheikhoun in southern Idlib.", "syrian-opposition-factions",
     "Khan Shaykun"),
    ("The SDF conceded losing Manbij after two days of fighting.", "sdf", "Menbij"),
])
def test_a_loss_owned_to_is_the_loss_of_who_owns_to_it(english_claims, text, party, place):
    assert english_claims(text) == [(party, "lost", place)]


def test_a_loss_after_a_verb_of_saying_is_not_the_speakers(english_claims):
    # a verb of saying is no admission: the loss is not borrowed from who speaks
    assert ("syrian-government-forces", "lost", "Saraqab") not in english_claims(
        "The army said rebels were losing Saraqib on Monday.")


@pytest.mark.parametrize(("text", "party", "place"), [
    ("The SDF denied losing Tal Tamr.", "sdf", "Tal Tamer"),
    ("The army admitted losing Saraqeb on Monday.", "syrian-government-forces", "Saraqab"),
])
def test_a_name_spelled_otherwise_after_losing_is_a_place(english_claims, text, party, place):
    # "losing" before a capitalised name the gazetteer spells otherwise: the place lost
    assert english_claims(text) == [(party, "lost", place)]
