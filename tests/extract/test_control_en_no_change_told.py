"""English: words that tell no one change of control: a place that "changed hands several
times" (no party and no direction; the development gold annotates none), and an agreement to
hand a place over (a plan, as "اتفاق يقضي بخروج" is). Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "Kafr Nabudah changed hands several times between rebels and government forces.",
    "Rebels agreed to hand over Rastan to government forces next week.",
])
def test_changing_hands_and_an_agreed_handover_claim_nothing(extract, text):
    assert claims(extract, text, language="en") == []
