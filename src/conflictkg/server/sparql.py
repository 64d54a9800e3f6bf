"""The SPARQL 1.1 Protocol at ``/sparql``: queries, updates, and the service description.

Follows https://www.w3.org/TR/sparql11-protocol/: a query by GET ``?query=``, by POST
form-encoded or as ``application/sparql-query``; an update by POST form-encoded or
as ``application/sparql-update``; the dataset by ``default-graph-uri`` /
``named-graph-uri`` (``using-graph-uri`` / ``using-named-graph-uri`` for updates).
A GET with no query returns the service description. Every failure is an HTTP
status with the reason as plain text (an :class:`~conflictkg.server.errors.HttpError`,
answered by the endpoint in one place); a result is serialised whole before its
status is sent.

The endpoint is the hot path, so it is not a route: :class:`SparqlEndpoint` is a
plain ASGI middleware that answers ``/sparql`` and ``/sparql/`` itself, ahead of the
framework's routing, dependency handling and exception middleware, and passes every
other request on. The app installs it inside its CORS middleware, so CORS headers
and preflight requests are handled as for any route, and hands it the app's query
engine and settings.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import logging
from urllib.parse import parse_qsl

from pyoxigraph import NamedNode
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from conflictkg.config import Settings
from conflictkg.server import describe
from conflictkg.server.engine import QueryEngine, QueryResult
from conflictkg.server.errors import HttpError, error_response
from conflictkg.sparqltext import SparqlTextError, read, top_level_words

log = logging.getLogger("conflictkg.server")

PATHS = frozenset({"/sparql", "/sparql/"})
FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")
USING_PARAMS = ("using-graph-uri", "using-named-graph-uri")


def check_update_rights(request: Request, settings: Settings) -> None:
    """Updates are off unless enabled; with a token, only its bearer may write."""
    if not settings.updates_enabled:
        raise HttpError(403, "updates are disabled on this endpoint", code="updates_disabled")
    origin = request.headers.get("origin")
    if origin and origin != f"{request.url.scheme}://{request.url.netloc}":
        # A page on another site can send a simple form POST without any CORS check.
        raise HttpError(403, "updates from pages of other origins are refused", code="cross_origin")
    if settings.open_updates and not settings.update_token:
        if not local_host(request.headers.get("host", "")):
            # A page of another site can have its own name resolve to this server (DNS
            # rebinding) and then write as a page of this origin.
            raise HttpError(403, "with open updates, writes are taken only for a Host that is an IP "
                            "address or localhost", code="host_refused")
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    challenge = 'Bearer realm="conflictkg"'
    if scheme.lower() != "bearer" or not token:
        raise HttpError(401, "updates need an Authorization: Bearer token",
                        headers={"WWW-Authenticate": challenge})
    if not hmac.compare_digest(token.strip().encode(), (settings.update_token or "").encode()):
        raise HttpError(403, "the bearer token is not valid for updates", code="invalid_token",
                        headers={"WWW-Authenticate": challenge + ', error="invalid_token"'})


def local_host(host: str) -> bool:
    """Whether a Host header names this machine by address or as localhost, not by a name
    that someone else's DNS could point here."""
    name = host.strip().lower()
    if name.startswith("["):
        name = name[1:name.find("]")] if "]" in name else name
    elif name.count(":") == 1:
        name = name.split(":", 1)[0]
    if name in ("localhost", "localhost."):
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing (413) more than ``limit`` bytes without reading it all."""
    check_length(request, limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def check_length(request: Request, limit: int) -> None:
    """A 413 at once for a body declared larger than ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large(limit)


def too_large(limit: int) -> HttpError:
    return HttpError(413, f"the request body is larger than this endpoint's limit of {limit} bytes")


