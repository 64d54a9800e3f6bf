"""Linked-data manners on the sample corpus as ``conflictkg demo`` serves it: every term of the
ontology dereferences, every event answers a generic client's ``sem:Event``, CONSTRUCT
results carry the endpoint's prefixes, JSON-LD comes compacted when asked for, browsers
get HTML errors, and the governorates' boundaries hold their towns (``geof:sfWithin``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser

import httpx
import pytest
from pyoxigraph import NamedNode, RdfFormat, parse

from conflictkg.config import Settings
from conflictkg.reference import load_bundle

from .conftest import serve

pytestmark = pytest.mark.slow
ONTOLOGY = "https://conflictkg.org/ontology"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
COMPACTED = 'application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"'


@pytest.fixture(scope="module")
def client(corpus_store: Settings) -> Iterator[httpx.Client]:
    with serve(Settings(store=corpus_store.store, query_workers=2)) as server, server.client() as c:
        yield c


def sparql(client: httpx.Client, query: str, accept: str = "application/sparql-results+json") -> httpx.Response:
    response = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    return response


def ontology_terms() -> set[str]:
    """Every IRI the ontology files describe under https://conflictkg.org/ontology."""
    return {str(t.subject.value) for _, triples in load_bundle().ontology_triples for t in triples
            if isinstance(t.subject, NamedNode) and t.subject.value.startswith(ONTOLOGY)}


class Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids |= {v for k, v in attrs if k == "id" and v}


def test_every_ontology_term_dereferences(client: httpx.Client) -> None:
    terms = ontology_terms()
    assert len(terms) > 150
    documents: dict[str, set[str]] = {}
    for term in terms:
        documents.setdefault(term.partition("#")[0], set()).add(term)
    for document, iris in sorted(documents.items()):
        anchors = {iri.partition("#")[2] for iri in iris}
        path = document[len("https://conflictkg.org"):]
        page = client.get(path, headers={"Accept": BROWSER})
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html"), path
        found = Anchors()
        found.feed(page.text)
        assert anchors - {""} <= found.ids, (path, sorted(anchors - found.ids)[:5])
        turtle = client.get(path, headers={"Accept": "text/turtle"})
        subjects = {str(t.subject.value) for t in parse(turtle.content, format=RdfFormat.TURTLE)
                    if isinstance(t.subject, NamedNode)}
        assert iris <= subjects, path
        jsonld = client.get(path + ".jsonld")
        assert jsonld.headers["content-type"].startswith("application/ld+json")
        assert len(list(parse(jsonld.content, format=RdfFormat.JSON_LD))) >= len(anchors), path
    assert "/ontology/value/killed" in {d[len("https://conflictkg.org"):] for d in documents}
    assert "/ontology/event-type/battle" in {d[len("https://conflictkg.org"):] for d in documents}


def test_unknown_terms_are_a_404(client: httpx.Client) -> None:
    assert client.get("/ontology/value/nothing-of-the-sort").status_code == 404
    assert client.get("/ontology/no/such/thing.ttl").status_code == 404


def test_every_event_is_a_sem_event_and_a_ckg_event(client: httpx.Client) -> None:
    """Reported events and incidents alike are SEM and schema.org events; only the reported
    ones are ckg:Event (an incident is a ckg:Incident, the happening they report)."""
    def subjects(query: str) -> set[str]:
        return {b["e"]["value"] for b in sparql(client, "PREFIX ckg: <https://conflictkg.org/ontology#>\n"
                                                   + query).json()["results"]["bindings"]}

    typed = subjects("SELECT ?e WHERE { ?e ckg:eventType ?kind }")
    incidents = subjects("SELECT ?e WHERE { ?e a ckg:Incident }")
    assert len(typed - incidents) >= 20 and incidents and incidents <= typed
    for cls in ("http://semanticweb.cs.vu.nl/2009/11/sem/Event", "https://schema.org/Event"):
        assert subjects(f"SELECT ?e WHERE {{ ?e a <{cls}> }}") == typed, cls
    assert subjects("SELECT ?e WHERE { ?e a ckg:Event }") == typed - incidents


