"""Arabic: a party said to take a place on two days of their own took it twice, two claims;
told again on the same day, or with no day of its own, it is one claim; sentences written for
these tests."""



def claims(extract, text: str) -> list[tuple[str | None, str, str | None, str]]:
    x = extract(text, published="2019-03-12")
    places = {p.key: p.labels.get("en") for p in x.places}
    return [(c.actor, c.change, places.get(c.place), c.stance) for c in x.control_claims]


def test_a_place_taken_on_two_days_is_two_claims(extract):
    text = ("أعلن مصدر عسكري في 12 آذار 2019 أن قوات النظام استعادت السيطرة على بلدة كفرنبودة. "
            "وكانت قوات النظام قد أعلنت في الثالث من آذار السيطرة على بلدة كفرنبودة.")
    taken = [c for c in claims(extract, text) if c[1] == "captured"]
    assert taken == [("syrian-government-forces", "captured", "Kafr Nabutha", "asserted")] * 2


def test_a_place_taken_told_again_on_the_same_day_is_one_claim(extract):
    text = ("أعلن مصدر عسكري في 12 آذار 2019 أن قوات النظام استعادت السيطرة على بلدة كفرنبودة. "
            "وكانت قوات النظام قد أعلنت في 12 آذار السيطرة على بلدة كفرنبودة.")
    taken = [c for c in claims(extract, text) if c[1] == "captured"]
    assert taken == [("syrian-government-forces", "captured", "Kafr Nabutha", "asserted")]
