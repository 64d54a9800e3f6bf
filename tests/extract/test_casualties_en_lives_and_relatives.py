"""English tolls told by a participle of "claim the lives of" and parts told in a
relative clause ("16 of whom died") after a toll whose outcome word stands far back."""

from __future__ import annotations

import pytest


def tolls(extraction) -> list[tuple[int, str]]:
    return [(c.count, c.outcome) for c in extraction.casualty_claims]


@pytest.mark.parametrize(("text", "expected"), [
    ("A rocket hit a school in Jableh, claiming the lives of four pupils.", [(4, "killed")]),
    ("The car bomb went off near the market, claiming the life of a child.", [(1, "killed")]),
    ("Shells fell on the camp, taking the lives of 7 people.", [(7, "killed")]),
])
def test_a_participle_that_takes_lives(extract, text, expected):
    assert tolls(extract(text, language="en")) == expected
