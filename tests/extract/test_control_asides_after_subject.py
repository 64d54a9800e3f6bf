"""Arabic: a direct object after the verb's subject and a relative clause set between commas
("تسلم الجيش الوطني، الذي تدعمه تركيا، مدينة تل أبيض"); sentences written for these tests."""

from .test_control_subjects import claims


def test_a_direct_object_resumes_after_an_aside_on_the_subject(extract):
    text = "وحررت قوات سوريا الديمقراطية، التي يدعمها التحالف الدولي، مدينة الرقة بعد أشهر من المعارك."
    assert claims(extract, text) == [("sdf", "captured", "Ar-Raqqa")]


def test_an_entry_after_an_aside_on_the_subject(extract):
    text = "ودخل الجيش الوطني، الذي تدعمه تركيا، مدينة تل أبيض صباح اليوم."
    assert claims(extract, text) == [("syrian-national-army", "entered", "Tell Abiad")]


def test_an_aside_followed_by_no_place_claims_nothing(extract):
    text = "ودخل الجيش الوطني، الذي تدعمه تركيا، في مفاوضات مع الوجهاء بعد ذلك بساعات."
    assert claims(extract, text) == []
