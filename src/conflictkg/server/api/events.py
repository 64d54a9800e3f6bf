"""GET /events and /claims: what happened, and who said what about it."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from conflictkg.server.api import models as m
from conflictkg.server.api import queries as q
from conflictkg.server.api import shapes
from conflictkg.server.api.graph import describe, expand, iri_term, spans, text
from conflictkg.server.api.index import candidates
from conflictkg.server.api.params import (
    ID_DOC,
    ActorFilter,
    ClaimKind,
    Cursor,
    EventKind,
    GeoJson,
    InArea,
    Limit,
    PlaceFilter,
    Reports,
    SourceFilter,
)
from conflictkg.server.api.reader import ApiRoute, ReaderDep
from conflictkg.server.api.reports import claims_on, incident_reports
from conflictkg.server.errors import not_found

router = APIRouter(route_class=ApiRoute)


@router.get("/events", response_model=m.Page[m.EventSummary], responses=m.GEOJSON_LIST,
            summary="Events, filtered and sorted by date")
async def list_events(
    reader: ReaderDep,
    area: InArea,
    geojson: GeoJson,
    from_: Annotated[date | None, Query(alias="from", description="Events still going on at or "
                                        "after this date (YYYY-MM-DD)")] = None,
    to: Annotated[date | None, Query(description="Events begun at or before this date")] = None,
    kind: Annotated[EventKind | None, Query(description="Event type")] = None,
    actor: ActorFilter = None,
    place: PlaceFilter = None,
    source: SourceFilter = None,
    reports: Reports = None,
    limit: Limit = 25,
    cursor: Cursor = None,
) -> Any:
    """Incidents (each happening once, with the number of its reports, its sources and its
    derived tolls), or with ``reports=all`` the events as each document reports them. A
    source counts for the events it made a claim about and those its documents report."""
    among: set[str] | None = None

    async def narrow(var: str, found: list[str], fragment: str) -> None:
        nonlocal among
        events = await candidates(reader.engine, var, found, fragment)
        among = events if among is None else among & events

    if actor is not None:
        await narrow("actor", await reader.named("actor", actor, "actor"), q.EVENT_ACTOR)
    if place is not None:
        await narrow("place", await reader.named("place", place, "place"), q.EVENT_PLACE)
    if area is not None:
        await narrow("geoPlace", await reader.places_in(area), q.EVENT_GEO)
    if source is not None:
        await narrow("source", await reader.named("source", source, "source"), q.EVENT_SOURCE)
    found, last = (await reader.index()).page(
        kind=kind.value if kind is not None else None,
        start=from_.isoformat() if from_ is not None else None,
        end=to.isoformat() if to is not None else None, among=among,
        after=q.decode_cursor(cursor) if cursor else None, limit=limit, incidents=reports != "all")
    after = q.encode_cursor(last) if last else None
    items = await reader.event_summaries(found)
    if geojson:
        collection = m.FeatureCollection(features=[shapes.feature(e) for e in items],
                                         next=after, links=reader.links(after))
        return JSONResponse(collection.model_dump(mode="json"), media_type="application/geo+json")
    return m.Page[m.EventSummary](items=items, next=after, links=reader.links(after))


@router.get("/events/{id:path}", response_model=m.EventDetail, responses=m.NOT_FOUND,
            summary="One incident with every report of it, or one reported event; places, "
                    "participants, sub-events and every claim")
async def get_event(reader: ReaderDep, id: Annotated[str, Path(
        description=ID_DOC + "; an incident's local key is incident/{key}",
        examples=["2de9ca7cda8d2466-120-163", "incident/2de9ca7cda8d2466-120-163"])]
                    ) -> m.EventDetail:
    """An incident answers with every report of it (each with its document, publisher,
    quotes and the reasons it was linked), the claims of all its reports side by side and
    its derived tolls; a reported event names the incident it reports."""
    engine, iris = reader.engine, reader.iris
    kind, key = ("incident", id.removeprefix("incident/")) if id.startswith("incident/") else ("event", id)
    iri = await reader.resolve_id(kind, key)
    described = await describe(engine, [iri]) if iri else {}
    if not iri or not described[iri].value("ckg:eventType"):
        raise not_found("event", id)
    d = described[iri]
    tolls, rules = await reader.derived_tolls([d])
    summary = shapes.event_summary(iris, d, tolls, rules)
    subs = await engine.select(q.PREFIX + "SELECT ?x ?e WHERE { ?x sem:subEventOf ?e } ORDER BY ?x",
                               substitutions={"e": iri_term(iri)})
    sub_desc = await describe(engine, [text(r["x"]) for r in subs])
    told = await incident_reports(reader, d) if shapes.is_incident(d) else []
    claims = await reader.claims(await claims_on(reader, [r.event.id for r in told] or [iri]))
    found_spans = await spans(engine, d.iris("ckg:evidence"))
    return m.EventDetail(
        **summary.model_dump(),
        sub_events=[m.Ref(id=s, key=shapes.event_key(iris, s), labels=shapes.labels(x.labels()))
                    for s, x in sub_desc.items()],
        evidence=[m.Span(**found_spans[a]) for a in d.iris("ckg:evidence") if a in found_spans],
        reports=told, claims=claims, tolls=shapes.tolls(claims),
    )


@router.get("/claims", response_model=m.Page[m.Claim],
            summary="Claims, grouped by event: disagreeing tolls side by side")
async def list_claims(
    reader: ReaderDep,
    event: Annotated[str | None, Query(max_length=1000, description="Event IRI or key")] = None,
    kind: Annotated[ClaimKind | None, Query(description="casualties or control")] = None,
    source: SourceFilter = None,
    place: PlaceFilter = None,
    actor: ActorFilter = None,
    limit: Limit = 25,
    cursor: Cursor = None,
) -> m.Page[m.Claim]:
    """An actor's or a place's claims are those naming it and those about events tied to it."""
    query = q.claims_query()
    if event is not None:
        iri = await reader.resolve_id("event", event, "event")
        query.values("event", [iri] if iri else [], q.CLAIM_EVENT)
    if kind is not None:
        query.add(q.CLAIM_KIND, claimClass=iri_term(expand("ckg:" + q.CLAIM_CLASSES[kind])))
    if source is not None:
        query.values("source", await reader.named("source", source, "source"), q.CLAIM_SOURCE)
    if place is not None:
        query.values("place", await reader.named("place", place, "place"), q.CLAIM_PLACE)
    if actor is not None:
        query.values("actor", await reader.named("actor", actor, "actor"), q.CLAIM_ACTOR)
    found, after = await reader.page(query.after(cursor), limit)
    return m.Page[m.Claim](items=await reader.claims(found), next=after, links=reader.links(after))
