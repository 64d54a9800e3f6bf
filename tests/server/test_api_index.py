"""The event index behind /api/v1/events: an SQLite file beside the store, updated by the
writer for the documents of each publication, read by every web process.

A list names the index generation it read (X-Index-Generation); a document written is in
the very next list, without a rebuild; a store whose index is missing is indexed when the
server starts, and an update the index cannot place (SPARQL Update) indexes it whole.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
from pyoxigraph import RdfFormat

from conflictkg import events_index, store
from conflictkg.config import Settings

from .conftest import serve

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


def indexed(path: Path) -> tuple[int, int]:
    """(generation, events) of the store's event index."""
    with sqlite3.connect(path / events_index.FILE) as db:
        return events_index.indexed_generation(db), events_index.count(db)


def first_page(client: httpx.Client) -> tuple[int, list[str]]:
    response = client.get("/api/v1/events", params={"limit": PAGE, "reports": "all"})
    assert response.status_code == 200, response.text
    return int(response.headers["x-index-generation"]), [e["key"] for e in response.json()["items"]]


def test_the_writer_indexes_each_publication_and_lists_say_which_they_read(tmp_path: Path) -> None:
    path = build(tmp_path / "store")
    assert indexed(path) == (store.current_generation(path), EVENTS)
    with serve(Settings(store=path, query_workers=1)) as server, server.client() as client:
        generation, keys = first_page(client)
        geojson = client.get("/api/v1/events", params={"format": "geojson", "limit": 1, "reports": "all"},
                             headers={"Origin": "https://example.org"})
        sources = client.get("/api/v1/sources")
    assert generation == store.current_generation(path) and len(keys) == PAGE
    assert keys == sorted(keys, key=lambda k: (dates_of(k), k))[:PAGE]
    assert geojson.headers["x-index-generation"] == str(generation)
    assert "x-index-generation" in geojson.headers["access-control-expose-headers"].lower()
    assert "x-index-generation" not in sources.headers  # not read from the index


def dates_of(key: str) -> str:
    i = int(key.split("-")[1])
    return f"{2012 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}"


def test_a_written_document_is_in_the_next_list_and_a_removed_one_leaves_it(tmp_path: Path) -> None:
    path = build(tmp_path / "store")
    doc_b = f"{BASE}id/document/{'b' * 64}"
    with serve(Settings(store=path, query_workers=1)) as server, server.client() as client:
        old_generation, old_keys = first_page(client)
        new_key = "bbbbbbbbbbbbbbbb-0-1"  # dated before every other event: first on the page

        def add(writer: store.Writer) -> None:
            writer.load(events_trig("b", ["2011-03-15"]), format=RdfFormat.TRIG)

        server.call(server.engine.write(add))
        assert first_page(client) == (old_generation + 1, [new_key, *old_keys[:-1]])
        assert indexed(path) == (old_generation + 1, EVENTS + 1)

        server.call(server.engine.write(lambda writer: writer.remove_graph(doc_b)))
        assert first_page(client) == (old_generation + 2, old_keys)


def test_a_store_without_its_index_is_indexed_when_the_server_starts(tmp_path: Path) -> None:
    path = build(tmp_path / "store")
    (path / events_index.FILE).unlink()
    with serve(Settings(store=path, query_workers=1)) as server, server.client() as client:
        generation, keys = first_page(client)
    assert generation == store.current_generation(path) and len(keys) == PAGE
    assert indexed(path) == (generation, EVENTS)


def test_a_sparql_update_indexes_the_store_again(tmp_path: Path) -> None:
    path = build(tmp_path / "store")
    with serve(Settings(store=path, query_workers=1, open_updates=True)) as server, server.client() as client:
        removed = client.post("/sparql", data={"update": PREFIXES + """
            DELETE { GRAPH ?g { ?e ?p ?o } } WHERE { GRAPH ?g { ?e sem:hasEarliestBeginTimeStamp ?d ; ?p ?o
              FILTER(?d < "2013-01-01"^^xsd:date) } }"""})
        assert removed.status_code in (200, 204), removed.text
        generation, keys = first_page(client)
    assert generation == store.current_generation(path)
    assert all(dates_of(k) >= "2013-01-01" for k in keys)
    assert indexed(path) == (generation, EVENTS - EVENTS // 10)
