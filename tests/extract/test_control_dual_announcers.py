"""Arabic: a verbal noun governed by a verb of announcement or success in the dual ("أعلنا
تحرير", "تمكنتا من السيطرة") has both parties named last as its subject, past a date between
them; a past dual after "قد" is no verb in the present; sentences written for these tests."""

from .test_control_subjects import claims


def test_a_verbal_noun_announced_by_two_parties_is_both_of_theirs(extract):
    text = "وكان الجيش التركي والجيش الوطني السوري قد أعلنا في 20 أيار الماضي تحرير مدينة رأس العين."
    found = claims(extract, text)
    assert ("turkey", "captured", "Ras Al Ain") in found
    assert ("syrian-national-army", "captured", "Ras Al Ain") in found


def test_a_past_feminine_dual_after_qad_is_done(extract):
    text = "وكانت هيئة تحرير الشام وحركة أحرار الشام قد تمكنتا من السيطرة على مدينة سراقب."
    assert claims(extract, text) == [("hts", "captured", "Saraqab"), ("ahrar-al-sham", "captured", "Saraqab")]


def test_a_verbal_noun_announced_by_one_party_is_its_alone(extract):
    assert claims(extract, "وأعلنت هيئة تحرير الشام تحرير مدينة سراقب.") == [("hts", "captured", "Saraqab")]
