"""GET /actors, /places and /sources: the gazetteer entities and what the graph ties to them."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse

from conflictkg.extract.model import ACTOR_KINDS
from conflictkg.gazetteers import PLACE_LEVELS
from conflictkg.server.api import models as m
from conflictkg.server.api import queries as q
from conflictkg.server.api import routing as routing
from conflictkg.server.api import shapes as shapes
from conflictkg.server.api.events import (
    GEOJSON,
    ID_DOC,
    NOT_FOUND,
    Cursor,
    Format,
    Limit,
    claims_of,
    event_summaries,
    events_among,
    places_in_area,
)
from conflictkg.server.api.graph import (
    describe,
    expand,
    iri_term,
    literal_term,
    resolve_id,
    search,
    text,
)
from conflictkg.server.api.index import candidates
from conflictkg.server.errors import not_found

router = APIRouter(route_class=routing.ApiRoute)
Search = Annotated[str | None, Query(alias="q", max_length=300, min_length=1,
                                     description="Part of a name or alias, Arabic or English")]
ActorKind = Literal[ACTOR_KINDS]  # type: ignore[valid-type]
Level = Literal[PLACE_LEVELS]  # type: ignore[valid-type]
RELATED = 100


async def _detail(request: Request, kind: str, value: str) -> tuple[str, Any]:
    engine, iris = routing.engine_of(request), routing.iris_of(request)
    iri = await resolve_id(engine, iris, kind, value)
    described = await describe(engine, [iri]) if iri else {}
    if not iri or expand(q_class(kind)) not in described[iri].types():
        raise not_found(kind, value)
    return iri, described[iri]


def q_class(kind: str) -> str:
    return {"actor": "ckg:ArmedGroup", "place": "ckg:Place", "source": "ckg:ReportingSource"}[kind]


async def _searched(request: Request, var: str, kind: str, q_: str | None) -> q.ListQuery:
    """The list of one kind of entity, narrowed to those named like ``q_`` when given."""
    query = q.entities_query(var, q_class(kind))
    if q_ is not None:
        query.values(var, await search(routing.engine_of(request), kind, q_, routing.cache_of(request)), "")
    return query


async def _found(request: Request, query: q.ListQuery, cursor: str | None,
                 limit: int) -> tuple[list[Any], str | None]:
    """What the graph says about each entity of one page, and the cursor of the next."""
    engine = routing.engine_of(request)
    found, after = await routing.run_list(engine, query.after(cursor), limit)
    described = await describe(engine, found)
    return [described[x] for x in found], after


@router.get("/actors", response_model=m.Page[m.Actor], summary="Armed groups")
async def list_actors(request: Request, q_: Search = None,
                      kind: Annotated[ActorKind | None, Query()] = None,
                      side: Annotated[str | None, Query(max_length=100)] = None,
                      limit: Limit = 25, cursor: Cursor = None) -> m.Page[m.Actor]:
    query = await _searched(request, "a", "actor", q_)
    if kind is not None:
        query.add(q.ACTOR_KIND, actorKind=iri_term(expand("ckgk:" + kind)))
    if side is not None:
        query.add(q.ACTOR_SIDE, side=literal_term(side))
    found, after = await _found(request, query, cursor, limit)
    return m.Page[m.Actor](items=[shapes.actor(routing.iris_of(request), d) for d in found], next=after,
                           links=m.Links(next=routing.next_link(request, after)))


@router.get("/actors/{id:path}", response_model=m.ActorDetail, responses=NOT_FOUND,
            summary="One armed group with its aliases, parent, sub-units, events and claims")
async def get_actor(request: Request,
                    id: Annotated[str, Path(description=ID_DOC, examples=["fsa"])]) -> m.ActorDetail:
    engine, iris = routing.engine_of(request), routing.iris_of(request)
    iri, d = await _detail(request, "actor", id)
    subs = await engine.select(q.PREFIX + "SELECT ?x ?a WHERE { ?x ckg:partOf ?a } ORDER BY ?x",
                               substitutions={"a": iri_term(iri)})
    sub_desc = await describe(engine, [text(r["x"]) for r in subs])
    events = await events_among(request, await candidates(engine, "actor", [iri], q.EVENT_ACTOR),
                                RELATED)
    claims, _ = await routing.run_list(engine, q.claims_query().values("actor", [iri], q.CLAIM_ACTOR),
                               RELATED)
    return m.ActorDetail(
        **shapes.actor(iris, d).model_dump(),
        sub_units=[m.Ref(id=s, key=shapes.key_of(iris, s), labels=shapes.labels(x.labels()))
                   for s, x in sub_desc.items()],
        events=await event_summaries(request, events),
        claims=await claims_of(engine, iris, claims),
    )


@router.get("/places", response_model=m.Page[m.Place], responses=GEOJSON,
            summary="Places of the gazetteer")
async def list_places(request: Request, q_: Search = None,
                      level: Annotated[Level | None, Query()] = None,
                      within: Annotated[str | None, Query(max_length=300, description="IRI, key "
                                                          "or name of an enclosing place")] = None,
                      bbox: Annotated[str | None, Query(max_length=200,
                                                        description="minLon,minLat,maxLon,maxLat")]
                      = None,
                      near: Annotated[str | None, Query(max_length=100, description="lat,lon")]
                      = None,
                      radius_km: Annotated[float, Query(gt=0, le=2000)] = 10.0,
                      limit: Limit = 25, cursor: Cursor = None, format: Format = None) -> Any:
    query = await _searched(request, "p", "place", q_)
    if level is not None:
        query.add(q.PLACE_LEVEL, level=iri_term(expand("ckgv:" + level)))
    if within is not None:
        query.values("within", await routing.named(request, "place", within, "within"),
                     q.PLACE_WITHIN)
    area = await places_in_area(request, bbox, near, radius_km)
    if area is not None:
        query.values("p", area, "")
    found, after = await _found(request, query, cursor, limit)
    items = [shapes.place(routing.iris_of(request), d) for d in found]
    link = m.Links(next=routing.next_link(request, after))
    if routing.wants_geojson(request, format):
        collection = m.FeatureCollection(features=[shapes.feature(p) for p in items],
                                         next=after, links=link)
        return JSONResponse(collection.model_dump(mode="json"), media_type="application/geo+json")
    return m.Page[m.Place](items=items, next=after, links=link)


ANCESTORS = q.PREFIX + "SELECT ?x ?p WHERE { ?p schema:containedInPlace+ ?x }"


@router.get("/places/{id:path}", response_model=m.PlaceDetail,
            responses={**NOT_FOUND, 200: {"content": {"application/geo+json": {
                "schema": m.FEATURE_SCHEMA}}}},
            summary="One place with its admin chain, geometry and events")
async def get_place(request: Request,
                    id: Annotated[str, Path(description=ID_DOC, examples=["C1001"])],
                    format: Format = None) -> Any:
    engine, iris = routing.engine_of(request), routing.iris_of(request)
    iri, d = await _detail(request, "place", id)
    place = shapes.place(iris, d)
    if routing.wants_geojson(request, format):
        return JSONResponse(shapes.feature(place).model_dump(mode="json"),
                            media_type="application/geo+json")
    rows = await engine.select(ANCESTORS, substitutions={"p": iri_term(iri)})
    ancestors = await describe(engine, [text(r["x"]) for r in rows])
    chain, current = [], place.parent.id if place.parent else None
    while current in ancestors and len(chain) < 20:
        chain.append(m.Ref(id=current, key=shapes.key_of(iris, current),
                           labels=shapes.labels(ancestors[current].labels())))
        current = ancestors[current].value("schema:containedInPlace")
    events = await events_among(request, await candidates(engine, "place", [iri], q.EVENT_PLACE),
                                RELATED)
    return m.PlaceDetail(**place.model_dump(), admin_chain=chain,
                         events=await event_summaries(request, events))


@router.get("/sources", response_model=m.Page[m.Source], summary="Reporting sources")
async def list_sources(request: Request, q_: Search = None,
                       limit: Limit = 25, cursor: Cursor = None) -> m.Page[m.Source]:
    found, after = await _found(request, await _searched(request, "s", "source", q_), cursor, limit)
    return m.Page[m.Source](items=[shapes.source(routing.iris_of(request), d) for d in found], next=after,
                            links=m.Links(next=routing.next_link(request, after)))


@router.get("/sources/{id:path}", response_model=m.SourceDetail, responses=NOT_FOUND,
            summary="One reporting source")
async def get_source(request: Request, id: Annotated[str, Path(description=ID_DOC,
                                                               examples=["sohr"])]) -> m.SourceDetail:
    _, d = await _detail(request, "source", id)
    return m.SourceDetail(**shapes.source(routing.iris_of(request), d).model_dump())
