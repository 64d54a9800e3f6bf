"""English: "sent troops into X" is an entry by the sender's forces (not "sent reinforcements to
X", nor a threat to send them). Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Turkey sent troops into Afrin on Sunday.", ("turkey", "entered", "Afrin", "asserted")),
    ("The IDF said on Sunday that it had sent troops into Quneitra.", ("israel", "entered", "Quneitra", "asserted")),
])
def test_troops_sent_into_a_place_enter_it(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


@pytest.mark.parametrize("text", [
    "The army sent reinforcements to Saraqeb on Monday.",
    "Turkey threatened to send troops into Manbij.",
])
def test_reinforcements_sent_to_a_place_or_a_threat_claim_nothing(extract, text):
    assert claims(extract, text, language="en") == []
