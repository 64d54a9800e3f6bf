"""Events (Arabic): strikes told without "جوية" ("نفذ التحالف الدولي ضربات على X") and
barrel bombs counted two ("ألقت المروحيات برميلين متفجرين على X") are airstrikes on their
day at their place. Sentences written for these tests."""

from __future__ import annotations

import pytest


def strikes(extract, text: str) -> list[tuple[str | None, list[str]]]:
    x = extract(text, published="2019-12-23")
    labels = {p.key: p.labels.get("en") for p in x.places}
    return [(e.start, [labels.get(k) for k in e.places]) for e in x.events if e.kind == "airstrike"]


@pytest.mark.parametrize(("text", "expected"), [
    ("نفذ التحالف الدولي يوم السبت ضربات على بلدة الباغوز شرقي دير الزور.",
     [("2019-12-21", ["Al Bagouz"])]),
    ("وشنت قوات التحالف، اليوم الاثنين، عدة ضربات استهدفت مواقع التنظيم في بلدة الشدادي.",
     [("2019-12-23", ["Shaddadah"])]),
    ("قصفت قوات النظام مدينة جسر الشغور يوم السبت، بينما ألقت المروحيات برميلين متفجرين "
     "على بلدة اشتبرق.", [("2019-12-21", ["Eshtabraq"])]),
])
def test_strikes_and_barrels_are_airstrikes_on_their_day(extract, text, expected):
    assert strikes(extract, text) == expected
