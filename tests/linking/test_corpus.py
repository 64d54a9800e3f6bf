"""The linking corpus ingested by the real pipeline into an on-disk store, its links scored
against the gold (tests/linking/scoring.py says how), its near-misses kept apart, its
incidents graph valid and the same when the store is linked again from scratch."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from itertools import combinations
from pathlib import Path

from pyoxigraph import NamedNode, Store

from conflictkg.config import Settings
from conflictkg.iris import Iris
from conflictkg.linking.index import FILE
from conflictkg.rdf.validate import validate
from conflictkg.store import open_snapshot, writing

from .scoring import GOLD, align, faithful, score, table

IRIS = Iris()
INCIDENTS = NamedNode(IRIS.graph("incidents"))
# Gold incidents that must never share an incident: the same town a week apart, two towns
# of one name, two towns struck the same day, a town taken back and forth.
NEAR_MISSES = [
    ("kafr-nabl-shelling-2019-09-08", "kafr-nabl-shelling-2019-09-15"),
    ("abu-dali-hama-capture-2017-10-08", "abu-dali-idlib-airstrike-2017-10-09"),
    ("maarat-market-2019-07-22", "saraqib-market-2019-07-22"),
    ("peace-spring-ras-al-ain-2019-10-09", "peace-spring-tal-abyad-2019-10-09"),
    *combinations(["saraqib-gov-capture-2020-02-08", "saraqib-opp-capture-2020-02-27",
                   "saraqib-gov-recapture-2020-03-02", "doa-saraqib-2024-11-30"], 2),
    ("qadam-2018-03-19", "qadam-capture-2018-03-20"),
]


def test_links_between_reports_the_extraction_read_faithfully_hold(corpus_snapshot: Store):
    """Linking's own figures: pairs of gold reports whose events the extraction read with
    the gold's day, a compatible kind and the named place."""
    scores = score(corpus_snapshot)
    print(table(scores))
    assert scores.faithful.tp + scores.faithful.fn >= 20, "too few faithful pairs to judge by"
    assert scores.faithful.precision >= 0.90, scores.wrong
    assert scores.faithful.f1 >= 0.80, scores.missed


def test_links_between_reports_the_extraction_read_faithfully_are_precise(corpus_snapshot: Store):
    """The issue's target: a wrong merge hides a disagreement."""
    assert score(corpus_snapshot).faithful.precision >= 0.95


def test_links_between_reports_the_extraction_read_faithfully_reach_f1_090(corpus_snapshot: Store):
    """Reached once a document's capture, assault and fighting of one town on one day move
    together as facets of one telling (they were three incidents, each joined by another
    source's report of its own kind)."""
    scores = score(corpus_snapshot)
    assert scores.faithful.f1 >= 0.90, scores.missed


def test_all_links_against_the_gold_meet_the_target(corpus_snapshot: Store):
    """Issue 14's target over every gold pair, what extraction misreads included (4 of the
    62 gold reports are read with another day, kind or place: scoring.py lists them)."""
    scores = score(corpus_snapshot)
    assert scores.total.precision >= 0.95 and scores.total.f1 >= 0.90, table(scores)


