"""A headline's toll the lead tells again is one claim: its parts too ("Including 95
Children" in the headline, "among them 95 children" in the lead), and a party's toll
credited by its short name in the headline and its full name in the lead."""

from __future__ import annotations


def counts(extraction) -> list[int]:
    return sorted(c.count for c in extraction.casualty_claims)


def test_a_headline_s_part_is_the_lead_s_part(extract):
    text = ("SNHR: 212 Civilians Killed in Syria in March, Including 40 Children\n\n"
            "The Syrian Network for Human Rights documented the killing of 212 civilians in "
            "March, among them 40 children and 25 women.")
    assert counts(extract(text, language="en", publisher="SNHR", publisher_ar=None)) == [25, 40, 212]


def test_two_parts_of_one_count_in_the_body_stay_two(extract):
    text = ("Shelling killed 30 people in Idlib on Monday, including 5 soldiers and 5 others "
            "from the police.")
    assert counts(extract(text, language="en")) == [5, 5, 30]


def test_a_party_s_short_and_full_names_credit_one_toll(extract):
    text = ("SDF says it killed 27 IS militants near Hajin\n\n"
            "The Syrian Democratic Forces (SDF) said on Saturday that their fighters had "
            "killed 27 Islamic State militants near Hajin.")
    assert counts(extract(text, language="en", publisher="Local Weekly", publisher_ar=None)) == [27]
