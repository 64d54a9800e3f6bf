"""The query engine: worker processes, timeouts, limits, cache, snapshots, and its Python API."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import threading

import httpx
import pytest

from conflictkg.server.errors import HttpError

from .conftest import BASE, DOC_A, EVENT, fresh_store

NUMBERS = " ".join(str(i) for i in range(2000))
# Never touches the store: 2000^3 rows that only a killed process stops.
RUNAWAY = (f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?a {{ {NUMBERS} }} VALUES ?b {{ {NUMBERS} }} "
           f"VALUES ?c {{ {NUMBERS} }} }}")
CLAIMS = "SELECT ?n WHERE { ?c <https://conflictkg.org/ontology#count> ?n } ORDER BY ?n"


class Background(threading.Thread):
    """A request sent from another thread; ``response`` once it has come back."""

    def __init__(self, url: str, query: str) -> None:
        super().__init__(daemon=True)
        self.url, self.query, self.response = url, query, None

    def run(self) -> None:
        self.response = httpx.post(self.url + "/sparql", data={"query": self.query}, timeout=120)


def rows(response: httpx.Response) -> list[dict]:
    return json.loads(response.content)["results"]["bindings"]


def test_runaway_query_is_stopped_and_others_are_served_meanwhile(live, sample_store):
    with live(store=sample_store, query_timeout=3, query_workers=3) as server, \
            server.client() as client:
        runaway = Background(server.url, RUNAWAY)
        runaway.start()
        health = client.get("/health")
        other = client.get("/sparql", params={"query": CLAIMS})
        assert runaway.is_alive(), "the runaway query should still be running"
        assert health.status_code == 200 and health.json()["status"] == "ok"
        assert other.status_code == 200 and len(rows(other)) == 2
        runaway.join()
        assert runaway.response.status_code == 503
        assert "limit of 3 s" in runaway.response.text
        again = client.get("/sparql", params={"query": CLAIMS + " LIMIT 1"})
        assert again.status_code == 200 and len(rows(again)) == 1


def test_queries_beyond_the_concurrency_limit_get_503(live, sample_store):
    with live(store=sample_store, query_timeout=3, max_concurrent_queries=1) as server, \
            server.client() as client:
        while client.get("/health").json()["queries"]:  # the app's own start-up queries
            pass
        runaway = Background(server.url, RUNAWAY)
        runaway.start()
        while client.get("/health").json()["queries"] == 0:
            assert runaway.is_alive()
        refused = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        refused_api = client.get("/api/v1/sources")
        assert runaway.is_alive()
        runaway.join()
    assert refused.status_code == 503 and "too many queries" in refused.text
    assert refused.headers["retry-after"] and refused.headers["content-type"].startswith("text/plain")
    # The same error through the JSON API: its status, code and Retry-After, as JSON.
    assert refused_api.status_code == 503 and refused_api.headers["retry-after"]
    assert refused_api.json()["code"] == "busy" and "too many queries" in refused_api.json()["detail"]


def test_result_size_is_capped(live, sample_store):
    with live(store=sample_store, max_result_bytes=500) as server, server.client() as client:
        big = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
        small = client.get("/sparql", params={"query": "ASK {}"})
    assert big.status_code == 500 and "limit of 500 bytes" in big.text
    assert small.status_code == 200


WRITER = textwrap.dedent("""
    import sys
    from pyoxigraph import Literal, NamedNode, Quad
    from conflictkg import store
    path, graphs, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for g in range(graphs):
        name = NamedNode(f"https://conflictkg.org/id/document/new{g}")
        quads = [Quad(NamedNode(f"urn:s{i}"), NamedNode("urn:p"), Literal(i), name)
                 for i in range(size)]
        with store.writing(path) as writer:
            writer.put_graph(name.value, quads)
