"""Places: gazetteer names kept or dropped by context, namesakes told apart, sites."""

from __future__ import annotations

import pytest

from conflictkg.extract.spelling import latin_key


def keys(doc) -> list[str]:
    return [m.key for m in doc.place_mentions if not m.weak]


def test_a_governorate_named_after_a_quarter_says_which_jobar(run):
    assert keys(run("قصفت قوات النظام حي جوبر الدمشقي بقذائف الهاون.")) == ["A008"]
    homs = run("سيطرت فصائل المعارضة على حي جوبر في حمص بعد معارك عنيفة.")
    assert keys(homs)[0] == "C2504"  # the village of Jobar in Homs governorate


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("اقتحم أبناء صيدا، شرقي درعا، حاجز المساكن.", "صيدا", "Dar'a"),
    ("قتل مدني في بلدة صيدا بريف القنيطرة.", "صيدا", "Quneitra"),
    ("اشتباكات في حي القدم بدمشق.", "القدم", "Damascus"),
])
def test_namesakes_are_told_apart_by_the_governorate_beside_them(extract, text, name, admin1):
    places = {p.labels["ar"]: p for p in extract(text).places}
    assert places[name].admin1 == admin1


def test_a_village_far_from_every_other_place_of_the_report_is_dropped(extract):
    # "جروح" and "ملك" are villages too, and common words
    text = "أصيب عشرة أشخاص بجروح في قصف على مدينة دوما. الأرض ملك لأصحابها."
    assert [p.labels["ar"] for p in extract(text).places] == ["دوما"]


def test_a_common_word_is_a_place_only_with_a_head_noun(extract):
    text = "شارك الآلاف في المظاهرات السلمية في مدينة السلمية بريف حماة."
    mentions = [m.text for p in extract(text).places for m in p.mentions]
    assert mentions.count("السلمية") == 1  # the town, not the adjective
    assert "صور" not in [p.labels["ar"] for p in extract("انتشرت صور للأسرى.").places]


def test_an_adjective_of_description_after_a_place_is_no_place(run):
    assert keys(run("دخلت القوات مدينة تدمر الأثرية في ريف حمص يوم السبت.")) == ["C2889", "SY04"]
    assert "C1264" in keys(run("قصف الطيران قرية الأثرية شرق حلب."))  # with its head noun

def test_a_name_keeps_the_place_its_context_settled_it_as(extract):
    text = ("سيطرت قوات النظام على قرية أبو دالي في ريف حماة. ونفت الفصائل انسحابها "
            "من قرية أبو دالي، مؤكدة أن الاشتباكات مستمرة في ريف إدلب.")
    dali = {p.key for p in extract(text).places if p.labels["ar"] == "أبو دالي"}
    assert len(dali) == 1


def test_the_neighbourhood_stands_for_the_one_named_before(run):
    doc = run("هاجم التنظيم حي القدم في جنوب دمشق، وتمكن من السيطرة على الحي الثلاثاء.")
    anaphor = [m for m in doc.place_mentions if m.weak]
    assert [(m.text, m.key) for m in anaphor] == [("الحي", keys(doc)[0])]
    assert all(m.text != "الحي" for p in doc.places.values() for m in p.mentions)


def test_a_facility_is_a_site_of_the_place_it_is_in(extract):
    text = "اقتحم الجيش الحر محطة القطارات الواقعة في حي القدم بدمشق."
    sites = [p for p in extract(text).places if p.level == "site"]
    assert [(s.labels["ar"], s.admin1) for s in sites] == [("محطة القطارات، القدم", "Damascus")]
    assert sites[0].mentions[0].text == "محطة القطارات"


def test_a_road_names_where_it_leads_not_where_it_is(extract):
    places = extract("دارت اشتباكات على طريق حمص في حي الوعر بمدينة حمص.").places
    assert "الوعر" in [p.labels["ar"] for p in places]
    assert not any(m.text == "حمص" and m.start < 30 for p in places for m in p.mentions)


def test_two_spellings_of_one_facility_of_a_city_are_one_site(extract):
    text = ("انسحبت الفصائل من المنطقة الصناعية في حي جوبر، قبل أن تعاود قوات النظام "
            "التقدم في منطقة القابون الصناعية.")
    places = extract(text).places
    zone = [p for p in places if any(m.text == "المنطقة الصناعية" for m in p.mentions)]
    assert len(zone) == 1
    assert any(m.text == "القابون الصناعية" for m in zone[0].mentions)


