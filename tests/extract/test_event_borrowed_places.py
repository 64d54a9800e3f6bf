"""Events: an action that names no place happened at the place named last before it in
its paragraph, never at one named only as a reference point ("شمال تل رفعت")."""

from __future__ import annotations

import pytest

KAFR_NAYA, TALL_REFAAT = "C1626", "C1621"


@pytest.mark.parametrize(("text", "language"), [
    ("سيطرت الفصائل يوم الاثنين على بلدة كفرنايا شمال تل رفعت. "
     "واندلعت اشتباكات عنيفة صباح اليوم الثلاثاء.", "ar"),
    ("Rebels seized the village of Kafr Naya north of Tall Refaat on Monday. "
     "Heavy clashes broke out on Tuesday.", "en"),
])
def test_a_reference_point_lends_no_place(extract, text, language):
    found = extract(text, language=language, published="2022-11-15")
    fought = [e.places for e in found.events if e.kind == "battle"]
    assert fought == [[KAFR_NAYA]], found.events
