"""The event list's place and armed-group keys: lists by place or group are read from
``events.sqlite`` with no SPARQL, and answer exactly what the graph does.

The graph's answer is the list as it was computed before the keys: the events the
SPARQL filters of the list find (``?pl schema:containedInPlace* ?place . ?e
sem:hasPlace ?pl``, and ``ckg:partOf*`` for groups) as a candidate set, listed by the
index with the other filters. Both are compared over every filter combination on the
sample corpus and on a store made by the API benchmark's generator, through the API of a
real uvicorn server; after writes that move a place or a group, the index the writer
updated equals one built whole; and a store on a SPARQL server is keyed the same way.
"""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pyoxigraph import NamedNode, Quad, RdfFormat
from sparql_servers import SERVERS

from conflictkg import backend, events_index, store
from conflictkg.config import Settings
from conflictkg.server.api import queries as q
from conflictkg.server.api.graph import text
from conflictkg.server.api.index import candidates

from .conftest import Live, serve
from .live_api import EXTRA, SAMPLE, build_store

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "api.py"
GENERATED_EVENTS = 1500
PAGE = 40
ENTITIES = q.PREFIX + "SELECT ?x WHERE { ?x a ?cls } ORDER BY ?x"


def generator():
    """benchmarks/api.py as a module (its store builder and gazetteer)."""
    spec = importlib.util.spec_from_file_location("api_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def graph_answer(server: Live, store_path: Path, params: dict[str, str], places: list[str] | None,
                 actors: list[str] | None) -> list[str]:
    """The list as the graph gives it: SPARQL candidates, listed by the index."""
    among: set[str] | None = None
    for var, iris, fragment in (("place", places, q.EVENT_PLACE), ("actor", actors, q.EVENT_ACTOR)):
        if iris is not None:
            found = server.call(candidates(server.engine, var, iris, fragment))
            among = found if among is None else among & found
    with contextlib.closing(events_index.connect(store_path, read_only=True)) as db:
        return events_index.page(
            db, kind=params.get("kind"), start=params.get("from"), end=params.get("to"), among=among,
            limit=None, incidents=params.get("reports") != "all").iris


