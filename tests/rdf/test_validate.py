"""SHACL validation: the mapped samples conform; each kind of breakage is reported."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from conflictkg.iris import Iris
from conflictkg.rdf.ontology import ontology_quads
from conflictkg.rdf.validate import validate
from conflictkg.rdf.vocabulary import (
    ckg,
    ckgt,
    ckgv,
    geo,
    oa,
    prov,
    rdf,
    rdfs,
    sem,
    wikibase,
    xsd,
)
from conflictkg.store import open_snapshot

from .conftest import english_wire, sohr_report

IRIS = Iris()
SOHR = sohr_report().extraction
SHA = SOHR.document.sha256
TOLL36, TOLL62 = (NamedNode(IRIS.claim(SHA, c.key)) for c in SOHR.casualty_claims[:2])
CONTROL = NamedNode(IRIS.claim(SHA, SOHR.control_claims[0].key))
BATTLE = NamedNode(IRIS.event(SHA, SOHR.events[0].key))
DOC = NamedNode(IRIS.document(SHA))
EVIDENCE36 = IRIS.annotation(SHA, SOHR.casualty_claims[0].evidence.start,
                             SOHR.casualty_claims[0].evidence.end)


def test_the_samples_and_the_gazetteer_conform(all_quads: list[Quad]) -> None:
    report = validate(all_quads)
    assert report.conforms, str(report)
    assert report.violations == ()
    assert report.triples == len(set(q.triple for q in all_quads))


def test_a_store_is_validated_as_the_union_of_its_graphs(all_quads: list[Quad],
                                                         tmp_path) -> None:
    store = Store(str(tmp_path / "store"))
    store.extend(all_quads)
    store.extend(ontology_quads(IRIS))
    assert validate(store).conforms
    store.remove(next(iter(store.quads_for_pattern(TOLL36, prov.wasAttributedTo, None))))
    assert not validate(store).conforms


def without(s: NamedNode, p: NamedNode) -> Callable[[list[Quad]], list[Quad]]:
    return lambda quads: [q for q in quads if not (q.subject == s and q.predicate == p)]


def setting(s: NamedNode, p: NamedNode, o) -> Callable[[list[Quad]], list[Quad]]:
    def change(quads: list[Quad]) -> list[Quad]:
        return [*without(s, p)(quads), Quad(s, p, o, DOC)]
    return change


def adding(s: NamedNode, p: NamedNode, o) -> Callable[[list[Quad]], list[Quad]]:
    return lambda quads: [*quads, Quad(s, p, o, DOC)]


JOBAR = NamedNode(IRIS.place("A008"))
FSA = NamedNode(IRIS.actor("free-syrian-army"))
WIRE = english_wire().extraction
WIRE_TOLL = NamedNode(IRIS.claim(WIRE.document.sha256, WIRE.casualty_claims[1].key))

BROKEN = {
    "claim without source": (without(TOLL36, prov.wasAttributedTo), TOLL36,
                             "exactly one reporting source"),
    "negative count": (setting(TOLL36, ckg.count, Literal(-36)), TOLL36, "0 or more"),
    "count as text": (setting(TOLL36, ckg.count, Literal("36")), TOLL36, "0 or more"),
    "claim without evidence": (without(TOLL36, ckg.evidence), TOLL36, "text span"),
    "superseded yet normal": (setting(TOLL36, wikibase.rank, wikibase.NormalRank), TOLL36,
                              "DeprecatedRank"),
    "unknown rank": (setting(CONTROL, wikibase.rank, wikibase.BestRank), CONTROL, "rank"),
    "supersedes cycle": (adding(TOLL36, ckg.supersedes, TOLL62), TOLL36, "supersede itself"),
    "qualifier outside its scheme": (setting(TOLL36, ckg.qualifier, ckgv.killed), TOLL36,
                                     "Qualifier"),
    "unknown stance": (setting(CONTROL, ckg.stance, ckgv.probably), CONTROL, "Stance"),
    "control claim without place": (without(CONTROL, ckg.controlPlace), CONTROL,
                                    "controlPlace"),
    "claim about a place": (setting(CONTROL, ckg.about, JOBAR), CONTROL, "about"),
    "two kinds of claim": (adding(TOLL36, rdf.type, ckg.ControlClaim), TOLL36, "either"),
    "class and type disagree": (setting(BATTLE, ckg.eventType, ckgt.airstrike), BATTLE,
                                "class its ckg:eventType"),
    "event in no known place": (adding(BATTLE, sem.hasPlace, NamedNode(IRIS.place("C9999"))), BATTLE,
                                "hasPlace"),
    "ends before it begins": (setting(BATTLE, sem.hasLatestEndTimeStamp,
                                      Literal("2017-01-01", datatype=xsd.date)),
                              BATTLE, "hasEarliestBeginTimeStamp"),
    "quote off its offsets": (lambda quads: [
        Quad(q.subject, q.predicate, Literal("مقتل 37 عنصراً"), q.graph_name)
        if q.predicate == oa.exact and q.subject.value == EVIDENCE36 + "#quote" else q
        for q in quads], NamedNode(EVIDENCE36 + "#target"), "between the offsets"),
    "document renamed": (setting(DOC, ckg.sha256, Literal("f" * 64)), DOC, "ends with"),
    "place without Arabic name": (without(JOBAR, rdfs.label), JOBAR, "Arabic"),
    "latitude first": (setting(NamedNode(JOBAR.value + "#geometry"), geo.asWKT, Literal(
        "POINT(33.519777 36.330777)", datatype=geo.wktLiteral)),
        NamedNode(JOBAR.value + "#geometry"), "CRS84"),
    "group part of itself": (adding(FSA, ckg.partOf, FSA), FSA, "part of itself"),
    "claim in no document": (without(WIRE_TOLL, prov.wasDerivedFrom), WIRE_TOLL,
                             "wasDerivedFrom"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_kind_of_breakage_is_reported(case: str, all_quads: list[Quad]) -> None:
    breaking, focus, hint = BROKEN[case]
    report = validate(breaking(all_quads))
    assert not report.conforms
    on_focus = [v for v in report.violations if v.focus == focus.value]
    assert on_focus, str(report)
    assert any(hint in f"{v.path} {v.message} {v.shape}" for v in on_focus), str(report)


def test_the_report_reads_as_text(all_quads: list[Quad]) -> None:
    report = validate(without(TOLL36, prov.wasAttributedTo)(all_quads))
    text = str(report)
    assert text.startswith("does not conform: 1 violations")
    assert f"<{TOLL36.value}> {prov.wasAttributedTo.value}" in text


def test_a_breakdown_part_points_at_a_larger_total_of_its_source(corpus_store, tmp_path) -> None:
    _, snapshot = open_snapshot(corpus_store.store)
    quads = list(snapshot.quads_for_pattern(None, None, None, None))
    parts = [(q.subject, q.object) for q in quads if q.predicate == ckg.partOfToll]
    counts = {q.subject: int(q.object.value) for q in quads if q.predicate == ckg.count}
    assert (9, 82) in {(counts[p], counts[t]) for p, t in parts}  # "82 ..., بينهم 9 ضباط"
    copy = Store(str(tmp_path / "copy"))
    copy.extend(quads)
    assert validate(copy).conforms
    part = next(p for p, _ in parts if counts[p] == 9)
    graph = next(q.graph_name for q in quads if q.subject == part and q.predicate == ckg.count)
    copy.remove(Quad(part, ckg.count, Literal(9), graph))
    copy.add(Quad(part, ckg.count, Literal(100), graph))
    report = validate(copy)
    assert not report.conforms
    assert "A part of a toll counts fewer than its total" in str(report)
