"""Places: "المدينة" stands for the last place the text wrote with that noun ("مدينة
تلبيسة"), even one the gazetteer ranks as a town, before a bigger city named since only
to say where it lies ("شمالي حمص")."""

from __future__ import annotations

TALBISEH, HOMS = "C2882", "C2528"


def anaphor(doc, word: str) -> str | None:
    at = doc.text.rindex(word)
    return next((m.key for m in doc.place_mentions if m.weak and m.start == at), None)


def test_the_city_is_the_place_written_with_its_noun(run):
    doc = run("سيطرت الفصائل أمس على مدينة تلبيسة شمالي حمص، بعد معارك مع قوات النظام "
              "التي تقدمت إلى المدينة الأسبوع الماضي.")
    assert anaphor(doc, "المدينة") == TALBISEH


def test_the_city_is_a_city_when_no_place_was_written_with_its_noun(run):
    doc = run("سيطرت الفصائل أمس على تلبيسة شمالي حمص، بعد معارك مع قوات النظام التي "
              "تقدمت إلى المدينة الأسبوع الماضي.")
    assert anaphor(doc, "المدينة") == HOMS


def test_the_event_told_of_the_city_is_at_that_place(extract):
    found = extract("سيطرت الفصائل أمس على مدينة تلبيسة شمالي حمص، بعد معارك مع قوات "
                    "النظام التي تقدمت إلى المدينة الأسبوع الماضي.", published="2022-03-03").events
    assert [(e.kind, e.places) for e in found] == [("capture", [TALBISEH]), ("battle", [TALBISEH])]
