"""Places: the curated sites and regions of the war that OCHA's gazetteer lacks (bases
named by their unit's number, hills, regions, research centres) are read by every name."""

from __future__ import annotations

import pytest


def keys(run, text: str, language: str = "ar") -> list[str]:
    return [m.key for m in run(text, language=language, published="2018-06-01").place_mentions
            if not m.weak]


@pytest.mark.parametrize(("text", "key"), [
    ("قصفت الطائرات الحربية قرى منطقة اللجاة في ريف درعا الشمالي الشرقي.", "al-lajat"),
    ("تقدمت قوات النظام نحو منطقة الشهباء شمال حلب.", "shahba-region"),
    ("انتشرت قوات الحكومة في إقليم الجزيرة بعد الاتفاق.", "jazira-region"),
    ("سيطرت الفصائل على الفوج 46 غربي حلب بعد حصار دام أشهر.", "regiment-46"),
    ("اقتحم التنظيم مقر الفرقة 17 شمال مدينة الرقة.", "division-17"),
    ("انسحبت قوات النظام من اللواء 93 قرب عين عيسى.", "brigade-93"),
    ("استهدفت غارات مركز البحوث العلمية في جمرايا بريف دمشق.", "ssrc-jamraya"),
    ("سيطرت هيئة تحرير الشام على معسكر المسطومة جنوب إدلب.", "mastumah-camp"),
    ("قصفت الطائرات جبل الأربعين المطل على أريحا.", "jabal-al-arbaeen"),
    ("فجر التنظيم معبد بل في مدينة تدمر.", "temple-of-bel"),
    ("قصف الطيران قلعة الحصن في ريف حمص الغربي.", "krak-des-chevaliers"),
    ("سيطرت قسد على حقل الجبسة جنوب الحسكة.", "jbeissa-oil-field"),
    ("أعيد فتح معبر جديدة يابوس مع لبنان.", "jdeidet-yabous-crossing"),
    ("نقل المعتقل إلى فرع فلسطين ثم إلى سجن صيدنايا.", "palestine-branch"),
    ("مات عشرات المعتقلين في مستشفى تشرين العسكري.", "tishreen-military-hospital"),
    ("خرج المتظاهرون من الجامع العمري في درعا البلد.", "omari-mosque-daraa"),
    ("وصلت تعزيزات أمريكية إلى معمل لافارج قرب عين العرب.", "lafarge-cement-plant"),
    ("توقفت محطة سليمان الحلبي عن ضخ المياه إلى أحياء حلب.", "suleiman-al-halabi-station"),
])
def test_an_arabic_name_of_a_curated_site_is_that_site(run, text, key):
    assert key in keys(run, text)


@pytest.mark.parametrize(("text", "key"), [
    ("Government forces retook the ICARDA station south-west of Aleppo.", "icarda-tel-hadya"),
    ("Rebels shelled the Vehicles Administration base in Harasta.", "harasta-vehicles-base"),
    ("Clashes broke out near Tal al-Hara in northern Daraa.", "tal-al-hara"),
    ("Shelling hit villages of the Lajat plateau overnight.", "al-lajat"),
    ("Turkish troops moved the Tomb of Suleyman Shah in February 2015.", "suleyman-shah-tomb"),
    ("The Krak des Chevaliers was shelled by government forces.", "krak-des-chevaliers"),
    ("Families of IS fighters are held in the Roj camp near Derik.", "roj-camp"),
    ("Jets struck the Scientific Studies and Research Centre in Masyaf.", "ssrc-masyaf"),
])
def test_an_english_name_of_a_curated_site_is_that_site(run, text, key):
    assert key in keys(run, text, language="en")


def test_a_site_named_without_its_town_still_lies_in_its_governorate(extract):
    places = extract("سيطرت الفصائل على الفوج 46 بعد حصار دام أشهر.").places
    regiment = next(p for p in places if p.key == "regiment-46")
    assert (regiment.level, regiment.admin1) == ("site", "Aleppo")


@pytest.mark.parametrize(("text", "key"), [
    ("اشتبكت الفصائل مع قوات النظام قرب الجامع الأموي في مدينة حلب.", "aleppo-great-mosque"),
    ("خرجت مظاهرة من الجامع الأموي وسط دمشق.", "umayyad-mosque"),
])
def test_the_umayyad_mosque_is_the_one_of_the_city_named_beside_it(run, text, key):
    assert key in keys(run, text)


def test_the_ancient_city_of_palmyra_is_still_the_town(run):
    assert "palmyra-ruins" not in keys(run, "دخلت القوات مدينة تدمر الأثرية في ريف حمص.")
