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

A full disk ends a write with the disk's error (StoreWriteError), never a wait: a write is
refused unless the disk keeps room to compact the database after it (COMPACTION_ROOM),
and a flush or checkpoint that waits on a disk filled from outside is given up after
STALL_SECONDS, the snapshot it began removed.

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
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
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
# Room a write must leave free for RocksDB to compact afterwards. A compaction writes its
# output before it deletes its input, and one that finds no room is not an error anyone
# sees: RocksDB keeps the database open, retries once space comes back and stops merging
# level-0 files meanwhile; once some 20 of them pile up, every flush (each publication
# flushes, and so does the checkpoint its snapshot is) waits for that space, for ever on
# a disk that stays full. So a write is refused first, with the disk's own error, unless
# the disk can take it twice (its files, then their compaction) and a compaction of the
# whole database besides: with Oxigraph's level-style options the most one compaction
# merges is level 0 and level 1 (a 512 MB target), which COMPACTION_ROOM bounds for a
# large store.
COMPACTION_ROOM = 4 << 30
ROOM_MARGIN = 2 << 20  # the checkpoint's copies (MANIFEST, OPTIONS), the event index, the LOG
QUAD_BYTES = 400  # about what a quad takes on disk in the database, its indexes included
# Additions of whole subjects (an ingest's batch of incidents) from which Writer.change
# goes through the bulk loader: no write-ahead log, and no memtable for the next flush to
# write again; a smaller change (one document linked) stays one transaction.
BULK_SUBJECTS = 10_000
# How long a flush or a checkpoint may wait while the disk lacks that room before the
# writer gives up on it (the disk filled from outside, between two checks of this writer)
STALL_SECONDS = 30.0


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
        # SQLite reports a full disk met while it grows or syncs a file as an I/O error
        full = code == _SQLITE_FULL or _disk_full(path)
        reason = f"[Errno {errno.ENOSPC}] {os.strerror(errno.ENOSPC)}" if full else str(exc)
        raise StoreWriteError(f"{path}: could not write the store: {reason}") from exc


def free_bytes(path: Path) -> int:
    """Bytes an unprivileged writer may still use on the filesystem holding ``path``."""
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


def _disk_full(path: Path) -> bool:
    with contextlib.suppress(OSError):
        return free_bytes(path) < ROOM_MARGIN
    return False


class StoreNotFoundError(FileNotFoundError):
    """There is no store at the path; only ``conflictkg ingest`` creates one."""


