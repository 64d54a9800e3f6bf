"""The on-disk graph store: one writer at a time, any number of readers.

Oxigraph's RocksDB files may be opened read-write by one process only, and opening
them read-only while another process writes is undefined behaviour. So the store
is a folder with two parts:

    {path}/db/                  the primary database; only a writer opens it
    {path}/snapshots/{gen}/     read-only checkpoints (hard links, made in milliseconds)
    {path}/snapshots/{gen}.lock held (shared) by each process reading that snapshot
    {path}/CURRENT              the generation readers should open
    {path}/write.lock           held by the one writer
    {path}/bulk.pending         the graphs of a bulk load under way (see Writer.bulk_add_graphs)
    {path}/ingest.spool         new documents gathered for the next bulk load (see conflictkg.spool)

A writer (``conflictkg ingest``, or the server applying an update) takes the lock,
commits whole graphs (a transaction, or a bulk load it can undo), and publishes a new
snapshot. Readers
(the server's query workers) open the newest snapshot and reopen it when CURRENT
changes: they see new documents without a restart, never a half-written one, and
the generation number keys their result cache.

A writer keeps the newest ``KEEP_SNAPSHOTS`` snapshots and deletes older ones, except
those a reader still has open: a reader holds a shared lock on the snapshot's lock file
from before it checks that the snapshot is there until its store is no longer referenced
(released at its process's next :func:`open_snapshot`, or its end), and the writer
deletes a snapshot only while it holds that lock exclusively.

This is the only module that writes to the store.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store

from conflictkg import events_index
from conflictkg.spool import Spool

BULK_PENDING = "bulk.pending"
SPOOL = "ingest.spool"
REFERENCE_STATE = "reference.json"
# snapshots kept beyond those readers hold: each pins the files compaction has since
# replaced, so every one more can cost as much disk as the database
KEEP_SNAPSHOTS = 1


class StoreLockedError(OSError):
    """Another process is writing to the store."""


_SQLITE_FULL = 13
_SQLITE_WRITE_ERRORS = (10, _SQLITE_FULL)  # SQLITE_IOERR, SQLITE_FULL: the disk, not the query


class StoreWriteError(OSError):
    """The store could not be written (a full disk, say); what was committed before stays."""


@contextlib.contextmanager
def _writes(path: Path) -> Iterator[None]:
    try:
        yield
    except StoreWriteError:
        raise
    except OSError as exc:
        raise StoreWriteError(f"{path}: could not write the store: {exc}") from exc
    except sqlite3.OperationalError as exc:  # the event list's index, beside the store
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code not in _SQLITE_WRITE_ERRORS:
            raise
        reason = f"[Errno {errno.ENOSPC}] {os.strerror(errno.ENOSPC)}" if code == _SQLITE_FULL else str(exc)
        raise StoreWriteError(f"{path}: could not write the store: {reason}") from exc


class StoreNotFoundError(FileNotFoundError):
    """There is no store at the path; only ``conflictkg ingest`` creates one."""


def require_store(path: Path) -> Path:
    """``path`` when a store is there, else StoreNotFoundError (nothing is created)."""
    path = Path(path)
    if not ((path / "db").is_dir() or (path / "CURRENT").is_file()):
        raise StoreNotFoundError(f"{path}: no store here (`conflictkg ingest` creates one)")
    return path


def _gen_name(gen: int) -> str:
    return f"{gen:012d}"


def current_generation(path: Path) -> int:
    """The newest published generation, 0 when nothing has been published yet."""
    try:
        return int((Path(path) / "CURRENT").read_text().strip() or 0)
    except (FileNotFoundError, ValueError):
        return 0


# the snapshots this process has opened: (store, the open lock file holding a shared lock)
_readers: list[tuple[Store, int]] = []


def open_snapshot(path: Path) -> tuple[int, Store]:
    """(generation, read-only store) of the newest snapshot; an empty in-memory store
    when nothing has been published yet. The snapshot stays on disk for as long as the
    store returned is referenced."""
    path = Path(path)
    _release_unused_snapshots()
    while True:
        gen = current_generation(path)
        if gen == 0:
            return 0, Store()
        snapshot = path / "snapshots" / _gen_name(gen)
        fd = os.open(f"{snapshot}.lock", os.O_RDONLY | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_SH)
        if not snapshot.is_dir():  # collected since CURRENT was read: read it again
            os.close(fd)
            continue
        store = Store.read_only(str(snapshot))
        _readers.append((store, fd))
        return gen, store


def _release_unused_snapshots() -> None:
    """Unlock the snapshots whose stores nothing but this list refers to any more."""
    for entry in list(_readers):
        if sys.getrefcount(entry[0]) <= 2:  # referred to by the tuple and by this call only
            _readers.remove(entry)
            os.close(entry[1])


class Writer:
    """The store opened for writing. Build it with :func:`writing`."""

    def __init__(self, path: Path, store: Store) -> None:
        self.path = path
        self.store = store
        self.changed = False
        self.failed = False  # a bulk load failed and could not be undone: nothing is published
        self.changes = events_index.Changes()  # what the event list's index must read again

    @property
    def name(self) -> str:
        return str(self.path)

    def has_graph(self, graph: str) -> bool:
        return self.store.contains_named_graph(NamedNode(graph))

    def reference_state(self) -> str | None:
        """The fingerprint of the reference graphs the store holds (None: none recorded)."""
        try:
            return json.loads((self.path / REFERENCE_STATE).read_text()).get("fingerprint")
        except (FileNotFoundError, json.JSONDecodeError, AttributeError):
            return None

    def set_reference_state(self, fingerprint: str, version: str) -> None:
        (self.path / REFERENCE_STATE).write_text(json.dumps({"fingerprint": fingerprint, "version": version}))

    def graph_size(self, graph: str) -> int:
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, NamedNode(graph)))

    def put_graph(self, graph: str | None, quads: Iterable[Quad], *, replace: bool = False) -> int:
        """Write a whole graph (``None``: the default graph) as one transaction: it lands
        whole or not at all.

        With ``replace``, the graph's old content is dropped in the same transaction.
        """
        quads = list(quads)
        name = NamedNode(graph) if graph is not None else DefaultGraph()
        if any(q.graph_name != name for q in quads):
            raise ValueError(f"every quad must be in the graph <{graph}>" if graph is not None
                             else "every quad must be in the default graph")
        with _writes(self.path):
            if replace and (graph is None or self.has_graph(graph)):
                body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
                if graph is None:
                    self.store.update(f"CLEAR SILENT DEFAULT ; INSERT DATA {{\n{body}\n}}")
                else:
                    self.store.update(
                        f"DROP SILENT GRAPH {name} ; INSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")
            else:
                self.store.extend(quads)
        self.changed = True
        self.changes.graph(graph)
        return len(quads)

    def add_graphs(self, nquads: bytes, graphs: Sequence[str] | None = None) -> None:
        """Add whole graphs, given as N-Quads, in one transaction: all of them land or none.
        ``graphs`` names them (unnamed, the event index is read again whole)."""
        with _writes(self.path):
            self.store.load(nquads, format=RdfFormat.N_QUADS)
        self.changed = True
        if graphs is None:
            self.changes.everything = True
        for graph in graphs or ():
            self.changes.graph(graph)

    def bulk_add_graphs(self, nquads: bytes | IO[bytes], graphs: Sequence[str]) -> None:
        """Add new graphs, given as N-Quads (or a stream of them), through Oxigraph's bulk
        loader: less CPU and far fewer bytes written than a transaction for a large batch,
        but not atomic.

        So the graphs (which must not be in the store yet) are first listed in
        ``bulk.pending`` on disk, and the list is removed once the load is flushed; the next
        writer to open a store that still has the list drops those graphs before anything
        else (:func:`writing`). Either way a graph lands whole or not at all.
        """
        pending = self.path / BULK_PENDING
        with _writes(self.path):
            _write_synced(pending, json.dumps(list(graphs)).encode())
            try:
                self.store.bulk_load(nquads, format=RdfFormat.N_QUADS)
                self.store.flush()
            except BaseException:
                try:
                    _undo_unfinished_bulk_load(self.path, self.store)
                except OSError:
                    self.failed = True  # the next writer undoes it
                raise
            pending.unlink()
        self.changed = True
        for graph in graphs:
            self.changes.graph(graph)

    def spool(self, *, floor: int, growth: float) -> Spool:
        """A spool for new graphs in the store's folder (see :mod:`conflictkg.spool`)."""
        return Spool(self.path / SPOOL, floor=floor, growth=growth)

    def spool_graph(self, spool: Spool, nquads: bytes, graph: str) -> None:
        """Append a new graph to ``spool`` (a full disk is a StoreWriteError, as for the store)."""
        with _writes(self.path):
            spool.add(nquads, graph)

    def load_spool(self, spool: Spool) -> None:
        """Bulk-load what ``spool`` holds, then empty it."""
        with _writes(self.path), spool.reader() as stream:
            self.bulk_add_graphs(stream, spool.graphs)
        spool.emptied(self.size_on_disk())

    def size_on_disk(self) -> int:
        """Bytes the database's files take."""
        total = 0
        for entry in os.scandir(self.path / "db"):
            with contextlib.suppress(FileNotFoundError):
                total += entry.stat(follow_symlinks=False).st_blocks * 512
        return total

    def remove_graph(self, graph: str) -> None:
        self.store.remove_graph(NamedNode(graph))
        self.changed = True
        self.changes.graph(graph)

    def update(self, sparql: str, **options: Any) -> None:
        """Run a SPARQL Update request as one transaction."""
        self.store.update(sparql, **options)
        self.changed = True
        self.changes.everything = True

    def load(self, data: bytes, *, format: RdfFormat, graph: str | None = None) -> None:
        """Parse and add RDF in one transaction."""
        parsed = Store()
        parsed.load(data, format=format, to_graph=NamedNode(graph) if graph else None)
        self.extend(parsed)

    def extend(self, quads: Iterable[Quad]) -> None:
        """Add quads, in any graphs, in one transaction."""
        quads = list(quads)
        self.store.extend(quads)
        self.changed = True
        self.changes.quads(quads)

    def change(self, *, remove: Iterable[Quad] = (), add: Iterable[Quad] = ()) -> None:
        """Remove some quads, then add others, in any graphs: two transactions, the removals
        (a SPARQL DELETE DATA) and the additions (a bulk insert, many times faster than SPARQL
        for the thousands of statements a batch of incidents may hold). A crash between the
        two leaves the removals done: the caller must be able to write the additions again."""
        remove, add = list(remove), list(add)
        if remove:
            self.store.update(f"DELETE DATA {{\n{_grouped(remove)}\n}}")
            self.changed = True
            self.changes.quads(remove)
        if add:
            self.extend(add)

    def quads(self, subject: NamedNode | None = None, predicate: NamedNode | None = None,
              object: Any = None, graph: NamedNode | None = None) -> list[Quad]:
        """The quads that match a pattern (None matches anything)."""
        return list(self.store.quads_for_pattern(subject, predicate, object, graph))

    def query(self, sparql: str, **options: Any) -> Any:
        return self.store.query(sparql, **options)

    def publish(self) -> int:
        """Make what is committed visible to readers as a new snapshot generation."""
        with _writes(self.path):
            return self._publish()

    def _publish(self) -> int:
        if self.failed:
            raise StoreWriteError(f"{self.path}: a failed bulk load is not undone yet; nothing is published")
        self.store.flush()
        published = current_generation(self.path)
        gen = max(published, _newest_snapshot(self.path)) + 1
        # The event list's index first: it may be a moment ahead of readers, never behind.
        events_index.update(self.path, self.store, self.changes, gen, published=published)
        self.changes = events_index.Changes()
        snapshots = self.path / "snapshots"
        snapshots.mkdir(exist_ok=True)
        target = snapshots / _gen_name(gen)
        if target.exists():
            shutil.rmtree(target)
        Path(f"{target}.lock").touch()
        self.store.backup(str(target))
        tmp = self.path / "CURRENT.tmp"
        tmp.write_text(f"{gen}\n")
        os.replace(tmp, self.path / "CURRENT")
        self.changed = False
        _collect_old_snapshots(self.path, gen)
        return gen


