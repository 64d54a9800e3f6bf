"""Arabic: a noun of vicinity with a pronoun joined to it as the object of an entry or a
withdrawal ("قبل أن تدخل أطرافها", "انسحبوا من محيطها") is the place the pronoun stands
for; sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "expected"), [
    ("وطوقت هيئة تحرير الشام بلدة كفرنبودة، قبل أن تدخل أطرافها الشمالية.",
     ("hts", "entered", "Kafr Nabutha", "asserted")),
    ("وحاصرت قوات النظام بلدة كفرنبودة، ثم دخلت مشارفها صباح اليوم.",
     ("syrian-government-forces", "entered", "Kafr Nabutha", "asserted")),
])
def test_the_vicinity_of_a_pronoun_is_the_place_it_stands_for(extract, text, expected):
    assert expected in claims(extract, text)


def test_a_vicinity_with_no_place_named_before_is_no_claim(extract):
    assert [c for c in claims(extract, "ودخلت هيئة تحرير الشام أطرافها الشمالية.") if c[1] == "entered"] == []
