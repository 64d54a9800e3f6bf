"""Constructions of English war reporting: who speaks for "we" when the speaker is of no party;
"imposed its control over X" takes X."""

import pytest


def test_we_said_by_a_speaker_of_no_party_is_the_side_named_before(english_claims):
    text = ("Rebel fighters boarded buses in Homs on Thursday.\n\nNothing changed.\n\n"
            "\"We are pulling out of Bab Amr and Khalidiya,\" said an activist.")
    assert english_claims(text) == [
        ("syrian-opposition-factions", "withdrew", "Baba Amr"),
        ("syrian-opposition-factions", "withdrew", "Kalidiyeh")]


@pytest.mark.parametrize(("text", "party", "place"), [
    ("State media said the army had imposed its control over the town of Khan Sheikhoun in Idlib province.",
     "syrian-government-forces", "Khan Shaykun"),
    ("Rebels imposed full control over Khan Sheikhoun in southern Idlib on Monday.",
     "syrian-opposition-factions", "Khan Shaykun"),
    ("The SDF extended its control over the town of Tabqa in Raqqa province.", "sdf", "Al-Thawrah"),
])
def test_imposing_control_over_a_place_takes_it(english_claims, extract, text, party, place):
    assert english_claims(text) == [(party, "captured", place)]
    found = extract(text, language="en", published="2017-06-01")
    labels = {p.key: p.labels.get("en") for p in found.places}
    assert [(e.kind, [labels[k] for k in e.places]) for e in found.events] == [("capture", [place])]


def test_kurdish_led_fighters_are_the_sdf(english_claims):
    assert english_claims("Kurdish-led fighters drove Islamic State out of Manbij in Aleppo province on Friday.") == [
        ("sdf", "captured", "Menbij"), ("islamic-state", "withdrew", "Menbij")]


@pytest.mark.parametrize("text", [
    "Troops pushed into Khan Sheikhoun in Idlib province late on Monday.",
    "Rebels broke into the town of Khan Sheikhoun in Idlib province on Monday.",
])
def test_pushing_into_a_town_is_an_event_where_it_is_entered(english_claims, extract, text):
    assert [c[1:] for c in english_claims(text)] == [("entered", "Khan Shaykun")]
    found = extract(text, language="en", published="2017-06-01")
    labels = {p.key: p.labels.get("en") for p in found.places}
    assert [(e.kind, [labels[k] for k in e.places]) for e in found.events] == [("capture", ["Khan Shaykun"])]


@pytest.mark.parametrize(("text", "party", "places"), [
    ("Deraa city returned to government control on Thursday after rebels agreed to hand over their weapons.",
     "syrian-government-forces", ["Dar'a"]),
    ("The towns of Talbiseh and Rastan in Homs province came under full government control on Wednesday.",
     "syrian-government-forces", ["Talbiseh", "Ar-Rastan"]),
    ("The town of Rastan in Homs province remains under full rebel control.",
     "syrian-opposition-factions", ["Ar-Rastan"]),
])
def test_a_control_frame_names_its_own_party_past_where_the_place_is(english_claims, text, party, places):
    # "returned to government control ... after rebels agreed": the party inside the frame, not
    # the one after it; "X in Homs province came under": the frame is said of X
    assert english_claims(text) == [(party, "captured", p) for p in places]


def test_recovering_a_town_takes_it_and_recovering_bodies_takes_nothing(english_claims):
    assert english_claims("Government forces recovered the town of Busra al-Sham in Deraa province on Friday.") == [
        ("syrian-government-forces", "captured", "Busra Esh-Sham")]
    assert english_claims("Rescuers recovered 20 bodies from the rubble in Douma on Friday.") == []


def test_a_place_that_came_under_a_party_s_control_in_a_year_is_taken_that_year(extract):
    text = "The town of Rastan in Homs province came under rebel control in 2012."
    found = extract(text, language="en", published="2018-07-20")
    assert [(c.change, c.actor, c.start) for c in found.control_claims] == [
        ("captured", "syrian-opposition-factions", "2012")]
    assert [(e.kind, e.start) for e in found.events] == [("capture", "2012")]


def test_a_name_apposed_to_a_place_noun_is_a_place(english_claims):
    # "X, a town in Idlib province": the apposition says what X is, as "the town of X" would
    assert english_claims("Government forces captured Kafranbel, a town in Idlib province, on Tuesday.") == [
        ("syrian-government-forces", "captured", "Kafranbel")]
    assert english_claims("Separately, a village in Idlib province was shelled on Tuesday.") == []


def test_a_spelling_opening_a_sentence_is_a_place_when_in_a_place(english_claims):
    # "Morek in northern Hama was captured": a capitalised first word "in" a known place names
    # a place, where "Rebels" opening a sentence does not
    text = "Fighting raged across Hama province. Morek in northern Hama was captured by rebels on Sunday."
    assert english_claims(text) == [("syrian-opposition-factions", "captured", "Murak")]


@pytest.mark.parametrize("text", [
    "The fall of Maarat al-Numan in Idlib province to government forces opened the road to the north.",
    "The capture of Maarat al-Numan in Idlib province by government forces cut a key supply line.",
])
def test_the_agent_of_a_verbal_noun_past_where_its_place_is(english_claims, text):
    # "the fall of X in Idlib province to Y": "in Idlib province" says where X is; Y took it
    assert english_claims(text) == [("syrian-government-forces", "captured", "Ma'arrat An Nu'man")]


def test_people_from_a_place_taken_prisoner_take_no_place(english_claims):
    assert english_claims("Two Islamic State fighters from Raqqa were captured by the SDF.") == []
    assert english_claims("The town of Raqqa was captured by the SDF.") == [("sdf", "captured", "Ar-Raqqa")]


def test_a_rebel_spokesman_speaks_for_the_rebels(english_claims):
    text = "A rebel spokesman said fighters had recaptured Saraqeb in Idlib province."
    assert english_claims(text) == [("syrian-opposition-factions", "captured", "Saraqab")]
