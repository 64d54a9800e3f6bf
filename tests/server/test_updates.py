"""SPARQL Update and the Graph Store Protocol: off by default, token-guarded, visible at once."""

from __future__ import annotations

import json

import pytest
from pyoxigraph import RdfFormat, parse

from .conftest import DOC_B, GAZETTEER, fresh_store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
INSERT = "INSERT DATA { GRAPH <urn:g:new> { <urn:s> <urn:p> 'added' } }"
ASK = "ASK { GRAPH <urn:g:new> { <urn:s> <urn:p> 'added' } }"


def asked(client, query: str = ASK) -> bool:
    return json.loads(client.get("/sparql", params={"query": query}).content)["boolean"]


@pytest.fixture
def writable(live, tmp_path, sample_store):
    """A server over a private store whose updates need the token."""
    with live(store=fresh_store(tmp_path, sample_store), update_token=TOKEN) as server:
        yield server


def test_update_needs_the_bearer_token(writable):
    with writable.client() as client:
        missing = client.post("/sparql", data={"update": INSERT})
        wrong = client.post("/sparql", data={"update": INSERT},
                            headers={"Authorization": "Bearer nope"})
        assert not asked(client)
        right = client.post("/sparql", content=INSERT.encode(),
                            headers={**AUTH, "Content-Type": "application/sparql-update"})
        assert asked(client)
    assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    assert wrong.status_code == 403 and "invalid_token" in wrong.headers["www-authenticate"]
    assert right.status_code == 204


def test_open_updates_need_no_token(live, tmp_path, sample_store):
    with live(store=fresh_store(tmp_path, sample_store), open_updates=True) as server, \
            server.client() as client:
        response = client.post("/sparql", data={"update": INSERT})
        assert response.status_code == 204 and asked(client)
        description = client.get("/sparql", headers={"Accept": "application/n-triples"})
    languages = {t.object.value for t in parse(description.content, format=RdfFormat.N_TRIPLES)
                 if t.predicate.value.endswith("supportedLanguage")}
    assert "http://www.w3.org/ns/sparql-service-description#SPARQL11Update" in languages


def test_open_updates_take_writes_only_for_a_host_that_is_an_address(live, tmp_path, sample_store):
    """A page of another site can point its own name at this server (DNS rebinding) and
    write as a page of that origin: with open updates, a Host that is a name is refused."""
    with live(store=fresh_store(tmp_path, sample_store), open_updates=True) as server, \
            server.client() as client:
        generation = client.get("/health").json()["generation"]
        for host in ("attacker.example", "attacker.example:80", "localhost.attacker.example"):
            refused = client.post("/sparql", data={"update": INSERT}, headers={"Host": host})
            stored = client.put("/store?default", content=b"<urn:a> <urn:b> <urn:c> .",
                                headers={"Host": host, "Content-Type": "application/n-triples"})
            assert (refused.status_code, stored.status_code) == (403, 403), host
            assert "Host" in refused.text
        assert client.get("/health").json()["generation"] == generation
        port = server.url.rsplit(":", 1)[1]
        for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"):
            assert client.post("/sparql", data={"update": INSERT}, headers={"Host": host}).status_code == 204


def test_bad_update_is_a_400_and_changes_nothing(writable):
    with writable.client() as client:
        response = client.post("/sparql", data={"update": "INSERT DATA { <urn:s> }"}, headers=AUTH)
        generation = client.get("/health").json()["generation"]
        failing = client.post("/sparql", headers=AUTH, data={
            "update": f"DROP GRAPH <{DOC_B}> ; DROP GRAPH <urn:does-not-exist>"})
        assert client.get("/health").json()["generation"] == generation
        assert asked(client, f"ASK {{ GRAPH <{DOC_B}> {{ ?s ?p ?o }} }}")
    assert response.status_code == 400
    assert failing.status_code == 400
    assert "not applied" in failing.text


def test_using_graph_uri_sets_the_update_dataset(writable):
    update = "INSERT { GRAPH <urn:g:copy> { ?s a <urn:Found> } } WHERE { ?s a ?type }"
    with writable.client() as client:
        done = client.post(f"/sparql?using-graph-uri={GAZETTEER}", content=update.encode(),
                           headers={**AUTH, "Content-Type": "application/sparql-update"})
        conflict = client.post(f"/sparql?using-graph-uri={GAZETTEER}", headers=AUTH, data={
            "update": f"WITH <{GAZETTEER}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}"})
        found = client.get("/sparql", params={
            "query": "SELECT ?s WHERE { GRAPH <urn:g:copy> { ?s a <urn:Found> } }"})
    assert done.status_code == 204
    assert conflict.status_code == 400
    subjects = [r["s"]["value"] for r in json.loads(found.content)["results"]["bindings"]]
    assert subjects == ["https://conflictkg.org/id/place/C1234"]


