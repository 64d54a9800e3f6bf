"""Places, Arabic: a city named for the clock a time is read by ("21:40 بتوقيت دمشق") is no
place of the report, and no anaphor ("المدينة") stands for it."""

from __future__ import annotations


def test_a_clock_city_is_no_place(extract):
    found = extract("قصفت قوات النظام بلدة كفرنبل في الساعة العاشرة صباحا بتوقيت دمشق.")
    assert all(p.labels.get("ar") != "دمشق" for p in found.places), [p.labels for p in found.places]


def test_an_anaphor_after_a_time_stamp_is_no_clock_city(extract):
    text = ("آخر تحديث: 21:40 بتوقيت دمشق\n\n"
            "ودخلت دبابات الجيش المدينة فجر اليوم بعد حصار استمر أياما.")
    found = extract(text)
    names = {p.key: p.labels.get("ar") for p in found.places}
    assert all(names.get(c.place) != "دمشق" for c in found.control_claims), found.control_claims
