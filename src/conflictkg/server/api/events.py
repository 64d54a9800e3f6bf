"""GET /events and /claims: what happened, and who said what about it."""

from __future__ import annotations

import math
from datetime import date
from enum import Enum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse

from conflictkg.extract.model import EVENT_KINDS
from conflictkg.iris import Iris
from conflictkg.server.api import models as m
from conflictkg.server.api import queries as q
from conflictkg.server.api import shapes as shapes
from conflictkg.server.api.graph import (
    describe,
    expand,
    iri_term,
    place_points,
    resolve_id,
    spans,
    text,
)
from conflictkg.server.api.index import EventIndex, candidates, event_index, summaries_data
from conflictkg.server.api.routing import (
    ApiRoute,
    cache_of,
    engine_of,
    iris_of,
    named,
    next_link,
    run_list,
    wants_geojson,
)
from conflictkg.server.errors import bad_parameter, not_found

router = APIRouter(route_class=ApiRoute)
EventKind = Enum("EventKind", {k: k for k in EVENT_KINDS}, type=str)  # type: ignore[misc]
ClaimKind = Literal["casualties", "control"]
EARTH_KM = 6371.0088

Name = Annotated[str | None, Query(max_length=300)]
Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page (default 25, at most 1000)")]
Cursor = Annotated[str | None, Query(max_length=1000, description="The `next` of the previous page")]
Format = Annotated[Literal["json", "geojson"] | None, Query(
    description="`geojson` for an RFC 7946 FeatureCollection (also by Accept: application/geo+json)")]
ID_DOC = "The full IRI (URL-encoded) or its local key"
GEOJSON = {200: {"content": {"application/geo+json": {"schema": m.FEATURE_COLLECTION_SCHEMA}}}}
NOT_FOUND = {404: {"description": "Not in the graph", "content": {"application/json": {
    "schema": {"type": "object", "properties": {"detail": {"type": "string"}, "code": {"type": "string"}}}}}}}


def parse_bbox(raw: str) -> tuple[float, float, float, float]:
    try:
        parts = [float(x) for x in raw.split(",")]
    except ValueError:
        raise bad_parameter("bbox", "expected minLon,minLat,maxLon,maxLat as numbers") from None
    if len(parts) != 4 or not all(math.isfinite(x) for x in parts):
        raise bad_parameter("bbox", "expected four numbers: minLon,minLat,maxLon,maxLat")
    west, south, east, north = parts
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise bad_parameter("bbox", "longitudes must lie in [-180, 180], latitudes in [-90, 90], "
                           "minLat <= maxLat")
    return west, south, east, north


def parse_near(raw: str) -> tuple[float, float]:
    try:
        lat, lon = (float(x) for x in raw.split(","))
    except ValueError:
        raise bad_parameter("near", "expected lat,lon as two numbers") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise bad_parameter("near", "latitude must lie in [-90, 90] and longitude in [-180, 180]")
    return lat, lon


def in_bbox(xy: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    west, south, east, north = box
    lon, lat = xy
    inside_lon = west <= lon <= east if west <= east else (lon >= west or lon <= east)
    return inside_lon and south <= lat <= north


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


async def places_in_area(request: Request, bbox: str | None, near: str | None,
                         radius_km: float) -> list[str] | None:
    """Places within the bbox and/or radius; None when neither filter is given."""
    if bbox is None and near is None:
        return None
    box = parse_bbox(bbox) if bbox is not None else None
    centre = parse_near(near) if near is not None else None
    points = await place_points(engine_of(request), cache_of(request))
    return sorted(
        iri for iri, (lon, lat) in points.items()
        if (box is None or in_bbox((lon, lat), box))
        and (centre is None or distance_km(centre[0], centre[1], lat, lon) <= radius_km)
    )


async def event_summaries(request: Request, found: list[str]) -> list[m.EventSummary]:
    engine, cache = engine_of(request), cache_of(request)
    points = await place_points(engine, cache)
    described = await summaries_data(engine, cache, found, points)
    return [shapes.event_summary(iris_of(request), described[i]) for i in found]


async def index_of(request: Request) -> EventIndex:
    """The event index, its generation noted for the answer's X-Index-Generation."""
    index = await event_index(engine_of(request), cache_of(request))
    request.state.index_generation = index.generation
    return index


async def events_among(request: Request, among: set[str], limit: int) -> list[str]:
    """The first events of a candidate set, by date."""
    return (await index_of(request)).page(among=among, limit=limit)[0]


async def claims_of(engine: Any, iris: Iris, found: list[str]) -> list[m.Claim]:
    described = await describe(engine, found)
    evidence = [a for d in described.values() for a in d.iris("ckg:evidence")]
    found_spans = await spans(engine, evidence)
    return [shapes.claim(iris, described[c], found_spans) for c in found]


@router.get("/events", response_model=m.Page[m.EventSummary], responses=GEOJSON,
            summary="Events, filtered and sorted by date")
async def list_events(
    request: Request,
    from_: Annotated[date | None, Query(alias="from", description="Events still going on at or "
                                        "after this date (YYYY-MM-DD)")] = None,
    to: Annotated[date | None, Query(description="Events begun at or before this date")] = None,
    kind: Annotated[EventKind | None, Query(description="Event type")] = None,
    actor: Annotated[str | None, Query(max_length=300, description="Armed group: IRI, key or "
                                       "name (Arabic or English); its sub-units count too",
                                       examples=["Free Syrian Army"])] = None,
    place: Annotated[str | None, Query(max_length=300, description="IRI, key or name; places "
                                       "inside it count too", examples=["C1001"])] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="minLon,minLat,maxLon,maxLat",
                                      examples=["36.2,33.4,36.4,33.6"])] = None,
    near: Annotated[str | None, Query(max_length=100, description="lat,lon",
                                      examples=["33.51,36.29"])] = None,
    radius_km: Annotated[float, Query(gt=0, le=2000, description="Radius around `near`")] = 10.0,
    source: Annotated[str | None, Query(max_length=300, description="Reporting source: IRI, key "
                                        "or name; events it made a claim about or published")] = None,
    limit: Limit = 25,
    cursor: Cursor = None,
    format: Format = None,
) -> Any:
    engine = engine_of(request)
    among: set[str] | None = None

    async def narrow(var: str, found: list[str], fragment: str) -> None:
        nonlocal among
        events = await candidates(engine, var, found, fragment)
        among = events if among is None else among & events

    if actor is not None:
        await narrow("actor", await named(request, "actor", actor, "actor"), q.EVENT_ACTOR)
    if place is not None:
        await narrow("place", await named(request, "place", place, "place"), q.EVENT_PLACE)
    area = await places_in_area(request, bbox, near, radius_km)
    if area is not None:
        await narrow("geoPlace", area, q.EVENT_GEO)
    if source is not None:
        await narrow("source", await named(request, "source", source, "source"),
                     q.EVENT_SOURCE)
    found, last = (await index_of(request)).page(
        kind=kind.value if kind is not None else None,
        start=from_.isoformat() if from_ is not None else None,
        end=to.isoformat() if to is not None else None, among=among,
        after=q.decode_cursor(cursor) if cursor else None, limit=limit)
    after = q.encode_cursor(last) if last else None
    items = await event_summaries(request, found)
    link = m.Links(next=next_link(request, after))
    if wants_geojson(request, format):
        collection = m.FeatureCollection(features=[shapes.feature(e) for e in items],
                                         next=after, links=link)
        return JSONResponse(collection.model_dump(mode="json"), media_type="application/geo+json")
    return m.Page[m.EventSummary](items=items, next=after, links=link)


