"""Arabic constructions of a capture common in war reporting: a verb of joining with the words
of the subject's own control ("ضمت قوات النظام X إلى مناطق سيطرتها", "ضمت الفصائل لنفوذها
قريتي A وB"); a grip tightened with the subject between the verb and its noun ("أحكمت قوات
النظام قبضتها على X"); the verbal noun "انتزاع" after a verb of ability; sentences written
for these tests."""

import pytest

from .test_control_subjects import claims


@pytest.mark.parametrize(("text", "expected"), [
    ("وضمت قوات النظام بلدة معرة النعمان إلى مناطق سيطرتها بعد معارك عنيفة.",
     [("syrian-government-forces", "captured", "Ma'arrat An Nu'man")]),
    ("وضمت فصائل المعارضة لنفوذها قريتي جرجناز وتلمنس في ريف إدلب.",
     [("syrian-opposition-factions", "captured", "Jarjnaz"),
      ("syrian-opposition-factions", "captured", "Telamnas")]),
    ("ودخلت قوات النظام قرية جرجناز وضمتها إلى مناطق سيطرتها.",
     [("syrian-government-forces", "entered", "Jarjnaz"),
      ("syrian-government-forces", "captured", "Jarjnaz")]),
])
def test_a_place_joined_to_the_subjects_own_areas_is_captured(extract, text, expected):
    assert claims(extract, text) == expected


@pytest.mark.parametrize("text", [
    "وتضم مدينة سراقب عشرات الآلاف من النازحين.",
    "وضمت الفصائل بلدة كفرنبل إلى غرفة العمليات المشتركة.",
])
def test_a_verb_of_joining_alone_claims_nothing(extract, text):
    assert claims(extract, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("وأحكمت قوات النظام قبضتها على مدينة سراقب.",
     [("syrian-government-forces", "captured", "Saraqab")]),
    ("وفرضت الفصائل قبضتها على بلدة كفرنبل بعد يومين من المعارك.",
     [("syrian-opposition-factions", "captured", "Kafr Nobol")]),
])
def test_a_grip_tightened_by_the_subject_between_verb_and_noun_is_a_capture(extract, text, expected):
    assert claims(extract, text) == expected


def test_wresting_a_place_from_a_party_after_a_verb_of_ability(extract):
    text = "وتمكنت فصائل المعارضة من انتزاع بلدة سراقب من أيدي قوات النظام."
    assert claims(extract, text) == [("syrian-opposition-factions", "captured", "Saraqab"),
                                     ("syrian-government-forces", "lost", "Saraqab")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وبذلك يرتفع تعداد المناطق التي خضعت لسيطرة قوات النظام إلى 5 قرى، وهي حاس وكفرنبل وتلمنس.",
     [("syrian-government-forces", "captured", "Has"),
      ("syrian-government-forces", "captured", "Kafr Nobol"),
      ("syrian-government-forces", "captured", "Telamnas")]),
    ("وبلغ عدد القرى التي سقطت بيد تنظيم الدولة منذ بدء الهجوم 12 قرية، أبرزها تل تمر والهول.",
     [("islamic-state", "captured", "Tal Tamer"), ("islamic-state", "captured", "Hole")]),
])
def test_a_passive_on_a_noun_of_places_is_said_of_the_places_it_is_elaborated_by(extract, text, expected):
    assert claims(extract, text) == expected


def test_a_passive_on_a_noun_of_places_with_no_party_claims_nothing(extract):
    assert claims(extract, "وبلغ عدد القرى التي باتت تحت السيطرة 12 قرية، أبرزها حاس وكفرنبل.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("وانسحبت قوات النظام من مناطق سيطرتها في مدينة الحسكة.",
     [("syrian-government-forces", "withdrew", "Al-Hasakeh")]),
    ("وسيطرت قوات النظام على مدينة سراقب لتصبح ضمن مناطق سيطرتها.",
     [("syrian-government-forces", "captured", "Saraqab")]),
])
def test_areas_of_a_partys_control_are_a_generic_noun_of_places(extract, text, expected):
    assert claims(extract, text) == expected


def test_places_secured_after_a_verb_of_ability_are_captured(extract):
    text = "وتمكنت قوات النظام من تأمين مدينتي سراقب ومعرة النعمان بعد اشتباكات مع الفصائل."
    assert claims(extract, text) == [("syrian-government-forces", "captured", "Saraqab"),
                                     ("syrian-government-forces", "captured", "Ma'arrat An Nu'man")]


