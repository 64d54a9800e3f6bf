"""English: a relative passive after a list with an auxiliary of one subject ("A and B, which
was taken from IS") is said of the last item alone; with "were", of all. Sentences written
for these tests."""

from .test_control import claims


def lost(extract, text):
    return [place for actor, change, place, _ in claims(extract, text, language="en") if change == "lost"]


def test_which_was_after_a_list(extract):
    assert lost(extract, "Rebels entered al-Rai and Dabiq, which was taken from IS in October.") == ["Dabeq"]


def test_which_were_after_a_list(extract):
    assert lost(extract, "Rebels entered al-Rai and Dabiq, which were taken from IS in October.") == [
        "Ar-Ra'ee", "Dabeq"]
