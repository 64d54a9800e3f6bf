"""A document's extraction read back from the graph: the project's extraction format
(what the evaluation scores) plus the text, every span with offsets into it.

Read from the graph rather than kept aside, so it shows exactly what was stored;
``GET /api/v1/documents/{id}`` answers it and a document's page highlights it.
"""

from __future__ import annotations

from typing import Any

from conflictkg.iris import Iris
from conflictkg.server.api import models as m
from conflictkg.server.api import shapes
from conflictkg.server.api.graph import PREFIX, Description, describe, expand, iri_term, spans, text, values_block

DERIVED = PREFIX + """
SELECT DISTINCT ?x ?doc WHERE {
  { GRAPH ?doc { ?x ckg:eventType ?type } } UNION { GRAPH ?doc { ?x prov:wasAttributedTo ?by } }
  UNION { ?x prov:wasDerivedFrom ?doc FILTER NOT EXISTS { ?x a oa:Annotation } }
} ORDER BY ?x"""
MENTIONS = PREFIX + """
SELECT ?a ?body ?doc WHERE { ?a oa:hasTarget/oa:hasSource ?doc ; oa:hasBody ?body ;
                           oa:motivatedBy oa:identifying } ORDER BY ?a"""
ADMIN1 = PREFIX + """
SELECT ?p ?name WHERE {
  %s
  ?p schema:containedInPlace* ?g . ?g ckg:adminLevel ckgv:governorate ; rdfs:label ?l .
  FILTER(LANGMATCHES(LANG(?l), "en")) BIND(STR(?l) AS ?name)
}"""


def _span(span: dict[str, Any] | None) -> dict[str, Any] | None:
    return {k: span[k] for k in ("start", "end", "text")} if span else None


async def extraction(engine: Any, iris: Iris, doc: Description) -> dict[str, Any]:
    """The extraction format of one document, read back from the graph."""
    bound = {"doc": iri_term(doc.iri)}
    derived = await describe(engine, [text(r["x"]) for r in await engine.select(DERIVED, substitutions=bound)])
    mention_rows = await engine.select(MENTIONS, substitutions=bound)
    bodies: dict[str, list[str]] = {}
    for row in mention_rows:
        bodies.setdefault(text(row["body"]), []).append(text(row["a"]))
    entities = await describe(engine, bodies)
    evidence = [a for d in derived.values() for a in d.iris("ckg:evidence")]
    found = await spans(engine, [*evidence, *(a for anns in bodies.values() for a in anns)])

    def mentions(entity: str) -> list[dict[str, Any]]:
        out = [_span(found.get(a)) for a in bodies.get(entity, [])]
        return sorted((s for s in out if s), key=lambda s: (s["start"] or 0, s["end"] or 0))

    def evidence_of(d: Description) -> dict[str, Any] | None:
        return next((_span(found[a]) for a in d.iris("ckg:evidence") if a in found), None)

    places = [e for e in entities.values() if expand("ckg:Place") in e.types()]
    actors = [e for e in entities.values() if expand("ckg:ArmedGroup") in e.types()]
    admin1 = {}
    if places:
        for row in await engine.select(ADMIN1 % values_block("p", [p.iri for p in places])):
            admin1[text(row["p"])] = text(row["name"])
    publisher = shapes.ref(iris, doc.first("schema:publisher"))
    events, claims = [], []
    for d in derived.values():
        if d.value("ckg:eventType"):
            e = shapes.event_summary(iris, d)
            events.append({"id": e.id, "kind": e.kind, "name": e.labels.ar or e.labels.en,
                           "start": e.start, "end": e.end, "places": [p.id for p in e.places],
                           "actors": [a.id for a in e.actors], "parent": e.parent,
                           "evidence": evidence_of(d)})
        elif shapes.claim_kind(d) != "other":
            claims.append(_claim_json(shapes.claim(iris, d, {}), evidence_of(d)))
    return {
        "document": {
            "id": doc.iri, "file": doc.value("ckg:fileName"),
            "publisher": publisher.labels.en if publisher else None,
            "publisher_ar": publisher.labels.ar if publisher else None,
            "published": doc.value("schema:datePublished"),
            "language": doc.value("dcterms:language"), "sha256": doc.value("ckg:sha256"),
            "url": doc.value("schema:url"), "title": doc.value("dcterms:title"),
        },
        "text": doc.value("schema:text"),
        "actors": [{**_actor_json(shapes.actor(iris, a)), "mentions": mentions(a.iri)}
                   for a in actors],
        "places": [{**_place_json(shapes.place(iris, p), admin1.get(p.iri)),
                    "mentions": mentions(p.iri)} for p in places],
        "events": events,
        "claims": claims,
    }


def _actor_json(a: m.Actor) -> dict[str, Any]:
    return {"id": a.id, "labels": a.labels.model_dump(), "kind": a.kind or "other",
            "side": a.side, "parent": a.parent.id if a.parent else None, "aliases": a.aliases}


def _place_json(p: m.Place, admin1: str | None) -> dict[str, Any]:
    return {"id": p.id, "labels": p.labels.model_dump(), "admin1": admin1, "lat": p.lat,
            "lon": p.lon, "level": p.level}


def _claim_json(c: m.Claim, evidence: dict[str, Any] | None) -> dict[str, Any]:
    # JSON-LD refuses "id": null, so an unknown source has a label only.
    attributed = {"label": c.attributed_label or (c.source.labels.ar or c.source.labels.en
                                                  if c.source else None)}
    if c.source:
        attributed["id"] = c.source.id
    common = {"id": c.id, "kind": c.kind, "event": c.event, "attributed_to": attributed,
              "rank": c.rank, "evidence": evidence}
    if c.kind == "casualties":
        return {**common, "count": c.count, "qualifier": c.qualifier, "outcome": c.outcome,
                "victims": {"actor": c.victim_actor.id if c.victim_actor else None,
                            "category": c.victim_category},
                "supersedes": c.supersedes[0] if c.supersedes else None}
    return {**common, "actor": c.actor.id if c.actor else None,
            "place": c.place.id if c.place else None, "change": c.change, "stance": c.stance,
            "start": c.start}
