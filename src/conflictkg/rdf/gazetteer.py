"""The gazetteers as the quads of the graph ``{base}graph/gazetteer``.

Places (names, admin level, P-code, admin chain, point geometry), armed groups
(kind, side, the units they belong to, renamings) and reporting sources. Documents
only reference these entities, so the gazetteer graph is replaced as a whole when
its files change. External identifiers (Wikidata, GeoNames) come only from the
data files, never from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from conflictkg.geo import from_geojson, to_wkt
from conflictkg.iris import Iris
from conflictkg.rdf import terms
from conflictkg.rdf.vocabulary import (
    GEONAMES,
    WIKIDATA,
    ckg,
    ckgk,
    ckgv,
    owl,
    rdf,
    rdfs,
    schema,
    skos,
)
from conflictkg.reference.gazetteers import ActorEntry, Gazetteers, PlaceEntry, SourceEntry

Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]
PCODE = re.compile(r"^(SY\d{2}(\d{2}(\d{2})?)?|[CN]\d{4,})$")  # OCHA P-codes; curated keys differ
WIKIDATA_ID = re.compile(r"^Q\d+$")
GEONAMES_ID = re.compile(r"^\d+$")


def gazetteer_quads(gaz: Gazetteers, iris: Iris) -> Iterator[Quad]:
    """Every place, armed group and reporting source of ``gaz``, in the gazetteer graph."""
    graph = NamedNode(iris.graph("gazetteer"))
    triples = chain(
        (t for entry in gaz.places.values()
         for t in place_triples(entry, iris, gaz.boundaries.get(entry.key))),
        (t for entry in gaz.actors.values() for t in actor_triples(entry, iris)),
        (t for entry in gaz.sources.values() for t in source_triples(entry, iris)),
    )
    for s, p, o in triples:
        yield Quad(s, p, o, graph)


def _names(node: NamedNode, name_ar: str, name_en: str | None, aliases_ar: Iterable[str],
           aliases_en: Iterable[str]) -> Iterator[Triple]:
    yield node, rdfs.label, Literal(name_ar, language="ar")
    if name_en:
        yield node, rdfs.label, Literal(name_en, language="en")
    for alias in aliases_ar:
        yield node, skos.altLabel, Literal(alias, language="ar")
    for alias in aliases_en:
        yield node, skos.altLabel, Literal(alias, language="en")


def place_triples(p: PlaceEntry, iris: Iris, boundary: dict[str, Any] | None = None) -> Iterator[Triple]:
    """A place's triples; ``boundary`` is the GeoJSON geometry of its outline, when known."""
    node = terms.iri(iris.place(p.key), f"place key {p.key!r}")
    yield node, rdf.type, ckg.Place
    yield from _names(node, p.name_ar, p.name_en, p.aliases_ar, p.aliases_en)
    yield node, ckg.adminLevel, ckgv[p.level]
    if PCODE.match(p.key):
        yield node, ckg.pcode, Literal(p.key)
    if p.parent:
        yield node, schema.containedInPlace, NamedNode(iris.place(p.parent))
    if p.wikidata:
        yield node, owl.sameAs, _external(WIKIDATA, p.wikidata, WIKIDATA_ID, p.key, "wikidata")
    if p.geonames:
        yield node, owl.sameAs, _external(GEONAMES, p.geonames, GEONAMES_ID, p.key, "geonames")
    if p.lat is not None and p.lon is not None:
        yield from terms.point(node, p.lat, p.lon)
    if boundary is not None:
        yield from terms.boundary(node, to_wkt(from_geojson(boundary)))


def _external(template: str, value: str, pattern: re.Pattern[str], key: str,
              field: str) -> NamedNode:
    if not pattern.match(value):
        raise ValueError(f"place {key}: {field} is not an identifier: {value!r}")
    return NamedNode(template.format(value))


def actor_triples(a: ActorEntry, iris: Iris) -> Iterator[Triple]:
    node = terms.iri(iris.actor(a.key), f"actor key {a.key!r}")
    yield node, rdf.type, ckg.ArmedGroup
    yield from _names(node, a.name_ar, a.name_en, a.aliases_ar, a.aliases_en)
    for alias in a.weak_aliases_ar:
        yield node, skos.hiddenLabel, Literal(alias, language="ar")
    yield node, ckg.actorKind, ckgk[a.kind]
    if a.side:
        yield node, ckg.side, Literal(a.side)
    if a.generic:
        yield node, ckg.collective, Literal(True)
    if a.parent:
        yield node, ckg.partOf, NamedNode(iris.actor(a.parent))
    if a.renamed_to:
        yield node, ckg.renamedTo, NamedNode(iris.actor(a.renamed_to))
    if a.active_from is not None:
        yield node, ckg.activeFrom, terms.temporal(a.active_from)
    if a.active_to is not None:
        yield node, ckg.activeTo, terms.temporal(a.active_to)


def source_triples(s: SourceEntry, iris: Iris) -> Iterator[Triple]:
    node = terms.iri(iris.source(s.key), f"source key {s.key!r}")
    yield node, rdf.type, ckg.ReportingSource
    yield from _names(node, s.name_ar, s.name_en, s.aliases_ar, s.aliases_en)
    yield node, ckg.sourceType, Literal(s.type)
    if s.stance:
        yield node, ckg.stance, Literal(s.stance, language="en")
    if s.country:
        yield node, ckg.country, Literal(s.country)
    if s.actor:
        yield node, ckg.speaksFor, NamedNode(iris.actor(s.actor))
