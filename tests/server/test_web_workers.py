"""``conflictkg serve --web-workers 2``: two web processes on one port, sharing the store's
event index, with the query workers shared out between them rather than multiplied.

The server runs as a user runs it (the command, on a loopback port); the store is written
by this process meanwhile, as an ingest would, and both web processes list what it wrote.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pyoxigraph import RdfFormat

from conflictkg import store
from conflictkg.config import Settings
from conflictkg.server import sandbox

from .conftest import free_port
from .test_api_index import events_trig

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, subprocess.Popen]]:
    path = tmp_path_factory.mktemp("web") / "store"
    with store.writing(path) as writer:
        writer.load(events_trig("a", ["2015-01-01", "2015-02-01", "2015-03-01"]), format=RdfFormat.TRIG)
    port = free_port()
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("conflictkg")), "serve", "--store", str(path), "--port", str(port),
         "--web-workers", "2", "--query-workers", "2", "--reserved-workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "CONFLICTKG_QUERY_TIMEOUT": "20"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, "the server did not start"
            try:
                httpx.get(url + "/health", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        yield url, path, process
    finally:
        process.terminate()
        process.wait(timeout=60)


def processes(url: str, seen: int = 2) -> dict[int, httpx.Client]:
    """A client kept open to each of ``seen`` web processes (new connections until each is met)."""
    found: dict[int, httpx.Client] = {}
    for _ in range(500):
        client = httpx.Client(base_url=url, timeout=60)
        pid = client.get("/health").json()["process"]
        if pid in found:
            client.close()
        else:
            found[pid] = client
        if len(found) == seen:
            return found
    raise AssertionError(f"met {len(found)} web processes in 500 connections")


def keys(client: httpx.Client) -> list[str]:
    answer = client.get("/api/v1/events", params={"reports": "all"})
    assert answer.status_code == 200, answer.text
    return [e["key"] for e in answer.json()["items"]]


def test_two_web_processes_answer_on_one_port_and_list_the_same_events(server) -> None:
    url, path, _ = server
    clients = processes(url)
    try:
        assert [len(keys(c)) for c in clients.values()] == [3, 3]

        with store.writing(path) as writer:  # another process writes, as an ingest does
            writer.load(events_trig("b", ["2014-06-01"]), format=RdfFormat.TRIG)
        for client in clients.values():  # the index was updated before the publication
            assert keys(client)[0] == "bbbbbbbbbbbbbbbb-0-1"
            described = client.get("/api/v1/events/bbbbbbbbbbbbbbbb-0-1")
            assert described.status_code == 200 and described.json()["kind"] == "battle"
    finally:
        for client in clients.values():
            client.close()


def test_the_query_workers_are_shared_out_not_multiplied(server) -> None:
    url, _, process = server
    for client in processes(url).values():  # both web processes serve: their workers have started
        client.close()
    web = [int(p) for p in subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                                          text=True).stdout.split()]
    workers = [int(p) for w in web for p in subprocess.run(["pgrep", "-P", str(w)], capture_output=True,
                                                           text=True).stdout.split()]
    # the supervisor's children: two web processes (and multiprocessing's resource tracker)
    apps = [w for w in web if subprocess.run(["pgrep", "-P", str(w)], capture_output=True).stdout]
    assert len(apps) == 2
    assert len(workers) == 4  # 2 query + 2 reserved in all: one of each per web process


def test_each_web_process_gets_its_share() -> None:
    one = sandbox.share_out(Settings(query_workers=6, reserved_workers=2, query_memory_total_mb=6000), 2)
    assert (one.query_workers, one.reserved_workers, one.query_memory_total_mb) == (3, 1, 3000)
    least = sandbox.share_out(Settings(query_workers=1, reserved_workers=1, query_memory_total_mb=4000), 4)
    assert (least.query_workers, least.reserved_workers) == (1, 1)
    assert sandbox.share_out(Settings(query_workers=0)).query_workers >= 2
