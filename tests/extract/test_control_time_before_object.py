"""Arabic: a phrase of time opened by "في" between the subject and a direct object ("دخلت
الكتائب في اليوم الأول أحياء X وY") says when, and the object after it is still read;
sentences written for these tests."""

from .test_control_subjects import claims


def test_a_time_after_fi_before_the_object_is_passed(extract):
    text = "ودخلت قوات النظام في اليوم الثاني أحياء صلاح الدين والسكري."
    assert [(a, c, p) for a, c, p in claims(extract, text)] == [
        ("syrian-government-forces", "entered", "Salah Ad-Deen"),
        ("syrian-government-forces", "entered", "As-Sukkari")]


def test_a_place_after_fi_is_still_where_the_object_is(extract):
    text = "وسيطرت الفصائل على حاجزين في بلدة كفرنبودة."
    assert claims(extract, text) == [("syrian-opposition-factions", "captured", "Kafr Nabutha")]
