"""Episodes: the places an action governs, what is background, and a record's days."""

from __future__ import annotations

import pytest

HOMS, DAMASCUS, TARTOUS, LATAKIA = "C2528", "C1001", "C5221", "C3480"
HARASTA, ARBIN, ZAMALKA = "C2342", "C2321", "C2320"
LATAMNEH, KAFR_ZITA, JOBAR, DOUMA, QADAM = "C3458", "C3463", "A008", "C2338", "A015"


def found(extract, text: str, **options: object) -> list[tuple[str, str | None, list[str]]]:
    language = "en" if text[0].isascii() else "ar"
    options.setdefault("published", "2019-08-10")
    return [(e.kind, e.start, e.places) for e in extract(text, language=language, **options).events]


@pytest.mark.parametrize("text", [
    "سيطرت الفصائل اليوم على مدينة حمص، التي تعد من أكبر مدن البلاد بعد دمشق وحلب.",
    "سيطرة الفصائل اليوم على حمص تقسم مناطق سيطرة النظام إلى جزأين، الأول في دمشق وريفها، "
    "والثاني في طرطوس واللاذقية.",
    "Rebels captured Homs on Saturday, which splits the government's territory between "
    "Damascus and Latakia.",
])
def test_a_capture_is_where_its_object_is_not_what_the_text_says_next(extract, text):
    assert found(extract, text) == [("capture", "2019-08-10", [HOMS])]


def test_a_list_of_places_goes_on_across_clauses_and_after_an_interruption(extract):
    text = ("استعادت قوات النظام اليوم السيطرة على حرستا بعد خروج المقاتلين منها، وعلى "
            "بلدتي عربين وزملكا.")
    assert sorted(p for _, _, places in found(extract, text) for p in places) == sorted(
        [HARASTA, ARBIN, ZAMALKA])
    text = "Government forces took Harasta on Saturday, and then the towns of Arbin and Zamalka."
    assert sorted(p for _, _, places in found(extract, text) for p in places) == sorted(
        [HARASTA, ARBIN, ZAMALKA])
    # a clause that only mentions places does not go on with the list
    text = "سيطرت الفصائل اليوم على مدينة حمص، والثاني منطقة الساحل في طرطوس."
    assert found(extract, text) == [("capture", "2019-08-10", [HOMS])]


@pytest.mark.parametrize("text", [
    "وتزامن الهجوم على أحياء المدينة اليوم، مع سيطرة الفصائل على مدينة حمص.",
    "وترافقت المعارك في أحياء المدينة اليوم مع سيطرة الفصائل على مدينة حمص.",
])
def test_what_coincided_with_the_episode_is_background(extract, text):
    assert all(kind != "capture" for kind, _, _ in found(extract, text))


def test_a_capture_told_on_its_own_is_still_an_episode(extract):
    text = "سيطرت الفصائل اليوم على مدينة حمص مع انهيار دفاعات قوات النظام."
    assert found(extract, text) == [("capture", "2019-08-10", [HOMS])]


@pytest.mark.parametrize(("text", "place"), [
    ("انسحبت الفصائل اليوم من بلدة اللطامنة إلى مدينة كفرزيتا.", LATAMNEH),
    ("انسحبت الفصائل اليوم من بلدة اللطامنة باتجاه مدينة كفرزيتا.", LATAMNEH),
    ("Rebels withdrew from Jobar to Douma on Saturday.", JOBAR),
    ("Rebels withdrew from Jobar towards Douma on Saturday.", JOBAR),
])
def test_a_withdrawal_is_where_it_left_not_where_it_went(extract, text, place):
    assert found(extract, text) == [("withdrawal", "2019-08-10", [place])]


def test_entering_the_place_named_after_to_is_a_capture_there(extract):
    text = "دخلت قوات النظام اليوم إلى بلدة اللطامنة."
    assert found(extract, text) == [("capture", "2019-08-10", [LATAMNEH])]


@pytest.mark.parametrize("text", [
    "دخلت تعزيزات عسكرية اليوم إلى بلدة اللطامنة.",
    "ودخل رتل تركي جديد اليوم إلى بلدة اللطامنة.",
    "ومع دخول آلاف المقاتلين اليوم إلى بلدة اللطامنة، استنفرت الحواجز.",
    "Reinforcements entered Douma on Saturday.",
    "A Turkish convoy entered Douma on Saturday.",
])
def test_reinforcements_and_convoys_that_enter_take_nothing(extract, text):
    assert all(kind != "capture" for kind, _, _ in found(extract, text))


def test_what_a_relative_clause_says_of_a_noun_is_no_new_episode(extract):
    text = "أحرقت قوات النظام اليوم المنازل في المناطق التي سيطرت عليها في ريف حماة."
    assert found(extract, text) == []
    text = "سيطرت قوات النظام اليوم على بلدة اللطامنة التي يسكنها آلاف المدنيين."
    assert found(extract, text) == [("capture", "2019-08-10", [LATAMNEH])]


def test_the_cause_of_a_told_action_is_no_episode_of_its_own(extract):
    text = ("انسحبت الفصائل اليوم من بلدة اللطامنة نتيجة القصف المكثف والغارات من قبل "
            "الطائرات الحربية على مدينة كفرزيتا.")
    assert found(extract, text) == [("withdrawal", "2019-08-10", [LATAMNEH])]
    text = "Rebels pulled out of Jobar on Saturday due to heavy shelling on Douma."
    assert found(extract, text) == [("withdrawal", "2019-08-10", [JOBAR])]


