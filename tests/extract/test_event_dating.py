"""Events: which date an episode takes, what tells no place taken, and tellings of one
happening (a coarser retelling, a sentence that dates an event again)."""

from __future__ import annotations

import pytest

HOMS, LATAMNEH, KAFR_ZITA, DOUMA, JOBAR, QADAM = "C2528", "C3458", "C3463", "C2338", "A008", "A015"
DARAA_AL_BALAD, NUBL, ZAHRAA = "daraa-al-balad", "C1646", "C1655"


def found(extract, text: str, **options: object) -> list[tuple[str, str | None, list[str]]]:
    language = "en" if text[0].isascii() else "ar"
    options.setdefault("published", "2019-08-10")
    return [(e.kind, e.start, e.places) for e in extract(text, language=language, **options).events]


@pytest.mark.parametrize("text", [
    "سيطرت الفصائل على بلدة كفرزيتا اليوم، بعد سيطرة قوات النظام الأربعاء على بلدة اللطامنة.",
])
def test_an_action_takes_no_date_from_a_background_clause_after_it(extract, text):
    dates = {tuple(places): start for _, start, places in found(extract, text)}
    assert dates[(KAFR_ZITA,)] == "2019-08-10" and dates[(LATAMNEH,)] == "2019-08-07"
    text = "Rebels seized Douma on Saturday, after government forces took Jobar on Wednesday."
    dates = {tuple(places): start for _, start, places in found(extract, text)}
    assert dates[(DOUMA,)] == "2019-08-10" and dates[(JOBAR,)] == "2019-08-07"


def test_an_undated_action_before_a_background_date_takes_the_lead_s_day(extract):
    text = ("سيطرت فصائل المعارضة أمس على بلدة اللطامنة في ريف حماة الشمالي بعد معارك عنيفة.\n\n"
            "وسيطرت الفصائل كذلك على بلدة كفرزيتا، بعد سيطرتها الأربعاء على حي جوبر.")
    dates = {tuple(places): start for _, start, places in found(extract, text)}
    assert dates[(KAFR_ZITA,)] == "2019-08-09"


@pytest.mark.parametrize("text", [
    "سيطرت الفصائل اليوم على مدينة حمص بعد معارك عنيفة مع قوات النظام في بلدة اللطامنة.",
    "Rebels captured Homs on Saturday after fierce fighting with government forces in Douma.",
])
def test_the_fighting_a_capture_came_after_has_no_date_of_its_own(extract, text):
    events = extract(text, language="en" if text.isascii() else "ar",
                     published="2019-08-10").events
    assert [(e.kind, e.start) for e in events if e.start] == [("capture", "2019-08-10")]
    assert [e.kind for e in events if not e.start] == ["battle"]


def test_a_place_taken_after_a_background_word_keeps_the_date(extract):
    text = "أحكمت قوات النظام اليوم سيطرتها على حي جوبر، بعد دخولها بلدة اللطامنة."
    assert ("capture", "2019-08-10", [LATAMNEH]) in found(extract, text)


def test_a_retelling_by_the_area_that_holds_the_town_is_one_capture(extract):
    text = "أحكمت قوات النظام اليوم سيطرتها على ريف حماة، بعد دخولها بلدة اللطامنة."
    ((kind, start, places),) = found(extract, text)
    assert (kind, start) == ("capture", "2019-08-10") and LATAMNEH in places


@pytest.mark.parametrize("text", [
    "ويفرض الثوار اليوم سيطرة نارية على بلدة اللطامنة.",
    "وأسفر القصف اليوم عن سقوط جرحى في بلدة اللطامنة.",
    "وتأتي هذه التطورات اليوم مع سقوط نظام الأسد في دمشق.",
])
def test_control_by_fire_and_a_fall_of_no_place_take_nothing(extract, text):
    assert all(kind != "capture" for kind, _, _ in found(extract, text))


def test_the_fall_of_a_place_is_its_capture(extract):
    assert found(extract, "وجاء ذلك اليوم بعد سقوط مدينة حمص بيد الفصائل.") == [
        ("capture", "2019-08-10", [HOMS])]


