"""English: "re-entered X" (as wires write a party's return into a place it had left) is an
entry into X, as "entered X" is. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "Islamic State fighters re-entered Palmyra on Saturday.",
    "Islamic State fighters have re-entered the ancient city of Palmyra, a monitor said.",
    "Islamic State fighters reentered Palmyra late on Saturday.",
])
def test_reentering_a_place_is_an_entry(extract, text):
    assert claims(extract, text, language="en") == [("islamic-state", "entered", "Tadmor", "asserted")]
