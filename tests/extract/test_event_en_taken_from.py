"""Events (English): a place "taken from" a party is captured; in a relative clause after
a list, only the place the pronoun stands for was."""

from __future__ import annotations


def captures(extract, text: str) -> list[tuple[str | None, list[str]]]:
    found = extract(text, language="en", published="2017-02-24")
    return [(e.start, e.places) for e in found.events if e.kind == "capture"]


def test_a_town_taken_from_a_party_is_captured(extract):
    assert captures(extract, "The village of Tell Rifaat was taken from the rebels on Monday.") \
        == [("2017-02-20", ["C1621"])]


def test_a_relative_clause_of_a_place_taken_dates_only_its_antecedent(extract):
    text = "Rebels went on to push through Azaz and Dabiq, which was taken from IS on October 16."
    assert captures(extract, text) == [("2016-10-16", ["C1597"])]


def test_people_taken_from_their_homes_are_no_capture(extract):
    assert captures(extract, "Three men were taken from their homes in Douma on Monday.") == []


def test_dabiq_is_a_news_spelling_of_dabeq(extract):
    assert captures(extract, "Rebels captured the town of Dabiq on Sunday.") == [("2017-02-19", ["C1597"])]
