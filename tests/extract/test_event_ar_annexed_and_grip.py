"""Events (Arabic): a capture told by a verb of joining with the words of the subject's own
control ("ضمت قوات النظام X إلى مناطق سيطرتها"), by a grip tightened on a place ("أحكمت
قوات النظام قبضتها على X") or by "انتزاع" and "تأمين" with the place right after them is a
capture event on its day; those words with no verb of joining, or securing what is no place,
tell none. Sentences written for these tests."""

from __future__ import annotations

import pytest


def captures(extract, text: str) -> list[tuple[str | None, list[str]]]:
    x = extract(text, published="2019-12-23")
    labels = {p.key: p.labels.get("en") for p in x.places}
    return [(e.start, [labels.get(k) for k in e.places]) for e in x.events if e.kind == "capture"]


@pytest.mark.parametrize(("text", "expected"), [
    ("وفي يوم السبت، ضمت قوات النظام بلدة معرة النعمان إلى مناطق سيطرتها.",
     [("2019-12-21", ["Ma'arrat An Nu'man"])]),
    ("ودخلت قوات النظام يوم السبت قرية جرجناز وضمتها إلى مناطق سيطرتها.",
     [("2019-12-21", ["Jarjnaz"])]),
    ("وفي يوم السبت، أحكمت قوات النظام قبضتها على مدينة سراقب.", [("2019-12-21", ["Saraqab"])]),
    ("وفي يوم السبت، تمكنت قوات النظام من تأمين مدينة خان شيخون بعد اشتباكات.",
     [("2019-12-21", ["Khan Shaykun"])]),
])
def test_a_capture_told_by_joining_gripping_or_securing_is_an_event_on_its_day(extract, text, expected):
    assert captures(extract, text) == expected


@pytest.mark.parametrize("text", [
    "وعاد النازحون يوم السبت من مدينة سراقب إلى مناطق سيطرتها.",
    "وتعمل المنظمات يوم السبت على تأمين المساعدات لأهالي بلدة كفرنبل.",
])
def test_those_words_with_no_verb_of_joining_or_no_place_tell_no_capture(extract, text):
    assert captures(extract, text) == []


def test_a_ring_tightened_on_a_place_is_a_siege_event_on_its_day(extract):
    x = extract("وفي يوم السبت، أحكمت الفصائل الطوق على بلدة كفرنبل.", published="2019-12-23")
    labels = {p.key: p.labels.get("en") for p in x.places}
    assert [(e.kind, e.start, [labels.get(k) for k in e.places]) for e in x.events] == [
        ("siege", "2019-12-21", ["Kafr Nobol"])]


def test_lines_collapsed_in_a_place_tell_its_capture_on_that_day(extract):
    assert captures(extract, "وفي يوم السبت انهارت خطوط الفصائل في بلدة سراقب.") == [
        ("2019-12-21", ["Saraqab"])]


@pytest.mark.parametrize(("text", "expected"), [
    ("وفي يوم السبت سقطت بلدة كفرنبل في قبضة قوات النظام.", [("2019-12-21", ["Kafr Nobol"])]),
    ("وفي يوم السبت سقطت قذائف على بلدة كفرنبل.", []),
    ("وفي يوم السبت سقط قتلى في بلدة كفرنبل.", []),
])
def test_a_place_fallen_with_its_name_right_after_the_verb_is_captured_that_day(extract, text, expected):
    assert captures(extract, text) == expected
