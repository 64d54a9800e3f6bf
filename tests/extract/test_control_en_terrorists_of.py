"""English: men of a party named by a state's words for them ("the terrorists of Jabhat
al-Nusra", "gunmen of HTS") are that party as a subject. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Terrorists of HTS withdrew from Saraqeb.", ("hts", "withdrew", "Saraqab", "asserted")),
    ("Gunmen of HTS withdrew from Saraqeb on Monday.", ("hts", "withdrew", "Saraqab", "asserted")),
])
def test_men_of_a_party(extract, text, claim):
    assert claims(extract, text, language="en") == [claim]
