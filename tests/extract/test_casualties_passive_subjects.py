"""English tolls whose verb is a passive after the count: the count is its subject."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    # a second clause's passive verb, past an apposition, is the second count's
    ("Three gunmen were killed and 11 others, among them a local commander, were wounded "
     "near Busra.", [(3, "killed"), (11, "wounded"), (1, "wounded")]),
    ("Five soldiers were killed and 14 others were wounded in the ambush.",
     [(5, "killed"), (14, "wounded")]),
    # the object of an active verb keeps it; the subject of the passive after takes that
    ("The blast killed 6 recruits and 2 civilians were hurt.",
     [(6, "killed"), (2, "wounded")]),
    ("Mortar fire killed at least 4 people in Jableh, while 9 children were injured.",
     [(4, "killed"), (9, "wounded")]),
    # an intransitive verb before "and" takes no object: the passive after is the count's
    ("Eight villagers died and 30 others were wounded when the shell hit the bakery.",
     [(8, "killed"), (30, "wounded")]),
])
def test_the_passive_after_a_count_is_its_verb(extract, text, expected):
    claims = extract(text, language="en").casualty_claims
    assert [(c.count, c.outcome) for c in claims] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Shelling on Ariha killed 11 civilians on Monday. Four of them were children.",
     [(11, "killed"), (4, "killed")]),
    ("Air strikes wounded 23 people in Maarat al-Numan. Nine of them were women.",
     [(23, "wounded"), (9, "wounded")]),
    # no toll told before: "of them" alone is nothing
    ("Dozens of families fled the town. Four of them were children's homes.", []),
])
def test_a_breakdown_in_the_next_sentence_has_the_toll_s_outcome(extract, text, expected):
    claims = extract(text, language="en").casualty_claims
    assert [(c.count, c.outcome) for c in claims] == expected
