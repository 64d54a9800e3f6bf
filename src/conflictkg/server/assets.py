"""The files of ``server/static/``: the site's styles and scripts, and the vendored packages.

One route serves them all, at ``/static/{path}``, from the package's folder only: a path
that leaves it, or names a folder, is a 404. Nothing a page uses comes from elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from conflictkg.server.errors import HttpError

STATIC = Path(__file__).resolve().parent / "static"
MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".geojson": "application/geo+json",
               ".md": "text/markdown", ".txt": "text/plain", ".png": "image/png"}

router = APIRouter(include_in_schema=False)


def static_file(path: str) -> Path:
    """The file of ``static/`` a request path names; a 404 for anything else."""
    found = (STATIC / path).resolve()
    if not found.is_relative_to(STATIC) or not found.is_file():
        raise HttpError(404, f"{path}: no such file")
    return found


@router.get("/static/{path:path}", name="static")
async def static(path: str) -> FileResponse:
    found = static_file(path)
    return FileResponse(found, media_type=MEDIA_TYPES.get(found.suffix),
                        headers={"Cache-Control": "public, max-age=3600"})