def require_store(path: Path) -> Path:
    """``path`` when a store is there, else StoreNotFoundError (nothing is created)."""
    path = Path(path)
    if not ((path / "db").is_dir() or (path / "CURRENT").is_file()):
        raise StoreNotFoundError(f"{path}: no store here (`conflictkg ingest` creates one)")
    return path


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


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
        self.stuck = False  # a flush or checkpoint waits for disk space in a thread given up on
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
            self.ensure_room(len(quads) * QUAD_BYTES)
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
            self.ensure_room(len(nquads))
            self.store.load(nquads, format=RdfFormat.N_QUADS)
        self.changed = True
        if graphs is None:
            self.changes.everything = True
        for graph in graphs or ():
            self.changes.graph(graph)

    def bulk_add_graphs(self, nquads: bytes | IO[bytes], graphs: Sequence[str], *, size: int = 0) -> None:
        """Add new graphs, given as N-Quads (or a stream of them), through Oxigraph's bulk
        loader: less CPU and far fewer bytes written than a transaction for a large batch,
        but not atomic.

        So the graphs (which must not be in the store yet) are first listed in
        ``bulk.pending`` on disk, and the list is removed once the load is flushed; the next
        writer to open a store that still has the list drops those graphs before anything
        else (:func:`writing`). Either way a graph lands whole or not at all. ``size``: the bytes of N-Quads a
        stream holds (a load the disk has no room for is refused, see :meth:`ensure_room`).
        """
        self._undoable_bulk(list(graphs), len(nquads) if isinstance(nquads, bytes) else size,
                            lambda: self.store.bulk_load(nquads, format=RdfFormat.N_QUADS))
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
            self.bulk_add_graphs(stream, spool.graphs, size=spool.size)
        spool.emptied(self.size_on_disk())

    def ensure_room(self, incoming: int) -> None:
        """Refuse (OSError ENOSPC) to write ``incoming`` bytes when the disk could not take
        them and the compaction that follows (see COMPACTION_ROOM): a write the disk cannot
        take fails at once with its error, a compaction that cannot is waited on."""
        shortage = self._shortage(incoming)
        if shortage:
            raise OSError(errno.ENOSPC, shortage)

    def _shortage(self, incoming: int) -> str | None:
        """Why the disk lacks room for ``incoming`` bytes and their compaction (None: it has it)."""
        database = self.size_on_disk()
        needed = 2 * incoming + min(database, COMPACTION_ROOM) + ROOM_MARGIN
        free = free_bytes(self.path)
        if free >= needed:
            return None
        return (f"{os.strerror(errno.ENOSPC)} ({_megabytes(free)} free; writing {_megabytes(incoming)} "
                f"to a database of {_megabytes(database)} needs {_megabytes(needed)}, room to compact included)")

    def _bounded(self, operation: Callable[[], object]) -> None:
        """Run a flush or a checkpoint, giving up on it (OSError ENOSPC) once it has waited
        STALL_SECONDS with the disk short of the room :meth:`ensure_room` asks: RocksDB holds
        both while a compaction that found no room waits for space. The operation is left
        running in its thread and the writer is stuck: it touches the database no more, and
        the next writer (another process) finds what was committed."""
        done = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            try:
                operation()
            except BaseException as exc:  # handed to the waiting thread
                failure.append(exc)
            finally:
                done.set()

        try:
            threading.Thread(target=run, name="conflictkg-flush", daemon=True).start()
        except RuntimeError:  # no thread can be had (a process near its memory limit): the
            operation()  # operation is run in place, without the watch on the disk's room
            return
        short_since = None
        while not done.wait(0.2):
            shortage = self._shortage(0)
            if shortage is None:
                short_since = None
            elif short_since is None:
                short_since = time.monotonic()
            elif time.monotonic() - short_since >= STALL_SECONDS:
                self.stuck = True
                raise OSError(errno.ENOSPC, f"{shortage}; the database waited {STALL_SECONDS:.0f} s for it")
        if failure:
            raise failure[0]

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
        with _writes(self.path):
            self.ensure_room(len(quads) * QUAD_BYTES)
            self.store.extend(quads)
        self.changed = True
        self.changes.quads(quads)

    def change(self, *, remove: Iterable[Quad] = (), add: Iterable[Quad] = (),
               whole_subjects_of: str | None = None) -> None:
        """Remove some quads, then add others, in any graphs: two transactions, the removals
        (a SPARQL DELETE DATA) and the additions (a bulk insert, many times faster than SPARQL
        for the thousands of statements a batch of incidents may hold). A crash between the
        two leaves the removals done: the caller must be able to write the additions again.

        ``whole_subjects_of`` names a graph of which ``add`` holds every statement of each
        subject it adds to (as linking rewrites an incident's subjects whole). When there
        are BULK_SUBJECTS additions or more, that graph's go through the bulk loader
        (:meth:`_bulk_subjects`), the others (in other graphs) in a transaction after them;
        a crash during the load leaves, once the next writer opens the store, what a crash
        between the removals and the additions leaves."""
        remove, add = list(remove), list(add)
        if remove:
            with _writes(self.path):
                self.ensure_room(len(remove) * QUAD_BYTES)  # deletions are written too, until compacted
                self.store.update(f"DELETE DATA {{\n{_grouped(remove)}\n}}")
            self.changed = True
            self.changes.quads(remove)
        if whole_subjects_of is not None and len(add) >= BULK_SUBJECTS:
            graph = NamedNode(whole_subjects_of)
            whole = [q for q in add if q.graph_name == graph]
            if whole and all(isinstance(q.subject, NamedNode) for q in whole):
                self._bulk_subjects(whole_subjects_of, whole)
                add = [q for q in add if q.graph_name != graph]
        if add:
            self.extend(add)

    def _bulk_subjects(self, graph: str, quads: list[Quad]) -> None:
        """Add every statement of some subjects of ``graph`` through the bulk loader, which is
        not atomic: the subjects are first listed in ``bulk.pending`` on disk and the list
        removed once the load is flushed; a writer that finds the list (this one after a
        failure, or the next to open the store) removes those subjects' statements from
        ``graph``, whole or in part (:func:`_undo_unfinished_bulk_load`)."""
        subjects = sorted({q.subject.value for q in quads})
        self._undoable_bulk({"graphs": [], "subjects": {graph: subjects}}, len(quads) * QUAD_BYTES,
                            lambda: self.store.bulk_extend(quads))
        self.changes.quads(quads)

    def _undoable_bulk(self, listed: object, size: int, load: Callable[[], None]) -> None:
        """Run a bulk load (not atomic) with what it adds listed in ``bulk.pending`` first and
        the list removed once the load is flushed; on a failure, or at the next writer's
        opening, what the list names is removed (:func:`_undo_unfinished_bulk_load`)."""
        pending = self.path / BULK_PENDING
        with _writes(self.path):
            self.ensure_room(size)
            _write_synced(pending, json.dumps(listed).encode())
            try:
                load()
                self.store.flush()
            except BaseException:
                try:
                    _undo_unfinished_bulk_load(self.path, self.store)
                except OSError:
                    self.failed = True  # the next writer undoes it
                raise
            pending.unlink()
        self.changed = True

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
        if self.stuck:
            raise StoreWriteError(f"{self.path}: could not write the store: the database waits for disk space")
        # the flush writes what the write-ahead log holds; the checkpoint links, and copies its small files
        self.ensure_room(_wal_bytes(self.path))
        self._bounded(self.store.flush)
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
        try:
            self._bounded(lambda: self.store.backup(str(target)))
        except BaseException:
            if not self.stuck:  # a checkpoint given up on may still write there: the next writer cleans it
                _remove_snapshot(target)
            raise
        tmp = self.path / "CURRENT.tmp"
        tmp.write_text(f"{gen}\n")
        os.replace(tmp, self.path / "CURRENT")
        self.changed = False
        _collect_old_snapshots(self.path, gen)
        return gen


