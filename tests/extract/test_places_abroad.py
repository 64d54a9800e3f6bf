"""Places beyond the border and rivers: a small curated gazetteer, and countries and
capitals that are places only where the text puts something in them."""

from __future__ import annotations

import pytest


def places(extraction) -> dict[str, object]:
    return {p.key: p for p in extraction.places}


@pytest.mark.parametrize(("text", "key", "country"), [
    ("لجأ مئات المقاتلين إلى بلدة عرسال بعد سقوط يبرود.", "lb-arsal", "Lebanon"),
    ("سقطت صواريخ على مدينة الهرمل اللبنانية مساء الأحد.", "lb-hermel", "Lebanon"),
    ("نقل الجرحى إلى مشافي غازي عنتاب للعلاج.", "tr-gaziantep", "Turkey"),
    ("وصلت قافلة المساعدات إلى مدينة الرمادي في الأنبار.", "iq-ramadi", "Iraq"),
])
def test_a_town_abroad_is_a_place_of_its_country(extract, text, key, country):
    found = places(extract(text))
    assert found[key].admin1 == country


@pytest.mark.parametrize(("text", "key"), [
    ("Wounded fighters were taken across the border to Reyhanli and Antakya.", "tr-antakya"),
    ("Clashes spread to Tripoli, where gunmen in Bab al-Tabbaneh fired on Jabal Mohsen.",
     "lb-jabal-mohsen"),
    ("Shells fired from Syria landed near Kilis on Friday.", "tr-kilis"),
])
def test_english_names_of_places_abroad(extract, text, key):
    assert key in places(extract(text, language="en"))


@pytest.mark.parametrize(("text", "key"), [
    ("عبرت القوات نهر الفرات على جسور عائمة.", "euphrates"),
    ("سيطرت الفصائل على القرى الواقعة غرب نهر العاصي.", "orontes"),
    ("The militants retreated to the far bank of the Euphrates after the battle.", "euphrates"),
    ("Government troops crossed the Orontes River near Jisr al-Shughur.", "orontes"),
])
def test_rivers_are_places_without_a_governorate(extract, text, key):
    language = "en" if text.isascii() else "ar"
    river = places(extract(text, language=language))[key]
    assert river.admin1 is None and river.parent is None


@pytest.mark.parametrize(("text", "language", "key"), [
    ("نزح آلاف المدنيين إلى لبنان هربا من القصف.", "ar", "lebanon"),
    ("سقطت قذائف على الأراضي التركية قرب الحدود.", "ar", "turkey"),
    ("ويقيم اللاجئون بتركيا منذ سنوات.", "ar", "turkey"),
    ("Thousands of civilians fled to Turkey after the strikes.", "en", "turkey"),
    ("A shell landed on Turkish territory on Sunday.", "en", "turkey"),
    ("The wounded commander was flown to Moscow for treatment.", "en", "ru-moscow"),
    ("وصلت تعزيزات إلى الحدود مع العراق قرب البوكمال.", "ar", "iraq"),
    ("انتشرت القوات على حدود تركيا الجنوبية.", "ar", "turkey"),
    ("Fighters massed near the border with Iraq.", "en", "iraq"),
])
def test_a_country_or_capital_is_a_place_where_the_text_puts_something_in_it(
        extract, text, language, key):
    assert key in places(extract(text, language=language))


@pytest.mark.parametrize(("text", "language"), [
    ("قالت أنقرة إن قواتها لن تنسحب من المنطقة.", "ar"),
    ("وحذرت موسكو من أي هجوم على إدلب.", "ar"),
    ("أعلنت تركيا أن جنديين قتلا في القصف.", "ar"),
    ("Ankara said its troops would stay, and Turkey, Saudi Arabia and Qatar back the rebels.",
     "en"),
    ("Talks in the Astana format resumed, with Tehran and Moscow as guarantors.", "en"),
])
def test_a_country_or_capital_speaking_for_its_government_is_no_place(extract, text, language):
    found = places(extract(text, language=language))
    assert not {"turkey", "tr-ankara", "ru-moscow", "ir-tehran", "saudi-arabia", "qatar",
                "kz-astana"} & set(found)


def test_a_village_that_shares_a_country_name_is_still_read_by_its_head_noun(extract):
    # تركيا is also a village of Raqqa governorate
    found = places(extract("قصفت الطائرات قرية تركيا في ريف الرقة الشمالي."))
    assert "turkey" not in found
    assert any(p.admin1 == "Ar-Raqqa" and p.level == "community" for p in found.values())


def test_a_place_name_longer_than_a_source_name_inside_it_is_the_place(extract):
    text = "Regime forces pulled back towards Hmeimim Air Base on Sunday."
    assert "hmeimim-base" in places(extract(text, language="en"))


def test_a_report_told_in_numbered_paragraphs_keeps_its_places(run):
    entry = ("{n}. September {n}: Government forces shelled the town of {town} in the "
             "countryside of Idlib, and opposition factions answered with rockets on the "
             "positions of the army around it, according to local activists.")
    text = "\n\n".join(entry.format(n=n, town=town)
                       for n, town in enumerate(["Saraqib", "Ariha", "Binnish"], 1))
    doc = run(text, language="en")
    assert not any(s.boilerplate for s in doc.sentences)
    links = "Related articles\n1. Saraqib falls\n2. Ariha shelled\n3. Binnish talks"
    assert all(s.boilerplate for s in run(links, language="en").sentences)


@pytest.mark.parametrize(("text", "language", "key"), [
    ("عاد مئات اللاجئين من لبنان إلى بلداتهم في القلمون.", "ar", "lebanon"),
    ("نزح آلاف المدنيين خلال يومين إلى تركيا هرباً من القصف.", "ar", "turkey"),
    ("Thousands of refugees returned home from Lebanon this week.", "en", "lebanon"),
    ("Bashar al-Assad fled Syria for Moscow.", "en", "ru-moscow"),
])
def test_a_movement_puts_the_mover_in_the_country_after_its_preposition(
        extract, text, language, key):
    assert key in places(extract(text, language=language))


@pytest.mark.parametrize(("text", "language"), [
    ("قال وزير الخارجية إن لبنان يرفض التدخل.", "ar"),
    ("عاد الهدوء إلى المنطقة بعد بيان من روسيا.", "ar"),
    ("Moscow said the strikes would go on, and Ankara said nothing.", "en"),
])
def test_a_country_with_no_movement_into_it_is_no_place(extract, text, language):
    assert not [p for p in extract(text, language=language).places if p.level == "country"
                or p.key.startswith("ru-")]
