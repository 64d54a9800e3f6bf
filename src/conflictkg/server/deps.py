"""The app's settings, query engine, reference bundle and caches, as FastAPI dependencies
of its routes.

``create_app`` builds them once per app and keeps them on it; routes declare
``engine: EngineDep``, ``settings: SettingsDep``, ``bundle: BundleDep``, ``extractor:
ExtractorDep`` or ``cache: CacheDep``
and never read the app's state themselves, so a route's signature says what it uses.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from conflictkg.config import Settings
from conflictkg.reference import Bundle
from conflictkg.server.engine import QueryEngine
from conflictkg.server.extractor import DocumentExtractor


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_engine(request: Request) -> QueryEngine:
    return request.app.state.engine


def get_bundle(request: Request) -> Bundle:
    """The reference bundle the settings name: example queries, JSON-LD context, extractor."""
    return request.app.state.bundle


def get_extractor(request: Request) -> DocumentExtractor:
    """The process that extracts posted documents (started by the first one)."""
    return request.app.state.extractor


def get_cache(request: Request) -> dict[str, Any]:
    """What the app keeps between requests (the event index, names, points), by name."""
    return request.app.state.api_cache


SettingsDep = Annotated[Settings, Depends(get_settings)]
EngineDep = Annotated[QueryEngine, Depends(get_engine)]
BundleDep = Annotated[Bundle, Depends(get_bundle)]
CacheDep = Annotated[dict[str, Any], Depends(get_cache)]
ExtractorDep = Annotated[DocumentExtractor, Depends(get_extractor)]
