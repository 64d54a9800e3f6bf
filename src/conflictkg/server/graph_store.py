"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store``: whole graphs by GET, PUT, POST, DELETE.

Off unless updates are enabled (``--update-token`` or ``--open-updates``); then reads
are open and writes need the update token, as for SPARQL Update. Graphs are named
indirectly (``/store?graph=IRI``, ``/store?default``) or directly (the request URL
``/store/…`` is the graph's IRI). ``POST /store`` creates a new graph and answers its
IRI in ``Location``. Writes go through the engine, under the store's writer lock.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, parse
from starlette.datastructures import UploadFile

from conflictkg.server import negotiation
from conflictkg.server.deps import EngineDep, SettingsDep
from conflictkg.server.errors import HttpError, plain_errors
from conflictkg.server.sparql import check_length, check_update_rights, graph_name, read_body, result_response
from conflictkg.store import Writer

router = APIRouter()
METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE"]


def _target(request: Request, path: str | None) -> str | None:
    """The graph a request is about: an IRI, or None for the default graph."""
    params = request.query_params
    if path:
        return str(request.url).split("?", 1)[0]
    if "default" in params and "graph" in params:
        raise HttpError(400, "use either ?graph= or ?default, not both")
    if "default" in params:
        return None
    graph = params.get("graph")
    if not graph:
        raise HttpError(400, "name a graph with ?graph=IRI, or ?default for the default graph")
    graph_name(graph, "graph")
    return graph


async def _parse_body(request: Request, graph: str | None, limit: int) -> list[Quad]:
    """The request's RDF as quads of ``graph``: one document, or each file of a
    ``multipart/form-data`` body (the protocol allows several files in one POST)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    base = graph or str(request.url).split("?")[0]
    if media == "multipart/form-data":
        check_length(request, limit)
        form = await request.form()
        parts = [(part.content_type or "", await part.read())
                 for _, part in form.multi_items() if isinstance(part, UploadFile)]
    else:
        parts = [(media, await read_body(request, limit))]
    name = NamedNode(graph) if graph else DefaultGraph()
    quads = []
    for part_media, body in parts:
        part_media = part_media.split(";")[0].strip().lower()
        fmt = RdfFormat.from_media_type(part_media) if part_media else None
        if fmt is None or fmt in (RdfFormat.N_QUADS, RdfFormat.TRIG):
            raise HttpError(415, f"unsupported Content-Type {part_media or '(none)'!r} for a "
                            "graph; send Turtle, N-Triples, RDF/XML, JSON-LD or N3")
        try:
            parsed = list(parse(body, format=fmt, base_iri=base))
        except (SyntaxError, ValueError) as exc:
            raise HttpError(400, f"cannot parse the {part_media} body: {exc}", code="syntax_error") from None
        quads += [Quad(q.subject, q.predicate, q.object, name) for q in parsed]
    return quads


def _replace(graph: str | None, quads: list[Quad], replace: bool):
    """A writer function that puts ``quads`` into ``graph``; it returns whether the graph is new."""
    def apply(writer: Writer) -> bool:
        if graph is None:
            writer.put_graph(None, quads, replace=replace)
            return False
        created = not writer.has_graph(graph)
        writer.put_graph(graph, quads, replace=replace)
        if created and not quads:
            writer.update(f"CREATE SILENT GRAPH <{graph}>")
        return created
    return apply


def _drop(graph: str | None):
    def apply(writer: Writer) -> bool:
        if graph is None:
            writer.update("CLEAR SILENT DEFAULT")
            return True
        if not writer.has_graph(graph):
            return False
        writer.remove_graph(graph)
        return True
    return apply


async def graph_store(request: Request, engine: EngineDep, settings: SettingsDep,
                      path: str | None = None) -> Response:
    """Read or write one graph of the store (SPARQL 1.1 Graph Store HTTP Protocol)."""
    method = request.method
    if not settings.updates_enabled:
        raise HttpError(403, "the Graph Store Protocol is disabled on this endpoint "
                        "(enable updates with --update-token)", code="updates_disabled")
    if method in ("GET", "HEAD"):
        graph = _target(request, path)
        result = await engine.read_graph(graph, accept=request.headers.get("accept"))
        if method == "GET":
            return result_response(result)
        await result.read()  # a large result's file is deleted once read
        return Response(media_type=result.media_type, headers={
            "Content-Length": str(result.length), "Vary": "Accept"})
    check_update_rights(request, settings)
    limit = settings.max_body_bytes
    if method == "POST" and not path and not request.query_params:
        graph = str(request.base_url) + "store/" + uuid.uuid4().hex
        await engine.write(_replace(graph, await _parse_body(request, graph, limit), False))
        return Response(status_code=201, headers={"Location": graph})
    target = _target(request, path)
    if method == "DELETE":
        found = await engine.write(_drop(target))
        if not found:
            raise HttpError(404, f"no graph <{target}> in the store")
        return Response(status_code=204)
    quads = await _parse_body(request, target, limit)
    created = await engine.write(_replace(target, quads, replace=method == "PUT"))
    return Response(status_code=201 if created else 204)


RDF_BODY = {"requestBody": {"content": {media: {"schema": {"type": "string"}} for media in (
    "text/turtle", "application/n-triples", "application/n-quads", "application/trig",
    "application/ld+json", "application/rdf+xml", "multipart/form-data")}}}
GRAPH_READ = {200: {"description": "The graph, in the RDF format the client accepts.",
                    "content": negotiation.GRAPH.openapi_content()}}
WRITTEN = {201: {"description": "The graph was created."}, 204: {"description": "The graph was written."}}
RESPONSES = {
    "GET": {**GRAPH_READ, **plain_errors(400, 403, 404, 406, 503)},
    "HEAD": {**GRAPH_READ, **plain_errors(400, 403, 404, 406, 503)},
    "PUT": {**WRITTEN, **plain_errors(400, 401, 403, 411, 413, 415, 503)},
    "POST": {**WRITTEN, **plain_errors(400, 401, 403, 411, 413, 415, 503)},
    "DELETE": {204: {"description": "The graph was dropped."}, **plain_errors(400, 401, 403, 404, 503)},
}

for _method in METHODS:
    router.add_api_route("/store", graph_store, methods=[_method], response_class=Response,
                         operation_id=f"graph_store_{_method.lower()}", responses=RESPONSES[_method],
                         openapi_extra=RDF_BODY if _method in ("PUT", "POST") else None)
router.add_api_route("/store/{path:path}", graph_store, methods=METHODS, include_in_schema=False)
