"""A collective named as the members of a party ("الفصائل المنضوية في غرفة عمليات جيش الفتح")
stands for that party when it is said alone after it ("وكانت الفصائل قد سيطرت"); a collective
named with no such word stays the collective; sentences written for these tests."""

from .test_control_subjects import claims


def test_a_collective_named_as_members_of_a_party_stands_for_it_later(extract):
    text = ('سيطرت الفصائل المنضوية في غرفة عمليات "جيش الفتح" على مدينة أريحا صباح اليوم. '
            'وكانت الفصائل قد سيطرت أمس على بلدة محمبل.')
    assert claims(extract, text) == [
        ("jaysh-al-fatah", "captured", "Ariha"), ("jaysh-al-fatah", "captured", "Mhambal")]


def test_a_collective_after_a_party_named_with_no_membership_stays_the_collective(extract):
    text = ('سيطر "جيش الفتح" على مدينة أريحا صباح اليوم. '
            'وكانت الفصائل قد سيطرت أمس على بلدة محمبل.')
    assert claims(extract, text) == [
        ("jaysh-al-fatah", "captured", "Ariha"), ("syrian-opposition-factions", "captured", "Mhambal")]
