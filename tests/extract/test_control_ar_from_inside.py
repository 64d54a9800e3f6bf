"""Control, Arabic: a withdrawal "من داخل" a place ("انسحب المسلحون من داخل قرية X") left
that place, as one "من" it does."""

from __future__ import annotations

SARAQIB = "C3916"


def claims(text: str, extract) -> list[tuple[str | None, str, str | None]]:
    return [(c.actor, c.change, c.place) for c in extract(text, published="2020-02-06").control_claims]


def test_a_withdrawal_from_inside_a_town_left_it(extract):
    found = claims("انسحبت قوات النظام اليوم من داخل مدينة سراقب باتجاه الجنوب.", extract)
    assert ("syrian-government-forces", "withdrew", SARAQIB) in found, found


def test_a_withdrawal_from_inside_told_by_a_source_left_it(extract):
    found = claims("وقال مصدر عسكري إن المسلحين انسحبوا من داخل مدينة سراقب فجر اليوم.", extract)
    assert any(change == "withdrew" and place == SARAQIB for _, change, place in found), found
