"""Events of an archive record's dated paragraph: the places taken there that no
gazetteer knows (checkpoints, posts) are a happening of their own, one for each kind;
the day's clashes are the fighting of the town taken."""

from __future__ import annotations

LATAMNEH, KAFR_ZITA = "C3458", "C3463"

DAY = ("بتاريخ 14 كانون الأول/ديسمبر 2014، سيطر مقاتلو الفصائل على بلدة اللطامنة بعد "
       "اشتباكات عنيفة مع قوات النظام. كما سيطر المقاتلون على حاجز الصوامع وحاجز المداجن قرب "
       "البلدة، ودارت اشتباكات في محيط بلدة كفرزيتا.")


def test_checkpoints_taken_the_day_a_town_was_taken_are_a_happening_of_their_own(extract):
    found = extract(DAY, published=None, kind="archive-record").events
    captures = [e for e in found if e.kind == "capture"]
    assert [e.start for e in captures] == ["2014-12-14", "2014-12-14"]
    town, checkpoints = captures
    assert LATAMNEH in town.places and checkpoints.places
    assert LATAMNEH not in checkpoints.places and KAFR_ZITA not in checkpoints.places
    # the day's clashes are the fighting for the town taken, not a happening of their own
    assert KAFR_ZITA in town.places and all(e.kind != "battle" for e in found)
