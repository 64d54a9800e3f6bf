"""Arabic: a unit's name ends before a preposition that carries a pronoun ("خروج آخر مجموعات
لواء نسور الوادي منه"), and that pronoun, after a change told in a clause of time ("بعد ساعات
من خروج ... منه"), stands for the place the change told before it in the sentence is about,
not for one named on the way to it ("من جهة السلطانية وكفرعايا"); a place taken with a change
of its own between is still the pronoun's; sentences written for these tests."""

import pytest

from .test_actors import actors
from .test_control import claims


@pytest.mark.parametrize("pronoun", ["منه", "منها", "عليها"])
def test_a_units_name_ends_before_a_preposition_with_a_pronoun(extract, pronoun):
    found = actors(extract(f"وانسحب لواء نسور الوادي الأخضر {pronoun} بعد معارك."))
    assert "لواء نسور الوادي الأخضر" in found
    assert not any(pronoun in name for name in found)


def test_the_pronoun_after_a_change_told_in_a_clause_of_time_is_the_place_taken(extract):
    text = ("ودخلت قوات النظام حي الخالدية من جهة بلدة كفرعايا بعد ساعات من خروج آخر مجموعات "
            "لواء التوحيد منه.")
    assert ("liwa-al-tawhid", "withdrew", "Kalidiyeh", "asserted") in claims(extract, text)
    assert not any(c[1] == "withdrew" and c[2] == "Kafr Aaya" for c in claims(extract, text))


def test_a_place_left_with_a_change_of_its_own_between_is_the_pronouns(extract):
    text = ("وسيطرت الفصائل على حي الخالدية بعد انسحاب قوات النظام من بلدة كفرعايا وفرار "
            "عناصرها منها.")
    left = [c[2] for c in claims(extract, text) if c[1] == "withdrew"]
    assert left and set(left) == {"Kafr Aaya"}
