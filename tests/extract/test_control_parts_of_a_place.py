"""Arabic: a change of parts of a place told with a pronoun ("السيطرة على أجزاء منها") is a
claim on the place the pronoun stands for, when one was named; sentences written for these
tests."""

from .test_control_subjects import claims


def test_parts_of_the_place_a_pronoun_stands_for_are_taken(extract):
    text = "وعاود جيش الإسلام الهجوم على بلدة كفرنبودة، وتمكن من السيطرة على أجزاء منها."
    assert claims(extract, text) == [("jaysh-al-islam", "captured", "Kafr Nabutha")]


def test_a_pronoun_after_a_part_with_no_place_named_is_no_claim(extract):
    text = "وعاود جيش الإسلام الهجوم، وتمكن من السيطرة على أجزاء منها."
    assert claims(extract, text) == []
