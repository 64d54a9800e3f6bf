"""Arabic: a verb of change whose object stands before its subject ("دخلت مدينة منبج قوات
النظام") is made by the party right after the object; sentences written for these tests."""

import pytest

from .test_control_agents import claims


@pytest.mark.parametrize(("text", "expected"), [
    ("دخلت بلدة مورك قوات النظام فجر اليوم.", ("syrian-government-forces", "entered", "Murak")),
    ("سيطرت على بلدة مورك قوات النظام بعد معارك.", ("syrian-government-forces", "captured", "Murak")),
])
def test_the_party_right_after_the_object_is_the_subject(extract, text, expected):
    assert claims(extract, text)[:1] == [expected]


def test_a_party_opening_a_clause_of_its_own_is_not_the_subject(extract):
    text = "دخلت بلدة مورك وفصائل المعارضة تنسحب منها."
    assert ("syrian-opposition-factions", "entered", "Murak") not in claims(extract, text)
