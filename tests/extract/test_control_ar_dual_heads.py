"""Control, Arabic: a dual site anaphor ("المعسكرين") stands for the two places a dual head
named ("معسكري A وB"), as for two places each named with the singular ("معسكر A ومعسكر
B")."""

from __future__ import annotations


def claims(text: str, extract) -> list[tuple[str, str | None]]:
    found = extract(text, published="2014-12-17")
    names = {p.key: p.labels.get("ar") for p in found.places}
    return [(c.change, names.get(c.place)) for c in found.control_claims]


def test_the_two_camps_named_by_a_dual_head(extract):
    found = claims("هاجمت الفصائل يوم الأحد معسكري وادي الضيف والحامدية شرق مدينة معرة النعمان. "
                   "وانتهت المعركة بسيطرة الفصائل على المعسكرين وانسحاب قوات النظام باتجاه "
                   "ريف حماة.", extract)
    taken = [p for c, p in found if c == "captured"]
    assert len(taken) == 2 and any(p and "وادي الضيف" in p for p in taken), found


def test_the_two_camps_named_each_with_its_noun(extract):
    found = claims("هاجمت الفصائل اليوم معسكر وادي الضيف ومعسكر الحامدية. وسيطرت الفصائل على "
                   "المعسكرين.", extract)
    assert len([p for c, p in found if c == "captured"]) == 2, found
