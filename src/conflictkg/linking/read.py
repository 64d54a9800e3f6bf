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
from conflictkg.rdf.vocabulary import ckg, geo, prov, rdf, rdfs, schema, sem, sparql_prefixes, wikibase
from conflictkg.store import Writer

PREFIXES = sparql_prefixes()
DOCUMENT = PREFIXES + """
SELECT ?d ?version ?publisher ?published ?revision_of WHERE { GRAPH ?d {
  ?d a ckg:SourceDocument . OPTIONAL { ?d ckg:extractorVersion ?version }
  OPTIONAL { ?d schema:publisher ?publisher } OPTIONAL { ?d schema:datePublished ?published }
  OPTIONAL { ?d prov:wasRevisionOf ?revision_of }
} }"""
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


def told(writer: Writer, doc: str) -> tuple[list[Report], list[Claim]]:
    """(the events a document reports, its casualty and control claims), each in IRI order,
    a claim with the rank its own document gives it (deprecated when superseded in it,
    preferred when it supersedes, else normal), read from one scan of its graph: queries
    with an optional part per property seek the store's indexes hundreds of times, each
    seek dearer as the store grows; one prefix scan of the graph does not."""
    graph = NamedNode(doc)
    about: dict[str, dict[str, list[Any]]] = {}
    for q in writer.quads(None, None, None, graph):
        about.setdefault(q.subject.value, {}).setdefault(q.predicate.value, []).append(q.object)

    def one(facts: dict[str, list[Any]], predicate: NamedNode) -> str | None:
        values = facts.get(predicate.value)
        return min(v.value for v in values) if values else None

    def iris(facts: dict[str, list[Any]], predicate: NamedNode) -> tuple[str, ...]:
        return tuple(sorted(v.value for v in facts.get(predicate.value, ()) if isinstance(v, NamedNode)))

    found_reports, found_claims = [], []
    supersedes = {s: iris(f, ckg.supersedes) for s, f in about.items() if ckg.supersedes.value in f}
    superseded = {x for xs in supersedes.values() for x in xs}
    for iri in sorted(about):
        facts = about[iri]
        if doc not in iris(facts, prov.wasDerivedFrom):
            continue
        kind = one(facts, ckg.eventType)
        if kind is not None:
            labels = facts.get(rdfs.label.value)
            label = min(labels, key=lambda v: (v.value, getattr(v, "language", None) or "")) if labels else None
            name = label.value if label is not None else None
            found_reports.append(Report(
                iri=iri, document=doc, kind=_local(kind) or "other",
                first=day(one(facts, sem.hasEarliestBeginTimeStamp)),
                last=day(one(facts, sem.hasLatestEndTimeStamp)),
                begin=one(facts, sem.hasBeginTimeStamp), end=one(facts, sem.hasEndTimeStamp),
                places=iris(facts, sem.hasPlace), actors=iris(facts, sem.hasActor),
                name=name, name_lang=(getattr(label, "language", None) or "") if label is not None else "",
                name_key=(normalize_key(name) or None) if name else None, parent=one(facts, sem.subEventOf)))
        classes = set(iris(facts, rdf.type)) & {CKG + "CasualtyClaim", CKG + "ControlClaim"}
        held = one(facts, wikibase.rank)
        if not classes or held is None:
            continue
        rank = ("DeprecatedRank" if iri in superseded else
                "PreferredRank" if iri in supersedes else "NormalRank")
        count = one(facts, ckg.count)
        found_claims.append(Claim(
            iri=iri, document=doc, event=one(facts, ckg.about),
            kind="casualties" if CKG + "CasualtyClaim" in classes else "control",
            source=one(facts, prov.wasAttributedTo), rank=RANK + rank,
            count=int(count) if count is not None else None,
            qualifier=_local(one(facts, ckg.qualifier)), outcome=_local(one(facts, ckg.outcome)),
            victims=one(facts, ckg.victimActor) or one(facts, ckg.victimCategory),
            part=ckg.partOfToll.value in facts, supersedes=supersedes.get(iri, ()), held=held))
    return found_reports, found_claims


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
        # Not ``set - dict.keys()``: that walks every place read so far, a cost that grows
        # with the store; a lookup per place named does not.
        wanted = {iri for iri in places if iri not in self.places}
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
