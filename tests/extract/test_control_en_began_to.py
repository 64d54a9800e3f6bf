"""English: a withdrawal under way ("began to withdraw from X", "started to pull out of X",
"began withdrawing overnight from X") is the party's withdrawal, as "began withdrawing from X"
is; "to capture" after a noun ("began an offensive to capture X") stays a purpose.
Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "Government troops began to withdraw from the town of Tafas on Monday.",
    "Government troops started to pull out of the town of Tafas on Monday.",
    "Government troops began withdrawing overnight from the town of Tafas.",
])
def test_a_withdrawal_begun_is_a_withdrawal(extract, text):
    assert claims(extract, text, language="en") == [
        ("syrian-government-forces", "withdrew", "Tafas", "asserted")]


def test_an_offensive_begun_to_capture_stays_a_purpose(extract):
    assert claims(extract, "Rebels began an offensive to capture the town of Tafas.",
                  language="en") == []
