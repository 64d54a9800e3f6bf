"""Events: a list of the objects of an action set apart by commas ("struck depots,
command posts and bunkers in X") names the place the action was at, after its last item."""

from __future__ import annotations

TALBISEH = "C2882"


def test_the_place_after_a_list_of_objects_is_where_the_action_was(extract):
    text = ("The army on Monday launched an operation named Northern Shield in Homs province."
            "\n\nShortly after, its warplanes struck depots, command posts and bunkers of the "
            "rebels in Talbiseh, the ministry said.")
    found = extract(text, language="en", published="2018-03-06").events
    assert [(e.kind, e.places) for e in found if e.kind == "airstrike"] == [
        ("airstrike", [TALBISEH])]
