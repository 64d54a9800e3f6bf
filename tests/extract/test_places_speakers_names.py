"""Places, Arabic: the words right after the party a speaker speaks for ("الناطق باسم وحدات
حماية الشعب ريدور خليل") are the speaker's name, no place; a place the party is in ("باسم
الفصائل في إدلب", "بإدلب") still is one."""

from __future__ import annotations


def names(text: str, extract) -> list[str | None]:
    return [p.labels.get("ar") for p in extract(text, published="2015-06-16").places]


def test_a_speakers_name_after_his_party_is_no_place(extract):
    # a village of that name lies near the towns the report names
    found = names("أعلنت وحدات حماية الشعب اليوم تحرير مدينة تل أبيض بالكامل، بعد أن التقت "
                  "القوات المتقدمة من محور كوباني بالقوات القادمة من محور سري كانيه.\n\n"
                  "وقال الناطق الرسمي باسم وحدات حماية الشعب ريدور خليل لوكالتنا إن قواتهم "
                  "قتلت 41 عنصراً خلال معارك اليومين الماضيين.", extract)
    assert "خليل" not in found and "تل أبيض" in found, found


def test_a_place_the_party_is_in_is_still_a_place(extract):
    assert "إدلب" in names("قال الناطق باسم الفصائل في إدلب إن القوات سيطرت على سراقب.", extract)
    assert "إدلب" in names("قال الناطق باسم الفصائل بإدلب إن القوات سيطرت على سراقب.", extract)
