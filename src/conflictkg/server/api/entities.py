"""GET /actors, /places and /sources: the gazetteer entities and what the graph ties to them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from conflictkg.server.api import models as m
from conflictkg.server.api import queries as q
from conflictkg.server.api import shapes
from conflictkg.server.api.graph import Description, describe, expand, iri_term, literal_term, search
from conflictkg.server.api.params import (
    ID_DOC,
    ActorKind,
    Cursor,
    GeoJson,
    InArea,
    Level,
    Limit,
    Search,
)
from conflictkg.server.api.reader import RELATED, SUB_UNITS, ApiRoute, Reader, ReaderDep
from conflictkg.server.errors import not_found

router = APIRouter(route_class=ApiRoute)
CLASSES = {"actor": "ckg:ArmedGroup", "place": "ckg:Place", "source": "ckg:ReportingSource"}


async def _detail(reader: Reader, kind: str, value: str) -> tuple[str, Description]:
    iri = await reader.resolve_id(kind, value)
    described = await describe(reader.engine, [iri]) if iri else {}
    if not iri or expand(CLASSES[kind]) not in described[iri].types():
        raise not_found(kind, value)
    return iri, described[iri]


async def _searched(reader: Reader, var: str, kind: str, q_: str | None) -> q.ListQuery:
    """The list of one kind of entity, narrowed to those named like ``q_`` when given."""
    query = q.entities_query(var, CLASSES[kind])
    if q_ is not None:
        query.values(var, await search(reader.engine, kind, q_, reader.cache), "")
    return query


async def _found(reader: Reader, query: q.ListQuery, cursor: str | None,
                 limit: int) -> tuple[list[Description], str | None]:
    """What the graph says about each entity of one page, and the cursor of the next."""
    found, after = await reader.page(query.after(cursor), limit)
    described = await describe(reader.engine, found)
    return [described[x] for x in found], after


@router.get("/actors", response_model=m.Page[m.Actor], summary="Armed groups")
async def list_actors(reader: ReaderDep, q_: Search = None,
                      kind: Annotated[ActorKind | None, Query()] = None,
                      side: Annotated[str | None, Query(max_length=100)] = None,
                      limit: Limit = 25, cursor: Cursor = None) -> m.Page[m.Actor]:
    query = await _searched(reader, "a", "actor", q_)
    if kind is not None:
        query.add(q.ACTOR_KIND, actorKind=iri_term(expand("ckgk:" + kind)))
    if side is not None:
        query.add(q.ACTOR_SIDE, side=literal_term(side))
    found, after = await _found(reader, query, cursor, limit)
    return m.Page[m.Actor](items=[shapes.actor(reader.iris, d) for d in found], next=after,
                           links=reader.links(after))


@router.get("/actors/{id:path}", response_model=m.ActorDetail, responses=m.NOT_FOUND,
            summary="One armed group with its aliases, parent, sub-units, events and claims")
async def get_actor(reader: ReaderDep,
                    id: Annotated[str, Path(description=ID_DOC, examples=["fsa"])]) -> m.ActorDetail:
    iri, d = await _detail(reader, "actor", id)
    claims, _ = await reader.page(q.claims_query().values("actor", [iri], q.CLAIM_ACTOR), RELATED)
    return m.ActorDetail(
        **shapes.actor(reader.iris, d).model_dump(),
        sub_units=await reader.refs(SUB_UNITS, "a", iri),
        events=await reader.events_of("actor", iri),
        claims=await reader.claims(claims),
    )


@router.get("/places", response_model=m.Page[m.Place], responses=m.GEOJSON_LIST,
            summary="Places of the gazetteer")
async def list_places(reader: ReaderDep, area: InArea, geojson: GeoJson, q_: Search = None,
                      level: Annotated[Level | None, Query()] = None,
                      within: Annotated[str | None, Query(max_length=300, description="IRI, key "
                                                          "or name of an enclosing place")] = None,
                      limit: Limit = 25, cursor: Cursor = None) -> Any:
    query = await _searched(reader, "p", "place", q_)
    if level is not None:
        query.add(q.PLACE_LEVEL, level=iri_term(expand("ckgv:" + level)))
    if within is not None:
        query.values("within", await reader.named("place", within, "within"), q.PLACE_WITHIN)
    if area is not None:
        query.values("p", await reader.places_in(area), "")
    found, after = await _found(reader, query, cursor, limit)
    items = [shapes.place(reader.iris, d) for d in found]
    if geojson:
        collection = m.FeatureCollection(features=[shapes.feature(p) for p in items],
                                         next=after, links=reader.links(after))
        return JSONResponse(collection.model_dump(mode="json"), media_type="application/geo+json")
    return m.Page[m.Place](items=items, next=after, links=reader.links(after))


@router.get("/places/{id:path}", response_model=m.PlaceDetail,
            responses={**m.NOT_FOUND, **m.GEOJSON_FEATURE},
            summary="One place with its admin chain, geometry and events")
async def get_place(reader: ReaderDep, geojson: GeoJson,
                    id: Annotated[str, Path(description=ID_DOC, examples=["C1001"])]) -> Any:
    iri, d = await _detail(reader, "place", id)
    place = shapes.place(reader.iris, d)
    if geojson:
        return JSONResponse(shapes.feature(place).model_dump(mode="json"),
                            media_type="application/geo+json")
    return m.PlaceDetail(**place.model_dump(), admin_chain=await reader.admin_chain(place),
                         events=await reader.events_of("place", iri))


@router.get("/sources", response_model=m.Page[m.Source], summary="Reporting sources")
async def list_sources(reader: ReaderDep, q_: Search = None,
                       limit: Limit = 25, cursor: Cursor = None) -> m.Page[m.Source]:
    found, after = await _found(reader, await _searched(reader, "s", "source", q_), cursor, limit)
    return m.Page[m.Source](items=[shapes.source(reader.iris, d) for d in found], next=after,
                            links=reader.links(after))


@router.get("/sources/{id:path}", response_model=m.SourceDetail, responses=m.NOT_FOUND,
            summary="One reporting source")
async def get_source(reader: ReaderDep, id: Annotated[str, Path(description=ID_DOC,
                                                                examples=["sohr"])]) -> m.SourceDetail:
    _, d = await _detail(reader, "source", id)
    return m.SourceDetail(**shapes.source(reader.iris, d).model_dump())
