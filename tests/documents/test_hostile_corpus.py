"""A thousand hostile files mixed with the good sample corpus, in one ``conflictkg ingest``
run: the run is never aborted, each failure is one line naming its file, and every good
document is stored (ingesting the good corpus again finds each of them unchanged)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conflictkg.reference import sample_corpus

from .hostile_corpus import FAMILIES, write_hostile_corpus

pytestmark = pytest.mark.slow
SUMMARY = re.compile(r"(\d+) added, (\d+) replaced, (\d+) unchanged, (\d+) failed")


def ingest(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "conflictkg", "ingest", *map(str, args)],
                          capture_output=True, text=True, timeout=1_500)


def summary(result: subprocess.CompletedProcess[str]) -> tuple[int, ...]:
    found = SUMMARY.search(result.stderr.splitlines()[-1])
    assert found, result.stderr[-2_000:]
    return tuple(map(int, found.groups()))


def test_the_generated_corpus_has_a_thousand_files_of_every_family(tmp_path):
    paths = write_hostile_corpus(tmp_path)
    assert len(paths) >= 1_000
    assert {p.name.split("-0")[0].split("-1")[0] for p in paths} >= set(FAMILIES)
    assert any("\n" in p.name for p in paths) and any('"' in p.name for p in paths)


@pytest.mark.timeout(1_500)  # two ingest runs of a thousand files on a busy machine
def test_a_thousand_hostile_files_never_stop_a_run_and_lose_no_good_document(tmp_path):
    corpus = tmp_path / "corpus"
    write_hostile_corpus(corpus / "hostile")
    good = corpus / "good"
    good.mkdir()
    for path in (*sample_corpus().glob("*.txt"), sample_corpus() / "manifest.jsonl"):
        shutil.copy(path, good)
    store = tmp_path / "store"

    mixed = ingest(corpus, "--metadata", good / "manifest.jsonl", "--store", store)
    assert mixed.returncode == 1, mixed.stderr[-2_000:]  # some files failed, the run went on
    assert "Traceback" not in mixed.stderr
    added, replaced, unchanged, failed = summary(mixed)
    outcomes = mixed.stdout.splitlines()  # one line a document that went in, as it did
    assert len(outcomes) == added + replaced + unchanged > 0
    assert {line.split(": ", 1)[0] for line in outcomes} <= {"added", "replaced", "unchanged"}
    lines = mixed.stderr.splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == failed > 0
    linked = [line for line in lines if line.endswith(" documents linked to incidents")]
    assert len(linked) == 1  # the good documents, linked after they were written
    assert len(lines) == failed + 2  # one line a failure, the documents linked, then the summary: no forged line
    assert all("\n" not in line for line in errors)

    again = ingest(good, "--metadata", good / "manifest.jsonl", "--store", store)
    assert again.returncode == 0, again.stderr
    good_documents = len(list(good.glob("*.txt")))
    assert summary(again) == (0, 0, good_documents, 0)
    assert sorted(again.stdout.splitlines()) == sorted(f"unchanged: {p.name}" for p in good.glob("*.txt"))
