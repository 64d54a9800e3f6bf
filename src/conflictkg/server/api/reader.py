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
from conflictkg.server.api import queries as q
from conflictkg.server.api import shapes
from conflictkg.server.api.figures import add_figures
from conflictkg.server.api.graph import (
    PREFIX,
    Description,
    describe,
    describe_bare,
    iri_term,
    per_generation,
    place_points,
    resolve,
    resolve_id,
    spans,
    text,
)
from conflictkg.server.api.index import candidates, event_index, summaries_data
from conflictkg.server.api.params import Area, EventFilter
from conflictkg.server.api.queries import ListQuery, encode_cursor
from conflictkg.server.deps import CacheDep, EngineDep, SettingsDep
from conflictkg.server.engine import QueryEngine

INDEX_GENERATION = "X-Index-Generation"
ESTIMATE_RULES = PREFIX + """
SELECT ?c ?rule WHERE { ?c skos:inScheme ckg:EstimateScheme ; skos:definition ?rule FILTER(lang(?rule) = "en") }"""
RELATED = 100  # events and claims a detail answer lists
CLAIMS_ABOUT = q.PREFIX + "SELECT ?c ?e WHERE { ?c ckg:about ?e } ORDER BY ?c"
ANCESTORS = q.PREFIX + "SELECT ?x ?p WHERE { ?p schema:containedInPlace+ ?x }"
SUB_UNITS = q.PREFIX + "SELECT ?x ?a WHERE { ?x ckg:partOf ?a } ORDER BY ?x"
SUB_EVENTS = q.PREFIX + "SELECT ?x ?e WHERE { ?x sem:subEventOf ?e } ORDER BY ?x"
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

    async def index_page(self, **filters: Any) -> tuple[list[str], str | None]:
        """One page of the event index, its generation noted for the answer's X-Index-Generation."""
        generation, page = await event_index(self.engine, self.cache).page(**filters)
        self.request.state.index_generation = generation
        return page.iris, page.last

    async def events_matching(self, filters: EventFilter, *, after: str | None = None,
                              limit: int | None = None) -> tuple[list[str], str | None]:
        """The events a list's filters keep, by date: one page (and the key to go on
        after), or every one of them when ``limit`` is None."""
        among: set[str] | None = None

        async def narrow(var: str, found: list[str], fragment: str) -> None:
            nonlocal among
            events = await candidates(self.engine, var, found, fragment)
            among = events if among is None else among & events

        # Places and groups are keys of the index (with what contains them): no SPARQL.
        actors = await self.named("actor", filters.actor, "actor") if filters.actor is not None else None
        places = await self.named("place", filters.place, "place") if filters.place is not None else None
        if filters.area is not None:
            await narrow("geoPlace", await self.places_in(filters.area), q.EVENT_GEO)
        if filters.source is not None:
            await narrow("source", await self.named("source", filters.source, "source"), q.EVENT_SOURCE)
        return await self.index_page(kind=filters.kind, start=filters.period.start, end=filters.period.end,
                                     among=among, after=after, limit=limit, incidents=not filters.reports,
                                     places=places, actors=actors)

    async def event_summaries(self, found: list[str]) -> list[m.EventSummary]:
        """Each event's summary with its figures (fatalities, admin units, ACLED type...)."""
        return await event_summaries(self.engine, self.iris, self.cache, found)

    async def claims(self, found: list[str]) -> list[m.Claim]:
        described = await describe(self.engine, found)
        evidence = [a for d in described.values() for a in d.iris("ckg:evidence")]
        found_spans = await spans(self.engine, evidence)
        return [shapes.claim(self.iris, described[c], found_spans) for c in found]

    async def claims_about(self, event: str) -> list[m.Claim]:
        """Every claim about an event."""
        rows = await self.engine.select(CLAIMS_ABOUT, substitutions={"e": iri_term(event)})
        return await self.claims([text(r["c"]) for r in rows])

    async def refs(self, query: str, var: str, bound: str) -> list[m.Ref]:
        """The entities ``query`` finds as ``?x`` with ``?{var}`` bound to ``bound``, named."""
        rows = await self.engine.select(query, substitutions={var: iri_term(bound)})
        described = await describe(self.engine, [text(r["x"]) for r in rows])
        return [m.Ref(id=x, key=shapes.event_key(self.iris, x), labels=shapes.labels(d.labels()))
                for x, d in described.items()]

    async def admin_chain(self, place: m.Place) -> list[m.Ref]:
        """The places a place lies in, from its parent up to its governorate."""
        rows = await self.engine.select(ANCESTORS, substitutions={"p": iri_term(place.id)})
        ancestors = await describe(self.engine, [text(r["x"]) for r in rows])
        chain: list[m.Ref] = []
        current = place.parent.id if place.parent else None
        while current in ancestors and len(chain) < 20:
            chain.append(m.Ref(id=current, key=shapes.key_of(self.iris, current),
                               labels=shapes.labels(ancestors[current].labels())))
            current = ancestors[current].value("schema:containedInPlace")
        return chain

    async def events_of(self, facet: str, iri: str) -> list[m.EventSummary]:
        """The first reported events (by date) at a place or inside it (``facet`` "place"),
        or of a group or one of its units ("actor"), as the event list's filters find them."""
        found, _ = await self.index_page(limit=RELATED, incidents=False, **{facet + "s": [iri]})
        return await self.event_summaries(found)

    async def places_in(self, area: Area) -> list[str]:
        """The places whose point lies in the area."""
        points = await place_points(self.engine, self.cache)
        return sorted(iri for iri, (lon, lat) in points.items() if area.holds(lon, lat))


async def event_summaries(engine: QueryEngine, iris: Iris, cache: dict[str, Any],
                          found: list[str]) -> list[m.EventSummary]:
    """The summaries of events, with their figures: also for callers without a request."""
    points = await place_points(engine, cache)
    described = await summaries_data(engine, cache, found, points)
    tolls, rules = await derived_tolls(engine, cache, described.values())
    summaries = [shapes.event_summary(iris, described[i], tolls, rules) for i in found]
    await add_figures(engine, iris, cache, summaries)
    return summaries


async def derived_tolls(engine: QueryEngine, cache: dict[str, Any], described: Iterable[Description]
                        ) -> tuple[dict[str, Description], dict[str, str]]:
    """The derived tolls of incidents, and the rule of each estimate (its definition)."""
    found = [t for d in described for t in d.iris("ckg:derivedToll")]
    if not found:
        return {}, {}

    async def read_rules() -> dict[str, str]:
        return {text(r["c"]): text(r["rule"]) for r in await engine.select(ESTIMATE_RULES)}

    tolls = await describe_bare(engine, found)
    return tolls, await per_generation(engine, cache, "estimate-rules", read_rules)


def get_reader(request: Request, engine: EngineDep, settings: SettingsDep, cache: CacheDep) -> Reader:
    return Reader(engine, Iris(settings.base_iri), cache, request)


ReaderDep = Annotated[Reader, Depends(get_reader)]
