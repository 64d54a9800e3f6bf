"""The SPARQL 1.1 Protocol at /sparql, over HTTP: methods, formats, datasets, errors, descriptions."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest
from pyoxigraph import NamedNode, QueryResultsFormat, RdfFormat, parse, parse_query_results

from conflictkg.server import negotiation

from .conftest import BASE, DOC_A, DOC_B, EVENT, GAZETTEER, QUADS

COUNT_CLAIMS = """PREFIX ckg: <https://conflictkg.org/ontology#>
SELECT ?claim ?n WHERE { ?claim a ckg:CasualtyClaim ; ckg:count ?n } ORDER BY ?n"""
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def counts(response) -> list[int]:
    rows = json.loads(response.content)["results"]["bindings"]
    return [int(row["n"]["value"]) for row in rows]


def test_get_post_form_and_post_direct_give_the_same_rows(reader):
    with reader.client() as client:
        by_get = client.get("/sparql", params={"query": COUNT_CLAIMS})
        by_form = client.post("/sparql", data={"query": COUNT_CLAIMS})
        by_body = client.post("/sparql", content=COUNT_CLAIMS.encode(),
                              headers={"Content-Type": "application/sparql-query"})
    for response in (by_get, by_form, by_body):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/sparql-results+json"
        assert counts(response) == [70, 82]


@pytest.mark.parametrize(("accept", "media", "fmt"), [
    ("application/sparql-results+json", "application/sparql-results+json", QueryResultsFormat.JSON),
    ("application/sparql-results+xml", "application/sparql-results+xml", QueryResultsFormat.XML),
    ("text/csv", "text/csv", QueryResultsFormat.CSV),
    ("text/tab-separated-values", "text/tab-separated-values", QueryResultsFormat.TSV),
    ("application/json", "application/sparql-results+json", QueryResultsFormat.JSON),
    ("text/html;q=0.9, application/xml;q=0.8", "application/sparql-results+xml",
     QueryResultsFormat.XML),
])
def test_select_in_every_results_format(reader, accept, media, fmt):
    with reader.client() as client:
        response = client.get("/sparql", params={"query": COUNT_CLAIMS}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert "Accept" in response.headers["vary"]
    if fmt == QueryResultsFormat.CSV:  # lossy: no parser for it in pyoxigraph
        values = [int(row["n"]) for row in csv.DictReader(io.StringIO(response.text))]
    else:
        values = [int(row["n"].value) for row in parse_query_results(response.content, format=fmt)]
    assert sorted(values) == [70, 82]


@pytest.mark.parametrize("accept", ["application/sparql-results+json",
                                    "application/sparql-results+xml"])
def test_ask_in_json_and_xml(reader, accept):
    fmt = QueryResultsFormat.from_media_type(accept)
    with reader.client() as client:
        yes = client.get("/sparql", params={"query": f"ASK {{ <{EVENT}> ?p ?o }}"},
                         headers={"Accept": accept})
        no = client.get("/sparql", params={"query": "ASK { <urn:nothing> ?p ?o }"},
                        headers={"Accept": accept})
    assert bool(parse_query_results(yes.content, format=fmt)) is True
    assert bool(parse_query_results(no.content, format=fmt)) is False


@pytest.mark.parametrize("media", ["text/turtle", "application/n-triples", "application/n-quads",
                                   "application/trig", "application/rdf+xml", "application/ld+json"])
def test_construct_in_every_rdf_format(reader, media):
    with reader.client() as client:
        response = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": media})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    triples = list(parse(response.content, format=RdfFormat.from_media_type(media)))
    assert len(triples) == QUADS  # every quad, its graph forgotten; no two equal triples here


def test_describe_returns_the_resource(reader):
    with reader.client() as client:
        response = client.get("/sparql", params={"query": f"DESCRIBE <{EVENT}>"},
                              headers={"Accept": "application/n-triples"})
    triples = list(parse(response.content, format=RdfFormat.N_TRIPLES))
    assert triples and {t.subject.value for t in triples} == {EVENT}


def test_format_parameter_overrides_accept(reader):
    with reader.client() as client:
        response = client.get("/sparql", params={"query": COUNT_CLAIMS, "format": "csv"},
                              headers={"Accept": "application/sparql-results+xml"})
    assert response.headers["content-type"].startswith("text/csv")


def test_default_graph_is_the_union_and_graph_reaches_each_document(reader):
    query = f"SELECT ?g WHERE {{ GRAPH ?g {{ ?claim <{BASE.rstrip('/')}/ontology#count> ?n }} }}"
    with reader.client() as client:
        union = client.get("/sparql", params={"query": COUNT_CLAIMS})
        graphs = client.get("/sparql", params={"query": query})
    assert counts(union) == [70, 82]
    rows = json.loads(graphs.content)["results"]["bindings"]
    assert sorted(row["g"]["value"] for row in rows) == [DOC_A, DOC_B]


def test_default_graph_uri_and_named_graph_uri_choose_the_dataset(reader):
    with reader.client() as client:
        only_b = client.get("/sparql", params={"query": COUNT_CLAIMS, "default-graph-uri": DOC_B})
        both = client.post("/sparql", data={"query": COUNT_CLAIMS,
                                            "default-graph-uri": [DOC_A, DOC_B]})
        named = client.get("/sparql", params={
            "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            "named-graph-uri": GAZETTEER})
    assert counts(only_b) == [70]
    assert counts(both) == [70, 82]
    rows = json.loads(named.content)["results"]["bindings"]
    assert [row["g"]["value"] for row in rows] == [GAZETTEER]


def test_bad_query_is_a_400_with_the_parsers_message(reader):
    with reader.client() as client:
        response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert response.status_code == 400
    assert "error at" in response.text or "expected" in response.text


def test_bad_dataset_iri_is_a_400(reader):
    with reader.client() as client:
        response = client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "a b"})
    assert response.status_code == 400 and "a b" in response.text


def test_unacceptable_format_is_a_406(reader):
    with reader.client() as client:
        select = client.get("/sparql", params={"query": COUNT_CLAIMS}, headers={"Accept": "image/png"})
        construct = client.get("/sparql", params={"query": CONSTRUCT},
                               headers={"Accept": "text/csv"})
    assert select.status_code == 406 and "application/sparql-results+json" in select.text
    assert construct.status_code == 406 and "text/turtle" in construct.text


def test_oversized_body_is_a_413(reader):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (70 * 1024)  # the reader allows 64 KiB
    with reader.client() as client:
        response = client.post("/sparql", content=big.encode(),
                               headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413


def test_unknown_content_type_is_a_415(reader):
    with reader.client() as client:
        response = client.post("/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"})
        utf16 = client.post("/sparql", content="ASK {}".encode("utf-16"),
                            headers={"Content-Type": "application/sparql-query; charset=UTF-16"})
    assert response.status_code == 415
    assert utf16.status_code == 415


def test_protocol_misuse_is_a_400_or_405(reader):
    with reader.client() as client:
        two = client.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
        update_by_get = client.get("/sparql", params={"update": "CLEAR ALL"})
        both = client.post("/sparql", data={"query": "ASK {}", "update": "CLEAR ALL"})
        put = client.put("/sparql", content=b"ASK {}")
        delete = client.delete("/sparql/")
    assert two.status_code == 400
    assert update_by_get.status_code == 400
    assert both.status_code == 400
    for response in (put, delete):
        assert response.status_code == 405
        assert response.headers["allow"] == "GET, HEAD, POST"
        assert response.headers["content-type"].startswith("text/plain")


def test_the_endpoint_answers_with_a_trailing_slash_too(reader):
    with reader.client() as client:
        by_get = client.get("/sparql/", params={"query": COUNT_CLAIMS})
        by_post = client.post("/sparql/", content=COUNT_CLAIMS.encode(),
                              headers={"Content-Type": "application/sparql-query"})
        description = client.get("/sparql/", headers={"Accept": "application/n-triples"})
    assert counts(by_get) == counts(by_post) == [70, 82]
    assert by_get.headers["x-store-generation"] == by_post.headers["x-store-generation"]
    endpoints = {t.object.value for t in parse(description.content, format=RdfFormat.N_TRIPLES)
                 if t.predicate.value.endswith("#endpoint")}
    assert endpoints == {reader.url + "/sparql/"}


def test_other_paths_still_reach_their_routes(reader):
    with reader.client() as client:
        near = client.get("/sparqlx")
        health = client.get("/health")
        schema = client.get("/openapi.json").json()
    assert near.status_code == 404
    assert health.json()["status"] == "ok"
    assert "docs/sparql-endpoint.md" in schema["info"]["description"]


def test_updates_are_refused_when_not_enabled(reader):
    with reader.client() as client:
        response = client.post("/sparql", data={"update": "CLEAR ALL"})
        after = client.get("/sparql", params={"query": COUNT_CLAIMS})
    assert response.status_code == 403
    assert counts(after) == [70, 82]


def test_service_description(reader):
    with reader.client() as client:
        response = client.get("/sparql", headers={"Accept": "text/turtle"})
        as_xml = client.get("/sparql", headers={"Accept": "application/rdf+xml"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    triples = list(parse(response.content, format=RdfFormat.TURTLE))
    by_predicate: dict[str, set[str]] = {}
    for t in triples:
        by_predicate.setdefault(t.predicate.value.split("#")[-1], set()).add(t.object.value)
    assert by_predicate["endpoint"] == {reader.url + "/sparql"}
    assert "http://www.w3.org/ns/sparql-service-description#SPARQL11Query" in \
        by_predicate["supportedLanguage"]
    assert "http://www.w3.org/ns/sparql-service-description#SPARQL11Update" not in \
        by_predicate["supportedLanguage"]
    assert "http://www.w3.org/ns/formats/SPARQL_Results_JSON" in by_predicate["resultFormat"]
    assert "http://www.w3.org/ns/sparql-service-description#UnionDefaultGraph" in \
        by_predicate["feature"]
    assert "defaultGraph" in by_predicate
    assert by_predicate["triples"] == {str(QUADS)}
    assert "https://conflictkg.org/ontology#arabicKey" in by_predicate["extensionFunction"]
    assert len(list(parse(as_xml.content, format=RdfFormat.RDF_XML))) == len(triples)


@pytest.mark.parametrize("call", [
    "ckg:arabicMatch", "<https://conflictkg.org/ontology#arabicMatch>",
    "<https://conflictkg.org/ontology#arabic\\u004Datch>",  # an escaped name calls it too
])
def test_custom_functions_are_served(reader, call):
    query = f"""PREFIX ckg: <https://conflictkg.org/ontology#>
    SELECT ?same WHERE {{ BIND({call}("أحمد", "احمد") AS ?same) }}"""
    with reader.client() as client:
        response = client.get("/sparql", params={"query": query})
    rows = json.loads(response.content)["results"]["bindings"]
    assert rows[0]["same"]["value"] == "true"


def test_void_and_dcat_description(reader):
    with reader.client() as client:
        response = client.get("/.well-known/void", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    facts = {(t.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], t.object.value)
             for t in parse(response.content, format=RdfFormat.N_TRIPLES)}
    assert ("triples", str(QUADS)) in facts
    assert ("classes", "4") in facts  # SourceDocument, Battle, CasualtyClaim, Place
    assert ("sparqlEndpoint", reader.url + "/sparql") in facts
    assert ("dataDump", reader.url + "/dump") in facts
    assert ("vocabulary", "https://conflictkg.org/ontology#") in facts
    assert any(p == "license" for p, _ in facts)


def test_dump_is_every_quad_as_gzipped_nquads(reader):
    with reader.client() as client, client.stream("GET", "/dump") as response:
        assert response.status_code == 200
        assert response.headers["content-encoding"] == "gzip"
        raw = b"".join(response.iter_raw())
    quads = list(parse(gzip.decompress(raw), format=RdfFormat.N_QUADS))
    assert len(quads) == QUADS
    named = {q.graph_name.value for q in quads if isinstance(q.graph_name, NamedNode)}
    assert named == {DOC_A, DOC_B, GAZETTEER}


def test_dump_is_plain_nquads_to_a_client_that_takes_no_gzip(reader):
    with reader.client() as client:
        plain = client.get("/dump", headers={"Accept-Encoding": "identity"})
        refused = client.get("/dump", headers={"Accept-Encoding": "gzip;q=0, identity"})
    for response in (plain, refused):
        assert response.status_code == 200 and "content-encoding" not in response.headers
        assert response.headers["content-disposition"].endswith('.nq"')
        assert "Accept-Encoding" in response.headers["vary"]
        assert len(list(parse(response.content, format=RdfFormat.N_QUADS))) == QUADS


def test_head_on_sparql_and_dump(reader):
    with reader.client() as client:
        get = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "application/json"})
        head = client.head("/sparql", params={"query": "ASK {}"}, headers={"Accept": "application/json"})
        description = client.head("/sparql")
        dump = client.head("/dump")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert int(head.headers["content-length"]) == len(get.content)
    assert description.status_code == 200
    assert dump.status_code == 200 and dump.content == b""
    assert dump.headers["content-type"] == "application/n-quads"


def test_format_rdf_xml_sent_unencoded(reader):
    """A "+" left unencoded in a query string arrives as a space: "rdf xml" is rdf+xml."""
    import httpx
    query = f"CONSTRUCT WHERE {{ <{EVENT}> ?p ?o }}"
    url = httpx.URL(reader.url + "/sparql", params={"query": query})
    raw = str(url) + "&format=rdf+xml"
    response = httpx.get(raw, timeout=60)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/rdf+xml")


def test_reads_are_open_to_other_origins_but_tokens_are_not(reader):
    with reader.client() as client:
        get = client.get("/sparql", params={"query": "ASK {}"},
                         headers={"Origin": "https://example.org"})
        preflight = client.options("/sparql", headers={
            "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, authorization"})
    assert get.headers["access-control-allow-origin"] == "*"
    assert preflight.status_code == 400  # Authorization is not an allowed header


def test_query_responses_carry_cors_headers_and_preflights_pass(reader):
    origin = {"Origin": "https://example.org"}
    with reader.client() as client:
        post = client.post("/sparql/", content=COUNT_CLAIMS.encode(),
                           headers={**origin, "Content-Type": "application/sparql-query"})
        refused = client.post("/sparql", content=b"ASK {}",
                              headers={**origin, "Content-Type": "text/plain"})
        preflight = client.options("/sparql", headers={
            **origin, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, accept"})
    assert post.status_code == 200 and counts(post) == [70, 82]
    for response in (post, refused):
        assert response.headers["access-control-allow-origin"] == "*"
        assert "X-Store-Generation" in response.headers["access-control-expose-headers"]
    assert refused.status_code == 415
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()


@pytest.mark.parametrize(("kind", "accept", "key"), [
    (negotiation.SOLUTIONS, None, "json"),
    (negotiation.SOLUTIONS, "*/*", "json"),
    (negotiation.SOLUTIONS, "text/*", "csv"),
    (negotiation.SOLUTIONS, "text/csv;q=0.5, application/sparql-results+xml", "xml"),
    (negotiation.GRAPH, "application/json, application/ld+json;q=0.9", "jsonld"),
    (negotiation.GRAPH, "text/html, */*;q=0.1", "turtle"),
    (negotiation.BOOLEAN, "application/sparql-results+json;q=0, */*", "xml"),
    (negotiation.GRAPH, "text/turtle;q=0, text/*", "n3"),
    (negotiation.SOLUTIONS, "application/sparql-results+json;q=0.1, text/csv;q=0.5", "csv"),
])
def test_negotiation_choices(kind, accept, key):
    assert negotiation.choose(kind, accept).key == key


def test_get_results_carry_an_etag_for_conditional_requests(reader):
    with reader.client() as client:
        first = client.get("/sparql", params={"query": COUNT_CLAIMS})
        again = client.get("/sparql", params={"query": COUNT_CLAIMS},
                           headers={"If-None-Match": first.headers["etag"]})
        as_csv = client.get("/sparql", params={"query": COUNT_CLAIMS},
                            headers={"If-None-Match": first.headers["etag"], "Accept": "text/csv"})
    assert first.headers["etag"].startswith('W/"')
    assert again.status_code == 304 and again.content == b""
    assert as_csv.status_code == 200 and as_csv.headers["etag"] != first.headers["etag"]
