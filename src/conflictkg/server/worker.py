"""The query worker: a separate process that evaluates SPARQL on a read-only snapshot.

Queries run in processes, not threads, because a runaway query (a huge VALUES cross
product never touches the store) cannot be interrupted inside Oxigraph: the only
sure way to stop it is to kill its process. Each worker opens the newest snapshot
read-only and reopens it when the store publishes a new generation, so readers see
new documents without a restart and never a half-written one.

A worker has no network (:mod:`conflictkg.server.sandbox`): federation is done by the
web process, for allowlisted endpoints only. Updates are applied by a worker too, so
Oxigraph never runs a request's text in the web process.

A worker answers one job at a time over a socket pair, each message pickled behind
an 8-byte length (:func:`send_message`), so the web process can read answers on its
event loop without a thread. Jobs are plain dicts, answers
``("ok", payload, generation, cpu seconds)`` or ``("error", status, code, message,
generation)``: the CPU time a job took (its thread's) is what the engine learns a query
shape's cost from, since it does not grow when the machine is busy as wall time does.
Results are serialised here, fully and under a size cap, so the web process can
send a correct status line before the body; a large one is written to a temporary
file that the web process streams, so it is never held in memory whole.
"""

from __future__ import annotations

import os
import pickle
import resource
import socket
import struct
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    Variable,
    parse,
    serialize,
)

from conflictkg import backend
from conflictkg import store as kgstore
from conflictkg.remote import RemoteError
from conflictkg.server import negotiation, sandbox
from conflictkg.server.errors import HttpError
from conflictkg.sparqltext import readable_syntax_error

RESULT_FORMATS = {
    "json": QueryResultsFormat.JSON, "xml": QueryResultsFormat.XML,
    "csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV,
}
RDF_FORMATS = {
    "turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG, "jsonld": RdfFormat.JSON_LD, "rdfxml": RdfFormat.RDF_XML,
    "n3": RdfFormat.N3,
}


INLINE_BYTES = 1 << 20  # larger results go through a temporary file, not the socket


class _CappedOutput:
    """A write target that refuses to grow past ``limit`` bytes and spills to a file in
    ``spill_dir`` past :data:`INLINE_BYTES`, so a large result is never held in memory.
    Oxigraph buffers its output itself and writes it in pieces of 8 KiB, so no buffer
    is needed in front (a small result is one write)."""

    def __init__(self, limit: int, spill_dir: str | None) -> None:
        self.limit, self.spill_dir = limit, spill_dir
        self.parts: list[bytes] = []
        self.size, self.overflow, self.dropped = 0, False, False
        self.file: IO[bytes] | None = None

    def write(self, data: bytes) -> int:
        if self.dropped:  # what Oxigraph's buffer still holds after a failure goes nowhere
            return len(data)
        self.size += len(data)
        if self.size > self.limit:
            self.overflow = True
            raise OSError("result too large")
        if self.file is None and self.size > INLINE_BYTES and self.spill_dir:
            self.file = tempfile.NamedTemporaryFile(dir=self.spill_dir, delete=False)  # noqa: SIM115
            self.file.write(b"".join(self.parts))
            self.parts = []
        if self.file is not None:
            self.file.write(data)
        else:
            self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing to do: every write is already kept or in the file."""

    def result(self) -> bytes | Spilled:
        if self.file is None:
            return b"".join(self.parts)
        self.file.close()
        return Spilled(self.file.name, self.size)

    def discard(self) -> None:
        self.dropped, self.parts = True, []
        if self.file is not None:
            self.file.close()
            os.unlink(self.file.name)


@dataclass(frozen=True)
class Spilled:
    """A serialised result in a temporary file, for the web process to stream and delete."""

    path: str
    size: int


def _capped(write: Callable[[Any], object], job: dict) -> bytes | Spilled:
    """What ``write`` writes to a file-like output (Oxigraph's serialisers take it), capped."""
    limit = job["max_bytes"]
    out = _CappedOutput(limit, job.get("spill_dir"))
    try:
        write(out)
    except Exception:
        out.discard()
        if out.overflow:
            raise HttpError(500, f"the result is larger than this endpoint's limit of {limit} bytes"
                            " (max_result_bytes); add a LIMIT or narrow the query",
                            code="result_too_large") from None
        raise
    return out.result()


def custom_functions() -> dict:
    try:
        from conflictkg.functions import CUSTOM_FUNCTIONS
    except ImportError:
        return {}
    return dict(CUSTOM_FUNCTIONS)


class Functions:
    """The custom functions with their local names, worked out once per worker."""

    def __init__(self, functions: dict) -> None:
        self.all = functions
        self.named = [(iri.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], iri, fn)
                      for iri, fn in functions.items()]

    def for_query(self, query: str) -> dict:
        """The functions the query may call: registering them costs Oxigraph time on every
        query, and a call has to spell the function's local name (or escape it)."""
        if "\\u" in query or "\\U" in query:
            return self.all
        return {iri: fn for name, iri, fn in self.named if name in query}


