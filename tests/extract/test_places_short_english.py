"""Places: an English name of three folded letters ("Hass") is read only in a list
between two places ("Kafr Nabl, Hass and Kafr Sajna"); alone, or at a list's end, it may
be any word."""

from __future__ import annotations

import pytest

HASS = "C4058"


def keys(run, text: str) -> list[str]:
    return [m.key for m in run(text, language="en").place_mentions]


def test_a_short_name_between_two_places_of_a_list_is_a_place(run):
    text = ("\"The army units are in their positions in Kafr Nabl, Hass and Kafr Sajna,\" "
            "the source said.")
    assert HASS in keys(run, text)


@pytest.mark.parametrize("text", [
    "\"The army units are in their positions in Kafr Nabl and Hass,\" the source said.",
    "Hass told reporters that the army units were in Kafr Nabl and Kafr Sajna.",
])
def test_a_short_name_outside_such_a_list_is_no_place(run, text):
    assert HASS not in keys(run, text)
