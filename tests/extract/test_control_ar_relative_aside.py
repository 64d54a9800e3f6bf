"""Arabic: a relative clause set between commas after the subject ("قوات النظام، التي
تدعمها روسيا، سيطرت على X") ends before the change, which is the main clause's and has
that subject; a change inside a relative clause still describes the place before it;
sentences written for these tests."""

import pytest

from .test_control_agents import claims


@pytest.mark.parametrize(("text", "party", "change", "place"), [
    ("وقال المرصد إن قوات النظام، التي تدعمها روسيا، سيطرت على بلدة كفرنبودة.",
     "syrian-government-forces", "captured", "Kafr Nabutha"),
    ("قوات سوريا الديمقراطية، التي يقودها الأكراد، دخلت بلدة الشدادي فجر اليوم.",
     "sdf", "entered", "Shaddadah"),
    ("وأضاف المصدر أن فصائل المعارضة، التي شنت هجوماً معاكساً، انسحبت من بلدة مورك.",
     "syrian-opposition-factions", "withdrew", "Murak"),
])
def test_a_change_after_a_closed_relative_aside_is_the_main_clause(extract, text, party, change, place):
    assert (party, change, place) in claims(extract, text)


@pytest.mark.parametrize(("text", "party", "change", "place"), [
    # the change inside the relative clause describes the town before it
    ("قصفت الطائرات بلدة خان العسل غرب حلب، التي خسرتها قوات النظام الشهر الماضي.",
     "syrian-government-forces", "lost", "Khan Al-Asal"),
    # an aside before a change whose pronoun object takes the town up again
    ("بلدة كفرنبودة، التي تقع شمال حماة، سيطرت عليها قوات النظام أمس.",
     "syrian-government-forces", "captured", "Kafr Nabutha"),
])
def test_a_change_in_or_after_a_place_aside_keeps_its_place(extract, text, party, change, place):
    assert (party, change, place) in claims(extract, text)
