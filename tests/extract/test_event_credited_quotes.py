"""Events: a word quoted inside what a credited source says ("أعلن الجيش أن وحداته
"طهرت" قرية A") tells what the source says was done; a word the writer sets apart in
their own sentence ("قوات النظام “هربت” من حمص") is a label, no episode."""

from __future__ import annotations

import pytest

SARAQIB, LATAMNEH = "C3916", "C3458"


def captures(text: str, extract) -> list[list[str]]:
    found = extract(text, published="2021-07-29").events
    return [e.places for e in found if e.kind == "capture"]


@pytest.mark.parametrize("text", [
    'أعلنت الفصائل اليوم الخميس أن مقاتليها "حرروا" مدينة سراقب بالكامل.',
    'أعلن الجيش السوري صباح اليوم الخميس أن وحداته "استعادت" بلدة اللطامنة.',
])
def test_a_quoted_word_a_source_is_credited_with_tells_the_capture(extract, text):
    taken = captures(text, extract)
    assert taken in ([[SARAQIB]], [[LATAMNEH]]), taken


def test_a_word_the_writer_sets_apart_is_no_capture(extract):
    assert captures("وقوات النظام “دخلت” بلدة اللطامنة اليوم الخميس.", extract) == []


def test_a_source_s_word_for_what_its_enemy_did_is_no_episode(extract):
    text = 'وقال قائد في الفصائل اليوم الخميس إن قوات النظام "هربت" من مدينة سراقب.'
    found = extract(text, published="2021-07-29").events
    assert [e for e in found if e.kind == "withdrawal"] == []
