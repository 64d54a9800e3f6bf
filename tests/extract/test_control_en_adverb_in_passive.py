"""English: an adverb after "been" in a passive of taking ("had been completely liberated",
"has been fully retaken") leaves it the passive it is, as after the first auxiliary ("had
fully been"). Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize(("text", "party"), [
    ("Local officials said Tafas had been completely liberated. Fighting went on in Daraa province.", None),
    ("Tafas has been fully retaken on Friday. Fighting went on in Daraa province.", None),
])
def test_an_adverb_after_been_keeps_the_passive(extract, text, party):
    assert claims(extract, text, language="en") == [(party, "captured", "Tafas", "asserted")]
