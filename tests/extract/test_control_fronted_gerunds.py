"""English gerund clauses that open a sentence ("After capturing X, the SDF ...", "Having
seized X, the army ..."): the change is the main clause's subject's, named right after the
comma that closes the clause."""

import pytest


@pytest.mark.parametrize(("text", "claim"), [
    ("After capturing the town of Tabqa, the SDF advanced towards Raqqa.", ("sdf", "captured", "Al-Thawrah")),
    ("Upon retaking the town of Saraqib, rebels shelled government positions.",
     ("syrian-opposition-factions", "captured", "Saraqab")),
    ("After capturing the town of Tabqa on Monday, SDF fighters moved south.", ("sdf", "captured", "Al-Thawrah")),
    ("Having seized the town of Maskanah, the army pushed east.",
     ("syrian-government-forces", "captured", "Maskana")),
])
def test_a_fronted_gerund_is_the_main_subject_s_change(english_claims, text, claim):
    assert claim in english_claims(text)


def test_a_gerund_after_the_main_clause_keeps_its_subject(english_claims):
    text = "Rebels attacked Hama after capturing the town of Saraqib."
    assert ("syrian-opposition-factions", "captured", "Saraqab") in english_claims(text)