@pytest.mark.parametrize("text", [
    "دخلت قوات النظام اليوم بلدة اللطامنة من جهة بلدة كفرزيتا.",
    "دخلت قوات النظام اليوم بلدة اللطامنة من محور بلدة كفرزيتا.",
])
def test_where_a_capture_came_from_is_not_where_it_was(extract, text):
    assert found(extract, text) == [("capture", "2019-08-10", [LATAMNEH])]
    text = "Government forces entered Douma on Saturday from the direction of Jobar."
    assert found(extract, text) == [("capture", "2019-08-10", [DOUMA])]


def test_an_attack_from_an_axis_is_fought_there(extract):
    text = "وشنت الفصائل اليوم هجوما من محور بلدة اللطامنة."
    assert found(extract, text) == [("attack", "2019-08-10", [LATAMNEH])]


@pytest.mark.parametrize("text", [
    "وانسحب عناصر الحاجز اليوم باتجاه بلدتي نبل والزهراء.",
    "Regime troops withdrew on Saturday towards Nubl and Zahraa.",
])
def test_every_item_of_a_list_after_a_direction_is_where_they_went(extract, text):
    assert all(NUBL not in places and ZAHRAA not in places for _, _, places in found(extract, text))


def test_a_relative_clause_that_dates_a_capture_tells_it(extract):
    text = ("وشهدت المنطقة معارك كر وفر، أبرزها في بلدة اللطامنة التي سيطرت عليها قوات "
            "النظام في الثامن من أيار.")
    assert [(start, places) for _, start, places in found(extract, text)] == [
        ("2019-05-08", [LATAMNEH])]
    text = "وأحرقت قوات النظام اليوم المنازل في بلدة اللطامنة التي سيطرت عليها."
    assert all(kind != "capture" for kind, _, _ in found(extract, text))


def test_a_retelling_by_the_governorate_is_the_same_happening(extract):
    text = ("بدأت قوات الأسد اليوم حملة عسكرية على أحياء درعا البلد.\n\n"
            "وأعلن الإعلام الموالي عن بدء قوات الأسد اليوم عملية عسكرية في محافظة درعا.")
    assert [(kind, start) for kind, start, _ in found(extract, text, published="2021-07-29")] \
        == [("attack", "2021-07-29")]


def test_a_facility_taken_the_same_day_as_its_town_stays_a_happening_of_its_own(extract):
    text = ("استعاد الجيش اليوم السيطرة على مدينة حمص.\n\n"
            "وأكد البيان أن الجيش استعاد كذلك مطار حمص العسكري.")
    assert len(found(extract, text)) == 2


def test_a_second_telling_of_a_town_taken_is_one_happening(extract):
    text = ("دخلت الفصائل اليوم حي جوبر والقابون.\n\n"
            "وقال مراسلنا إن الفصائل دخلت اليوم حي جوبر بعد اشتباكات مع قوات النظام.")
    captures = [places for kind, _, places in found(extract, text) if kind == "capture"]
    assert sum(JOBAR in places for places in captures) == 1


@pytest.mark.parametrize("text", [
    "وشهدت مدينة حمص اعتصاما في 15 من نيسان عام 2011، حيث نفذت قوات النظام مجزرة بحق "
    "المعتصمين.\n\nووقعت المجزرة فجر يوم 19 من نيسان 2011، بعد أن هاجمت قوات النظام الاعتصام.",
    "A sit-in began in Homs on April 15, 2011, where government forces carried out a "
    "massacre.\n\nThe massacre took place at dawn on April 19, 2011, after troops stormed "
    "the square.",
])
def test_a_sentence_that_dates_an_event_again_gives_it_that_day(extract, text):
    events = found(extract, text, published="2024-12-08")
    assert [(kind, start) for kind, start, _ in events if start] == [("massacre", "2011-04-19")]


def test_a_reference_with_no_event_before_it_dates_nothing(extract):
    text = "ووقعت المجزرة فجر يوم 19 من نيسان 2011 في مدينة حمص."
    assert found(extract, text, published="2024-12-08") == []


def test_a_named_battle_of_a_place_is_fought_there(extract):
    text = "وقتل 41 عنصرا خلال معارك تل أبيض في 11 حزيران 2015."
    named = [e for e in extract(text, published="2015-06-16").events if e.name]
    assert [(e.start, e.places) for e in named] == [("2015-06-11", ["C5792"])]
    text = "أطلقت الفصائل اليوم معركة “نصرة داريا” في حي القدم."
    named = [e for e in extract(text, published="2013-01-27").events if e.name]
    assert "C2498" not in named[0].places and QADAM in named[0].places


