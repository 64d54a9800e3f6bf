"""Events: an assault joined to "ل" after a noun of attempt was tried, and is an attack; a
capture after one is still only an aim."""

from __future__ import annotations


def told(extraction) -> list[tuple[str, str | None]]:
    return [(e.kind, e.start) for e in extraction.events]


def test_an_assault_after_an_attempt_noun_is_an_attack(extract):
    text = ("بتاريخ 3 آذار/مارس، قتل ثمانية مقاتلين من الفصائل خلال محاولة فاشلة لاقتحام "
            "بلدة مورك في ريف حماة الشمالي.")
    found = extract(text, published="2019-03-05")
    assert told(found) == [("attack", "2019-03-03")]
    assert "C3029" in found.events[0].places


def test_an_assault_after_a_plural_attempt_noun_is_an_attack(extract):
    text = "بتاريخ 3 آذار/مارس، تكبدت الفصائل خسائر في محاولات متكررة لاقتحام بلدة مورك."
    assert told(extract(text, published="2019-03-05")) == [("attack", "2019-03-03")]


def test_a_capture_after_an_attempt_noun_is_an_aim(extract):
    text = "بتاريخ 3 آذار/مارس، حشدت الفصائل مقاتليها في محاولة لاستعادة السيطرة على بلدة مورك."
    assert [k for k, _ in told(extract(text, published="2019-03-05"))] == []


def test_an_assault_told_as_a_purpose_is_no_episode(extract):
    text = "بتاريخ 3 آذار/مارس، حشدت قوات النظام تعزيزات عسكرية لاقتحام بلدة مورك."
    assert told(extract(text, published="2019-03-05")) == []
