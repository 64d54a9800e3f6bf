"""A SPARQL 1.1 server as the store: queries by the Protocol, whole graphs by the Graph
Store Protocol, the rest by SPARQL Update.

:class:`RemoteStore` answers what the server's workers and the commands ask of an
embedded snapshot (``query``, ``contains_named_graph``, ``quads_for_pattern``, iteration)
with pyoxigraph's own result types, parsed from the server's answers, so the code that
reads a store does not know which it has. :class:`RemoteWriter` answers what
:class:`conflictkg.store.Writer` does: a document's graph is one Graph Store ``PUT``,
which the server applies whole or not at all, as a transaction of the embedded store.

What the embedded store keeps in its folder is kept in the graph ``urn:conflictkg:state``:
the generation (written at each publication, read by the server's result cache) and the
fingerprint of the reference graphs. The linking index stays in a local folder
(``store_state``). A query without a dataset is answered over the union of the graphs,
as the embedded store is queried: the Oxigraph server is asked so with its
``union-default-graph`` parameter, Virtuoso does so by default. Functions only the
embedded engine has (``ckg:arabicMatch``, ``geof:buffer``…) are refused by name before a
query is sent.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx
from pyoxigraph import (
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryResultsFormat,
    RdfFormat,
    Store,
    Variable,
    parse,
    parse_query_results,
    serialize,
)

from conflictkg import events_index, sparqltext

STATE_GRAPH = "urn:conflictkg:state"
GENERATION = "urn:conflictkg:generation"
REFERENCE = "urn:conflictkg:reference"
SCHEME = "sparql+"
SOLUTIONS_ACCEPT = "application/sparql-results+json"
GRAPH_ACCEPT = "application/n-triples, text/plain;q=0.9, text/turtle;q=0.8"
FORM = "application/x-www-form-urlencoded"
_UNBOUNDED = 1 << 40


class RemoteError(OSError):
    """The SPARQL server could not be reached, or failed (one line, naming its URL)."""


class StoreSettingError(ValueError):
    """A ``sparql+`` store named incompletely or wrongly (one line, naming the option)."""


class EmbeddedOnlyError(RuntimeError):
    """The query calls a function that only the embedded store evaluates."""


@dataclass(frozen=True)
class Endpoints:
    """Where a SPARQL server answers, and how to authenticate (picklable: workers get it)."""

    query: str
    graph_store: str
    update: str
    user: str | None = None
    password: str | None = None
    token: str | None = None
    auth: str = "basic"
    timeout: float = 30.0
    max_bytes: int = _UNBOUNDED  # the most read of one answer (max_result_bytes)
    wkt_crs: bool = True  # False: geo:wktLiteral values are written without the CRS84 IRI

    @classmethod
    def from_settings(cls, settings: Any) -> Endpoints:
        store = str(settings.store)
        if not store.startswith(SCHEME):
            raise StoreSettingError(f"--store {store}: not a sparql+URL store")
        query = store[len(SCHEME):]
        parts = urlsplit(query)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreSettingError(f"--store {store}: sparql+ must be followed by an http(s) URL")
        graph_store = settings.graph_store
        update = settings.update_endpoint
        if query.endswith("/query"):
            graph_store = graph_store or query.removesuffix("/query") + "/store"
            update = update or query.removesuffix("/query") + "/update"
        if not graph_store:
            raise StoreSettingError(f"--store {store}: give the server's Graph Store Protocol endpoint "
                             "with --graph-store URL")
        return cls(query=query, graph_store=graph_store, update=update or query,
                   user=settings.store_user, password=settings.store_password, token=settings.store_token,
                   auth=settings.store_auth, timeout=settings.query_timeout,
                   max_bytes=settings.max_result_bytes, wkt_crs=settings.store_wkt_crs)

    @property
    def name(self) -> str:
        return SCHEME + self.query


def local_state(settings: Any, endpoints: Endpoints) -> Path:
    """The local folder of a remote store's linking index."""
    if settings.store_state is not None:
        return Path(settings.store_state)
    parts = urlsplit(endpoints.query)
    return Path("data/remote") / (parts.netloc.replace(":", "-") + parts.path.replace("/", "-"))


