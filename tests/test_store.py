"""The store: whole graphs per transaction, snapshots for readers, one writer at a time."""

from __future__ import annotations

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from conflictkg import store

G = "https://example.org/graph/1"


def quad(s: str, o: str, g: str = G) -> Quad:
    return Quad(NamedNode(f"https://example.org/{s}"), NamedNode("https://example.org/p"), Literal(o), NamedNode(g))


def test_nothing_published_reads_as_empty(tmp_path):
    gen, reader = store.open_snapshot(tmp_path / "s")
    assert gen == 0
    assert len(reader) == 0


def test_readers_see_a_graph_only_after_it_is_published(tmp_path):
    path = tmp_path / "s"
    with store.writing(path) as writer:
        writer.put_graph(G, [quad("a", "1"), quad("b", "2")])
        assert store.open_snapshot(path)[0] == 0
    gen, reader = store.open_snapshot(path)
    assert gen == 1
    assert len(reader) == 2


def test_replace_swaps_the_whole_graph(tmp_path):
    path = tmp_path / "s"
    with store.writing(path) as writer:
        writer.put_graph(G, [quad("a", "1"), quad("b", "2")])
    with store.writing(path) as writer:
        writer.put_graph(G, [quad("c", 'quote " and \\ backslash')], replace=True)
        assert writer.graph_size(G) == 1
    gen, reader = store.open_snapshot(path)
    assert gen == 2
    assert [q.object.value for q in reader] == ['quote " and \\ backslash']


def test_replace_swaps_the_default_graph_and_leaves_named_graphs(tmp_path):
    path = tmp_path / "s"
    default = [Quad(q.subject, q.predicate, q.object, DefaultGraph())
               for q in (quad("a", "1"), quad("b", "2"))]
    with store.writing(path) as writer:
        writer.put_graph(None, default)
        writer.put_graph(G, [quad("c", "3")])
    with store.writing(path) as writer:
        writer.put_graph(None, default[1:], replace=True)
    _, reader = store.open_snapshot(path)
    assert sorted((q.object.value, q.graph_name == DefaultGraph()) for q in reader) == [
        ("2", True), ("3", False)]


def test_quads_outside_the_graph_are_refused_and_nothing_is_written(tmp_path):
    path = tmp_path / "s"
    with store.writing(path) as writer:
        with pytest.raises(ValueError, match="graph"):
            writer.put_graph(G, [quad("a", "1"), quad("b", "2", g="https://example.org/other")])
        assert not writer.has_graph(G)


def test_a_second_writer_waits_then_gives_up(tmp_path):
    path = tmp_path / "s"
    with (store.writing(path), pytest.raises(store.StoreLockedError, match="another process"),
          store.writing(path, wait=0.2)):
        pass


def test_old_snapshots_are_collected_but_never_from_under_a_reader(tmp_path):
    path = tmp_path / "s"
    with store.writing(path) as writer:
        writer.put_graph(G, [quad("a", "0")])
    held_gen, held = store.open_snapshot(path)
    for n in range(1, 7):
        with store.writing(path) as writer:
            writer.put_graph(G, [quad("a", str(n))], replace=True)
    kept = sorted(int(p.name) for p in (path / "snapshots").iterdir() if p.is_dir())
    assert kept == [held_gen, *range(8 - store.KEEP_SNAPSHOTS, 8)]
    assert held_gen == 1 and store.current_generation(path) == 7
    assert [q.object.value for q in held] == ["0"]  # still readable, files and all

    del held
    assert store.open_snapshot(path)[0] == 7  # lets go of generation 1, holds 7 until the next
    with store.writing(path) as writer:
        writer.put_graph(G, [quad("a", "8")], replace=True)
    kept = sorted(p.name for p in (path / "snapshots").iterdir() if p.is_dir())
    assert [int(name) for name in kept] == sorted({7, *range(9 - store.KEEP_SNAPSHOTS, 9)})
    assert sorted(p.name for p in (path / "snapshots").iterdir() if not p.is_dir()) == [
        f"{name}.lock" for name in kept]