def parse_term(text: str):
    """One term in N-Triples syntax (``<iri>``, ``"lit"@en``, ``"1"^^<…>``) as a pyoxigraph term."""
    try:
        (triple,) = parse(f"<urn:s> <urn:p> {text} .".encode(), format=RdfFormat.N_TRIPLES)
    except (SyntaxError, ValueError) as exc:
        raise HttpError(400, f"not an N-Triples term: {text!r} ({exc})") from None
    return triple.object


def _graph(iri: str) -> NamedNode:
    try:
        return NamedNode(iri)
    except ValueError as exc:
        raise HttpError(400, f"not a graph IRI: {iri!r} ({exc})", code="bad_iri") from None


def _dataset_options(job: dict) -> dict[str, Any]:
    defaults, named = job.get("default_graphs") or (), job.get("named_graphs") or ()
    if not defaults and not named:
        return {"use_default_graph_as_union": True}
    return {"default_graph": [_graph(g) for g in defaults],
            "named_graphs": [_graph(g) for g in named]}


def _variable(name: str) -> Variable:
    try:
        return Variable(name)
    except ValueError as exc:
        raise HttpError(400, f"not a variable name: {name!r} ({exc})") from None


# The prefixes of Turtle and TriG results: the endpoint's own, as its example queries write them.
def _prefixes() -> dict[str, str]:
    from conflictkg.rdf.vocabulary import PREFIXES

    return dict(PREFIXES)


def _compacted(triples: Any, context_file: str, job: dict) -> bytes | Spilled:
    """Triples as JSON-LD compacted with the context in ``context_file`` (the project's)."""
    import json

    import rdflib

    ntriples = _capped(lambda out: serialize(triples, out, format=RdfFormat.N_TRIPLES), job)
    if isinstance(ntriples, Spilled):
        with open(ntriples.path, "rb") as f:
            data = f.read()
        os.unlink(ntriples.path)
    else:
        data = ntriples
    with open(context_file, encoding="utf-8") as f:
        context = json.load(f)["@context"]
    graph = rdflib.Graph().parse(data=data, format="nt")
    text = graph.serialize(format="json-ld", context=context, auto_compact=True)
    return _capped(lambda out: out.write(text.encode("utf-8")), job)


def run_query(store: Store, job: dict, functions: Functions) -> tuple[str, bytes | Spilled]:
    options = _dataset_options(job)
    if job.get("substitutions"):
        options["substitutions"] = {
            _variable(name): parse_term(term) for name, term in job["substitutions"].items()}
    named = functions.for_query(job["query"])
    if named:
        options["custom_functions"] = named
    if job.get("base_iri"):
        options["base_iri"] = job["base_iri"]
    results: Any = store.query(job["query"], **options)
    if isinstance(results, QuerySolutions):
        kind = negotiation.SOLUTIONS
    elif isinstance(results, QueryBoolean):
        kind = negotiation.BOOLEAN
    else:
        kind = negotiation.GRAPH
    choice = negotiation.choose(kind, job.get("accept"), job.get("format"))
    if kind is not negotiation.GRAPH:
        fmt = RESULT_FORMATS[choice.key]
        return choice.media_type, _capped(lambda out: results.serialize(out, format=fmt), job)
    fmt = RDF_FORMATS[choice.key]
    if choice.key == "jsonld" and job.get("context") and negotiation.wants_compacted(job.get("accept")):
        media = f'{choice.media_type}; profile="{negotiation.COMPACTED}"'
        return media, _compacted(results, job["context"], job)
    prefixes = _prefixes() if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    return choice.media_type, _capped(lambda out: serialize(results, out, format=fmt, prefixes=prefixes), job)


def read_graph(store: Store, job: dict, functions: Functions) -> tuple[str, bytes | Spilled]:
    """One graph's triples (the Graph Store Protocol's GET); 404 when it does not exist."""
    graph = job.get("graph")
    if graph is None:
        name: NamedNode | DefaultGraph = DefaultGraph()
    else:
        name = _graph(graph)
        if not store.contains_named_graph(name):
            raise HttpError(404, f"no graph <{graph}> in the store")
    choice = negotiation.choose(negotiation.GRAPH, job.get("accept"), job.get("format"))
    triples = (q.triple for q in store.quads_for_pattern(None, None, None, name))
    fmt = RDF_FORMATS[choice.key]
    return choice.media_type, _capped(lambda out: serialize(triples, out, format=fmt), job)


