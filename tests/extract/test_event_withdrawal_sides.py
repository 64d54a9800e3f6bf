"""Events: in English, a withdrawal told only by where the losers went, after a capture
in its sentence, left the place captured ("took Morek, while troops fled towards X");
told alone it is still nowhere, and never where they went. The losers leave all the
places taken at once: one withdrawal."""

from __future__ import annotations

import pytest

MOREK, KHAN_SHAYKHUN = "C3029", "C3987"


def withdrawals(extract, text: str) -> list[list[str]]:
    found = extract(text, language="en", published="2021-07-29")
    return [e.places for e in found.events if e.kind == "withdrawal"]


@pytest.mark.parametrize("text", [
    "Rebels took full control of Morek on Thursday, while government troops fled north "
    "towards Khan Shaykhun.",
    "Rebels seized Morek on Thursday and government troops withdrew towards Khan Shaykhun.",
])
def test_a_withdrawal_after_a_capture_left_the_place_captured(extract, text):
    assert withdrawals(extract, text) == [[MOREK]]


def test_a_withdrawal_told_alone_is_not_where_it_went(extract):
    found = withdrawals(extract, "Government troops withdrew towards Khan Shaykhun on Thursday.")
    assert all(KHAN_SHAYKHUN not in p for p in found)


def test_a_withdrawal_from_places_taken_together_is_one_happening(extract):
    text = ("سيطرت الفصائل اليوم على قريتي أورم الصغرى والهوتة إثر انسحاب قوات النظام منهما "
            "باتجاه مدينة حلب.")
    found = extract(text, published="2021-07-29").events
    assert [e.places for e in found if e.kind == "capture"] == [["C1027"], ["C1146"]]
    assert [e.places for e in found if e.kind == "withdrawal"] == [["C1027", "C1146"]]
