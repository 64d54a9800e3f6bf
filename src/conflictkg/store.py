"""The on-disk graph store: one writer at a time, any number of readers.

Oxigraph's RocksDB files may be opened read-write by one process only, and opening
them read-only while another process writes is undefined behaviour. So the store
is a folder with two parts:

    {path}/db/                  the primary database; only a writer opens it
    {path}/snapshots/{gen}/     read-only checkpoints (hard links, made in milliseconds)
    {path}/CURRENT              the generation readers should open
    {path}/write.lock           held by the one writer

A writer (``conflictkg ingest``, or the server applying an update) takes the lock,
commits each document as one transaction, and publishes a new snapshot. Readers
(the server's query workers) open the newest snapshot and reopen it when CURRENT
changes: they see new documents without a restart, never a half-written one, and
the generation number keys their result cache.

This is the only module that writes to the store.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store

KEEP_SNAPSHOTS = 3
KEEP_SECONDS = 600.0


class StoreLockedError(OSError):
    """Another process is writing to the store."""


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


def open_snapshot(path: Path) -> tuple[int, Store]:
    """(generation, read-only store) of the newest snapshot; an empty in-memory store
    when nothing has been published yet."""
    path = Path(path)
    gen = current_generation(path)
    if gen == 0:
        return 0, Store()
    return gen, Store.read_only(str(path / "snapshots" / _gen_name(gen)))


class Writer:
    """The store opened for writing. Build it with :func:`writing`."""

    def __init__(self, path: Path, store: Store) -> None:
        self.path = path
        self.store = store
        self.changed = False

    def has_graph(self, graph: str) -> bool:
        return self.store.contains_named_graph(NamedNode(graph))

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
        return len(quads)

    def remove_graph(self, graph: str) -> None:
        self.store.remove_graph(NamedNode(graph))
        self.changed = True

    def update(self, sparql: str, **options: Any) -> None:
        """Run a SPARQL Update request as one transaction."""
        self.store.update(sparql, **options)
        self.changed = True

    def load(self, data: bytes, *, format: RdfFormat, graph: str | None = None) -> None:
        """Parse and add RDF in one transaction."""
        parsed = Store()
        parsed.load(data, format=format, to_graph=NamedNode(graph) if graph else None)
        self.extend(parsed)

    def extend(self, quads: Iterable[Quad]) -> None:
        """Add quads, in any graphs, in one transaction."""
        self.store.extend(quads)
        self.changed = True

    def change(self, *, remove: Iterable[Quad] = (), add: Iterable[Quad] = ()) -> None:
        """Remove some quads, then add others, in any graphs: two transactions, the removals
        (a SPARQL DELETE DATA) and the additions (a bulk insert, many times faster than SPARQL
        for the thousands of statements a batch of incidents may hold). A crash between the
        two leaves the removals done: the caller must be able to write the additions again."""
        remove, add = list(remove), list(add)
        if remove:
            self.store.update(f"DELETE DATA {{\n{_grouped(remove)}\n}}")
            self.changed = True
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
        self.store.flush()
        gen = max(current_generation(self.path), _newest_snapshot(self.path)) + 1
        snapshots = self.path / "snapshots"
        snapshots.mkdir(exist_ok=True)
        target = snapshots / _gen_name(gen)
        if target.exists():
            shutil.rmtree(target)
        self.store.backup(str(target))
        tmp = self.path / "CURRENT.tmp"
        tmp.write_text(f"{gen}\n")
        os.replace(tmp, self.path / "CURRENT")
        self.changed = False
        _collect_old_snapshots(self.path, gen)
        return gen


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
    """Delete snapshots that are neither among the newest few nor recently superseded."""
    now = time.time()
    for snap in sorted((path / "snapshots").iterdir()):
        if not snap.name.isdigit() or int(snap.name) > current - KEEP_SNAPSHOTS:
            continue
        if now - snap.stat().st_mtime > KEEP_SECONDS:
            shutil.rmtree(snap, ignore_errors=True)


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
        store = Store(str(path / "db"))
        writer = Writer(path, store)
        try:
            yield writer
        finally:
            if publish and (writer.changed or current_generation(path) == 0):
                writer.publish()
            del writer.store, store
            fcntl.flock(lock, fcntl.LOCK_UN)
