"""Events in English reports: dates written with words that are also other words, and
campaigns dated by the day they began."""

from __future__ import annotations

DOUMA, HOMS = "C2338", "C2528"


def found(extract, text: str, published: str = "2019-08-10") -> list[tuple[str, str | None, list[str]]]:
    return [(e.kind, e.start, e.places) for e in extract(text, language="en", published=published).events]


def test_the_month_of_may_is_no_hedge(extract):
    # "may" is a hedge ("rebels may attack"), but "on May 13" is a day
    assert ("shelling", "2019-05-13", [DOUMA]) in found(
        extract, "Government forces shelled Douma on May 13, the Observatory said.")


def test_a_hedged_action_is_still_no_event(extract):
    assert found(extract, "Rebels may attack Douma in the coming days, a commander said.") == []
