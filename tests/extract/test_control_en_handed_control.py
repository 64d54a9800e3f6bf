"""English: "handed (over) control of X to Y", "relinquished control of X to Y" is a handover:
the subject loses X and Y takes it, as "handed over X to Y" is; the noun of control after the
verb is no capture by the subject. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "The SDF handed control of Manbij to government forces on Friday.",
    "The SDF handed over control of Manbij to government forces on Friday.",
    "The SDF relinquished control of Manbij to government forces on Friday.",
])
def test_handing_control_of_a_place_is_a_handover(extract, text):
    assert sorted(claims(extract, text, language="en")) == [
        ("sdf", "lost", "Menbij", "asserted"),
        ("syrian-government-forces", "captured", "Menbij", "asserted")]
