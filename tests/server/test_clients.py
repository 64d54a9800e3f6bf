"""The endpoint as real SPARQL clients use it: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import JSON, JSONLD, POST, RDFXML, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from .conftest import EVENT, PLACE, fresh_store

CLAIMS = """PREFIX ckg: <https://conflictkg.org/ontology#>
SELECT ?claim ?n WHERE { ?claim a ckg:CasualtyClaim ; ckg:count ?n } ORDER BY ?n"""


@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_select_json(reader, method):
    client = SPARQLWrapper(reader.url + "/sparql")
    client.setMethod(method)
    client.setQuery(CLAIMS)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [int(r["n"]["value"]) for r in rows] == [70, 82]


def test_sparqlwrapper_ask_xml_and_construct_turtle(reader):
    client = SPARQLWrapper(reader.url + "/sparql")
    client.setQuery(f"ASK {{ <{EVENT}> ?p ?o }}")
    client.setReturnFormat(XML)
    document = client.query().convert()
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "true"
    client.setQuery(f"CONSTRUCT WHERE {{ <{PLACE}> ?p ?o }}")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert (URIRef(PLACE), None, Literal("Jobar", lang="en")) in graph


@pytest.mark.parametrize("method", ["GET", POST])
@pytest.mark.parametrize("fmt,parse_as", [(JSONLD, "json-ld"), (RDFXML, "xml"), (XML, "xml"), (JSON, "json-ld")])
def test_sparqlwrapper_construct_as_json_ld_and_rdf_xml(reader, method, fmt, parse_as):
    """SPARQLWrapper sends several format parameters and an Accept header: the header decides."""
    client = SPARQLWrapper(reader.url + "/sparql")
    client.setMethod(method)
    client.setQuery(f"CONSTRUCT WHERE {{ <{PLACE}> ?p ?o }}")
    client.setReturnFormat(fmt)
    result = client.query()
    body = result.response.read()
    graph = Graph().parse(data=body, format=parse_as)
    assert (URIRef(PLACE), None, Literal("Jobar", lang="en")) in graph


def test_sparqlwrapper_sees_a_bad_query(reader):
    client = SPARQLWrapper(reader.url + "/sparql")
    client.setQuery("SELECT WHERE {")
    with pytest.raises(QueryBadFormed):
        client.query()


def test_rdflib_sparqlstore_reads(reader):
    graph = Graph(SPARQLStore(reader.url + "/sparql"))
    rows = list(graph.query(CLAIMS))
    assert [int(row.n) for row in rows] == [70, 82]
    labels = set(graph.objects(URIRef(PLACE), URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
    assert labels == {Literal("Jobar", lang="en"), Literal("جوبر", lang="ar")}


def test_rdflib_and_sparqlwrapper_write_with_the_token(live, tmp_path, sample_store):
    with live(store=fresh_store(tmp_path, sample_store), update_token="t0ken") as server:
        endpoint = server.url + "/sparql"
        client = SPARQLWrapper(endpoint, updateEndpoint=endpoint)
        client.addCustomHttpHeader("Authorization", "Bearer t0ken")
        client.setMethod(POST)
        client.setQuery("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'by SPARQLWrapper' } }")
        client.query()
        store = SPARQLUpdateStore(endpoint, endpoint, auth=None,
                                  headers={"Authorization": "Bearer t0ken"})
        graph = Graph(store, identifier=URIRef("urn:g"))
        graph.add((URIRef("urn:a"), URIRef("urn:b"), Literal("by rdflib")))
        values = set(Graph(SPARQLStore(endpoint)).objects(URIRef("urn:a"), URIRef("urn:b")))
    assert values == {Literal("by SPARQLWrapper"), Literal("by rdflib")}
