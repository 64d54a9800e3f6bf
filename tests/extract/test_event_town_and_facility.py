"""Events: a town named by its own name before a facility it holds ("the town of X and
its dam") is taken too, each its own happening; a town named only as where the facility
lies, or as its landmark, is not. Likewise a place listed right before a quarter or
village it holds ("ناحية تل رفعت وقرية أم الحوش") is where a strike fell too."""

from __future__ import annotations

import pytest

THAWRA, DAM = "C5929", "tabqa-dam"


def captures(text: str, extract, language: str) -> list[list[str]]:
    found = extract(text, language=language, published="2021-07-29")
    return [e.places for e in found.events if e.kind == "capture"]


@pytest.mark.parametrize(("text", "language"), [
    ("سيطرت الفصائل صباح اليوم الخميس على مدينة الطبقة وسد الفرات.", "ar"),
    ("سيطرت الفصائل صباح اليوم الخميس على مدينة الثورة وسد الفرات بعد معارك عنيفة.", "ar"),
    ("Rebels seized the town of al-Tabqa and the Euphrates Dam on Thursday.", "en"),
])
def test_a_town_named_before_its_facility_is_taken_too(extract, text, language):
    taken = captures(text, extract, language)
    assert [THAWRA] in taken and [DAM] in taken, taken


@pytest.mark.parametrize(("text", "language"), [
    ("سيطرت الفصائل صباح اليوم الخميس على سد الفرات قرب مدينة الطبقة.", "ar"),
    ("Rebels seized the Euphrates Dam near the town of al-Tabqa on Thursday.", "en"),
])
def test_a_town_named_after_its_facility_is_not_taken(extract, text, language):
    taken = captures(text, extract, language)
    assert taken and all(THAWRA not in p for p in taken), taken


ALEPPO, SHEIKH_MAQSOUD = "C1007", "N0123"
TALL_REFAAT_SUBDISTRICT, UMM_AL_HOSH = "SY020402", "umm-al-hosh"


def strikes(text: str, extract, language: str) -> list[str]:
    found = extract(text, language=language, published="2021-07-29")
    return [k for e in found.events if e.kind == "shelling" for k in e.places]


@pytest.mark.parametrize(("text", "language", "keys"), [
    ("قصفت الطائرات التركية اليوم الخميس ناحية تل رفعت وقرية أم الحوش.", "ar",
     {TALL_REFAAT_SUBDISTRICT, UMM_AL_HOSH}),
    ("قصفت قوات النظام اليوم الخميس مدينة حلب وحي الشيخ مقصود.", "ar", {ALEPPO, SHEIKH_MAQSOUD}),
    ("Government forces shelled the city of Aleppo and the Sheikh Maqsoud neighbourhood "
     "on Thursday.", "en", {ALEPPO, SHEIKH_MAQSOUD}),
])
def test_a_place_listed_before_one_it_holds_is_hit_too(extract, text, language, keys):
    assert set(strikes(text, extract, language)) == keys


@pytest.mark.parametrize(("text", "language", "keys"), [
    ("قصفت الطائرات التركية اليوم الخميس قرية أم الحوش في ناحية تل رفعت.", "ar", {UMM_AL_HOSH}),
    ("Government forces shelled the Sheikh Maqsoud neighbourhood in Aleppo on Thursday.", "en",
     {SHEIKH_MAQSOUD}),
])
def test_a_place_named_as_where_the_other_lies_is_not_hit(extract, text, language, keys):
    assert set(strikes(text, extract, language)) == keys
