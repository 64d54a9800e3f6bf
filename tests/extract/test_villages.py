"""Places the gazetteer lacks, announced by a head noun: a village, a quarter or a hill
inside the place the sentence puts it in, keyed by its governorate (a quarter by its city)
and its name; gazetteer names read again by their spelling; what a head noun is followed
by that names no place."""

from __future__ import annotations

import pytest


def found(extraction) -> dict[str, object]:
    """Places by the text of their mentions."""
    return {m.text: p for p in extraction.places for m in p.mentions}


def new(extraction) -> dict[str, object]:
    return {text: p for text, p in found(extraction).items() if not p.curated}


@pytest.mark.parametrize(("text", "language", "name", "admin1", "level"), [
    ("قصفت طائرات التحالف قرية شيران شرقي مدينة عين العرب.", "ar", "شيران", "Aleppo",
     "community"),
    ("سيطرت الفصائل على قرية كاني سبي في ريف حلب الشمالي بعد اشتباكات.", "ar", "كاني سبي",
     "Aleppo", "community"),
    ("قتل مدنيان بانفجار لغم في حي الحزاونة بمدينة منبج.", "ar", "الحزاونة", "Aleppo",
     "neighbourhood"),
    ("Turkish artillery shelled positions near the village of Amarna, south of Jarablus.",
     "en", "Amarna", "Aleppo", "community"),
    ("The jihadists still hold the Mishtenur hill overlooking Kobane.", "en", "Mishtenur hill",
     "Aleppo", "site"),
    ("تراجع المقاتلون إلى تلة مشتة نور جنوب عين العرب.", "ar", "تلة مشتة", "Aleppo", "site"),
])
def test_a_head_noun_makes_an_unknown_name_a_place_of_the_area_named(
        extract, text, language, name, admin1, level):
    place = new(extract(text, language=language))[name]
    assert (place.admin1, place.level) == (admin1, level)


def test_a_village_lies_in_the_sub_district_of_the_town_it_is_near(extract):
    x = extract("قصفت طائرات التحالف قرية شيران شرقي مدينة عين العرب.")
    town = found(x)["عين العرب"]
    assert new(x)["شيران"].parent != town.key  # near the town, not a part of it
    quarter = new(extract("قتل مدنيان بانفجار لغم في حي الحزاونة بمدينة منبج."))["الحزاونة"]
    assert quarter.parent == found(extract("قصف الطيران مدينة منبج."))["منبج"].key


@pytest.mark.parametrize(("text", "language", "names", "admin1"), [
    ("حررت القوات خلال الأيام الماضية أحياء البدو والثكنة والحدائق في مدينة الرقة.", "ar",
     ["البدو", "الثكنة", "الحدائق"], "Ar-Raqqa"),
    ("سيطرت قوات النظام على قرى معرشمشة والدير الشرقي والغدفة.", "ar",
     ["الدير الشرقي", "الغدفة"], "Idleb"),                  # where the others of the list are
    ("ISIS still holds the al-Jubaila and al-Orfi neighborhoods of Deir ez-Zor.", "en",
     ["al-Jubaila"], "Deir-ez-Zor"),
    ("Kurdish fighters hold much of the Kani Arban and Qudsi districts of Kobane.", "en",
     ["Kani Arban", "Qudsi"], "Aleppo"),
])
def test_each_name_of_a_list_after_a_plural_head_is_a_place(extract, text, language, names,
                                                            admin1):
    places = new(extract(text, language=language))
    assert {name: places[name].admin1 for name in names} == dict.fromkeys(names, admin1)


def test_a_list_opened_by_an_elaboration_after_its_head(run):
    doc = run("سيطرت قوات النظام على أحياء عدة في حلب، أبرزها مساكن هنانو والحيدرية والصاخور.")
    texts = {m.text: m.key for m in doc.place_mentions}
    assert texts["الحيدرية"] == "N0122"  # the gazetteer's quarter, written with the article


def test_one_village_named_by_two_reports_is_one_place(extract):
    one = new(extract("سيطرت الفصائل على قرية الدير الشرقي بريف إدلب الجنوبي."))
    two = new(extract("قصفت الطائرات بلدة دير الشرقي قرب معرة النعمان في ريف إدلب."))
    assert one["الدير الشرقي"].key == two["دير الشرقي"].key
    other = new(extract("سيطرت الفصائل على قرية الدير الشرقي بريف حلب الغربي."))
    assert other["الدير الشرقي"].key != one["الدير الشرقي"].key  # a namesake elsewhere


