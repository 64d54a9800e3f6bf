"""Events: the year a hold began ("خضعت لسيطرة داعش منذ مطلع عام 2014") dates the
capture even when a clause after it tells something else on a day of its own."""

from __future__ import annotations

MANBIJ = "C1767"


def test_the_year_a_hold_began_is_not_the_day_of_the_next_clause(extract):
    text = ("وكانت مدينة منبج قد خضعت لسيطرة \"داعش\" منذ مطلع عام 2014، وتعرضت القرى "
            "المقابلة لها لقذائف أطلقها التنظيم، آخرها أمس الثلاثاء.")
    found = extract(text, published="2021-07-29").events
    assert [(e.kind, e.start) for e in found if MANBIJ in e.places] == [("capture", "2014")], found