def test_a_record_s_battle_named_in_quotes_in_its_text_is_the_record_s_event(extract):
    text = ('معركة "الفجر"\n\nكود الذاكرة السورية:\n\nSMI/A900/777\n\nتاريخ بدء المعركة\n\n'
            '2013/11/22\n\nنوع المعركة\n\nمعركة ضد النظام\n\n'
            'أطلقت فصائل المعارضة في الغوطة الشرقية بتاريخ 22 تشرين الثاني/نوفمبر 2013 معركة '
            '"الفجر" على مواقع قوات النظام.\n')
    events = extract(text, published=None, kind="archive-record").events
    named = [e for e in events if e.name]
    assert len(named) == 1 and "eastern-ghouta" in named[0].places


BULLETIN = ("بيان صادر عن القيادة العامة\nالثلاثاء 27 تموز 2021\n\n"
            "تمكنت قواتنا من تحرير بلدة اللطامنة في ريف حماة الشمالي من قوات النظام "
            "والميليشيات الموالية لها، واغتنام أسلحة وذخائر وآليات ثقيلة.\n\n"
            "وقصفت قواتنا بالمدفعية الثقيلة مواقع قوات النظام وتجمعاتها في بلدة كفرزيتا المجاورة "
            "وفي محيطها، محققة إصابات مباشرة.\n")


@pytest.mark.parametrize("kind", ["statement", "news-article", "wire-copy", "monitor-report"])
def test_a_report_whose_lead_has_no_day_tells_the_day_its_heading_states(extract, kind):
    found = extract(BULLETIN, kind=kind, published="2021-07-28").events
    assert [(e.kind, e.start) for e in found] == [("capture", "2021-07-27"),
                                                  ("shelling", "2021-07-27")]


def test_a_heading_day_dates_nothing_a_chronicle_tells_nor_what_its_lead_dates(extract):
    found = extract(BULLETIN, kind="chronicle", published="2021-07-28").events
    assert [e.start for e in found] == [None, None]
    # the lead's own day comes first
    text = BULLETIN.replace("تمكنت قواتنا", "تمكنت قواتنا يوم الأحد", 1)
    found = extract(text, kind="statement", published="2021-07-28").events
    assert [e.start for e in found] == ["2021-07-25", "2021-07-25"]
    # a heading with no day is no dateline
    text = BULLETIN.replace("الثلاثاء 27 تموز 2021", "تموز 2021")
    assert [e.start for e in extract(text, kind="statement", published="2021-07-28").events] \
        == [None, None]


@pytest.mark.parametrize("text, language, published, day", [
    ("تواصلت اليوم الجمعة، لليوم الرابع على التوالي، المعارك في بلدة اللطامنة.", "ar",
     "2017-07-21", "2017-07-18"),
    ("تتواصل الاشتباكات في بلدة اللطامنة لليوم الثاني على التوالي، اليوم الأحد.", "ar",
     "2025-07-13", "2025-07-12"),
    ("Clashes continued in Jarablus on Monday for the third straight day.", "en",
     "2021-07-26", "2021-07-24"),
])
def test_what_has_gone_on_for_days_began_days_before(extract, text, language, published, day):
    found = extract(text, language=language, published=published).events
    assert [(e.kind, e.start) for e in found] == [("battle", day)]


def test_a_day_not_counted_in_a_run_stays(extract):
    text = "تواصلت المعارك اليوم الجمعة في بلدة اللطامنة."
    assert [e.start for e in extract(text, published="2017-07-21").events] == ["2017-07-21"]
    # a run with no day of its own says nothing of when it began
    text = "تواصلت المعارك في تموز لليوم الرابع على التوالي في بلدة اللطامنة."
    assert [e.start for e in extract(text, published="2017-07-21", kind="chronicle").events] \
        == ["2017-07"]


GOES_ON = ("قصفت قوات النظام حي الوعر اليوم الأحد بقذائف الهاون والمدفعية الثقيلة، بحسب ما أفاد "
           "ناشطون من داخل الحي المحاصر.\n\n"
           "وكانت الفصائل قد اقتحمت يوم الخميس 29 تموز حاجزاً لقوات النظام عند المدخل الجنوبي "
           "لمدينة درعا وأسرت عناصره.\n\n"
           "{opening}سيطر مقاتلون محليون على حاجز عند مدخل بلدة اللطامنة. ودخل آخرون بلدة كفرزيتا.\n")


