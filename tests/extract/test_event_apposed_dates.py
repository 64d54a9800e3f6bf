"""Events: a date set apart by commas after the time of an action ("on Monday morning,
the 5th of March 2018, on the market of X") does not end what its cue governs."""

from __future__ import annotations

KAFR_ZITA = "C3463"


def test_the_place_after_an_apposed_date_is_where_it_happened(extract):
    text = ("Hama province: Two civilians were killed in shelling by regime forces on Monday "
            "morning, the 5th of March 2018, on the market of Kafr Zita city.")
    found = extract(text, language="en", published="2018-03-06").events
    assert [(e.kind, e.start, e.places) for e in found] == [
        ("shelling", "2018-03-05", [KAFR_ZITA])]
