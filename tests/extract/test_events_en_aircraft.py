"""English: a strike by "aircraft", "a drone" or "drones" is an airstrike, one event a town
it hits ("Regime aircraft on Monday struck A and the town of B": two); a force "pushing on"
a day toward a place attacks it. Sentences written for these tests."""


def events(extract, text):
    x = extract(text, language="en", published="2015-04-28")
    places = {p.key: p.labels.get("en") for p in x.places}
    return [(e.kind, e.start, [places.get(k) for k in e.places]) for e in x.events]


def test_aircraft_strike_two_towns(extract):
    assert events(extract, "Regime aircraft on Monday struck Saraqib and the town of Binnish.") == [
        ("airstrike", "2015-04-27", ["Saraqab"]), ("airstrike", "2015-04-27", ["Bennsh"])]


def test_a_drone_strike(extract):
    assert events(extract, "A drone struck a car near Saraqib on Monday.") == [
        ("airstrike", "2015-04-27", ["Saraqab"])]


def test_pushing_on_a_day_toward_a_place(extract):
    assert events(extract, "HTS fighters were pushing on Monday toward Saraqib.") == [
        ("attack", "2015-04-27", ["Saraqab"])]