def run_update(store: Store, job: dict, functions: Functions) -> None:
    """A SPARQL Update, applied to the store as one transaction and published."""
    options: dict[str, Any] = {}
    if job.get("base_iri"):
        options["base_iri"] = job["base_iri"]
    named = functions.for_query(job["update"])
    if named:
        options["custom_functions"] = named
    try:
        with backend.writing_at(job["store"]) as writer:
            writer.update(job["update"], **options)
    except SyntaxError as exc:
        raise HttpError(400, readable_syntax_error(str(exc), job["update"]), code="syntax_error") from None
    except RuntimeError as exc:  # DROP GRAPH of a graph that is not there...
        raise HttpError(400, f"the update was not applied: {exc}", code="update_failed") from None


HANDLERS: dict[str, Callable[[Store, dict, Functions], object]] = {
    "query": run_query,
    "graph": read_graph,
    "update": run_update,
    "ping": lambda store, job, functions: "pong",
}


HEADER = struct.Struct("!Q")


def framed(message: object) -> bytes:
    """A message as its pickle behind its length, in one piece: one write, one wake-up
    for the reader at the other end."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


def send_message(sock: socket.socket, message: object) -> None:
    """A message as the engine's reader expects it (:func:`framed`)."""
    sock.sendall(framed(message))


def _recv_exactly(sock: socket.socket, size: int) -> bytes:
    buffer = bytearray(size)
    view, got = memoryview(buffer), 0
    while got < size:
        n = sock.recv_into(view[got:])
        if n == 0:
            raise EOFError
        got += n
    return bytes(buffer)


def recv_message(sock: socket.socket) -> Any:
    """One message from :func:`send_message`: a job (a dict) or an answer (a tuple)."""
    (size,) = HEADER.unpack(_recv_exactly(sock, HEADER.size))
    return pickle.loads(_recv_exactly(sock, size))


class GenerationWatch:
    """The store's published generation, read from the CURRENT file at every call.

    A stat of the file cannot say for sure that it changed: CURRENT is replaced whole on
    publish, and a freed inode may come back with the same size and a time within the
    clock's coarse tick, so a process that trusted the stat served the generation before an
    update it had just been told of. Reading a file of a few bytes costs microseconds,
    beside the milliseconds of a request.
    """

    def __init__(self, store_path: str | Path) -> None:
        self.file = Path(store_path) / "CURRENT"

    def current(self) -> int:
        return kgstore.current_generation(self.file.parent)

    def forget(self) -> None:
        """Nothing to forget: every call reads the file (kept for the remote watch's sake)."""


def serve(sock: socket.socket, location: backend.Location | str, memory_mb: int = 0,
          isolated: bool = True) -> None:
    """The worker: off the network, within its memory, answering jobs until the socket closes."""
    held = sandbox.isolate() if isolated else "off"
    if held == "none":
        print("conflictkg query worker: this system allows neither a seccomp filter nor a network "
              "namespace; only the SERVICE and LOAD checks keep queries off the network", file=sys.stderr)
    threading.stack_size(sandbox.stack_bytes(memory_mb))
    where = Path(location) if isinstance(location, str) else location
    jobs = threading.Thread(target=_answer_jobs, args=(sock, where, held),
                            name="conflictkg-jobs")
    jobs.start()
    # Only the job thread needs the deep stack (a deep query's recursion): a thread the store
    # starts for a write (its flush) reserves the default, not a slice of the worker's memory
    # as large, which an update could find no room for ("can't start new thread").
    threading.stack_size(0)
    if memory_mb > 0:  # past it an allocation fails and the process aborts: the engine says so
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    jobs.join()


def _answer_jobs(sock: socket.socket, path: backend.Location, held: str) -> None:
    watch = backend.watch(path)
    functions = Functions(custom_functions())
    generation, store = -1, None
    while True:
        try:
            job = recv_message(sock)
        except (EOFError, OSError):
            return
        try:
            if job["op"] == "sandbox":
                answer: tuple[object, ...] = ("ok", held, generation, 0.0)
            else:
                if store is None or watch.current() != generation:
                    generation, store = backend.open_reader(path)
                started = time.thread_time()
                payload = HANDLERS[job["op"]](store, job, functions)
                answer = ("ok", payload, generation, time.thread_time() - started)
        except HttpError as exc:
            answer = ("error", exc.status, exc.code, exc.message, generation)
        except SyntaxError as exc:
            answer = ("error", 400, "syntax_error",
                      readable_syntax_error(str(exc), job.get("query") or ""), generation)
        except RemoteError as exc:  # the SPARQL server behind this endpoint
            answer = ("error", 502, "store_unavailable", str(exc), generation)
        except PermissionError as exc:  # the sandbox refused a socket: a call got past the checks
            answer = ("error", 400, "service_refused", f"this endpoint's workers have no network: {exc}",
                      generation)
        except RuntimeError as exc:  # Oxigraph's evaluation errors: the query's fault
            answer = ("error", 400, "evaluation_error", f"{exc}", generation)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # a Rust panic is a BaseException: answer it, keep serving
            answer = ("error", 500, "internal_error", f"{type(exc).__name__}: {exc}", generation)
        send_message(sock, answer)
