"""The web application: a thin app that includes the routers, built per settings.

``create_app(settings)`` returns an ASGI app serving the SPARQL endpoint, the Graph
Store Protocol, the service and dataset descriptions, the dump, the JSON API and
the linked-data pages, over one store. ``/sparql`` is answered ahead of the routing
by :class:`conflictkg.server.sparql.SparqlEndpoint` (so it is not in the OpenAPI
schema; docs/sparql-endpoint.md describes it). Its query engine (worker processes)
starts and stops with the app. Reads are open to any origin (CORS); the Authorization
header is not, so no other site's page can send an update token. Every
:class:`~conflictkg.server.errors.HttpError` a route raises is answered by one
handler: plain text on the SPARQL protocol's paths, JSON elsewhere.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from conflictkg import __version__
from conflictkg.config import Settings
from conflictkg.reference import Bundle, load_bundle
from conflictkg.server import (
    api,
    assets,
    describe,
    docs,
    graph_store,
    linked,
    ontology,
    pages,
    query_page,
    sandbox,
    sparql,
)
from conflictkg.server.engine import QueryEngine
from conflictkg.server.errors import HttpError, error_response
from conflictkg.server.extractor import DocumentExtractor
from conflictkg.server.headers import SecurityHeaders
from conflictkg.server.negotiation import Offers, negotiate

log = logging.getLogger("conflictkg.server")
# Where errors are answered in plain text, as the SPARQL protocols' clients expect.
PLAIN_TEXT_PATHS = ("/sparql", "/store", "/.well-known/void", "/dump")
# Where errors are always JSON, whatever a client accepts.
JSON_PATHS = ("/api", "/openapi.json", "/health")
WEB_PROCESS_PING_SECONDS = 60  # a web process silent this long is killed and started again
ERROR_FORMATS = Offers("an error", [("json", "application/json"), ("html", "text/html")],
                       {"application/xhtml+xml": "html"})


def plain_text_path(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in PLAIN_TEXT_PATHS)


def html_error(request: Request, error: HttpError) -> str | None:
    """An error page for a browser (a client preferring HTML to JSON), outside the API."""
    path = request.url.path
    if any(path == p or path.startswith(p + "/") for p in JSON_PATHS):
        return None
    chosen = negotiate(ERROR_FORMATS, request.headers.get("accept"))
    if chosen is None or chosen.key != "html":
        return None
    return request.app.state.templates.get_template("error.html").render(
        status=error.status, message=error.message, path=path)


def create_app(settings: Settings, *, bundle: Bundle | None = None) -> FastAPI:
    """An ASGI app serving the store named in ``settings``, with the reference bundle the
    settings name (or ``bundle``): its example queries, JSON-LD context and extractor."""
    engine = QueryEngine(settings)
    bundle = bundle if bundle is not None else load_bundle(settings.bundle)
    engine.context_file = str(bundle.context_file) if bundle.context_file.is_file() else None

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.open_updates and not settings.update_token:
            log.warning("updates are open to anyone who can reach this server "
                        "(--open-updates): use it for private local stores only")
        await engine.start()
        try:
            yield
        finally:
            app.state.extractor.close()
            await engine.close()

    app = FastAPI(title="ConflictKG", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="JSON API over the ConflictKG graph. The SPARQL 1.1 endpoint at "
                  "`/sparql` follows the SPARQL Protocol and is not listed here: see "
                  "docs/sparql-endpoint.md.")
    app.state.settings = settings
    app.state.engine = engine
    app.state.bundle = bundle
    app.state.extractor = DocumentExtractor(bundle.root)
    app.state.templates = linked.templates(settings.templates)
    app.state.api_cache = {}  # read by the routes through conflictkg.server.deps
    app.add_middleware(sparql.SparqlEndpoint, engine=engine, settings=settings)  # first: CORS wraps it
    app.add_middleware(SecurityHeaders)
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "HEAD", "POST"],
                       allow_headers=["Accept", "Content-Type", "If-None-Match"],
                       expose_headers=["X-Store-Generation", "X-Index-Generation", "Content-Disposition",
                                       "ETag"])

    @app.exception_handler(HttpError)
    async def answer_error(request: Request, error: HttpError) -> Response:
        plain = plain_text_path(request.url.path)
        return error_response(error, plain=plain, html=None if plain else html_error(request, error))

    @app.exception_handler(HTTPException)
    async def answer_routing_error(request: Request, exc: HTTPException) -> Response:
        """No such route, or no such method: answered as every other error."""
        return await answer_error(request, HttpError(exc.status_code, str(exc.detail),
                                                     headers=exc.headers))

    @app.get("/health", tags=["service"])
    async def health() -> JSONResponse:
        """Liveness: answers even while queries run, with the store's generation and which
        of the web processes answered."""
        return JSONResponse({"status": "ok", "generation": engine.generation,
                             "queries": engine.in_flight, "process": os.getpid()})

    app.include_router(graph_store.router, tags=["sparql"])
    app.include_router(describe.router, tags=["service"])
    app.include_router(api.router)
    app.include_router(query_page.router)
    app.include_router(docs.router)
    app.include_router(assets.router)
    app.include_router(ontology.router)
    app.include_router(pages.router)
    return app


@dataclass(frozen=True)
class WebProcessApp:
    """The app factory of one of ``processes`` web processes (picklable: uvicorn's
    supervisor hands it to each process it starts, and restarts one that dies)."""

    settings: Settings
    processes: int

    def __call__(self) -> FastAPI:
        return create_app(sandbox.share_out(self.settings, self.processes))


def run_server(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``settings.store`` over HTTP until interrupted, in ``web_workers`` processes
    that share the port (and the query workers, see :func:`sandbox.share_out`)."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    processes = sandbox.web_processes(settings)
    if processes == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
        return
    # uvicorn's supervisor kills a web process that does not answer its ping within the
    # timeout (5 s by default), and a new process answers only once it has imported the
    # app: on a loaded machine that takes longer, and web processes were killed and
    # started again before they ever served.
    config = uvicorn.Config(WebProcessApp(settings, processes), factory=True, host=host, port=port,
                            workers=processes, log_level="info",
                            timeout_worker_healthcheck=WEB_PROCESS_PING_SECONDS)
    Multiprocess(config, sockets=[config.bind_socket()]).run()