@pytest.mark.parametrize(("text", "language", "name", "key"), [
    ("سيطرت قوات النظام على قرية معرشمارن في ريف إدلب الجنوبي.", "ar", "معرشمارن", "C3983"),
    ("قصفت الطائرات بلدة كفرنبوذة في ريف حماة الشمالي.", "ar", "كفرنبوذة", "C3209"),
    ("The army took the villages of Tronba and Jobas west of Saraqib.", "en", "Tronba", "C3908"),
])
def test_a_misspelt_name_after_a_head_noun_is_the_gazetteer_place_of_that_area(
        run, text, language, name, key):
    doc = run(text, language=language)
    assert {m.text: m.key for m in doc.place_mentions}[name] == key


def test_a_name_one_letter_from_two_places_is_neither(run):
    doc = run("سيطرت قوات النظام على قرية معرشمرين في ريف إدلب الجنوبي.")  # معرشمارين, معرشورين
    assert {m.text: m.key for m in doc.place_mentions}["معرشمرين"].startswith("SY07-village-")


@pytest.mark.parametrize(("text", "language"), [
    ("دخلت القوات قرية صغيرة قرب مدينة حماة.", "ar"),
    ("تقع البلدة في ريف حلب، وهي بلدة تقع على طريق حلب دمشق.", "ar"),
    ("انتشرت الحواجز في أحياء المدينة بعد سيطرة قوات النظام على حمص.", "ar"),
    ("قصفت الطائرات قرى عدة في ريف إدلب الجنوبي.", "ar"),
    ("قطعت قوات الأمن الطريق عند بلدة غباغب ومنعت الأهالي من العبور.", "ar"),
    ("انسحبت الحركة من بلدة سرمدا، وتحصنت في مدينة سلقين.", "ar"),
    ("قتلت امرأة في حي الخالدية في حمص، وطفل في قصف على دوما.", "ar"),
    ("قصفت القوات بلدة كفرنبودة، مؤكداً مصدر عسكري السيطرة عليها.", "ar"),
    ("He returned to the town of his birth near Aleppo.", "en"),
    ("Rebels hold the Old City district of Homs.", "en"),
])
def test_what_names_no_place_after_a_head_noun(extract, text, language):
    assert not [p for p in new(extract(text, language=language)).values() if p.level != "site"]


def test_a_dual_head_announces_two_names_whatever_follows_the_second(extract):
    places = new(extract("استعادت القوات بلدتي الصبحة والزعيترة من المسلحين في ريف دير الزور."))
    assert places["الزعيترة"].admin1 == "Deir-ez-Zor"
    places = new(extract("استعادت القوات بلدة الصبحة والزعيترة من المسلحين في ريف دير الزور."))
    assert "الزعيترة" not in places


def test_a_quarter_named_like_another_city_s_is_a_quarter_of_the_city_named(extract):
    text = "دخلت الدبابات مدينة درعا، ثم انسحبت من حي المحطة بعد ساعات."
    assert new(extract(text))["المحطة"].admin1 == "Dar'a"
    assert "المحطة" not in new(extract("انسحبت الدبابات من حي المحطة بعد ساعات."))


def test_a_name_nothing_places_is_no_place(extract):
    assert not extract("قصفت الطائرات قرية شيران.").places


def test_a_name_the_text_puts_where_none_of_its_namesakes_lie_is_a_village_there(extract):
    """An explicit governorate beats the gazetteer: the only الزعفرانة it knows is in Tartus,
    and the list is put in the Homs countryside; the towns known there stay the gazetteer's."""
    places = found(extract("قصفت الطائرات مواقع في الرستن وتلبيسة والزعفرانة بريف حمص الشمالي."))
    village = places["الزعفرانة"]
    assert not village.curated and village.admin1 == "Homs" and village.level == "community"
    assert places["الرستن"].curated and places["الرستن"].admin1 == "Homs"


def test_a_namesake_in_the_governorate_named_stays_the_gazetteer_s(extract):
    places = found(extract("قصفت الطائرات مواقع في الرستن والزعفرانة بريف طرطوس."))
    assert places["الزعفرانة"].curated and places["الزعفرانة"].admin1 == "Tartous"


@pytest.mark.parametrize("text", [
    "واستعادت قوات النظام السيطرة على قرى ومناطق كفرنبودة والهبيط.",
    "سيطرت الفصائل على بلدات وقرى كفرنبودة والهبيط.",
])
def test_a_second_head_joined_to_the_first_is_no_name(extract, text):
    """"قرى ومناطق": a second head noun after و, not a village called "ومناطق"."""
    x = extract(text)
    assert not new(x), sorted(new(x))
    assert {"كفرنبودة", "الهبيط"} <= set(found(x))
