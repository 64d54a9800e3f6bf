"""Places: a country named inside a group's name ("الدولة الإسلامية في العراق والشام") is
a word of the name, no place of the report, even after "في"; a country set in a place
role outside any name ("فر إلى تركيا") stays a place."""

from __future__ import annotations


def places(text: str, extract) -> list[str]:
    return [p.labels.get("ar") or p.key for p in extract(text, published="2013-08-05").places]


def test_a_country_inside_a_group_name_is_no_place(extract):
    found = places('هاجم مقاتلون من "الدولة الإسلامية في العراق والشام" مطار منغ العسكري '
                   "فجر اليوم الإثنين.", extract)
    assert "العراق" not in found, found


def test_a_country_inside_a_group_name_without_quotes_is_no_place(extract):
    found = places("فجّر عنصر من الدولة الإسلامية في العراق والشام سيارة مفخخة قرب مبنى "
                   "القيادة صباح اليوم.", extract)
    assert "العراق" not in found, found


def test_a_country_after_a_group_name_is_still_a_place(extract):
    found = places("انسحب مقاتلو تنظيم الدولة الإسلامية اليوم إلى العراق.", extract)
    assert "العراق" in found, found
