"""SERVICE: only to allowlisted endpoints, refused before any request otherwise; both ways
with the ``oxigraph`` server from PyPI."""

from __future__ import annotations

import json
import socket
import threading

import httpx
import pytest

from conflictkg.server import federation
from conflictkg.server.errors import HttpError

from .conftest import EVENT, PLACE, fresh_store, oxigraph_server

REMOTE_DATA = f"""<{PLACE}> <http://www.w3.org/2002/07/owl#sameAs> <http://example.org/jobar> .
<{PLACE}> <http://example.org/population> "1000"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://example.org/other> <http://example.org/population> "5" .
"""


class Listener:
    """A TCP port that counts the connections made to it (and never answers)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.connections = 0
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self.sock.close()


@pytest.fixture(scope="module")
def remote(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("remote"), REMOTE_DATA) as url:
        yield url


@pytest.fixture
def listener():
    trap = Listener()
    yield trap
    trap.close()


def bindings(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return json.loads(response.content)["results"]["bindings"]


def test_allowed_service_is_joined_with_local_data(live, sample_store, remote):
    query = f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?label ?population WHERE {{
      ?place rdfs:label ?label FILTER(lang(?label) = "en")
      SERVICE <{remote}> {{ ?place <http://example.org/population> ?population }}
    }}"""
    with live(store=sample_store, allow_service=(remote,)) as server, server.client() as client:
        rows = bindings(client.get("/sparql", params={"query": query}))
    assert [(r["label"]["value"], r["population"]["value"]) for r in rows] == [("Jobar", "1000")]
    assert rows[0]["population"]["datatype"].endswith("#integer")


def test_silent_service_that_fails_gives_one_empty_solution(live, sample_store, listener):
    query = f"SELECT ?x WHERE {{ BIND(1 AS ?x) SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }}"
    loud = query.replace("SILENT ", "")
    with live(store=sample_store, allow_service=(listener.url,), service_timeout=2) as server, \
            server.client() as client:
        silent = client.get("/sparql", params={"query": query})
        failed = client.get("/sparql", params={"query": loud})
    assert [r["x"]["value"] for r in bindings(silent)] == ["1"]
    assert failed.status_code == 502 and listener.url in failed.text


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s <http://example.org/SERVICE> "SERVICE <http://x/> { }" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> { }",
    "PREFIX service: <http://example.org/> SELECT ?service WHERE { ?service service:p ?o }",
])
def test_the_word_service_elsewhere_is_not_a_service_clause(query):
    assert federation.plan(query, federation.Limits()).clauses == []


@pytest.mark.parametrize("query", [
    "PREFIX ex: <http://e/> SELECT * { ?s ex:a\\' ?o . SERVICE <http://x/> { ?a ?b ?c } "
    "FILTER(?o != 'x') }",
    "PREFIX ex: <http://e/> SELECT * { ?s ex:a\\#b ?o . SERVICE <http://x/> { ?a ?b ?c } }",
    "SELECT * { ?s ?p ?o FILTER(?o<?p) SERVICE <http://x/> { ?a ?b ?c } }",
    'SELECT * { ?s ?p """a""" SERVICE <http://x/> { ?a ?b ?c } }',
    "SELECT * { ?s ?p ?o } ; SERVICE <http://x/> { }",
])
def test_escapes_and_strings_do_not_hide_a_service_clause(query):
    with pytest.raises(HttpError) as refused:
        federation.plan(query, federation.Limits())
    assert (refused.value.status, refused.value.code) == (400, "service_refused")


def test_values_block_from_results():
    results = {"head": {"vars": ["a", "b"]}, "results": {"bindings": [
        {"a": {"type": "uri", "value": "http://x/1"},
         "b": {"type": "literal", "value": 'say "hi"\n', "xml:lang": "en"}},
        {"b": {"type": "literal", "value": "2", "datatype": "http://www.w3.org/2001/XMLSchema#int"}},
    ]}}
    assert federation.values_block(results) == (
        'VALUES (?a ?b) { (<http://x/1> "say \\"hi\\"\\n"@en) '
        '(UNDEF "2"^^<http://www.w3.org/2001/XMLSchema#int>) }')
    with pytest.raises(ValueError):
        federation.values_block({"head": {"vars": ["a"]}, "results": {"bindings": [
            {"a": {"type": "uri", "value": "http://x/> } ; DROP ALL ; <"}}]}})


def test_another_endpoint_can_federate_into_ours(reader, tmp_path):
    query = f"""SELECT ?label WHERE {{
      SERVICE <{reader.url}/sparql> {{ <{EVENT}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}
    }}"""
    with oxigraph_server(tmp_path) as theirs:
        response = httpx.post(theirs, content=query.encode(), timeout=30, headers={
            "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    assert [r["label"]["value"] for r in bindings(response)] == ["معركة جوبر"]


def test_updates_are_checked_for_service_too(live, tmp_path, sample_store, listener, remote):
    refused = f"INSERT {{ <urn:a> <urn:b> ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    allowed = f"""INSERT {{ GRAPH <urn:g:copied> {{ ?s <urn:population> ?n }} }}
                  WHERE {{ SERVICE <{remote}> {{ ?s <http://example.org/population> ?n }} }}"""
    with live(store=fresh_store(tmp_path, sample_store), open_updates=True,
              allow_service=(remote,)) as server, server.client() as client:
        no = client.post("/sparql", data={"update": refused})
        load = client.post("/sparql", data={"update": f"LOAD SILENT <{listener.url}>"})
        load_remote = client.post("/sparql", data={"update": f"LOAD <{remote}>"})
        yes = client.post("/sparql", data={"update": allowed})
        copied = client.get("/sparql", params={
            "query": "SELECT ?n WHERE { GRAPH <urn:g:copied> { ?s ?p ?n } } ORDER BY ?n"})
    assert no.status_code == 400 and listener.connections == 0
    assert load.status_code == load_remote.status_code == 400 and "LOAD" in load.text
    assert yes.status_code == 204
    assert sorted(int(r["n"]["value"]) for r in bindings(copied)) == [5, 1000]
