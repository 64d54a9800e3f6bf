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


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("وأعلنت الفصائل أسر 12 عنصراً من حزب الله ومقتل آخرين في كمين قرب العتيبة.", "ar",
     [(12, "captured")]),
    ("قتل 5 عناصر من قوات النظام وأسر 3 آخرون في الهجوم.", "ar", [(5, "killed"), (3, "captured")]),
    ("Rebels captured 30 soldiers and killed 12 others near the dam.", "en",
     [(30, "captured"), (12, "killed")]),
])
def test_a_count_taken_prisoner_is_captured_not_killed(extract, text, language, expected):
    claims = extract(text, language=language).casualty_claims
    assert [(c.count, c.outcome) for c in claims] == expected
