"""Events: the day of a wounding a death came from ("died of wounds sustained
yesterday", "متأثراً بجراح أصيب بها أمس") dates only its own clause."""

from __future__ import annotations

import pytest

LATAMNEH, KAFR_ZITA = "C3458", "C3463"
LEAD = {"ar": "سيطرت الفصائل اليوم السبت على بلدة اللطامنة في ريف حماة الشمالي.\n\n",
        "en": "Rebels seized the town of al-Latamneh on Saturday, activists said.\n\n"}


def shelling(extract, text: str, language: str) -> list[str | None]:
    found = extract(LEAD[language] + text, language=language, published="2019-08-10").events
    return [e.start for e in found if e.kind == "shelling"]


@pytest.mark.parametrize("text, language", [
    ("قصفت قوات النظام بلدة كفرزيتا، وتوفي شاب من البلدة متأثراً بجراح أصيب بها أمس.", "ar"),
    ("قصفت المدفعية بلدة كفرزيتا بعشرات القذائف، فيما توفيت امرأة متأثرة بجروح أصيبت بها "
     "يوم الخميس.", "ar"),
    ("Government artillery shelled the town of Kafr Zita, and a boy died of wounds he "
     "sustained yesterday.", "en"),
    ("Troops shelled Kafr Zita, while a woman succumbed to injuries suffered on Thursday.",
     "en"),
])
def test_the_day_of_a_wounding_in_another_clause_does_not_date_the_action(
        extract, text, language):
    # the shelling is of the lead's day (Saturday), not of the day the man was wounded
    assert shelling(extract, text, language) == ["2019-08-10"]


@pytest.mark.parametrize("text, language", [
    # the wounding told with the action in its own clause: that day is the action's
    ("توفي شاب متأثراً بجراحه التي أصيب بها أمس في قصف قوات النظام على بلدة كفرزيتا.", "ar"),
    ("A boy died of wounds he sustained yesterday when government forces shelled Kafr Zita.",
     "en"),
    # wounded on a day, with no death it led to: the day of the sentence
    ("قصفت قوات النظام بلدة كفرزيتا، وأصيب خمسة مدنيين بجروح أمس.", "ar"),
])
def test_a_day_told_with_the_wounding_it_dates_is_the_action_s(extract, text, language):
    assert shelling(extract, text, language) == ["2019-08-09"]
