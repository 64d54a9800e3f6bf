"""What every API route reads the graph with, as one FastAPI dependency: :class:`Reader`.

A reader holds the app's query engine, its IRIs and the caches the API keeps per
store generation (the event index, names, points), and knows what routes share:
resolving names to IRIs, a page of a list and the link to the next, the event index
and the summaries of events and claims. Routes declare ``reader: ReaderDep`` and
reach nothing else of the app. :class:`ApiRoute` adds the headers every answer
carries: the JSON-LD context, and which event index a list was read from.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Request, Response
from fastapi.routing import APIRoute

from conflictkg.iris import Iris
from conflictkg.server.api import models as m
from conflictkg.server.api import shapes
from conflictkg.server.api.graph import (
    PREFIX,
    Description,
    describe,
    describe_bare,
    per_generation,
    place_points,
    resolve,
    resolve_id,
    spans,
    text,
)
from conflictkg.server.api.index import EventIndex, event_index, summaries_data
from conflictkg.server.api.params import Area
from conflictkg.server.api.queries import ListQuery, encode_cursor
from conflictkg.server.deps import CacheDep, EngineDep, SettingsDep
from conflictkg.server.engine import QueryEngine

INDEX_GENERATION = "X-Index-Generation"
ESTIMATE_RULES = PREFIX + """
SELECT ?c ?rule WHERE { ?c skos:inScheme ckg:EstimateScheme ; skos:definition ?rule FILTER(lang(?rule) = "en") }"""
CONTEXT_LINK = '</api/v1/context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"; ' \
               'type="application/ld+json"'


class ApiRoute(APIRoute):
    """Names the JSON-LD context of every JSON answer, and the event index's generation of a list."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def run(request: Request) -> Response:
            response = await handler(request)
            if response.media_type in {"application/json", "application/geo+json"}:
                response.headers.setdefault("Link", CONTEXT_LINK)
            generation = getattr(request.state, "index_generation", None)
            if generation is not None:  # a list read from the event index says of when
                response.headers[INDEX_GENERATION] = str(generation)
            return response

        return run


@dataclass
class Reader:
    """The graph as one request of the API reads it."""

    engine: QueryEngine
    iris: Iris
    cache: dict[str, Any]
    request: Request

    async def named(self, kind: str, value: str, param: str) -> list[str]:
        """IRIs a filter value names (an IRI, a local key, or a name in Arabic or English)."""
        return await resolve(self.engine, self.iris, kind, value, param, self.cache)

    async def resolve_id(self, kind: str, value: str, param: str = "id") -> str | None:
        """The IRI an ``{id}`` names (a full IRI or a local key), None when the graph lacks it."""
        return await resolve_id(self.engine, self.iris, kind, value, param)

    async def page(self, query: ListQuery, limit: int) -> tuple[list[str], str | None]:
        """The IRIs of one page and the cursor of the next (None on the last page)."""
        rows = await self.engine.select(query.sparql(limit), substitutions=query.substitutions)
        found = [(text(r[query.var]), text(r["key"])) for r in rows]
        if len(found) > limit:
            return [iri for iri, _ in found[:limit]], encode_cursor(found[limit - 1][1])
        return [iri for iri, _ in found], None

    def links(self, cursor: str | None) -> m.Links:
        """The link to the next page: this request's URL with its cursor."""
        if cursor is None:
            return m.Links(next=None)
        params = [(k, v) for k, v in self.request.query_params.multi_items() if k != "cursor"]
        return m.Links(next=f"{self.request.url.path}?{urlencode([*params, ('cursor', cursor)])}")

    async def index(self) -> EventIndex:
        """The event index, its generation noted for the answer's X-Index-Generation."""
        index = await event_index(self.engine, self.cache)
        self.request.state.index_generation = index.generation
        return index

    async def events_among(self, among: set[str], limit: int) -> list[str]:
        """The first events of a candidate set, by date."""
        return (await self.index()).page(among=among, limit=limit)[0]

    async def event_summaries(self, found: list[str]) -> list[m.EventSummary]:
        points = await place_points(self.engine, self.cache)
        described = await summaries_data(self.engine, self.cache, found, points)
        tolls, rules = await self.derived_tolls(described.values())
        return [shapes.event_summary(self.iris, described[i], tolls, rules) for i in found]

    async def derived_tolls(self, described: Iterable[Description]
                            ) -> tuple[dict[str, Description], dict[str, str]]:
        """The derived tolls of incidents, and the rule of each estimate (its definition)."""
        found = [t for d in described for t in d.iris("ckg:derivedToll")]
        if not found:
            return {}, {}

        async def read_rules() -> dict[str, str]:
            return {text(r["c"]): text(r["rule"]) for r in await self.engine.select(ESTIMATE_RULES)}

        tolls = await describe_bare(self.engine, found)
        return tolls, await per_generation(self.engine, self.cache, "estimate-rules", read_rules)

    async def claims(self, found: list[str]) -> list[m.Claim]:
        described = await describe(self.engine, found)
        evidence = [a for d in described.values() for a in d.iris("ckg:evidence")]
        found_spans = await spans(self.engine, evidence)
        return [shapes.claim(self.iris, described[c], found_spans) for c in found]

    async def places_in(self, area: Area) -> list[str]:
        """The places whose point lies in the area."""
        points = await place_points(self.engine, self.cache)
        return sorted(iri for iri, (lon, lat) in points.items() if area.holds(lon, lat))


def get_reader(request: Request, engine: EngineDep, settings: SettingsDep, cache: CacheDep) -> Reader:
    return Reader(engine, Iris(settings.base_iri), cache, request)


ReaderDep = Annotated[Reader, Depends(get_reader)]
