"""Real SPARQL servers for the backend tests, started on loopback in a folder of their own.

``SERVERS[name](folder)`` is a context manager yielding the settings that put ConflictKG's
store on that server (``store``, ``graph_store``, ``update_endpoint``, credentials); it
skips the test, with the reason, when the server cannot be had here:

* ``oxigraph``: ``oxigraph serve`` (PyPI ``oxigraph``, a dev dependency);
* ``virtuoso``: OpenLink Virtuoso Open Source 7 (Debian ``virtuoso-opensource``), with a
  ``virtuoso.ini`` of its own on free ports, updates and graph writes by digest as dba.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
VIRTUOSO = shutil.which("virtuoso-t")
VIRTUOSO_VSP = Path("/var/lib/virtuoso-opensource-7/vsp")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, process: subprocess.Popen, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{what} did not start") from None
            time.sleep(0.1)


@contextlib.contextmanager
def _running(command: list[str], url: str, what: str, log: Path) -> Iterator[None]:
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait(url, process, what)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextlib.contextmanager
def oxigraph(folder: Path) -> Iterator[dict[str, object]]:
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [OXIGRAPH, "serve", "--location", str(folder / "oxigraph"), "--bind", f"127.0.0.1:{port}"]
    with _running(command, url + "/", "the oxigraph server", folder / "oxigraph.log"):
        yield {"store": f"sparql+{url}/query", "store_state": folder / "state"}


VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = {sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = {http_port}
ServerRoot = {vsp}
ServerThreads = 10
MaxClientConnections = 10
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = 100000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 400
"""


def write_virtuoso_ini(folder: Path, http_port: int, sql_port: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port, vsp=VIRTUOSO_VSP))
    return ini


def virtuoso_settings(url: str, folder: Path) -> dict[str, object]:
    """The settings that put the store on a Virtuoso at ``url`` (its dba password dba)."""
    return {"store": f"sparql+{url}/sparql", "graph_store": f"{url}/sparql-graph-crud-auth",
            "update_endpoint": f"{url}/sparql-auth", "store_user": "dba", "store_password": "dba",
            "store_auth": "digest", "store_wkt_crs": False, "store_state": folder / "state"}


@contextlib.contextmanager
def virtuoso(folder: Path) -> Iterator[dict[str, object]]:
    if VIRTUOSO is None:
        pytest.skip("Virtuoso (Debian package virtuoso-opensource) is not installed; .ci/run installs it "
                    "where apt-get is there")
    http_port = free_port()
    ini = write_virtuoso_ini(folder / "virtuoso", http_port, free_port())
    url = f"http://127.0.0.1:{http_port}"
    command = [VIRTUOSO, "+foreground", "+configfile", str(ini)]
    with _running(command, url + "/sparql", "Virtuoso", folder / "virtuoso.out"):
        yield virtuoso_settings(url, folder)


SERVERS = {"oxigraph": oxigraph, "virtuoso": virtuoso}
