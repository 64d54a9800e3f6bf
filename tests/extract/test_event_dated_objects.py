"""Events: a capture noun that needs its "على" still finds it past a date written
between them ("سيطرة الفصائل في الـ 3 من أيار / مايو الماضي على بلدة اللطامنة")."""

from __future__ import annotations

import pytest

LATAMNEH = "C3458"


def captures(extract, text: str) -> list[tuple[str | None, list[str]]]:
    found = extract(text, published="2019-08-10").events
    return [(e.start, e.places) for e in found if e.kind == "capture"]


@pytest.mark.parametrize("text", [
    "ويأتي ذلك بعد سيطرة الفصائل في الـ 3 من أيار / مايو الماضي على بلدة اللطامنة.",
    "وجاء الهجوم بعد أسابيع من سيطرة الفصائل يوم الجمعة 3 أيار / مايو 2019 على بلدة اللطامنة.",
])
def test_a_date_between_a_capture_noun_and_its_object_is_no_gap(extract, text):
    assert captures(extract, text) == [("2019-05-03", [LATAMNEH])]


def test_a_capture_noun_with_its_object_far_past_the_date_still_takes_none(extract):
    # "سيطرة" with no "على" near it after the date: control of nothing named
    text = ("وتحدث الأهالي بعد سيطرة الفصائل في الـ 3 من أيار / مايو الماضي عن أوضاع صعبة "
            "يعيشونها منذ سنوات طويلة في بلدة اللطامنة.")
    assert captures(extract, text) == []
