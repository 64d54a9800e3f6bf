"""The facets of one telling: events of one document that linking moves as one happening.

Reports built by hand, compared with the bundle's kinds and a few places, so that each
condition of the rule is seen to hold or to rule a pair out."""

from __future__ import annotations

from datetime import date

import pytest

from conflictkg.linking.evidence import Known, compare, facets
from conflictkg.linking.model import Place, Report
from conflictkg.reference import load_bundle

IDLIB = Place("gov/idlib", "Idlib", "governorate", (), None)
SARAQIB = Place("town/saraqib", "Saraqib", "community", ("gov/idlib",), (36.80, 35.86))
NAYRAB = Place("town/nayrab", "Nayrab", "community", ("gov/idlib",), (36.76, 35.84))
MARKET = Place("site/saraqib-market", "Saraqib market", "site", ("town/saraqib", "gov/idlib"), None)
PLACES = {p.iri: p for p in (IDLIB, SARAQIB, NAYRAB, MARKET)}
KNOWN = Known(PLACES, {}, load_bundle().kinds, lambda a, b: False)
DAY = date(2020, 2, 27).toordinal()


def report(key: str, kind: str, *places: str, document: str = "doc/a", first: int = DAY,
           last: int | None = None, parent: str | None = None, name_key: str | None = None) -> Report:
    return Report(iri=f"event/{key}", document=document, kind=kind, first=first,
                  last=first if last is None else last, places=places, parent=parent,
                  name_key=name_key)


def test_a_capture_and_the_fighting_at_one_town_on_one_day_are_one_telling():
    capture = report("capture", "capture", SARAQIB.iri, IDLIB.iri)
    fighting = report("clash", "clash", SARAQIB.iri)
    match = facets(capture, fighting, KNOWN)
    assert match is not None and match.score == 1.0 and match.other == capture.iri
    assert [r.kind for r in match.reasons] == ["same_telling"]
    assert "Saraqib" in match.reasons[0].note and "2020-02-27" in match.reasons[0].note
    assert compare(capture, fighting, KNOWN) is None  # across the rule, one document is a veto


def test_days_of_fighting_that_ended_on_the_day_the_town_fell_are_its_assault():
    capture = report("capture", "capture", SARAQIB.iri)
    assault = report("battle", "battle", SARAQIB.iri, first=DAY - 2, last=DAY)
    assert facets(capture, assault, KNOWN) is not None
    assert facets(assault, capture, KNOWN) is not None
    # but two ranges of fighting, or fighting at another town, are not one telling
    assert facets(report("c", "clash", SARAQIB.iri, first=DAY - 1, last=DAY), assault, KNOWN) is None
    assert facets(capture, report("d", "battle", NAYRAB.iri, first=DAY - 2, last=DAY), KNOWN) is None


def test_a_site_of_the_town_is_the_town():
    assert facets(report("a", "attack", SARAQIB.iri), report("b", "clash", MARKET.iri), KNOWN)


@pytest.mark.parametrize(("other", "why"), [
    (report("b", "clash", SARAQIB.iri, document="doc/b"), "another document"),
    (report("b", "clash", SARAQIB.iri, first=DAY + 1), "the next day"),
    (report("b", "clash", SARAQIB.iri, first=DAY - 3, last=DAY - 1), "days that ended before"),
    (report("b", "clash", SARAQIB.iri, first=DAY - 2, last=DAY + 1), "fighting that went on after"),
    (report("b", "clash", SARAQIB.iri, first=DAY - 20, last=DAY), "weeks of fighting"),
    (report("b", "clash", NAYRAB.iri), "another town"),
    (report("b", "clash", SARAQIB.iri, NAYRAB.iri), "one more town"),
    (report("b", "clash", IDLIB.iri), "only the governorate"),
    (report("b", "airstrike", SARAQIB.iri), "kinds that are never one happening"),
    (report("b", "clash", SARAQIB.iri, parent="event/a"), "an episode of the other"),
])
def test_anything_looser_stays_apart(other: Report, why: str):
    assert facets(report("a", "capture", SARAQIB.iri), other, KNOWN) is None, why


def test_two_battle_names_stay_apart():
    a = report("a", "clash", SARAQIB.iri, name_key="one")
    assert facets(a, report("b", "clash", SARAQIB.iri, name_key="two"), KNOWN) is None
    assert facets(a, report("b", "clash", SARAQIB.iri, name_key="one"), KNOWN) is not None
