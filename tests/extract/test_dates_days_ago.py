"""English dates counted back from the report's day ("two days ago", "a week ago")."""

from __future__ import annotations

from datetime import date

import pytest

from conflictkg.extract.dates import find_dates

REPORT = date(2021, 7, 29)


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels shelled the base two days ago.", ["2021-07-27"]),
    ("The town fell three days ago, residents said.", ["2021-07-26"]),
    ("Jets struck Ariha a week ago.", ["2021-07-22"]),
])
def test_days_ago_count_back_from_the_report(text, expected):
    assert [d.value for d in find_dates(text, reference=REPORT)] == expected


def test_days_ago_date_the_event_they_tell(extract):
    found = extract("Rebels shelled Saraqib two days ago.", language="en", published="2021-07-29").events
    assert [e.start for e in found] == ["2021-07-27"]
