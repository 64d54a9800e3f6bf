"""The app's settings and query engine, as FastAPI dependencies of its routes.

``create_app`` builds one engine per app and keeps it, with the settings, on the
app; routes declare ``engine: EngineDep`` or ``settings: SettingsDep`` and never
read the app's state themselves, so a route says in its signature what it uses.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from conflictkg.config import Settings
from conflictkg.server.engine import QueryEngine


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_engine(request: Request) -> QueryEngine:
    return request.app.state.engine


SettingsDep = Annotated[Settings, Depends(get_settings)]
EngineDep = Annotated[QueryEngine, Depends(get_engine)]
