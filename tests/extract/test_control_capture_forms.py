"""Forms of a capture the lexicon names: a state told with a verb of submission ("خضعت
لسيطرة"), a change done after "went on to" or "proceeded to", control restored or
regained "over" a place, a place occupied by a party; sentences written for these tests."""

import pytest

from .test_control_subjects import claims


@pytest.mark.parametrize("text", [
    "وكانت بلدة كفرنبودة قد خضعت لسيطرة الفصائل منذ عام 2014.",
    "وقال ناشطون إن بلدة كفرنبودة تخضع لسيطرة الفصائل منذ أشهر.",
])
def test_a_verb_of_submission_says_who_holds_the_place(extract, text):
    assert claims(extract, text) == [("syrian-opposition-factions", "captured", "Kafr Nabutha")]


@pytest.mark.parametrize("text", [
    "The Free Syrian Army went on to clear Saraqib.",
    "The Free Syrian Army then proceeded to seize Saraqib.",
])
def test_a_change_after_went_on_to_is_done(extract, text):
    assert claims(extract, text, "en") == [("free-syrian-army", "captured", "Saraqab")]


def test_a_change_after_to_alone_is_still_a_purpose(extract):
    assert claims(extract, "The Free Syrian Army massed fighters to seize Saraqib.", "en") == []


def test_control_restored_over_a_place_is_a_capture(extract):
    assert claims(extract, "The army restored control over the town of Saraqib.", "en") == [
        ("syrian-government-forces", "captured", "Saraqab")]


def test_a_place_a_party_had_occupied_is_held_by_it(extract):
    text = "The town of Saraqib, which the Islamic State had occupied since 2014, was retaken on Monday."
    assert claims(extract, text, "en")[0] == ("islamic-state", "captured", "Saraqab")


def test_a_storming_told_in_the_present_takes_its_object_directly(extract):
    text = "وحررت قوات سوريا الديمقراطية دوار النعيم قبل أن تقتحم مدينة الطبقة."
    assert ("sdf", "entered", "Al-Thawrah") in claims(extract, text)


def test_a_storming_attempted_in_the_present_is_no_claim(extract):
    assert claims(extract, "وتحاول قوات النظام أن تقتحم مدينة سراقب.") == []