@pytest.mark.parametrize("opening", ["وبعد ساعات، ", "وخلال ساعات، "])
def test_a_paragraph_that_goes_on_from_the_one_before_happened_on_its_day(extract, opening):
    found = extract(GOES_ON.format(opening=opening), published="2021-08-01").events
    assert [(e.kind, e.start) for e in found][-2:] == [("capture", "2021-07-29"),
                                                       ("capture", "2021-07-29")]
    text = ("Government forces shelled al-Waer on Sunday, activists said, as the bombardment "
            "went on for hours across the besieged district.\n\n"
            "The assault began at around 6am on Thursday, 29 July, when tanks pushed into the "
            "southern outskirts of the city from three directions.\n\n"
            "Within hours, local fighters seized a checkpoint at the entrance of Jarablus.\n")
    found = extract(text, language="en", published="2021-08-01").events
    assert (found[-1].kind, found[-1].start) == ("capture", "2021-07-29")


def test_a_paragraph_that_does_not_go_on_has_the_lead_s_day(extract):
    found = extract(GOES_ON.format(opening=""), published="2021-08-01").events
    assert [(e.kind, e.start) for e in found][-2:] == [("capture", "2021-08-01"),
                                                       ("capture", "2021-08-01")]


def _days(extract, text: str, published: str | None = "2019-08-10") -> dict[str, str | None]:
    """The start of each event by its place, the English towns read as the Arabic ones
    (Douma for Kafr Zita, Jobar for al-Latamneh)."""
    same = {DOUMA: KAFR_ZITA, JOBAR: LATAMNEH}
    return {same.get(places[0], places[0]): start
            for _, start, places in found(extract, text, published=published) if places}


@pytest.mark.parametrize(("text", "day"), [
    ("سيطرت الفصائل اليوم على بلدة كفرزيتا، وذلك بعد يوم من سيطرتها على بلدة اللطامنة.",
     "2019-08-09"),
    ("سيطرت الفصائل يوم 10 آب على بلدة كفرزيتا بعد يومين من اقتحامها بلدة اللطامنة.",
     "2019-08-08"),
    ("Rebels seized Douma on Saturday, a day after they stormed Jobar.", "2019-08-09"),
    ("Rebels seized Douma on Saturday, two days after they captured Jobar.",
     "2019-08-08"),
])
def test_a_clause_a_day_or_two_after_tells_an_earlier_day(extract, text, day):
    days = _days(extract, text)
    assert days[KAFR_ZITA] == "2019-08-10" and days[LATAMNEH] == day


def test_a_clause_a_day_or_two_later_tells_a_later_day(extract):
    # the day a source reported is not the day of what it reported; the offset still counts
    text = ("سيطرت قوات النظام يوم 6 آب على بلدة كفرزيتا، غير أن المرصد أفاد بعد يومين "
            "باستعادة الفصائل السيطرة على بلدة اللطامنة.")
    days = _days(extract, text)
    assert days[KAFR_ZITA] == "2019-08-06" and days[LATAMNEH] == "2019-08-08"


@pytest.mark.parametrize("text", [
    "قصفت قوات النظام اليوم بلدة كفرزيتا، بعد ساعات من سيطرة الفصائل على بلدة اللطامنة.",
    "Government forces shelled Douma on Saturday, hours after rebels captured Jobar.",
])
def test_hours_after_is_the_same_day(extract, text):
    days = _days(extract, text)
    assert days[KAFR_ZITA] == days[LATAMNEH] == "2019-08-10"


@pytest.mark.parametrize("text", [
    "سيطرت الفصائل اليوم على بلدة كفرزيتا، قبل يوم من سيطرتها على بلدة اللطامنة.",
    "Rebels seized Douma on Saturday, a day before they stormed Jobar.",
])
def test_a_clause_a_day_before_tells_the_next_day(extract, text):
    assert _days(extract, text)[LATAMNEH] == "2019-08-11"


@pytest.mark.parametrize("text", [
    # the clause writes its own day: that day stands
    "سيطرت الفصائل اليوم على بلدة كفرزيتا، بعد يوم من سيطرتها يوم الخميس 1 آب على بلدة اللطامنة.",
    "Rebels seized Douma on Saturday, a day after they stormed Jobar on August 1.",
])
def test_an_offset_clause_with_a_day_of_its_own_keeps_it(extract, text):
    assert _days(extract, text)[LATAMNEH] == "2019-08-01"


