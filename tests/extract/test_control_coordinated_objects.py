"""A name the gazetteer spells otherwise right after a verb of taking ("regained Saraqeb")
is a place; a second object joined by a coordinator of more than one word after a time or
a clause ("، إضافة إلى قرية X", ", as well as the village of X", ", along with") is taken
by the same change; something that is no place after it ("بالإضافة إلى أسر عشرين عنصرا")
is not; sentences written for these tests."""

import pytest

from .test_control_subjects import claims


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("سيطرت الفصائل على مدينة سراقب صباح اليوم، إضافة إلى قرية النيرب.", "ar",
     [("syrian-opposition-factions", "captured", "Saraqab"), ("syrian-opposition-factions", "captured", "Nayrab")]),
    ("Rebels captured the town of Saraqeb on Monday, as well as the nearby village of Nayrab.", "en",
     [("syrian-opposition-factions", "captured", "Saraqab"), ("syrian-opposition-factions", "captured", "Nayrab")]),
    ("Government forces retook Saraqeb on Monday, along with the village of Nayrab.", "en",
     [("syrian-government-forces", "captured", "Saraqab"), ("syrian-government-forces", "captured", "Nayrab")]),
])
def test_a_coordinated_second_object_is_taken_too(extract, text, language, expected):
    assert claims(extract, text, language) == expected


def test_what_is_no_place_after_the_coordinator_is_no_object(extract):
    text = "سيطرت الفصائل على مدينة سراقب صباح اليوم، بالإضافة إلى أسر عشرين عنصرا من قوات النظام."
    assert claims(extract, text) == [("syrian-opposition-factions", "captured", "Saraqab")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels regained Saraqeb on Monday.", [("syrian-opposition-factions", "captured", "Saraqab")]),
    ("The army seized back Saraqeb on Monday.", [("syrian-government-forces", "captured", "Saraqab")]),
])
def test_a_name_spelt_otherwise_after_a_verb_of_taking_is_its_object(extract, text, expected):
    assert claims(extract, text, "en") == expected



def test_a_village_named_with_its_countryside_after_it_is_still_the_object(extract):
    x = extract("سيطرت قوات النظام على قريتي الزيتونة والمحمدية في ريف عفرين.")
    names = {p.key: p.labels.get("ar") for p in x.places}
    assert [names.get(c.place) for c in x.control_claims][-1:] == ["المحمدية"]
    assert len(x.control_claims) == 2


def test_an_english_countryside_right_after_a_name_is_where_the_items_are(extract):
    text = "Government forces captured Saraqeb in the Idlib countryside."
    assert claims(extract, text, "en") == [("syrian-government-forces", "captured", "Saraqab")]


def test_the_villages_a_party_came_from_are_not_what_it_stormed(extract):
    text = "اقتحمت مجموعات من الشبيحة قدمت من قريتي فلة والقبو المجاورتين حي طريق السد."
    x = extract(text)
    names = {p.key: p.labels.get("ar") for p in x.places}
    assert not {names.get(c.place) for c in x.control_claims} & {"فلة", "القبو"}


def test_the_town_a_road_is_named_after_is_not_taken_with_a_checkpoint_on_it(extract):
    x = extract("سيطرت الفصائل على حاجز الزعلانة على طريق سراقب.")
    names = {p.key: p.labels.get("en") for p in x.places}
    assert len(x.control_claims) == 1
    assert names.get(x.control_claims[0].place) != "Saraqab"
