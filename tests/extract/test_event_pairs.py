"""Events: two happenings one sentence tells, each in its own clause, stay two."""

from __future__ import annotations

import pytest


def told(extraction) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [(e.kind, e.start, tuple(e.places)) for e in extraction.events]


LATAMNEH, KAFR_ZITA = "C3458", "C3463"


def test_a_capture_told_after_qabl_an_with_the_present_tense_is_one_of_its_own(extract):
    # "قبل أن تسيطر": what came next, on the day its own clause gives
    text = "دخلت قوات النظام أمس بلدة اللطامنة، قبل أن تسيطر اليوم على بلدة كفرزيتا."
    assert told(extract(text)) == [("capture", "2021-07-28", (LATAMNEH,)),
                                   ("capture", "2021-07-29", (KAFR_ZITA,))]


def test_a_capture_after_qabl_an_that_names_its_place_by_a_pronoun_adds_none(extract):
    text = "فر عناصر الفصائل أمس من بلدة اللطامنة قبل أن يدخلها الجيش."
    assert told(extract(text)) == [("withdrawal", "2021-07-28", (LATAMNEH,))]


def test_towns_troops_cleared_are_each_a_capture(extract):
    text = "Government troops cleared the last militant positions in Jarablus and Manbij on Monday."
    assert told(extract(text, language="en")) == [("capture", "2021-07-26", ("C2227",)),
                                                  ("capture", "2021-07-26", ("C1767",))]


def test_clearing_a_town_is_a_capture_and_clearing_a_road_of_mines_none(extract):
    text = "Government troops cleared the town of Jarablus on Monday."
    assert told(extract(text, language="en")) == [("capture", "2021-07-26", ("C2227",))]
    text = "Troops cleared the road to Jarablus of mines on Monday."
    assert not [e for e in extract(text, language="en").events if e.kind == "capture"]


EUPHRATES_ROUTE = [
    ("أنهت قوات النظام أمس تمشيط بلدة اللطامنة، فيما فرّ من تبقى من عناصر الفصائل باتجاه "
     "بلدة كفرزيتا على الضفة الشرقية لنهر الفرات.", "ar", "2021-07-28", LATAMNEH),
    ("فرّ عناصر الفصائل أمس من بلدة اللطامنة باتجاه كفرزيتا على ضفة نهر الفرات.", "ar",
     "2021-07-28", LATAMNEH),
    ("Rebels withdrew from Manbij on Tuesday towards Jarablus on the bank of the Euphrates.",
     "en", "2021-07-27", "C1767"),
]


@pytest.mark.parametrize("text, language, day, place", EUPHRATES_ROUTE)
def test_what_a_withdrawal_names_past_its_destination_is_the_way_it_went(
        extract, text, language, day, place):
    assert told(extract(text, language=language)) == [("withdrawal", day, (place,))]


@pytest.mark.parametrize("text, language, expected", [
    ("تقدمت قوات النظام أمس نحو بلدة اللطامنة وسيطرت عليها وعلى قرية كفرزيتا.", "ar",
     [("capture", "2021-07-28", (LATAMNEH,)), ("capture", "2021-07-28", (KAFR_ZITA,))]),
    # "بعد بلدة اللطامنة": beyond it, not taken
    ("تقدمت قوات النظام أمس بعد بلدة اللطامنة إلى قرية كفرزيتا وسيطرت عليها.", "ar",
     [("capture", "2021-07-28", (KAFR_ZITA,))]),
])
def test_the_place_a_capture_takes_by_its_pronoun_is_the_one_it_went_for(
        extract, text, language, expected):
    assert told(extract(text, language=language)) == expected


def test_a_denial_told_after_a_deed_takes_back_that_deed_only(extract):
    text = ("انسحبت الفصائل أمس من بلدة اللطامنة، فيما أعلن التلفزيون الرسمي سيطرة الجيش على "
            "بلدة كفرزيتا، وهو ما نفاه قائد ميداني.")
    assert told(extract(text)) == [("withdrawal", "2021-07-28", (LATAMNEH,))]
    text = "Reports that government forces entered Jarablus on Monday are false."
    assert told(extract(text, language="en")) == []


def test_troops_that_advanced_into_a_town_entered_it(extract):
    text = "Rebel fighters also advanced into the neighbouring town of Jarablus on Monday."
    assert told(extract(text, language="en")) == [("capture", "2021-07-26", ("C2227",))]


def test_the_other_side_of_a_change_happens_on_the_day_the_change_did(extract):
    # the capture is dated by "بعد يومين" from the 20th; the withdrawal told with it too
    text = ("وكانت قوات النظام قد أعلنت في 20 تموز السيطرة على بلدة كفرزيتا، غير أن ناشطين "
            "أفادوا بعد يومين باستعادة الفصائل السيطرة على معظم أحياء بلدة اللطامنة، وانسحاب "
            "القوات الحكومية إلى أطرافها الجنوبية.")
    assert told(extract(text)) == [("capture", "2021-07-20", (KAFR_ZITA,)),
                                   ("capture", "2021-07-22", (LATAMNEH,)),
                                   ("withdrawal", "2021-07-22", (LATAMNEH,))]
