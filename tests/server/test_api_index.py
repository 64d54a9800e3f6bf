"""The event index behind /api/v1/events: built on start-up, rebuilt in the background.

A store of a few thousand events takes the index a while to read, so once a new
document is written the list keeps answering from the previous generation's index
(and says so in X-Index-Generation) until the new one is complete.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
from pyoxigraph import RdfFormat

from conflictkg import store
from conflictkg.config import Settings
from conflictkg.server.api.index import EventIndex

from .conftest import Live, serve

BASE = "https://conflictkg.org/"
EVENTS = 20000
PAGE = 10
PREFIXES = """
PREFIX ckg: <https://conflictkg.org/ontology#>
PREFIX ckgt: <https://conflictkg.org/ontology/event-type/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def events_trig(doc: str, dates: list[str]) -> bytes:
    """One document graph with a battle on each date."""
    graph = f"{BASE}id/document/{doc * 64}"
    lines = [f"<{BASE}id/event/{doc * 16}-{i}-{i + 1}> a ckg:Battle ; ckg:eventType ckgt:battle ; "
             f'sem:hasEarliestBeginTimeStamp "{day}"^^xsd:date ; '
             f'sem:hasLatestEndTimeStamp "{day}"^^xsd:date .'
             for i, day in enumerate(dates)]
    return (PREFIXES + f"GRAPH <{graph}> {{\n" + "\n".join(lines) + "\n}\n").encode()


def build(path: Path) -> Path:
    dates = [f"{2012 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(EVENTS)]
    with store.writing(path) as writer:
        writer.load(events_trig("a", dates), format=RdfFormat.TRIG)
    return path


def kept_index(server: Live) -> EventIndex | None:
    kept = getattr(server.app.state, "api_cache", {}).get("events")
    return kept.index if kept is not None else None


def first_page(client: httpx.Client) -> tuple[int, list[str]]:
    response = client.get("/api/v1/events", params={"limit": PAGE, "reports": "all"})
    assert response.status_code == 200, response.text
    return int(response.headers["x-index-generation"]), [e["key"] for e in response.json()["items"]]


def until(condition, what: str, seconds: float = 120):
    """Poll ``condition`` until it returns something true (a guard against hanging only)."""
    deadline = time.monotonic() + seconds
    while not (found := condition()):
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.02)
    return found


def test_the_index_is_built_on_start_up_and_lists_say_which_they_read(tmp_path: Path) -> None:
    path = build(tmp_path / "store")
    with serve(Settings(store=path, query_workers=1)) as server:
        index = until(lambda: kept_index(server), "the index built on start-up")  # no request yet
        assert index.generation == store.current_generation(path)
        assert len(index.events) == EVENTS
        with server.client() as client:
            generation, keys = first_page(client)
            geojson = client.get("/api/v1/events", params={"format": "geojson", "limit": 1, "reports": "all"},
                                 headers={"Origin": "https://example.org"})
            sources = client.get("/api/v1/sources")
        assert generation == index.generation and len(keys) == PAGE
        assert geojson.headers["x-index-generation"] == str(index.generation)
        assert "x-index-generation" in geojson.headers["access-control-expose-headers"].lower()
        assert "x-index-generation" not in sources.headers  # not read from the index


def test_lists_answer_from_the_old_index_while_the_new_one_builds(tmp_path: Path) -> None:
    path = build(tmp_path / "store")
    with serve(Settings(store=path, query_workers=1)) as server, server.client() as client:
        old_generation, old_keys = first_page(client)
        new_key = "bbbbbbbbbbbbbbbb-0-1"  # dated before every other event: first on the page

        def add(writer: store.Writer) -> None:
            writer.load(events_trig("b", ["2011-03-15"]), format=RdfFormat.TRIG)

        server.call(server.engine.write(add))
        new_generation = store.current_generation(path)
        assert new_generation > old_generation
        answers = []
        while not answers or new_key not in answers[-1][1]:
            answers.append(first_page(client))
            assert len(answers) < 20_000, "the new event never showed"
        for generation, keys in answers[:-1]:  # whole old pages, said to be of the old index
            assert (generation, keys) == (old_generation, old_keys)
        assert answers[-1] == (new_generation, [new_key, *old_keys[:-1]])
        assert len(answers) > 1, "the first list after the write waited for the new index"
        assert len(kept_index(server).events) == EVENTS + 1
