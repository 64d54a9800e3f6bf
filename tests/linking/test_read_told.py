"""One scan of a document's graph reads its events and claims as SPARQL queries over the
graph read them: the queries below, with an optional part for each property, are kept here
as the plain statement of what linking reads, and compared with the scan on the corpus and
on documents whose claims carry every property (sources, parts, revisions, victims)."""

from __future__ import annotations

from pyoxigraph import NamedNode, Variable

from conflictkg.config import Settings
from conflictkg.extract.normalize import normalize_key
from conflictkg.linking import read
from conflictkg.linking.model import Claim, Report, day
from conflictkg.linking.read import CKG, PREFIXES, RANK, _local, _value
from conflictkg.store import Writer, writing

EVENTS = PREFIXES + """
SELECT ?d ?e ?type ?begin ?end ?first ?last ?label ?parent WHERE { GRAPH ?d {
  ?e ckg:eventType ?type ; prov:wasDerivedFrom ?d .
  OPTIONAL { ?e sem:hasBeginTimeStamp ?begin } OPTIONAL { ?e sem:hasEndTimeStamp ?end }
  OPTIONAL { ?e sem:hasEarliestBeginTimeStamp ?first } OPTIONAL { ?e sem:hasLatestEndTimeStamp ?last }
  OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e sem:subEventOf ?parent }
} } ORDER BY ?e"""
EVENT_PLACES = PREFIXES + "SELECT ?d ?e ?x WHERE { GRAPH ?d { ?e sem:hasPlace ?x } } ORDER BY ?e ?x"
EVENT_ACTORS = PREFIXES + "SELECT ?d ?e ?x WHERE { GRAPH ?d { ?e sem:hasActor ?x } } ORDER BY ?e ?x"
CLAIMS = PREFIXES + """
SELECT ?d ?c ?class ?held ?source ?event ?count ?qualifier ?outcome ?victim ?category ?part WHERE {
  GRAPH ?d {
  VALUES ?class { ckg:CasualtyClaim ckg:ControlClaim }
  ?c a ?class ; prov:wasDerivedFrom ?d ; wikibase:rank ?held .
  OPTIONAL { ?c prov:wasAttributedTo ?source } OPTIONAL { ?c ckg:about ?event }
  OPTIONAL { ?c ckg:count ?count } OPTIONAL { ?c ckg:qualifier ?qualifier }
  OPTIONAL { ?c ckg:outcome ?outcome } OPTIONAL { ?c ckg:victimActor ?victim }
  OPTIONAL { ?c ckg:victimCategory ?category } OPTIONAL { ?c ckg:partOfToll ?part }
} } ORDER BY ?c"""
SUPERSEDES = PREFIXES + "SELECT ?d ?c ?x WHERE { GRAPH ?d { ?c ckg:supersedes ?x } } ORDER BY ?c ?x"


def _reports(writer: Writer, doc: str) -> list[Report]:
    """The events a document reports, in IRI order."""
    found: dict[str, Report] = {}
    for row in writer.query(EVENTS, substitutions={Variable("d"): NamedNode(doc)}):
        iri = row["e"].value
        if iri in found:
            continue
        label = row["label"]
        name = label.value if label is not None else None
        found[iri] = Report(
            iri=iri, document=doc, kind=_local(row["type"].value) or "other",
            first=day(_value(row["first"])), last=day(_value(row["last"])),
            begin=_value(row["begin"]), end=_value(row["end"]),
            name=name, name_lang=(label.language or "") if label is not None else "",
            name_key=(normalize_key(name) or None) if name else None, parent=_value(row["parent"]))
    places, actors = _objects(writer, EVENT_PLACES, doc), _objects(writer, EVENT_ACTORS, doc)
    for iri, report in found.items():
        report.places = tuple(places.get(iri, ()))
        report.actors = tuple(actors.get(iri, ()))
    return list(found.values())


def _objects(writer: Writer, query: str, doc: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in writer.query(query, substitutions={Variable("d"): NamedNode(doc)}):
        out.setdefault(row["e"].value, []).append(row["x"].value)
    return out


def _claims(writer: Writer, doc: str) -> list[Claim]:
    """The document's casualty and control claims, each with the rank its own document
    gives it: deprecated when superseded in it, preferred when it supersedes, else normal."""
    supersedes: dict[str, list[str]] = {}
    for row in writer.query(SUPERSEDES, substitutions={Variable("d"): NamedNode(doc)}):
        supersedes.setdefault(row["c"].value, []).append(row["x"].value)
    superseded = {x for xs in supersedes.values() for x in xs}
    found: dict[str, Claim] = {}
    for row in writer.query(CLAIMS, substitutions={Variable("d"): NamedNode(doc)}):
        iri = row["c"].value
        if iri in found:
            continue
        rank = ("DeprecatedRank" if iri in superseded else
                "PreferredRank" if iri in supersedes else "NormalRank")
        count = row["count"]
        found[iri] = Claim(
            iri=iri, document=doc, event=_value(row["event"]),
            kind="casualties" if row["class"].value == CKG + "CasualtyClaim" else "control",
            source=_value(row["source"]), rank=RANK + rank,
            count=int(count.value) if count is not None else None,
            qualifier=_local(_value(row["qualifier"])), outcome=_local(_value(row["outcome"])),
            victims=_value(row["victim"]) or _value(row["category"]),
            part=row["part"] is not None, supersedes=tuple(supersedes.get(iri, ())),
            held=row["held"].value)
    return list(found.values())


def test_one_scan_reads_what_the_queries_read(linked_corpus: Settings) -> None:
    with writing(linked_corpus.store) as writer:
        documents = read.stored_documents(writer)
        told = {doc: read.told(writer, doc) for doc in documents}
        queried = {doc: (_reports(writer, doc), _claims(writer, doc)) for doc in documents}
    assert told == queried
    claims = [c for _, cs in told.values() for c in cs]
    reports = [r for rs, _ in told.values() for r in rs]
    # Every property is met somewhere, so that the comparison covers it.
    assert all(any(getattr(c, f) for c in claims) for f in ("source", "count", "qualifier", "victims",
                                                           "part", "supersedes", "event", "outcome"))
    assert all(any(getattr(r, f) for r in reports) for f in ("first", "last", "begin", "end", "places",
                                                            "actors", "name", "parent"))
