"""Places: "the town" / "البلدة" opening a paragraph that names no place stands for the
town the report is about (named most so far), not one the paragraph before named in
passing; in a paragraph that names a town before it, it is that town."""

from __future__ import annotations

import pytest

MOREK, KAFR_ZITA = "C3029", "C3463"

ABOUT = {
    "en": ("Rebels captured the town of Morek on Monday after a week of fighting.\n\n"
           "Morek lies on the main highway. Government forces had besieged Morek since March, "
           "and the fall of Morek opens the road north. "
           "Troops had retaken the town of Kafr Zita, 10 kilometers to the west, in May.\n\n"
           "The insurgents withdrew from the town late Sunday, the Observatory said.\n"),
    "ar": ("سيطرت فصائل المعارضة يوم الاثنين على بلدة مورك بعد أسبوع من المعارك.\n\n"
           "وتقع مورك على الطريق الدولي، وكانت قوات النظام تقصف مورك منذ أشهر، بعد أن استعادت "
           "في أيار بلدة كفرزيتا الواقعة على بعد عشرة كيلومترات إلى الغرب.\n\n"
           "وقال المرصد إن قوات النظام انسحبت من البلدة مساء الأحد.\n"),
}

NAMED_HERE = {
    "en": ("Rebels captured the town of Morek on Monday after a week of fighting.\n\n"
           "Morek lies on the main highway.\n\n"
           "Troops entered the town of Kafr Zita on Sunday and shelled the town.\n"),
    "ar": ("سيطرت فصائل المعارضة يوم الاثنين على بلدة مورك بعد أسبوع من المعارك.\n\n"
           "وتقع مورك على الطريق الدولي.\n\n"
           "ودخلت قوات النظام يوم الأحد بلدة كفرزيتا وقصفت البلدة.\n"),
}


def anaphor_keys(doc) -> list[str]:
    return [m.key for m in doc.place_mentions if m.weak]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_anaphor_opening_a_paragraph_is_the_town_the_report_is_about(run, language):
    doc = run(ABOUT[language], language=language, published="2021-07-29")
    assert anaphor_keys(doc) == [MOREK]
    withdrawals = [e.places for e in doc.events if e.kind == "withdrawal"]
    assert withdrawals == [[MOREK]], doc.events


SECOND = ("Warplanes struck the town of Morek on Monday.\n\n"
          "While attention turned to Morek, residents of the town of Kafr Zita, 10 kilometers to the west, "
          "were pulling their own dead from the rubble.\n\n"
          "Warplanes fired four missiles at the town's market at midday.\n")


def test_a_town_named_little_more_than_the_last_one_does_not_take_its_place(run):
    doc = run(SECOND, language="en", published="2021-07-29")
    assert anaphor_keys(doc) == [KAFR_ZITA]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_anaphor_after_a_town_its_paragraph_names_is_that_town(run, language):
    doc = run(NAMED_HERE[language], language=language, published="2021-07-29")
    assert anaphor_keys(doc) == [KAFR_ZITA]
