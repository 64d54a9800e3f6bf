"""English: a strike by "aircraft", "a drone" or "drones" is an airstrike, one event a town
it hits ("Regime aircraft on Monday struck A and the town of B": two); a force "pushing on"
a day toward a place attacks it; gunmen "opened fire", "a missile hit" and artillery that
"pounded" a lone village's name tell an attack and a shelling there. Sentences written for these
tests."""


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


def test_fire_a_missile_and_artillery_pounding(extract):
    assert events(extract, "Gunmen opened fire on a bus near Jasim on Monday.") == [
        ("attack", "2015-04-27", ["Jasim"])]
    assert events(extract, "A missile hit a market in Saraqib on Monday.") == [
        ("shelling", "2015-04-27", ["Saraqab"])]
    assert events(extract, "Turkish artillery pounded Tal Rifaat on Monday.") == [
        ("shelling", "2015-04-27", ["Tall Refaat"])]
