"""Facilities named by common nouns: definite heads with adjectives, numbered bases and
posts, plural heads before a list of names, each a site of the place that holds it."""

from __future__ import annotations

import pytest


def sites(extraction) -> dict[str, object]:
    return {m.text: p for p in extraction.places if p.level == "site" for m in p.mentions}


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("سيطرت الفصائل على مدينة جسر الشغور، واقتحمت المشفى الوطني فيها.", "المشفى الوطني",
     "Idleb"),
    ("وفي مدينة الرقة، تحصن عناصر التنظيم في الملعب البلدي.", "الملعب البلدي", "Ar-Raqqa"),
    ("قصف الطيران مدينة حمص، وأصيب عدد من الجنود في المستشفى العسكري.", "المستشفى العسكري",
     "Homs"),
])
def test_a_definite_facility_with_an_adjective_is_a_site_of_the_town_named_before(
        extract, text, name, admin1):
    assert sites(extract(text))[name].admin1 == admin1


@pytest.mark.parametrize(("text", "name"), [
    ("سيطرت الفصائل على مطار أبو الخير العسكري في ريف إدلب.", "مطار أبو الخير العسكري"),
    ("قصفت الطائرات حاجز أم الصخر قرب بلدة التح في ريف إدلب.", "حاجز أم الصخر"),
])
def test_a_facility_name_goes_on_past_the_word_that_opens_it(extract, text, name):
    """"أبو", "أم", "تل" open a compound name: "مطار أبو" is no name."""
    assert set(sites(extract(text))) == {name}


def test_a_bare_definite_facility_or_a_common_landmark_is_no_site(extract):
    text = "دخلت القوات مدينة حماة، ثم اتجهت إلى المطار، وانتشرت في السوق التجاري."
    assert not sites(extract(text))


@pytest.mark.parametrize(("text", "name"), [
    ("سيطرت الفصائل على الفوج 46 غرب حلب.", "الفوج 46"),
    ("اقتحم التنظيم مقر الفرقة 17 شمال الرقة.", "مقر الفرقة 17"),
    ("تقدمت القوات في محيط اللواء 82 قرب الشيخ مسكين.", "اللواء 82"),
    ("استعاد الجيش الفرقة 17، الثكنة الكبرى شمال الرقة.", "الفرقة 17"),
    ("دخلت الفصائل بلدة نوى واللواء 61 القريب منها.", "اللواء 61"),
])
def test_a_numbered_unit_where_the_text_means_its_base_is_a_site(extract, text, name):
    assert name in sites(extract(text))


@pytest.mark.parametrize("text", [
    "قال الفوج 46 في بيان إنه صد الهجوم على حلب.",
    "أعلن الفوج 46، أحد تشكيلات الجيش، صد الهجوم على حلب.",
    "انسحبت قوات النظام واللواء 61 من بلدة نوى.",
    "وثق المرصد 82 عنصراً قتلوا في معارك حلب.",
    "قتل عنصران من الفرقة الرابعة في هجوم على حاجز قرب دير الزور.",
    "أصيب ضابط من اللواء 82 وثلاثة جنود من الفوج 46 بقصف على ريف درعا.",
    "وقتل قيادي من الفرقة 17 في كمين بريف الرقة.",
    "قصفت الفصائل مواقع للفرقة الرابعة في ريف حماة.",  # ل of belonging: its positions
    "تقدمت دبابات قال الأهالي إنها تتبع للفوج 46 نحو حلب.",
])
def test_a_numbered_unit_or_the_monitor_with_a_count_is_no_site(extract, text):
    """Nor is a unit whose men the text counts ("عنصران من الفرقة الرابعة")."""
    assert not sites(extract(text))


def test_observation_posts_by_ordinal_or_number(extract):
    text = ("حاصرت قوات النظام نقطة المراقبة التركية التاسعة قرب مورك بريف حماة، "
            "وسيطرت على النقطة 106.")
    found = sites(extract(text))
    assert found["نقطة المراقبة التركية التاسعة"].admin1 == "Hama"
    assert "النقطة 106" in found


def test_a_plural_head_makes_each_name_of_its_list_a_site(extract):
    text = "هاجمت الفصائل حواجز الزعلانة والضبعان والمداجن قرب معرة النعمان."
    found = sites(extract(text))
    assert {"الزعلانة", "الضبعان", "المداجن"} <= set(found)
    assert {p.admin1 for p in found.values()} == {"Idleb"}


def test_a_branch_is_the_place_and_a_branch_that_owns_checkpoints_is_not(extract):
    assert "فرع الأمن السياسي" in sites(extract(
        "سيطر المقاتلون في مدينة الرقة على فرع الأمن السياسي."))
    assert not sites(extract("سيطروا في حماة على حاجزين لفرع الأمن العسكري."))


def test_numbered_bases_of_two_units_stay_apart(extract):
    found = sites(extract("سيطرت الفصائل على الفوج 46 وعلى اللواء 46 غرب حلب."))
    assert found["الفوج 46"].key != found["اللواء 46"].key


