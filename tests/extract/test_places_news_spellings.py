"""Places: the spellings the English-language press gives villages and bases of western
Aleppo ("Orem al-Soghra", the "Brigade 46" base) name the gazetteer's places."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "key"), [
    ("Rebels took control of Orem al-Soghra on Wednesday.", "C1027"),
    ("Rebels took control of Urum al-Kubra on Wednesday.", "C1029"),
    ("Rebels took control of the \"Brigade 46\" base on Wednesday.", "regiment-46"),
    ("Rebels took control of the Regiment 46 base on Wednesday.", "regiment-46"),
])
def test_a_news_spelling_names_the_place(extract, text, key):
    found = extract(text, language="en", published="2024-11-28")
    assert [(e.kind, e.places) for e in found.events] == [("capture", [key])]
