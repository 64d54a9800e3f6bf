"""Events (English): a party put out of a place by force, told in the passive ("were driven
out of X", "were pushed out of X", "were ousted from X"), is a taking of that place on its
day, as "expelled from" already was; the control reader had the party's withdrawal, and
the event was missing."""

from __future__ import annotations

import pytest


def captures(extract, text: str) -> list[tuple[str | None, list[str]]]:
    found = extract(text, language="en", published="2016-10-23")
    return [(e.start, e.places) for e in found.events if e.kind == "capture"]


@pytest.mark.parametrize("verb", ["were driven out of", "were pushed out of", "were ousted from",
                                  "were expelled from"])
def test_a_party_put_out_of_a_town_is_a_taking_of_it(extract, verb: str) -> None:
    text = f"Islamic State militants {verb} Manbij on Tuesday, a monitor said."
    assert captures(extract, text) == [("2016-10-18", ["C1767"])]


def test_a_withdrawal_of_its_own_is_still_one(extract) -> None:
    found = extract("Islamic State militants withdrew from Manbij on Tuesday.", language="en",
                    published="2016-10-23")
    assert [(e.kind, e.start) for e in found.events] == [("withdrawal", "2016-10-18")]
