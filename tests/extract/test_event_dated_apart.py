"""Events: a place taken, left or besieged told after another action with a day of its
own in its own clause ("entered the town on Friday, a town rebels had seized in 2016")
is a happening of its own, at the place told first before it."""

from __future__ import annotations

import pytest

LATAMNEH, JARABLUS = "C3458", "C2227"


def told(extract, text: str, language: str) -> list[tuple[str, str | None, list[str]]]:
    found = extract(text, language=language, published="2019-08-10").events
    return [(e.kind, e.start, e.places) for e in found]


@pytest.mark.parametrize("text, language, place", [
    ("Government troops entered Jarablus on Friday, a town the rebels had seized in 2016.",
     "en", JARABLUS),
    ("دخلت قوات النظام يوم الجمعة بلدة اللطامنة، التي سيطرت عليها الفصائل في عام 2016.",
     "ar", LATAMNEH),
])
def test_a_place_taken_on_a_day_of_its_own_is_a_happening_of_its_own(
        extract, text, language, place):
    found = told(extract, text, language)
    assert ("capture", "2019-08-09", [place]) in found
    assert ("capture", "2016", [place]) in found


@pytest.mark.parametrize("text, language", [
    # the same day, or no day of its own: one happening
    ("Government troops entered Jarablus on Friday and took control of it.", "en"),
    ("دخلت قوات النظام يوم الجمعة بلدة اللطامنة وسيطرت عليها بالكامل.", "ar"),
])
def test_a_place_taken_with_no_day_of_its_own_stays_one_happening(extract, text, language):
    assert [(k, d) for k, d, _ in told(extract, text, language)] == [("capture", "2019-08-09")]


def test_a_relative_clause_with_no_comma_is_dated_in_itself(extract):
    # the day of the main clause is not the day of the clause that qualifies its place
    text = ("قصفت قوات النظام اليوم الخميس بلدة كفرنبل التي سيطرت عليها الفصائل في "
            "12 شباط 2020.")
    found = extract(text, published="2021-07-29").events
    assert sorted((e.kind, e.start) for e in found) == [
        ("capture", "2020-02-12"), ("shelling", "2021-07-29")], found