def test_english_names_and_their_variant_spellings(extract):
    text = "Rebels seized the town of Saraqeb in Idlib province on Monday."
    places = {p.key: p for p in extract(text, language="en", published="2020-02-03").places}
    assert places["C3916"].labels["en"] == "Saraqab"
    assert places["SY07"].admin1 == "Idleb"


def test_the_city_of_a_district_seat_is_the_city(run):
    """"مدينة إدلب" is Idlib city, not the district named after it."""
    assert keys(run("قصفت الطائرات مدينة إدلب وريفها الجنوبي."))[0] == "C3871"


def test_a_plural_head_after_a_list_of_names_makes_each_its_level(extract):
    """"Raqqa and Hasakah provinces": both governorates, not the two cities."""
    text = "Clashes spread across Raqqa and Hasakah provinces, the monitor said."
    found = {p.key for p in extract(text, language="en").places}
    assert found == {"SY11", "SY08"}


@pytest.mark.parametrize(("a", "b"), [
    ("Saraqeb", "Saraqib"), ("Darayya", "Daraya"), ("al-Bab", "Al Bab"), ("Douma", "Duma"),
    ("Khan Sheikhoun", "Khan Shaykhun"), ("Deir ez-Zor", "Deir al-Zour"),
    ("Deir Ezzor", "Deir ez-Zor"), ("Ma'arrat al-Nu'man", "Maaret al-Numan"),
    ("Ras al-Ain", "Ras al-Ayn"), ("Hamidiyeh", "Hamidiya"), ("Tell Abiad", "Tal Abiad"),
])
def test_transliterations_of_one_name_fold_to_one_key(a, b):
    assert latin_key(a) == latin_key(b)


@pytest.mark.parametrize(("a", "b"), [("Homs", "Hama"), ("Israeli", "Israel"),
                                      ("Assad", "Asad al-Din"), ("Mosul", "Masyaf")])
def test_folding_keeps_names_apart(a, b):
    assert latin_key(a) != latin_key(b)


@pytest.mark.parametrize(("text", "language", "name", "admin1"), [
    ("اشتدت المعارك في سراقب وسرمين وتفتناز وبنش وأبو الظهور، فيما قصفت الطائرات قرى رسم العبد "
     "وكفرناها وخان العسل بريف حلب الغربي.", "ar", "رسم العبد", "Aleppo"),  # not Idlib's
    ("اشتدت المعارك في سراقب وسرمين وتفتناز، وقصفت الطائرات قرى زرزور والمغارة وكفرناها وخان "
     "العسل في ريف حلب الغربي.", "ar", "المغارة", "Aleppo"),
    ("Fighting raged in Saraqib, Sarmin, Taftanaz, Binnish and Abu al-Duhur, while shelling hit "
     "the villages of Zarzour, Kafr Naha and Khan al-Asal in the western Aleppo countryside.",
     "en", "Zarzour", "Aleppo"),
])
def test_a_governorate_named_after_the_list_a_name_is_in_settles_it(
        extract, text, language, name, admin1):
    places = {m.text: p for p in extract(text, language=language).places for m in p.mentions}
    assert places[name].admin1 == admin1


@pytest.mark.parametrize("text", [
    "اشتدت المعارك في سراقب وسرمين وتفتناز وزرزور، فيما قصفت الطائرات قرى كفرناها وخان العسل "
    "بريف حلب الغربي.",                                     # a verb ends the list
    "اشتدت المعارك في سراقب وسرمين وتفتناز وبنش وأبو الظهور وزرزور وقصفت الطائرات الحربية "
    "مدينة حلب.",
])
def test_a_governorate_named_after_another_clause_settles_nothing(run, text):
    doc = run(text)
    zarzour = next(m for m in doc.place_mentions if m.text == "زرزور")
    assert doc.places[zarzour.key].admin1 == "Idleb"


def test_an_explicit_governorate_where_the_gazetteer_has_no_such_village_makes_a_new_one(extract):
    text = "ISIS still holds the al-Jubaila and al-Orfi neighborhoods of Deir ez-Zor."
    places = {m.text: p for p in extract(text, language="en").places for m in p.mentions}
    assert (places["al-Orfi"].admin1, places["al-Orfi"].curated) == ("Deir-ez-Zor", False)


