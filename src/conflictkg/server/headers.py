"""The headers that keep a page from running anyone's script but this server's.

Every HTML response carries a Content Security Policy: scripts only from this server's
own files (no inline script, no ``eval``), no plugins, no framing, forms and requests
only to this server. The query page and the linked-data pages hold no inline script, so
the one policy fits them all; ``/docs`` and ``/redoc``, whose HTML FastAPI writes with a
small inline script, name the hashes of exactly those scripts (``page_policy``) and
nothing else. Styles may be inline: the editor and the map set them at run time, and a
style runs no code. Links from data are made safe where they are written
(:func:`conflictkg.server.linked.local_href` and the page scripts): only ``http`` and
``https`` IRIs are followed.
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SCRIPT_SOURCES = "'self'"
POLICY = ("default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
          "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
CONTENT_SECURITY_POLICY = POLICY.format(scripts=SCRIPT_SOURCES)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def page_policy(html: str) -> str:
    """The policy for a page this server writes with inline scripts of its own: those
    scripts, by their SHA-256, and nothing else inline."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in INLINE_SCRIPT.findall(html))
    return POLICY.format(scripts=f"{SCRIPT_SOURCES} {hashes}".strip())


class SecurityHeaders:
    """Adds the policy to HTML responses that set none of their own, and ``nosniff`` and a
    referrer policy to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "same-origin")
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            await send(message)

        await self.app(scope, receive, send_with_headers)
