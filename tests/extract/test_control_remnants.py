"""Arabic: those of a party who remained ("من تبقى من عناصر قسد فروا") and a count of it with an
adjective ("الدفعة الأخيرة من المسلحين") are that party as the subject, not a part of it named as
the object; sentences written for these tests."""

from .test_control_subjects import claims


def test_those_of_a_party_who_remained_are_its_subject(extract):
    text = 'وأكد قيادي في "الجيش الوطني" أن مدينة تادف باتت محررة، وأن من بقي من عناصر "قسد" فروا منها.'
    assert ("sdf", "withdrew", "Tadaf") in claims(extract, text)


def test_a_count_of_a_party_stays_its_subject(extract):
    text = 'وأكد قيادي في "الجيش الوطني" أن عشرات من عناصر "قسد" فروا من مدينة تادف.'
    assert ("sdf", "withdrew", "Tadaf") in claims(extract, text)


def test_a_count_with_an_adjective_before_a_party_stays_its_subject(extract):
    text = "دخلت قوات النظام بلدة كفرنبودة بعد خروج الدفعة الأخيرة من المسلحين منها."
    assert ("syrian-opposition-factions", "withdrew", "Kafr Nabutha") in claims(extract, text)
