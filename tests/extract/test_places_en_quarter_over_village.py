"""English: a name of several words before a head noun whose last words alone spell a village
of the gazetteer ("the Tariq al-Sad neighborhood": Sad is a village) is the quarter so named,
not that village; a gazetteer name that is the whole name stays the gazetteer's. Sentences
written for these tests."""

from .test_control import claims


def test_a_quarter_whose_last_words_spell_a_village_is_the_quarter(extract):
    found = extract("Government forces deployed in the Tariq al-Sad neighborhood in Daraa on Monday.",
                    language="en")
    labels = [p.labels.get("en") for p in found.places]
    assert "Tariq al-Sad" in labels and "Sad" not in labels
    assert claims(extract, "Government forces deployed in the Tariq al-Sad neighborhood in Daraa on Monday.",
                  language="en") == [("syrian-government-forces", "entered", "Tariq al-Sad", "asserted")]


def test_a_whole_gazetteer_name_before_its_head_stays_the_gazetteer_place(extract):
    found = extract("The army entered the Sheikh Maqsoud neighbourhood of Aleppo.", language="en")
    assert "Ash-Sheikh Maqsoud" in [p.labels.get("en") for p in found.places]
