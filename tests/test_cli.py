"""The command line as a user runs it: real processes, exit codes, a kill -9 mid-ingest."""

from __future__ import annotations

import json
import os
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


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_whole_documents_and_a_rerun_completes(tmp_path):
    docs = tmp_path / "docs"
    _documents(docs, 240)
    reference, killed = tmp_path / "reference", tmp_path / "killed"
    assert conflictkg("ingest", str(docs), "--store", str(reference)).returncode == 0

    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "conflictkg", "ingest", str(docs), "--store", str(killed)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while current_generation(killed) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    def sizes(path: Path, primary: bool) -> dict[str, int]:
        if primary:
            with writing(path, publish=True) as writer:
                store = writer.store
                return {g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g))
                        for g in store.named_graphs()}
        _, store = open_snapshot(path)
        return {g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g)) for g in store.named_graphs()}

    expected = sizes(reference, primary=False)
    partial = sizes(killed, primary=True)
    assert 0 < len(partial) < len(expected)
    incidents = "https://conflictkg.org/graph/incidents"  # rebuilt as documents are linked
    assert all(partial[g] == expected[g] for g in partial if g != incidents), \
        "a document graph was left half-written"

    assert conflictkg("ingest", str(docs), "--store", str(killed)).returncode == 0
    assert sizes(killed, primary=False) == expected


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


def test_ingest_creates_the_store_that_the_other_commands_read(tmp_path):
    store = tmp_path / "new" / "store"
    assert conflictkg("ingest", str(sorted(CORPUS.glob("*.txt"))[2]), "--store", str(store)).returncode == 0
    result = conflictkg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(store),
                        "--format", "csv")
    assert result.returncode == 0 and int(result.stdout.split()[1]) > 80_000
    assert conflictkg("export", str(tmp_path / "dump.nq"), "--store", str(store)).returncode == 0
    assert (tmp_path / "dump.nq").stat().st_size > 1_000_000
