"""Events: the happenings one telling holds (both sides of a change of hands, the fighting
a capture came after, each town a strike hit) and the day each of them takes."""

from __future__ import annotations

import pytest

HOMS, LATAMNEH, KAFR_ZITA, MOREK, JOBAR, QABOUN = "C2528", "C3458", "C3463", "C3029", "A008", "A004"
SAQBA, ZAMALKA, ARBIN = "C2314", "C2320", "C2321"
HAMA_AIRBASE = "hama-airbase"
BALA, HUR = "C6756", "C1140"


# a lead of its own, so that the paragraphs after it are the body of the report
LEAD_AR = "قصفت الطائرات الحربية اليوم السبت بلدة كفرزيتا في ريف حماة الشمالي، وفق ما أفاد مراسلنا."
LEAD_EN = "Warplanes struck the town of Kafr Nabudah in northern Hama on Saturday, our correspondent said."


def found(extract, text: str, **options: object) -> list[tuple[str, str | None, list[str]]]:
    language = "en" if text[0].isascii() else "ar"
    options.setdefault("published", "2019-08-10")  # a Saturday
    return [(e.kind, e.start, e.places) for e in extract(text, language=language, **options).events]


@pytest.mark.parametrize("text", [
    "بتاريخ 5 آب/أغسطس 2019، سيطرت قوات النظام على بلدة اللطامنة، وانسحبت الفصائل من بلدة "
    "اللطامنة باتجاه مدينة كفرزيتا.",
    "On 5 August 2019, government forces captured the town of Saqba, and rebels withdrew "
    "from Saqba towards Douma.",
])
def test_a_record_s_capture_and_the_defenders_withdrawal_are_two_happenings(extract, text):
    days = found(extract, text, published=None, kind="archive-record")
    assert sorted(kind for kind, start, places in days if start == "2019-08-05"
                  and {LATAMNEH, SAQBA} & set(places)) == ["capture", "withdrawal"]


def test_a_record_s_two_tellings_of_one_town_taken_stay_one(extract):
    text = ("بتاريخ 5 آب/أغسطس 2019، دخلت قوات النظام بلدة اللطامنة من محورين، وأحكمت "
            "سيطرتها على بلدة اللطامنة مساء.")
    days = found(extract, text, published=None, kind="archive-record")
    assert sum(LATAMNEH in places for _, _, places in days) == 1


def test_a_facility_taken_in_a_record_is_a_happening_apart_from_the_town(extract):
    text = ("بتاريخ 5 آب/أغسطس 2019، سيطرت الفصائل على بلدة اللطامنة، ثم اقتحمت مطار حماة "
            "العسكري وسيطرت عليه.")
    days = found(extract, text, published=None, kind="archive-record")
    assert [places for _, _, places in days if HAMA_AIRBASE in places] == [[HAMA_AIRBASE]]
    assert any(places == [LATAMNEH] for _, _, places in days)


@pytest.mark.parametrize("text", [
    f"{LEAD_AR}\n\nوكانت قوات النظام قد سيطرت أمس على بلدة اللطامنة.\n\n"
    "وقال مراسلنا إن الفصائل انسحبت من بلدة اللطامنة نحو بلدة مورك.",
    f"{LEAD_EN}\n\nGovernment forces had captured the town of Arbin on Friday.\n\n"
    "Our correspondent said rebels withdrew from Arbin toward Douma.",
])
def test_an_undated_withdrawal_takes_the_day_its_place_was_taken(extract, text):
    days = {kind: start for kind, start, places in found(extract, text)
            if {LATAMNEH, ARBIN} & set(places)}
    assert days == {"capture": "2019-08-09", "withdrawal": "2019-08-09"}


def test_a_withdrawal_with_a_day_of_its_own_keeps_it(extract):
    text = (f"{LEAD_AR}\n\nسيطرت قوات النظام أمس على بلدة اللطامنة.\n\n"
            "وكانت الفصائل قد انسحبت يوم الأربعاء من بلدة اللطامنة نحو بلدة مورك.")
    days = {kind: start for kind, start, places in found(extract, text) if LATAMNEH in places}
    assert days == {"capture": "2019-08-09", "withdrawal": "2019-08-07"}


@pytest.mark.parametrize("text", [
    "سيطر مقاتلو الفصائل على مدينة حمص، بعد اشتباكات عنيفة بدأت فجر الأربعاء مع قوات النظام.",
    "Rebels captured Homs after fierce clashes with government forces that started on "
    "Wednesday.",
])
def test_the_fighting_a_capture_came_after_keeps_its_own_day(extract, text):
    events = found(extract, text)
    assert ("battle", "2019-08-07", [HOMS]) in events
    assert [start for kind, start, _ in events if kind == "capture"] != ["2019-08-07"]


@pytest.mark.parametrize("text", [
    "سيطرت الفصائل على بلدة اللطامنة، بعد معارك بدأت يوم الأربعاء.\n\n"
    "وقصفت الطائرات الحربية بلدة كفرزيتا.",
    "Rebels captured Arbin after battles that began on Wednesday.\n\n"
    "Warplanes struck the town of Zamalka.",
    "Rebels captured Arbin, the latest gain of an operation launched on Wednesday.\n\n"
    "Warplanes struck the town of Zamalka.",
    "سيطرت الفصائل على بلدة اللطامنة، ضمن عملية أطلقتها يوم الأربعاء.\n\n"
    "وقصفت الطائرات الحربية بلدة كفرزيتا.",
])
def test_the_day_fighting_began_is_not_the_day_of_the_lead(extract, text):
    assert [start for _, start, places in found(extract, text)
            if {KAFR_ZITA, ZAMALKA} & set(places)] == [None]


