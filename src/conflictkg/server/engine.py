"""The query engine the web process talks to: worker processes, limits, cache, writes.

Every query goes to a worker process (see :mod:`conflictkg.server.worker`) over a
socket pair whose answers are read on the event loop itself, with no thread hop
(:mod:`conflictkg.server.worker_link`), so the loop keeps serving (``/health``
answers while a runaway query runs). A query that overruns ``query_timeout`` has its
worker killed and replaced, and its client gets a 503; a new worker takes queries only once
it has opened the store, and one that fails to start is started again.

The SPARQL endpoint's queries wait for its ``query_workers`` in lanes by guessed cost
(:mod:`conflictkg.server.cost`: a static look at the query, corrected by what its shape
took before), so a cheap query never waits behind heavy ones; each waits at most
``queue_wait`` (a heavy one, while fewer than ``heavy_queue`` wait, up to
``query_timeout``), and only then gets a 503 with Retry-After. The API's and the pages' own
queries also have the ``reserved_workers``. Past ``max_concurrent_queries`` evaluated or
waiting at once, a request gets its 503 at once (a guard against floods).

Results are cached by (store generation, request); a new generation empties the
cache. Writes go through :meth:`QueryEngine.write`, which holds the store's writer
lock and publishes a new snapshot that the workers open on their next job.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import multiprocessing
import os
import shutil
import signal
import tempfile
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from conflictkg import backend
from conflictkg import store as kgstore
from conflictkg.config import Settings
from conflictkg.server import cost, federation, sandbox, worker
from conflictkg.server.errors import HttpError
from conflictkg.server.worker_link import WorkerProcess

log = logging.getLogger(__name__)
T = TypeVar("T")
CACHE_ENTRY_LIMIT = 4 << 20  # larger results are not kept in memory
CACHE_BYTES = 256 << 20  # nor more than this in all
STREAM_CHUNK = 1 << 16
RETRY_AFTER = 2  # seconds, in the Retry-After of a 503
STARTUP_SECONDS = 120  # the longest the engine waits for its workers to start
RESTART_BACKOFF, RESTART_BACKOFF_MAX = 0.5, 30.0  # seconds before a failed start is retried
XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + n for n in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                               "positiveInteger", "negativeInteger", "nonPositiveInteger",
                               "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOATS = {XSD + "decimal", XSD + "double", XSD + "float"}


@dataclass
class QueryResult:
    """A serialised result: bytes, or for a large one an async iterator over its file."""

    body: bytes | AsyncIterator[bytes]
    media_type: str
    generation: int
    length: int | None = None
    stable: bool = True  # the same request gives the same result until the store changes

    async def read(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        return b"".join([chunk async for chunk in self.body])


async def _stream_file(path: str) -> AsyncIterator[bytes]:
    """A result file's content, read in a thread; the file is unlinked as soon as it is open."""
    loop = asyncio.get_running_loop()
    with open(path, "rb") as f:
        os.unlink(path)
        while chunk := await loop.run_in_executor(None, f.read, STREAM_CHUNK):
            yield chunk


def _result(payload: tuple, generation: int) -> QueryResult:
    media_type, body = payload
    if isinstance(body, worker.Spilled):
        return QueryResult(_stream_file(body.path), media_type, generation, body.size)
    return QueryResult(body, media_type, generation, len(body))


def entry_size(key: tuple, result: QueryResult) -> int:
    """What a cached result holds in memory, its key (the query text, which may be a
    megabyte) included: both count against ``CACHE_BYTES``."""
    size = len(result.body) if isinstance(result.body, bytes) else 0
    for part in key:
        if isinstance(part, str):
            size += len(part)
        elif isinstance(part, tuple):
            size += sum(len(p) if isinstance(p, str) else len(repr(p)) for p in part)
    return size


def busy(message: str, code: str = "busy") -> HttpError:
    """A 503 that says when to ask again: every 503 of the engine carries ``Retry-After``."""
    return HttpError(503, message, code=code, headers={"Retry-After": str(RETRY_AFTER)})


