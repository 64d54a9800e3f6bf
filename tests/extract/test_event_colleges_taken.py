"""Sites and events, Arabic: a facility whose name goes on past a village named by its head
word alone ("والكلية الفنية الجوية", not the village الكلية) is the facility; a cue word that
is a word of a place's name ("كلية المدفعية") tells no event; a battle launched on one day
and a taking told in a clause of its own on another ("أطلقت مطلع آب معركة ...، وتمكنت في
السادس من الشهر من السيطرة على A") are two events, each on its own day."""

from __future__ import annotations


def test_a_facility_named_past_a_village_word_is_the_facility(extract):
    found = extract("سيطرت الفصائل اليوم على حاجز الري والكلية الفنية الجوية في حلب.",
                    published="2016-08-06")
    names = [p.labels.get("ar") for p in found.places]
    assert "الكلية" not in names, names
    assert any(n and n.startswith("الكلية الفنية الجوية") for n in names), names


def test_a_cue_word_inside_a_place_name_tells_no_event(extract):
    found = extract("سيطرت الفصائل اليوم على كلية المدفعية في حي الراموسة بحلب.",
                    published="2016-08-06")
    kinds = [e.kind for e in found.events]
    assert "shelling" not in kinds, kinds
    assert "capture" in kinds, kinds


def test_a_battle_and_a_taking_on_days_of_their_own_are_two_events(extract):
    found = extract("أطلقت الفصائل مطلع آب معركة لفك الحصار من الجهة الجنوبية، وتمكنت في "
                    "السادس من الشهر من السيطرة على كلية المدفعية في حي الراموسة بحلب.",
                    published="2016-12-31")
    days = sorted((e.kind, e.start) for e in found.events)
    assert ("capture", "2016-08-06") in days, days
    assert any(k == "battle" and s == "2016-08" for k, s in days), days
