"""The server's one error type: a request that cannot be answered, and why.

Raised where the reason is known (a parameter, the protocol, the query engine, a
query worker, content negotiation) and turned into a response in one place: the
app's exception handler, and the ``/sparql`` endpoint, which runs ahead of the app's
routing, with the same function. The SPARQL protocol surfaces answer the message as
plain text, as their clients expect; the JSON API and the pages answer
``{"detail": message, "code": code}``, and a bad parameter FastAPI's own shape,
``{"detail": [{"loc": [where, name], "msg": message, "type": code}]}``; outside the
API, a browser (a client preferring HTML) gets an error page instead.

Query workers import this module for the type alone: it imports no web framework
until a response is made.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from starlette.responses import Response

# The code of an error that names none of its own.
CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 406: "not_acceptable", 413: "too_large",
    415: "unsupported_media_type", 422: "unprocessable", 500: "internal_error",
    502: "bad_gateway", 503: "unavailable",
}
RETRY_AFTER = "5"  # seconds, on every 503: the engine is busy or a query ran too long


class HttpError(Exception):
    """An HTTP status to answer, a short machine ``code`` and a ``message`` for people.

    ``param`` (and ``where`` it was sent: query, path or body) marks a request
    parameter that cannot be used.
    """

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 headers: Mapping[str, str] | None = None, param: str | None = None,
                 where: str = "query") -> None:
        super().__init__(message)
        self.status, self.message = status, message
        self.code = code or CODES.get(status, "error")
        self.headers = dict(headers or {})
        self.param, self.where = param, where


def bad_parameter(param: str, reason: str, where: str = "query") -> HttpError:
    """A parameter's value that cannot be used: a 422 naming it, as FastAPI's own checks do."""
    return HttpError(422, reason, code="value_error", param=param, where=where)


def not_found(kind: str, value: str) -> HttpError:
    return HttpError(404, f"no {kind} {value!r} in the graph")


def error_response(error: HttpError, *, plain: bool, html: str | None = None) -> Response:
    """The answer to ``error``: its message as plain text, as JSON, or the ``html`` page
    made for a browser."""
    from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse

    headers = dict(error.headers)
    if error.status == 503:
        headers.setdefault("Retry-After", RETRY_AFTER)
    if plain:
        return PlainTextResponse(error.message + "\n", status_code=error.status, headers=headers)
    if html is not None:
        return HTMLResponse(html, status_code=error.status, headers={**headers, "Vary": "Accept"})
    if error.param is not None:
        detail: object = [{"loc": [error.where, error.param], "msg": error.message,
                           "type": error.code}]
        return JSONResponse({"detail": detail}, status_code=error.status, headers=headers)
    return JSONResponse({"detail": error.message, "code": error.code}, status_code=error.status,
                        headers=headers)
