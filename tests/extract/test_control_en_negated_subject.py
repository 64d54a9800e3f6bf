"""English: in a denial told by a negated auxiliary ("Rebels said government forces had not
entered X"), the subject of the change is the party before the negation, not the one who
says so. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Rebels said government forces had not entered Saraqib.",
     ("syrian-government-forces", "entered", "Saraqab", "denied")),
    ("Rebels insisted IS fighters had never entered Saraqib.",
     ("islamic-state", "entered", "Saraqab", "denied")),
    ("Commanders said the army had not entered Saraqib.",
     ("syrian-government-forces", "entered", "Saraqab", "denied")),
])
def test_the_subject_before_the_negation(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]
