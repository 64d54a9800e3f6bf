"""English: a verbal noun an unqualified noun of the army announces right after its verb ("The
army announced the capture of X", "Syrian troops on Monday confirmed the recapture of X") is
the state forces' change; not one it denies. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "place"), [
    ("The army announced the capture of Hajin on Saturday.", "Hajin"),
    ("Syrian troops on Monday confirmed the recapture of Kafr Nabudah.", "Kafr Nabutha"),
])
def test_a_verbal_noun_the_army_announces_is_its_change(extract, text, place):
    assert claims(extract, text, language="en") == [("syrian-government-forces", "captured", place, "asserted")]


def test_a_verbal_noun_the_army_denies_is_not_its_capture(extract):
    assert ("syrian-government-forces", "captured", "Hajin", "asserted") not in claims(
        extract, "The army denied the capture of Hajin.", language="en")
