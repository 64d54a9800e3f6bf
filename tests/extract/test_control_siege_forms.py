"""Forms of a siege the lexicon names: a ring laid around a place in the accusative ("فرضت
طوقاً محكماً على"), a place "blockaded" by a party; sentences written for these tests."""

from .test_control_subjects import claims


def test_a_ring_laid_on_a_place_is_a_siege(extract):
    text = "وكانت قوات النظام قد فرضت طوقاً محكماً على مدينة سراقب من ثلاث جهات."
    assert claims(extract, text) == [("syrian-government-forces", "besieged", "Saraqab")]


def test_a_place_blockaded_by_a_party_is_besieged(extract):
    assert claims(extract, "Rebels have blockaded the town of Saraqib since March.", "en") == [
        ("syrian-opposition-factions", "besieged", "Saraqab")]


def test_a_place_a_party_had_blockaded_in_a_relative_clause(extract):
    text = "The army broke the siege of Saraqib, which the Islamic State had blockaded for three years."
    assert ("islamic-state", "besieged", "Saraqab") in claims(extract, text, "en")
