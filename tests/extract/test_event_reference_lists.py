"""Events: a place after a reference word ("شمال حلب") is no place of the event, nor is
what is listed after it; a comma ends that list, and what follows is taken again."""

from __future__ import annotations

ALEPPO, TALL_REFAAT = "C1007", "C1621"
KAFR_NAYA, TANNAB, DEIR_JAMAL, KASHTAAR = "C1626", "C1619", "C1620", "C1625"


def test_items_after_a_comma_that_follows_a_reference_are_taken(extract):
    text = ("سيطرت الفصائل يوم الأحد على قريتي كفرنايا وتنب شمال حلب، ودير جمال وكشتعار "
            "غربي تل رفعت.")
    found = extract(text, language="ar", published="2022-11-20")
    taken = [e.places for e in found.events if e.kind == "capture"]
    assert taken == [[KAFR_NAYA], [TANNAB], [DEIR_JAMAL], [KASHTAAR]], found.events
    assert all(ALEPPO not in p and TALL_REFAAT not in p for p in taken)


def test_items_listed_after_a_reference_are_pointed_at(extract):
    text = "انسحبت الفصائل يوم الأحد من بلدة كفرنايا باتجاه بلدتي تنب ودير جمال."
    found = extract(text, language="ar", published="2022-11-20")
    left = [e.places for e in found.events if e.kind == "withdrawal"]
    assert left == [[KAFR_NAYA]], found.events
