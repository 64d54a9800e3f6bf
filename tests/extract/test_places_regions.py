"""Places: regions that span several governorates, named as such ("شمال وشرق سوريا")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "language"), [
    ("قصفت المدفعية التركية قرى في مناطق شمال وشرق سوريا مساء الأحد.", "ar"),
    ("Turkish artillery shelled villages across North and East Syria on Sunday.", "en"),
])
def test_north_and_east_syria_is_one_region(extract, text, language):
    found = extract(text, language=language, published="2019-10-14")
    assert [p.key for p in found.places] == ["north-east-syria"]
    assert [e.places for e in found.events] == [["north-east-syria"]]
