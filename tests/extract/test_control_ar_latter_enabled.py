"""Arabic: "the latter" as the subject of a verb of being able or made to ("وتمكنت الأخيرة
من السيطرة على", "ما اضطر الأخيرة إلى الانسحاب من") stands for the last party named, with
the enabler's preposition between it and the change; sentences written for these tests."""

import pytest

from .test_control_agents import claims


@pytest.mark.parametrize(("text", "party", "change", "place"), [
    ("هاجمت فصائل المعارضة مواقع قوات النظام في ريف حماة، وتمكنت الأخيرة من استعادة "
     "بلدة كفرنبودة مساء اليوم.", "syrian-government-forces", "captured", "Kafr Nabutha"),
    ("شن تنظيم الدولة هجوماً على نقاط قوات سوريا الديمقراطية، ونجحت الأخيرة في السيطرة "
     "على بلدة الشدادي.", "sdf", "captured", "Shaddadah"),
    ("قصفت فصائل المعارضة تجمعات قوات النظام في بلدة مورك، ما اضطر الأخيرة إلى الانسحاب "
     "من البلدة.", "syrian-government-forces", "withdrew", "Murak"),
    ("طوقت فصائل المعارضة مواقع قوات النظام في بلدة مورك، وأجبرت الأخيرة على الانسحاب "
     "منها.", "syrian-government-forces", "withdrew", "Murak"),
])
def test_the_latter_after_an_enabler_is_the_last_party_named(extract, text, party, change, place):
    assert (party, change, place) in claims(extract, text)


@pytest.mark.parametrize(("text", "party", "place"), [
    # the latter right before its verb stays as it was read
    ("هاجمت فصائل المعارضة مواقع قوات النظام في ريف حماة، وسيطرت الأخيرة على بلدة كفرنبودة.",
     "syrian-government-forces", "Kafr Nabutha"),
    # an enabler whose subject is a party by name keeps that party
    ("هاجمت فصائل المعارضة مواقع قوات النظام في ريف حماة، وتمكنت الفصائل من السيطرة على "
     "بلدة كفرنبودة.", "syrian-opposition-factions", "Kafr Nabutha"),
])
def test_other_subjects_of_an_enabler_stay(extract, text, party, place):
    assert (party, "captured", place) in claims(extract, text)
