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
])
def test_an_arabic_name_of_a_curated_site_is_that_site(run, text, key):
    assert key in keys(run, text)


@pytest.mark.parametrize(("text", "key"), [
    ("Government forces retook the ICARDA station south-west of Aleppo.", "icarda-tel-hadya"),
    ("Rebels shelled the Vehicles Administration base in Harasta.", "harasta-vehicles-base"),
    ("Clashes broke out near Tal al-Hara in northern Daraa.", "tal-al-hara"),
    ("Shelling hit villages of the Lajat plateau overnight.", "al-lajat"),
])
def test_an_english_name_of_a_curated_site_is_that_site(run, text, key):
    assert key in keys(run, text, language="en")


def test_a_site_named_without_its_town_still_lies_in_its_governorate(extract):
    places = extract("سيطرت الفصائل على الفوج 46 بعد حصار دام أشهر.").places
    regiment = next(p for p in places if p.key == "regiment-46")
    assert (regiment.level, regiment.admin1) == ("site", "Aleppo")
