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


@pytest.mark.parametrize(("text", "expected"), [
    ("The monitor recorded the deaths of 25 detainees under torture in regime prisons, "
     "19 of whom died in Saydnaya.", [(25, 19)]),
    ("The group documented the killing of 40 people in air raids on Idlib province, "
     "11 of whom were women.", [(40, 11)]),
])
def test_a_part_in_a_relative_clause_after_a_distant_toll(extract, text, expected):
    claims = extract(text, language="en").casualty_claims
    by_key = {c.key: c.count for c in claims}
    assert [(by_key[c.part_of], c.count) for c in claims if c.part_of] == expected


def test_of_them_after_what_is_not_a_toll(extract):
    text = "Rebels seized 30 villages in the offensive, 12 of them in the Hama countryside."
    assert tolls(extract(text, language="en")) == []


@pytest.mark.parametrize(("text", "expected"), [
    ('"We lost three comrades near the bridge this morning," the commander said.', [(3, "killed")]),
    ("The regime lost 40 soldiers and 3 tanks in the battle for the hill.", [(40, "killed")]),
    # what a party loses that is not people is no toll
    ("The rebels lost 12 villages and 3 positions in a week.", []),
    # contact lost with men is their being missing, not their death
    ("The army said it lost contact with 4 soldiers near the dam.", [(4, "missing")]),
    ("The rebels said they had lost touch with 12 fighters after the raid.", [(12, "missing")]),
])
def test_a_party_s_own_dead_it_lost(extract, text, expected):
    assert tolls(extract(text, language="en")) == expected
