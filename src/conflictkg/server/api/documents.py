"""GET /documents: the source documents, each with its extraction rebuilt from the graph.

The detail is the project's extraction format (what the evaluation scores) plus the
text, so a client can highlight every span; it is read back from the graph rather
than kept aside, so it shows exactly what was stored.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from conflictkg.documents import Document
from conflictkg.iris import Iris
from conflictkg.server.api import models as m
from conflictkg.server.api import queries as q
from conflictkg.server.api import shapes as shapes
from conflictkg.server.api.events import ID_DOC, NOT_FOUND, Cursor, Limit
from conflictkg.server.api.graph import (
    Description,
    describe,
    expand,
    iri_term,
    literal_term,
    resolve_id,
    spans,
    text,
    values_block,
)
from conflictkg.server.api.routing import ApiRoute, engine_of, iris_of, named, next_link, run_list
from conflictkg.server.errors import HttpError, bad_parameter, not_found
from conflictkg.server.sparql import check_update_rights, read_body

router = APIRouter(route_class=ApiRoute)

DERIVED = q.PREFIX + """
SELECT DISTINCT ?x ?doc WHERE {
  { GRAPH ?doc { ?x ckg:eventType ?type } } UNION { GRAPH ?doc { ?x prov:wasAttributedTo ?by } }
  UNION { ?x prov:wasDerivedFrom ?doc FILTER NOT EXISTS { ?x a oa:Annotation } }
} ORDER BY ?x"""
MENTIONS = q.PREFIX + """
SELECT ?a ?body ?doc WHERE { ?a oa:hasTarget/oa:hasSource ?doc ; oa:hasBody ?body ;
                           oa:motivatedBy oa:identifying } ORDER BY ?a"""
ADMIN1 = q.PREFIX + """
SELECT ?p ?name WHERE {
  %s
  ?p schema:containedInPlace* ?g . ?g ckg:adminLevel ckgv:governorate ; rdfs:label ?l .
  FILTER(LANGMATCHES(LANG(?l), "en")) BIND(STR(?l) AS ?name)
}"""


@router.get("/documents", response_model=m.Page[m.DocumentSummary],
            summary="Source documents, by publication date")
async def list_documents(request: Request,
                         source: Annotated[str | None, Query(max_length=300, description=
                                           "Publisher: IRI, key or name")] = None,
                         language: Annotated[Literal["ar", "en"] | None, Query()] = None,
                         limit: Limit = 25, cursor: Cursor = None) -> m.Page[m.DocumentSummary]:
    engine, iris = engine_of(request), iris_of(request)
    query = q.documents_query()
    if source is not None:
        query.values("source", await named(request, "source", source, "source"),
                     q.DOCUMENT_SOURCE)
    if language is not None:
        query.add(q.DOCUMENT_LANGUAGE, language=literal_term(language))
    query.after(cursor)
    found, after = await run_list(engine, query, limit)
    described = await describe(engine, found)
    return m.Page[m.DocumentSummary](
        items=[shapes.document_summary(iris, described[d]) for d in found], next=after,
        links=m.Links(next=next_link(request, after)))


@router.get("/documents/{id:path}", response_model=m.Extraction, responses=NOT_FOUND,
            summary="One document: its text and its extraction, every span with offsets")
async def get_document(request: Request,
                       id: Annotated[str, Path(description=ID_DOC + " (the SHA-256 of the text)")]
                       ) -> m.Extraction:
    engine, iris = engine_of(request), iris_of(request)
    iri = await resolve_id(engine, iris, "document", id)
    described = await describe(engine, [iri]) if iri else {}
    if not iri or expand("ckg:SourceDocument") not in described[iri].types():
        raise not_found("document", id)
    return m.Extraction(**await extraction(engine, iris, described[iri]))


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


NEW_DOCUMENT_SCHEMA = m.NewDocument.model_json_schema()
WRITE_ERRORS = {401: {"description": "No bearer token"}, 403: {"description": "Updates are off, "
                "or the token is wrong"}, 413: {"description": "Body too large"}}


def _pipeline(request: Request) -> Any:
    """The extraction pipeline, built once per app (it loads the gazetteers)."""
    state = request.app.state
    if getattr(state, "pipeline", None) is None:
        from conflictkg.ingest import new_pipeline

        state.pipeline = new_pipeline()
    return state.pipeline


async def _new_document(request: Request) -> Document:
    """The posted document, or a 4xx naming what is wrong with it; checks rights first."""
    settings = request.app.state.settings
    check_update_rights(request, settings)
    body = await read_body(request, settings.max_body_bytes)
    try:
        posted = m.NewDocument.model_validate_json(body or b"null")
    except ValidationError as err:  # answered as FastAPI answers a body it validated itself
        detail = [{"loc": ["body", *e["loc"]], "msg": e["msg"], "type": e["type"]}
                  for e in err.errors(include_url=False, include_context=False)]
        raise RequestValidationError(detail) from None
    if not posted.text.strip():
        raise bad_parameter("text", "the text is empty", where="body")
    meta = posted.model_dump(exclude={"text", "file"}, exclude_none=True)
    draft = Document.from_text(posted.text, file=posted.file or "posted.txt", metadata=meta)
    return Document.from_text(posted.text, file=posted.file or f"{draft.sha256[:16]}.txt",
                              metadata=meta)


@router.post("/documents", response_model=m.Extraction, status_code=201,
             responses={**WRITE_ERRORS, 200: {"description": "Already stored, unchanged or "
                                              "re-extracted", "model": m.Extraction}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": NEW_DOCUMENT_SCHEMA}}}},
             summary="Ingest one document (needs the update token)")
async def post_document(request: Request, response: Response) -> m.Extraction:
    """Extracts the document, stores its graph in one transaction and answers its extraction.

    Authorised like SPARQL Update: ``Authorization: Bearer <update_token>``.
    """
    document = await _new_document(request)
    engine, iris = engine_of(request), iris_of(request)
    # Imported here: the extraction pipeline is heavy, and reading needs none of it.
    from conflictkg.ingest import ensure_reference_graphs, ingest_document
    from conflictkg.rdf.mapping import MappingError

    pipeline = _pipeline(request)

    def work(writer: Any) -> str:
        ensure_reference_graphs(writer, iris)
        status, _ = ingest_document(writer, document, pipeline, iris)
        return status

    try:
        status = await engine.write(work)
    except MappingError as exc:  # what the text yields does not fit the graph model
        raise HttpError(422, f"the document could not be processed: {exc}",
                        code="unprocessable_document") from None
    iri = iris.document(document.sha256)
    described = await describe(engine, [iri])
    response.status_code = 201 if status == "added" else 200
    response.headers["Location"] = f"/api/v1/documents/{document.sha256}"
    response.headers["X-Ingest-Status"] = status
    return m.Extraction(**await extraction(engine, iris, described[iri]))
