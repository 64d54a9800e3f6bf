"""GET /events and /claims: what happened, and who said what about it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import JSONResponse

from conflictkg.server.api import models as m
from conflictkg.server.api import queries as q
from conflictkg.server.api import shapes, table
from conflictkg.server.api.graph import describe, expand, iri_term, literal_term, spans
from conflictkg.server.api.params import (
    ID_DOC,
    ActorFilter,
    ClaimKind,
    Cursor,
    EventFilters,
    InPeriod,
    Limit,
    ListFormat,
    PlaceFilter,
    SourceFilter,
)
from conflictkg.server.api.reader import SUB_EVENTS, ApiRoute, ReaderDep
from conflictkg.server.api.reports import claims_on, incident_reports
from conflictkg.server.errors import not_found

router = APIRouter(route_class=ApiRoute)
EXPORT_CHUNK = 500  # events summarised at a time for a table


@router.get("/events", response_model=m.Page[m.EventSummary], responses=m.EVENT_LIST,
            summary="Events, filtered and sorted by date; as JSON, GeoJSON or a CSV table")
async def list_events(reader: ReaderDep, filters: EventFilters, fmt: ListFormat,
                      limit: Limit = 25, cursor: Cursor = None) -> Any:
    """Incidents (each happening once, with the number of its reports, its sources and its
    derived tolls), or with ``reports=all`` the events as each document reports them. A
    source counts for the events it made a claim about and those its documents report.
    ``format=csv`` answers every event the filters keep, one row each (no paging)."""
    if fmt == "csv":
        found, _ = await reader.events_matching(filters)
        body = table.csv_text([e for chunk in range(0, len(found), EXPORT_CHUNK)
                               for e in await reader.event_summaries(found[chunk:chunk + EXPORT_CHUNK])])
        return Response(body.encode("utf-8"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="conflictkg-events.csv"'})
    found, last = await reader.events_matching(
        filters, after=q.decode_cursor(cursor) if cursor else None, limit=limit)
    after = q.encode_cursor(last) if last else None
    items = await reader.event_summaries(found)
    if fmt == "geojson":
        collection = m.FeatureCollection(features=[shapes.feature(e) for e in items],
                                         next=after, links=reader.links(after))
        return JSONResponse(collection.model_dump(mode="json"), media_type="application/geo+json")
    return m.Page[m.EventSummary](items=items, next=after, links=reader.links(after))


@router.get("/stats", response_model=m.Stats,
            summary="Counts of events and fatalities by month, governorate, kind, group and source")
async def event_stats(reader: ReaderDep, filters: EventFilters) -> m.Stats:
    """Over every event the filters of ``/events`` keep; fatalities are each event's figures
    (see ``fatalities`` in an event), summed."""
    found, _ = await reader.events_matching(filters)
    summaries = [e for chunk in range(0, len(found), EXPORT_CHUNK)
                 for e in await reader.event_summaries(found[chunk:chunk + EXPORT_CHUNK])]
    return table.stats(summaries)


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
    kind, key = ("incident", id.removeprefix("incident/")) if id.startswith("incident/") else ("event", id)
    iri = await reader.resolve_id(kind, key)
    described = await describe(reader.engine, [iri]) if iri else {}
    if not iri or not described[iri].value("ckg:eventType"):
        raise not_found("event", id)
    d = described[iri]
    (summary,) = await reader.event_summaries([iri])
    told = await incident_reports(reader, d) if shapes.is_incident(d) else []
    claims = await reader.claims(await claims_on(reader, [r.event.id for r in told] or [iri]))
    found_spans = await spans(reader.engine, d.iris("ckg:evidence"))
    return m.EventDetail(
        **summary.model_dump(), sub_events=await reader.refs(SUB_EVENTS, "e", iri),
        evidence=[m.Span(**found_spans[a]) for a in d.iris("ckg:evidence") if a in found_spans],
        reports=told, claims=claims, tolls=shapes.tolls(claims),
    )


@router.get("/claims", response_model=m.Page[m.Claim],
            summary="Claims, grouped by event: disagreeing tolls side by side")
async def list_claims(
    reader: ReaderDep,
    period: InPeriod,
    event: Annotated[str | None, Query(max_length=1000, description="Event IRI or key")] = None,
    kind: Annotated[ClaimKind | None, Query(description="casualties or control")] = None,
    source: SourceFilter = None,
    place: PlaceFilter = None,
    actor: ActorFilter = None,
    limit: Limit = 25,
    cursor: Cursor = None,
) -> m.Page[m.Claim]:
    """An actor's or a place's claims are those naming it and those about events tied to it.
    A claim's days are its own (a change of control) or its event's (a toll)."""
    query = q.claims_query()
    if period.start is not None:
        query.add(q.CLAIM_FROM, start=literal_term(period.start, "xsd:date"))
    if period.end is not None:
        query.add(q.CLAIM_TO, end=literal_term(period.end, "xsd:date"))
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
