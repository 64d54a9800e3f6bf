"""Events in English reports: dates written with words that are also other words, and
campaigns dated by the day they began."""

from __future__ import annotations

DOUMA, HOMS = "C2338", "C2528"
NAIRAB, SARAQEB = "C3867", "C3916"


def found(extract, text: str, published: str = "2019-08-10") -> list[tuple[str, str | None, list[str]]]:
    return [(e.kind, e.start, e.places) for e in extract(text, language="en", published=published).events]


def test_the_month_of_may_is_no_hedge(extract):
    # "may" is a hedge ("rebels may attack"), but "on May 13" is a day
    assert ("shelling", "2019-05-13", [DOUMA]) in found(
        extract, "Government forces shelled Douma on May 13, the Observatory said.")


def test_a_hedged_action_is_still_no_event(extract):
    assert found(extract, "Rebels may attack Douma in the coming days, a commander said.") == []


def test_a_campaign_dated_by_the_day_it_began_is_where_its_toll_is(extract):
    text = ("Government forces shelled Douma on Saturday, activists said. At least 700 people "
            "have died in Homs since the assault began on February 4, the Observatory said.")
    began = [(start, places) for kind, start, places in found(extract, text) if start == "2019-02-04"]
    assert began and HOMS in began[0][1]


def test_a_campaign_a_party_launched_on_a_day_began_that_day(extract):
    text = ("Government forces shelled Douma on Saturday, activists said. Since the rebels "
            "launched their offensive on March 13, at least 400 people have been killed in Homs.")
    assert any(start == "2019-03-13" and HOMS in places for _, start, places in found(extract, text))


def test_what_is_prevented_or_avoided_is_no_event(extract):
    text = ("Government forces shelled Douma on Saturday. Turkey set up posts under a deal "
            "with Russia that was meant to prevent an offensive on Homs.")
    assert [kind for kind, _, _ in found(extract, text)] == ["shelling"]
    text = ("Government forces shelled Douma on Saturday. Troops advanced around Homs under "
            "an arrangement to avoid clashes with the rebels.")
    assert [kind for kind, _, _ in found(extract, text)] == ["shelling"]


def test_a_place_called_besieged_is_no_siege_told(extract):
    text = ("Government forces shelled Douma on Saturday. About 50,000 people live in the "
            "besieged neighbourhoods, activists said.")
    assert [kind for kind, _, _ in found(extract, text)] == ["shelling"]


def test_a_besieged_place_with_a_date_or_a_name_is_a_siege(extract):
    text = ("Government forces shelled Douma on Saturday. More than 1,300 people were killed "
            "inside the besieged neighbourhoods of Homs since June 2012.")
    assert ("siege", "2012-06", [HOMS]) in found(extract, text)
    text = ("Government forces shelled Douma on Saturday. Residents of the besieged town of "
            "Homs appealed for food.")
    assert "siege" in [kind for kind, _, _ in found(extract, text)]


def test_those_killed_in_the_fighting_tell_no_new_fighting(extract):
    text = ("Government forces shelled Douma on Saturday. At least 40 people were killed in "
            "the fighting, the Observatory said.")
    assert [kind for kind, _, _ in found(extract, text)] == ["shelling"]


def test_the_fighting_since_a_day_does_not_date_it_again(extract):
    text = ("Rebels and government forces clashed in Homs on Saturday, activists said. At "
            "least 39 soldiers were killed in the fighting since Friday.")
    assert [(kind, start) for kind, start, _ in found(extract, text)] == [("battle", "2019-08-10")]


def test_a_place_taken_is_not_dated_by_the_day_an_operation_was_launched(extract):
    text = ("Rebels took full control of Homs after three days of clashes, the latest gain "
            "of an operation launched on March 3.")
    captures = [start for kind, start, _ in found(extract, text) if kind == "capture"]
    assert captures and "2019-03-03" not in captures


def test_a_hedge_sets_aside_only_what_follows_it(extract):
    text = "Government forces shelled Douma on Saturday, and the army said it would push on to Homs."
    assert found(extract, text) == [("shelling", "2019-08-10", [DOUMA])]


def test_an_exchange_of_fire_is_fighting(extract):
    text = "Rebels and government troops exchanged fire near Homs on Saturday, activists said."
    assert found(extract, text) == [("battle", "2019-08-10", [HOMS])]


def test_an_improvised_bomb_is_an_explosion(extract):
    text = "On Saturday, an IED planted in a car killed two civilians in Homs, activists said."
    assert found(extract, text) == [("explosion", "2019-08-10", [HOMS])]


def test_raids_alone_are_no_arrest(extract):
    text = "The air base has been used to launch helicopter raids on villages near Homs."
    assert "arrest" not in [kind for kind, _, _ in found(extract, text)]
    text = "Troops detained dozens of young men in Homs on Saturday, activists said."
    assert ("arrest", "2019-08-10", [HOMS]) in found(extract, text)


def test_the_day_of_a_relative_clause_dates_no_action_before_it(extract):
    # "recaptured A, a gateway to B, which the army seized earlier this month": A was not taken
    # earlier this month, B was
    text = ("Rebels recaptured the town of Nairab in Idlib province, seen as a gateway to "
            "Saraqeb, which the army seized earlier this month.")
    assert found(extract, text, published="2020-02-27") == [
        ("capture", None, [NAIRAB]), ("capture", "2020-02", [SARAQEB])]


def test_the_day_of_a_relative_clause_with_no_event_of_its_own_is_not_the_action_s(extract):
    # "retook A, which rebels had held since 2014": A was not retaken in 2014, but on the day
    # the sentence tells of its own
    text = "Government forces retook the town of Nairab, which rebels had held since 2014, the army said on Tuesday."
    assert [(kind, start) for kind, start, _ in found(extract, text, published="2020-02-27")] == [
        ("capture", "2020-02-25")]
    text = "Government forces retook the town of Nairab, which lies on the highway, on Tuesday."
    assert [(kind, start) for kind, start, _ in found(extract, text, published="2020-02-27")] == [
        ("capture", "2020-02-25")]


def test_a_place_after_the_party_a_place_fell_to_is_where_it_is(extract):
    # "X fell to rebels in Idlib province": Idlib was not taken
    for text in ("The town of Nairab fell to rebels in Idlib province on Tuesday.",
                 "The town of Nairab was captured by the army in Idlib province on Tuesday."):
        assert found(extract, text, published="2020-02-27") == [("capture", "2020-02-25", [NAIRAB])]