def test_construct_turtle_has_the_endpoints_prefixes(client: httpx.Client) -> None:
    body = sparql(client, "CONSTRUCT { ?e a ?c } WHERE { ?e a <https://conflictkg.org/ontology#Battle> ; a ?c }",
                  accept="text/turtle").text
    assert "@prefix ckg: <https://conflictkg.org/ontology#> ." in body
    assert "ckg:Battle" in body and "<https://conflictkg.org/ontology#Battle>" not in body


def test_json_ld_is_compacted_with_the_projects_context_when_asked(client: httpx.Client) -> None:
    query = "CONSTRUCT WHERE { <https://conflictkg.org/id/source/sohr> ?p ?o }"
    plain = sparql(client, query, accept="application/ld+json").json()
    assert isinstance(plain, list | dict) and "http://www.w3.org/2000/01/rdf-schema#label" in json.dumps(plain)
    response = sparql(client, query, accept=COMPACTED)
    assert 'profile="http://www.w3.org/ns/json-ld#compacted"' in response.headers["content-type"]
    compacted = response.json()
    assert compacted["id"] == "https://conflictkg.org/id/source/sohr"
    assert compacted["type"] == "ReportingSource"  # the term the JSON API uses
    assert compacted["labels"]["en"] == "Syrian Observatory for Human Rights"
    assert "@context" in compacted
    # The same graph either way.
    assert set(parse(response.content, format=RdfFormat.JSON_LD)) == set(
        parse(sparql(client, query, accept="application/ld+json").content, format=RdfFormat.JSON_LD))
    page = client.get("/id/source/sohr", headers={"Accept": COMPACTED})
    assert page.json()["id"] == "https://conflictkg.org/id/source/sohr"


@pytest.mark.parametrize("path", ["/id/place/NOPE", "/no/such/page", "/ontology/value/nope", "/static/nope.js"])
def test_browsers_get_an_html_404_and_clients_json(client: httpx.Client, path: str) -> None:
    page = client.get(path, headers={"Accept": BROWSER})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text and "<script" not in page.text
    data = client.get(path, headers={"Accept": "*/*"})
    assert data.status_code == 404 and data.json()["code"] == "not_found"
    api = client.get("/api/v1/places/NOPE", headers={"Accept": BROWSER})
    assert api.status_code == 404 and api.headers["content-type"].startswith("application/json")


def test_a_town_lies_within_its_governorates_boundary(client: httpx.Client) -> None:
    rows = sparql(client, """
        PREFIX ckg: <https://conflictkg.org/ontology#>
        PREFIX ckgv: <https://conflictkg.org/ontology/value/>
        PREFIX geo: <http://www.opengis.net/ont/geosparql#>
        PREFIX geof: <http://www.opengis.net/def/function/geosparql/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?gov WHERE {
          <https://conflictkg.org/id/place/C2528> geo:hasGeometry/geo:asWKT ?town .
          ?gov ckg:adminLevel ckgv:governorate ; geo:hasGeometry/geo:asWKT ?outline .
          FILTER(geof:sfWithin(?town, ?outline))
        }""").json()["results"]["bindings"]
    assert [r["gov"]["value"] for r in rows] == ["https://conflictkg.org/id/place/SY04"]  # Homs in Homs


def test_the_api_docs_load_their_assets_from_this_server(client: httpx.Client) -> None:
    for path in ("/docs", "/redoc"):
        html = client.get(path).text
        assert "cdn" not in html.lower() and "fonts.googleapis" not in html
        for asset in ("/assets/docs/swagger-ui-bundle.js", "/assets/docs/swagger-ui.css") if path == "/docs" \
                else ("/assets/docs/redoc.standalone.js",):
            assert asset in html
            assert client.get(asset).status_code == 200


def test_a_link_from_data_is_made_only_to_http_iris_or_this_server():
    from conflictkg.iris import Iris
    from conflictkg.server.linked import local_href

    iris = Iris("https://example.org/")
    assert local_href(iris, "https://example.org/id/event/x") == "/id/event/x"
    assert local_href(iris, "http://www.wikidata.org/entity/Q1") == "http://www.wikidata.org/entity/Q1"
    for iri in ("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "urn:x:y"):
        href = local_href(iris, iri)
        assert href.startswith("/?query="), href
