"""Control, Arabic: a place that comes under a party's control, the verb first ("وخضعت مدينة
الرقة لسيطرة التنظيم", "وتخضع منطقة X لسيطرة"), was taken by that party, as one that
"عادت إلى سيطرة" a party."""

from __future__ import annotations

SARAQIB = "C3916"


def claims(text: str, extract) -> list[tuple[str | None, str, str | None]]:
    return [(c.actor, c.change, c.place) for c in extract(text, published="2015-06-01").control_claims]


def test_a_town_come_under_a_party_verb_first_was_taken_by_it(extract):
    found = claims("وخضعت مدينة سراقب لسيطرة جبهة النصرة أمس الأحد.", extract)
    assert [(a, c) for a, c, p in found if p == SARAQIB] == [("jabhat-al-nusra", "captured")], found


def test_a_town_under_a_party_in_the_present_verb_first(extract):
    found = claims("وتخضع مدينة سراقب لسيطرة جبهة النصرة منذ أشهر.", extract)
    assert any(c == "captured" and p == SARAQIB for _, c, p in found), found
