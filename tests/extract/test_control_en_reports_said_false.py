"""English: reports a party says are false ("The SDF said reports that IS had seized X were
false"), as those opening the sentence ("Reports that IS had seized X are false"): the reports'
claim stands, and the same claim is denied by whoever says so. Sentences written for these
tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "The SDF said reports that IS had seized Hajin were false.",
    "The SDF said that reports that IS had seized Hajin are false.",
])
def test_reports_said_to_be_false(extract, text):
    assert claims(extract, text, language="en") == [
        ("islamic-state", "captured", "Hajin", "asserted"),
        ("islamic-state", "captured", "Hajin", "denied")]
