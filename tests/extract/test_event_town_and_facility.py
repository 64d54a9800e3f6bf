"""Events: a town named by its own name before a facility it holds ("the town of X and
its dam") is taken too, each its own happening; a town named only as where the facility
lies, or as its landmark, is not."""

from __future__ import annotations

import pytest

THAWRA, DAM = "C5929", "tabqa-dam"


def captures(text: str, extract, language: str) -> list[list[str]]:
    found = extract(text, language=language, published="2021-07-29")
    return [e.places for e in found.events if e.kind == "capture"]


@pytest.mark.parametrize(("text", "language"), [
    ("سيطرت الفصائل صباح اليوم الخميس على مدينة الطبقة وسد الفرات.", "ar"),
    ("سيطرت الفصائل صباح اليوم الخميس على مدينة الثورة وسد الفرات بعد معارك عنيفة.", "ar"),
    ("Rebels seized the town of al-Tabqa and the Euphrates Dam on Thursday.", "en"),
])
def test_a_town_named_before_its_facility_is_taken_too(extract, text, language):
    taken = captures(text, extract, language)
    assert [THAWRA] in taken and [DAM] in taken, taken


@pytest.mark.parametrize(("text", "language"), [
    ("سيطرت الفصائل صباح اليوم الخميس على سد الفرات قرب مدينة الطبقة.", "ar"),
    ("Rebels seized the Euphrates Dam near the town of al-Tabqa on Thursday.", "en"),
])
def test_a_town_named_after_its_facility_is_not_taken(extract, text, language):
    taken = captures(text, extract, language)
    assert taken and all(THAWRA not in p for p in taken), taken
