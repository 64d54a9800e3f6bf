"""Live servers for the endpoint tests: a small on-disk store and uvicorn on a loopback port.

The store is written with ``store.writing`` (the same path the ingest uses): a few
quads in two document graphs, the gazetteer graph and the store's default graph.
``live(...)`` starts the real app on port 0 with the given settings and yields a
:class:`Live` (base URL, the app, and ``call`` to run an engine coroutine on the
server's own event loop).
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from pyoxigraph import RdfFormat, parse

from conflictkg import store
from conflictkg.config import Settings
from conflictkg.server.app import create_app

BASE = "https://conflictkg.org/"
DOC_A = BASE + "id/document/" + "a" * 64
DOC_B = BASE + "id/document/" + "b" * 64
GAZETTEER = BASE + "graph/gazetteer"
EVENT = BASE + "id/event/aaaaaaaaaaaaaaaa-10-42"
PLACE = BASE + "id/place/C1234"

SAMPLE = f"""
PREFIX ckg: <https://conflictkg.org/ontology#>
PREFIX ckgv: <https://conflictkg.org/ontology/value/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
GRAPH <{DOC_A}> {{
  <{DOC_A}> a ckg:SourceDocument ; <http://purl.org/dc/terms/title> "تقرير"@ar .
  <{EVENT}> a ckg:Battle ; rdfs:label "معركة جوبر"@ar ; sem:hasPlace <{PLACE}> ;
      sem:hasBeginTimeStamp "2017-03-19"^^xsd:date ; prov:wasDerivedFrom <{DOC_A}> .
  <{BASE}id/claim/aaaaaaaaaaaaaaaa-casualties-10-42> a ckg:CasualtyClaim ; ckg:count 82 ;
      ckg:qualifier ckgv:at_least ; ckg:about <{EVENT}> ; prov:wasDerivedFrom <{DOC_A}> .
}}
GRAPH <{DOC_B}> {{
  <{DOC_B}> a ckg:SourceDocument .
  <{BASE}id/claim/bbbbbbbbbbbbbbbb-casualties-5-9> a ckg:CasualtyClaim ; ckg:count 70 ;
      ckg:qualifier ckgv:about ; ckg:about <{EVENT}> ; prov:wasDerivedFrom <{DOC_B}> .
}}
GRAPH <{GAZETTEER}> {{
  <{PLACE}> a ckg:Place ; rdfs:label "جوبر"@ar, "Jobar"@en ; geo:hasGeometry <{PLACE}#geometry> .
  <{PLACE}#geometry> geo:asWKT
      "<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POINT(36.33 33.53)"^^geo:wktLiteral .
}}
<urn:default:s> <urn:default:p> "in the default graph" .
"""
QUADS = len(list(parse(SAMPLE.encode(), format=RdfFormat.TRIG)))


def build_store(path: Path) -> Path:
    with store.writing(path) as writer:
        writer.load(SAMPLE.encode(), format=RdfFormat.TRIG)
    return path


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store the read-only tests share (never written to)."""
    return build_store(tmp_path_factory.mktemp("sample") / "store")


def fresh_store(tmp_path: Path, source: Path) -> Path:
    """A private copy of a store, for tests that write."""
    target = tmp_path / "store"
    shutil.copytree(source, target, symlinks=True)
    return target


@dataclass
class Live:
    url: str
    app: object
    loop: asyncio.AbstractEventLoop

    @property
    def engine(self):
        return self.app.state.engine

    def call(self, coroutine, timeout: float = 60):
        """Run a coroutine (an engine call) on the server's event loop."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def client(self, **options) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **options)


@contextlib.contextmanager
def serve(settings: Settings) -> Iterator[Live]:
    """The real app under uvicorn on a loopback port chosen by the system."""
    app = create_app(settings)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    loops: list[asyncio.AbstractEventLoop] = []

    def run() -> None:
        loop = asyncio.new_event_loop()
        loops.append(loop)
        loop.run_until_complete(server.serve(sockets=[sock]))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield Live(f"http://127.0.0.1:{port}", app, loops[0])
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@pytest.fixture
def live() -> Iterator[Callable[..., contextlib.AbstractContextManager[Live]]]:
    """``with live(store=path, **settings) as server:`` a server over that store."""
    def start(**settings: object):
        settings.setdefault("query_workers", 1)
        return serve(Settings(**settings))
    yield start


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """One read-only server per test module, over its own copy of the sample store."""
    path = build_store(tmp_path_factory.mktemp("reader") / "store")
    with serve(Settings(store=path, query_workers=2, max_body_bytes=64 * 1024)) as server:
        yield server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def oxigraph_server(tmp_path: Path, data: str = "") -> Iterator[str]:
    """The ``oxigraph`` server from PyPI on a loopback port, loaded with N-Triples; yields
    its SPARQL endpoint URL."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "oxigraph"),
                                "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(url + "/", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the oxigraph server did not start") from None
                time.sleep(0.05)
        if data:
            httpx.post(url + "/store?default", content=data.encode(),
                       headers={"Content-Type": "application/n-triples"}).raise_for_status()
        yield url + "/query"
    finally:
        process.terminate()
        process.wait(timeout=10)
