"""English: a count of a party ("Hundreds of rebels left X", "Dozens of SDF fighters withdrew")
is the party; "their families" going with a party named before does not make the subject
civilians; those "evacuated from" or "bused out of" a place leave it (not civilians, who
are no party); a verbal noun an unqualified noun of the army owns ("the army's seizure of
X", "Syrian troops' capture of X") is the state forces' change. Sentences written for these
tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Hundreds of rebels left Barzeh in a bus convoy on Monday.",
     ("syrian-opposition-factions", "withdrew", "Burza", "asserted")),
    ("Hundreds of rebels and their families left Barzeh on Monday.",
     ("syrian-opposition-factions", "withdrew", "Burza", "asserted")),
    ("Dozens of SDF fighters withdrew from Tal Tamr on Monday.", ("sdf", "withdrew", "Tal Tamer", "asserted")),
    ("Hundreds of Jaish al-Islam fighters were evacuated from Douma on Sunday.",
     ("jaysh-al-islam", "withdrew", "Duma", "asserted")),
])
def test_counted_parties_and_the_evacuated_leave_the_place(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]


@pytest.mark.parametrize("text", [
    "Thousands of residents and their children fled Barzeh.",
    "Thousands of civilians were evacuated from Douma on Sunday.",
])
def test_people_evacuated_or_fleeing_are_no_party(extract, text):
    assert claims(extract, text, language="en") == []


@pytest.mark.parametrize(("text", "place"), [
    ("The army's seizure of Jobar followed months of shelling.", "Jowbar"),
    ("Syrian troops' capture of Douma came on Monday.", "Duma"),
])
def test_a_verbal_noun_the_army_owns_is_the_state_forces_change(extract, text, place):
    assert claims(extract, text, language="en") == [("syrian-government-forces", "captured", place, "asserted")]


def test_a_noun_the_army_owns_that_is_no_change_claims_nothing(extract):
    assert claims(extract, "Rebels attacked the army's positions near Jobar.", language="en") == []
