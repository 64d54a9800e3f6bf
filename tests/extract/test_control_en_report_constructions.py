"""Constructions of English war reporting: who speaks for "we" when the speaker is of no party."""


def test_we_said_by_a_speaker_of_no_party_is_the_side_named_before(english_claims):
    text = ("Rebel fighters boarded buses in Homs on Thursday.\n\nNothing changed.\n\n"
            "\"We are pulling out of Bab Amr and Khalidiya,\" said an activist.")
    assert english_claims(text) == [
        ("syrian-opposition-factions", "withdrew", "Baba Amr"),
        ("syrian-opposition-factions", "withdrew", "Kalidiyeh")]
