"""Arabic: two common words of a withdrawal, "لاذ ... بالفرار" (fled, the subject between
the verb and its noun) and "انحاز"/"انحياز" (the opposition's word for pulling back); the
party that flees or pulls back leaves the place; sentences written for these tests."""

import pytest

from .test_control_agents import claims


@pytest.mark.parametrize(("text", "party", "place"), [
    ("لاذ عناصر تنظيم الدولة بالفرار من بلدة الراعي بعد هجوم واسع للفصائل.",
     "islamic-state", "Ar-Ra'ee"),
    ("ولاذت قوات النظام بالفرار من بلدة كفرنبودة تحت ضربات الفصائل.",
     "syrian-government-forces", "Kafr Nabutha"),
    ("قال قائد ميداني إن فصائل المعارضة انحازت من بلدة مورك بعد قصف جوي عنيف.",
     "syrian-opposition-factions", "Murak"),
    ("وأعلنت الفصائل انحيازها عن بلدة كفرنبودة حفاظاً على أرواح المقاتلين.",
     "syrian-opposition-factions", "Kafr Nabutha"),
])
def test_fleeing_and_pulling_back_are_withdrawals(extract, text, party, place):
    assert (party, "withdrew", place) in claims(extract, text)


@pytest.mark.parametrize("text", [
    "لاذ المدنيون بالفرار من بلدة كفرنبودة هرباً من القصف.",
    "انحازت الفصائل إلى جانب العشائر في ريف دير الزور.",
])
def test_people_fleeing_and_taking_sides_are_no_withdrawal(extract, text):
    assert [c for c in claims(extract, text) if c[1] == "withdrew"] == []


def test_fleeing_is_a_withdrawal_event(extract):
    x = extract("لاذ عناصر تنظيم الدولة بالفرار من بلدة الراعي صباح اليوم.", language="ar")
    assert any(e.kind == "withdrawal" for e in x.events)
