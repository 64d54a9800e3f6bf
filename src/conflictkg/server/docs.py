"""The OpenAPI pages, ``/docs`` (Swagger UI) and ``/redoc``, with their assets served here.

FastAPI's own pages load Swagger UI and ReDoc from a CDN, so they are blank on a machine
without internet. These load the same assets from the PyPI package ``fastapi-offline``
(MIT), installed with the project, under ``/assets/docs/``; ReDoc without its web fonts,
and with the one image its bundle names on a CDN (the Redocly logo of its sidebar's
footer) pointed at this server's icon instead, so the browser asks nothing of elsewhere.
"""

from __future__ import annotations

import asyncio
import functools
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import FileResponse, HTMLResponse, Response

from conflictkg.server.errors import HttpError
from conflictkg.server.headers import page_policy

ASSETS = Path(str(files("fastapi_offline") / "static"))
ASSET_NAMES = ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js", "favicon.png")
REDOC_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
OAUTH_REDIRECT = "/docs/oauth2-redirect"

router = APIRouter(include_in_schema=False)


def _asset(request: Request, name: str) -> str:
    return str(request.url_for("docs_asset", name=name).path)


def _with_policy(page: HTMLResponse) -> HTMLResponse:
    """FastAPI writes these pages with an inline script: the policy names its hash."""
    page.headers["Content-Security-Policy"] = page_policy(bytes(page.body).decode())
    return page


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    return _with_policy(get_swagger_ui_html(
        openapi_url=request.app.openapi_url, title=f"{request.app.title} — API",
        oauth2_redirect_url=OAUTH_REDIRECT, swagger_js_url=_asset(request, "swagger-ui-bundle.js"),
        swagger_css_url=_asset(request, "swagger-ui.css"), swagger_favicon_url=_asset(request, "favicon.png")))


@router.get(OAUTH_REDIRECT)
async def swagger_ui_redirect() -> HTMLResponse:
    return _with_policy(get_swagger_ui_oauth2_redirect_html())


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    return _with_policy(get_redoc_html(openapi_url=request.app.openapi_url, title=f"{request.app.title} — API",
                          redoc_js_url=_asset(request, "redoc.standalone.js"),
                          redoc_favicon_url=_asset(request, "favicon.png"), with_google_fonts=False))


@functools.cache
def _redoc_script() -> bytes:
    return (ASSETS / "redoc.standalone.js").read_bytes().replace(REDOC_LOGO, b"/assets/docs/favicon.png")


@router.get("/assets/docs/{name}", name="docs_asset")
async def docs_asset(name: str) -> Response:
    if name not in ASSET_NAMES:
        raise HttpError(404, f"{name}: no such asset")
    if name == "redoc.standalone.js":
        body = await asyncio.to_thread(_redoc_script)
        return Response(body, media_type="text/javascript", headers={"Cache-Control": "public, max-age=3600"})
    return FileResponse(ASSETS / name)