def _wal_bytes(path: Path) -> int:
    """Bytes of the database's write-ahead logs (an upper bound of what a flush writes)."""
    total = 0
    for entry in os.scandir(path / "db"):
        if entry.name.endswith(".log"):
            with contextlib.suppress(FileNotFoundError):
                total += entry.stat(follow_symlinks=False).st_size
    return total


def _remove_snapshot(snapshot: Path) -> None:
    """Delete a snapshot that was never published, and what its checkpoint began."""
    shutil.rmtree(snapshot, ignore_errors=True)
    shutil.rmtree(f"{snapshot}.tmp", ignore_errors=True)  # RocksDB builds a checkpoint there
    Path(f"{snapshot}.lock").unlink(missing_ok=True)


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
    """Drop the graphs of a bulk load that a dead writer left unfinished (whole or in part),
    or the statements of the subjects it was adding to a graph (:meth:`Writer._bulk_subjects`)."""
    pending = path / BULK_PENDING
    try:
        listed = json.loads(pending.read_text())
    except FileNotFoundError:
        return
    except json.JSONDecodeError:  # died while writing the list: the load had not begun
        listed = []
    graphs, subjects = (listed, {}) if isinstance(listed, list) else (listed["graphs"], listed["subjects"])
    for graph in graphs:
        store.remove_graph(NamedNode(graph))
    for graph, iris in subjects.items():
        g = NamedNode(graph)
        for iri in iris:
            for quad in list(store.quads_for_pattern(NamedNode(iri), None, None, g)):
                store.remove(quad)
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
    for unfinished in folder.glob("*.tmp"):  # a checkpoint a writer gave up on (see Writer._bounded)
        shutil.rmtree(unfinished, ignore_errors=True)
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
            if publish and writer.changed and not (writer.failed or writer.stuck):  # committed before a failure
                with contextlib.suppress(StoreWriteError):
                    writer.publish()
            del writer.store, store
            fcntl.flock(lock, fcntl.LOCK_UN)
