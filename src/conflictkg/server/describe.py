"""What the endpoint says about itself: the SPARQL service description, VoID + DCAT, the dump.

* ``GET /sparql`` with no query: an ``sd:Service`` (endpoint, languages, result
  formats, features, the custom functions, the default dataset);
* ``GET /.well-known/void``: the dataset in VoID and DCAT (sizes counted by SPARQL,
  cached per store generation like any query), with its SPARQL endpoint and dump;
* ``GET /dump``: every quad as gzipped N-Quads, streamed from a snapshot in a thread,
  a batch at a time, so the dump never sits in memory whole.
"""

from __future__ import annotations

import asyncio
import threading
import zlib
from collections.abc import AsyncIterator, Iterator

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Store, Triple, serialize

from conflictkg import backend
from conflictkg.config import Settings
from conflictkg.rdf.vocabulary import PREFIXES
from conflictkg.server import negotiation
from conflictkg.server.deps import EngineDep, SettingsDep
from conflictkg.server.engine import QueryEngine
from conflictkg.server.errors import HttpError, plain_errors
from conflictkg.server.worker import RDF_FORMATS, custom_functions

router = APIRouter()

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
VOID = PREFIXES["void"]
DCAT = PREFIXES["dcat"]
DCT = PREFIXES["dcterms"]
RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                  "SPARQL_Results_TSV", "Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD",
                  "RDF_XML", "N3")
# Vocabularies the graph model uses (docs/graph-model.md).
VOCABULARIES = ("ckg", "rdfs", "owl", "skos", "prov", "oa", "geo", "sem", "schema", "dcterms",
                "wikibase")
DUMP_BATCH = 20_000


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


def _namespace(iri: str):
    return lambda local: NamedNode(iri + local)


def _serialise(triples: list[Triple], request: Request) -> Response:
    choice = negotiation.choose(negotiation.GRAPH, request.headers.get("accept"),
                                request.query_params.get("format"))
    fmt = RDF_FORMATS[choice.key]
    prefixes = {"sd": SD, "void": VOID, "dcat": DCAT, "dcterms": DCT, "formats": FORMATS}
    extra = {"prefixes": prefixes} if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else {}
    body = serialize(triples, format=fmt, **extra)
    return Response(body, media_type=choice.media_type, headers={"Vary": "Accept"})


def service_description(endpoint: str, *, updates: bool, federation: bool) -> list[Triple]:
    service, dataset, graph = BlankNode("service"), BlankNode("dataset"), BlankNode("default")
    sd = _namespace(SD)
    triples = [
        Triple(service, RDF_TYPE, sd("Service")),
        Triple(service, sd("endpoint"), _n(endpoint)),
        Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        Triple(service, sd("feature"), sd("BasicFederatedQuery")) if federation else None,
        Triple(service, sd("supportedLanguage"), sd("SPARQL11Update")) if updates else None,
        Triple(service, sd("defaultEntailmentRegime"),
               _n("http://www.w3.org/ns/entailment/Simple")),
        Triple(service, sd("defaultDataset"), dataset),
        Triple(dataset, RDF_TYPE, sd("Dataset")),
        Triple(dataset, sd("defaultGraph"), graph),
        Triple(graph, RDF_TYPE, sd("Graph")),
        Triple(graph, _n(DCT + "description"), Literal(
            "The union of all graphs: one named graph per source document, the gazetteer "
            "and the ontology. GRAPH reaches each one.", language="en")),
    ]
    triples += [Triple(service, sd("resultFormat"), _n(FORMATS + f)) for f in RESULT_FORMATS]
    for function in custom_functions():
        triples += [Triple(service, sd("extensionFunction"), function),
                    Triple(function, RDF_TYPE, sd("Function"))]
    return [t for t in triples if t is not None]


async def service_description_response(request: Request, engine: QueryEngine,
                                       settings: Settings) -> Response:
    endpoint = str(request.url).split("?", 1)[0]
    triples = service_description(endpoint, updates=settings.updates_enabled,
                                  federation=bool(settings.allow_service))
    try:  # the size is a courtesy: the description answers even when the workers are busy
        size = (await engine.select(TRIPLES))[0]["triples"]
        triples.append(Triple(BlankNode("default"), _n(VOID + "triples"),
                              Literal(str(size), datatype=_XSD_INT)))
    except HttpError:
        pass
    return _serialise(triples, request)


TRIPLES = "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }"


COUNTS = """SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?entities)
       (COUNT(DISTINCT ?p) AS ?properties) WHERE { ?s ?p ?o }"""
CLASSES = "SELECT (COUNT(DISTINCT ?c) AS ?classes) WHERE { ?s a ?c }"
GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { } }"


@router.get("/.well-known/void", response_class=Response, responses={
    200: {"description": "The dataset in VoID and DCAT, in the RDF format the client accepts.",
          "content": negotiation.GRAPH.openapi_content()},
    **plain_errors(406, 503)})