class Client:
    """One HTTP client for a server's three endpoints; every failure a :class:`RemoteError`."""

    def __init__(self, endpoints: Endpoints) -> None:
        self.endpoints = endpoints
        auth: httpx.Auth | None = None
        headers = {}
        if endpoints.token:
            headers["Authorization"] = f"Bearer {endpoints.token}"
        elif endpoints.user:
            scheme = httpx.DigestAuth if endpoints.auth == "digest" else httpx.BasicAuth
            auth = scheme(endpoints.user, endpoints.password or "")
        self.http = httpx.Client(auth=auth, headers=headers, timeout=httpx.Timeout(
            endpoints.timeout, connect=min(10.0, endpoints.timeout)))

    def request(self, method: str, url: str, *, what: str, max_bytes: int = _UNBOUNDED,
                **options: Any) -> httpx.Response:
        """The response, read whole (at most ``max_bytes``); RemoteError when the server is
        unreachable or answers 5xx, the response itself for a 4xx."""
        try:
            with self.http.stream(method, url, **options) as response:
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise EvaluationError(f"the result is larger than this endpoint's limit of {max_bytes}"
                                              " bytes (max_result_bytes); add a LIMIT or narrow the query")
                response._content = bytes(body)
        except httpx.TimeoutException:
            raise RemoteError(f"{url}: the SPARQL store did not answer {what} within "
                              f"{self.endpoints.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise RemoteError(f"{url}: could not reach the SPARQL store ({exc or type(exc).__name__})") from None
        if response.status_code >= 500 or response.status_code in (401, 403):
            raise RemoteError(f"{url}: the SPARQL store answered {what} with {response.status_code} "
                              f"{_short(response.text)}")
        return response

    def close(self) -> None:
        self.http.close()


class EvaluationError(RuntimeError):
    """The server refused or failed a query that is the client's fault (a 400)."""


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _form(text: str) -> str:
    """``select``, ``ask``, ``construct`` or ``describe``: the query's form."""
    reading = _reading(text)
    for i in range(len(reading)):
        if reading.kinds[i] == "word" and reading.value(i).lower() in ("select", "ask", "construct", "describe"):
            return reading.value(i).lower()
    return "select"


def _reading(text: str) -> sparqltext.Reading:
    return sparqltext.read(text, max_length=_UNBOUNDED, max_depth=_UNBOUNDED)


def with_values(text: str, substitutions: dict[Any, Any]) -> str:
    """The query with the variables bound first (what the embedded store's ``substitutions``
    do, in standard SPARQL): a VALUES block at the head of its WHERE, and each use of the
    variable in the WHERE written as its value, so that a server plans with the constant
    (Virtuoso wants a path's start given as one) rather than joining with the VALUES late.
    A use that binds or lists the variable (``AS ?v``, a sub-SELECT's or VALUES' list) is kept."""
    if not substitutions:
        return text
    terms = {f"{v.value if isinstance(v, Variable) else v}": str(t) for v, t in substitutions.items()}
    names = " ".join(f"?{name}" for name in terms)
    block = f" VALUES ({names}) {{ ({' '.join(terms.values())}) }} "
    reading = _reading(text)
    i, n = 0, len(reading)
    while i < n and not (reading.kinds[i] == "word" and reading.value(i).lower()
                         in ("select", "ask", "construct", "describe")):
        i += 1
    if i < n and reading.value(i).lower() == "construct" and i + 1 < n and reading.value(i + 1) == "{":
        i = reading.partner.get(i + 1, i + 1)
    while i < n and reading.value(i) != "{":
        i += 1
    if i >= n:
        raise EvaluationError("cannot bind variables in a query that has no WHERE group")
    end = reading.partner.get(i, n - 1)
    pieces, at, projecting = [text[:reading.ends[i]], block], reading.ends[i], False
    for j in range(i + 1, end):
        kind, value = reading.kinds[j], reading.value(j)
        if kind == "word" and value.lower() in ("select", "values"):
            projecting = True
        elif value == "{":
            projecting = False
        elif (kind == "var" and value[1:] in terms and not projecting
              and not (j > 0 and reading.kinds[j - 1] == "word" and reading.value(j - 1).lower() == "as")):
            pieces += [text[at:reading.starts[j]], terms[value[1:]]]
            at = reading.ends[j]
    pieces.append(text[at:])
    return "".join(pieces)


def called_functions(text: str, functions: Iterable[Any]) -> list[str]:
    """The IRIs of ``functions`` the query calls: written whole, or as a declared prefix and
    its local name."""
    iris = {f.value if isinstance(f, NamedNode) else str(f) for f in functions}
    if not iris:
        return []
    reading = _reading(text)
    called = []
    for i in range(len(reading) - 1):
        value = reading.value(i)
        if reading.kinds[i] == "pname":
            prefix, _, local = value.partition(":")
            iri = reading.prefixes.get(prefix, "\0") + local
        elif reading.kinds[i] == "iri" or value.startswith("<"):
            iri = value[1:-1]
        else:
            continue
        if iri in iris and reading.value(i + 1) == "(":
            called.append(iri)
    return called


def _refuse_embedded_only(text: str, functions: Any) -> None:
    if not functions:
        return
    called = called_functions(text, functions)
    if called:
        raise EmbeddedOnlyError(f"the function <{called[0]}> is evaluated by the embedded store only; this "
                                "endpoint's store is a SPARQL server (see docs/scaling.md)")


class Triples(list):
    """A CONSTRUCT or DESCRIBE result: triples, serialisable as pyoxigraph's QueryTriples are."""

    def serialize(self, output: Any = None, format: RdfFormat = RdfFormat.N_TRIPLES) -> bytes | None:
        return serialize(self, output, format=format)


def _rdf_format(content_type: str) -> RdfFormat:
    media = content_type.split(";")[0].strip().lower()
    if media in ("text/plain", "application/n-triples", "text/ntriples"):
        return RdfFormat.N_TRIPLES
    found = RdfFormat.from_media_type(media)
    if found is None:
        raise RemoteError(f"the SPARQL store answered a graph as {media!r}, which cannot be read here")
    return found


class RemoteStore:
    """The read side of a SPARQL server, with the methods of an embedded snapshot."""

    def __init__(self, endpoints: Endpoints, *, max_bytes: int | None = None) -> None:
        self.endpoints = endpoints
        self.client = Client(endpoints)
        self.max_bytes = max_bytes or endpoints.max_bytes

    def query(self, sparql: str, *, use_default_graph_as_union: bool = False,
              default_graph: Any = None, named_graphs: Any = None, substitutions: Any = None,
              custom_functions: Any = None, base_iri: str | None = None, **_: Any) -> Any:
        """Solutions, a boolean or triples, as pyoxigraph types."""
        _refuse_embedded_only(sparql, custom_functions)
        text = with_values(sparql, substitutions) if substitutions else sparql
        if base_iri:
            text = f"BASE <{base_iri}>\n{text}"
        form = _form(sparql)
        data: list[tuple[str, str]] = [("query", text)]
        data += [("default-graph-uri", g.value) for g in _graphs(default_graph)]
        data += [("named-graph-uri", g.value) for g in _graphs(named_graphs)]
        if use_default_graph_as_union and len(data) == 1:
            data.append(("union-default-graph", ""))  # the Oxigraph server's; others ignore it
        accept = GRAPH_ACCEPT if form in ("construct", "describe") else SOLUTIONS_ACCEPT
        response = self.client.request("POST", self.endpoints.query, what="a query", content=urlencode(data),
                                       headers={"Accept": accept, "Content-Type": FORM},
                                       max_bytes=self.max_bytes)
        if response.status_code >= 400:
            raise EvaluationError(f"the SPARQL store refused the query: {_short(response.text)}")
        if accept == SOLUTIONS_ACCEPT:
            return parse_query_results(response.content, format=QueryResultsFormat.JSON)
        fmt = _rdf_format(response.headers.get("content-type", "application/n-triples"))
        return Triples(q.triple for q in parse(response.content, format=fmt))

    def ask(self, sparql: str) -> bool:
        return bool(self.query(sparql))

    def contains_named_graph(self, graph: NamedNode) -> bool:
        return self.ask(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}")

    def named_graphs(self) -> Iterator[NamedNode]:
        for row in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield row["g"]

    def read_graph(self, graph: NamedNode | DefaultGraph) -> Iterator[Quad]:
        """A whole graph, by the Graph Store Protocol's GET."""
        params = {"default": ""} if isinstance(graph, DefaultGraph) else {"graph": graph.value}
        response = self.client.request("GET", self.endpoints.graph_store, what="a graph read", params=params,
                                       headers={"Accept": GRAPH_ACCEPT}, max_bytes=self.max_bytes)
        if response.status_code == 404:
            return
        if response.status_code >= 400:
            raise RemoteError(f"{self.endpoints.graph_store}: the SPARQL store answered a graph read with "
                              f"{response.status_code} {_short(response.text)}")
        fmt = _rdf_format(response.headers.get("content-type", "application/n-triples"))
        for q in parse(response.content, format=fmt):
            yield Quad(q.subject, q.predicate, q.object, graph)

    def quads_for_pattern(self, subject: Any = None, predicate: Any = None, object: Any = None,
                          graph_name: Any = None) -> Iterator[Quad]:
        if subject is None and predicate is None and object is None and graph_name is not None:
            yield from self.read_graph(graph_name)
            return
        if isinstance(graph_name, DefaultGraph):
            raise EvaluationError("a pattern over the default graph alone is not asked of a SPARQL server")
        terms = [str(t) if t is not None else f"?{v}" for t, v in
                 ((subject, "s"), (predicate, "p"), (object, "o"))]
        graph = str(graph_name) if graph_name is not None else "?g"
        for row in self.query(f"SELECT * WHERE {{ GRAPH {graph} {{ {' '.join(terms)} }} }}"):
            yield Quad(subject or row["s"], predicate or row["p"],
                       object if object is not None else row["o"], graph_name or row["g"])

    def __iter__(self) -> Iterator[Quad]:
        """Every quad: each named graph by a Graph Store GET (N-Triples: far quicker to write
        and read than one SELECT over all graphs), then the default graph."""
        for graph in list(self.named_graphs()):
            yield from self.read_graph(graph)
        with contextlib.suppress(RemoteError):  # a server without a default graph of its own (Virtuoso)
            yield from self.read_graph(DefaultGraph())

    def generation(self) -> int:
        """The generation the last publication wrote (0 before any)."""
        rows = list(self.query(f"SELECT ?v WHERE {{ GRAPH <{STATE_GRAPH}> {{ <{STATE_GRAPH}> <{GENERATION}> ?v }} }}"))
        try:
            return max(int(row["v"].value) for row in rows) if rows else 0
        except ValueError:
            return 0

    def ping(self) -> None:
        """RemoteError unless the query endpoint answers a query."""
        self.query("ASK { }")


def _graphs(value: Any) -> list[NamedNode]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


class GraphsNotWritten(RemoteError):
    """Some graphs of a batch were refused; the others are written."""

    def __init__(self, failures: dict[str, str]) -> None:
        super().__init__("; ".join(f"<{g}>: {reason}" for g, reason in failures.items()))
        self.failures = failures


CRS84 = "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>"
WKT_LITERAL = "http://www.opengis.net/ont/geosparql#wktLiteral"


def _object(term: Any, wkt_crs: bool) -> Any:
    """The term as written to the server: a WKT literal without the CRS84 IRI when ``wkt_crs`` is off."""
    if (not wkt_crs and isinstance(term, Literal) and term.datatype.value == WKT_LITERAL
            and term.value.startswith(CRS84)):
        return Literal(term.value[len(CRS84):].lstrip(), datatype=term.datatype)
    return term


def _ntriples(quads: Iterable[Quad], wkt_crs: bool = True) -> bytes:
    return "".join(f"{q.subject} {q.predicate} {_object(q.object, wkt_crs)} .\n" for q in quads).encode()


def _by_graph(quads: Iterable[Quad]) -> dict[Any, list[Quad]]:
    graphs: dict[Any, list[Quad]] = {}
    for q in quads:
        graphs.setdefault(q.graph_name, []).append(q)
    return graphs


class RemoteWriter:
    """The store opened for writing, on a SPARQL server. Build it with :func:`writing`."""

    def __init__(self, endpoints: Endpoints, path: Path) -> None:
        self.endpoints = endpoints
        self.path = path
        self.store = RemoteStore(endpoints)
        self.client = self.store.client
        self.changed = False
        self.failed = False

    @property
    def name(self) -> str:
        return self.endpoints.name

    def has_graph(self, graph: str) -> bool:
        return self.store.contains_named_graph(NamedNode(graph))

    def graph_size(self, graph: str) -> int:
        rows = list(self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))
        return int(rows[0]["n"].value) if rows else 0

    def _graph_params(self, graph: str | None) -> dict[str, str]:
        return {"default": ""} if graph is None else {"graph": graph}

    def _send_graph(self, method: str, graph: str | None, quads: Iterable[Quad]) -> None:
        url = self.endpoints.graph_store
        response = self.client.request(method, url, what=f"a {method} of <{graph or 'default'}>",
                                       params=self._graph_params(graph),
                                       content=_ntriples(quads, self.endpoints.wkt_crs),
                                       headers={"Content-Type": "application/n-triples"})
        if response.status_code >= 400:
            raise RemoteError(f"{url}: the SPARQL store refused the {method} of <{graph or 'default graph'}>:"
                              f" {response.status_code} {_short(response.text)}")
        self.changed = True

    def put_graph(self, graph: str | None, quads: Iterable[Quad], *, replace: bool = False) -> int:
        """Write a whole graph with one Graph Store request: a PUT with ``replace`` (the server
        replaces the graph whole), else a POST (added to what the graph holds, if anything)."""
        quads = list(quads)
        name = NamedNode(graph) if graph is not None else DefaultGraph()
        if any(q.graph_name != name for q in quads):
            raise ValueError(f"every quad must be in the graph <{graph}>" if graph is not None
                             else "every quad must be in the default graph")
        try:
            self._send_graph("PUT" if replace else "POST", graph, quads)
        except RemoteError as exc:
            raise GraphsNotWritten({graph or "default": str(exc)}) from None
        return len(quads)

    def add_graphs(self, nquads: bytes, graphs: Sequence[str] | None = None) -> None:
        """Whole graphs, one PUT each; the graphs refused are named in GraphsNotWritten
        after the others are written (``graphs``, which the embedded writer's index reads,
        are the ones the N-Quads hold)."""
        failures = {}
        for graph, quads in _by_graph(parse(nquads, format=RdfFormat.N_QUADS)).items():
            iri = None if isinstance(graph, DefaultGraph) else graph.value
            try:
                self._send_graph("PUT", iri, quads)
            except RemoteError as exc:
                failures[iri or "default"] = str(exc)
        if failures:
            raise GraphsNotWritten(failures)

    def bulk_add_graphs(self, nquads: bytes, graphs: Iterable[str]) -> None:
        self.add_graphs(nquads)

    def remove_graph(self, graph: str) -> None:
        url = self.endpoints.graph_store
        response = self.client.request("DELETE", url, what=f"a DELETE of <{graph}>", params={"graph": graph})
        if response.status_code >= 400 and response.status_code != 404:
            raise RemoteError(f"{url}: the SPARQL store refused the DELETE of <{graph}>: "
                              f"{response.status_code} {_short(response.text)}")
        self.changed = True

    def update(self, sparql: str, *, base_iri: str | None = None, custom_functions: Any = None,
               **_: Any) -> None:
        """A SPARQL Update, sent to the update endpoint (the server applies it as one request)."""
        _refuse_embedded_only(sparql, custom_functions)
        text = f"BASE <{base_iri}>\n{sparql}" if base_iri else sparql
        url = self.endpoints.update
        response = self.client.request("POST", url, what="an update", content=urlencode({"update": text}),
                                       headers={"Content-Type": FORM})
        if response.status_code >= 400:
            raise EvaluationError(f"the SPARQL store refused the update: {_short(response.text)}")
        self.changed = True

    def load(self, data: bytes, *, format: RdfFormat, graph: str | None = None) -> None:
        parsed = Store()
        parsed.load(data, format=format, to_graph=NamedNode(graph) if graph else None)
        self.extend(parsed)

    def extend(self, quads: Iterable[Quad]) -> None:
        """Add quads, in any graphs: one Graph Store POST (a merge) per graph."""
        for graph, part in _by_graph(quads).items():
            self._send_graph("POST", None if isinstance(graph, DefaultGraph) else graph.value, part)

    def change(self, *, remove: Iterable[Quad] = (), add: Iterable[Quad] = (),
               whole_subjects_of: str | None = None) -> None:
        """Remove some quads (DELETE DATA), then add others (a POST per graph);
        ``whole_subjects_of`` is for an embedded store's bulk loader, not used here."""
        remove = list(remove)
        if remove:
            body = "\n".join(f"GRAPH {g} {{\n" + _ntriples(qs, self.endpoints.wkt_crs).decode() + "}"
                              for g, qs in _by_graph(remove).items())
            self.update(f"DELETE DATA {{\n{body}\n}}")
        self.extend(add)

    def quads(self, subject: Any = None, predicate: Any = None, object: Any = None,
              graph: Any = None) -> list[Quad]:
        return list(self.store.quads_for_pattern(subject, predicate, object, graph))

    def query(self, sparql: str, **options: Any) -> Any:
        return self.store.query(sparql, **options)

    def reference_state(self) -> str | None:
        rows = list(self.query(f"SELECT ?v WHERE {{ GRAPH <{STATE_GRAPH}> {{ <{STATE_GRAPH}> <{REFERENCE}> ?v }} }}"))
        return rows[0]["v"].value if rows else None

    def set_reference_state(self, fingerprint: str, version: str) -> None:
        self._set_state(REFERENCE, Literal(fingerprint))

    def _set_state(self, predicate: str, value: Literal) -> None:
        state = NamedNode(STATE_GRAPH)
        self.update(f"DELETE WHERE {{ GRAPH {state} {{ {state} <{predicate}> ?v }} }} ;\n"
                    f"INSERT DATA {{ GRAPH {state} {{ {state} <{predicate}> {value} }} }}")

    def publish(self) -> int:
        """A new generation in the state graph: the server's result caches start again,
        and the event list's index in the state folder is read again from the server."""
        generation = time.time_ns() // 1000
        self._set_state(GENERATION, Literal(generation))
        self.changed = False
        self.index_events(generation)
        return generation

    def index_events(self, generation: int | None = None) -> None:
        """The event list's index (:mod:`conflictkg.events_index`) read whole from the
        server: one query, whatever was written (the embedded writer updates only what
        changed, by lookups that would each be a round trip here)."""
        events_index.rebuild(self.path, self.store, self.store.generation() if generation is None else generation)


