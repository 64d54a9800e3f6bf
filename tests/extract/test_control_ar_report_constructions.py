"""Arabic constructions of control claims common in war reporting: a pronoun object right after
the verb, with the subject after it ("بعد أن سيطرت عليها قوات النظام"); "تحت سيطرة قواتنا";
handovers with a pronoun object; the besieger named after a lifted siege; a place gone out of
a party's control ("خرجت X عن سيطرة Y"); a noun of men in construct before "من" and a party
("مجموعات المشاة من قوات النمر"); sentences written for these tests."""

import pytest

from .test_control_subjects import claims


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال ناشطون إن الأهالي نزحوا من بلدة كفرنبودة بعد أن سيطرت عليها قوات النظام.",
     [("syrian-government-forces", "captured", "Kafr Nabutha")]),
    ("وعادت العائلات إلى قرية اللطامنة بعد أن انسحبت منها الفصائل المسلحة.",
     [("syrian-opposition-factions", "withdrew", "Latmana")]),
])
def test_the_subject_after_a_pronoun_object_right_after_the_verb(extract, text, expected):
    assert claims(extract, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال قائد في الجيش الحر إن المربع الأمني في مدينة درعا بات تحت سيطرة قواتنا.",
     [("free-syrian-army", "captured", "Dar'a")]),
    ("وأكد المتحدث باسم قوات سوريا الديمقراطية أن قرية الباغوز أصبحت تحت سيطرة مقاتلينا.",
     [("sdf", "captured", "Al Bagouz")]),
])
def test_under_the_control_of_our_forces_is_the_speakers_party(extract, text, expected):
    assert claims(extract, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("وانسحبت قوات سوريا الديمقراطية من مدينة منبج وسلمتها إلى قوات النظام.",
     [("sdf", "withdrew", "Menbij"), ("syrian-government-forces", "captured", "Menbij")]),
    ("وانسحب تنظيم الدولة من بلدة مارع وسلمها للجيش الوطني.",
     [("islamic-state", "withdrew", "Mare'"), ("syrian-national-army", "captured", "Mare'")]),
])
def test_a_handover_with_a_pronoun_object_names_its_recipient(extract, text, expected):
    assert claims(extract, text) == expected


def test_the_besieger_named_after_a_lifted_siege(extract):
    text = "وتمكن الجيش من فك الحصار المفروض على مطار كويرس من قبل تنظيم الدولة."
    assert claims(extract, text) == [("islamic-state", "besieged", "Kweires Military Airport")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وخرجت مدينة سراقب عن سيطرة قوات النظام.", [("syrian-government-forces", "lost", "Saraqab")]),
    ("وخرجت بلدة كفرنبودة من سيطرة قوات النظام بعد هجوم واسع.",
     [("syrian-government-forces", "lost", "Kafr Nabutha")]),
    ("وخرجت الأمور عن سيطرة قوات النظام في بلدة كفرنبودة.", []),
])
def test_a_place_gone_out_of_a_partys_control_is_lost_by_it(extract, text, expected):
    assert claims(extract, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("وتقدمت مجموعات المشاة من قوات النمر وسيطرت على بلدة كفرنبودة.",
     [("tiger-forces", "captured", "Kafr Nabutha")]),
    ("وسيطرت وحدات النخبة من الفرقة الرابعة على قرية اللطامنة.",
     [("fourth-division", "captured", "Latmana")]),
])
def test_a_noun_of_men_before_the_noun_it_is_of_and_min_a_party(extract, text, expected):
    assert claims(extract, text) == expected
