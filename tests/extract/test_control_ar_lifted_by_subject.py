"""Arabic: a siege ended by a verb that opens its clause, its subject between them ("فكت
قوات النظام الحصار عن X"), is not a siege by that subject; sentences written for these
tests."""

import pytest

from .test_control_agents import claims


@pytest.mark.parametrize("text", [
    "فكت قوات النظام الحصار عن مطار كويرس العسكري.",
    "وكسرت فصائل المعارضة الحصار عن مدينة حلب.",
])
def test_the_party_that_ends_a_siege_does_not_besiege(extract, text):
    assert [c for c in claims(extract, text) if c[1] == "besieged"] == []


def test_the_other_side_named_before_besieged_it(extract):
    text = ("حاصر تنظيم داعش مطار كويرس العسكري منذ عامين. وفكت قوات النظام الحصار عن "
            "مطار كويرس العسكري.")
    assert [c for c in claims(extract, text) if c[1] == "besieged"] == [
        ("islamic-state", "besieged", "Kweires Military Airport")]


def test_a_siege_imposed_by_its_subject_is_still_one(extract):
    assert claims(extract, "شددت قوات النظام الحصار على بلدة مضايا.") == [
        ("syrian-government-forces", "besieged", "Madaya")]
