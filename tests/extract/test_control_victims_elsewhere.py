"""A party named as the subject of a change is no victim because a toll told sentences
before it ends on its name; only victims told in the change's own sentence are no subject;
text written for these tests."""

TEXT = ("The monitor said on Thursday that 200 people had been killed since Sunday. They include "
        "61 Druze fighters and 40 Druze civilians, as well as 70 members of the security forces, "
        "15 Bedouin fighters, and 9 soldiers killed in air strikes.\n\n"
        "Government troops pulled out of the city of Sweida on Wednesday.\n\n"
        "Clashes went on Friday in the south of the province. A Druze faction said its fighters "
        "had retaken the village of al-Mazraa after a night of fighting.")


def test_a_toll_told_before_does_not_hide_the_subject(extract):
    x = extract(TEXT, language="en", published="2025-07-17")
    places = {p.key: p.labels.get("en") for p in x.places}
    taken = [c.actor for c in x.control_claims if places.get(c.place) == "Al Mazra'a"]
    assert taken == ["druze-armed-factions"]
