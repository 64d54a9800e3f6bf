"""Extraction -> the quads of one document's graph: IRIs, dates, ranks, spans, errors."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store

from conflictkg.extract.model import Span
from conflictkg.iris import Iris, slugify
from conflictkg.rdf.mapping import MappingError
from conflictkg.rdf.vocabulary import (
    ckg,
    ckgk,
    ckgt,
    ckgv,
    dcterms,
    geo,
    oa,
    prov,
    rdf,
    rdfs,
    schema,
    sem,
    sparql_prefixes,
    wikibase,
    xsd,
)

from .conftest import (
    BRIGADE,
    SITE,
    UNIT,
    Sample,
    archive_record,
    english_wire,
    sohr_report,
    watan_denial,
)


def objects(quads: list[Quad], s: NamedNode, p: NamedNode) -> list:
    return [q.object for q in quads if q.subject == s and q.predicate == p]


def one(quads: list[Quad], s: NamedNode, p: NamedNode):
    found = objects(quads, s, p)
    assert len(found) == 1, (s, p, found)
    return found[0]


def doc_node(sample: Sample, iris: Iris) -> NamedNode:
    return NamedNode(iris.document(sample.extraction.document.sha256))


def event_node(sample: Sample, iris: Iris, index: int) -> NamedNode:
    x = sample.extraction
    return NamedNode(iris.event(x.document.sha256, x.events[index].key))


def claim_node(sample: Sample, iris: Iris, key: str) -> NamedNode:
    return NamedNode(iris.claim(sample.extraction.document.sha256, key))


def test_one_graph_no_blank_nodes_same_quads_every_time(sample: Sample, iris: Iris) -> None:
    quads = sample.quads(iris)
    assert {q.graph_name for q in quads} == {doc_node(sample, iris)}
    assert not [q for q in quads if isinstance(q.subject, BlankNode)
                or isinstance(q.object, BlankNode)]
    assert len(set(quads)) == len(quads)
    assert sample.quads(iris) == quads


def test_iris_follow_the_base(sample: Sample) -> None:
    quads = sample.quads(Iris("https://example.org/kg"))
    minted = {t.value for q in quads for t in (q.subject, q.object, q.graph_name)
              if isinstance(t, NamedNode) and "/id/" in t.value}
    assert minted and all(v.startswith("https://example.org/kg/id/") for v in minted)


def test_document_metadata(iris: Iris) -> None:
    sample = sohr_report()
    quads, doc = sample.quads(iris), doc_node(sample, iris)
    assert one(quads, doc, rdf.type) == ckg.SourceDocument
    assert one(quads, doc, ckg.sha256) == Literal(sample.extraction.document.sha256)
    assert one(quads, doc, ckg.fileName) == Literal("001_sohr.txt")
    assert one(quads, doc, dcterms.language) == Literal("ar")
    assert one(quads, doc, schema.text) == Literal(sample.text, language="ar")
    assert one(quads, doc, schema.datePublished) == Literal("2017-03-25", datatype=xsd.date)
    assert one(quads, doc, ckg.ingestedAt) == Literal("2025-01-02T03:04:05+00:00",
                                                      datatype=xsd.dateTime)
    assert one(quads, doc, ckg.extractorVersion) == Literal("0.1.0-test")
    assert one(quads, doc, schema.genre) == Literal("news-article")
    assert objects(quads, doc, prov.wasRevisionOf) == []


def test_publisher_from_the_gazetteer_is_only_referenced(iris: Iris) -> None:
    sample = sohr_report()
    quads = sample.quads(iris)
    sohr = NamedNode(iris.source("sohr"))
    assert one(quads, doc_node(sample, iris), schema.publisher) == sohr
    assert [q for q in quads if q.subject == sohr] == []


def test_unknown_publisher_is_minted_and_labelled_in_the_document_graph(iris: Iris) -> None:
    sample = archive_record()
    quads = sample.quads(iris)
    publisher = one(quads, doc_node(sample, iris), schema.publisher)
    assert publisher == NamedNode(iris.source("syrian-memory"))
    assert one(quads, publisher, rdf.type) == ckg.ReportingSource
    assert set(objects(quads, publisher, rdfs.label)) == {
        Literal("Syrian Memory", language="en"), Literal("الذاكرة السورية", language="ar")}
    assert one(quads, doc_node(sample, iris), dcterms.identifier) == Literal("SMI/A900/243")


def test_english_document_url_title_and_revision(iris: Iris) -> None:
    sample = english_wire()
    earlier = iris.document("0" * 64)
    quads, doc = sample.quads(iris, revision_of=earlier), doc_node(sample, iris)
    assert one(quads, doc, schema.url) == NamedNode("https://example.org/wire/2018/03/21/duma")
    assert one(quads, doc, dcterms.title) == Literal("Air strikes on Duma", language="en")
    assert one(quads, doc, schema.text).language == "en"
    assert one(quads, doc, prov.wasRevisionOf) == NamedNode(earlier)


def test_events_class_concept_places_actors_and_episodes(iris: Iris) -> None:
    sample = sohr_report()
    quads = sample.quads(iris)
    battle, capture = event_node(sample, iris, 0), event_node(sample, iris, 1)
    # its class, and ckg:Event with the superclasses the ontology gives it, for generic clients
    generic = {ckg.Event, sem.Event, NamedNode("https://schema.org/Event"), prov.Entity}
    assert set(objects(quads, battle, rdf.type)) == {ckg.Battle, *generic}
    assert one(quads, battle, ckg.eventType) == ckgt.battle
    assert set(objects(quads, capture, rdf.type)) == {ckg.Capture, *generic}
    assert one(quads, capture, sem.subEventOf) == battle
    assert one(quads, battle, sem.hasPlace) == NamedNode(iris.place("A008"))
    assert set(objects(quads, battle, sem.hasActor)) == {
        NamedNode(iris.actor("syrian-government-forces")),
        NamedNode(iris.actor("faylaq-al-rahman"))}
    assert one(quads, battle, prov.wasDerivedFrom) == doc_node(sample, iris)


def test_named_event_gets_its_name_as_label(iris: Iris) -> None:
    sample = archive_record()
    quads = sample.quads(iris)
    assert one(quads, event_node(sample, iris, 0), rdfs.label) == Literal("نصرة داريا",
                                                                          language="ar")


@pytest.mark.parametrize(("make", "index", "begin", "end", "earliest", "latest"), [
    (sohr_report, 0, ("2017-03-19", "date"), ("2017-03", "gYearMonth"),
     "2017-03-19", "2017-03-31"),
    (sohr_report, 1, ("2017-03", "gYearMonth"), None, "2017-03-01", "2017-03-31"),
    (archive_record, 0, ("2013-01-27", "date"), ("2013-02-25", "date"),
     "2013-01-27", "2013-02-25"),
    (english_wire, 1, ("2018", "gYear"), None, "2018-01-01", "2018-12-31"),
])
def test_event_dates_keep_their_precision_and_their_range(
        iris: Iris, make, index: int, begin, end, earliest: str, latest: str) -> None:
    sample = make()
    quads, node = sample.quads(iris), event_node(sample, iris, index)
    assert one(quads, node, sem.hasBeginTimeStamp) == Literal(begin[0], datatype=xsd[begin[1]])
    assert objects(quads, node, sem.hasEndTimeStamp) == (
        [Literal(end[0], datatype=xsd[end[1]])] if end else [])
    assert one(quads, node, sem.hasEarliestBeginTimeStamp) == Literal(earliest, datatype=xsd.date)
    assert one(quads, node, sem.hasLatestEndTimeStamp) == Literal(latest, datatype=xsd.date)


def test_casualty_claim_value_qualifiers_source_and_evidence(iris: Iris) -> None:
    sample = sohr_report()
    quads = sample.quads(iris)
    first = sample.extraction.casualty_claims[0]
    node = claim_node(sample, iris, first.key)
    assert one(quads, node, rdf.type) == ckg.CasualtyClaim
    assert one(quads, node, ckg.count) == Literal(36)
    assert one(quads, node, ckg.qualifier) == ckgv.at_least
    assert one(quads, node, ckg.outcome) == ckgv.killed
    assert one(quads, node, ckg.victimActor) == NamedNode(iris.actor("syrian-government-forces"))
    assert one(quads, node, ckg.victimCategory) == Literal("fighters")
    assert one(quads, node, ckg.about) == event_node(sample, iris, 0)
    assert one(quads, node, prov.wasAttributedTo) == NamedNode(iris.source("sohr"))
    assert one(quads, node, ckg.attributedLabel) == Literal("المرصد السوري لحقوق الإنسان")
    annotation = one(quads, node, ckg.evidence)
    assert annotation == NamedNode(iris.annotation(
        sample.extraction.document.sha256, first.evidence.start, first.evidence.end))
    assert one(quads, annotation, oa.motivatedBy) == oa.describing
    assert node in objects(quads, annotation, oa.hasBody)


def test_revised_tolls_are_ranked(iris: Iris) -> None:
    sample = sohr_report()
    quads = sample.quads(iris)
    c36, c62, c80 = (claim_node(sample, iris, c.key) for c in sample.extraction.casualty_claims)
    assert one(quads, c62, ckg.supersedes) == c36
    assert one(quads, c80, ckg.supersedes) == c62
    assert one(quads, c36, wikibase.rank) == wikibase.DeprecatedRank
    assert one(quads, c62, wikibase.rank) == wikibase.DeprecatedRank
    assert one(quads, c80, wikibase.rank) == wikibase.PreferredRank
    control = claim_node(sample, iris, sample.extraction.control_claims[0].key)
    assert one(quads, control, wikibase.rank) == wikibase.NormalRank


def test_denied_control_claim_by_a_unit_found_by_pattern(iris: Iris) -> None:
    sample = watan_denial()
    quads = sample.quads(iris)
    claim = sample.extraction.control_claims[0]
    node = claim_node(sample, iris, claim.key)
    unit = NamedNode(iris.actor(slugify(UNIT)))
    assert one(quads, node, rdf.type) == ckg.ControlClaim
    assert one(quads, node, ckg.stance) == ckgv.denied
    assert one(quads, node, ckg.change) == ckgv.captured
    assert one(quads, node, ckg.controlActor) == unit
    assert one(quads, node, ckg.controlPlace) == NamedNode(iris.place("A004"))
    assert one(quads, node, sem.hasBeginTimeStamp) == Literal("2013-02", datatype=xsd.gYearMonth)
    assert one(quads, node, sem.hasEarliestBeginTimeStamp) == Literal("2013-02-01",
                                                                      datatype=xsd.date)
    assert one(quads, node, sem.hasLatestEndTimeStamp) == Literal("2013-02-28", datatype=xsd.date)
    source = one(quads, node, prov.wasAttributedTo)
    assert source == NamedNode(iris.source(slugify("صحيفة الوطن")))
    assert one(quads, source, rdfs.label) == Literal("صحيفة الوطن", language="ar")


def test_units_found_by_pattern_are_described_curated_actors_only_referenced(
        iris: Iris) -> None:
    sample = archive_record()
    quads = sample.quads(iris)
    brigade = NamedNode(iris.actor(slugify(BRIGADE)))
    assert one(quads, brigade, rdf.type) == ckg.ArmedGroup
    assert one(quads, brigade, rdfs.label) == Literal(BRIGADE, language="ar")
    assert one(quads, brigade, ckg.actorKind) == ckgk.rebel_group
    assert one(quads, brigade, ckg.partOf) == NamedNode(iris.actor("free-syrian-army"))
    for key in ("free-syrian-army", "syrian-government-forces"):
        assert [q for q in quads if q.subject == NamedNode(iris.actor(key))] == []


def test_sites_found_in_the_text_are_described_gazetteer_places_only_referenced(
        iris: Iris) -> None:
    sample = sohr_report()
    quads = sample.quads(iris)
    site = NamedNode(iris.place(f"A008-{slugify(SITE)}"))
    assert one(quads, site, rdf.type) == ckg.Place
    assert one(quads, site, rdfs.label) == Literal(SITE, language="ar")
    assert one(quads, site, ckg.adminLevel) == ckgv.site
    assert one(quads, site, schema.containedInPlace) == NamedNode(iris.place("A008"))
    geometry = one(quads, site, geo.hasGeometry)
    assert one(quads, geometry, geo.asWKT) == Literal(
        "<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POINT(36.330777 33.519777)",
        datatype=geo.wktLiteral)
    for key in ("A008", "C1001"):
        assert [q for q in quads if q.subject == NamedNode(iris.place(key))] == []


def test_mentions_are_annotations_whose_body_is_the_entity(iris: Iris) -> None:
    sample = sohr_report()
    quads = sample.quads(iris)
    jobar = NamedNode(iris.place("A008"))
    mentions = [q.subject for q in quads if q.predicate == oa.hasBody and q.object == jobar]
    assert len(mentions) == 1
    assert one(quads, mentions[0], oa.motivatedBy) == oa.identifying


def test_spans_select_the_text_they_quote(sample: Sample, iris: Iris, tmp_path) -> None:
    store = Store(str(tmp_path / "store"))
    store.extend(sample.quads(iris))
    rows = list(store.query(sparql_prefixes("oa", "schema") + """
        SELECT ?a ?target ?quote ?position ?exact ?prefix ?start ?end ?text WHERE { GRAPH ?g {
          ?a a oa:Annotation ; oa:hasTarget ?target .
          ?target a oa:SpecificResource ; oa:hasSource ?doc ; oa:hasSelector ?quote, ?position .
          ?quote a oa:TextQuoteSelector ; oa:exact ?exact . OPTIONAL { ?quote oa:prefix ?prefix }
          ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
          ?doc schema:text ?text } }"""))
    spans = [*sample.extraction.actors, *sample.extraction.places]
    expected = {(m.start, m.end) for a in spans for m in a.mentions}
    x = sample.extraction
    expected |= {(e.evidence.start, e.evidence.end)
                 for e in [*x.events, *x.casualty_claims, *x.control_claims]}
    assert {(int(r["start"].value), int(r["end"].value)) for r in rows} == expected
    for r in rows:
        start, end = int(r["start"].value), int(r["end"].value)
        assert r["text"].value[start:end] == r["exact"].value
        assert r["target"].value == r["a"].value + "#target"
        assert r["quote"].value == r["a"].value + "#quote"
        assert r["position"].value == r["a"].value + "#position"
        if r["prefix"] is not None:
            assert r["text"].value[:start].endswith(r["prefix"].value)


def test_the_newest_toll_of_a_chain_through_sparql(iris: Iris, tmp_path) -> None:
    store = Store(str(tmp_path / "store"))
    for make in (sohr_report, english_wire):
        store.extend(make().quads(iris))
    rows = store.query(sparql_prefixes("ckg", "wikibase") + """
        SELECT ?count (COUNT(?old) AS ?replaced) WHERE {
          ?claim wikibase:rank wikibase:PreferredRank ; ckg:count ?count ;
                 ckg:supersedes+ ?old } GROUP BY ?count ORDER BY ?count""",
                       use_default_graph_as_union=True)
    assert [(int(r["count"].value), int(r["replaced"].value)) for r in rows] == [(44, 1), (80, 2)]


# --- errors name the document and the item -------------------------------------------------

def _with_claim(sample: Sample, index: int, **changes) -> Sample:
    claims = list(sample.extraction.casualty_claims)
    claims[index] = replace(claims[index], **changes)
    return Sample(replace(sample.extraction, casualty_claims=claims), sample.text)


def _with_event(sample: Sample, index: int, **changes) -> Sample:
    events = list(sample.extraction.events)
    events[index] = replace(events[index], **changes)
    return Sample(replace(sample.extraction, events=events), sample.text)


BROKEN = {
    "span text": (lambda s: _with_claim(s, 0, evidence=replace(
        s.extraction.casualty_claims[0].evidence, text="مقتل 37")), "is 'مقتل 36"),
    "span outside": (lambda s: _with_claim(s, 0, evidence=Span(10, 10_000, "x")),
                     "outside the text"),
    "unknown event": (lambda s: _with_claim(s, 0, event="1-2"), "unknown event key '1-2'"),
    "unknown superseded": (lambda s: _with_claim(s, 0, supersedes="nope"),
                           "supersedes unknown claim 'nope'"),
    "supersedes cycle": (lambda s: _with_claim(s, 0, supersedes=s.extraction.casualty_claims[2].key),
                         "cycle"),
    "negative count": (lambda s: _with_claim(s, 0, count=-3), "count is negative"),
    "qualifier": (lambda s: _with_claim(s, 0, qualifier="roughly"), "unknown qualifier"),
    "outcome": (lambda s: _with_claim(s, 0, outcome="dead"), "unknown outcome"),
    "duplicate claim": (lambda s: _with_claim(s, 1, key=s.extraction.casualty_claims[0].key),
                        "two claims share a key"),
    "event kind": (lambda s: _with_event(s, 0, kind="skirmish"), "unknown kind 'skirmish'"),
    "month 13": (lambda s: _with_event(s, 0, start="2017-13"), "not a calendar date"),
    "date format": (lambda s: _with_event(s, 0, start="19/03/2017"), "not a date"),
    "ends before": (lambda s: _with_event(s, 0, start="2017-03-19", end="2017-02"),
                    "before it begins"),
    "own episode": (lambda s: _with_event(s, 0, parent=s.extraction.events[0].key),
                    "episode of itself"),
    "actor key": (lambda s: _with_event(s, 0, actors=["free syrian army"]), "actor key"),
    "place level": (lambda s: Sample(replace(s.extraction, places=[
        replace(p, level="town") for p in s.extraction.places]), s.text), "unknown level 'town'"),
    "sha256": (lambda s: Sample(replace(s.extraction, document=replace(
        s.extraction.document, sha256="0" * 64)), s.text), "not the digest of the text"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_an_extraction_that_does_not_fit_is_refused_with_a_clear_error(
        case: str, iris: Iris) -> None:
    breaking, message = BROKEN[case]
    sample = breaking(sohr_report())
    with pytest.raises(MappingError, match=r"^001_sohr\.txt: ") as raised:
        sample.quads(iris)
    assert message in str(raised.value)


def test_first_and_last_day_helpers_agree_with_the_calendar() -> None:
    from conflictkg.rdf.terms import first_day, last_day, temporal

    assert (first_day("2016-02"), last_day("2016-02")) == (date(2016, 2, 1), date(2016, 2, 29))
    assert (first_day("2013"), last_day("2013")) == (date(2013, 1, 1), date(2013, 12, 31))
    assert last_day("2013-02-25") == date(2013, 2, 25)
    assert temporal(2012) == Literal("2012", datatype=xsd.gYear)
    with pytest.raises(ValueError, match="not a calendar date"):
        temporal("2013-02-30")
