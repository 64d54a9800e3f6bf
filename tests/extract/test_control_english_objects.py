"""English objects and subjects of a change of control: a part of a place named by its
owner ("Aleppo's Salaheddine"), an anaphor that stands for no place named as another kind
("the province of X" is no "the town"), an item coordinated after an aside and its
determiners ("as well as much of the X and Y districts"), and an army noun after a verb of
saying ("said troops now controlled"); sentences written for these tests."""

import pytest

from .test_control_subjects import claims

# --- a part of a place named by its owner --------------------------------------------------


@pytest.mark.parametrize("text", [
    "Government troops retook Homs's southern district on Friday.",
])
def test_what_a_place_owns_is_not_the_place(extract, text):
    assert claims(extract, text, "en") == []


def test_a_facility_a_place_owns_is_its_site_not_the_place(extract):
    text = "Rebels seized Hama's military airport after a week of fighting."
    assert [place for _, _, place in claims(extract, text, "en")] == ["Hama Military Airport"]


def test_a_named_part_of_a_place_is_taken_itself(extract):
    text = "Rebels took Aleppo's Sheikh Maqsoud district on Monday."
    assert [place for _, _, place in claims(extract, text, "en")] == ["Ash-Sheikh Maqsoud"]


# --- an anaphor and the kind of place a name was given --------------------------------------


def test_the_town_stands_for_no_place_named_as_a_province(extract):
    text = ("Rebels took full control of Saraqib on Sunday.\n\n"
            "A minister, speaking at a rally in the southern province of Gaziantep, praised them.\n\n"
            "Government forces pulled out of the town overnight.")
    found = claims(extract, text, "en")
    assert ("syrian-government-forces", "withdrew", "Saraqab") in found
    assert all(place == "Saraqab" for _, _, place in found)


# --- a coordinated item after an aside ------------------------------------------------------


def test_an_item_after_an_aside_is_read_past_its_determiners(extract):
    text = ("Rebels still hold the town of Saraqib, which overlooks the highway, "
            "as well as much of the Talmenes and Maar Shurin villages.")
    places = {place for _, change, place in claims(extract, text, "en") if change == "captured"}
    assert {"Saraqab", "Maar Shurin"} <= places


# --- an army noun after a verb of saying ----------------------------------------------------


@pytest.mark.parametrize(("text", "place"), [
    ("Syria says troops retake the town of Morek.", "Murak"),
    ("The monitor said troops now controlled most of Kafr Nabl.", "Kafr Nobol"),
])
def test_troops_after_a_verb_of_saying_are_the_state_forces(extract, text, place):
    assert claims(extract, text, "en") == [("syrian-government-forces", "captured", place)]


def test_troops_of_another_party_are_not_the_state_forces(extract):
    text = "The monitor said Turkish troops now controlled most of Kafr Nabl."
    assert all(actor != "syrian-government-forces" for actor, _, _ in claims(extract, text, "en"))


# --- a withdrawal told with no object but a time -------------------------------------------


def test_a_withdrawal_with_only_a_time_after_it_is_from_the_place_just_taken(extract):
    text = ("Government forces took full control of the town of Saraqib on Monday after rebels "
            "pulled out in the early hours.")
    assert ("syrian-opposition-factions", "withdrew", "Saraqab") in claims(extract, text, "en")


def test_a_withdrawal_with_only_a_time_and_no_place_before_is_no_claim(extract):
    text = "Rebels shelled army posts for a week. On Sunday they pulled out in the early hours."
    assert claims(extract, text, "en") == []


# --- an army noun behind an adverb ----------------------------------------------------------


def test_an_army_noun_before_an_adverb_is_the_state_forces(extract):
    text = "The Syrian government army has completely liberated the town of Saraqib, the ministry said."
    assert ("syrian-government-forces", "captured", "Saraqab") in claims(extract, text, "en")
