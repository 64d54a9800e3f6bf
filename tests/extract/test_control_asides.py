"""The subject of a change before an aside between commas: the party named right before the
aside, not one named inside it ("X, one of the coalitions of Y, pulled out", "X، أبرز فصائل
Y، انسحبت"), nor a helper coordinated inside it ("X, backed by Y and tribal fighters,
took"); sentences written for these tests."""

import pytest

from .test_control_subjects import claims


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("HTS fighters entered the city of Afrin on Wednesday after the Third Legion, one of the largest "
     "coalitions within the Syrian National Army (SNA), pulled out of the city.", "en",
     ("sna-third-legion", "withdrew", "Afrin")),
    ("The Hamza Division, a faction of the Syrian National Army, seized Jandairis on Tuesday.", "en",
     ("hamza-division", "captured", "Jandairis")),
    ("The SDF, backed by US aircraft and Arab tribal fighters, took Manbij on Friday.", "en",
     ("sdf", "captured", "Menbij")),
    ("أعلنت هيئة تحرير الشام أن حركة أحرار الشام، أبرز فصائل الجبهة الوطنية للتحرير، انسحبت من مدينة سرمدا.",
     "ar", ("ahrar-al-sham", "withdrew", "Sarmada")),
])
def test_the_subject_is_the_party_before_the_aside(extract, text, language, expected):
    assert claims(extract, text, language)[-1:] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # no aside closes before the verb: the party right before it is the subject
    ("Rebels shelled Afrin, and the Third Legion pulled out of the city.",
     ("sna-third-legion", "withdrew", "Afrin")),
    # a clause of its own whose subject is a noun of forces that names no party
    ("The SDF took Manbij on Friday while government troops fled Jarablus.",
     ("syrian-government-forces", "withdrew", "Jarablus")),
])
def test_without_an_aside_the_subject_is_read_as_before(extract, text, expected):
    assert claims(extract, text, "en")[-1:] == [expected]
