"""Incidents through the JSON API and the pages: the linked corpus served by the real app under
uvicorn on a loopback port, read with a real HTTP client."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from markupsafe import escape
from server.conftest import serve

from conflictkg.config import Settings

from .scoring import CORPUS

pytestmark = pytest.mark.slow
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}


@pytest.fixture(scope="module")
def client(linked_corpus: Settings) -> Iterator[httpx.Client]:
    with serve(Settings(store=linked_corpus.store, query_workers=1)) as server, server.client() as c:
        yield c


def listing(client: httpx.Client, **params: object) -> list[dict]:
    body = client.get("/api/v1/events", params={"limit": 1000, **params}).json()
    assert body["next"] is None
    return body["items"]


def test_the_event_list_holds_incidents_by_default_and_reports_on_request(client: httpx.Client):
    incidents, reports = listing(client), listing(client, reports="all")
    assert {i["type"] for i in incidents} == {"Incident"} and {r["type"] for r in reports} == {"Event"}
    assert len(reports) > len(incidents) > 30
    assert sum(i["report_count"] for i in incidents) == len(reports)
    assert {r["incident"] for r in reports} == {i["id"] for i in incidents}
    shared = [i for i in incidents if i["report_count"] >= 3]
    assert shared and all(len(i["sources"]) >= 2 for i in shared)
    assert all(s["labels"]["en"] or s["labels"]["ar"] for i in shared for s in i["sources"])


def test_derived_tolls_carry_their_rule_and_their_claims(client: httpx.Client):
    tolls = [t for i in listing(client) for t in i["derived_tolls"]]
    assert tolls
    for toll in tolls:
        assert toll["estimate"] in {"low", "best", "high", "conservative"}
        assert toll["rule"] and toll["claims"] and toll["count"] >= 0 and toll["sources"] >= 1
    by_incident = {}
    for incident in listing(client):
        figures = {(t["outcome"], t["estimate"]): t["count"] for t in incident["derived_tolls"]}
        for outcome in {o for o, _ in figures}:
            low, best, high = (figures[(outcome, e)] for e in ("low", "best", "high"))
            assert low <= best <= high
            by_incident[incident["id"]] = figures
    assert any(f.get(("killed", "high"), 0) > f.get(("killed", "low"), 0) for f in by_incident.values())


def test_an_incident_shows_every_report_with_its_source_and_quotes(client: httpx.Client):
    (incident,) = [i for i in listing(client, place="Saraqib", **{"from": "2020-02-27", "to": "2020-02-27"})
                   if i["kind"] == "capture"]
    detail = client.get(f"/api/v1/events/{incident['key']}").json()
    assert detail["type"] == "Incident" and len(detail["reports"]) == incident["report_count"] >= 3
    assert detail["quote"] in {s["text"] for r in detail["reports"] for s in r["evidence"]}  # quoted by a report
    documents = {r["document"]["file"] for r in detail["reports"]}
    publishers = {r["document"]["publisher"]["key"] for r in detail["reports"]}
    assert len(publishers) == len(documents) >= 3
    for report in detail["reports"]:
        assert report["event"]["incident"] == incident["id"]
        assert 0 < report["score"] <= 1 and report["reasons"]
        text = TEXTS[report["document"]["file"]]
        for span in report["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"]
        assert report["evidence"]
    assert [r["document"]["published"] for r in detail["reports"]] == sorted(
        r["document"]["published"] for r in detail["reports"])
    opened = [r for r in detail["reports"] if r["reasons"][0]["kind"] == "first_report"]
    assert len(opened) == 1 and opened[0]["score"] == 1.0


def test_claims_of_every_report_side_by_side(client: httpx.Client):
    (incident,) = [i for i in listing(client, place="Saraqib", **{"from": "2020-02-27", "to": "2020-02-27"})
                   if i["kind"] == "capture"]
    detail = client.get(f"/api/v1/events/{incident['key']}").json()
    documents = {d for c in detail["claims"] for d in c["documents"]}
    assert len(documents) >= 2
    assert {c["event"] for c in detail["claims"]} <= {r["event"]["id"] for r in detail["reports"]}


def test_filters_apply_to_incidents(client: httpx.Client):
    everything = listing(client)
    at_saraqib = listing(client, place="Saraqib")
    assert 0 < len(at_saraqib) < len(everything)
    assert all({"Saraqab"} & {p["labels"]["en"] for p in i["places"]} or
               any(p["key"].startswith("C3916-") for p in i["places"]) for i in at_saraqib)
    by_sohr = {i["id"] for i in listing(client, source="SOHR")}
    published_by_sohr = {i["id"] for i in everything if "sohr" in {s["key"] for s in i["sources"]}}
    assert published_by_sohr and published_by_sohr <= by_sohr < {i["id"] for i in everything}
    captures = listing(client, kind="capture")
    assert captures and {i["kind"] for i in captures} == {"capture"}


def test_a_reported_event_names_its_incident_and_each_is_found_by_key(client: httpx.Client):
    report = listing(client, reports="all")[0]
    detail = client.get(f"/api/v1/events/{report['key']}").json()
    assert detail["type"] == "Event" and detail["incident"] == report["incident"]
    key = "incident/" + report["incident"].rsplit("/", 1)[1]
    assert client.get(f"/api/v1/events/{key}").json()["id"] == report["incident"]
    assert client.get("/api/v1/events/incident/0000000000000000-1-2").status_code == 404


def test_the_page_of_an_incident_links_its_reports(client: httpx.Client):
    incident = next(i for i in listing(client) if i["report_count"] >= 2)
    page = client.get("/" + incident["id"].split("/", 3)[3])
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for report in client.get(f"/api/v1/events/{incident['key']}").json()["reports"]:
        assert report["event"]["id"].rsplit("/", 1)[1] in page.text
        for span in report["evidence"]:  # the sentences it was read from
            assert str(escape(span["text"])) in page.text
    assert f'href="/api/v1/events/{incident["key"]}"' in page.text