def _write_synced(target: Path, data: bytes) -> None:
    with open(target, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _undo_unfinished_bulk_load(path: Path, store: Store) -> None:
    """Drop the graphs of a bulk load that a dead writer left unfinished (whole or in part)."""
    pending = path / BULK_PENDING
    try:
        graphs = json.loads(pending.read_text())
    except FileNotFoundError:
        return
    except json.JSONDecodeError:  # died while writing the list: the load had not begun
        graphs = []
    for graph in graphs:
        store.remove_graph(NamedNode(graph))
    store.flush()
    pending.unlink()


def _grouped(quads: list[Quad]) -> str:
    """Quads as the body of a DELETE DATA, one GRAPH block per graph."""
    by_graph: dict[Any, list[str]] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(f"{q.subject} {q.predicate} {q.object} .")
    return "\n".join("\n".join(lines) if isinstance(graph, DefaultGraph)
                     else f"GRAPH {graph} {{\n" + "\n".join(lines) + "\n}"
                     for graph, lines in by_graph.items())


def _newest_snapshot(path: Path) -> int:
    folder = path / "snapshots"
    gens = [int(p.name) for p in folder.iterdir() if p.name.isdigit()] if folder.exists() else []
    return max(gens, default=0)


def _collect_old_snapshots(path: Path, current: int) -> None:
    """Delete the snapshots older than the newest ``KEEP_SNAPSHOTS`` that no reader holds."""
    folder = path / "snapshots"
    gens = {int(p.name.removesuffix(".lock")) for p in folder.iterdir()
            if p.name.removesuffix(".lock").isdigit()}
    for gen in sorted(g for g in gens if g <= current - KEEP_SNAPSHOTS):
        snap = folder / _gen_name(gen)
        lock = Path(f"{snap}.lock")
        try:
            fd = os.open(lock, os.O_RDONLY | os.O_CREAT, 0o644)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # a reader has it open
            os.close(fd)
            continue
        shutil.rmtree(snap, ignore_errors=True)
        lock.unlink(missing_ok=True)
        os.close(fd)


@contextlib.contextmanager
def writing(path: Path, *, wait: float = 60.0, publish: bool = True) -> Iterator[Writer]:
    """Open the store for writing (creating it when there is none), waiting up to ``wait``
    seconds for another writer.

    On leaving, committed changes are published as a new snapshot for readers.
    """
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    with open(path / "write.lock", "a+") as lock:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreLockedError(f"{path}: another process is writing to the store") from None
                time.sleep(0.05)
        with _writes(path):
            store = Store(str(path / "db"))
            _undo_unfinished_bulk_load(path, store)
            if events_index.stale(path, current_generation(path)):  # older store, or lost
                events_index.rebuild(path, store, current_generation(path))
        writer = Writer(path, store)
        try:
            yield writer
            if publish and (writer.changed or current_generation(path) == 0):
                writer.publish()
        finally:
            if publish and writer.changed and not writer.failed:  # what was committed before a failure
                with contextlib.suppress(StoreWriteError):
                    writer.publish()
            del writer.store, store
            fcntl.flock(lock, fcntl.LOCK_UN)
