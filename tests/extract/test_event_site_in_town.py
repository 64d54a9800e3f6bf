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


def test_a_site_struck_alone_is_struck_in_the_town_it_lies_in(extract):
    text = ("تشهد مدينة كفرنبل قصفا متواصلا منذ أسبوع.\n\n"
            "واستهدفت الطائرات الحربية صباح اليوم الخميس سوق الخضار بثلاثة صواريخ.")
    found = extract(text, published="2021-07-29").events
    struck = [e.places for e in found if e.start == "2021-07-29"]
    assert len(struck) == 1 and KAFRANBEL in struck[0] and len(struck[0]) == 2, struck


def test_sites_struck_together_name_their_town_once(extract):
    text = ("دخلت الفصائل مدينة سراقب أمس الأربعاء.\n\n"
            "وقصفت الطائرات الروسية اليوم الخميس مبنى البلدية ومحطة المياه.")
    struck = kinds(text, extract, "shelling")
    assert len(struck) == 1 and struck[0].count(SARAQIB) == 1 and len(struck[0]) == 3, struck
