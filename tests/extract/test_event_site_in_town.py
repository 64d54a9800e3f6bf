"""Events: a site set in the centre of its town ("سوق الهال وسط مدينة كفرنبل") happened
in that town too, and a capture of it is one happening with its town; "وسط" before
fighting ("وسط اشتباكات") is amid it and sets no place."""

from __future__ import annotations

KAFRANBEL, SARAQIB, HOMS = "C4068", "C3916", "C2528"


def kinds(text: str, extract, kind: str) -> list[list[str]]:
    found = extract(text, published="2021-07-29")
    return [e.places for e in found.events if e.kind == kind]


def test_a_site_in_the_centre_of_a_town_is_struck_in_that_town(extract):
    struck = kinds("قصفت الطائرات الحربية اليوم الخميس سوق الخضار وسط مدينة كفرنبل.",
                   extract, "shelling")
    assert len(struck) == 1 and KAFRANBEL in struck[0] and len(struck[0]) == 2, struck


def test_a_site_taken_in_the_centre_of_a_town_is_one_happening(extract):
    taken = kinds("سيطرت الفصائل اليوم الخميس على دوار الساعة وسط مدينة حمص.", extract,
                  "capture")
    assert len(taken) == 1 and HOMS in taken[0] and len(taken[0]) == 2, taken


def test_amid_fighting_still_ends_the_list(extract):
    struck = kinds("قصفت الطائرات الحربية اليوم الخميس مدينة سراقب وسط اشتباكات عنيفة في "
                   "مدينة كفرنبل.", extract, "shelling")
    assert struck == [[SARAQIB]], struck
