"""Events (English): a place a relative clause says a party has held since a time ("X, which
rebels have held since 2012") was taken then: a capture of that place alone, dated by it."""

from __future__ import annotations

import pytest


def _events(extract, text):
    found = extract(text, language="en", published="2020-01-29")
    labels = {p.key: p.labels.get("en") for p in found.places}
    return [(e.kind, e.start, [labels[k] for k in e.places]) for e in found.events]


@pytest.mark.parametrize(("text", "date"), [
    ("Saraqib, which opposition fighters had held since 2012, lies on the M5 highway.", "2012"),
    ("The road from Hama runs through Khan Sheikhoun, which rebels have held since last year.", "2019"),
])
def test_a_hold_since_a_time_is_a_capture_of_its_antecedent_then(extract, text, date):
    place = "Saraqab" if "Saraqib" in text else "Khan Shaykun"
    assert _events(extract, text) == [("capture", date, [place])]


def test_a_hold_since_a_time_with_no_place_before_its_pronoun_is_no_event(extract):
    assert _events(extract, "The positions that rebels have held since 2012 are on the M5 highway.") == []