async def void_description(request: Request, engine: EngineDep, settings: SettingsDep) -> Response:
    """The dataset described in VoID and DCAT."""
    counts = (await engine.select(COUNTS))[0]
    counts |= (await engine.select(CLASSES))[0]
    root = str(request.base_url)
    dataset = _n(settings.base_iri + "dataset")
    sparql, dump = _n(root + "sparql"), _n(root + "dump")
    void, dcat, dct = _namespace(VOID), _namespace(DCAT), _namespace(DCT)
    distribution_sparql, distribution_dump = BlankNode("sparql"), BlankNode("dump")
    triples = [
        Triple(dataset, RDF_TYPE, void("Dataset")),
        Triple(dataset, RDF_TYPE, dcat("Dataset")),
        Triple(dataset, dct("title"), Literal("ConflictKG", language="en")),
        Triple(dataset, dct("description"), Literal(
            "Events, armed groups, places and sourced, possibly conflicting claims about the "
            "Syrian war, extracted from Arabic and English documents.", language="en")),
        Triple(dataset, dct("license"), _n(settings.data_license)),
        Triple(dataset, void("sparqlEndpoint"), sparql),
        Triple(dataset, void("dataDump"), dump),
        Triple(dataset, void("uriSpace"), Literal(settings.base_iri + "id/")),
        Triple(dataset, void("triples"), Literal(str(counts["triples"]), datatype=_XSD_INT)),
        Triple(dataset, void("entities"), Literal(str(counts["entities"]), datatype=_XSD_INT)),
        Triple(dataset, void("properties"), Literal(str(counts["properties"]), datatype=_XSD_INT)),
        Triple(dataset, void("classes"), Literal(str(counts["classes"]), datatype=_XSD_INT)),
        Triple(dataset, dcat("distribution"), distribution_sparql),
        Triple(distribution_sparql, RDF_TYPE, dcat("Distribution")),
        Triple(distribution_sparql, dcat("accessURL"), sparql),
        Triple(distribution_sparql, dct("conformsTo"),
               _n("https://www.w3.org/TR/sparql11-protocol/")),
        Triple(dataset, dcat("distribution"), distribution_dump),
        Triple(distribution_dump, RDF_TYPE, dcat("Distribution")),
        Triple(distribution_dump, dcat("downloadURL"), dump),
        Triple(distribution_dump, dcat("mediaType"),
               _n("https://www.iana.org/assignments/media-types/application/n-quads")),
        Triple(distribution_dump, dcat("compressFormat"),
               _n("https://www.iana.org/assignments/media-types/application/gzip")),
    ]
    triples += [Triple(dataset, void("vocabulary"), _n(PREFIXES[p])) for p in VOCABULARIES]
    return _serialise(triples, request)


_XSD_INT = NamedNode(PREFIXES["xsd"] + "integer")


def _dump_chunks(snapshot: Store, gzipped: bool = True) -> Iterator[bytes]:
    """N-Quads of a snapshot, gzipped or not, a batch of quads at a time."""
    gzip = zlib.compressobj(6, zlib.DEFLATED, 31) if gzipped else None
    batch = []
    for quad in snapshot:
        batch.append(quad)
        if len(batch) >= DUMP_BATCH:
            data = serialize(batch, format=RdfFormat.N_QUADS) or b""
            yield gzip.compress(data) if gzip else data
            batch = []
    if batch:
        data = serialize(batch, format=RdfFormat.N_QUADS) or b""
        yield gzip.compress(data) if gzip else data
    if gzip:
        yield gzip.flush()


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether a client takes gzip by its Accept-Encoding (RFC 9110, 12.5.3): no header
    means any coding; ``identity`` alone, or ``gzip;q=0``, means not."""
    if accept_encoding is None:
        return True
    weights = {coding: q for coding, q, _ in negotiation.media_ranges(accept_encoding)}
    for coding in ("gzip", "x-gzip", "*"):
        if coding in weights:
            return weights[coding] > 0
    return False


async def _in_thread(chunks: Iterator[bytes]) -> AsyncIterator[bytes]:
    """Drive a blocking iterator from a thread, a few chunks ahead of the client; the
    snapshot's iterator stays on the one thread that made it."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue = asyncio.Queue()
    room, stop, done = threading.Semaphore(4), threading.Event(), object()

    def pump() -> None:
        try:
            for chunk in chunks:
                room.acquire()
                if stop.is_set():
                    return
                loop.call_soon_threadsafe(queue.put_nowait, chunk)
        finally:
            loop.call_soon_threadsafe(queue.put_nowait, done)

    loop.run_in_executor(None, pump)
    try:
        while (chunk := await queue.get()) is not done:
            room.release()
            if chunk:
                yield chunk
    finally:
        stop.set()
        room.release()


DUMP_DOC = {200: {"description": "Every quad of the store as N-Quads, gzip-encoded for clients "
                  "that accept gzip (Content-Encoding), plain for those that do not.",
                  "content": {"application/n-quads": {"schema": {"type": "string"}}}},
            **plain_errors(503)}


@router.get("/dump", response_class=Response, responses=DUMP_DOC)
async def dump(request: Request, settings: SettingsDep) -> Response:
    """Every quad of the store as N-Quads: gzip as the content coding unless the client's
    Accept-Encoding refuses it; the file, once decoded, is ``conflictkg-N.nq``."""
    gzipped = accepts_gzip(request.headers.get("accept-encoding"))
    generation, snapshot = backend.open_reader(backend.location(settings))
    headers = {"Content-Disposition": f'attachment; filename="conflictkg-{generation}.nq"',
               "X-Store-Generation": str(generation), "Vary": "Accept-Encoding"}
    if gzipped:
        headers["Content-Encoding"] = "gzip"
    if request.method == "HEAD":
        return Response(media_type="application/n-quads", headers=headers)
    return StreamingResponse(_in_thread(_dump_chunks(snapshot, gzipped)), media_type="application/n-quads",
                             headers=headers)


router.add_api_route("/dump", dump, methods=["HEAD"], include_in_schema=False)
