"""New documents' N-Quads gathered on disk, compressed, for fewer and larger bulk loads.

Each bulk load into a store ends in compaction that rewrites much of what the store
already holds (the graphs' keys are hashes: every load overlaps the whole key range),
so a load per batch of 500 documents writes the database over and over, and the bytes
written grow with the square of the run. The spool gathers the graphs of many batches in
one file (gzip at its fastest level: about 15 times smaller than the N-Quads, some
0.5 ms a document) and the writer hands the loader the whole file as one stream. A load
waits until the spool's N-Quads reach ``growth`` times the database's size on disk (and
at least ``floor`` bytes): the loads grow with the store, geometrically, so what they
rewrite adds up to a small multiple of the final database, however long the run.

The spool is not the store: a crash loses it, and its documents are simply absent (the
next run extracts them again). Its load is a bulk load under the pending list
(:meth:`conflictkg.store.Writer.bulk_add_graphs`), so each document is whole or absent.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import IO


class Spool:
    """The N-Quads of new graphs, appended to a compressed file until they are loaded."""

    def __init__(self, path: Path, *, floor: int, growth: float) -> None:
        self.path = path
        self.floor = floor
        self.growth = growth
        self.graphs: list[str] = []
        self.size = 0  # bytes of N-Quads, before compression
        self.limit = floor
        self._file: gzip.GzipFile | None = None

    def add(self, nquads: bytes, graph: str) -> None:
        """Append one whole graph."""
        if self._file is None:  # a spool left by a dead run is overwritten
            self._file = gzip.GzipFile(self.path, "wb", compresslevel=1)
        self._file.write(nquads)
        self.graphs.append(graph)
        self.size += len(nquads)

    @property
    def full(self) -> bool:
        return self.size >= self.limit

    def reader(self) -> IO[bytes]:
        """The N-Quads gathered, as a stream (the file is closed for writing first)."""
        if self._file is not None:
            self._file.close()
            self._file = None
        return gzip.open(self.path, "rb")

    def emptied(self, database_bytes: int) -> None:
        """Start again after a load, the next load waiting on the database's new size."""
        self.close()
        self.graphs, self.size = [], 0
        self.limit = max(self.floor, int(self.growth * database_bytes))

    def close(self) -> None:
        """Drop the file (what it held is loaded, or lost with the run)."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self.path.unlink(missing_ok=True)
