"""English: a verbal noun of capture right after a denial ("The army denied the capture of X",
"denied reports of the fall of X") is a denied capture by a party not named, or by the party
after it ("denied the fall of X to rebels"), as in Arabic; a change told far after the denial
in another clause is not what it denies. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("The army denied the capture of Hajin.", (None, "captured", "Hajin", "denied")),
    ("The army denied reports of the fall of Hajin.", (None, "captured", "Hajin", "denied")),
    ("State media denied the fall of Hajin to rebels.", ("syrian-opposition-factions", "captured", "Hajin", "denied")),
])
def test_a_verbal_noun_right_after_a_denial_is_a_denied_capture(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


def test_a_verbal_noun_far_after_a_denial_is_not_denied(extract):
    text = "The army denied that it had shelled Hajin after the capture of Baghouz by the SDF."
    assert all(stance == "asserted" for *_, stance in claims(extract, text, language="en"))