class QueryEngine:
    """Runs SPARQL for the web process. Build it per app; ``start`` spawns the workers."""

    def __init__(self, settings: Settings) -> None:
        settings = sandbox.share_out(settings)  # the machine's defaults made explicit
        self.settings = settings
        self._context = multiprocessing.get_context("spawn")
        self._idle: asyncio.LifoQueue[WorkerProcess] | None = None
        self._lanes: cost.Lanes | None = None
        self.history = cost.History()  # what each shape of query took
        self._workers: list[WorkerProcess] = []
        self._starting: set[asyncio.Future] = set()  # workers opening the store, not yet idle
        self._threads = ThreadPoolExecutor(max_workers=min(32, settings.max_concurrent_queries + 2),
                                           thread_name_prefix="conflictkg-query")
        self._in_flight = 0
        self._cache: OrderedDict[tuple, QueryResult] = OrderedDict()
        self._cache_generation = -1
        self._cache_bytes = 0
        self.cache_hits = self.cache_misses = 0
        self._write_lock = asyncio.Lock()
        self._spill_dir: str | None = None
        self.location = backend.location(settings)  # a folder, or a SPARQL server's endpoints
        self._watch = backend.watch(self.location)
        self.worker_memory_mb = sandbox.worker_memory_mb(settings)
        if 0 < self.worker_memory_mb < sandbox.LEAST_WORKER_MB:
            log.warning("each query worker may use %s MiB (query_memory_total_mb over %s workers): below "
                        "about %s MiB a worker cannot open the store", self.worker_memory_mb,
                        settings.query_workers, sandbox.LEAST_WORKER_MB)
        self.limits = federation.Limits(
            allowlist=settings.allow_service, max_length=settings.max_query_length,
            max_depth=settings.max_query_depth, max_calls=settings.max_service_calls)
        # The JSON-LD context that compacted JSON-LD results are written with (the app sets it).
        self.context_file: str | None = None

    @property
    def generation(self) -> int:
        return self._watch.current()

    @property
    def in_flight(self) -> int:
        """Queries being evaluated or waiting for a worker."""
        return self._in_flight

    @property
    def results_dir(self) -> str | None:
        """Where large results wait to be streamed (each file is deleted once sent)."""
        return self._spill_dir

    @property
    def cache_size(self) -> int:
        return len(self._cache)

    async def start(self) -> None:
        self._idle = asyncio.LifoQueue()  # the last worker used is the warmest
        self._spill_dir = tempfile.mkdtemp(prefix="conflictkg-results-")
        patient = self.settings.heavy_queue
        self._lanes = cost.Lanes(self.settings.query_workers,
                                 2 * max(1, self.settings.query_workers) if patient < 0 else patient,
                                 self.settings.heavy_borrow)
        for _ in range(max(1, self.settings.query_workers) + max(0, self.settings.reserved_workers)):
            self._add_worker()
        # Ready once every worker has opened the store, so that no first query pays for a
        # worker's start (its imports and the snapshot, seconds on a busy machine) against
        # its timeout.
        await asyncio.gather(*self._starting, return_exceptions=True)

    async def close(self) -> None:
        for task in self._starting:
            task.cancel()
        for w in self._workers:
            w.close()
            w.kill()
        self._workers.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)
        if self._spill_dir:
            shutil.rmtree(self._spill_dir, ignore_errors=True)

    def _add_worker(self, failed_starts: int = 0) -> None:
        w = WorkerProcess(self._context, self.location, self.worker_memory_mb,
                          self.settings.worker_sandbox and backend.local(self.location))
        self._workers.append(w)
        task = asyncio.ensure_future(self._admit(w, failed_starts))
        self._starting.add(task)
        task.add_done_callback(self._starting.discard)

    async def _admit(self, w: WorkerProcess, failed_starts: int) -> None:
        """Put a new worker among the idle ones once it has opened the store.

        A replacement starts while the machine is often at its worst (a worker has just
        been killed for its memory or its time), and one that dies opening the store must
        cost a retry here, never the query that happened to reach it first. Any answer
        admits it: an error (a SPARQL server behind the endpoint that is down) is the
        queries' to report.
        """
        try:
            await w.call({"op": "ping"}, STARTUP_SECONDS)
        except (TimeoutError, EOFError, OSError) as exc:
            delay = min(RESTART_BACKOFF * 2 ** failed_starts, RESTART_BACKOFF_MAX)
            log.warning("a query worker failed to start (%r); another starts in %gs", exc, delay)
            self._drop(w)
            await asyncio.sleep(delay)
            self._add_worker(failed_starts + 1)
            return
        assert self._idle is not None
        self._idle.put_nowait(w)

    def _drop(self, w: WorkerProcess) -> None:
        w.close()
        self._threads.submit(w.kill)
        if w in self._workers:  # not when the engine closed meanwhile
            self._workers.remove(w)

    def _retire(self, w: WorkerProcess) -> None:
        self._drop(w)
        self._add_worker()

    async def _call(self, job: dict, *, endpoint: bool = False, lane: str = cost.MEDIUM,
                    shape: str | None = None) -> tuple[Any, int]:
        """Run a job on a free worker within the limits; (payload, generation).

        A job of the SPARQL endpoint (``endpoint``) holds a place in its ``lane`` among the
        ``query_workers``, waiting at most ``queue_wait`` for one (see :class:`cost.Lanes` for
        heavy queries' longer wait); the API's and the pages'
        jobs take any idle worker, so the ``reserved_workers`` stay theirs while the
        endpoint is saturated. The time a job of a known ``shape`` took is remembered.
        """
        if self._idle is None or self._lanes is None:
            raise busy("the query engine is not running", "not_running")
        if self._in_flight >= self.settings.max_concurrent_queries:
            raise busy(f"too many queries at once (limit {self.settings.max_concurrent_queries}); "
                       "retry shortly")
        if not endpoint:
            return await self._timed(job, shape)
        self._in_flight += 1  # waiting counts
        try:
            since = time.monotonic()
            await self._lanes.acquire(lane, self.settings.queue_wait, self.settings.query_timeout)
        except TimeoutError:
            raise busy(f"the endpoint's query workers for {lane} queries stayed busy for "
                       f"{time.monotonic() - since:.3g} s; retry shortly") from None
        finally:
            self._in_flight -= 1
        try:
            return await self._timed(job, shape)
        finally:
            await self._lanes.release(lane)

    async def _timed(self, job: dict, shape: str | None) -> tuple[Any, int]:
        """A job's answer; the CPU time it took is remembered for its shape (a job stopped
        for its time or memory: the time it ran)."""
        started = time.monotonic()
        try:
            payload, generation, cpu = await self._on_worker(job)
        except HttpError as error:
            if shape is not None and error.code in ("timeout", "out_of_memory"):
                self.history.record(shape, time.monotonic() - started)
            raise
        if shape is not None:
            self.history.record(shape, cpu)
        return payload, generation

    async def _on_worker(self, job: dict) -> tuple[Any, int, float]:
        assert self._idle is not None
        timeout = self.settings.query_timeout
        what = "update" if job["op"] == "update" else "query"
        job["spill_dir"] = self._spill_dir
        self._in_flight += 1
        try:
            try:
                w = self._idle.get_nowait()  # the usual case: no task, no loop turn
            except asyncio.QueueEmpty:
                try:
                    w = await asyncio.wait_for(self._idle.get(), timeout)
                except TimeoutError:
                    raise busy("every query worker stayed busy; retry shortly") from None
            while not w.process.is_alive():  # died while idle (say, the system's OOM killer)
                self._retire(w)
                w = await self._idle.get()
            try:
                answer = await w.call(job, timeout)
            except TimeoutError:
                log.warning("%s stopped after %ss: %.200s", what, timeout, job.get(what))
                self._retire(w)
                raise busy(f"the {what} ran longer than this endpoint's limit of {timeout:g} s and "
                           "was stopped", "timeout") from None
            except asyncio.CancelledError:
                self._retire(w)  # it may still be working on the abandoned job
                raise
            except (EOFError, OSError) as exc:  # IncompleteReadError is an EOFError
                await asyncio.get_running_loop().run_in_executor(self._threads, w.process.join, 5)
                aborted = w.process.exitcode == -signal.SIGABRT
                self._retire(w)
                if aborted and self.worker_memory_mb:
                    raise busy(f"the {what} needed more memory than this endpoint allows "
                               f"({self.worker_memory_mb} MiB) and was stopped", "out_of_memory") from None
                raise busy(f"the query worker failed ({exc!r}) and was replaced; retry shortly",
                           "worker_failed") from None
            self._idle.put_nowait(w)
        finally:
            self._in_flight -= 1
        if answer[0] == "error":
            _, status, code, message, _ = answer
            raise HttpError(status, message, code=code)
        return answer[1], answer[2], answer[3]

    def _cached(self, key: tuple) -> QueryResult | None:
        generation = self.generation
        if generation != self._cache_generation:
            self._clear_cache()
            self._cache_generation = generation
        hit = self._cache.get((generation, *key))
        if hit is None:
            self.cache_misses += 1
        else:
            self.cache_hits += 1
            self._cache.move_to_end((generation, *key))
        return hit

    def _remember(self, key: tuple, result: QueryResult) -> None:
        if (self.settings.cache_entries <= 0 or result.generation != self._cache_generation
                or not isinstance(result.body, bytes) or len(result.body) > CACHE_ENTRY_LIMIT):
            return
        full_key = (result.generation, *key)
        if full_key in self._cache:
            return
        self._cache[full_key] = result
        self._cache_bytes += entry_size(full_key, result)
        while len(self._cache) > self.settings.cache_entries or self._cache_bytes > CACHE_BYTES:
            dropped_key, dropped = self._cache.popitem(last=False)
            self._cache_bytes -= entry_size(dropped_key, dropped)

    def _clear_cache(self) -> None:
        self._cache.clear()
        self._cache_bytes = 0

    async def run(self, query: str, *, accept: str | None, default_graph_uris=(),
                  named_graph_uris=(), substitutions: dict[str, str] | None = None,
                  format: str | None = None, base_iri: str | None = None,
                  endpoint: bool = False) -> QueryResult:
        """Evaluate a query and serialise its result in the format the client accepts;
        ``endpoint`` for the SPARQL endpoint's requests, which never take a reserved worker."""
        key = ("query", query, accept, format, base_iri, tuple(default_graph_uris),
               tuple(named_graph_uris), tuple(sorted((substitutions or {}).items())))
        hit = self._cached(key)
        if hit is not None:
            return hit
        query, federated, guess = await self._federate(query, base_iri)
        lane = self.history.lane(guess) if guess is not None else cost.MEDIUM
        payload, generation = await self._call({
            "op": "query", "query": query, "accept": accept, "format": format, "base_iri": base_iri,
            "default_graphs": list(default_graph_uris), "named_graphs": list(named_graph_uris),
            "substitutions": substitutions or None, "max_bytes": self.settings.max_result_bytes,
            "context": self.context_file}, endpoint=endpoint, lane=lane,
            shape=guess.shape if guess is not None else None)
        result = _result(payload, generation)
        result.stable = not federated
        if not federated:
            self._remember(key, result)
        return result

    async def _federate(self, text: str, base_iri: str | None, *,
                        update: bool = False) -> tuple[str, bool, cost.Estimate | None]:
        """The text read once (in a thread: bounds, then what it calls) and refused, or
        with its allowed SERVICE clauses evaluated; whether it had any; its guessed cost."""
        loop = asyncio.get_running_loop()
        plan = await loop.run_in_executor(self._threads, functools.partial(
            federation.plan, text, self.limits, base_iri=base_iri, update=update))
        if not plan.clauses:
            return text, False, plan.estimate
        text = await federation.evaluate(plan, timeout=self.settings.service_timeout,
                                         max_bytes=self.settings.max_result_bytes)
        await loop.run_in_executor(self._threads, functools.partial(
            federation.recheck, text, self.limits, base_iri=base_iri, update=update))
        return text, True, plan.estimate

    async def read_graph(self, graph: str | None, *, accept: str | None,
                         format: str | None = None) -> QueryResult:
        """One graph of the store (``None``: the default graph) for the Graph Store Protocol."""
        payload, generation = await self._call({
            "op": "graph", "graph": graph, "accept": accept, "format": format,
            "max_bytes": self.settings.max_result_bytes}, endpoint=True)
        return _result(payload, generation)

    async def select_terms(self, query: str,
                           substitutions: dict[str, str] | None = None) -> list[dict[str, dict]]:
        """SELECT rows as SPARQL JSON term dicts (``{"type": "uri", "value": …}``)."""
        result = await self.run(query, accept=None, format="json", substitutions=substitutions)
        data = json.loads(await result.read())
        if "results" not in data:
            raise HttpError(400, "select() needs a SELECT query", code="not_a_select")
        return data["results"]["bindings"]

    async def select(self, query: str,
                     substitutions: dict[str, str] | None = None) -> list[dict[str, object]]:
        """SELECT rows as plain Python values (None where a variable is unbound)."""
        result = await self.run(query, accept=None, format="json", substitutions=substitutions)
        data = json.loads(await result.read())
        variables = data["head"]["vars"]
        return [{v: python_value(row.get(v)) for v in variables}
                for row in data["results"]["bindings"]]

    async def construct(self, query: str, substitutions: dict[str, str] | None = None, *,
                        format: str) -> bytes:
        """A CONSTRUCT or DESCRIBE result serialised as ``format`` (a key or a media type)."""
        if "/" in format:
            result = await self.run(query, accept=format, substitutions=substitutions)
        else:
            result = await self.run(query, accept=None, format=format, substitutions=substitutions)
        return await result.read()

    async def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """A SPARQL Update, read and checked (no LOAD; SERVICE clauses resolved here),
        then applied by a query worker, which has no network, under the writer lock."""
        sparql, _, _ = await self._federate(sparql, base_iri, update=True)
        async with self._write_lock:
            await self._call({"op": "update", "update": sparql, "base_iri": base_iri,
                              "store": self.location}, endpoint=True)
        self._watch.forget()
        self._clear_cache()

    async def write(self, fn: Callable[[kgstore.Writer], T]) -> T:
        """Run ``fn`` with the store open for writing, then publish for the workers."""
        async with self._write_lock:
            loop = asyncio.get_running_loop()

            def locked() -> T:
                with backend.writing(self.settings) as writer:
                    return fn(writer)

            result = await loop.run_in_executor(None, locked)
        self._watch.forget()
        self._clear_cache()
        return result


def python_value(term: dict | None) -> object:
    """A SPARQL JSON term as a plain Python value."""
    if term is None:
        return None
    if term["type"] != "literal" and term["type"] != "typed-literal":
        return term["value"] if term["type"] == "uri" else "_:" + term["value"]
    datatype, value = term.get("datatype"), term["value"]
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype in _FLOATS:
            return float(value)
        if datatype == XSD + "boolean":
            return value in ("true", "1")
    except ValueError:
        return value
    return value