@pytest.mark.parametrize("text", [
    "وتعمل المنظمات على تأمين المساعدات لأهالي بلدة كفرنبل.",
    "وتهدف العملية إلى تأمين الحدود التركية ومدينة رأس العين.",
])
def test_securing_what_is_no_place_or_only_intended_is_no_claim(extract, text):
    assert claims(extract, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("وانهارت خطوط دفاع الفصائل في بلدتي كفرنبل وحاس.",
     [("syrian-opposition-factions", "lost", "Kafr Nobol"),
      ("syrian-opposition-factions", "lost", "Has")]),
    ("وبعد انهيار دفاعات قوات النظام في مدينة سراقب، دخلت الفصائل المدينة.",
     [("syrian-government-forces", "lost", "Saraqab"),
      ("syrian-opposition-factions", "entered", "Saraqab")]),
    ("وانهارت خطوط الدفاع في محيط مدينة سراقب.", []),
])
def test_the_party_whose_lines_collapsed_in_a_place_lost_it(extract, text, expected):
    assert claims(extract, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("وتمكنت قوات سوريا الديمقراطية من طرد عناصر التنظيم من بلدة هجين.",
     [("sdf", "captured", "Hajin"), ("islamic-state", "withdrew", "Hajin")]),
    ("وتمكنت قوات النظام من طرد عناصر التنظيم من بلدة هجين.",
     [("syrian-government-forces", "captured", "Hajin"), ("islamic-state", "withdrew", "Hajin")]),
])
def test_driving_a_party_out_after_a_verb_of_ability_is_the_subjects_capture(extract, text, expected):
    assert claims(extract, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("وعادت بلدة كفرنبل إلى سيطرة قوات النظام بعد معارك.",
     [("syrian-government-forces", "captured", "Kafr Nobol")]),
    ("وأعيدت بلدة حاس لسيطرة قوات النظام.", [("syrian-government-forces", "captured", "Has")]),
    ("وعاد الأهالي إلى سيطرة قوات النظام.", []),
    ("وعادت الحياة إلى بلدة كفرنبل الخاضعة لسيطرة الفصائل.",
     [("syrian-opposition-factions", "captured", "Kafr Nobol")]),
])
def test_a_place_gone_back_to_a_partys_control_is_taken_by_it(extract, text, expected):
    assert claims(extract, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قسد تطرد داعش من بلدة هجين", [("sdf", "captured", "Hajin"), ("islamic-state", "withdrew", "Hajin")]),
    ("الفصائل تدحر قوات النظام من قرية جرجناز",
     [("syrian-opposition-factions", "captured", "Jarjnaz"), ("syrian-government-forces", "withdrew", "Jarjnaz")]),
    ("وتحاول قوات النظام أن تطرد الفصائل من بلدة حاس.", []),
])
def test_a_headline_in_the_present_drives_a_party_out(extract, text, expected):
    assert claims(extract, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("وأعلنت وزارة الدفاع التركية السيطرة على مدينة رأس العين، في حين ردت قوات سوريا الديمقراطية "
     "على هذه الأنباء نافية ما أعلنته تركيا.",
     [("turkey", "captured", "Ras Al Ain", "asserted"), ("turkey", "captured", "Ras Al Ain", "denied")]),
    ("ونفى المتحدث ما تداولته حسابات عن انسحاب الفصائل من بلدة كفرنبل.",
     [("syrian-opposition-factions", "withdrew", "Kafr Nobol", "denied")]),
])
def test_what_the_other_side_announced_denied_is_the_claim_told_before(extract, text, expected):
    x = extract(text)
    places = {p.key: p.labels.get("en") for p in x.places}
    assert [(c.actor, c.change, places.get(c.place), c.stance) for c in x.control_claims] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("وأحكمت الفصائل الطوق على بلدة كفرنبل.", [("syrian-opposition-factions", "besieged", "Kafr Nobol")]),
    ("وشددت قوات النظام الطوق على مدينة سراقب.", [("syrian-government-forces", "besieged", "Saraqab")]),
])
def test_a_ring_tightened_on_a_place_with_the_subject_before_it_is_a_siege(extract, text, expected):
    assert claims(extract, text) == expected


def test_control_owned_after_to_with_its_object_is_a_capture_not_an_annexation(extract):
    text = "وشنت قوات النظام هجوما أدى إلى سيطرتها على بلدة كفرنبل."
    assert claims(extract, text) == [("syrian-government-forces", "captured", "Kafr Nobol")]
