"""English: a bare noun of the army after a frame of holding ("came under the control of the
army", "fell into the hands of the army") is the state's forces, as after "by" or "fell to".
Sentences written for these tests."""

import pytest

from .test_control import claims


@pytest.mark.parametrize("text", [
    "Tafas came under the control of the army on Tuesday. Fighting went on in Daraa province.",
    "Tafas fell into the hands of the army on Tuesday. Fighting went on in Daraa province.",
])
def test_the_army_after_a_frame_of_holding_is_the_states_forces(extract, text):
    assert claims(extract, text, language="en") == [
        ("syrian-government-forces", "captured", "Tafas", "asserted")]
