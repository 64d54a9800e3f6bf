"""The package installs anywhere: the wheel, installed without -e in a fresh virtual
environment, runs the commands from a folder that is not the checkout.

Slow (a build and an install of every dependency); skipped, with the reason, where the
wheel cannot be built or its dependencies cannot be installed (no package index).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conflictkg.ingest import extractor_version
from conflictkg.reference import load_bundle

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def run(*args: str | Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=900, **kwargs)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str], Path]:
    """(the fresh environment's bin folder, an environment for its commands, a folder
    outside the checkout to run them in)."""
    work = tmp_path_factory.mktemp("wheel")
    built = run(sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", ROOT)
    if built.returncode != 0:
        pytest.skip(f"the wheel cannot be built here: {built.stderr.strip()[-300:]}")
    (wheel,) = (work / "dist").glob("conflictkg-*.whl")
    assert run(sys.executable, "-m", "venv", work / "venv").returncode == 0
    bin_dir = work / "venv" / "bin"
    pip = run(bin_dir / "pip", "install", "-q", wheel)
    if pip.returncode != 0:
        pytest.skip(f"the dependencies cannot be installed here: {pip.stderr.strip()[-300:]}")
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": os.environ.get("HOME", str(work))}
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    return bin_dir, env, elsewhere


def conflictkg(installed, *args: str | Path) -> subprocess.CompletedProcess:
    bin_dir, env, elsewhere = installed
    return run(bin_dir / "conflictkg", *args, env=env, cwd=elsewhere)


def test_the_installed_package_is_not_the_checkout_and_carries_the_same_bundle(installed):
    bin_dir, env, elsewhere = installed
    found = run(bin_dir / "python", "-c", "import conflictkg.reference as r; "
                "print(r.load_bundle().root); print(r.sample_corpus())", env=env, cwd=elsewhere)
    bundle, corpus = map(Path, found.stdout.split())
    assert bin_dir.parent in bundle.parents and bin_dir.parent in corpus.parents
    version = conflictkg(installed, "version").stdout
    assert extractor_version(load_bundle()) in version  # the same data, so the same hash


def test_extract_ingest_validate_and_query_from_another_folder(installed):
    bin_dir, env, elsewhere = installed
    corpus = Path(run(bin_dir / "python", "-c", "import conflictkg.reference as r; print(r.sample_corpus())",
                      env=env, cwd=elsewhere).stdout.strip())
    extracted = conflictkg(installed, "extract", corpus, "--metadata", corpus / "manifest.jsonl",
                           "--output-dir", "out")
    assert extracted.returncode == 0, extracted.stderr
    assert len(list((elsewhere / "out").glob("*.json"))) == 5
    first = json.loads((elsewhere / "out" / "001_2de9ca7cda8d2466.json").read_text(encoding="utf-8"))
    assert first["claims"] and first["document"]["publisher"] == "Syrian Observatory for Human Rights"
    ingested = conflictkg(installed, "ingest", corpus, "--metadata", corpus / "manifest.jsonl",
                          "--store", "store")
    assert ingested.returncode == 0 and "5 added" in ingested.stderr, ingested.stderr
    validated = conflictkg(installed, "validate", "--store", "store")
    assert validated.returncode == 0 and validated.stdout.startswith("conforms"), validated.stdout[-500:]
    counted = conflictkg(installed, "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?c }", "--store", "store",
                         "--format", "csv")
    assert int(counted.stdout.split()[1]) > 10_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(installed, *args: str) -> Iterator[str]:
    """The installed command serving on a free port, run from outside the checkout."""
    bin_dir, env, elsewhere = installed
    port = _free_port()
    proc = subprocess.Popen([str(bin_dir / "conflictkg"), *args, "--port", str(port)], env=env,
                            cwd=elsewhere, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "the server did not start"
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def serves_the_bundle(base: str) -> None:
    page = httpx.get(base + "/", timeout=30).text
    assert all(f'data-example="{e.name}"' in page for e in load_bundle().examples)
    assert "@context" in httpx.get(base + "/api/v1/context.jsonld", timeout=30).json()
    assert httpx.get(base + "/api/v1/events", params={"limit": 5}, timeout=30).json()["items"]


def test_demo_then_serve_from_another_folder(installed):
    with serving(installed, "demo", "--store", "demo-store") as base:
        serves_the_bundle(base)
    with serving(installed, "serve", "--store", "demo-store") as base:
        serves_the_bundle(base)
