"""A dated capture of a place no event holds is an event of its own."""

from __future__ import annotations

import pytest


def events_at(extraction) -> list[tuple[str, str | None, list[str]]]:
    names = {p.key: p.labels.get("en") for p in extraction.places}
    return [(e.kind, e.start, [names[k] for k in e.places]) for e in extraction.events]


@pytest.mark.parametrize(("text", "day"), [
    ("The fall of the city came a week after IS captured the town of Sukhnah on May 14.", "2015-05-14"),
    ("Rebels have controlled the town of Sukhnah since March.", "2015-03"),
])
def test_a_capture_told_in_passing_is_an_event_with_its_day(extract, text, day):
    """A capture the event readers leave (a clause of time, a state since a month) is still
    a happening with its day; its claim tells of the event made of it."""
    extraction = extract(text, language="en", published="2015-05-21")
    (claim,) = [c for c in extraction.control_claims if c.start == day]
    (event,) = [e for e in extraction.events if e.start == day]
    assert event.kind == "capture" and event.places == [claim.place]
    assert claim.event == event.key


def test_a_denied_change_tells_of_no_event(extract):
    text = "The army denied on Sunday that rebels had captured the town of Marea."
    extraction = extract(text, language="en", published="2016-11-02")
    assert [c.stance for c in extraction.control_claims] == ["denied"]
    assert extraction.events == [] or all(e.kind != "capture" for e in extraction.events)


def test_a_place_an_event_holds_gets_no_second_event(extract):
    text = "Government forces captured the town of Morek on Sunday after heavy clashes."
    extraction = extract(text, language="en", published="2019-08-25")
    assert len([e for e in extraction.events if e.start == "2019-08-25"]) == 1


def test_a_withdrawal_no_event_holds_makes_no_event(extract):
    text = "Rebels left Douma in ruins on Saturday."
    extraction = extract(text, language="en", published="2018-04-01")
    assert all(e.kind != "capture" for e in extraction.events)


def test_a_capture_on_a_day_of_its_own_is_an_event_beside_the_fighting_at_its_place(extract):
    """A relative clause dates the capture of a place whose fighting the sentence tells over
    a month: the capture is a happening of that day, the fighting stays."""
    text = ("وشهدت المنطقة منذ أيار الماضي معارك عنيفة، أبرزها في بلدة اللطامنة التي سيطرت "
            "عليها قوات النظام في الثامن من أيار.")
    extraction = extract(text, published="2019-08-10")
    kinds = sorted((e.kind, e.start) for e in extraction.events if "C3458" in e.places)
    assert ("capture", "2019-05-08") in kinds and len(kinds) == 2
