"""The JSON API under /api/v1: events, actors, places, claims, sources and documents.

Each route reads the graph through the app's query engine with fixed SPARQL and
bound values, and answers JSON-LD (every object has its IRI in ``id``, every page
names /api/v1/context.jsonld), or GeoJSON where things have a place.

    events, entities, documents   the routes, by resource; they import the modules
                                  below and never each other
    params      the parameters routes share (paging, kinds, filters, area, GeoJSON)
    models      the answers' shapes, for the OpenAPI schema
    reader      the Reader dependency: engine, IRIs and caches, and what routes share
    graph, queries, index, shapes, extraction
                reading the graph: fixed SPARQL, list queries, the event index,
                graph to models, a document's extraction
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse

from conflictkg.server.api import documents, entities, events
from conflictkg.server.api.index import keeping_index
from conflictkg.server.deps import BundleDep
from conflictkg.server.errors import HttpError


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The event index is built as the app starts (its engine is running by then)."""
    async with keeping_index(app.state.engine, app.state.api_cache):
        yield


router = APIRouter(prefix="/api/v1", tags=["api"], lifespan=lifespan)
router.include_router(events.router)
router.include_router(entities.router)
router.include_router(documents.router)


@router.get("/context.jsonld", response_class=FileResponse, summary="The JSON-LD context",
            responses={200: {"content": {"application/ld+json": {"schema": {"type": "object"}}}},
                       404: {"description": "The context file is not installed"}})
async def context(bundle: BundleDep) -> FileResponse:
    """Maps the API's keys to the ontology, so every answer reads as JSON-LD."""
    if not bundle.context_file.is_file():
        raise HttpError(404, "the JSON-LD context is not installed", code="not_installed")
    return FileResponse(bundle.context_file, media_type="application/ld+json")
