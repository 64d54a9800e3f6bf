"""Countrysides named relative to a place: a mention of the governorate they belong to."""

from __future__ import annotations

import pytest


def mentions(doc) -> dict[str, str]:
    return {m.text: m.key for m in doc.place_mentions if not m.weak}


@pytest.mark.parametrize(("text", "phrase", "key"), [
    ("سيطرت الفصائل على مدينة درعا، ودارت اشتباكات في ريفها الشرقي.", "ريفها الشرقي", "SY12"),
    ("قصفت الطائرات مدينة إدلب وريفها الجنوبي.", "ريفها الجنوبي", "SY07"),
    ("تقدمت القوات في الريف الحموي بعد معارك عنيفة.", "الريف الحموي", "SY05"),
    ("وصلت التعزيزات إلى مدينة الرقة، ثم توجهت إلى الريف الشمالي.", "الريف الشمالي", "SY11"),
])
def test_arabic_relative_countrysides(run, text, phrase, key):
    assert mentions(run(text))[phrase] == key


@pytest.mark.parametrize(("text", "phrase", "key"), [
    ("Gunmen attacked checkpoints in Daraa city and in the eastern countryside.",
     "eastern countryside", "SY12"),
    ("Tribal fighters advanced from Deir ez-Zor into the northern countryside.",
     "northern countryside", "SY09"),
])
def test_english_relative_countrysides(run, text, phrase, key):
    assert mentions(run(text, language="en"))[phrase] == key


@pytest.mark.parametrize(("text", "language"), [
    ("انتقل الأهالي من الريف إلى المدينة بحثا عن عمل.", "ar"),
    ("The eastern countryside was quiet, residents said.", "en"),  # nothing named before
])
def test_a_countryside_without_a_place_to_belong_to_is_no_mention(run, text, language):
    assert not mentions(run(text, language=language))


def test_the_countryside_of_a_named_place_is_read_by_the_name(run):
    doc = run("Clashes spread to the southern countryside of Idlib.", language="en")
    assert "southern countryside" not in mentions(doc)
    assert "SY07" in mentions(doc).values()