def api_answer(client: httpx.Client, params: dict[str, str]) -> list[str]:
    """Every page of the list, as the API answers it."""
    found, cursor = [], None
    while True:
        response = client.get("/api/v1/events", params={**params, "limit": PAGE,
                                                         **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        found += [e["id"] for e in body["items"]]
        cursor = body["next"]
        if cursor is None:
            return found


def entities(server: Live, cls: str) -> list[str]:
    rows = server.call(server.engine.select(ENTITIES.replace("?cls", cls)))
    return [text(r["x"]) for r in rows]


def compare(server: Live, store_path: Path, places: list[str | None], actors: list[str | None],
            kinds: list[str | None], periods: list[tuple[str, str] | None], reports: list[str | None]) -> int:
    """Every combination of the filters: the API's list equals the graph's. How many were not empty."""
    nonempty = 0
    with server.client() as client:
        for place, actor, kind, period, report in itertools.product(places, actors, kinds, periods, reports):
            if place is None and actor is None:
                continue
            params = {k: v for k, v in (("place", place), ("actor", actor), ("kind", kind),
                                        ("reports", report)) if v is not None}
            if period:
                params["from"], params["to"] = period
            expected = graph_answer(server, store_path, params, [place] if place else None,
                                    [actor] if actor else None)
            assert api_answer(client, params) == expected, params
            nonempty += bool(expected)
    return nonempty


def compare_with_graph_filters(server: Live, places: list[str | None], actors: list[str | None],
                               others: list[dict[str, str]]) -> int:
    """With the filters still answered from the graph (source, area): the list by place or
    group is the list without them, less the events the graph does not tie to them."""
    nonempty = 0
    with server.client() as client:
        for place, actor, other in itertools.product(places, actors, others):
            if place is None and actor is None:
                continue
            listed = api_answer(client, other)
            for var, iri, fragment in (("place", place, q.EVENT_PLACE), ("actor", actor, q.EVENT_ACTOR)):
                if iri is not None:
                    found = server.call(candidates(server.engine, var, [iri], fragment))
                    listed = [e for e in listed if e in found]
            keyed = {k: v for k, v in (("place", place), ("actor", actor)) if v is not None}
            assert api_answer(client, {**other, **keyed}) == listed, (keyed, other)
            nonempty += bool(listed)
    return nonempty


def test_sample_corpus_lists_by_place_and_group_are_the_graphs(tmp_path: Path) -> None:
    path = build_store(tmp_path / "store")
    with serve(Settings(store=path, query_workers=1)) as server:
        places, actors = entities(server, "ckg:Place"), entities(server, "ckg:ArmedGroup")
        assert places and actors
        nonempty = compare(server, path, [None, *places], [None, *actors], [None], [None], [None, "all"])
        assert nonempty > 10
        compare(server, path, [None, *places[:6]], [None, *actors[:4]], [None, "attack", "battle"],
                [None, ("2017-01-01", "2017-12-31")], [None, "all"])
        sources = entities(server, "ckg:ReportingSource")
        others = [{"reports": "all", "source": source} for source in sources[:4]] + [
            {"reports": "all", "bbox": "35.5,32,37,34.5"}, {"source": sources[0], "near": "33.51,36.29",
                                                            "radius_km": "30"}]
        assert compare_with_graph_filters(server, [None, *places[:8]], [None, *actors[:4]], others) > 3


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[str]]:
    path = tmp_path_factory.mktemp("generated") / "store"
    communities, governorates = generator().build(path, GENERATED_EVENTS)
    return path, communities, governorates


def test_generated_store_lists_by_place_and_group_are_the_graphs(
        generated: tuple[Path, list[str], list[str]]) -> None:
    path, _, governorates = generated
    with sqlite3.connect(path / events_index.FILE) as db:  # communities with events
        used = {r[0] for r in db.execute(
            "SELECT iri FROM names WHERE facet = 'place' AND iri LIKE '%/place/C%' LIMIT 2")}
    districts = [governorates[0].replace("SY01", "SY0100"), governorates[1].replace("SY02", "SY0203")]
    groups = ["https://conflictkg.org/id/actor/group-3", "https://conflictkg.org/id/actor/group-23"]
    with serve(Settings(store=path, query_workers=1)) as server:
        nonempty = compare(server, path, [None, *governorates[:2], *districts, *sorted(used)],
                           [None, *groups], [None, "battle"], [None, ("2014-01-01", "2016-06-30")], ["all"])
        assert nonempty > 20
        with server.client() as client:  # by name: the group and its units
            by_name = api_answer(client, {"actor": "Group 3", "reports": "all"})
        assert by_name == graph_answer(server, path, {"reports": "all"}, None, [groups[0]])
        assert by_name
        others = [{"reports": "all", "source": "https://conflictkg.org/id/source/source-10"},
                  {"reports": "all", "near": "34.5,38.5", "radius_km": "80", "kind": "battle"}]
        assert compare_with_graph_filters(server, [None, *governorates[:3]], [None, *groups], others) > 2


def keys_of(path: Path) -> set[tuple]:
    """The index's rows and keys by IRI (row ids differ between two builds)."""
    with sqlite3.connect(path / events_index.FILE) as db:
        events = set(db.execute("SELECT iri, graph, key, kind, earliest, latest, span, incident FROM events"))
        facets = set(db.execute(
            "SELECT names.facet, names.iri, facets.incident, facets.key, events.iri, events.graph FROM facets "
            "JOIN names ON names.id = facets.value JOIN events ON events.id = facets.event"))
        edges = set(db.execute("SELECT facet, child, parent, graph FROM edges"))
    return events | facets | edges


def rebuilt(path: Path, target: Path) -> set[tuple]:
    target.mkdir()
    generation, snapshot = store.open_snapshot(path)
    events_index.rebuild(target, snapshot, generation)
    return keys_of(target)


@contextlib.contextmanager
def writer_of(path: Path) -> Iterator[store.Writer]:
    with store.writing(path) as writer:
        yield writer


def test_moving_a_place_or_a_group_rekeys_its_events(
        generated: tuple[Path, list[str], list[str]], tmp_path: Path) -> None:
    bench = generator()
    source, communities, governorates = generated
    path = tmp_path / "store"
    shutil.copytree(source, path, symlinks=True)
    contained = NamedNode("https://schema.org/containedInPlace")
    part_of = NamedNode("https://conflictkg.org/ontology#partOf")
    gazetteer, _, _ = bench.gazetteer()
    moved = NamedNode(governorates[0].replace("SY01", "SY0100"))  # a district, into another governorate
    unit = NamedNode("https://conflictkg.org/id/actor/group-23")
    quads = [qd for qd in gazetteer
             if not (qd.subject == moved and qd.predicate == contained) and not (qd.subject == unit
                                                                                and qd.predicate == part_of)]
    quads += [Quad(moved, contained, NamedNode(governorates[5]), bench.GAZETTEER),
              Quad(unit, part_of, NamedNode("https://conflictkg.org/id/actor/group-7"), bench.GAZETTEER)]
    doc = "https://conflictkg.org/id/document/" + "e" * 64
    event = NamedNode("https://conflictkg.org/id/event/" + "e" * 16 + "-1-2")
    village = NamedNode("https://conflictkg.org/id/place/new-village")
    ckg = "https://conflictkg.org/ontology#"
    sem = "http://semanticweb.cs.vu.nl/2009/11/sem/"
    new_doc = [Quad(event, NamedNode(ckg + "eventType"),
                    NamedNode("https://conflictkg.org/ontology/event-type/battle"), NamedNode(doc)),
               Quad(event, NamedNode(sem + "hasPlace"), village, NamedNode(doc)),
               Quad(event, NamedNode(sem + "hasActor"), unit, NamedNode(doc)),
               Quad(village, contained, moved, NamedNode(doc))]
    with writer_of(path) as writer:
        writer.put_graph(bench.GAZETTEER.value, quads)
        writer.put_graph(doc, new_doc)
    assert keys_of(path) == rebuilt(path, tmp_path / "whole-1")
    with writer_of(path) as writer:  # the village moves with its document's new version
        writer.put_graph(doc, [*new_doc[:3], Quad(village, contained, NamedNode(communities[0]), NamedNode(doc))])
    assert keys_of(path) == rebuilt(path, tmp_path / "whole-2")
    with writer_of(path) as writer:
        writer.remove_graph(doc)
    assert keys_of(path) == rebuilt(path, tmp_path / "whole-3")
    with serve(Settings(store=path, query_workers=1)) as server:
        compare(server, path, [None, governorates[0], governorates[5], moved.value], [None, unit.value],
                [None], [None], ["all"])


def test_an_index_of_the_first_shape_is_rebuilt(generated: tuple[Path, list[str], list[str]],
                                                tmp_path: Path) -> None:
    source, _, governorates = generated
    path = tmp_path / "store"
    shutil.copytree(source, path, symlinks=True)
    (path / events_index.FILE).unlink()
    for suffix in ("-wal", "-shm"):
        (path / (events_index.FILE + suffix)).unlink(missing_ok=True)
    with sqlite3.connect(path / events_index.FILE) as db:  # the first version's shape
        db.executescript("""
            CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE events (iri TEXT NOT NULL, graph TEXT NOT NULL, key TEXT NOT NULL, kind TEXT,
              earliest TEXT, latest TEXT, span INTEGER NOT NULL, incident INTEGER NOT NULL,
              PRIMARY KEY (iri, graph));
            INSERT INTO meta VALUES ('schema', '1');""")
        db.execute("INSERT INTO meta VALUES ('generation', ?)", (str(store.current_generation(path)),))
    assert events_index.stale(path, store.current_generation(path))
    with serve(Settings(store=path, query_workers=1)) as server:
        with server.client() as client:
            listed = api_answer(client, {"place": governorates[0], "reports": "all"})
        assert listed and listed == graph_answer(server, path, {"reports": "all"}, [governorates[0]], None)
    assert not events_index.stale(path, store.current_generation(path))


@pytest.mark.slow
@pytest.mark.parametrize("server", sorted(SERVERS))
def test_a_store_on_a_sparql_server_is_keyed_as_the_embedded_one(server: str, tmp_path: Path) -> None:
    embedded = build_store(tmp_path / "embedded")
    (tmp_path / server).mkdir()
    with SERVERS[server](tmp_path / server) as overrides:
        settings = Settings(**overrides, query_workers=1)
        with backend.writing(settings) as writer:
            writer.load(SAMPLE.read_bytes(), format=RdfFormat.TRIG)
            writer.load(EXTRA.encode(), format=RdfFormat.TRIG)
        remote = backend.index_folder(settings)
        assert keys_of(remote) == keys_of(embedded)
        (remote / events_index.FILE).unlink()
        backend.index_events(settings)  # as serve does where the index is missing
        assert keys_of(remote) == keys_of(embedded)
        with serve(settings) as live, live.client() as client:
            assert api_answer(client, {"place": "C1001", "reports": "all"}) == \
                api_answer_of(embedded, {"place": "C1001", "reports": "all"})


def api_answer_of(path: Path, params: dict[str, str]) -> list[str]:
    with serve(Settings(store=path, query_workers=1)) as live, live.client() as client:
        return api_answer(client, params)
