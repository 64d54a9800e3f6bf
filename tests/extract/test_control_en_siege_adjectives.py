"""English: a siege with an article or an adjective ("under a government siege", "under a
tight siege by government forces", "under a siege imposed by the army") is one by the party
in it or after it; with no party named ("under a tight siege since June") it is no claim.
Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "Nawa has been under a government siege since June.",
    "Nawa has been under a tight siege by government forces since June.",
    "Nawa has been under a siege imposed by government forces since June.",
])
def test_a_siege_with_an_adjective(extract, text):
    assert claims(extract, text, language="en") == [
        ("syrian-government-forces", "besieged", "Nawa", "asserted")]


def test_a_siege_with_an_adjective_and_no_party(extract):
    assert claims(extract, "Nawa has been under a tight siege since June.", language="en") == []
