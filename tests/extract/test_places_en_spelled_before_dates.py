"""English: a name the gazetteer spells otherwise is read with a date right after it ("seized
Qaryatayn Thursday": the day is no word of the name) and after "recovered" or "wrested", verbs
of taking a place. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Rebels seized Qaryatayn Thursday after a night of clashes.",
     ("syrian-opposition-factions", "captured", "Qaryatein", "asserted")),
    ("IS fighters stormed the town of Qaryatayn Sunday.",
     ("islamic-state", "entered", "Qaryatein", "asserted")),
    ("Government forces recovered Qaryatayn in March.",
     ("syrian-government-forces", "captured", "Qaryatein", "asserted")),
])
def test_spelled_names_before_a_date_or_after_recovered(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


def test_wrested_from_a_party(extract):
    assert claims(extract, "Government forces wrested Qaryatayn from IS.", language="en") == [
        ("syrian-government-forces", "captured", "Qaryatein", "asserted"),
        ("islamic-state", "lost", "Qaryatein", "asserted")]
