"""Events: a site named by its head alone ("اقتحام المطار", "the airbase") in an action
that names no place is the site last named with that noun, not the town named before."""

from __future__ import annotations

import pytest


def places_of(extraction, kind: str) -> list[list[str]]:
    return [e.places for e in extraction.events if e.kind == kind]


@pytest.mark.parametrize(("text", "language", "kind", "site"), [
    ("تقع مدينة الضمير شمال شرق دمشق، وقرب مطار الضمير العسكري تتمركز قوات النظام.\n\n"
     "وقصفت الفصائل صباح اليوم الثلاثاء مدرج المطار بقذائف الهاون.", "ar", "shelling",
     "dumayr-airbase"),
    ("Government troops hold the Shayrat airbase south-east of Homs.\n\n"
     "Rebels entered the town of Sarmada on Monday. They shelled the airbase on Tuesday.",
     "en", "shelling", "shayrat-airbase"),
    ("تتمركز القوات الروسية في قاعدة التيفور شرق حمص.\n\nودخلت الفصائل يوم الاثنين بلدة سرمدا. "
     "وقصفت صباح اليوم الثلاثاء محيط القاعدة بالصواريخ.", "ar", "shelling", "t4-airbase"),
    ("Russian jets fly from the Hmeimim Air Base near Jableh.\n\nRebels entered the town "
     "of Sarmada on Monday. They shelled the base on Tuesday.", "en", "shelling",
     "hmeimim-base"),
])
def test_a_site_named_by_its_head_is_the_site_named_before(extract, text, language, kind,
                                                          site):
    found = extract(text, language=language, published="2021-07-27")
    assert places_of(found, kind) == [[site]], found.events


@pytest.mark.parametrize(("text", "language"), [
    ("تسيطر الفصائل على معبر باب الهوى.\n\nودخلت الفصائل يوم الاثنين بلدة سرمدا. "
     "وقصفت صباح اليوم الثلاثاء مدرج المطار بقذائف الهاون.", "ar"),
    ("Rebels hold the Bab al-Hawa crossing.\n\nRebels entered the town of Sarmada on Monday. "
     "They shelled the airport on Tuesday.", "en"),
])
def test_a_head_is_no_site_named_with_another_noun(extract, text, language):
    found = extract(text, language=language, published="2021-07-27")
    shelled = places_of(found, "shelling")
    assert shelled and all("bab-al-hawa-crossing" not in p for p in shelled), found.events


@pytest.mark.parametrize(("text", "language"), [
    ("Rebels hold the Bab al-Hawa crossing.\n\nRebels entered the town of Sarmada on Monday. "
     "They shelled the crossing on Tuesday.", "en"),
    ("تسيطر الفصائل على معبر باب الهوى.\n\nودخلت الفصائل يوم الاثنين بلدة سرمدا. "
     "وقصفت الطائرات الحربية المعبر صباح اليوم الثلاثاء.", "ar"),
])
def test_a_crossing_named_by_its_head(extract, text, language):
    found = extract(text, language=language, published="2021-07-27")
    assert places_of(found, "shelling") == [["bab-al-hawa-crossing"]], found.events
