"""What every API route shares: the engine, the IRIs, the answer's headers, paging."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import urlencode

from fastapi import Request, Response
from fastapi.routing import APIRoute

from conflictkg.iris import Iris
from conflictkg.server.api.graph import resolve, text
from conflictkg.server.api.queries import ListQuery, encode_cursor
from conflictkg.server.negotiation import Offers, negotiate

GEOJSON_OR_JSON = Offers("JSON or GeoJSON", [("json", "application/json"),
                                             ("geojson", "application/geo+json")])
INDEX_GENERATION = "X-Index-Generation"
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


def engine_of(request: Request) -> Any:
    return request.app.state.engine


def iris_of(request: Request) -> Iris:
    return Iris(request.app.state.settings.base_iri)


def app_cache(app: Any) -> dict[str, Any]:
    """What the API keeps per app between requests (indexes, names), by store generation."""
    if not hasattr(app.state, "api_cache"):
        app.state.api_cache = {}
    return app.state.api_cache


def cache_of(request: Request) -> dict[str, Any]:
    return app_cache(request.app)


async def named(request: Request, kind: str, value: str, param: str) -> list[str]:
    """IRIs a filter value names (an IRI, a local key, or a name in Arabic or English)."""
    return await resolve(engine_of(request), iris_of(request), kind, value, param,
                         cache_of(request))


async def run_list(engine: Any, query: ListQuery, limit: int) -> tuple[list[str], str | None]:
    """The IRIs of one page and the cursor of the next (None on the last page)."""
    rows = await engine.select(query.sparql(limit), substitutions=query.substitutions)
    found = [(text(r[query.var]), text(r["key"])) for r in rows]
    if len(found) > limit:
        return [iri for iri, _ in found[:limit]], encode_cursor(found[limit - 1][1])
    return [iri for iri, _ in found], None


def next_link(request: Request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
    return f"{request.url.path}?{urlencode([*params, ('cursor', cursor)])}"


def wants_geojson(request: Request, fmt: str | None) -> bool:
    """GeoJSON by ``format=geojson``, or when Accept prefers it to JSON (which is what
    any other Accept gets)."""
    if fmt is not None:
        return fmt == "geojson"
    chosen = negotiate(GEOJSON_OR_JSON, request.headers.get("accept"))
    return chosen is not None and chosen.key == "geojson"