@pytest.mark.parametrize("text", [
    # no offset: the clause shares the sentence's day; another clause is not governed
    "سيطرت الفصائل اليوم على بلدة كفرزيتا وعلى بلدة اللطامنة.",
    "Rebels seized Douma on Saturday and stormed Jobar.",
    "A day after the talks failed, rebels stormed Jobar on Saturday.",
    "بعد يوم من فشل المفاوضات، اقتحمت الفصائل اليوم بلدة اللطامنة.",
])
def test_no_offset_governs_an_action_outside_its_clause(extract, text):
    assert _days(extract, text)[LATAMNEH] == "2019-08-10"


def test_an_offset_with_no_day_to_count_from_gives_none(extract):
    text = "Rebels seized Douma, a day after they stormed Jobar."
    assert _days(extract, text, published=None)[LATAMNEH] is None


def test_a_day_offset_opening_a_paragraph_counts_from_the_day_last_told_across_commas(extract):
    text = ("Fighting in the north\n\nClashes broke out in Afrin on Wednesday between rival "
            "factions.\n\nOn Friday, rebels captured the town of Saraqeb.\n\nThe move came a "
            "day after the army and its allies, the Fourth Division and others, seized the "
            "town of Kafr Nabl.\n")
    found = extract(text, language="en", published="2021-07-31")
    assert sorted((e.start, e.places) for e in found.events if e.kind == "capture") == [
        ("2021-07-29", ["C4068"]), ("2021-07-30", ["C3916"])]


def test_a_day_told_before_the_offset_still_dates_the_clause_after_it(extract):
    text = ("Fighting in the north\n\nOn Tuesday, two days after clashes erupted in Afrin, "
            "rebels seized the town of Jandaris.\n")
    found = extract(text, language="en", published="2021-07-29")
    assert [(e.start, e.places) for e in found.events if e.kind == "capture"] == [
        ("2021-07-27", ["C1426"])]


def test_a_coordinated_predicate_takes_the_date_of_its_own_clause(extract):
    # the crossing before it is no event; the siege is dated in its own clause
    text = ("عبرت القوات نهر العاصي في 31 أيار، وحاصرت بلدة كفرزيتا في العاشر من حزيران.\n\n"
            "وقصفت المدفعية بلدة اللطامنة.")
    days = [(e.kind, e.start) for e in extract(text, published="2019-07-01").events]
    assert ("siege", "2019-06-10") in days and ("siege", "2019-05-31") not in days


def test_a_predicate_after_a_date_set_apart_keeps_that_date(extract):
    text = "في 10 حزيران، حاصرت القوات بلدة كفرزيتا التي انسحبت منها في 5 أيار."
    days = [(e.kind, e.start) for e in extract(text, published="2019-07-01").events]
    assert days[0] == ("siege", "2019-06-10")


@pytest.mark.parametrize("text", [
    "وثق المرصد مقتل 40 عنصراً منذ بدء الهجوم على بلدة اللطامنة في 19 حزيران.",
    "بلغ عدد القتلى 40 منذ انطلاق العملية على بلدة اللطامنة في 19 حزيران.",
])
def test_an_event_named_after_since_began_is_dated_the_day_it_began(extract, text):
    found = [(e.start, e.places) for e in extract(text, published="2019-07-01").events]
    assert ("2019-06-19", ["C3458"]) in found


def test_the_day_an_event_began_dates_no_other_action_of_the_sentence(extract):
    text = ("قصفت الطائرات اليوم الاثنين بلدة كفرزيتا، وقتل 20 عنصراً منذ بدء الهجوم على بلدة "
            "اللطامنة في 19 حزيران.")
    found = {e.kind: e.start for e in extract(text, published="2019-07-01").events}
    assert found == {"shelling": "2019-07-01", "attack": "2019-06-19"}


@pytest.mark.parametrize(("text", "began"), [
    ("Government forces captured Douma on Saturday after four days of heavy fighting.",
     "2019-08-06"),
    ("Rebels pulled out of Douma on Saturday, ending a 12-day assault on the town.", "2019-07-29"),
    ("On Saturday, after three days of clashes, rebels took full control of Douma.", "2019-08-07"),
])
def test_a_fight_that_lasted_days_before_the_action_began_that_many_days_before(
        extract, text, began):
    told = found(extract, text)
    assert (began, [DOUMA]) in [(start, places) for kind, start, places in told
                                if kind in ("battle", "attack")]
    assert any(start == "2019-08-10" for _, start, _ in told)


