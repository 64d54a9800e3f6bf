"""The web process's end of one query worker: the process and its socket pair.

A job is pickled behind its length and written to the socket; the answer is read on
the event loop by a small protocol that puts it back together and settles the
call's future, so a call costs one wake-up. The call's time limit is a timer that
fails that future (cheaper per call than ``asyncio.timeout``, which also has to
cancel and uncancel the task); the engine then kills the worker.
"""

from __future__ import annotations

import asyncio
import pickle
import socket
from typing import Any

from conflictkg.server import worker


class _Answers(asyncio.Protocol):
    """The parent's end of a worker's socket: puts each answer back together from its
    length header and hands it to the call waiting for it, in one wake-up."""

    def __init__(self) -> None:
        self.waiter: asyncio.Future[bytes] | None = None
        self.lost: BaseException | None = None
        self._buffer = bytearray()

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        if len(self._buffer) < worker.HEADER.size:
            return
        (size,) = worker.HEADER.unpack_from(self._buffer)
        end = worker.HEADER.size + size
        if len(self._buffer) >= end:
            message = bytes(self._buffer[worker.HEADER.size:end])
            del self._buffer[:end]
            self._settle(result=message)

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = exc or EOFError("the query worker closed its socket")
        self._settle(error=self.lost)

    def _settle(self, result: bytes | None = None, error: BaseException | None = None) -> None:
        waiter, self.waiter = self.waiter, None
        if waiter is None or waiter.done():
            return
        if error is None:
            waiter.set_result(result)
        else:
            waiter.set_exception(error)


def _expire(waiter: asyncio.Future) -> None:
    if not waiter.done():
        waiter.set_exception(TimeoutError())


class WorkerProcess:
    """One worker process and the parent's end of its socket pair."""

    def __init__(self, context: Any, location: Any, memory_mb: int, isolated: bool = True) -> None:
        self.sock, child = socket.socketpair()
        self.process = context.Process(target=worker.serve, args=(child, location, memory_mb, isolated),
                                       name="conflictkg-query", daemon=True)
        self.process.start()
        child.close()
        self._link: tuple[Any, _Answers] | None = None  # (transport, protocol)

    async def call(self, job: dict, timeout: float) -> tuple:
        """Send a job and wait for its answer on the event loop; TimeoutError after
        ``timeout`` seconds, EOFError or OSError when the worker is gone."""
        loop = asyncio.get_running_loop()
        if self._link is None:
            self._link = await loop.create_unix_connection(_Answers, sock=self.sock)
        transport, answers = self._link
        if answers.lost is not None:
            raise answers.lost
        answers.waiter = waiter = loop.create_future()
        transport.write(worker.framed(job))
        timer = loop.call_later(timeout, _expire, waiter)
        try:
            return pickle.loads(await waiter)
        finally:
            timer.cancel()

    def close(self) -> None:
        """Drop the parent's end (on the event loop); the process is killed by ``kill``."""
        if self._link is not None:
            self._link[0].close()
        else:
            self.sock.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
