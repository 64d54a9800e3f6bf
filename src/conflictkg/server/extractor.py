"""Extraction for ``POST /api/v1/documents``, in a process of its own, never in the web process.

Extracting a long or hostile text takes seconds of CPU and hundreds of megabytes; in the
web process it would stall every request and could take the server down with it. The
first posted document starts one process (spawned, so it shares nothing with the web
process) that builds the pipeline of the app's bundle once and extracts each posted
text; the web process only maps the result and writes it. A process that dies (out of
memory, say) is replaced at the next request, and its request gets a 503.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from conflictkg.documents import Document
from conflictkg.extract.model import Extraction
from conflictkg.server.engine import busy

_pipeline: Any = None  # in the extraction process: the pipeline, built once


def _start(bundle_root: str) -> None:
    global _pipeline
    from conflictkg.ingest import new_pipeline
    from conflictkg.reference import load_bundle

    _pipeline = new_pipeline(bundle=load_bundle(Path(bundle_root)), freeze=True)


def _extract(document: Document) -> Extraction:
    from conflictkg.ingest import document_info

    return _pipeline.extract(document_info(document), document.text)


class DocumentExtractor:
    """``await extractor.extract(document)``: the document's extraction, made elsewhere."""

    def __init__(self, bundle_root: Path) -> None:
        self.bundle_root = bundle_root
        self._pool: ProcessPoolExecutor | None = None

    async def extract(self, document: Document) -> Extraction:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start, initargs=(str(self.bundle_root),))
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, _extract, document)
        except BrokenProcessPool:
            self.close()
            raise busy("the extraction process stopped (out of memory?) and is being replaced; "
                       "retry shortly", "extraction_failed") from None

    @property
    def pids(self) -> list[int]:
        """The extraction process's id once it has started (none before the first document)."""
        return list(self._pool._processes) if self._pool is not None else []

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
