"""Arabic: a verb in the dual stands for the last two parties named joined by "و", and each
takes the place; "مدينة X بريف Y" keeps X as the object, the countryside after its
preposition being where X is; sentences written for these tests."""

import pytest

from .test_control_subjects import claims


@pytest.mark.parametrize(("text", "expected"), [
    ("تقدمت هيئة تحرير الشام وحركة أحرار الشام نحو سراقب، وسيطرتا على قرية النيرب.",
     [("hts", "captured", "Nayrab"), ("ahrar-al-sham", "captured", "Nayrab")]),
    ("أعلن الجيش التركي والجيش الوطني السوري بدء العملية، بعد أن انسحب المسلحون من قرية النيرب، "
     "كما حررا قرية جوباس.",
     [("turkey", "captured", "Jobas"), ("syrian-national-army", "captured", "Jobas")]),
])
def test_a_verb_in_the_dual_is_said_of_the_two_parties_named_last(extract, text, expected):
    assert claims(extract, text)[-2:] == expected


def test_a_verb_in_the_plural_keeps_one_subject(extract):
    text = "تقدمت هيئة تحرير الشام وحركة أحرار الشام نحو سراقب، وسيطروا على قرية النيرب."
    assert len(claims(extract, text)) == 1


def test_a_city_named_with_its_countryside_after_a_preposition_is_the_object(extract):
    text = "أعلن الجيش الوطني السوري تحرير مركز مدينة تل أبيض بريف الرقة الشمالي."
    assert claims(extract, text) == [("syrian-national-army", "captured", "Tell Abiad")]
