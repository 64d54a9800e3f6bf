"""English: days counted back from the report in weeks ("three weeks ago", "a fortnight ago")
and forward or back from the day last named ("two weeks later") date what they tell. Sentences
written for these tests."""

import pytest


def starts(extract, text):
    return [e.start for e in extract(text, language="en", published="2020-02-05").events]


@pytest.mark.parametrize(("text", "start"), [
    ("Rebels captured Saraqib three weeks ago.", "2020-01-15"),
    ("Rebels captured Saraqib a fortnight ago.", "2020-01-22"),
    ("Rebels captured Saraqib six days ago.", "2020-01-30"),
])
def test_weeks_ago(extract, text, start):
    assert starts(extract, text) == [start]


def test_weeks_later(extract):
    text = "Rebels captured Saraqib on January 1. Government forces retook it two weeks later."
    assert starts(extract, text) == ["2020-01-01", "2020-01-15"]
