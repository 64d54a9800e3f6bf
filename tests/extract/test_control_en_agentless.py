"""Constructions of English war reporting read in a second pass: a place "was captured" with no
agent is taken by the party the context names."""

import pytest


@pytest.mark.parametrize("text", [
    "Syrian government forces advanced in Idlib province on Monday. Maarat al-Numan was captured on Tuesday.",
    "Syrian government forces advanced in Idlib province on Monday. "
    "The town of Maarat al-Numan in Idlib province was retaken on Tuesday.",
    "Syrian government forces advanced in Idlib province on Monday. "
    "Maarat al-Numan has been recaptured.",
])
def test_a_place_taken_with_no_agent_is_taken_by_the_party_advancing(english_claims, text):
    # the place is the town, not the province named after it
    assert english_claims(text) == [("syrian-government-forces", "captured", "Ma'arrat An Nu'man")]


def test_a_person_captured_in_a_place_takes_no_place(english_claims):
    assert english_claims("Rebels attacked in Idlib province. A commander was captured in Maarat al-Numan.") == []


@pytest.mark.parametrize("text", [
    "The Syrian government recovered Khan Sheikhoun in Idlib province on Friday.",
    "The government captured Khan Sheikhoun in Idlib province on Friday.",
])
def test_the_government_as_the_subject_of_a_capture_is_the_state_forces(english_claims, text):
    assert english_claims(text) == [("syrian-government-forces", "captured", "Khan Shaykun")]


def test_another_state_s_government_is_not_the_syrian_state_forces(english_claims):
    assert [c[0] for c in english_claims("The Turkish government captured Afrin in Aleppo province.")] \
        != ["syrian-government-forces"]


@pytest.mark.parametrize(("text", "party", "place"), [
    ("The army denied losing control of Saraqeb in Idlib province.", "syrian-government-forces", "Saraqab"),
    ("SDF officials denied that Dhiban had been lost.", "sdf", "Thiban"),
])
def test_a_denied_loss_of_no_party_is_the_denier_s_own(extract, text, party, place):
    found = extract(text, language="en", published="2020-02-01")
    labels = {p.key: p.labels.get("en") for p in found.places}
    assert [(c.actor, c.change, labels.get(c.place), c.stance) for c in found.control_claims] == [
        (party, "lost", place, "denied")]


@pytest.mark.parametrize(("text", "source"), [
    ("Government forces captured Kafr Nabl in Idlib province, SANA and the Syrian Observatory for Human Rights "
     "said.", "sana"),
    ("Government forces captured Kafr Nabl in Idlib province, the Syrian Observatory for Human Rights and "
     "state media said.", "sohr"),
])
def test_two_sources_joined_before_their_verb_credit_the_first(extract, text, source):
    found = extract(text, language="en", published="2019-12-23")
    assert [c.attributed_to.source for c in found.control_claims] == [source]


def test_a_place_taken_with_no_agent_is_never_the_province_that_only_says_where(english_claims):
    # the town's name is unknown: the province after it is not what was taken
    assert english_claims("Government forces advanced in Idlib province. "
                          "The town of Zuqqarbat in Idlib province was retaken on Monday.") == []
