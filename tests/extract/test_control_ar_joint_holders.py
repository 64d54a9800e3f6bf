"""Arabic: one place told to be held by two parties joined by "و" ("تحت سيطرة قوات النظام
وحزب الله") is held by each; places listed under two parties may be shared out between them,
so no party is split off; sentences written for these tests."""

import pytest

from .test_control_agents import claims


@pytest.mark.parametrize(("text", "place"), [
    ("تقع بلدة مورك تحت سيطرة قوات النظام وحزب الله منذ عام 2019.", "Murak"),
    ("وقصفت المدفعية قرية أم الحوش، الواقعة تحت سيطرة قوات النظام وقوات سوريا الديمقراطية.",
     "Umm al-Hosh"),
])
def test_one_place_under_two_parties_is_held_by_each(extract, text, place):
    found = claims(extract, text)
    assert ("syrian-government-forces", "captured", place) in found
    assert any(actor in ("hezbollah", "sdf") and change == "captured" and where == place
               for actor, change, where in found)


@pytest.mark.parametrize(("text", "party"), [
    ("باتت بلدة مورك تحت سيطرة هيئة تحرير الشام بعد معارك عنيفة.", "hts"),
    ("سقطت بلدة مورك بيد فصائل المعارضة وسيطرت على تلالها.", "syrian-opposition-factions"),
])
def test_one_party_is_one_holder(extract, text, party):
    assert {c[0] for c in claims(extract, text) if c[2] == "Murak"} == {party}


def test_places_listed_under_two_parties_are_not_split(extract):
    text = "قصفت الطائرات بلدتي مورك وكفرنبل، وهما خاضعتان لسيطرة فصائل المعارضة وهيئة تحرير الشام."
    assert {c[0] for c in claims(extract, text) if c[1] == "captured"} <= {"syrian-opposition-factions"}