@contextlib.contextmanager
def writing(endpoints: Endpoints, path: Path, *, publish: bool = True) -> Iterator[RemoteWriter]:
    """A SPARQL server opened for writing; a new generation is published on leaving when
    anything was written (each graph written is already visible to readers)."""
    writer = RemoteWriter(endpoints, path)
    writer.store.ping()
    path.mkdir(parents=True, exist_ok=True)
    try:
        yield writer
    finally:
        if publish and writer.changed:
            with contextlib.suppress(RemoteError, EvaluationError):
                writer.publish()
        writer.client.close()


class RemoteWatch:
    """The server's generation, asked again at most every ``max_age`` seconds (-1 while the
    server does not answer: nothing is cached then)."""

    def __init__(self, endpoints: Endpoints, max_age: float = 1.0) -> None:
        self.store = RemoteStore(Endpoints(**{**endpoints.__dict__, "timeout": min(endpoints.timeout, 5.0)}))
        self.max_age = max_age
        self._read_at = -max_age
        self._generation = -1

    def current(self) -> int:
        now = time.monotonic()
        if now - self._read_at > self.max_age:
            try:
                self._generation = self.store.generation()
            except (RemoteError, EvaluationError):
                self._generation = -1
            self._read_at = now
        return self._generation

    def forget(self) -> None:
        self._read_at = -self.max_age
