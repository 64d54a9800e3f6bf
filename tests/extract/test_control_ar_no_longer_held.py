"""Arabic: a place said no longer to be held by a party ("لم تعد بلدة X تحت سيطرة Y") was
lost by it, not taken; sentences written for these tests."""

import pytest

from .test_control_agents import claims


@pytest.mark.parametrize(("text", "expected"), [
    ("لم تعد بلدة مورك تحت سيطرة قوات النظام منذ يوم الأحد.",
     ("syrian-government-forces", "lost", "Murak")),
    ("ولم تعد بلدة مورك بيد فصائل المعارضة.", ("syrian-opposition-factions", "lost", "Murak")),
])
def test_a_place_no_longer_held_was_lost(extract, text, expected):
    assert claims(extract, text) == [expected]


def test_a_place_still_held_is_held(extract):
    assert claims(extract, "باتت بلدة مورك تحت سيطرة قوات النظام.") == [
        ("syrian-government-forces", "captured", "Murak")]