""")


def test_documents_written_by_another_process_appear_whole_without_restart(live, tmp_path,
                                                                           sample_store):
    path = fresh_store(tmp_path, sample_store)
    graphs, size = 4, 3000
    count = """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <urn:p> ?o } } GROUP BY ?g"""
    with live(store=path, cache_entries=0) as server, server.client() as client:
        before = client.get("/sparql", params={"query": count})
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(graphs), str(size)])
        seen: set[int] = set()
        while True:
            done = writer.poll() is not None
            response = client.get("/sparql", params={"query": count})
            seen |= {int(row["n"]["value"]) for row in rows(response)}
            if done:
                break
        assert writer.returncode == 0
    assert rows(before) == []
    assert seen == {size}, "a reader saw a half-written document"
    assert len(rows(response)) == graphs
    assert int(response.headers["x-store-generation"]) > int(before.headers["x-store-generation"])


def test_engine_api_for_the_json_api(live, tmp_path, sample_store):
    path = fresh_store(tmp_path, sample_store)
    claim = f"<{BASE}id/claim/aaaaaaaaaaaaaaaa-casualties-10-42>"
    with live(store=path) as server:
        engine = server.engine
        selected = server.call(engine.select(
            "SELECT ?c ?n ?q ?missing WHERE { ?c <https://conflictkg.org/ontology#count> ?n ; "
            "<https://conflictkg.org/ontology#qualifier> ?q OPTIONAL { ?c <urn:none> ?missing } }",
            substitutions={"c": claim}))
        terms = server.call(engine.select_terms(
            "SELECT ?e ?label WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label }",
            substitutions={"e": f"<{EVENT}>"}))
        turtle = server.call(engine.construct(
            "CONSTRUCT WHERE { ?e ?p ?o }", {"e": f"<{EVENT}>"}, format="text/turtle"))
        generation = engine.generation
        server.call(engine.write(lambda writer: writer.update(
            f"INSERT DATA {{ GRAPH <{DOC_A}> {{ <{EVENT}> <urn:p> 1 }} }}")))
        after = server.call(engine.select(f"SELECT ?o WHERE {{ <{EVENT}> <urn:p> ?o }}"))
        with pytest.raises(HttpError) as bad:
            server.call(engine.select("SELECT WHERE"))
    assert selected == [{"c": claim[1:-1], "n": 82, "q": "https://conflictkg.org/ontology/value/at_least",
                         "missing": None}]
    assert terms == [{"e": {"type": "uri", "value": EVENT},
                      "label": {"type": "literal", "value": "معركة جوبر", "xml:lang": "ar"}}]
    assert EVENT.encode() in turtle and b"Battle" in turtle
    assert engine.generation == generation + 1
    assert after == [{"o": 1}]
    assert bad.value.status == 400


def test_results_are_cached_until_the_store_changes(live, tmp_path, sample_store):
    path = fresh_store(tmp_path, sample_store)
    with live(store=path) as server, server.client() as client:
        engine = server.engine
        first = client.get("/sparql", params={"query": CLAIMS})
        hits = engine.cache_hits
        second = client.get("/sparql", params={"query": CLAIMS})
        assert engine.cache_hits == hits + 1 and second.content == first.content
        other_format = client.get("/sparql", params={"query": CLAIMS},
                                  headers={"Accept": "text/csv"})
        assert engine.cache_hits == hits + 1 and other_format.headers["content-type"].startswith(
            "text/csv")
        server.call(engine.write(lambda writer: writer.update(
            f"INSERT DATA {{ GRAPH <{DOC_A}> {{ <urn:c> <https://conflictkg.org/ontology#count> 5 }} }}")))
        third = client.get("/sparql", params={"query": CLAIMS})
        assert engine.cache_hits == hits + 1
    assert [int(r["n"]["value"]) for r in rows(third)] == [5, 70, 82]


def test_cache_is_bounded(live, sample_store):
    with live(store=sample_store, cache_entries=2) as server, server.client() as client:
        for i in range(4):
            client.get("/sparql", params={"query": f"SELECT ({i} AS ?x) WHERE {{}}"})
        assert server.engine.cache_size == 2


def test_large_results_are_streamed_whole_from_a_file(live, sample_store):
    values = " ".join(str(i) for i in range(200))
    query = f"SELECT ?a ?b WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} }}"
    with live(store=sample_store) as server, server.client() as client:
        response = client.get("/sparql", params={"query": query})
        left_over = os.listdir(server.engine.results_dir)
        terms = server.call(server.engine.select_terms(query))
    assert response.status_code == 200
    assert len(response.content) > 1 << 20  # past the in-memory limit: it went through a file
    assert int(response.headers["content-length"]) == len(response.content)
    assert len(rows(response)) == 200 * 200 == len(terms)
    assert left_over == []


def test_a_result_over_the_cap_after_spilling_leaves_no_file(live, sample_store):
    values = " ".join(str(i) for i in range(400))
    query = f"SELECT ?a ?b WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} }}"
    with live(store=sample_store, max_result_bytes=2 << 20) as server, server.client() as client:
        response = client.get("/sparql", params={"query": query})
        left_over = os.listdir(server.engine.results_dir)
    assert response.status_code == 500 and f"limit of {2 << 20} bytes" in response.text
    assert left_over == []


def test_a_query_past_the_memory_limit_is_stopped(live, sample_store):
    values = " ".join(str(i) for i in range(3000))
    hungry = (f"SELECT ?a ?b ?c WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} "
              "VALUES ?c { 1 2 3 } } ORDER BY ?c ?b ?a")
    with live(store=sample_store, query_memory_mb=1200, query_timeout=120) as server, \
            server.client() as client:
        response = client.post("/sparql", data={"query": hungry})
        after = client.get("/sparql", params={"query": CLAIMS})
    assert response.status_code == 503 and "more memory" in response.text
    assert after.status_code == 200 and len(rows(after)) == 2


ISOLATED = textwrap.dedent("""
    import socket, sys
    from conflictkg.server import sandbox
    held = sandbox._install_filter() if sys.argv[2] == "seccomp" else sandbox.isolate() != "none"
    if not held:
        sys.exit(3)
    socket.socketpair()  # the worker's own link to the web process still works
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
    except OSError:
        sys.exit(0)
    sys.exit(1)