def test_near_misses_stay_apart(corpus_snapshot: Store):
    """Over the reports read with their happening's day, kind and place: a report read with
    another happening's day (en-l10's 'since early February', aligned by its month with an
    event of 27 February) is that happening's to linking."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    aligned = align(corpus_snapshot, gold, IRIS)
    incidents = {i["id"]: {aligned[(r["file"], r["evidence"])].incident for r in i["reports"]
                           if faithful(r, aligned[(r["file"], r["evidence"])], i["date"])}
                 for i in gold["incidents"]}
    merged = [(a, b) for a, b in NEAR_MISSES if incidents[a] & incidents[b] - {None}]
    assert merged == []
    judged = [(a, b) for a, b in NEAR_MISSES if incidents[a] and incidents[b]]
    assert len(judged) >= 7, judged  # both sides read faithfully: 7 of the 11 pairs (8 before)


SARAQIB_TWICE = ("saraqib-gov-capture-2020-02-08", "saraqib-opp-capture-2020-02-27")


def test_the_capture_and_the_recapture_of_saraqib_stay_apart(corpus_snapshot: Store):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    aligned = align(corpus_snapshot, gold, IRIS)
    incidents = {i["id"]: {aligned[(r["file"], r["evidence"])].incident for r in i["reports"]
                           if faithful(r, aligned[(r["file"], r["evidence"])], i["date"])}
                 for i in gold["incidents"]}
    a, b = SARAQIB_TWICE
    assert not incidents[a] & incidents[b] - {None}


def test_the_sohr_revision_of_al_qadam_is_one_incident(corpus_snapshot: Store):
    """SOHR's 36 on Tuesday and 62 on Wednesday, in two documents: one incident, the 62
    preferred and the 36 deprecated (ar-l02 tells the attack in a relative clause, "الهجوم
    الذي شنه تنظيم «داعش» ليل الاثنين على حي القدم", which is a telling, not a reference)."""
    rows = corpus_snapshot.query("""
        PREFIX ckg: <https://conflictkg.org/ontology#>
        PREFIX wikibase: <http://wikiba.se/ontology#>
        SELECT ?count ?rank ?incident WHERE { ?c ckg:count ?count ; wikibase:rank ?rank ;
          ckg:about/ckg:reportOf ?incident FILTER(?count IN (36, 62)) }""", use_default_graph_as_union=True)
    found = {int(r["count"].value): (r["rank"].value.rsplit("#")[-1], r["incident"].value) for r in rows}
    assert found[62][0] == "PreferredRank" and found[36][0] == "DeprecatedRank"
    assert found[62][1] == found[36][1]


def test_the_incidents_graph_conforms_to_the_shapes(corpus_snapshot: Store):
    report = validate(corpus_snapshot)
    ours = [v for v in report.violations if "/id/incident/" in v.focus or "/id/claim/" in v.focus
            or "/id/event/" in v.focus]
    assert ours == []
    assert sum(1 for _ in corpus_snapshot.quads_for_pattern(None, None, None, INCIDENTS)) > 500


def test_every_event_reports_one_incident_and_two_events_of_a_document_only_as_one_telling(
        corpus_snapshot: Store):
    """An event reports one incident; two events of one document share it only as facets of
    one telling: the same day (or days of fighting that ended on the day of the capture they
    share it with), the same places, and a link that says so."""
    rows = corpus_snapshot.query("""
        PREFIX ckg: <https://conflictkg.org/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        SELECT ?e ?i ?d ?begin ?end ?why WHERE {
          GRAPH ?d { ?e ckg:eventType ?t ; prov:wasDerivedFrom ?d
                     OPTIONAL { ?e sem:hasEarliestBeginTimeStamp ?begin ; sem:hasLatestEndTimeStamp ?end } }
          OPTIONAL { ?e ckg:reportOf ?i
                     OPTIONAL { ?i prov:qualifiedDerivation ?link . ?link prov:entity ?e ;
                                  ckg:reason/ckg:reasonKind ?why } } }""", use_default_graph_as_union=True)
    seen: dict[str, set[str]] = {}
    per_incident: dict[tuple[str, str], set[tuple[str, str]]] = {}
    told_as_facet: set[str] = set()
    for r in rows:
        assert r["i"] is not None, f"{r['e']} reports no incident"
        seen.setdefault(r["e"].value, set()).add(r["i"].value)
        days = (r["begin"].value if r["begin"] else "", r["end"].value if r["end"] else "")
        per_incident.setdefault((r["i"].value, r["d"].value), set()).add((r["e"].value, *days))
        if r["why"] is not None and r["why"].value.endswith("/same_telling"):
            told_as_facet.add(r["e"].value)
    assert all(len(i) == 1 for i in seen.values())
    shared = [events for events in per_incident.values() if len(events) > 1]
    assert shared, "no telling in several events: the test would not judge the rule"
    for events in shared:
        days = {(begin, end) for _, begin, end in events}
        single = {(begin, end) for begin, end in days if begin == end}
        assert len({end for _, end in days}) == 1 and len(single) == 1 and len(days) <= 2, events
        assert len(told_as_facet & {e for e, _, _ in events}) >= len(events) - 1, events
    assert len(seen) > 60


def test_linking_the_store_again_from_scratch_writes_the_same_incidents(linked_corpus: Settings,
                                                                        tmp_path: Path):
    """The command a store built before linking needs: it rebuilds the index and the graph,
    and on a linked store changes nothing."""
    copy = tmp_path / "store"
    shutil.copytree(linked_corpus.store, copy)
    before = set(open_snapshot(copy)[1].quads_for_pattern(None, None, None, INCIDENTS))
    with writing(copy) as writer:
        writer.remove_graph(INCIDENTS.value)
    (copy / FILE).unlink()
    assert not any(open_snapshot(copy)[1].quads_for_pattern(None, None, None, INCIDENTS))
    result = subprocess.run([sys.executable, "-m", "conflictkg", "link", "--store", str(copy)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "38 documents linked" in result.stderr
    assert set(open_snapshot(copy)[1].quads_for_pattern(None, None, None, INCIDENTS)) == before
