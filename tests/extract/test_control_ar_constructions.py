"""Arabic constructions of control claims: a count of a party before "من" as the subject
("وإن عدداً من المسلحين فروا"), a verbal noun in the accusative with or without an adjective
("تفرض حصاراً خانقاً على", "أعلن انسحاباً تكتيكياً من"), a name opening with a word of
direction right after another place ("مطار كويرس العسكري شرق حلب") that says where that
place is; sentences written for these tests."""

import pytest

from .test_control_subjects import claims


def test_a_count_of_a_party_before_min_is_the_subject(extract):
    text = "وقال المصدر إن الجيش دخل مدينة تلكلخ، وإن عدداً من المسلحين فرّوا باتجاه الأراضي اللبنانية."
    assert claims(extract, text)[-1] == ("syrian-opposition-factions", "withdrew", "Tall Kalakh")


def test_a_count_of_a_party_taken_is_no_subject(extract):
    text = "وأسر الجيش عدداً من المسلحين بعد أن انسحب من بلدة كفرنبودة."
    assert claims(extract, text) == [("syrian-arab-army", "withdrew", "Kafr Nabutha")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال ناشطون إن القوات النظامية تفرض منذ الصباح حصاراً خانقاً على قرية كفرنبودة.",
     [("syrian-government-forces", "besieged", "Kafr Nabutha")]),
    ("وتفرض القوات النظامية حصاراً على قرية كفرنبودة.",
     [("syrian-government-forces", "besieged", "Kafr Nabutha")]),
    ("أعلن الجيش الحر انسحاباً تكتيكياً من حي بابا عمرو.", [("free-syrian-army", "withdrew", "Baba Amr")]),
])
def test_a_verbal_noun_in_the_accusative_is_a_claim(extract, text, expected):
    assert claims(extract, text) == expected


def test_a_name_of_direction_after_a_place_says_where_it_is(extract):
    text = ("اقتحم الثوار مطار كويرس العسكري شرق حلب وسيطروا على سرية الدفاع الجوي فيه، "
            "ويفرضون حصاراً على ما تبقى من مبانيه.")
    found = claims(extract, text)
    assert ("syrian-opposition-factions", "entered", "Kweires Military Airport") in found
    assert ("syrian-opposition-factions", "besieged", "Kweires Military Airport") in found
    assert all(place != "Eastern Aleppo" for _, _, place in found)


def test_a_name_of_direction_as_the_object_is_still_taken(extract):
    assert claims(extract, "سيطرت قوات النظام على شرق حلب.") == [
        ("syrian-government-forces", "captured", "Eastern Aleppo")]


def test_a_pronoun_of_control_never_stands_for_a_side_of_no_party(extract):
    text = ("وتنتشر القوات الإسرائيلية منذ أسابيع في المنطقة التي كانت تشرف عليها قوة الأمم المتحدة "
            "لمراقبة فض الاشتباك في الجولان، وباتت قمة جبل الشيخ تحت سيطرتها الكاملة.")
    assert claims(extract, text) == [("israel", "captured", "Mount Hermon")]


def test_a_pronoun_object_before_a_second_object_with_its_own_list_keeps_its_place(extract):
    text = ("ثم تقدمت الفصائل جنوباً نحو معسكر الحامدية وسيطرت عليه وعلى الحواجز المحيطة به، "
            "ومن بينها حاجز المعري.")
    found = claims(extract, text)
    assert found[0] == ("syrian-opposition-factions", "captured", "Hamidiyeh camp")
    assert len(found) == 2


def test_a_pronoun_object_followed_by_its_list_is_the_list(extract):
    text = "اقتحمت الفصائل بلدة سراقب وسيطرت على عدة قرى حولها، ومن بينها النيرب وجوباس."
    assert claims(extract, text)[-2:] == [("syrian-opposition-factions", "captured", "Nayrab"),
                                          ("syrian-opposition-factions", "captured", "Jobas")]