@pytest.mark.parametrize("text", [
    "تعرضت بلدات اللطامنة وكفرزيتا ومورك اليوم لقصف مدفعي عنيف.",
    "Government forces shelled the towns of Saqba, Zamalka and Arbin on Saturday.",
])
def test_each_town_a_strike_hit_is_struck_on_its_own(extract, text):
    shelled = sorted(places for kind, _, places in found(extract, text) if kind == "shelling")
    assert shelled in (sorted([[LATAMNEH], [KAFR_ZITA], [MOREK]]),
                       sorted([[SAQBA], [ZAMALKA], [ARBIN]]))


@pytest.mark.parametrize("text", [
    "استهدفت طائرات روسية اليوم مواقع في بلدات اللطامنة وكفرزيتا ومورك.",
    "واستهدفت الطائرات التركية صباح اليوم بلدات اللطامنة وكفرزيتا ومورك.",
])
def test_aircraft_that_targeted_several_towns_struck_each_on_its_own(extract, text):
    struck = sorted(places for kind, _, places in found(extract, text) if kind == "airstrike")
    assert struck == sorted([[LATAMNEH], [KAFR_ZITA], [MOREK]])


@pytest.mark.parametrize("text", [
    "سيطرت قوات النظام اليوم على بلدات اللطامنة وكفرزيتا ومورك بإسناد مكثف من الطيران "
    "الحربي الروسي.",
    "Government forces, under cover of intense Russian airstrikes and shelling, took control "
    "of the towns of Saqba, Zamalka and Arbin on Saturday.",
])
def test_the_strikes_that_backed_a_capture_are_no_episode_of_their_own(extract, text):
    days = found(extract, text)
    assert sorted(kind for kind, _, _ in days) == ["capture"] * 3


def test_a_village_whose_name_holds_a_clause_word_does_not_end_the_list(extract):
    # "وبالا" is the village of Bala, not "ب" + "إلا" ("except")
    text = "سيطرت الفصائل اليوم على قرى قبتان الجبل وبالا والقاسمية وحور في ريف حلب الغربي."
    taken = [places for kind, _, places in found(extract, text) if kind == "capture"]
    assert len(taken) == 4 and [BALA] in taken and [HUR] in taken


def test_the_neighbourhoods_of_one_city_struck_together_are_one_strike(extract):
    text = "قصفت قوات النظام اليوم حيي جوبر والقابون في دمشق."
    shelled = [places for kind, _, places in found(extract, text) if kind == "shelling"]
    assert len(shelled) == 1 and {JOBAR, QABOUN} <= set(shelled[0])


@pytest.mark.parametrize("text", [
    "سيطرت الفصائل خلال الساعات الماضية على بلدة اللطامنة.",
    "Rebels seized the town of Saqba in the past 24 hours.",
])
def test_what_happened_in_the_hours_before_a_report_happened_on_its_day(extract, text):
    assert [(kind, start) for kind, start, _ in found(extract, text)] == [("capture", "2019-08-10")]


@pytest.mark.parametrize("text", [
    "قصفت قوات النظام أمس الجمعة بلدة كفرزيتا.\n\nوبالتزامن مع ذلك، هاجمت الفصائل بلدة اللطامنة.",
    "Government forces shelled Douma on Friday.\n\nAt the same time, rebels attacked Jobar.",
])
def test_what_a_sentence_does_meanwhile_with_that_is_its_own_deed_that_day(extract, text):
    days = {places[0]: (kind, start) for kind, start, places in found(extract, text) if places}
    assert days.get(LATAMNEH, days.get(JOBAR)) == ("attack", "2019-08-09")


@pytest.mark.parametrize("text", [
    f"{LEAD_AR}\n\nسيطرت قوات النظام أمس على بلدة اللطامنة، إثر انسحاب الفصائل منها باتجاه "
    "مدينة كفرزيتا.",
    f"{LEAD_AR}\n\nأعلن الجيش أمس السيطرة على بلدة اللطامنة، بعد أن فر المسلحون منها نحو "
    "بلدة مورك.",
])
def test_a_withdrawal_from_it_towards_another_town_left_the_town_taken(extract, text):
    days = found(extract, text)
    assert sorted(kind for kind, start, places in days
                  if start == "2019-08-09" and places == [LATAMNEH]) == ["capture", "withdrawal"]
    assert not any({KAFR_ZITA, MOREK} & set(places) for kind, _, places in days
                   if kind == "withdrawal")


def test_a_withdrawal_towards_a_town_with_no_word_for_the_town_left_is_not_placed(extract):
    # "انسحبت الفصائل باتجاه كفرزيتا" does not say it left al-Latamneh
    text = f"{LEAD_AR}\n\nسيطرت قوات النظام أمس على بلدة اللطامنة، بينما انسحبت الفصائل باتجاه مدينة كفرزيتا."
    days = found(extract, text)
    assert [kind for kind, _, places in days if LATAMNEH in places] == ["capture"]
