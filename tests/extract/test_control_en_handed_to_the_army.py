"""English: a place handed over or surrendered "to the army", "to government troops" (an army
noun, no party's name) is taken by the state's forces. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "Rebels surrendered Jasim to the army under a deal.",
    "Rebels handed over Jasim to government troops on Sunday.",
])
def test_handed_to_an_army_noun(extract, text):
    assert claims(extract, text, language="en") == [
        ("syrian-opposition-factions", "lost", "Jasim", "asserted"),
        ("syrian-government-forces", "captured", "Jasim", "asserted")]


def test_handed_to_a_named_party(extract):
    assert claims(extract, "The SDF handed over Manbij to government forces.", language="en") == [
        ("sdf", "lost", "Menbij", "asserted"),
        ("syrian-government-forces", "captured", "Menbij", "asserted")]
