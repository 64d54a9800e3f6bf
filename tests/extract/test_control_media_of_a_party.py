"""A party named inside a source the gazetteer lacks ("وسائل إعلام النظام") is the subject
that source speaks for when it announces a change with a verbal noun; a change told in its
clause by another party stays that party's; sentences written for these tests."""

from .test_control_subjects import claims


def test_the_media_of_a_party_announce_its_capture(extract):
    text = "وأعلنت وسائل إعلام النظام السيطرة على بلدة كفرنبودة بعد معارك مع الفصائل."
    assert claims(extract, text) == [("syrian-government-forces", "captured", "Kafr Nabutha")]


def test_a_change_told_by_the_media_of_a_party_keeps_its_own_subject(extract):
    text = "وقالت وسائل إعلام النظام إن الفصائل انسحبت من بلدة كفرنبودة."
    assert claims(extract, text) == [("syrian-opposition-factions", "withdrew", "Kafr Nabutha")]
