"""The store: whole graphs per transaction, snapshots for readers, one writer at a time."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from conflictkg import store

G = "https://example.org/graph/1"
G2 = "https://example.org/graph/2"


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


def _disk_of(monkeypatch, free: int) -> list[int]:
    """Make the store's filesystem report ``free`` bytes free (change the list's item to refill it)."""
    room = [free]
    monkeypatch.setattr(store, "free_bytes", lambda path: room[0])
    return room


def test_a_write_the_disk_has_no_room_to_compact_is_refused_with_the_disks_error(tmp_path, monkeypatch):
    path = tmp_path / "s"
    with store.writing(path) as writer:
        writer.put_graph(G, [quad("a", "1")])
    room = _disk_of(monkeypatch, 10 << 30)
    with store.writing(path) as writer:
        database = writer.size_on_disk()
        # room for the graph's bytes twice and the margin, not for a compaction of the database too
        room[0] = 2 * 2 * store.QUAD_BYTES + store.ROOM_MARGIN + database // 2
        with pytest.raises(store.StoreWriteError, match=r"No space left on device \(.* MB free"):
            writer.put_graph(G2, [quad("b", "2", G2), quad("c", "3", G2)])
        with pytest.raises(store.StoreWriteError, match="No space left on device"):
            writer.add_graphs(b"<https://example.org/b> <https://example.org/p> \"2\" <https://example.org/g3> .\n")
        assert not writer.has_graph(G2)
        room[0] += database
        writer.put_graph(G2, [quad("b", "2", G2), quad("c", "3", G2)])
    assert store.current_generation(path) == 2


class _Checkpoints:
    """The store of a writer with its checkpoints (``backup``) held until released, or failing."""

    def __init__(self, inner, *, fail: OSError | None = None) -> None:
        self._inner = inner
        self.fail = fail
        self.started = False
        self.release = threading.Event()

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def backup(self, target: str) -> None:
        self.started = True
        Path(f"{target}.tmp").mkdir()  # as RocksDB begins one
        (Path(f"{target}.tmp") / "000001.log").write_bytes(b"x")
        if self.fail:
            raise self.fail
        self.release.wait(30)
        self._inner.backup(target)


def test_a_checkpoint_waiting_on_a_full_disk_is_given_up_after_a_bounded_wait(tmp_path, monkeypatch):
    path = tmp_path / "s"
    with store.writing(path) as writer:
        writer.put_graph(G, [quad("a", "1")])
    monkeypatch.setattr(store, "STALL_SECONDS", 0.5)
    held = None
    room = _disk_of(monkeypatch, 10 << 30)
    started = time.monotonic()
    with pytest.raises(store.StoreWriteError, match=r"No space left on device .*waited 0 s"), \
            store.writing(path) as writer:
        writer.put_graph(G2, [quad("b", "2", G2)])
        writer.store = held = _Checkpoints(writer.store)
        threading.Timer(0.3, lambda: room.__setitem__(0, 0)).start()  # the disk fills meanwhile
        writer.publish()
    assert time.monotonic() - started < 10  # not a wait for space that never comes
    assert held.started and writer.stuck
    assert store.current_generation(path) == 1  # nothing half-published
    held.release.set()


def test_a_slow_checkpoint_on_a_disk_with_room_is_waited_for(tmp_path, monkeypatch):
    path = tmp_path / "s"
    monkeypatch.setattr(store, "STALL_SECONDS", 0.2)
    with store.writing(path) as writer:
        writer.put_graph(G, [quad("a", "1")])
        writer.store = held = _Checkpoints(writer.store)
        threading.Timer(1.0, held.release.set).start()
        assert writer.publish() == 1
    assert len(store.open_snapshot(path)[1]) == 1


def test_a_failed_checkpoint_leaves_no_partial_snapshot_and_the_next_publication_succeeds(tmp_path):
    path = tmp_path / "s"
    with store.writing(path) as writer:
        writer.put_graph(G, [quad("a", "1")])
    with store.writing(path, publish=False) as writer:
        writer.put_graph(G2, [quad("b", "2", G2)])
        real = writer.store
        writer.store = _Checkpoints(real, fail=OSError(28, "No space left on device"))
        with pytest.raises(store.StoreWriteError, match="No space left on device"):
            writer.publish()
        assert sorted(p.name for p in (path / "snapshots").iterdir()) == ["000000000001", "000000000001.lock"]
        writer.store = real
        assert writer.publish() == 2
    assert len(store.open_snapshot(path)[1]) == 2


def test_a_checkpoint_given_up_on_is_cleaned_by_the_next_publication(tmp_path):
    path = tmp_path / "s"
    with store.writing(path) as writer:
        writer.put_graph(G, [quad("a", "1")])
    (path / "snapshots" / "000000000002.tmp").mkdir()
    with store.writing(path) as writer:
        writer.put_graph(G2, [quad("b", "2", G2)])
    assert not list((path / "snapshots").glob("*.tmp"))
    assert store.current_generation(path) == 2


def test_an_io_error_of_the_event_index_on_a_full_disk_names_the_full_disk(tmp_path, monkeypatch):
    def failing():
        exc = sqlite3.OperationalError("disk I/O error")
        exc.sqlite_errorcode = 778  # SQLITE_IOERR_WRITE
        raise exc

    room = _disk_of(monkeypatch, 0)
    with pytest.raises(store.StoreWriteError, match=r"could not write the store: \[Errno 28\] No space left"), \
            store._writes(tmp_path):
        failing()
    room[0] = 10 << 30
    with pytest.raises(store.StoreWriteError, match="could not write the store: disk I/O error"), \
            store._writes(tmp_path):
        failing()


def _whole_change(path: Path, *, bulk: bool, monkeypatch) -> set[Quad]:
    """An incident-like change: one subject rewritten (some statements kept), one new, and a
    statement of another graph, through the bulk loader or a transaction."""
    monkeypatch.setattr(store, "BULK_SUBJECTS", 1 if bulk else 10**9)
    with store.writing(path) as writer:
        writer.put_graph(G, [quad("a", "1"), quad("a", "2"), quad("b", "3")])
        writer.put_graph(G2, [quad("c", "4", G2)])
        writer.change(remove=[quad("a", "1"), quad("a", "2"), quad("c", "4", G2)],
                      add=[quad("a", "2"), quad("a", "5"), quad("d", "6"), quad("c", "7", G2)],
                      whole_subjects_of=G)
        assert not (path / store.BULK_PENDING).exists()
        return set(writer.quads())


def test_whole_subjects_added_through_the_bulk_loader_land_as_a_transaction_lands_them(tmp_path, monkeypatch):
    bulk = _whole_change(tmp_path / "bulk", bulk=True, monkeypatch=monkeypatch)
    plain = _whole_change(tmp_path / "plain", bulk=False, monkeypatch=monkeypatch)
    assert bulk == plain == {quad("a", "2"), quad("a", "5"), quad("b", "3"), quad("d", "6"), quad("c", "7", G2)}


def test_the_next_writer_removes_the_subjects_of_an_unfinished_bulk_load_from_their_graph_only(tmp_path):
    path = tmp_path / "s"
    with store.writing(path) as writer:
        writer.put_graph(G, [quad("a", "1"), quad("b", "2"), quad("c", "3")])
        writer.put_graph(G2, [quad("a", "4", G2)])
    # a writer died while adding the statements of a and c to G (the load had begun)
    (path / store.BULK_PENDING).write_text(json.dumps(
        {"graphs": [], "subjects": {G: ["https://example.org/a", "https://example.org/c"]}}))
    with store.writing(path) as writer:
        assert set(writer.quads()) == {quad("b", "2"), quad("a", "4", G2)}
    assert not (path / store.BULK_PENDING).exists()


NO_THREAD_ROOM = """
import resource, sys, threading
from pathlib import Path
from pyoxigraph import RdfFormat
from conflictkg import store
path = Path(sys.argv[1])
with store.writing(path) as writer:
    writer.load('<https://example.org/s> <https://example.org/p> "o" <https://example.org/g> .',
                format=RdfFormat.N_QUADS)
    # a query worker's state: a deep stack for new threads, little address space left
    used = int(next(line for line in open("/proc/self/status") if line.startswith("VmSize")).split()[1])
    threading.stack_size(256 << 20)
    resource.setrlimit(resource.RLIMIT_AS, (used * 1024 + (128 << 20), resource.RLIM_INFINITY))
print(store.current_generation(path))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the process's size from /proc")
def test_a_write_that_can_start_no_thread_still_lands(tmp_path):
    """The flush runs in a thread of its own (so a full disk can be given up on); where no
    thread can be had, as in a query worker near its memory limit, it runs in place, and an
    update is not refused with "can't start new thread"."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", NO_THREAD_ROOM, str(tmp_path / "s")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "1"
    _, reader = store.open_snapshot(tmp_path / "s")
    assert len(reader) == 1
