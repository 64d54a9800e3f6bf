"""The JSON API over a live server and an on-disk store in the graph model's shape."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from conflictkg.config import Settings
from conflictkg.reference import load_bundle, sample_corpus

from .conftest import build_store, serve
from .live_api import ACTOR_AT, BASE, DOC4, EVENT4, PLACE_AT, TEXT4, live_client

pytestmark = pytest.mark.slow
EVENT = BASE + "id/event/"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> httpx.Client:
    with live_client(tmp_path_factory.mktemp("api")) as c:
        yield c


def ids(page: dict) -> list[str]:
    return [item["id"] for item in page["items"]]


def all_events(client: httpx.Client, **params: object) -> list[dict]:
    """Every reported event the filters keep (the store holds events, no incidents)."""
    body = client.get("/api/v1/events", params={"limit": 1000, "reports": "all", **params}).json()
    assert body["next"] is None
    return body["items"]


def test_events_are_sorted_by_date_and_carry_their_iri(client: httpx.Client) -> None:
    page = client.get("/api/v1/events", params={"reports": "all"}).json()
    assert page["@context"] == "/api/v1/context.jsonld"
    dates = [e["earliest_begin"] for e in page["items"]]
    assert len(dates) == 9 and dates == sorted(dates)
    assert all(e["id"].startswith(EVENT) for e in page["items"])
    battle = next(e for e in page["items"] if e["key"] == "36ba201f17ea3517-416-434")
    assert battle["labels"]["ar"] == "نصرة داريا"
    assert battle["places"][0]["key"] == "A015"
    assert battle["places"][0]["lon"] == pytest.approx(36.287825)


def test_cursor_pages_cover_every_event_once(client: httpx.Client) -> None:
    seen, url = [], "/api/v1/events?limit=3&reports=all"
    while url:
        response = client.get(url)
        assert response.status_code == 200
        page = response.json()
        assert len(page["items"]) <= 3
        seen += ids(page)
        url = page["links"]["next"]
        assert (url is None) == (page["next"] is None)
    assert len(seen) == len(set(seen)) == 9
    assert seen == [e["id"] for e in all_events(client)]


def test_filters_by_kind_and_dates(client: httpx.Client) -> None:
    battles = all_events(client, kind="battle")
    assert {e["kind"] for e in battles} == {"battle"} and len(battles) == 3
    in_2017 = all_events(client, **{"from": "2017-01-01", "to": "2017-12-31"})
    assert {e["key"] for e in in_2017} == {"9f41e7374ad5a333-1-2", "9f41e7374ad5a333-272-293"}
    # An event that began before `from` but was still going on counts.
    going_on = all_events(client, **{"from": "2013-02-10", "to": "2013-02-11"})
    assert [e["key"] for e in going_on] == ["36ba201f17ea3517-416-434"]


@pytest.mark.parametrize("actor", [
    "hts", BASE + "id/actor/hts", "Hayat Tahrir al-Sham", "hayat tahrir al-sham",
    "هيئة تحرير الشام", "هيئه تحرير الشام",
])
def test_actor_by_iri_key_or_name_in_either_language(client: httpx.Client, actor: str) -> None:
    keys = {e["key"] for e in all_events(client, actor=actor)}
    assert keys == {"9f41e7374ad5a333-1-2", "9f41e7374ad5a333-272-293"}


def test_actor_includes_its_sub_units(client: httpx.Client) -> None:
    keys = {e["key"] for e in all_events(client, actor="fsa")}
    assert "36ba201f17ea3517-3-4" in keys  # fought by a battalion of a brigade of the FSA
    assert "9f41e7374ad5a333-1-2" not in keys


def test_place_includes_the_places_inside_it(client: httpx.Client) -> None:
    damascus = {e["key"] for e in all_events(client, place="C1001")}
    assert {"36ba201f17ea3517-3-4", "9f41e7374ad5a333-1-2", "c6e51e28a965c351-1-2"} <= damascus
    assert "96c421d351cba263-1-2" not in damascus  # Daraa
    by_name = {e["key"] for e in all_events(client, place="دمشق")}
    assert damascus <= by_name


def test_bbox_and_radius(client: httpx.Client) -> None:
    daraa = all_events(client, bbox="36.0,32.5,36.2,32.7")
    assert [e["key"] for e in daraa] == ["96c421d351cba263-1-2"]
    near_jobar = {e["key"] for e in all_events(client, near="33.52,36.33", radius_km=1)}
    assert near_jobar == {"9f41e7374ad5a333-1-2"}


def test_source_counts_claims_and_publications(client: httpx.Client) -> None:
    sohr = {e["key"] for e in all_events(client, source="SOHR")}
    assert "c6e51e28a965c351-1-2" in sohr  # SOHR claimed its toll in another outlet
    assert "9f41e7374ad5a333-1-2" in sohr
    assert "96c421d351cba263-1-2" not in sohr
    assert all_events(client, source="no such source") == []


def test_geojson_by_parameter_and_by_accept(client: httpx.Client) -> None:
    by_param = client.get("/api/v1/events", params={"format": "geojson", "place": "Dar'a",
                                                    "reports": "all"})
    by_accept = client.get("/api/v1/events", params={"place": "Dar'a", "reports": "all"},
                           headers={"Accept": "application/geo+json"})
    for response in (by_param, by_accept):
        assert response.headers["content-type"].startswith("application/geo+json")
        body = response.json()
        assert body["type"] == "FeatureCollection"
        (feature,) = body["features"]
        assert feature["geometry"] == {"type": "Point", "coordinates": [36.104944, 32.624102]}
        assert feature["id"] == EVENT + "96c421d351cba263-1-2"


@pytest.mark.parametrize(("accept", "geojson"), [
    ("application/geo+json;q=0", False),  # q=0: not acceptable
    ("application/geo+json;q=0, */*", False),
    ("application/geo+json;q=0.5, application/json", False),
    ("application/json;q=0.5, application/geo+json", True),
    ("application/json;q=0, */*", True),
    ("text/html, */*;q=0.8", False),
])
def test_geojson_only_when_accept_prefers_it(client: httpx.Client, accept: str, geojson: bool) -> None:
    for path in ("/api/v1/events", "/api/v1/places", "/api/v1/places/A008"):
        response = client.get(path, params={"limit": 2} if path.endswith("s") else {},
                              headers={"Accept": accept})
        assert response.status_code == 200
        media = response.headers["content-type"].split(";")[0]
        assert media == ("application/geo+json" if geojson else "application/json"), (path, accept)
        body = response.json()
        assert (body.get("type") in {"Feature", "FeatureCollection"}) == geojson


def test_event_detail_shows_every_claim_with_source_rank_and_span(client: httpx.Client) -> None:
    for ref in ("c6e51e28a965c351-1-2", quote(EVENT4, safe="")):
        response = client.get(f"/api/v1/events/{ref}")
        assert response.status_code == 200
    event = response.json()
    assert event["id"] == EVENT4
    tolls = {(c["count"], c["source"]["key"], c["rank"]) for c in event["claims"]}
    assert tolls == {(62, "sohr", "preferred"), (36, "sohr", "deprecated"), (70, "al-watan", "normal")}
    preferred = next(c for c in event["claims"] if c["rank"] == "preferred")
    assert preferred["evidence"][0] == {"id": BASE + "id/annotation/c6e51e28a965c351-86-95",
                                        "document": DOC4, "start": 86, "end": 95, "text": "62 عنصراً"}
    assert preferred["supersedes"] == [BASE + "id/claim/c6e51e28a965c351-casualties-652-670"]
    tolls = {(t["victim_actor"] or "").rsplit("/", 1)[-1]: t for t in event["tolls"]}
    # SOHR's own revision (36 -> 62) is no dispute; the unattributed 70 disputes nothing
    # among government dead, being about unnamed victims.
    government = tolls["syrian-government-forces"]
    assert (government["low"], government["high"], government["disputed"]) == (36, 62, False)
    assert tolls[""]["low"] == tolls[""]["high"] == 70
    jobar = client.get("/api/v1/events/9f41e7374ad5a333-1-2").json()
    (disputed,) = [t for t in jobar["tolls"] if t["disputed"]]
    assert (disputed["low"], disputed["high"]) == (30, 82)  # Al-Watan against SOHR
    # "بينهم 9 ضباط": a part of SOHR's 82, listed with the claims, compared with nothing
    (part,) = [c for c in jobar["claims"] if c["count"] == 9]
    assert part["part_of"] == BASE + "id/claim/9f41e7374ad5a333-casualties-1513-1532"
    assert all(part["id"] not in t["claims"] for t in jobar["tolls"])
    parent = client.get("/api/v1/events/36ba201f17ea3517-416-434").json()
    assert {s["key"] for s in parent["sub_events"]} == {"36ba201f17ea3517-1-2", "36ba201f17ea3517-3-4"}


def test_claims_list_puts_disagreeing_tolls_together(client: httpx.Client) -> None:
    page = client.get("/api/v1/claims", params={"event": "c6e51e28a965c351-1-2",
                                                "kind": "casualties"}).json()
    assert sorted(c["count"] for c in page["items"]) == [36, 62, 70]
    control = client.get("/api/v1/claims", params={"kind": "control", "place": "Dar'a"}).json()
    (denied,) = control["items"]
    assert denied["stance"] == "denied" and denied["source"]["key"] == "al-watan"
    # An actor's claims: those naming it, and those about events it took part in.
    by_actor = client.get("/api/v1/claims", params={"actor": "islamic-state"}).json()
    assert {(c["kind"], c["count"]) for c in by_actor["items"]} == {
        ("control", None), ("casualties", 62), ("casualties", 36), ("casualties", 70)}


def test_actors(client: httpx.Client) -> None:
    page = client.get("/api/v1/actors", params={"kind": "rebel_group"}).json()
    assert "fsa" in {a["key"] for a in page["items"]}
    assert {a["kind"] for a in page["items"]} == {"rebel_group"}
    found = client.get("/api/v1/actors", params={"q": "مجاهدي"}).json()
    assert [a["key"] for a in found["items"]] == ["liwa-mujahidi-al-sham"]
    brigade = client.get("/api/v1/actors/liwa-mujahidi-al-sham").json()
    assert brigade["parent"]["key"] == "fsa"
    assert [s["key"] for s in brigade["sub_units"]] == ["katibat-hudhayfa"]
    assert [e["key"] for e in brigade["events"]] == ["36ba201f17ea3517-3-4"]
    sgf = client.get("/api/v1/actors/syrian-government-forces").json()
    assert {c["count"] for c in sgf["claims"] if c["kind"] == "casualties"} >= {82, 62, 36}


def test_places(client: httpx.Client) -> None:
    qadam = client.get("/api/v1/places/A015").json()
    assert qadam["labels"] == {"ar": "القدم", "en": "Al Qadam"}
    assert [p["key"] for p in qadam["admin_chain"]] == ["C1001", "SY010000", "SY0100", "SY01"]
    assert qadam["lat"] == pytest.approx(33.472789) and qadam["level"] == "neighbourhood"
    assert "c6e51e28a965c351-1-2" in {e["key"] for e in qadam["events"]}
    inside = client.get("/api/v1/places", params={"within": "C1001", "level": "neighbourhood"})
    assert {p["key"] for p in inside.json()["items"]} == {"A015", "N0097", "A008", "A004"}
    feature = client.get("/api/v1/places/A008", params={"format": "geojson"}).json()
    assert feature["geometry"]["coordinates"] == [36.330777, 33.519777]
    collection = client.get("/api/v1/places", params={"bbox": "36.3,33.5,36.4,33.6",
                                                      "format": "geojson"}).json()
    assert {f["properties"]["key"] for f in collection["features"]} == {"A008", "A004"}


def test_sources_and_documents(client: httpx.Client) -> None:
    sources = client.get("/api/v1/sources", params={"q": "sohr"}).json()
    assert [s["key"] for s in sources["items"]] == ["sohr"]
    assert client.get("/api/v1/sources/al-watan").json()["source_type"] == "loyalist_media"
    docs = client.get("/api/v1/documents", params={"source": "sohr"}).json()
    assert [d["file"] for d in docs["items"]] == ["001_2de9ca7cda8d2466.txt"]
    all_docs = client.get("/api/v1/documents").json()["items"]
    dated = [d["published"] for d in all_docs if d["published"]]
    assert len(all_docs) == 5 and dated == sorted(dated)


def test_document_extraction_points_into_its_text(client: httpx.Client) -> None:
    doc = client.get(f"/api/v1/documents/{DOC4.rsplit('/', 1)[1]}").json()
    assert doc["text"] == TEXT4
    assert doc["document"]["publisher"] == "Elaph" and doc["document"]["file"].startswith("004_")
    (place,) = doc["places"]
    assert place["admin1"] == "Damascus"
    assert place["mentions"] == [{"start": PLACE_AT[0], "end": PLACE_AT[1], "text": "القدم"}]
    (actor,) = doc["actors"]
    start, end = ACTOR_AT
    assert actor["mentions"][0]["text"] == TEXT4[start:end]
    claims = {c["id"].rsplit("/", 1)[1]: c for c in doc["claims"]}
    toll = claims["c6e51e28a965c351-casualties-86-95"]
    assert toll["count"] == 62 and toll["attributed_to"]["id"] == BASE + "id/source/sohr"
    assert toll["supersedes"].endswith("casualties-652-670")
    assert {e["kind"] for e in doc["events"]} == {"attack", "capture"}


@pytest.mark.parametrize("path", [
    "/api/v1/events/nope", "/api/v1/actors/nope", "/api/v1/places/A015x",
    "/api/v1/sources/nope", "/api/v1/documents/0000", "/api/v1/events/" + quote(BASE + "id/place/A015", safe=""),
    "/api/v1/actors/" + quote(BASE + "id/place/A015", safe=""),
])
def test_unknown_or_wrong_kind_is_404(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found" and response.json()["detail"]


@pytest.mark.parametrize(("params", "param"), [
    ({"limit": 1001}, "limit"), ({"limit": 0}, "limit"), ({"from": "2013-13-01"}, "from"),
    ({"kind": "picnic"}, "kind"), ({"bbox": "1,2,3"}, "bbox"), ({"bbox": "a,b,c,d"}, "bbox"),
    ({"bbox": "0,50,1,40"}, "bbox"), ({"near": "95,10"}, "near"), ({"near": "33.5"}, "near"),
    ({"near": "33.5,36.3", "radius_km": -1}, "radius_km"), ({"cursor": "!!!"}, "cursor"),
    ({"cursor": "bm90LWEta2V5"}, "cursor"), ({"actor": "http://x/>"}, "actor"),
    ({"actor": ""}, "actor"),
])
def test_bad_parameters_get_422_naming_them(client: httpx.Client, params: dict, param: str) -> None:
    response = client.get("/api/v1/events", params=params)
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"][-1] == param and error["msg"]


def test_json_ld_context(client: httpx.Client) -> None:
    response = client.get("/api/v1/context.jsonld")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    assert "@context" in response.json()
    events = client.get("/api/v1/events", params={"limit": 1})
    assert "json-ld#context" in events.headers["link"]


def test_openapi_documents_the_routes_with_examples(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/v1/events", "/api/v1/events/{id}", "/api/v1/claims", "/api/v1/actors",
                 "/api/v1/places/{id}", "/api/v1/sources", "/api/v1/documents/{id}"):
        assert path in schema["paths"], path
    params = {p["name"]: p for p in schema["paths"]["/api/v1/events"]["get"]["parameters"]}
    assert {"from", "to", "kind", "actor", "place", "bbox", "near", "radius_km", "source",
            "limit", "cursor", "format"} <= set(params)
    assert params["bbox"]["schema"].get("examples") or params["bbox"].get("examples")


POSTED = {"text": "أعلنت فصائل المعارضة السيطرة على مدينة حمص يوم 8 كانون الأول 2024، "
                  "وقال المرصد السوري إن 12 عنصراً من قوات النظام قتلوا.",
          "publisher": "Syrian Observatory for Human Rights", "published": "2024-12-08",
          "language": "ar", "file": "posted.txt"}


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> httpx.Client:
    with live_client(tmp_path_factory.mktemp("post"), update_token="s3cret") as c:
        yield c


def document_count(client: httpx.Client) -> int:
    return len(client.get("/api/v1/documents", params={"limit": 1000}).json()["items"])


@pytest.mark.parametrize(("headers", "status", "code"), [
    ({}, 401, "unauthorized"), ({"Authorization": "Bearer wrong"}, 403, "invalid_token"),
    ({"Authorization": "Basic s3cret"}, 401, "unauthorized"),
])
def test_posting_needs_the_update_token(writable: httpx.Client, headers: dict, status: int,
                                        code: str) -> None:
    before = document_count(writable)
    response = writable.post("/api/v1/documents", json=POSTED, headers=headers)
    assert response.status_code == status and response.json()["code"] == code
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert document_count(writable) == before


def test_posting_is_off_without_a_token(client: httpx.Client) -> None:
    response = client.post("/api/v1/documents", json=POSTED)
    assert response.status_code == 403 and response.json()["code"] == "updates_disabled"


@pytest.mark.parametrize(("body", "field"), [
    ({"publisher": "x"}, "text"), ({**POSTED, "text": "   \n "}, "text"),
    ({**POSTED, "published": "25/03/2017"}, "published"), ({**POSTED, "language": "fr"}, "language"),
    ({**POSTED, "colour": "red"}, "colour"), ({**POSTED, "text": 42}, "text"),
])
def test_bad_documents_get_422_and_nothing_is_stored(writable: httpx.Client, body: dict,
                                                      field: str) -> None:
    before = document_count(writable)
    response = writable.post("/api/v1/documents", json=body,
                             headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 422
    assert any(e["loc"][-1] == field for e in response.json()["detail"]), response.json()
    assert document_count(writable) == before


def test_malformed_json_is_422(writable: httpx.Client) -> None:
    response = writable.post("/api/v1/documents", content=b"{not json",
                             headers={"Authorization": "Bearer s3cret",
                                      "Content-Type": "application/json"})
    assert response.status_code == 422


def test_posted_document_is_extracted_stored_and_served(writable: httpx.Client) -> None:
    try:
        import conflictkg.ingest  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"the extraction pipeline is not importable here: {exc}")
    auth = {"Authorization": "Bearer s3cret"}
    response = writable.post("/api/v1/documents", json=POSTED, headers=auth)
    assert response.status_code == 201, response.text
    posted = response.json()
    assert posted["text"] == POSTED["text"]
    assert posted["document"]["published"] == "2024-12-08"
    assert posted["document"]["file"] == "posted.txt"
    for group in ("actors", "places"):
        for item in posted[group]:
            for m in item["mentions"]:
                assert POSTED["text"][m["start"]:m["end"]] == m["text"]
    assert "C2528" in {p["id"].rsplit("/", 1)[1] for p in posted["places"]}  # Homs
    stored = writable.get(response.headers["location"]).json()
    assert stored == posted
    event = writable.get(f"/api/v1/events/{quote(posted['events'][0]['id'], safe='')}").json()
    incident = writable.get(f"/api/v1/events/{quote(event['incident'], safe='')}").json()
    assert event["id"] in {r["event"]["id"] for r in incident["reports"]}  # linked on the way in
    again = writable.post("/api/v1/documents", json=POSTED, headers=auth)
    assert again.status_code == 200 and again.headers["x-ingest-status"] == "unchanged"


CORPUS = sample_corpus()


@pytest.fixture(scope="module")
def corpus_client(tmp_path_factory: pytest.TempPathFactory) -> tuple[httpx.Client, int]:
    """The sample corpus ingested by the real pipeline, served; and how many documents."""
    try:
        from conflictkg.ingest import ingest_paths
    except ImportError as exc:
        pytest.skip(f"the extraction pipeline is not importable here: {exc}")
    if not (CORPUS / "manifest.jsonl").is_file():
        pytest.skip("no sample corpus in this checkout")
    path = tmp_path_factory.mktemp("corpus") / "store"
    report = ingest_paths([CORPUS], Settings(store=path), metadata=CORPUS / "manifest.jsonl")
    assert report.added, report.summary()
    with serve(Settings(store=path, query_workers=1)) as server, server.client() as c:
        yield c, len(report.added)


def test_sample_corpus_through_the_api(corpus_client: tuple[httpx.Client, int]) -> None:
    corpus_client, added = corpus_client
    documents = corpus_client.get("/api/v1/documents", params={"limit": 100}).json()["items"]
    assert len(documents) == added
    for summary in documents:
        doc = corpus_client.get(f"/api/v1/documents/{summary['sha256']}").json()
        text = doc["text"]
        assert text and doc["document"]["sha256"] == summary["sha256"]
        spans = [m for group in ("actors", "places") for item in doc[group] for m in item["mentions"]]
        spans += [item["evidence"] for group in ("events", "claims") for item in doc[group]
                  if item.get("evidence")]
        for span in spans:
            assert text[span["start"]:span["end"]] == span["text"], (summary["file"], span)
    events = corpus_client.get("/api/v1/events", params={"limit": 1000}).json()["items"]
    assert events
    for event in events[:20]:
        assert corpus_client.get(f"/api/v1/events/{event['key']}").status_code == 200
        page = corpus_client.get("/" + event["id"].split("/", 3)[3])
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")


CONTEXT_FILE = load_bundle().context_file
SEM, RDFS = "http://semanticweb.cs.vu.nl/2009/11/sem/", "http://www.w3.org/2000/01/rdf-schema#"


def as_rdf(body: dict, url: str) -> set[tuple[str, str, str]]:
    """The triples a JSON-LD processor reads from an answer, its context given inline."""
    from pyoxigraph import RdfFormat, parse

    context = json.loads(CONTEXT_FILE.read_text())["@context"]
    assert body.pop("@context", "/api/v1/context.jsonld") == "/api/v1/context.jsonld"
    data = json.dumps({"@context": context, **body}).encode()
    return {(str(t.subject), str(t.predicate), str(t.object))
            for t in parse(data, format=RdfFormat.JSON_LD, base_iri=BASE + url.lstrip("/"))}


def test_answers_are_json_ld_with_the_graphs_meaning(client: httpx.Client) -> None:
    event = as_rdf(client.get("/api/v1/events/c6e51e28a965c351-1-2").json(), "/api/v1/events/x")
    assert (f"<{EVENT4}>", f"<{SEM}hasPlace>", f"<{BASE}id/place/A015>") in event
    assert (f"<{EVENT4}>", "<https://conflictkg.org/ontology#eventType>",
            "<https://conflictkg.org/ontology/event-type/attack>") in event
    claim = f"<{BASE}id/claim/c6e51e28a965c351-casualties-86-95>"
    assert (claim, "<http://wikiba.se/ontology#rank>", "<http://wikiba.se/ontology#PreferredRank>") in event
    assert (claim, "<https://conflictkg.org/ontology#count>",
            '"62"^^<http://www.w3.org/2001/XMLSchema#integer>') in event
    actor = as_rdf(client.get("/api/v1/actors/liwa-mujahidi-al-sham").json(), "/api/v1/actors/x")
    assert (f"<{BASE}id/actor/liwa-mujahidi-al-sham>", "<https://conflictkg.org/ontology#partOf>",
            f"<{BASE}id/actor/fsa>") in actor
    place = as_rdf(client.get("/api/v1/places/A015").json(), "/api/v1/places/x")
    assert (f"<{BASE}id/place/A015>", f"<{RDFS}label>", '"القدم"@ar') in place
    page = as_rdf(client.get("/api/v1/events", params={"limit": 3, "reports": "all"}).json(),
                  "/api/v1/events")
    assert len({s for s, p, _ in page if p == f"<{SEM}hasPlace>"}) == 3
    doc = as_rdf(client.get(f"/api/v1/documents/{DOC4.rsplit('/', 1)[1]}").json(), "/x")
    assert any(p == "<http://www.w3.org/ns/oa#exact>" for _, p, _ in doc)


def test_a_posted_document_is_extracted_in_a_process_of_its_own(tmp_path: Path) -> None:
    """Never in the web process: a long or hostile text must not stall every request."""
    store = build_store(tmp_path / "store")
    with serve(Settings(store=store, query_workers=1, update_token="s3cret")) as server, \
            server.client() as client:
        extractor = server.app.state.extractor
        assert extractor.pids == []  # nothing started until a document is posted
        response = client.post("/api/v1/documents", json=POSTED, headers={"Authorization": "Bearer s3cret"})
        assert response.status_code == 201, response.text
        (pid,) = extractor.pids
        assert pid != os.getpid() and os.path.exists(f"/proc/{pid}")
        assert response.json()["claims"]  # its extraction, made there, mapped and stored here
