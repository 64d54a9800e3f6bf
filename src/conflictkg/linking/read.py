"""Reading what linking needs from the store: one document's events and claims, and the
places and groups they name (kept for the session: the gazetteer does not change under it).

Every query is bound to one document's graph or to a handful of IRIs, so reading costs
what the document holds, however large the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from pyoxigraph import NamedNode, Variable

from conflictkg.extract.normalize import normalize_key
from conflictkg.geo import WktError, parse_wkt
from conflictkg.linking.model import Actor, Claim, Document, Place, Report, day
from conflictkg.rdf.vocabulary import ckg, geo, rdf, rdfs, schema, sparql_prefixes
from conflictkg.store import Writer

PREFIXES = sparql_prefixes()
DOCUMENT = PREFIXES + """
SELECT ?d ?version ?publisher ?published ?revision_of WHERE { GRAPH ?d {
  ?d a ckg:SourceDocument . OPTIONAL { ?d ckg:extractorVersion ?version }
  OPTIONAL { ?d schema:publisher ?publisher } OPTIONAL { ?d schema:datePublished ?published }
  OPTIONAL { ?d prov:wasRevisionOf ?revision_of }
} }"""
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
CKG = "https://conflictkg.org/ontology#"
RANK = "http://wikiba.se/ontology#"


def _value(term: Any) -> str | None:
    return term.value if term is not None else None


def _local(iri: str | None) -> str | None:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if iri else None


def _bound(writer: Writer, query: str, **values: str) -> Any:
    return writer.query(query, use_default_graph_as_union=True,
                        substitutions={Variable(k): NamedNode(v) for k, v in values.items()})


STORED = PREFIXES + """
SELECT ?d ?published WHERE { GRAPH ?d { ?d a ckg:SourceDocument OPTIONAL { ?d schema:datePublished ?published } } }"""


def stored_documents(writer: Writer) -> list[str]:
    """Every document of the store, in order of publication (then IRI; undated last)."""
    rows = [(row["d"].value, day(_value(row["published"]))) for row in writer.query(STORED)]
    return [iri for iri, _ in sorted(rows, key=lambda r: (r[1] is None, r[1] or 0, r[0]))]


def in_order(writer: Writer, iris: Iterable[str]) -> list[str]:
    """Documents in order of publication (then IRI; undated last)."""
    published = {}
    for iri in dict.fromkeys(iris):
        doc = document(writer, iri)
        published[iri] = doc.published if doc is not None else None
    return sorted(published, key=lambda i: (published[i] is None, published[i] or 0, i))


def document(writer: Writer, iri: str) -> Document | None:
    """A stored document's version, publisher, publication day and earlier version."""
    for row in _bound(writer, DOCUMENT, d=iri):
        return Document(iri, _value(row["version"]) or "", _value(row["publisher"]),
                        day(_value(row["published"])), _value(row["revision_of"]))
    return None


def reports(writer: Writer, doc: str) -> list[Report]:
    """The events a document reports, in IRI order."""
    found: dict[str, Report] = {}
    for row in _bound(writer, EVENTS, d=doc):
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


def claims(writer: Writer, doc: str) -> list[Claim]:
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


class PlaceKeeper(Protocol):
    """Where places read from the gazetteer are kept between sessions (the index)."""

    def places(self, iris: Iterable[str]) -> dict[str, Place]: ...

    def keep_places(self, places: Iterable[Place]) -> None: ...


