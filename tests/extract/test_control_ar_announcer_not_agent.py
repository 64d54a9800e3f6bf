"""Arabic: a party named in full that says or announces a change ("قالت فصائل المعارضة إن
قوات النظام انسحبت") is not the agent of the change its clause tells; the noun of its name
("فصائل") is no collective standing for it; sentences written for these tests."""

import pytest

from .test_control_agents import claims


@pytest.mark.parametrize(("text", "expected"), [
    ("قالت فصائل المعارضة إن قوات النظام انسحبت من بلدة مورك.",
     ("syrian-government-forces", "withdrew", "Murak")),
    ("أعلنت فصائل المعارضة أن قوات النظام سيطرت على بلدة مورك بعد معارك عنيفة.",
     ("syrian-government-forces", "captured", "Murak")),
])
def test_the_subject_of_the_clause_said_is_the_agent(extract, text, expected):
    assert claims(extract, text) == [expected]


def test_a_bare_collective_still_stands_for_the_party_named_before(extract):
    text = ("قال ناطق باسم قوات سوريا الديمقراطية إن معارك دارت مع تنظيم داعش في الأحياء "
            "الشرقية، وسيطرت القوات على حي السرب.")
    assert claims(extract, text) == [("sdf", "captured", "Al Sarb")]


@pytest.mark.parametrize("text", [
    "أعلنت هيئة تحرير الشام أن عناصر تنظيم داعش انسحبوا من بلدة مورك.",
    "وذكرت هيئة تحرير الشام في بيان أن مقاتلي تنظيم داعش انسحبوا من بلدة مورك.",
])
def test_the_men_of_a_party_after_that_are_the_subject_of_the_clause(extract, text):
    assert claims(extract, text) == [("islamic-state", "withdrew", "Murak")]


def test_the_men_of_a_party_that_is_an_object_are_not_the_subject(extract):
    text = "هاجمت هيئة تحرير الشام عناصر تنظيم داعش ثم سيطرت على بلدة مورك."
    assert claims(extract, text) == [("hts", "captured", "Murak")]
