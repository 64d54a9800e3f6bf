"""English: "gained a foothold in X" is an entry; "the eastern half of X", "half of the village
of X" are X taken, as "most of X" is. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Government forces gained a foothold in Saraqib on Monday.",
     ("syrian-government-forces", "entered", "Saraqab", "asserted")),
    ("Government forces seized the eastern half of Saraqib.",
     ("syrian-government-forces", "captured", "Saraqab", "asserted")),
    ("The SDF captured half of the village of Baghouz last week.",
     ("sdf", "captured", "Al Bagouz", "asserted")),
])
def test_foothold_and_half(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]
