"""Arabic: a place a party withdrew from or gave up "لصالح" another ("انسحبت قسد من البلدة
لصالح قوات النظام") is taken by that other party; sentences written for these tests."""

import pytest

from .test_control_agents import claims


@pytest.mark.parametrize(("text", "left", "taker", "place"), [
    ("انسحبت قوات سوريا الديمقراطية من بلدة العريمة لصالح قوات النظام.",
     "sdf", "syrian-government-forces", "A'rima"),
    ("أخلت قوات النظام بلدة مورك صباح اليوم لصالح فصائل المعارضة.",
     "syrian-government-forces", "syrian-opposition-factions", "Murak"),
])
def test_the_party_a_place_is_left_to_takes_it(extract, text, left, taker, place):
    found = claims(extract, text)
    assert (left, "withdrew", place) in found
    assert (taker, "captured", place) in found


@pytest.mark.parametrize("text", [
    "انسحبت فصائل المعارضة من بلدة مورك إلى مناطق سيطرة هيئة تحرير الشام.",
    "انسحبت فصائل المعارضة من بلدة مورك، وقصفت قوات النظام بلدة كفرنبل.",
])
def test_a_withdrawal_with_no_party_it_was_left_to_gives_no_capture(extract, text):
    assert [c for c in claims(extract, text) if c[1] == "captured"] == []
