"""Events: a capture dated by when a hold began in a part of a month ("had been under the
control of the army since early March, when its troops entered the town") happened in
those days, not on a later day of that month the report tells."""

from __future__ import annotations

import pytest

from conflictkg.extract.dates import month_part_days


@pytest.mark.parametrize(("word", "value", "expected"), [
    ("early", "2022-03", ("2022-03-01", "2022-03-10")),
    ("mid", "2022-03", ("2022-03-11", "2022-03-20")),
    ("late", "2022-02", ("2022-02-21", "2022-02-28")),
    ("مطلع", "2022-03", ("2022-03-01", "2022-03-10")),
    ("أواخر", "2024-02", ("2024-02-21", "2024-02-29")),
    ("in", "2022-03", None),
])
def test_a_part_word_names_days_of_the_month(word, value, expected):
    assert month_part_days(word, value) == expected


def test_a_hold_begun_early_in_the_month_is_a_capture_of_its_own(extract):
    text = ("Rebels on Thursday retook the town of Talbiseh from the army.\n\n"
            "Talbiseh had been under the control of the army since early March, when its "
            "troops entered the town after weeks of shelling.")
    found = extract(text, language="en", published="2022-03-24").events
    assert [(e.kind, e.start, e.end) for e in found if e.kind == "capture"] == [
        ("capture", "2022-03-24", None), ("capture", "2022-03-01", "2022-03-10")]


def test_a_month_without_a_part_word_still_names_the_month(extract):
    text = ("Rebels on Thursday retook the town of Talbiseh from the army.\n\n"
            "Talbiseh had been under the control of the army since March, when its "
            "troops entered the town after weeks of shelling.")
    found = extract(text, language="en", published="2022-03-24").events
    assert [(e.kind, e.start) for e in found if e.kind == "capture"] == [("capture", "2022-03-24")]
