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


@pytest.mark.parametrize(("text", "place"), [
    ("Al-Tamanah fell to the army in the southern Idlib countryside on Friday.", "Tamanaah"),
    ("The village of Tal Hadya was recaptured by the army in southern Aleppo on Monday.", "Tal Heddiyeh"),
])
def test_an_army_noun_before_where_the_place_is_still_names_the_state_s_forces(english_claims, text, place):
    # "the army in Idlib": the place after "in" is where it fell, not a complement that names a party
    assert english_claims(text) == [("syrian-government-forces", "captured", place)]


@pytest.mark.parametrize(("text", "place"), [
    ("The town of Morek in the Hama countryside was retaken by government troops on Sunday.", "Murak"),
    ("The towns of Morek and Kafr Zita in northern Hama fell to the army on Tuesday.", None),
])
def test_a_passive_takes_the_place_before_where_it_is(english_claims, text, place):
    # "X in the Hama countryside was retaken": the governorate after "in the" says where X is
    claims = english_claims(text)
    assert claims and all(c[:2] == ("syrian-government-forces", "captured") for c in claims)
    assert "Hama" not in {c[2] for c in claims}
    if place:
        assert [c[2] for c in claims] == [place]


@pytest.mark.parametrize("text", [
    "The army said it had captured Khan Sheikhoun in Idlib province on Tuesday.",
    "The army says it has regained control of Khan Sheikhoun in Idlib province.",
])
def test_the_pronoun_after_an_army_noun_and_a_verb_of_saying_is_the_army(english_claims, text):
    # "the army said it had captured X": the army took X
    assert english_claims(text) == [("syrian-government-forces", "captured", "Khan Shaykun")]


@pytest.mark.parametrize(("text", "change"), [
    ("The army and its allies captured the town of Busra al-Sham in Deraa province on Monday.", "captured"),
    ("The army and allied militias encircled the town of Busra al-Sham in Deraa province on Monday.", "besieged"),
])
def test_an_army_noun_first_of_a_pair_of_subjects_names_the_state_s_forces(english_claims, text, change):
    assert english_claims(text) == [("syrian-government-forces", change, "Busra Esh-Sham")]


@pytest.mark.parametrize("text", [
    "A rebel commander said the army had entered Saraqeb in Idlib province.",
    "Rebels said that government troops had entered Saraqeb in Idlib province.",
])
def test_an_army_noun_after_a_verb_of_saying_is_the_subject_not_the_speaker_s_party(english_claims, text):
    assert english_claims(text) == [("syrian-government-forces", "entered", "Saraqab")]


def test_an_army_noun_object_of_a_party_s_verb_is_no_subject(english_claims):
    assert english_claims("Rebels fought the army and entered Saraqeb in Idlib province.") == [
        ("syrian-opposition-factions", "entered", "Saraqab")]