def test_the_military_airport_of_a_city_is_its_curated_airbase(extract):
    text = "فك الجيش الحصار عن مدينة دير الزور، ووصل إلى المطار العسكري."
    airport = [p for p in extract(text).places if any(m.text == "المطار العسكري"
                                                      for m in p.mentions)]
    assert [p.key for p in airport] == ["deir-ez-zor-airbase"]


@pytest.mark.parametrize(("text", "language", "key"), [
    ("سيطرت قسد على سد تشرين بعد معارك مع الفصائل.", "ar", "tishrin-dam"),
    ("The al-Tabqa dam, also called the Euphrates Dam, fell to the rebels.", "en", "tabqa-dam"),
    ("Clashes broke out around al-Sinaa prison in al-Hasakah.", "en", "ghwayran-prison"),
    ("Israeli troops took the summit of Mount Hermon.", "en", "mount-hermon"),
])
def test_well_known_facilities_are_curated_sites(extract, text, language, key):
    assert key in {p.key for p in extract(text, language=language).places}


# --- English facilities: the name comes before the head --------------------------------

@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("Government forces advanced in Deir ez-Zor after seizing the Panorama roundabout.",
     "Panorama roundabout", "Deir-ez-Zor"),
    ("IS fighters stormed the 17th Division base on the edge of Raqqa city.",
     "17th Division base", "Ar-Raqqa"),
    ("Troops took full control of the Khalid Ibn al-Walid mosque in Homs on Monday.",
     "Khalid Ibn al-Walid mosque", "Homs"),
    ("Rebels entered Jisr al-Shughur, and 150 soldiers are besieged in the national hospital.",
     "national hospital", "Idleb"),
    ("Clashes raged near the Wadi al-Deif base east of Maarat al-Numan.", "Wadi al-Deif base",
     "Idleb"),
])
def test_an_english_facility_is_named_before_its_head(extract, text, name, admin1):
    assert sites(extract(text, language="en"))[name].admin1 == admin1


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("Rebels pushed into Hama, and fighting spread to the industrial zone by the river.",
     "industrial zone", "Hama"),
    ("After Quneitra fell quiet, the army moved tanks into the buffer zone near the fence.",
     "buffer zone", "Quneitra"),
    ("انتشرت القوات في محافظة القنيطرة ودخلت المنطقة العازلة قرب السياج.", "المنطقة العازلة",
     "Quneitra"),
])
def test_a_bare_zone_of_two_words_is_a_site_of_the_place_named_before(
        extract, text, name, admin1):
    language = "ar" if text[0] > "z" else "en"
    assert sites(extract(text, language=language))[name].admin1 == admin1


def test_an_english_list_before_a_plural_head_names_each_facility(run):
    doc = run("Israeli jets struck the Mezzeh, Khalkhalah and Shayrat airbases overnight.",
              language="en")
    assert {m.text: m.key for m in doc.place_mentions} == {
        "Mezzeh": "mezzeh-airbase", "Khalkhalah": "khalkhalah-airbase",
        "Shayrat": "shayrat-airbase"}


def test_the_euphrates_dam_is_the_dam_and_what_follows_it_is_no_name(run):
    doc = run("The Euphrates dam fell to the SDF after weeks of fighting near Tabqa.",
              language="en")
    assert [(m.text, m.key) for m in doc.place_mentions if m.key == "tabqa-dam"] == [
        ("Euphrates dam", "tabqa-dam")]
    assert not [m for m in doc.place_mentions if "fell" in m.text]


@pytest.mark.parametrize("text", [
    "Guards held the prison overnight in Raqqa, and prison workers fled the city.",
    "The rebels control 900 square metres of farmland near Dabiq.",
    "Crowds gathered in the main square of Manbij.",
    "Tribesmen attacked SDF checkpoints and bases across Deir ez-Zor.",
    "A military hospital was hit somewhere in Idlib province.",
    "Officials in Homs said an industrial zone would be built someday.",
    "Guards in Raqqa said the zone was buffer to nothing.",
])
def test_english_words_around_a_facility_noun_that_name_none(extract, text):
    assert not sites(extract(text, language="en"))


def test_a_list_after_a_plural_head_goes_on_through_a_name_the_gazetteer_knows(run):
    doc = run("اقتحمت الفصائل حواجز الفرن والراعي والمنشرة قرب معرة النعمان.")
    keys = {m.text: m.key for m in doc.place_mentions}
    assert {"الفرن", "الراعي", "المنشرة"} <= set(keys)
    assert doc.places[keys["الراعي"]].level == "site"
    doc = run("اقتحمت الفصائل حواجز الفرن والمنشرة والراعي قرب معرة النعمان.")
    assert {m.text: m.key for m in doc.place_mentions}.get("الراعي") != keys["الراعي"]


def test_a_dual_head_makes_the_first_name_after_it_a_site_taken_with_the_second(extract):
    extraction = extract("سيطر التنظيم يوم الجمعة على حقلي الشاعر وجحار للغاز شرق حمص.")
    assert "الشاعر" in sites(extraction)
    assert len([e for e in extraction.events if e.kind == "capture"]) == 2
