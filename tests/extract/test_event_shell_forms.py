"""Events: shells and strikes named with the article or a preposition ("بالقذائف الصاروخية",
"جراء سقوط القذائف", "الغارة الجوية") tell shelling and an airstrike, as "قذائف" and "غارة" do."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "قتل مدني صباح اليوم جراء استهداف حي الميدان بالقذائف الصاروخية.",
    "أصيب ثلاثة أطفال صباح اليوم جراء سقوط القذائف على حي الميدان.",
    "استهدفت الفصائل صباح اليوم حي الميدان بقذائف الهاون.",
    "أصيب طفل صباح اليوم بسقوط قذيفة على حي الميدان.",
])
def test_shells_with_the_article_or_a_preposition_are_shelling(extract, text):
    found = extract(text, published="2020-01-20").events
    assert [(e.kind, e.start) for e in found] == [("shelling", "2020-01-20")]


@pytest.mark.parametrize("text", [
    "قتل مدني صباح اليوم جراء الغارة الجوية على حي الميدان في دمشق.",
    "قتل مدني صباح اليوم في الغارة على حي الميدان في دمشق.",
])
def test_a_strike_named_with_the_article_is_an_airstrike(extract, text):
    found = extract(text, published="2020-01-20").events
    assert [(e.kind, e.start) for e in found] == [("airstrike", "2020-01-20")]
