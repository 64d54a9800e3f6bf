"""English: a withdrawal a party was made to do ("were forced to withdraw from X", "had to
pull out of X") is a withdrawal event on its day, where "demanded that ... withdraw" stays
none; and "hilltop" heads a site as "hill" does ("the strategic hilltop of Tal al-Eis")."""

from __future__ import annotations

import pytest


def events(extract, text: str) -> list[tuple[str, str | None]]:
    return [(e.kind, e.start) for e in extract(text, language="en", published="2016-10-23").events]


@pytest.mark.parametrize("verb", ["were forced to withdraw from", "had to pull out of",
                                  "were forced to retreat from"])
def test_a_withdrawal_a_party_was_made_to_do_is_an_event(extract, verb: str) -> None:
    assert events(extract, f"Government forces {verb} Kafr Nabuda on Tuesday.") \
        == [("withdrawal", "2016-10-18")]


def test_a_withdrawal_asked_for_is_none(extract) -> None:
    assert events(extract, "Turkey demanded that the SDF withdraw from Manbij on Tuesday.") == []


def test_a_hilltop_named_after_of_is_a_site_taken(extract) -> None:
    found = extract("Insurgents captured the strategic hilltop of Tal al-Eis on Tuesday.",
                    language="en", published="2016-10-23")
    assert [(c.change, c.place) for c in found.control_claims] == [("captured", "tal-al-eis")]
