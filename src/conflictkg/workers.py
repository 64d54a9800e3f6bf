"""CPU work spread over worker processes, results back in input order, memory flat.

The batch commands extract and map documents in workers while one process (the
writer) reads files and writes the store. Workers are forked from a process that has
already built its state (the pipeline, with its gazetteers) and has not yet opened the
store, so each worker holds the pipeline without building it again and shares its
pages with the parent until they change. At most ``window`` items are in flight: the
reader stays that far ahead of the writer, whatever the size of the input.

With one job nothing is forked: the same function runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
Key = TypeVar("Key")

_state: Any = None
# Seconds to wait for one item: far past the longest document the commands read (20 MB
# takes minutes), so only an item whose worker died outright (the pool replaces the
# worker but loses its task) reaches it, and fails alone while the run goes on.
ITEM_TIMEOUT = 1800


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _call(fn: Callable[[Any, Any], T], arg: Any) -> T:
    return fn(_state, arg)


class Workers:
    """``with Workers(jobs, state) as workers: workers.map(fn, items)``; ``fn(state, arg)``
    must be a module-level function (it is sent to the workers by name)."""

    def __init__(self, jobs: int, state: Any, *, window: int | None = None) -> None:
        self.jobs = max(1, jobs)
        self.state = state
        self.window = window or self.jobs * 4
        self.pool: Any = None

    def __enter__(self) -> Workers:
        global _state
        if self.jobs > 1:
            _state = self.state
            try:
                self.pool = multiprocessing.get_context("fork").Pool(self.jobs)
            finally:
                _state = None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def map(self, fn: Callable[[Any, Any], T], items: Iterable[tuple[Key, Any]], *,
            on_error: Callable[[Exception], T]) -> Iterator[tuple[Key, T | None]]:
        """(key, fn(state, arg)) for each (key, arg) of ``items``, in order; an arg of None is
        passed through as (key, None) without a call, and an arg that cannot be sent to a
        worker, or a call that raises, gives (key, on_error(exception)). ``items`` is read
        in this process, at most ``window`` ahead of what has been returned."""
        if self.pool is None:
            for key, arg in items:
                yield key, (None if arg is None else _guarded(fn, self.state, arg, on_error))
            return
        pending: deque[tuple[Key, Any]] = deque()
        for key, arg in items:
            pending.append((key, None if arg is None else self.pool.apply_async(_call, (fn, arg))))
            while len(pending) >= self.window:
                yield _next(pending, on_error)
        while pending:
            yield _next(pending, on_error)


def _guarded(fn: Callable[[Any, Any], T], state: Any, arg: Any, on_error: Callable[[Exception], T]) -> T:
    try:
        return fn(state, arg)
    except Exception as exc:
        return on_error(exc)


def _next(pending: deque, on_error: Callable[[Exception], Any]) -> tuple[Any, Any]:
    key, result = pending.popleft()
    if result is None:
        return key, None
    try:
        return key, result.get(ITEM_TIMEOUT)
    except multiprocessing.TimeoutError:  # the worker died on it (killed, out of memory)
        return key, on_error(TimeoutError(f"no answer from its worker in {ITEM_TIMEOUT} s"))
    except Exception as exc:  # raised in the worker, or while sending it the work
        return key, on_error(exc)
