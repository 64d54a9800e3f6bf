"""English: a gerund after "after", "before", "while" ("The SDF attacked IS positions before
capturing X") has the subject of the main clause, not the last party named before it; a
relative pronoun after a noun's complement in an aside ("HTS, the alliance of Islamist factions
that took X") stands for the party the aside is said of; sentences written for these
tests."""

from .test_control_subjects import claims


def test_a_gerund_after_before_has_the_main_clauses_subject(extract):
    text = "The SDF shelled IS positions in the east on Monday before capturing the town of Tabqa."
    assert claims(extract, text, "en") == [("sdf", "captured", "Al-Thawrah")]


def test_a_gerund_after_after_has_the_main_clauses_subject_past_a_comma(extract):
    text = ("Regime forces broke the IS siege of the Kweires airbase, linking it with the "
            "city, after seizing the village of Jafra.")
    assert ("syrian-government-forces", "captured", "Al Jafra") in claims(extract, text, "en")


def test_a_relative_after_a_complement_in_an_aside_has_the_party_before_the_aside(extract):
    text = "Locals hailed HTS, the alliance of Islamist factions that took the town of Tadef on Monday."
    assert claims(extract, text, "en") == [("hts", "captured", "Tadaf")]