def _decode(body: bytes, charset: str | None, what: str) -> str:
    if charset and charset.lower().replace("-", "") != "utf8":
        raise HttpError(415, f"{what} must be UTF-8, not {charset}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HttpError(400, f"{what} is not valid UTF-8: {exc}") from None


def _content_type(request: Request) -> tuple[str, str | None]:
    media, *params = (p.strip() for p in request.headers.get("content-type", "").split(";"))
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"')
    return media.lower(), charset


def _single(params: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise HttpError(400, f"more than one {name!r} parameter")
    return values[0] if values else None


def _all(params: list[tuple[str, str]], name: str) -> list[str]:
    return [v for k, v in params if k == name]


def endpoint_url(request: Request) -> str:
    return str(request.url).split("?", 1)[0]


def graph_name(value: str, param: str) -> NamedNode:
    """A graph named in a request: an absolute IRI, or a 400 saying why it is not one."""
    try:
        return NamedNode(value)
    except ValueError as exc:
        raise HttpError(400, f"{param}={value!r} is not an absolute IRI ({exc})", code="bad_iri") from None


class SparqlEndpoint:
    """ASGI middleware: answers ``/sparql`` and ``/sparql/`` directly, passes the rest to ``app``."""

    def __init__(self, app: ASGIApp, *, engine: QueryEngine, settings: Settings) -> None:
        self.app, self.engine, self.settings = app, engine, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in PATHS:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            if scope["method"] in ("GET", "HEAD"):
                response = await sparql_get(request, self.engine, self.settings)
            elif scope["method"] == "POST":
                response = await sparql_post(request, self.engine, self.settings)
            else:
                raise HttpError(405, "use GET or POST", headers={"Allow": "GET, HEAD, POST"})
        except HttpError as exc:
            response = error_response(exc, plain=True)
        except Exception:
            # answered here rather than raised to the server, which would close the
            # client's connection, and a client that reuses it would see it reset
            log.exception("SPARQL request failed")
            response = error_response(HttpError(500, "internal error: the request was not completed"),
                                      plain=True)
        await response(scope, receive, send)


async def sparql_get(request: Request, engine: QueryEngine, settings: Settings) -> Response:
    """SPARQL query by GET; with no query, the service description."""
    params = list(request.query_params.multi_items())
    if _single(params, "update") is not None:
        raise HttpError(400, "updates must be sent by POST")
    query = _single(params, "query")
    if query is None:
        return await describe.service_description_response(request, engine, settings)
    return await _query(request, engine, query, params)


async def sparql_post(request: Request, engine: QueryEngine, settings: Settings) -> Response:
    """SPARQL query or update by POST (form-encoded, or the query or update as the body)."""
    media, charset = _content_type(request)
    body = await read_body(request, settings.max_body_bytes)
    url_params = list(request.query_params.multi_items())
    update: str | None
    if media == FORM:
        text = _decode(body, charset, "the form")
        if len(text) > 65536:  # linear, but a megabyte takes a while: not on the event loop
            form = await asyncio.to_thread(parse_qsl, text, keep_blank_values=True)
        else:
            form = parse_qsl(text, keep_blank_values=True)
        params = url_params + form
        query, update = _single(form, "query"), _single(form, "update")
    elif media == SPARQL_QUERY:
        params, query, update = url_params, _decode(body, charset, "the query"), None
    elif media == SPARQL_UPDATE:
        params, query, update = url_params, None, _decode(body, charset, "the update")
    else:
        raise HttpError(415, f"unsupported Content-Type {media or '(none)'!r}; send "
                        f"{FORM}, {SPARQL_QUERY} or {SPARQL_UPDATE}")
    if query is not None and update is None:
        return await _query(request, engine, query, params)
    if update is not None and query is None:
        return await _update(request, engine, settings, update, params)
    raise HttpError(400, "send exactly one of the 'query' and 'update' parameters")


def format_parameter(params: list[tuple[str, str]], accept: str | None) -> str | None:
    """The ``format`` parameter, when it decides the format. Some clients (SPARQLWrapper)
    send several, alongside an Accept header that says the same: the header decides then."""
    values = _all(params, "format")
    if len(values) > 1 and accept and accept.strip():
        return None
    return values[0] if values else None


async def _query(request: Request, engine: QueryEngine, query: str,
                 params: list[tuple[str, str]]) -> Response:
    accept = request.headers.get("accept")
    result = await engine.run(
        query, accept=accept, format=format_parameter(params, accept),
        base_iri=endpoint_url(request),
        default_graph_uris=_all(params, "default-graph-uri"),
        named_graph_uris=_all(params, "named-graph-uri"), endpoint=True)
    if request.method == "HEAD" and not isinstance(result.body, bytes):
        await result.read()  # a large result's file is deleted once read
    return result_response(result, request)


def result_response(result: QueryResult, request: Request | None = None) -> Response:
    """A serialised result as a response; a large one streamed from its file.

    A GET's result only changes when the store does, so it carries an ETag made of the
    store generation and the format, and a matching If-None-Match gets a 304.
    """
    headers = {"Vary": "Accept", "X-Store-Generation": str(result.generation)}
    if request is not None and request.method == "HEAD":
        return Response(status_code=200, media_type=result.media_type,
                        headers={**headers, "Content-Length": str(result.length or 0)})
    if request is not None and request.method == "GET" and result.stable:
        etag = f'W/"{result.generation}-{result.media_type}"'
        headers["ETag"] = etag
        if etag in request.headers.get("if-none-match", "") and isinstance(result.body, bytes):
            return Response(status_code=304, headers=headers)
    if isinstance(result.body, bytes):
        return Response(result.body, media_type=result.media_type, headers=headers)
    headers["Content-Length"] = str(result.length)
    return StreamingResponse(result.body, media_type=result.media_type, headers=headers)


async def _update(request: Request, engine: QueryEngine, settings: Settings, update: str,
                  params: list[tuple[str, str]]) -> Response:
    check_update_rights(request, settings)
    using = _all(params, "using-graph-uri")
    using_named = _all(params, "using-named-graph-uri")
    if using or using_named:
        update = await asyncio.to_thread(with_using, update, using, using_named, settings)
    await engine.update(update, base_iri=endpoint_url(request))
    return Response(status_code=204)


def with_using(update: str, using: list[str], using_named: list[str], settings: Settings) -> str:
    """The update with protocol-given USING / USING NAMED graphs added to each WHERE.

    The protocol forbids them alongside USING or WITH in the update itself (400).
    """
    try:
        reading = read(update, max_length=settings.max_query_length, max_depth=settings.max_query_depth)
    except SparqlTextError as exc:
        raise HttpError(400, str(exc), code="too_complex") from None
    found = top_level_words(reading, frozenset({"using", "with", "where"}))
    if any(reading.value(i).lower() != "where" for i in found):
        raise HttpError(400, "using-graph-uri / using-named-graph-uri cannot be combined "
                        "with USING or WITH in the update")
    clause = " ".join([f"USING {graph_name(g, 'using-graph-uri')}" for g in using]
                      + [f"USING NAMED {graph_name(g, 'using-named-graph-uri')}" for g in using_named])
    out = update
    for i in reversed(found):
        if not reading.is_word(i - 1, "delete"):  # DELETE WHERE { … }, the short form, takes no USING
            offset = reading.starts[i]
            out = out[:offset] + clause + " " + out[offset:]
    return out