""")


@pytest.mark.parametrize("how", ["seccomp", "all"])
def test_workers_have_no_network_where_the_system_allows(reader, how):
    """The seccomp filter alone (what the container allows, where unshare is refused)
    and all the sandbox holds: neither lets a worker connect to a listening server."""
    port = int(reader.url.rsplit(":", 1)[1])  # a server that certainly listens
    code = subprocess.run([sys.executable, "-c", ISOLATED, str(port), how], timeout=60).returncode
    if code == 3:
        pytest.skip("this system allows neither a seccomp filter nor a network namespace")
    assert code == 0, "an isolated worker could still connect"


def test_a_worker_killed_during_a_query_is_a_503_and_is_replaced(live, sample_store):
    others = set(multiprocessing.active_children())
    with live(store=sample_store, query_workers=1, reserved_workers=0, query_timeout=30) as server, \
            server.client() as client:
        while client.get("/health").json()["queries"]:  # the event index is built at start
            pass
        runaway = Background(server.url, RUNAWAY)
        runaway.start()
        while client.get("/health").json()["queries"] == 0:
            pass
        (process,) = [p for p in multiprocessing.active_children()
                      if p.name == "conflictkg-query" and p not in others]
        process.kill()
        runaway.join()
        after = client.get("/sparql", params={"query": CLAIMS})
    assert runaway.response.status_code == 503 and runaway.response.headers["retry-after"]
    assert "the query worker failed" in runaway.response.text
    assert after.status_code == 200 and len(rows(after)) == 2


def test_a_replacement_takes_queries_only_once_it_has_opened_the_store(live, sample_store):
    """A worker stopped for its time is replaced at once, but the next query goes to a
    worker that is ready, not to the replacement still starting (here frozen, as a start
    on an overloaded machine can be)."""
    others = set(multiprocessing.active_children())
    with live(store=sample_store, query_timeout=3, query_workers=2) as server, \
            server.client() as client:
        first = {p for p in multiprocessing.active_children() if p.name == "conflictkg-query"}
        runaway = client.post("/sparql", data={"query": RUNAWAY})
        (replacement,) = [p for p in multiprocessing.active_children()
                          if p.name == "conflictkg-query" and p not in others | first]
        os.kill(replacement.pid, signal.SIGSTOP)
        try:
            after = client.get("/sparql", params={"query": CLAIMS})
        finally:
            os.kill(replacement.pid, signal.SIGCONT)
    assert runaway.status_code == 503 and "limit of 3 s" in runaway.text
    assert after.status_code == 200 and len(rows(after)) == 2


def test_a_worker_that_died_while_idle_is_replaced(live, sample_store):
    others = set(multiprocessing.active_children())
    with live(store=sample_store, query_workers=2) as server, server.client() as client:
        workers = [p for p in multiprocessing.active_children()
                   if p.name == "conflictkg-query" and p not in others]
        for process in workers:
            process.kill()
            process.join()
        response = client.get("/sparql", params={"query": CLAIMS})
    assert len(workers) == 3  # the endpoint's two and the API's one
    assert response.status_code == 200 and len(rows(response)) == 2


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT ?e WHERE { ?e a ckg:Battle }", "line 1, column 34: the prefix ckg: is not declared"),
    ("SELECT * WHERE { ?s ?p }", "line 1, column 25: expected LATERAL or SERVICE"),
    ('SELECT * WHERE { ?s ?p "x }', "line 1, column 28: a string is not closed"),
    ("SELECT * WHERE {\n ?s ?p ?o . FILTER(?o > ) }", "line 2, column"),
])
def test_syntax_errors_read_as_one_line_with_the_position(query: str, expected: str) -> None:
    from pyoxigraph import Store

    from conflictkg.sparqltext import readable_syntax_error

    with pytest.raises(SyntaxError) as raised:
        Store().query(query)
    message = readable_syntax_error(str(raised.value), query)
    assert message.startswith(expected) and "\n" not in message and "\\u{" not in message
