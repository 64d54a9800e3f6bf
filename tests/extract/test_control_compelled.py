"""A change a party was made to do ("اضطرت إلى الانسحاب", "أجبرت X على الخروج", "were forced
to withdraw", "had to pull out") is done, not attempted, and the party made to do it is its
agent; an English clause whose subject is an unqualified noun of the army is the state's
forces, not the party named before it; sentences written for these tests."""

import pytest

from .test_control_subjects import claims


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("اقتحمت هيئة تحرير الشام قرية قرزيحل جنوب عفرين، ثم اضطرت إلى الانسحاب منها بعد ساعات.", "ar",
     ("hts", "withdrew", "Qarzihel")),
    ("اقتحمت الفصائل بلدة تلمنس فجراً ثم اضطرت للانسحاب منها.", "ar",
     ("syrian-opposition-factions", "withdrew", "Telamnas")),
    ("وأجبرت الفصائل قوات النظام على الانسحاب من بلدة تلمنس.", "ar",
     ("syrian-government-forces", "withdrew", "Telamnas")),
    ("Rebels stormed Saraqib on Monday but were forced to withdraw from the town hours later.", "en",
     ("syrian-opposition-factions", "withdrew", "Saraqab")),
    ("HTS fighters entered Saraqib on Monday but had to pull out of the town the next day.", "en",
     ("hts", "withdrew", "Saraqab")),
    ("Rebels forced government troops to withdraw from Saraqib on Monday.", "en",
     ("syrian-government-forces", "withdrew", "Saraqab")),
])
def test_a_change_a_party_was_made_to_do_is_done_by_that_party(extract, text, language, expected):
    assert claims(extract, text, language)[-1:] == [expected]


@pytest.mark.parametrize(("text", "language"), [
    ("تحاول الفصائل الانسحاب من بلدة تلمنس.", "ar"),                     # an attempt
    ("تقدمت الفصائل نحو بلدة تلمنس للسيطرة عليها.", "ar"),               # a purpose
    ("Rebels massed near Saraqib, hoping to force government troops to withdraw from the town.", "en"),
    ("Rebels advanced to retake Saraqib.", "en"),                          # a purpose
])
def test_an_attempt_or_a_purpose_is_still_no_claim(extract, text, language):
    assert claims(extract, text, language) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("IS had left Saraqib as the army entered the town.",
     [("islamic-state", "withdrew", "Saraqab"), ("syrian-government-forces", "entered", "Saraqab")]),
    ("IS fighters abandoned Saraqib on Monday, and troops entered the town on Tuesday.",
     [("islamic-state", "withdrew", "Saraqab"), ("syrian-government-forces", "entered", "Saraqab")]),
])
def test_an_army_noun_opening_a_clause_is_not_the_party_named_before(extract, text, expected):
    assert claims(extract, text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # parties of two or three words on both sides of the word of compulsion
    ("وأجبرت فصائل المعارضة قوات النظام على الانسحاب من بلدة تلمنس.",
     ("syrian-government-forces", "withdrew", "Telamnas")),
    ("أجبرت قوات سوريا الديمقراطية عناصر تنظيم داعش على الانسحاب من مدينة الطبقة.",
     ("islamic-state", "withdrew", "Al-Thawrah")),
])
def test_the_party_made_to_change_is_found_past_long_names(extract, text, expected):
    assert claims(extract, text, "ar")[-1:] == [expected]


@pytest.mark.parametrize("text", [
    "فشلت قوات النظام في السيطرة على بلدة تلمنس رغم القصف المكثف.",
    "وأخفقت الفصائل في استعادة بلدة تلمنس.",
])
def test_a_change_a_party_failed_to_make_is_no_claim(extract, text):
    assert claims(extract, text, "ar") == []


def test_a_change_made_after_failed_attempts_is_still_one(extract):
    text = "سيطرت قوات النظام على بلدة تلمنس بعد أن فشلت في اقتحامها مرات عدة."
    assert claims(extract, text, "ar") == [("syrian-government-forces", "captured", "Telamnas")]
