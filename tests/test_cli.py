"""The command line as a user runs it: real processes, exit codes, a kill -9 mid-ingest."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conflictkg.reference import sample_corpus
from conflictkg.store import current_generation, open_snapshot, writing

CORPUS = sample_corpus()


def conflictkg(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "conflictkg", *args], capture_output=True, text=True,
                          timeout=300, **kwargs)


def test_help_documents_every_command():
    result = conflictkg("--help")
    assert result.returncode == 0
    for command in ("ingest", "extract", "serve", "demo", "query", "validate", "export", "link"):
        assert command in result.stdout
    assert "--store" in conflictkg("ingest", "--help").stdout
    assert "--base-iri" in conflictkg("serve", "--help").stdout


def test_extract_writes_one_json_per_document_without_a_store(tmp_path):
    result = conflictkg("extract", *map(str, sorted(CORPUS.glob("*.txt"))), "--metadata",
                        str(CORPUS / "manifest.jsonl"), "--output-dir", str(tmp_path / "out"),
                        cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    outputs = sorted((tmp_path / "out").glob("*.json"))
    assert [p.stem for p in outputs] == [p.stem for p in sorted(CORPUS.glob("*.txt"))]
    first = json.loads(outputs[1].read_text(encoding="utf-8"))
    assert first["document"]["publisher"] == "Syrian Observatory for Human Rights"
    text = sorted(CORPUS.glob("*.txt"))[1].read_text(encoding="utf-8")
    for claim in first["claims"]:
        span = claim["evidence"]
        assert text[span["start"]:span["end"]] == span["text"]
    assert not (tmp_path / "data").exists()


def test_ingest_reports_failures_and_exits_nonzero(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    store = tmp_path / "store"
    result = conflictkg("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt"),
                        str(sorted(CORPUS.glob("*.txt"))[2]), "--store", str(store))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert "empty.txt" in errors[0] and "nope.txt" in errors[1]
    assert "1 added" in result.stderr


def _documents(folder: Path, count: int) -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[1:]]
    folder.mkdir()
    for n in range(count):
        (folder / f"doc{n:04d}.txt").write_text(f"{seeds[n % len(seeds)]}\n\nنسخة رقم {n}\n", encoding="utf-8")


def _graph_sizes(path: Path, *, primary: bool) -> dict[str, int]:
    """Quads per named graph; ``primary``: of the database itself, opened as the next writer
    would open it, rather than of the newest snapshot."""
    if primary:
        with writing(path, publish=True) as writer:
            store = writer.store
            return {g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g))
                    for g in store.named_graphs()}
    _, store = open_snapshot(path)
    return {g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g)) for g in store.named_graphs()}


def _kill_mid_ingest(docs: Path, store: Path, *args: str, env: dict[str, str] | None = None) -> None:
    """Start an ingest and kill -9 it at a random moment once it has published documents (the
    second generation; the first holds the reference graphs)."""
    proc = subprocess.Popen([sys.executable, "-m", "conflictkg", "ingest", str(docs), "--store", str(store), *args],
                            env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while current_generation(store) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(random.uniform(0.0, 1.5))
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while _processes_naming(str(store)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _processes_naming(str(store)), "workers outlived the killed ingest"


def _processes_naming(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text.encode() in (entry / "cmdline").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:  # gone meanwhile
            continue
    return found


INCIDENTS = "https://conflictkg.org/graph/incidents"  # rebuilt as the documents are linked
# small batches, bulk loads and publications, so that a kill finds some committed and some not
SMALL_BATCHES = {"CONFLICTKG_INGEST_BATCH_DOCUMENTS": "7", "CONFLICTKG_PUBLISH_DOCUMENTS": "20",
                 "CONFLICTKG_INGEST_SPOOL_MEGABYTES": "0.5", "CONFLICTKG_INGEST_SPOOL_GROWTH": "0"}


@pytest.fixture(scope="module")
def reference_run(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """240 documents and the quads per graph of one uninterrupted ingest of them: what every
    interrupted run below must reach (made once; the runs only read it)."""
    folder = tmp_path_factory.mktemp("reference")
    docs, reference = folder / "docs", folder / "store"
    _documents(docs, 240)
    assert conflictkg("ingest", str(docs), "--store", str(reference), "--jobs", "2").returncode == 0
    return docs, _graph_sizes(reference, primary=False)


@pytest.mark.slow
@pytest.mark.timeout(900)  # ingests of 240 documents, with linking, on a shared machine
@pytest.mark.parametrize("how", [("--jobs", "1"), ("--jobs", "2"), ("--jobs", "2", "bulk")],
                         ids=["plain", "jobs-2", "jobs-2-bulk"])
def test_kill_9_mid_ingest_leaves_whole_documents_and_a_rerun_completes(tmp_path, how, reference_run):
    docs, expected = reference_run
    killed = tmp_path / "killed"
    bulk = how[-1] == "bulk"
    env = {**SMALL_BATCHES, "CONFLICTKG_INGEST_BULK_LOAD": "true" if bulk else "false"}
    _kill_mid_ingest(docs, killed, *how[:2], env=env)
    partial = _graph_sizes(killed, primary=True)
    assert 2 < len(partial) < len(expected)
    assert all(partial[g] == expected[g] for g in partial if g != INCIDENTS), \
        "a document graph was left half-written"
    assert not (killed / "bulk.pending").exists()

    assert conflictkg("ingest", str(docs), "--store", str(killed), *how[:2], env={**os.environ, **env}).returncode == 0
    assert _graph_sizes(killed, primary=False) == expected


@pytest.fixture
def small_disk(tmp_path):
    """A folder on a tmpfs of 60 MB (mounting needs root: the test is skipped without it)."""
    folder = tmp_path / "small"
    folder.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=60m", "tmpfs", str(folder)]
    if os.geteuid() != 0 or subprocess.run(mount, capture_output=True).returncode != 0:
        pytest.skip("cannot mount a size-limited tmpfs here")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=True)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_full_disk_stops_the_run_with_one_line_and_the_next_run_completes(small_disk, reference_run):
    docs, expected = reference_run
    store = small_disk / "store"
    env = {**os.environ, **SMALL_BATCHES}
    full = conflictkg("ingest", str(docs), "--store", str(store), "--jobs", "2", env=env)
    assert full.returncode == 2, full.stderr
    assert full.stderr.count("\n") == 1 and full.stderr.startswith(f"error: {store}: could not write the store")
    assert "No space left on device" in full.stderr
    published = _graph_sizes(store, primary=False)  # readers still open the store
    assert all(published[g] == expected[g] for g in published if g != INCIDENTS)

    subprocess.run(["mount", "-o", "remount,size=2g", str(small_disk)], check=True)
    partial = _graph_sizes(store, primary=True)
    assert 2 < len(partial) < len(expected)
    assert all(partial[g] == expected[g] for g in partial if g != INCIDENTS), \
        "a document graph was left half-written"
    assert conflictkg("ingest", str(docs), "--store", str(store), "--jobs", "2", env=env).returncode == 0
    completed = _graph_sizes(store, primary=False)
    assert INCIDENTS in completed  # linked, in other batches than the reference's
    assert {g: n for g, n in completed.items() if g != INCIDENTS} == \
        {g: n for g, n in expected.items() if g != INCIDENTS}


def _export_without_times(store: Path, target: Path) -> list[str]:
    assert conflictkg("export", str(target), "--store", str(store)).returncode == 0
    # blank node labels differ from store to store (the ontology's SHACL lists have some)
    return sorted(re.sub(r"_:\w+", "_:b", line) for line in target.read_text(encoding="utf-8").splitlines()
                  if "ontology#ingestedAt" not in line)


def test_jobs_the_bulk_loader_and_the_plain_path_store_the_same_quads(tmp_path):
    docs = tmp_path / "docs"
    _documents(docs, 9)
    seed = (docs / "doc0000.txt").read_text(encoding="utf-8")
    (docs / "doc0100.txt").write_text(seed, encoding="utf-8")  # the same document twice
    (docs / "doc0101.txt").write_text(seed.replace("نسخة", "طبعة"), encoding="utf-8")  # a revision
    (docs / "empty.txt").write_text("")
    with (tmp_path / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        for name in ("doc0000.txt", "doc0100.txt", "doc0101.txt"):
            manifest.write(json.dumps({"file": name, "url": "https://example.org/news/1"}) + "\n")
    runs = {
        "plain": (["--jobs", "1"], {"CONFLICTKG_INGEST_BULK_LOAD": "false",
                                    "CONFLICTKG_INGEST_BATCH_DOCUMENTS": "1"}),
        "jobs-2": (["--jobs", "2"], {"CONFLICTKG_INGEST_BULK_LOAD": "false",
                                     "CONFLICTKG_INGEST_BATCH_DOCUMENTS": "3"}),
        "bulk": (["--jobs", "2"], {"CONFLICTKG_INGEST_BULK_LOAD": "true"}),
    }
    exported = {}
    for name, (args, env) in runs.items():
        result = conflictkg("ingest", str(docs), "--metadata", str(tmp_path / "manifest.jsonl"),
                            "--store", str(tmp_path / name), *args, env={**os.environ, **env})
        assert result.returncode == 1, result.stderr  # the empty file
        assert "10 added, 0 replaced, 1 unchanged, 1 failed" in result.stderr
        exported[name] = _export_without_times(tmp_path / name, tmp_path / f"{name}.nq")
    assert any("wasRevisionOf" in line for line in exported["plain"])
    assert exported["jobs-2"] == exported["plain"]
    assert exported["bulk"] == exported["plain"]


def test_extract_with_jobs_writes_what_one_job_writes(tmp_path):
    files = [str(p) for p in sorted(CORPUS.glob("*.txt"))]
    for jobs in ("1", "2"):
        result = conflictkg("extract", *files, "--metadata", str(CORPUS / "manifest.jsonl"),
                            "--output-dir", str(tmp_path / jobs), "--jobs", jobs)
        assert result.returncode == 0, result.stderr
    one, two = sorted((tmp_path / "1").iterdir()), sorted((tmp_path / "2").iterdir())
    assert [p.name for p in one] == [p.name for p in two] and len(one) == len(files)
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(one, two, strict=True))


def test_the_cli_reference_is_generated_from_the_current_help(tmp_path):
    generated = tmp_path / "cli.md"
    subprocess.run([Path(sys.executable).with_name("typer"), "conflictkg.cli", "utils", "docs", "--name",
                    "conflictkg", "--title", "Command-line reference", "--output", str(generated)],
                   check=True, capture_output=True)
    committed = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
    assert generated.read_text() == committed.read_text(), (
        "regenerate: typer conflictkg.cli utils docs --name conflictkg --title 'Command-line reference' "
        "--output docs/cli.md")


@pytest.mark.parametrize("command", [
    ("query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"), ("validate",), ("export", "dump.nq"), ("serve",),
    ("reextract",), ("link",),
])
def test_a_store_that_does_not_exist_is_an_error_not_an_empty_store(tmp_path, command):
    missing = tmp_path / "no-store"
    result = conflictkg(*command, "--store", str(missing), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"error: {missing}: no store here (`conflictkg ingest` creates one)\n"
    assert result.stdout == ""
    assert not missing.exists() and not (tmp_path / "dump.nq").exists()


def test_a_query_whose_service_is_unreachable_prints_one_line(tmp_path):
    import socket
    with socket.socket() as closed:  # a loopback port that nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    (tmp_path / "empty").mkdir()
    store = tmp_path / "store"
    assert conflictkg("ingest", str(tmp_path / "empty"), "--store", str(store)).returncode == 0
    result = conflictkg("query", f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                        "--store", str(store))
    assert result.returncode == 1
    assert result.stderr.startswith("error: the query failed: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_ingest_creates_the_store_that_the_other_commands_read(tmp_path):
    store = tmp_path / "new" / "store"
    assert conflictkg("ingest", str(sorted(CORPUS.glob("*.txt"))[2]), "--store", str(store)).returncode == 0
    result = conflictkg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(store),
                        "--format", "csv")
    assert result.returncode == 0 and int(result.stdout.split()[1]) > 80_000
    assert conflictkg("export", str(tmp_path / "dump.nq"), "--store", str(store)).returncode == 0
    assert (tmp_path / "dump.nq").stat().st_size > 1_000_000
