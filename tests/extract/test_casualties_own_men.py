"""Tolls of a party's own men, named with its pronoun ("4 من مقاتليها", "6 من جنوده")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "expected"), [
    ("وأعلنت وحدات حماية الشعب أن 4 من مقاتليها استشهدوا في هجوم على تل تمر.", [(4, "killed")]),
    ("ونعى لواء القدس 7 من عناصرهم سقطوا في معارك البادية.", [(7, "killed")]),
    ("وقال الجيش التركي إن 3 من جنوده أصيبوا بقذائف على قاعدة قرب الباب.", [(3, "wounded")]),
    ("وأقر التنظيم بمقتل 9 من أفراده في كمين بريف دير الزور.", [(9, "killed")]),
])
def test_a_party_s_own_men_with_its_pronoun(extract, text, expected):
    claims = extract(text).casualty_claims
    assert [(c.count, c.outcome) for c in claims] == expected
    assert all(c.victim_category == "fighters" for c in claims)
