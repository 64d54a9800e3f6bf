"""Another name of a place in brackets right after it ("al-Tabqa (al-Thawra) and the dam")
does not break the list of places a passive or pronoun stands for; sentences written for
these tests."""

from .test_control_subjects import claims


def test_a_name_in_brackets_keeps_the_list_before_a_passive(extract):
    text = "The town of al-Tabqa (al-Thawra) and the nearby village of Binnish fell to rebel fighters in March."
    assert claims(extract, text, "en") == [
        ("syrian-opposition-factions", "captured", "Al-Thawrah"),
        ("syrian-opposition-factions", "captured", "Bennsh")]


def test_a_word_that_is_no_name_still_breaks_the_list(extract):
    text = "The town of al-Tabqa was shelled and the nearby village of Binnish fell to rebel fighters in March."
    assert claims(extract, text, "en") == [("syrian-opposition-factions", "captured", "Bennsh")]
