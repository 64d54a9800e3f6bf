"""Control, Arabic: a thing taken that is no place, set a way off a place ("سيطرت على مواقع
شمال بلدة X"), lies off that place: no claim on it; one set in the place ("حواجز في
مدينة X") still claims the place."""

from __future__ import annotations

SARAQIB = "C3916"


def places(text: str, extract) -> list[str | None]:
    return [c.place for c in extract(text, published="2020-02-06").control_claims]


def test_positions_north_of_a_town_claim_nothing_on_it(extract):
    assert SARAQIB not in places("سيطرت قوات النظام اليوم على مواقع شمال مدينة سراقب.", extract)


def test_a_checkpoint_west_of_a_town_claims_nothing_on_it(extract):
    assert SARAQIB not in places("سيطرت الفصائل اليوم على نقاط غربي مدينة سراقب.", extract)


def test_positions_in_a_town_still_claim_it(extract):
    assert SARAQIB in places("سيطرت قوات النظام اليوم على مواقع في مدينة سراقب.", extract)
