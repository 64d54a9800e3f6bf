"""Hostile strings through every string parameter: never a 5xx, never data from elsewhere.

Values reach SPARQL only as bound terms, so quotes, braces, ``} UNION {``, newlines
and ``>`` inside IRIs can change what is matched but never what is asked. The store
holds a canary graph that no API query has a reason to read; seeing its text in
any answer would mean a value escaped into the query.
"""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

from .live_api import BASE, CANARY, live_client

pytestmark = pytest.mark.slow

PAYLOADS = [
    '"', "'", "}", "{", '"} UNION { ?s ?p ?o } #', "'} UNION { ?x ?p ?o } #",
    "x\" ) } UNION { ?a ?b ?c FILTER(true) } #", "\n} UNION {\n?s ?p ?o\n}\n#",
    f"{BASE}id/actor/hts> ?p ?o }} UNION {{ ?s ?p ?o }} #",
    "http://x/> } UNION { GRAPH ?g { ?s ?p ?o } } #", "urn:canary:s", "<urn:canary:s>",
    '""" . } ; DROP ALL ; #', "\\", "\\u0022", "%22%7D", "?s", "$s", "*", ")", "CANARY",
    "ckg:arabicKey(", "'''", "\u200f\u0600", "x" * 300, "1,2,3,4", "33,36", "0,0,0,0",
    "NaN,NaN,NaN,NaN", "inf,0,0,0",
]
LISTS = {
    "/api/v1/events": ["actor", "place", "source", "bbox", "near", "cursor"],
    "/api/v1/claims": ["event", "source", "place", "actor", "cursor"],
    "/api/v1/actors": ["q", "side", "cursor"],
    "/api/v1/places": ["q", "within", "bbox", "near", "cursor"],
    "/api/v1/sources": ["q", "cursor"],
    "/api/v1/documents": ["source", "cursor"],
}
DETAILS = ["events", "actors", "places", "sources", "documents"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> httpx.Client:
    with live_client(tmp_path_factory.mktemp("injection")) as c:
        yield c


def check(response: httpx.Response, payload: str) -> None:
    assert response.status_code < 500, (response.request.url, response.text[:300])
    assert CANARY not in response.text, response.request.url
    if "urn:canary" not in payload:  # an error message may quote the request itself
        assert "urn:canary" not in response.text, response.request.url


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(("path", "param"), [(p, q) for p, qs in LISTS.items() for q in qs])
def test_list_parameters(client: httpx.Client, path: str, param: str, payload: str) -> None:
    response = client.get(path, params={param: payload})
    check(response, payload)
    if response.status_code == 200 and param not in {"bbox", "near", "q"}:
        # A hostile name matches nothing here; it never widens the answer. (``q`` is a
        # substring search, so "'" rightly finds "Dar'a".)
        assert response.json().get("items", []) == []


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("kind", DETAILS)
def test_path_ids(client: httpx.Client, kind: str, payload: str) -> None:
    response = client.get(f"/api/v1/{kind}/{quote(payload, safe='')}")
    check(response, payload)
    assert response.status_code in {404, 422}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_linked_data_paths(client: httpx.Client, payload: str) -> None:
    for prefix in ("/id/place/", "/id/", "/graph/"):
        for accept in ("text/html", "text/turtle"):
            response = client.get(prefix + quote(payload, safe=""), headers={"Accept": accept})
            check(response, payload)
            assert response.status_code in {404, 406}


def test_store_is_untouched(client: httpx.Client) -> None:
    for payload in PAYLOADS:
        client.get("/api/v1/actors", params={"q": payload})
    events = client.get("/api/v1/events", params={"limit": 1000, "reports": "all"}).json()["items"]
    assert len(events) == 9
