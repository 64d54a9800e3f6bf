"""English: an army noun before an aside between commas ("The army, backed by Russian jets,
seized X", "The army, which has been advancing for weeks, seized X") is the subject of the
verb after the aside, and names the state's forces."""

import pytest


@pytest.mark.parametrize("text", [
    "The army, backed by Russian jets, seized the town of Maskanah on Monday.",
    "The army, which has been advancing for weeks, seized the town of Maskanah.",
])
def test_an_army_noun_before_an_aside_is_the_subject(english_claims, text):
    assert english_claims(text) == [("syrian-government-forces", "captured", "Maskana")]

