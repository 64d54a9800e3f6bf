"""Fair under pressure: runaway queries at the SPARQL endpoint cannot starve the JSON API
and the pages, which keep a worker of their own (``reserved_workers``), nor the endpoint's
cheap queries, which have a worker that costly ones may not take (lanes by guessed cost);
a costly request that finds its lane full waits ``queue_wait`` and gets a 503 with
``Retry-After``, on a connection that stays open. (Here no heavy query may wait longer,
``heavy_queue=0``, so that the bound is what is tested; tests/server/test_cost.py tests
the longer wait.)

The runaways themselves are stopped by the query timeout.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conflictkg.config import Settings

from .conftest import Live, serve
from .test_engine import RUNAWAY, Background

pytestmark = pytest.mark.slow


def load_client():
    """The benchmarks' load client, which sorts an endpoint's 503s by cause from their messages."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "load.py"
    spec = importlib.util.spec_from_file_location("benchmark_load", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def server(corpus_store: Settings) -> Iterator[Live]:
    with serve(Settings(store=corpus_store.store, query_workers=2, reserved_workers=1,
                        query_timeout=8, queue_wait=0.5, heavy_queue=0)) as live:
        yield live


def running(client: httpx.Client, n: int) -> None:
    """Wait until ``n`` queries are in flight."""
    deadline = time.monotonic() + 30
    while client.get("/health").json()["queries"] < n:
        assert time.monotonic() < deadline, "the runaway queries never started"
        time.sleep(0.05)


def test_runaways_leave_the_api_the_pages_and_cheap_queries_their_workers(server: Live) -> None:
    with server.client() as client:
        event = client.get("/api/v1/events", params={"reports": "all", "limit": 1}).json()["items"][0]
        runaway = Background(server.url, RUNAWAY + " # 0")
        runaway.start()
        running(client, 1)
        second = Background(server.url, RUNAWAY + " # 1")  # its lane is full: waits, then a 503
        second.start()
        second.join()
        assert second.response.status_code == 503 and second.response.headers["retry-after"].isdigit()
        assert "stayed busy" in second.response.text and runaway.is_alive()
        cheap = client.post("/sparql", data={"query": f"SELECT ?p ?o WHERE {{ <{event['id']}> ?p ?o }} LIMIT 3"},
                            headers={"Accept": "application/sparql-results+json"})
        assert cheap.status_code == 200 and cheap.json()["results"]["bindings"]
        runaways = [runaway, Background(server.url, RUNAWAY + " # 2")]
        runaways[1].start()  # a cheap worker is free, not the costly lane: waits, refused at the end

        answer = client.get("/api/v1/claims", params={"kind": "casualties", "limit": 7})
        assert answer.status_code == 200 and answer.json()["items"]
        page = client.get(event["id"].replace("https://conflictkg.org", ""), headers={"Accept": "text/html"})
        assert page.status_code == 200 and "<html" in page.text

        refused = client.post("/sparql", data={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
        assert refused.status_code == 503 and refused.headers["retry-after"].isdigit()
        assert refused.headers.get("connection", "").lower() != "close"
        assert client.get("/health").status_code == 200  # the same connection, still open
        assert runaway.is_alive()
        for r in runaways:
            r.join()
            assert r.response.status_code == 503 and "retry-after" in r.response.headers
        # What the load benchmark counts: the wait that ran out, the query stopped at its time.
        load = load_client()
        assert load.refusal(second.response.content) == "wait"
        assert load.refusal(runaway.response.content) == "timeout"
        assert load.refusal(refused.content) == "wait"


def test_the_endpoint_answers_again_once_its_workers_are_free(server: Live) -> None:
    with server.client() as client:
        answer = client.post("/sparql", data={"query": "ASK { ?s ?p ?o }"},
                             headers={"Accept": "application/sparql-results+json"})
        assert answer.status_code == 200 and answer.json()["boolean"] is True
