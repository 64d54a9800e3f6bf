"""Pronouns in a change of control: a pronoun of place after an expulsion ("بعد طرد قوات
النظام منها", "after driving IS out of it"), an English anaphor behind adjectives ("the
strategic northern town") and an English subject pronoun ("They took"), each standing for
what was named before; sentences written for these tests."""

import pytest

from .test_control_subjects import claims

# --- an expulsion whose place is a pronoun ---------------------------------------------------

@pytest.mark.parametrize(("text", "language", "place"), [
    ("فرضت الفصائل سيطرتها على بلدة تلمنس، بعد طرد قوات النظام منها.", "ar", "Telamnas"),
    ("تقدمت الفصائل إلى بلدة تلمنس فجر اليوم وطردت قوات النظام منها.", "ar", "Telamnas"),
    ("Rebels took Saraqib on Monday after driving government forces out of it.", "en", "Saraqab"),
    ("Rebels advanced on Saraqib and expelled government forces from it on Monday.", "en", "Saraqab"),
])
def test_the_party_driven_out_of_a_pronoun_leaves_the_place_named_before(extract, text, language, place):
    found = claims(extract, text, language)
    assert ("syrian-government-forces", "withdrew", place) in found
    assert ("syrian-opposition-factions", "captured", place) in found


@pytest.mark.parametrize(("text", "language"), [
    ("طردت الفصائل المدنيين منها بعد قصف بلدة تلمنس.", "ar"),  # people driven out: no party
    ("Rebels shelled Talmenes and drove them out of it.", "en"),   # "them": no party named
    ("Rebels are driving toward Talmenes.", "en"),                  # a drive, not an expulsion
])
def test_no_withdrawal_without_a_party_driven_out(extract, text, language):
    assert all(change != "withdrew" for _, change, _ in claims(extract, text, language))


# --- an English anaphor behind adjectives ------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("FSA fighters shelled al-Bab for a week. On Thursday they liberated the northern Syrian town "
     "from IS.", [("free-syrian-army", "captured", "Al Bab"), ("islamic-state", "lost", "Al Bab")]),
    ("Rebels shelled Saraqib for days. On Monday they seized the strategic northern town.",
     [("syrian-opposition-factions", "captured", "Saraqab")]),
])
def test_an_anaphor_is_read_past_its_adjectives(extract, text, expected):
    assert claims(extract, text, "en") == expected


def test_a_name_after_the_adjectives_and_head_is_the_place_itself(extract):
    text = "Rebels shelled Saraqib for days. On Monday they seized the strategic northern town of Khan Shaykhun."
    assert [place for _, _, place in claims(extract, text, "en")] == ["Khan Shaykun"]


# --- an English subject pronoun ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The Islamic Front shelled Saraqib all week. They took the town on Monday.",
     ("islamic-front", "captured", "Saraqab")),
    ("The SDF shelled Tabqa for a month. It seized the town on Tuesday.",
     ("sdf", "captured", "Al-Thawrah")),
])
def test_a_subject_pronoun_is_the_party_named_before(extract, text, expected):
    assert claims(extract, text, "en")[-1:] == [expected]


def test_a_capitalised_word_of_no_party_before_the_verb_is_still_a_party_unnamed(extract):
    text = "The Islamic Front shelled Saraqib all week. Ghosts took the town on Monday."
    assert [actor for actor, _, _ in claims(extract, text, "en")] == [None]
