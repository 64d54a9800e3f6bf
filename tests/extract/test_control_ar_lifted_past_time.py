"""Arabic: a siege lifted ("فكت قوات النظام الحصار عن X") is one the other side laid, also
when the words that say when stand between the verb's subject and "الحصار" ("فكت قوات
النظام، صباح اليوم الثلاثاء، الحصار عن X"); the party that lifts it never besieged X;
sentences written for these tests."""

import pytest

from .test_control_agents import claims


@pytest.mark.parametrize("text", [
    "فكت قوات النظام اليوم الحصار عن مدينة دير الزور.",
    "وكسرت قوات النظام، صباح اليوم الثلاثاء، الحصار عن مطار كويرس العسكري.",
    "فك الجيش يوم الخميس 10 تشرين الثاني الحصار عن مدينة دير الزور.",
])
def test_the_party_that_lifts_a_siege_did_not_lay_it(extract, text):
    assert not [c for c in claims(extract, text) if c[1] == "besieged" and c[0] in (
        "syrian-government-forces", "syrian-arab-army")]


def test_the_besieger_named_after_a_lifted_siege_keeps_it(extract):
    found = claims(extract, "كسر الجيش يوم الخميس الحصار عن مطار كويرس العسكري الذي يحاصره "
                            "تنظيم الدولة منذ عامين.")
    assert ("islamic-state", "besieged", "Kweires Military Airport") in found


def test_a_siege_laid_past_the_words_of_time_stays_the_subjects(extract):
    found = claims(extract, "فرضت قوات النظام اليوم الحصار على مدينة داريا.")
    assert ("syrian-government-forces", "besieged", "Darayya") in found
