"""CPU work spread over worker processes, results back in input order, memory flat.

The batch commands extract and map documents in workers while one process (the
writer) reads files and writes the store. Workers are forked from a process that has
already built its state (the pipeline, with its gazetteers) and has not yet opened the
store, so each worker holds the pipeline without building it again and shares its
pages with the parent until they change. At most ``window`` items are in flight: the
reader stays that far ahead of the writer, whatever the size of the input.

A worker that dies outright (killed, out of memory) is seen at once: a thread of the
parent watches each worker's pipe and its process sentinel, fails the item that worker
was on with the cause (its exit code or signal), gives the items queued behind it to
the others, and forks a replacement. A replacement is forked after the store is open,
so it first closes every file and folder it inherited: it never holds the store's files
(nor keeps deleted ones on disk).

With one job nothing is forked: the same function runs in this process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import stat
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

T = TypeVar("T")
Key = TypeVar("Key")

# Items sent ahead to each worker: it starts the next while the parent is busy (a bulk
# load takes seconds); a death fails only the first, the others go to another worker.
PREFETCH = 2
# An item this large (pickled) is sent only to an idle worker: a worker blocked sending a
# large answer while the parent is blocked sending it a large item would wait forever.
PREFETCH_BYTES = 32_000


class WorkerDied(RuntimeError):
    """The worker process died on the item (killed, out of memory, crashed)."""


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass
class _Task:
    seq: int
    fn: Callable[[Any, Any], Any]
    arg: Any


@dataclass
class _Worker:
    process: Any
    conn: Connection
    sent: deque[_Task] = field(default_factory=deque)  # answered in the order sent


class Workers:
    """``with Workers(jobs, state) as workers: workers.map(fn, items)``; ``fn(state, arg)``
    must be a module-level function (it is sent to the workers by name)."""

    def __init__(self, jobs: int, state: Any, *, window: int | None = None) -> None:
        self.jobs = max(1, jobs)
        self.state = state
        self.window = window or self.jobs * 4
        self.workers: list[_Worker] = []
        self.queued: deque[_Task] = deque()  # submitted, not yet sent to a worker
        self.results: dict[int, tuple[bool, Any]] = {}  # seq -> (ok, value or exception)
        self.lock = threading.Condition()
        self.stopping = False
        self.broken: BaseException | None = None
        self.deaths: list[str] = []  # one line per worker that died, for the caller to read
        self.seq = 0
        self.wake_r = self.wake_w = -1
        self.watcher: threading.Thread | None = None
        self.context = multiprocessing.get_context("fork")

    def __enter__(self) -> Workers:
        if self.jobs > 1:
            self.wake_r, self.wake_w = os.pipe()
            for _ in range(self.jobs):
                self.workers.append(self._start(close_files=False))
            self.watcher = threading.Thread(target=self._watch, name="workers", daemon=True)
            self.watcher.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.watcher is None:
            return
        with self.lock:
            self.stopping = True
        self._wake()
        self.watcher.join()
        for worker in self.workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
            worker.conn.close()
        for worker in self.workers:
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        os.close(self.wake_r)
        os.close(self.wake_w)
        self.watcher, self.workers = None, []

    def _start(self, *, close_files: bool) -> _Worker:
        ours, theirs = self.context.Pipe()
        # the parent's ends of every pipe, which the worker must not hold: a pipe whose
        # parent end only the parent holds breaks when the parent dies, and its worker ends
        parent_ends = [ours.fileno(), *(w.conn.fileno() for w in self.workers), self.wake_r, self.wake_w]
        process = self.context.Process(target=_serve, args=(self.state, theirs, parent_ends, close_files),
                                       daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def map(self, fn: Callable[[Any, Any], T], items: Iterable[tuple[Key, Any]], *,
            on_error: Callable[[Exception], T]) -> Iterator[tuple[Key, T | None]]:
        """(key, fn(state, arg)) for each (key, arg) of ``items``, in order; an arg of None is
        passed through as (key, None) without a call, and an arg that cannot be sent to a
        worker, a call that raises, or a worker that dies on it gives (key, on_error(exception)).
        ``items`` is read in this process, at most ``window`` ahead of what has been returned."""
        if self.watcher is None:
            for key, arg in items:
                yield key, (None if arg is None else _guarded(fn, self.state, arg, on_error))
            return
        pending: deque[tuple[Key, int | None]] = deque()
        for key, arg in items:
            pending.append((key, None if arg is None else self._submit(fn, arg)))
            while len(pending) >= self.window:
                yield self._answer(pending.popleft(), on_error)
        while pending:
            yield self._answer(pending.popleft(), on_error)

    def _submit(self, fn: Callable[[Any, Any], Any], arg: Any) -> int:
        with self.lock:
            self.seq += 1
            self.queued.append(_Task(self.seq, fn, arg))
        self._wake()
        return self.seq

    def _answer(self, item: tuple[Any, int | None], on_error: Callable[[Exception], Any]) -> tuple[Any, Any]:
        key, seq = item
        if seq is None:
            return key, None
        with self.lock:
            while seq not in self.results:
                if self.broken is not None:
                    raise RuntimeError("the workers' watcher failed") from self.broken
                self.lock.wait()
            ok, value = self.results.pop(seq)
        return key, (value if ok else on_error(value))

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            os.write(self.wake_w, b"x")

    def _watch(self) -> None:
        """Send work to the workers, collect their answers, replace the ones that die."""
        try:
            while True:
                with self.lock:
                    if self.stopping:
                        return
                    self._send_queued()
                conns = {worker.conn: worker for worker in self.workers}
                sentinels = {worker.process.sentinel: worker for worker in self.workers}
                ready = wait([*conns, *sentinels, self.wake_r], timeout=1.0)
                if self.wake_r in ready:
                    os.read(self.wake_r, 4096)
                dead = []
                for ready_one in ready:
                    worker = conns.get(ready_one)  # type: ignore[arg-type]
                    if worker is not None:
                        try:
                            self._received(worker, worker.conn.recv())
                        except (EOFError, OSError):
                            dead.append(worker)
                    elif ready_one in sentinels and not sentinels[ready_one].conn.poll():
                        dead.append(sentinels[ready_one])
                for worker in {id(w): w for w in dead}.values():
                    self._replace(worker)
        except BaseException as exc:  # never leave the caller waiting on an answer
            with self.lock:
                self.broken = exc
                self.lock.notify_all()

    def _send_queued(self) -> None:
        for worker in self.workers:
            while self.queued and len(worker.sent) < PREFETCH:
                task = self.queued[0]
                try:
                    data = pickle.dumps((task.seq, task.fn, task.arg))
                except Exception as exc:  # the work cannot be sent (it does not pickle)
                    self.queued.popleft()
                    self.results[task.seq] = (False, exc)
                    self.lock.notify_all()
                    continue
                if worker.sent and len(data) > PREFETCH_BYTES:
                    break
                try:
                    worker.conn.send_bytes(data)
                except (OSError, EOFError):  # the worker is gone: the watcher sees its sentinel
                    break
                worker.sent.append(self.queued.popleft())

    def _received(self, worker: _Worker, answer: tuple[int, bool, Any]) -> None:
        seq, ok, value = answer
        with self.lock:
            task = worker.sent.popleft()
            assert task.seq == seq
            self.results[seq] = (ok, value)
            self.lock.notify_all()

    def _replace(self, worker: _Worker) -> None:
        with contextlib.suppress(EOFError, OSError):
            while worker.conn.poll():  # answers it sent before it died
                self._received(worker, worker.conn.recv())
        worker.process.join(timeout=5)
        cause = _death(worker.process.exitcode)
        worker.conn.close()
        with self.lock:
            if worker.sent:  # the item it was on fails; those sent behind it go to another
                task = worker.sent.popleft()
                self.results[task.seq] = (False, WorkerDied(f"its worker process died ({cause})"))
                self.queued.extendleft(reversed(worker.sent))
                self.lock.notify_all()
            self.deaths.append(f"worker {worker.process.pid} died ({cause})")
            self.workers.remove(worker)
            if self.stopping:
                return
        self.workers.append(self._start(close_files=True))


def _death(code: int | None) -> str:
    """A dead process's exit as words: the signal's name, or the exit code."""
    if code is None:
        return "did not exit"
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
        return f"killed by signal {-code}"
    return f"exit code {code}"


def _serve(state: Any, conn: Connection, parent_ends: list[int], close_files: bool) -> None:
    """A worker's loop: (seq, fn, arg) in, (seq, ok, fn(state, arg) or the exception) out."""
    for fd in parent_ends:
        with contextlib.suppress(OSError):
            os.close(fd)
    if close_files:
        _close_inherited_files(conn)
    parent = multiprocessing.parent_process()
    while True:
        # a writer killed outright leaves its workers nothing to do: they end with it
        if parent is not None and parent.sentinel in wait([conn, parent.sentinel]) and not conn.poll():
            return
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        seq, fn, arg = task
        try:
            answer = (seq, True, fn(state, arg))
        except Exception as exc:
            answer = (seq, False, _sendable(exc))
        try:
            conn.send(answer)
        except OSError:  # the writer is gone (it stopped on an error of its own): end quietly
            return
        except Exception as exc:  # the result does not pickle
            try:
                conn.send((seq, False, _sendable(exc)))
            except OSError:
                return


def _sendable(exc: Exception) -> Exception:
    """The exception itself when it pickles, else one that says the same."""
    try:
        pickle.dumps(exc)
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _close_inherited_files(keep: Connection) -> None:
    """Close the files and folders a worker forked from the writer inherited (the store's)."""
    for name in os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else ():
        fd = int(name)
        if fd <= 2 or fd == keep.fileno():
            continue
        with contextlib.suppress(OSError):
            mode = os.fstat(fd).st_mode
            if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
                os.close(fd)


def _guarded(fn: Callable[[Any, Any], T], state: Any, arg: Any, on_error: Callable[[Exception], T]) -> T:
    try:
        return fn(state, arg)
    except Exception as exc:
        return on_error(exc)