@router.get("/events/{id:path}", response_model=m.EventDetail, responses=NOT_FOUND,
            summary="One event with its places, participants, sub-events and every claim")
async def get_event(request: Request, id: Annotated[str, Path(description=ID_DOC,
                                                              examples=["2de9ca7cda8d2466-120-163"])]
                    ) -> m.EventDetail:
    engine, iris = engine_of(request), iris_of(request)
    iri = await resolve_id(engine, iris, "event", id)
    described = await describe(engine, [iri]) if iri else {}
    if not iri or not described[iri].value("ckg:eventType"):
        raise not_found("event", id)
    d = described[iri]
    summary = shapes.event_summary(iris, d)
    subs = await engine.select(q.PREFIX + "SELECT ?x ?e WHERE { ?x sem:subEventOf ?e } ORDER BY ?x",
                               substitutions={"e": iri_term(iri)})
    sub_desc = await describe(engine, [text(r["x"]) for r in subs])
    claim_rows = await engine.select(q.PREFIX + "SELECT ?c ?e WHERE { ?c ckg:about ?e } ORDER BY ?c",
                                     substitutions={"e": iri_term(iri)})
    found_spans = await spans(engine, d.iris("ckg:evidence"))
    return m.EventDetail(
        **summary.model_dump(),
        sub_events=[m.Ref(id=s, key=shapes.key_of(iris, s), labels=shapes.labels(x.labels()))
                    for s, x in sub_desc.items()],
        evidence=[m.Span(**found_spans[a]) for a in d.iris("ckg:evidence") if a in found_spans],
        claims=(claims := await claims_of(engine, iris, [text(r["c"]) for r in claim_rows])),
        tolls=shapes.tolls(claims),
    )


@router.get("/claims", response_model=m.Page[m.Claim],
            summary="Claims, grouped by event: disagreeing tolls side by side")
async def list_claims(
    request: Request,
    event: Annotated[str | None, Query(max_length=1000, description="Event IRI or key")] = None,
    kind: Annotated[ClaimKind | None, Query(description="casualties or control")] = None,
    source: Annotated[str | None, Query(max_length=300, description="Reporting source: IRI, key "
                                        "or name", examples=["SOHR"])] = None,
    place: Annotated[str | None, Query(max_length=300, description="IRI, key or name; places "
                                       "inside it count too")] = None,
    actor: Annotated[str | None, Query(max_length=300, description="IRI, key or name")] = None,
    limit: Limit = 25,
    cursor: Cursor = None,
) -> m.Page[m.Claim]:
    engine, iris = engine_of(request), iris_of(request)
    query = q.claims_query()
    if event is not None:
        iri = await resolve_id(engine, iris, "event", event, "event")
        query.values("event", [iri] if iri else [], q.CLAIM_EVENT)
    if kind is not None:
        query.add(q.CLAIM_KIND, claimClass=iri_term(expand("ckg:" + q.CLAIM_CLASSES[kind])))
    if source is not None:
        query.values("source", await named(request, "source", source, "source"),
                     q.CLAIM_SOURCE)
    if place is not None:
        query.values("place", await named(request, "place", place, "place"), q.CLAIM_PLACE)
    if actor is not None:
        query.values("actor", await named(request, "actor", actor, "actor"), q.CLAIM_ACTOR)
    query.after(cursor)
    found, after = await run_list(engine, query, limit)
    return m.Page[m.Claim](items=await claims_of(engine, iris, found), next=after,
                           links=m.Links(next=next_link(request, after)))