@pytest.mark.parametrize("text", [
    "Government forces captured Douma on Saturday after heavy fighting.",
    "Government forces captured Douma on Saturday after fighting that killed four people.",
    "Government forces captured Douma on Saturday, four days after fighting began in Jobar.",
])
def test_a_fight_with_no_length_told_before_the_action_has_no_day_of_its_own(extract, text):
    assert not [start for kind, start, _ in found(extract, text)
                if kind in ("battle", "attack") and start and start < "2019-08-10"]


def test_mortar_shells_are_one_shelling_where_they_fell(extract):
    text = "In Homs, mortar shells fired by rebels killed two people in the Khaldiyeh quarter."
    told = found(extract, text)
    assert [kind for kind, _, _ in told] == ["shelling"]
    assert len(told[0][2]) == 1 and told[0][2] != [HOMS]  # the quarter, a news spelling of it


def test_a_fight_whose_first_day_is_told_is_not_counted_back_from_the_action(extract):
    text = "Rebels took Douma on Saturday after a three-day assault that began on Monday 5 August."
    assert "2019-08-07" not in [start for _, start, _ in found(extract, text)]


def test_a_night_adverb_dates_its_own_clause_the_night_before(extract):
    # the clause with "ليلاً" and no day of its own: the day before the sentence's day
    text = "سيطرت قوات النظام اليوم على بلدة كفرزيتا، إثر انسحاب الفصائل منها ليلاً."
    assert [(e.kind, e.start) for e in extract(text, published="2019-08-10").events] == [
        ("capture", "2019-08-10"), ("withdrawal", "2019-08-09")]
    text = ("شنت الفصائل هجوما على بلدة كفرزيتا اليوم، بعد أن قصفت قوات النظام بلدة "
            "اللطامنة ليلاً.")
    assert [(e.kind, e.start) for e in extract(text, published="2019-08-10").events] == [
        ("attack", "2019-08-10"), ("shelling", "2019-08-09")]


@pytest.mark.parametrize(("text", "day"), [
    # "day and night" is all the time, not one night (the shelling before the attack stays
    # undated); a clause with a day of its own keeps it
    ("شنت الفصائل هجوما على بلدة كفرزيتا اليوم، بعد أن قصفت قوات النظام بلدة اللطامنة "
     "ليلاً ونهاراً.", None),
    ("شنت الفصائل هجوما على بلدة كفرزيتا اليوم، بعد أن قصفت قوات النظام بلدة اللطامنة "
     "يوم السبت ليلاً.", "2019-08-10"),
])
def test_a_night_adverb_of_day_and_night_or_with_a_day_moves_nothing(extract, text, day):
    assert [(e.kind, e.start) for e in extract(text, published="2019-08-10").events] == [
        ("attack", "2019-08-10"), ("shelling", day)]


@pytest.mark.parametrize(("text", "language"), [
    ("Heavy fighting erupted on Tuesday, two days after government forces arrested a tribal "
     "elder, together with his sons, in the town of Douma.", "en"),
    ("اندلعت اشتباكات عنيفة يوم الثلاثاء، بعد يومين من اعتقال قوات النظام وجيها محليا، مع "
     "أبنائه، في بلدة اللطامنة.", "ar"),
])
def test_what_a_clause_days_after_tells_is_not_the_placeless_fighting_before_it(
        extract, text, language):
    # the arrest, two days before, at the place its clause sets after an aside, is an
    # event of its own, not a part of the fighting told before it with no place
    found = extract(text, language=language, published="2019-08-10").events
    assert [(e.kind, e.start) for e in found] == [("battle", "2019-08-06"),
                                                   ("arrest", "2019-08-04")]


def test_what_a_clause_hours_after_tells_stays_with_the_fighting_before_it(extract):
    text = ("Fighting broke out on Tuesday, hours after rebels arrested a tribal elder, "
            "together with his sons, in the town of Douma.")
    found = extract(text, language="en", published="2019-08-10").events
    assert [(e.kind, e.start) for e in found] == [("battle", "2019-08-06")]