TURTLE = b"@prefix ex: <http://example.org/> . ex:a ex:b ex:c . <rel> ex:b 1 ."


def test_graph_store_protocol(writable):
    graph = "http://example.org/graph/1"
    with writable.client() as client:
        missing = client.get("/store", params={"graph": graph})
        unauthorised = client.put("/store", params={"graph": graph}, content=TURTLE,
                                  headers={"Content-Type": "text/turtle"})
        created = client.put("/store", params={"graph": graph}, content=TURTLE,
                             headers={**AUTH, "Content-Type": "text/turtle"})
        replaced = client.put("/store", params={"graph": graph}, content=TURTLE,
                              headers={**AUTH, "Content-Type": "text/turtle"})
        added = client.post("/store", params={"graph": graph},
                            content=b'<http://example.org/d> <http://example.org/e> "f" .',
                            headers={**AUTH, "Content-Type": "application/n-triples"})
        got = client.get("/store", params={"graph": graph}, headers={"Accept": "text/turtle"})
        head = client.head("/store", params={"graph": graph})
        wrong_type = client.put("/store", params={"graph": graph}, content=TURTLE,
                                headers={**AUTH, "Content-Type": "application/pdf"})
        new = client.post("/store", content=TURTLE, headers={**AUTH, "Content-Type": "text/turtle"})
        new_graph = client.get("/store", params={"graph": new.headers["location"]})
        deleted = client.delete("/store", params={"graph": graph}, headers=AUTH)
        gone = client.get("/store", params={"graph": graph})
        deleted_again = client.delete("/store", params={"graph": graph}, headers=AUTH)
        default = client.get("/store?default", headers={"Accept": "application/n-triples"})
    assert missing.status_code == 404
    assert unauthorised.status_code == 401
    assert (created.status_code, replaced.status_code, added.status_code) == (201, 204, 204)
    assert got.headers["content-type"] == "text/turtle; charset=utf-8"
    triples = list(parse(got.content, format=RdfFormat.TURTLE))
    assert len(triples) == 3
    assert "http://example.org/graph/rel" in {t.subject.value for t in triples}  # base: the graph
    assert head.status_code == 200 and head.content == b""
    assert wrong_type.status_code == 415
    assert new.status_code == 201 and new_graph.status_code == 200
    assert (deleted.status_code, gone.status_code, deleted_again.status_code) == (204, 404, 404)
    assert [t.object.value for t in parse(default.content, format=RdfFormat.N_TRIPLES)] == [
        "in the default graph"]


@pytest.mark.parametrize("graph", ["not-an-iri", "http://example.org/a b", "http://example.org/>"])
def test_graph_names_that_are_not_iris_are_400(writable, graph):
    with writable.client() as client:
        put = client.put("/store", params={"graph": graph}, content=TURTLE,
                         headers={**AUTH, "Content-Type": "text/turtle"})
        got = client.get("/store", params={"graph": graph})
        using = client.post("/sparql", params={"using-graph-uri": graph}, headers=AUTH,
                            data={"update": "INSERT { <urn:s> <urn:p> ?o } WHERE { ?s <urn:q> ?o }"})
        graphs = client.get("/sparql", params={"query": "SELECT DISTINCT ?g { GRAPH ?g {} }"})
    for response in (put, got, using):
        assert response.status_code == 400, response.text
        assert response.headers["content-type"].startswith("text/plain")
        assert "IRI" in response.text
    assert graph not in graphs.text


def test_graph_store_is_off_unless_updates_are_enabled(live, sample_store):
    with live(store=sample_store) as server, server.client() as client:
        response = client.get("/store", params={"graph": GAZETTEER})
    assert response.status_code == 403


def test_graph_store_post_accepts_several_files_in_multipart(writable):
    graph = "http://example.org/graph/multi"
    files = [("a", ("a.ttl", b"<http://x/s> <http://x/p> 1 .", "text/turtle")),
             ("b", ("b.nt", b'<http://x/s> <http://x/p> "two" .', "application/n-triples"))]
    with writable.client() as client:
        posted = client.post("/store", params={"graph": graph}, files=files, headers=AUTH)
        got = client.get("/store", params={"graph": graph}, headers={"Accept": "application/n-triples"})
    assert posted.status_code == 201
    assert {t.object.value for t in parse(got.content, format=RdfFormat.N_TRIPLES)} == {"1", "two"}


def test_pages_of_other_origins_cannot_update(live, tmp_path, sample_store):
    with live(store=fresh_store(tmp_path, sample_store), open_updates=True) as server, \
            server.client() as client:
        response = client.post("/sparql", data={"update": INSERT},
                               headers={"Origin": "https://evil.example"})
        assert response.status_code == 403 and not asked(client)