@pytest.mark.parametrize("text", [
    "قتل خمسة مدنيين اليوم جراء قصف مدفعي على بلدة اللطامنة.",
    "Five civilians were killed on Saturday due to shelling on Douma.",
])
def test_a_cause_alone_in_its_sentence_is_the_episode(extract, text):
    assert [kind for kind, _, _ in found(extract, text)] == ["shelling"]


@pytest.mark.parametrize("text", [
    "أبلغ مقاتلون قوات النظام اليوم بعمل عسكري يهدف لتنفيذ هجوم على مدينة دمشق.",
    "وكان العمل العسكري يهدف لدخول بلدة اللطامنة والسيطرة عليها اليوم.",
    "Rebels planned an assault on Douma on Saturday.",
])
def test_a_planned_assault_is_no_episode(extract, text):
    assert found(extract, text) == []


def test_a_negation_does_not_reach_across_a_clause_mark(extract):
    text = "قتل عناصر من جنسيات سورية وغير سورية، في غارات جوية اليوم على بلدة اللطامنة."
    assert found(extract, text) == [("airstrike", "2019-08-10", [LATAMNEH])]
    text = "ولم تقصف قوات النظام اليوم بلدة اللطامنة."
    assert found(extract, text) == []


def test_dawn_is_no_explosion(extract):
    text = "قصفت قوات النظام فجر اليوم بلدة اللطامنة."
    assert found(extract, text) == [("shelling", "2019-08-10", [LATAMNEH])]
    text = "فجرت عبوة ناسفة اليوم في بلدة اللطامنة."
    assert [kind for kind, _, _ in found(extract, text)] == ["explosion"]


def test_a_facility_and_the_place_it_is_set_in_are_one_capture(extract):
    text = "سيطر الثوار اليوم على محطة الوقود “الأمل” في حي القدم."
    ((kind, _, places),) = found(extract, text)
    assert kind == "capture" and QADAM in places and len(places) == 2
    text = "سيطر الثوار اليوم على محطة القطارات الواقعة في حي القدم وعلى بلدة اللطامنة."
    assert sorted(len(places) for _, _, places in found(extract, text)) == [1, 2]


@pytest.mark.parametrize("text", [
    "هاجمت القوات اليوم المنطقة الواقعة في شمال حي جوبر.",
    "Government forces attacked the area in northern Jobar on Saturday.",
])
def test_in_the_north_of_a_place_is_in_it(extract, text):
    assert [JOBAR in places for _, _, places in found(extract, text)] == [True]


def test_north_of_a_place_is_a_reference_point(extract):
    text = "قصفت قوات النظام اليوم بلدة اللطامنة شمال مدينة كفرزيتا."
    assert found(extract, text) == [("shelling", "2019-08-10", [LATAMNEH])]


RECORD = "\n\n".join([
    "بتاريخ 27 كانون الثاني/يناير عام 2013 اقتحم الجيش الحر محطة القطارات الواقعة في حي "
    "القدم وسيطر على أجزاء واسعة منها، في حين دارت اشتباكات مع قوات النظام على جبهة "
    "أوتوستراد درعا. كما استهدف الجيش الحر تجمعات لقوات النظام في حي القدم. في حين استهدفت "
    "قوات النظام محطة القطار بقصف مباشر.",
    "بتاريخ 29 كانون الثاني/يناير، استهدف الجيش الحر مراكز قوات النظام في حي القدم، كما "
    "اندلعت اشتباكات في حي جوبر.",
    "بتاريخ 30 كانون الثاني/يناير، سيطر الجيش الحر على بلدتي حرستا وعربين، واندلعت "
    "اشتباكات في محيطهما.",
]) + "\n"


def test_a_record_tells_one_episode_a_day_and_one_for_each_place_taken(extract):
    days = found(extract, RECORD, published=None, kind="archive-record")
    assert [(kind, start) for kind, start, _ in days] == [
        ("capture", "2013-01-27"), ("attack", "2013-01-29"), ("capture", "2013-01-30"),
        ("capture", "2013-01-30")]
    assert QADAM in days[0][2] and {QADAM, JOBAR} <= set(days[1][2])
    # the same text in the news: each action of a day is an episode of its own
    news = found(extract, RECORD, published="2013-02-01", kind="news-article")
    assert len(news) > len(days)


def test_a_record_s_field_value_is_no_episode(extract):
    text = ("نصرة داريا\n\nكود الذاكرة السورية:\n\nSMI/A900/243\n\nتاريخ بدء المعركة\n\n"
            "2013/01/27\n\nنوع المعركة\n\nمعركة ضد النظام\n\n"
            "بتاريخ 28 كانون الثاني/يناير، استهدف الجيش الحر مراكز قوات النظام في حي القدم.\n")
    events = extract(text, published=None, kind="archive-record").events
    assert [e.evidence.text for e in events if e.evidence.text == "معركة ضد النظام"] == []


def test_a_town_listed_with_a_site_found_in_it_stays_a_place_of_the_capture(extract):
    # the square is found in al-Sarb, but al-Sarb is an item of the list, not its setting
    text = "سيطرت الفصائل أمس على قرية السرب والمربع الأمني."
    places = [e.places for e in extract(text).events]
    assert ["C8197"] in places
