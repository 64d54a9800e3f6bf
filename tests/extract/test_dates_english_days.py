"""English dates told by a part of a month ("mid-January"), a day of the month alone ("on
the 8th"), and the day before the one last named ("the previous day")."""

from __future__ import annotations

from datetime import date

import pytest

from conflictkg.extract.dates import find_dates

REPORT = date(2021, 7, 29)


def values(text: str) -> list[str]:
    return [d.value for d in find_dates(text, reference=REPORT)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The offensive stalled in mid-January.", ["2021-01"]),
    ("Shelling has gone on since mid-March.", ["2021-03"]),
    ("The town fell in late March, after a siege.", ["2021-03"]),
])
def test_a_part_of_a_month_joined_by_a_hyphen_names_the_month(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Troops entered Tafas on June 3. On the 8th, they stormed the old quarter.",
     ["2021-06-03", "2021-06-08"]),
    ("Rebels overran the checkpoint on the 12th, when the army pulled back.", ["2021-07-12"]),
    ("Rebels overran the checkpoint on the 30th.", ["2021-06-30"]),  # after the report's day
])
def test_a_day_of_the_month_alone_is_of_the_month_last_named(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "He commanded units on the 4th Division front.",
    "Rebels shelled positions on the 5th floor of the hospital.",
])
def test_an_ordinal_before_a_noun_is_no_day(text):
    assert values(text) == []


def test_the_previous_day_is_the_day_before_the_one_last_named():
    text = "Jets struck Ariha on May 4. Rebels had shelled the base the previous day."
    assert values(text) == ["2021-05-04", "2021-05-03"]


def test_the_previous_day_in_a_report_dates_its_event(extract):
    text = ("Government forces took the town of Saraqib on May 4. Rebels had shelled "
            "government positions in Saraqib the previous day.")
    found = extract(text, language="en", published="2021-07-29").events
    assert sorted(e.start for e in found) == ["2021-05-03", "2021-05-04"], found


def test_a_month_after_last_or_this_is_the_month_of_that_year():
    # "last August" in a report of January 2020: August 2019; "this May": May 2020
    found = [(d.value, d.span.text) for d in find_dates(
        "Troops took it last August and may push on this May.", reference=date(2020, 1, 28))]
    assert found == [("2019-08", "last August"), ("2020-05", "this May")]
