"""English: a party named as the complement of a noun in the subject ("HTS and its allies in
the SNA", "the rest of the factions") is not the party that makes the change, the party it
belongs to is; a siege told as a state with no agent is laid by the party named before it in
its sentence; sentences written for these tests."""

import pytest

from .test_control_subjects import claims


@pytest.mark.parametrize(("text", "expected"), [
    ("HTS and its allies in the SNA seized the town of Saraqib on Tuesday.",
     ("hts", "captured", "Saraqab")),
    ("HTS and its allies in the SNA, the Hamza Division and the Sultan Suleiman Shah Division, "
     "seized the town of Saraqib.", ("hts", "captured", "Saraqab")),
    ("The army entered the town a day after HTS and the rest of the factions withdrew from Saraqib.",
     ("hts", "withdrew", "Saraqab")),
])
def test_a_party_complement_of_a_noun_is_not_the_subject(extract, text, expected):
    assert claims(extract, text, "en")[-1] == expected


def test_a_party_alone_after_of_is_still_the_subject(extract):
    assert claims(extract, "Fighters of the SNA seized the town of Saraqib.", "en") == [
        ("syrian-national-army", "captured", "Saraqab")]


def test_a_siege_told_as_a_state_is_laid_by_the_party_named_in_its_sentence(extract):
    text = ("Rebels withdrew from Saraqib on Monday. With this advance, the regime forces have sealed "
            "off the northern countryside of Hama, where the towns of Kafr Zita and Morek are now surrounded.")
    found = claims(extract, text, "en")
    assert ("syrian-government-forces", "besieged", "Kafr Zeita") in found
    assert all(actor == "syrian-government-forces" for actor, change, _ in found if change == "besieged")
