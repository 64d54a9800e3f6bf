"""Events: what happened between two places ("بين بلدتي A وB") is one happening, at both."""

from __future__ import annotations


def test_a_strike_between_two_towns_is_one_event_at_both(extract):
    text = "استهدفت غارة جوية صباح اليوم سيارة عسكرية على الطريق الواصل بين بلدتي البارة وبليون."
    (event,) = extract(text, published="2020-03-01").events
    assert event.kind == "airstrike"
    assert set(event.places) == {"C4304", "C4302"}


def test_a_checkpoint_taken_between_two_towns_is_one_taking(extract):
    text = "سيطرت الفصائل صباح اليوم على حاجز يقع بين بلدتي المزيريب واليادودة."
    found = extract(text, published="2021-07-29").events
    assert [e.kind for e in found] == ["capture"]


def test_english_shelling_between_two_towns_is_one_event(extract):
    text = "Regime forces shelled the road between Saraqeb and Sarmin on Thursday."
    (event,) = extract(text, language="en", published="2020-02-28").events
    assert event.kind == "shelling" and len(event.places) == 2


def test_two_towns_shelled_are_still_two_events(extract):
    text = "قصفت قوات النظام صباح اليوم بلدتي البارة وبليون."
    found = extract(text, published="2020-03-01").events
    assert len(found) == 2 and all(len(e.places) == 1 for e in found)
