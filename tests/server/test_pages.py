"""Dereferencing minted IRIs: HTML for people, Turtle and JSON-LD for machines, 404 otherwise."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from pyoxigraph import NamedNode, RdfFormat, parse

from .live_api import BASE, DOC4, EVENT4, live_client

pytestmark = pytest.mark.slow
PLACE = "/id/place/A015"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> httpx.Client:
    with live_client(tmp_path_factory.mktemp("pages")) as c:
        yield c


class Links(HTMLParser):
    """The hrefs, the Arabic elements and the SVG shapes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.arabic: list[dict[str, str | None]] = []
        self.circles = 0
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("href"):
            self.hrefs.append(found["href"])
        if found.get("lang") == "ar":
            self.arabic.append(found)
        if tag == "circle":
            self.circles += 1
        if tag in {"script", "link"} and (found.get("src") or found.get("href")):
            self.scripts.append(found.get("src") or found.get("href"))


def parsed(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


def triples(body: bytes, fmt: RdfFormat) -> set[tuple[str, str, str]]:
    return {(str(t.subject), str(t.predicate), str(t.object)) for t in parse(body, format=fmt)}


def test_place_page_in_html(client: httpx.Client) -> None:
    response = client.get(PLACE, headers={"Accept": "text/html,application/xhtml+xml;q=0.9"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "Al Qadam" in html and "القدم" in html
    page = parsed(html)
    assert any(a.get("dir") in {"rtl", "auto"} for a in page.arabic)
    assert page.circles >= 1  # the map
    assert "/id/place/C1001" in page.hrefs  # the enclosing place
    assert "/api/v1/places/A015" in page.hrefs
    assert not [u for u in page.scripts if u.startswith(("http://", "https://", "//"))]
    query = next(h for h in page.hrefs if h.startswith("/?query="))
    sparql = parse_qs(urlsplit(query).query)["query"][0]
    assert f"<{BASE}id/place/A015>" in sparql
    # Events that happened there link back to it.
    assert "/id/event/c6e51e28a965c351-1-2" in page.hrefs


def test_browsers_and_curl_get_html(client: httpx.Client) -> None:
    for accept in ("*/*", "", "text/html"):
        response = client.get(PLACE, headers={"Accept": accept})
        assert response.headers["content-type"].startswith("text/html"), accept


def test_turtle_by_accept_and_by_suffix(client: httpx.Client) -> None:
    by_accept = client.get(PLACE, headers={"Accept": "text/turtle"})
    by_suffix = client.get(PLACE + ".ttl")
    for response in (by_accept, by_suffix):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/turtle")
    graph = triples(by_accept.content, RdfFormat.TURTLE)
    assert graph == triples(by_suffix.content, RdfFormat.TURTLE)
    subject = f"<{BASE}id/place/A015>"
    assert (subject, "<http://www.w3.org/2000/01/rdf-schema#label>", '"القدم"@ar') in graph
    # The geometry, named by a fragment of the place's IRI, comes along.
    assert any(s == f"<{BASE}id/place/A015#geometry>" for s, _, _ in graph)
    # Only the place and its parts: not its neighbours.
    assert {s for s, _, _ in graph} == {subject, f"<{BASE}id/place/A015#geometry>"}


def test_json_ld_by_accept_and_by_suffix(client: httpx.Client) -> None:
    event = "/id/event/c6e51e28a965c351-1-2"
    for response in (client.get(event, headers={"Accept": "application/ld+json"}),
                     client.get(event + ".jsonld")):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/ld+json")
        json.loads(response.text)
        graph = triples(response.content, RdfFormat.JSON_LD)
        assert (str(NamedNode(EVENT4)), "<http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace>",
                f"<{BASE}id/place/A015>") in graph


def test_event_page_has_a_map_and_the_claims_about_it(client: httpx.Client) -> None:
    html = client.get("/id/event/c6e51e28a965c351-1-2").text
    page = parsed(html)
    assert page.circles >= 1
    assert "/id/claim/c6e51e28a965c351-casualties-86-95" in page.hrefs
    assert "/id/actor/islamic-state" in page.hrefs


def test_document_page_highlights_its_spans(client: httpx.Client) -> None:
    html = client.get("/id/document/" + DOC4.rsplit("/", 1)[1]).text
    assert 'class="mark place" href="/id/place/A015">القدم</a>' in html
    assert 'dir="auto" lang="ar"' in html


def test_graph_names_dereference(client: httpx.Client) -> None:
    page = client.get("/graph/gazetteer")
    assert page.status_code == 200 and "ckg:Place" in page.text
    turtle = client.get("/graph/gazetteer.ttl")
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert len(triples(turtle.content, RdfFormat.TURTLE)) > 100


@pytest.mark.parametrize("path", [
    "/id/place/NOPE", "/id/place/NOPE.ttl", "/id/event/x", "/id/", "/graph/nope", "/graph/nope.ttl",
])
def test_unknown_iris_are_404(client: httpx.Client, path: str) -> None:
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(("accept", "media"), [
    ("text/html;q=0, */*", "text/turtle"),  # refused outright, though */* would take it
    ("text/html;q=0.5, application/ld+json", "application/ld+json"),
    ("application/*", "application/ld+json"),
    ("text/*;q=0.9, application/n-triples", "application/n-triples"),
    ("text/n3", "text/turtle"),
])
def test_accept_q_values_choose_the_format(client: httpx.Client, accept: str, media: str) -> None:
    response = client.get(PLACE, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media), accept


def test_unacceptable_type_is_406(client: httpx.Client) -> None:
    response = client.get(PLACE, headers={"Accept": "image/png"})
    assert response.status_code == 406 and response.json()["code"] == "not_acceptable"


def test_static_assets_and_nothing_else(client: httpx.Client) -> None:
    assert client.get("/static/pages.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/..%2Fpages.py").status_code == 404


def test_head_and_plain_json(client: httpx.Client) -> None:
    head = client.head(PLACE, headers={"Accept": "text/turtle"})
    assert head.status_code == 200 and head.headers["content-type"].startswith("text/turtle")
    assert client.head("/id/place/NOPE").status_code == 404
    as_json = client.get(PLACE, headers={"Accept": "application/json"})
    assert as_json.headers["content-type"].startswith("application/ld+json")


def test_claim_page_quotes_its_evidence_and_has_a_title_in_words(client: httpx.Client) -> None:
    html = client.get("/id/claim/c6e51e28a965c351-casualties-86-95").text
    assert '<blockquote dir="auto" lang="ar">62 عنصراً</blockquote>' in html
    assert "<title>Casualty claim: 62 killed — المرصد السوري لحقوق الإنسان — ConflictKG</title>" in html


def test_event_page_shows_every_claim_and_the_disputed_toll_side_by_side(client: httpx.Client) -> None:
    """al-Qadam: SOHR's 62 revising its 36, and al-Watan's 'about 70' (added for these tests);
    Jobar: al-Watan's 30 against SOHR's 82 of the same victims."""
    html = client.get("/id/event/c6e51e28a965c351-1-2").text
    claims = html.split('<table class="claims">')[1].split("</table>")[0]
    assert claims.count('<tr class="claim') >= 3
    assert ">62 killed</a>" in claims and ">about 70 killed</a>" in claims
    assert 'href="/id/source/sohr"' in claims and 'href="/id/source/al-watan"' in claims
    assert "<q dir=\"auto\" lang=\"ar\">62 عنصراً</q>" in claims  # the words the toll rests on
    assert '<tr class="claim casualties deprecated">' in claims
    tolls = html.split("<h2>Tolls")[1].split("</section>")[0]
    assert "36–62" in tolls and "disputed" not in tolls  # a revision is no dispute
    jobar = client.get("/id/event/9f41e7374ad5a333-1-2").text
    tolls = jobar.split("<h2>Tolls")[1].split("</section>")[0]
    disputed = tolls.split('<div class="toll disputed">')[1].split('<div class="toll">')[0]
    assert "30–82" in disputed and disputed.count('class="toll-claim') == 2
    assert 'href="/id/source/sohr"' in disputed and 'href="/id/source/al-watan"' in disputed


def test_every_link_of_a_page_is_named(client: httpx.Client) -> None:
    for path in ("/id/event/c6e51e28a965c351-1-2", PLACE, "/id/actor/syrian-government-forces"):
        html = client.get(path).text
        bare = re.findall(r'<a href="[^"]*"[^>]*>\s*(https?://[^<]*)</a>', html)
        assert not [b for b in bare if "/id/" in b], (path, bare[:3])


def test_place_page_shows_its_admin_chain_events_and_control_claims_over_time(client: httpx.Client) -> None:
    html = client.get(PLACE).text
    chain = html.split('<nav class="chain"')[1].split("</nav>")[0]
    assert 'href="/id/place/C1001"' in chain and 'href="/id/place/SY01"' in chain
    assert '<table class="events">' in html and "/id/event/c6e51e28a965c351-1-2" in html
    assert '<figure class="timeline">' in html and 'class="tl-event"' in html
    assert "Referred to by" not in html or "/id/annotation/" not in html.split("Referred to by")[1]


def test_actor_page_shows_its_events_claims_and_units(client: httpx.Client) -> None:
    html = client.get("/id/actor/syrian-government-forces").text
    assert '<table class="events">' in html and '<table class="claims">' in html
    assert "Its units:" in html or "Part of" in html