@pytest.mark.parametrize("text", [
    "09:10 حلب\nقصفت الطائرات مدينة إدلب صباح اليوم.",
    "[10:15] - حمص\nقصفت الطائرات مدينة إدلب صباح اليوم.",
    "حماة 14:30\nقصفت الطائرات مدينة إدلب صباح اليوم.",
])
def test_a_page_time_stamp_and_section_is_no_place(extract, text):
    assert [(p.key, m.text) for p in extract(text).places for m in p.mentions] == [("C3871", "إدلب")]


def test_the_town_opening_a_paragraph_is_the_town_the_report_is_about(run):
    text = ("Rebel fighters stormed the town of Saraqeb on Monday after a week of shelling. "
            "The fighting in Saraqeb had gone on for a week.\n\n"
            "The defence minister, speaking at a ceremony in Gaziantep, praised the advance.\n\n"
            "Residents said the last government troops had left the town overnight.")
    doc = run(text, language="en", published="2020-02-04")
    saraqeb = next(m.key for m in doc.place_mentions if m.text == "Saraqeb")
    anaphor = [m for m in doc.place_mentions if m.weak and m.text == "the town"]
    assert [m.key for m in anaphor] == [saraqeb]


def test_the_town_in_the_paragraph_that_names_it_is_that_town(run):
    text = ("Rebel fighters stormed the town of Saraqeb on Monday after a week of shelling. "
            "Saraqeb lies on the M5 highway.\n\n"
            "In Kafr Nubl, troops shelled the town's market and then entered the town.")
    doc = run(text, language="en", published="2020-02-04")
    kafr_nubl = next(m.key for m in doc.place_mentions if m.text == "Kafr Nubl")
    anaphor = [m for m in doc.place_mentions if m.weak and m.text == "the town"]
    assert anaphor and {m.key for m in anaphor} == {kafr_nubl}



@pytest.mark.parametrize("text", [
    "In Damascus, mortar shells killed three people in the quarter of Bab Touma.",
    "From Damascus, the convoy drove south to the quarter of Bab Touma.",
])
def test_a_preposition_opening_a_sentence_is_no_word_of_the_name_after_it(run, text):
    doc = run(text, language="en", published="2014-08-24")
    assert [m.text for m in doc.place_mentions][:1] == ["Damascus"]


def test_an_article_written_apart_still_opens_a_name(run):
    doc = run("At Tall, rebels shelled an army checkpoint.", language="en", published="2014-08-24")
    assert [m.text for m in doc.place_mentions][:1] == ["At Tall"]


@pytest.mark.parametrize("text", [
    "سيطرت الفصائل اليوم على بلدة نوى في ريف درعا، وقال القائد محمد الجاسم إن المعارك انتهت.",
    "وقال قائد الفرقة، محمد الجاسم (أبو عمشة)، إن المدينة باتت محررة بالكامل اليوم.",
])
def test_a_definite_name_after_a_given_name_is_a_person_s_family_name(run, text):
    doc = run(text, published="2021-07-29")
    assert "الجاسم" not in [m.text for m in doc.place_mentions]


def test_a_family_name_is_still_a_place_after_its_head_noun(run):
    text = "قال القائد محمد الجاسم إن قواته سيطرت اليوم على بلدة الجاسم في ريف درعا."
    doc = run(text, published="2021-07-29")
    named = [m for m in doc.place_mentions if m.text == "الجاسم"]
    assert [text[m.start - 5:m.start].strip() for m in named] == ["بلدة"]  # the town, not the man


def test_a_preposition_spelled_like_a_given_name_leaves_the_place_after_it(run):
    doc = run("أعلن الجيش السيطرة على البوكمال بعد معارك مع التنظيم.", published="2017-11-19")
    assert [m.text for m in doc.place_mentions][:1] == ["البوكمال"]


def test_derik_written_without_its_ya_is_al_malikiyah(extract):
    """"ديرك", the Kurdish name as Kurdish media write it, is al-Malikiyah (ديريك)."""
    text = "قصفت الطائرات التركية محيط مدينة ديرك في ريف الحسكة."
    assert "C4881" in {p.key for p in extract(text).places}


def test_the_village_stands_for_the_place_the_text_called_a_village(run):
    # the gazetteer has al-Mazraa as a neighbourhood; "the village of al-Mazraa" said what it is
    doc = run("Protesters gathered in Damascus on Friday. In the south, rebels said they had taken "
              "the village of al-Mazraa overnight, but local officials denied the village had fallen.",
              language="en")
    mazraa = [m.key for m in doc.place_mentions if m.text == "al-Mazraa"]
    anaphor = [m.key for m in doc.place_mentions if m.weak and m.text == "the village"]
    assert mazraa and anaphor == mazraa[:1]