class Gazetteer:
    """Places and groups as the store describes them, read once per session.

    Each place is read by one look at its statements (its parent, level, geometry and
    labels, in any graph) and each chain of parents once, shared by every place below it:
    a few lookups per place, however large the store.
    """

    def __init__(self, writer: Writer, gazetteer: str, kept: PlaceKeeper | None = None) -> None:
        self.writer = writer
        self.gazetteer = NamedNode(gazetteer)
        self.kept = kept  # where places read in earlier sessions are kept (the index)
        self.places: dict[str, Place] = {}
        self.actors: dict[str, Actor] = {}
        self._chains: dict[tuple[str, str], tuple[str, ...]] = {}  # (iri, up) -> its parents
        self._walking: set[tuple[str, str]] = set()  # the chains being read

    def learn(self, places: Iterable[str] = (), actors: Iterable[str] = ()) -> None:
        """Read the places (and the places they stand for) and groups not read yet."""
        wanted = set(places) - self.places.keys()
        if self.kept is not None and wanted:
            self.places.update(self.kept.places(wanted))
        read = []
        for iri in sorted(wanted):
            while iri not in self.places:
                self.places[iri] = self._place(iri)
                read.append(self.places[iri])
                iri = self.places[iri].town
        if self.kept is not None and read:
            self.kept.keep_places(read)
        for iri in sorted(set(actors)):
            if iri not in self.actors:
                node = NamedNode(iri)
                broad = bool(self.writer.quads(None, ckg.partOf, node)) or any(
                    q.object.value == "true" for q in self.writer.quads(node, ckg.collective))
                self.actors[iri] = Actor(iri, self._label(iri), self._chain(iri, ckg.partOf), broad)

    def _place(self, iri: str) -> Place:
        node = NamedNode(iri)
        level = point = None
        labels: dict[str, str] = {}
        parents: list[str] = []
        curated = False
        for q in self.writer.quads(node):
            predicate, value = q.predicate, q.object
            if predicate == ckg.adminLevel:
                level = level or _local(value.value)
            elif predicate == rdfs.label:
                labels[getattr(value, "language", None) or ""] = value.value
            elif predicate == schema.containedInPlace and isinstance(value, NamedNode):
                parents.append(value.value)
            elif predicate == geo.hasGeometry:
                for wkt in self.writer.quads(value, geo.asWKT):
                    point = point or _point(wkt.object.value)
            elif predicate == rdf.type and value == ckg.Place and q.graph_name == self.gazetteer:
                curated = True
        chain = self._chain(iri, schema.containedInPlace, min(parents, default=None))
        return Place(iri, _preferred(labels, iri), level, chain, point, curated)

    def _label(self, iri: str) -> str:
        return _preferred({q.object.language or "": q.object.value
                           for q in self.writer.quads(NamedNode(iri), rdfs.label)}, iri)

    def _chain(self, iri: str, up: NamedNode, parent: str | bool | None = False) -> tuple[str, ...]:
        """The parents of ``iri`` by ``up``, nearest first (the first parent of each), each
        chain kept and shared by the places below it; ``parent`` when the caller has read it."""
        key = (iri, up.value)
        if key in self._chains:
            return self._chains[key]
        if parent is False:
            parent = self._parent(iri, up)
        if parent is None or parent == iri:
            chain: tuple[str, ...] = ()
        elif (str(parent), up.value) in self._walking:  # a cycle: walked plainly, not kept
            return self._walk(iri, up)
        else:
            self._walking.add(key)
            try:
                above = self._chain(str(parent), up)
            finally:
                self._walking.discard(key)
            chain = (str(parent), *above[:above.index(iri) if iri in above else len(above)])
        self._chains[key] = chain
        return chain

    def _parent(self, iri: str, up: NamedNode) -> str | None:
        return min((q.object.value for q in self.writer.quads(NamedNode(iri), up)
                    if isinstance(q.object, NamedNode)), default=None)

    def _walk(self, iri: str, up: NamedNode) -> tuple[str, ...]:
        chain, seen, at = [], {iri}, iri
        while (above := self._parent(at, up)) is not None and above not in seen:
            chain.append(above)
            seen.add(above)
            at = above
        return tuple(chain)


def _preferred(labels: dict[str, str], iri: str) -> str:
    """The English label, else the Arabic, else one with no language, else the IRI's end."""
    return labels.get("en") or labels.get("ar") or labels.get("") or iri.rsplit("/", 1)[-1]


def _point(wkt: str) -> tuple[float, float] | None:
    try:
        centre = parse_wkt(wkt).centroid
    except (WktError, ValueError):
        return None
    return (centre.x, centre.y) if not centre.is_empty else None
