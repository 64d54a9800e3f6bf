"""Arabic: a verbal noun of capture that a denial governs ("نفت المحافظة سقوط المدينة") is a
denied capture by a party not named: the denier, who stands before it, holds the place and
denies that another took it; those a relative clause names as telling it ("ما تداولته صفحات
الفصائل عن استعادة") stay its party; one denial of a place in a sentence is one claim;
sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "ونفت محافظة حماة في بيان سقوط مدينة محردة.",
    "ونفى مصدر عسكري الأنباء التي تحدثت عن سقوط مدينة محردة.",
    "ونفى المجلس العسكري التابع لقوات سوريا الديمقراطية سقوط مدينة محردة.",
])
def test_a_denied_fall_is_a_denied_capture_by_no_party_named(extract, text):
    assert claims(extract, text) == [(None, "captured", "Muhradah", "denied")]


def test_those_who_told_the_change_denied_stay_its_party(extract):
    text = "ونفى مصدر ميداني ما تداولته صفحات المعارضة عن استعادة مدينة محردة."
    assert claims(extract, text) == [("syrian-opposition-factions", "captured", "Muhradah", "denied")]


def test_a_denied_fall_with_its_taker_keeps_the_taker(extract):
    text = "ونفت محافظة حماة سقوط مدينة محردة بيد هيئة تحرير الشام."
    assert claims(extract, text) == [("hts", "captured", "Muhradah", "denied")]


def test_a_fall_told_of_no_party_and_not_denied_is_no_claim(extract):
    assert claims(extract, "وتحدثت الصحف عن سقوط مدينة محردة.") == []


def test_one_denial_of_a_place_is_one_claim(extract):
    text = "ونفت صحيفة الوطن سقوط مدينة محردة، مؤكدة أنها لا تزال بيد الجيش العربي السوري."
    denied = [c for c in claims(extract, text) if c[3] == "denied"]
    assert len(denied) == 1 and denied[0][2] == "Muhradah"


@pytest.mark.parametrize("text", [
    "The army denied that Saraqeb had fallen.",  # a spelling the gazetteer lacks, before "had fallen"
    "The army denied that Saraqeb in Idlib province had fallen.",  # the province only says where
])
def test_an_english_denied_fall_is_of_the_town_not_of_its_province(extract, text):
    assert claims(extract, text, language="en") == [(None, "captured", "Saraqab", "denied")]


def test_a_town_in_a_province_that_fell_to_a_party_is_the_town(extract):
    text = "Saraqeb in Idlib province fell to rebels on Monday."
    assert claims(extract, text, language="en") == [
        ("syrian-opposition-factions", "captured", "Saraqab", "asserted")]
