"""Arabic: a place that undergoes a siege, its name right after a verb of undergoing and
before "لحصار" ("وتخضع مدينة مضايا لحصار خانق من قبل قوات النظام", "تعرضت بلدة X لحصار
فرضته الفصائل"), is besieged by the party named after; sentences written for these tests."""

import pytest

from .test_control_agents import claims


@pytest.mark.parametrize(("text", "party", "place"), [
    ("وتخضع مدينة مضايا لحصار خانق من قبل قوات النظام منذ أشهر.",
     "syrian-government-forces", "Madaya"),
    ("تخضع مدينة داريا لحصار قوات النظام منذ عام 2012.", "syrian-government-forces", "Darayya"),
    ("تعرضت بلدة كفرنبودة لحصار فرضته قوات النظام قبل أن تقتحمها.",
     "syrian-government-forces", "Kafr Nabutha"),
])
def test_a_place_undergoing_a_siege_is_besieged_by_the_party_after(extract, text, party, place):
    assert (party, "besieged", place) in claims(extract, text)


@pytest.mark.parametrize("text", [
    "تعرضت مدينة سراقب لقصف عنيف من قبل قوات النظام.",  # shelled, not besieged
    "تخضع مدينة إدلب لسيطرة هيئة تحرير الشام.",  # held, not besieged
])
def test_other_things_undergone_are_no_siege(extract, text):
    assert not [c for c in claims(extract, text) if c[1] == "besieged"]


def test_a_place_gone_back_to_a_party_is_still_taken(extract):
    found = claims(extract, "وعادت بلدة كفرنبل إلى سيطرة قوات النظام.")
    assert ("syrian-government-forces", "captured", "Kafr Nobol") in found
