"""English: a siege frame with a party between its words ("under government siege", "under
an IS blockade") says that party besieges the place before it, as "under IS control" says
that party holds it."""

import pytest


@pytest.mark.parametrize(("text", "party", "place"), [
    ("Douma has been under government siege since 2013.", "syrian-government-forces", "Duma"),
    ("The eastern districts of Deir ez-Zor have been under an IS siege since 2015.", "islamic-state",
     "Deir-ez-Zor"),
    ("Saraqib, under regime blockade since June, is running out of food.", "syrian-government-forces", "Saraqab"),
])
def test_a_siege_frame_names_the_besieger(english_claims, text, party, place):
    assert english_claims(text) == [(party, "besieged", place)]


def test_a_control_frame_still_holds(english_claims):
    assert english_claims("Douma is under rebel control.") == [("syrian-opposition-factions", "captured", "Duma")]
