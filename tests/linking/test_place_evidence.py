"""Place evidence between reports of two documents: a district or subdistrict named after its
seat town, and regions known by name alone. Reports built by hand, with places of their own."""

from __future__ import annotations

from datetime import date

from conflictkg.linking.evidence import LINK_THRESHOLD, SAME_TOWN, Known, compare, relation
from conflictkg.linking.model import Place, Report
from conflictkg.reference import load_bundle

GOV = Place("gov/north", "Northland", "governorate", (), (36.0, 36.0))
OTHER_GOV = Place("gov/south", "Southland", "governorate", (), (36.0, 33.0))
DISTRICT = Place("dist/kafr-tal", "Kafr Tal", "district", ("gov/north",), (36.1, 36.1))
SUB = Place("sub/kafr-tal", "Kafr Tal", "subdistrict", ("dist/kafr-tal", "gov/north"), (36.1, 36.1))
TOWN = Place("town/kafr-tal", "Kafr Tal", "community", ("sub/kafr-tal", "dist/kafr-tal", "gov/north"),
             (36.12, 36.11))
VILLAGE = Place("town/tell-sur", "Tell Sur", "community", ("sub/kafr-tal", "dist/kafr-tal", "gov/north"),
                (36.3, 36.3))
NAMESAKE = Place("town/kafr-tal-south", "Kafr Tal", "community", ("gov/south",), (36.2, 33.1))
OTHER_SUB = Place("sub/ain-jar", "Ain Jar", "subdistrict", ("dist/kafr-tal", "gov/north"), (36.4, 36.4))
PLAIN = Place("region/plain", "The Plain", "site", (), None)
RIVER = Place("region/river", "Beyond the River", "site", (), None)
PLACES = {p.iri: p for p in (GOV, OTHER_GOV, DISTRICT, SUB, TOWN, VILLAGE, NAMESAKE, OTHER_SUB, PLAIN, RIVER)}
KNOWN = Known(PLACES, {}, load_bundle().kinds, lambda a, b: False)
DAY = date(2019, 10, 9).toordinal()


def report(doc: str, kind: str, *places: str, first: int = DAY, actors: tuple[str, ...] = ()) -> Report:
    return Report(iri=f"event/{doc}", document=f"doc/{doc}", kind=kind, first=first, last=first,
                  places=places, actors=actors)


def test_a_subdistrict_or_district_named_after_its_town_is_that_town():
    for seat in (SUB, DISTRICT):
        strength, kind, _ = relation(TOWN, seat, PLACES)
        assert (strength, kind) == (0.9, "same_place")
    assert relation(VILLAGE, SUB, PLACES)[0] == 0.6  # another town of the subdistrict: only inside it
    assert relation(TOWN, OTHER_SUB, PLACES)[0] == 0.0
    assert relation(NAMESAKE, SUB, PLACES)[0] == 0.0  # the namesake elsewhere is not in it


def test_a_strike_on_the_town_read_as_its_subdistrict_links():
    town = report("a", "massacre", TOWN.iri)
    sub = report("b", "airstrike", SUB.iri)
    match = compare(town, sub, KNOWN)
    assert match is not None and match.score >= LINK_THRESHOLD
    village = compare(report("c", "massacre", VILLAGE.iri), sub, KNOWN)
    assert village is not None and village.score < match.score  # another town of it: only inside it


def test_a_region_known_by_name_alone_neither_matches_nor_rules_out():
    a = report("a", "attack", PLAIN.iri, actors=("actor/x",))
    b = report("b", "attack", RIVER.iri, actors=("actor/x",))
    match = compare(a, b, KNOWN)
    assert match is not None and match.score >= LINK_THRESHOLD
    assert all(r.kind not in ("same_place", "place_within", "place_near") for r in match.reasons)
    same = compare(a, report("c", "attack", PLAIN.iri), KNOWN)
    assert same is not None and any(r.kind == "same_place" for r in same.reasons)
    # a located place still rules out another: two towns apart are two happenings
    assert compare(report("d", "attack", PLAIN.iri, TOWN.iri), report("e", "attack", NAMESAKE.iri), KNOWN) is None
    assert compare(report("f", "attack", RIVER.iri, first=DAY + 9), b, KNOWN) is None  # other days


def test_a_governorate_both_name_is_weaker_evidence_than_a_town_both_name():
    """Two reports placed only "in Hama province" share little: an airstrike on the province
    must not outweigh a capture in one of its villages for an attack in its countryside."""
    assert relation(TOWN, TOWN, PLACES)[0] == 1.0
    strength, kind, _ = relation(GOV, GOV, PLACES)
    assert kind == "same_place" and strength < SAME_TOWN and strength > relation(TOWN, GOV, PLACES)[0]
