"""English: "has fallen under the control of Y", "had fallen under rebel control" are one
capture by Y, not a second one by no party. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "Zabadani has fallen under the control of the opposition.",
    "Zabadani had fallen under rebel control by Friday.",
])
def test_fallen_under_control(extract, text):
    assert claims(extract, text, language="en") == [
        ("syrian-opposition-factions", "captured", "Az-Zabdani", "asserted")]
