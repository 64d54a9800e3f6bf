"""A verbal noun right after a noun of campaign names the campaign ("أطلقت معركة تحرير
الرقة", "the battle for the capture of X"), not a change done; a battle told before a
verb of change does not stop it; a country named beside a place is never the object of a
change; a countryside taken ("the northern countryside of Hama", "ريف درعا الشرقي") is no
claim on its city; sentences written for these tests."""

import pytest

from .test_control_subjects import claims


@pytest.mark.parametrize(("text", "language"), [
    ("وكانت قوات سوريا الديمقراطية قد أطلقت معركة تحرير الرقة في حزيران.", "ar"),
    ("وأعلنت الفصائل بدء عملية استعادة مدينة سراقب.", "ar"),
    ("The SDF launched the battle for the capture of Raqqa in June.", "en"),
])
def test_a_campaign_named_after_its_goal_is_no_claim(extract, text, language):
    assert claims(extract, text, language) == []


def test_a_battle_before_a_verb_of_change_does_not_stop_it(extract):
    text = "وبعد معركة عنيفة سيطرت الفصائل على بلدة كفرنبودة."
    assert claims(extract, text) == [("syrian-opposition-factions", "captured", "Kafr Nabutha")]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("أحكمت وحدات الجيش العربي السوري سيطرتها على مدينة البوكمال في ريف دير الزور الشرقي، على الحدود مع "
     "العراق.", "ar", [("syrian-arab-army", "captured", "Abu Kamal")]),
    ("IS fighters seized Palmyra in May, days after the group captured Ramadi, the capital of Iraq's "
     "Anbar province.", "en", None),
])
def test_a_country_named_beside_the_place_is_never_taken(extract, text, language, expected):
    found = claims(extract, text, language)
    assert all(place not in ("Iraq", "Turkey", "Lebanon", "Jordan") for _, _, place in found)
    if expected is not None:
        assert found == expected


@pytest.mark.parametrize(("text", "language"), [
    ("وباتت الرقة على وشك أن تكون أول مركز محافظة يخرج عن سيطرة النظام.", "ar"),
    ("Rebels are on the verge of capturing Saraqeb.", "en"),
])
def test_a_change_on_the_verge_of_happening_is_no_claim(extract, text, language):
    assert claims(extract, text, language) == []


@pytest.mark.parametrize("text", [
    "ما يمنع وصول التعزيزات القادمة من حماة إلى القوات المحاصرة في المعسكر.",
    "وتقع الأحياء المحاصرة في شرق حلب.",
])
def test_an_adjective_of_siege_after_a_noun_that_names_no_place_claims_nothing(extract, text):
    assert claims(extract, text) == []


def test_an_adjective_of_siege_after_the_names_of_places_besieges_them(extract):
    text = "وإدخال المساعدات الإنسانية إلى بلدتي نبل والزهراء المحاصرتين."
    assert claims(extract, text) == [(None, "besieged", "Nabul"), (None, "besieged", "Zahraa")]


@pytest.mark.parametrize(("text", "language"), [
    ("With this advance, government forces have sealed off the northern countryside of Hama.", "en"),
    ("سيطرت قوات النظام على معظم ريف درعا الشرقي.", "ar"),
])
def test_a_countryside_taken_is_no_claim_on_its_city(extract, text, language):
    assert claims(extract, text, language) == []


def test_a_participle_after_a_noun_of_place_says_where_not_a_change(extract):
    text = "An army unit destroyed militant hideouts in the area surrounding Khan al-Asal."
    assert claims(extract, text, "en") == []


def test_a_participle_of_siege_after_its_subject_still_besieges(extract):
    text = "Government forces began surrounding the town of Saraqeb on Monday."
    assert claims(extract, text, "en") == [("syrian-government-forces", "besieged", "Saraqab")]
