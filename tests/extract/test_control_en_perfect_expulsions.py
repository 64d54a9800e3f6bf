"""English: the perfect passive of an expulsion ("has been pushed out of X", "had been driven
out of X", "have been expelled from X") is a withdrawal of its subject from X, as the simple
past passive is. Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "party"), [
    ("Rebels have been driven out of Tafas, a monitor said.", "syrian-opposition-factions"),
    ("The SDF said Islamic State had been pushed out of the village of Aqrab.", "islamic-state"),
    ("Government forces have been expelled from Tafas after a week of clashes.",
     "syrian-government-forces"),
    ("Local officials said the jihadists had been ousted from the town of Tafas.", "jihadist-factions"),
])
def test_perfect_passives_of_expulsion_are_withdrawals(extract, text, party):
    found = claims(extract, text, language="en")
    assert [(p, change) for p, change, _place, stance in found if stance == "asserted"] == [
        (party, "withdrew")]
