"""Events: a place named only as the landmark of the place before it ("X near Y") is
not where the event happened; a place named only as near is."""

from __future__ import annotations

import pytest

MOREK = "C3029"


def event_places(extraction, kind: str) -> list[list[str]]:
    return [e.places for e in extraction.events if e.kind == kind]


@pytest.mark.parametrize(("text", "language"), [
    ("سيطرت فصائل المعارضة صباح اليوم الخميس على بلدة اللطامنة قرب مدينة مورك.", "ar"),
    ("سيطرت فصائل المعارضة صباح اليوم الخميس على بلدة اللطامنة بالقرب من مدينة مورك.", "ar"),
    ("Rebels seized the town of al-Latamneh near the town of Morek on Thursday.", "en"),
])
def test_a_place_near_the_place_taken_is_a_landmark(extract, text, language):
    found = extract(text, language=language, published="2021-07-29")
    assert MOREK in {p.key for p in found.places}  # read as a place, only not where it happened
    taken = event_places(found, "capture")
    assert taken and all(p and MOREK not in p for p in taken), taken


@pytest.mark.parametrize(("text", "language"), [
    ("قصفت الطائرات الحربية اليوم الخميس مواقع قرب مدينة مورك.", "ar"),
    ("Warplanes struck positions near the town of Morek on Thursday.", "en"),
])
def test_a_place_only_named_as_near_stays_where_it_happened(extract, text, language):
    found = extract(text, language=language, published="2021-07-29")
    assert MOREK in {k for e in found.events for k in e.places}, found.events
