"""English: what a party asks for ("Turkey demanded that the SDF withdraw from X", "the deal
stipulates that rebels leave X"), a condition opened by "should", an aim ("aims at
recapturing X", "wants the SDF to leave X") and an ability denied ("have not been able to
retake X") tell no change; an assertion after "that" still does. Sentences written for these
tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "Turkey demanded that the SDF withdraw from Manbij.",
    "The deal stipulates that the SDF withdraw from Manbij.",
    "Should IS capture Saraqib, the road would be cut.",
    "The army aims at recapturing Saraqib.",
    "Rebels have not been able to retake Saraqib.",
])
def test_no_change_told(extract, text):
    assert claims(extract, text, language="en") == []


def test_an_assertion_after_that(extract):
    assert claims(extract, "Rebels said that the army entered Saraqib.", language="en") == [
        ("syrian-government-forces", "entered", "Saraqab", "asserted")]
