"""Ingest: the sample corpus end to end, idempotence, revisions and bad inputs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from conflictkg.config import Settings
from conflictkg.ingest import IngestReport, ingest_paths, link_batch
from conflictkg.ingest import _map_document as map_document
from conflictkg.iris import Iris
from conflictkg.rdf.validate import validate
from conflictkg.reference import sample_corpus
from conflictkg.store import StoreWriteError, open_snapshot
from conflictkg.workers import Workers

CORPUS = sample_corpus()
SEED = sorted(CORPUS.glob("*.txt"))[1]


def quad_count(store_path: Path) -> int:
    return len(open_snapshot(store_path)[1])


def graph_sizes(store_path: Path) -> dict[str, int]:
    _, store = open_snapshot(store_path)
    return {g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g)) for g in store.named_graphs()}


def test_each_document_lands_in_a_graph_of_its_own(corpus_store):
    iris = Iris(corpus_store.base_iri)
    _, store = open_snapshot(corpus_store.store)
    graphs = {g.value for g in store.named_graphs()}
    assert iris.graph("ontology") in graphs and iris.graph("gazetteer") in graphs
    documents = {g for g in graphs if iris.kind_of(g) and iris.kind_of(g)[0] == "document"}
    assert len(documents) == 5
    rows = list(store.query(
        "PREFIX ckg: <https://conflictkg.org/ontology#> PREFIX schema: <https://schema.org/> "
        "SELECT ?d ?sha ?v WHERE { GRAPH ?d { ?d ckg:sha256 ?sha ; ckg:extractorVersion ?v ; "
        "schema:text ?text ; ckg:fileName ?f } }"))
    assert len(rows) == 5
    assert all(row["d"].value.endswith(row["sha"].value) for row in rows)


def test_ingesting_the_same_documents_again_changes_nothing(corpus_store):
    before = graph_sizes(corpus_store.store)
    report = ingest_paths([CORPUS], corpus_store, metadata=CORPUS / "manifest.jsonl")
    assert report.ok and len(report.unchanged) == 5 and not report.added
    assert graph_sizes(corpus_store.store) == before


def test_a_corrected_version_of_the_same_url_is_a_revision(tmp_path):
    settings = Settings(store=tmp_path / "store")
    first, second = tmp_path / "v1", tmp_path / "v2"
    first.mkdir(), second.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (first / "a.txt").write_text(text, encoding="utf-8")
    (second / "a.txt").write_text(text.replace("82", "83", 1), encoding="utf-8")
    meta = {"file": "a.txt", "publisher": "Syrian Observatory for Human Rights",
            "published": "2017-03-25", "url": "https://example.org/news/1"}
    for folder in (first, second):
        (folder / "manifest.jsonl").write_text(json.dumps(meta) + "\n", encoding="utf-8")
        assert ingest_paths([folder], settings).ok
    _, store = open_snapshot(settings.store)
    rows = list(store.query(
        "SELECT ?new ?old WHERE { GRAPH ?new { ?new <http://www.w3.org/ns/prov#wasRevisionOf> ?old } }"))
    assert len(rows) == 1
    assert rows[0]["new"] != rows[0]["old"]
    assert store.contains_named_graph(NamedNode(rows[0]["old"].value))


def test_bad_inputs_get_one_clear_error_each_and_lose_nothing(tmp_path):
    settings = Settings(store=tmp_path / "store")
    assert ingest_paths([SEED], settings).ok
    before = graph_sizes(settings.store)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (bad / "huge.txt").write_text("قصف " * 50_000, encoding="utf-8")
    arabic = "قتل خمسة عناصر من قوات النظام في حي جوبر بدمشق، بحسب المرصد السوري لحقوق الإنسان."
    (bad / "cp1256.txt").write_bytes(arabic.encode("cp1256"))
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text('{"file": "cp1256.txt", "publisher": "Enab Baladi"}\n{not json\n', encoding="utf-8")
    report = ingest_paths([bad, tmp_path / "missing.txt"], settings, metadata=manifest, max_bytes=100_000)
    failures = {str(f) for f in report.failed}
    assert report.added == ["cp1256.txt"]
    for expected in ("empty.txt", "binary.txt", "huge.txt", "missing.txt", "manifest.jsonl:2"):
        assert any(expected in line for line in failures), (expected, failures)
    assert len(report.failed) == 5
    after = graph_sizes(settings.store)
    assert {g: after[g] for g in before} == before
    assert len(after) == len(before) + 1


def test_the_sample_corpus_graph_conforms_to_the_shapes(corpus_store):
    report = validate(open_snapshot(corpus_store.store)[1])
    assert report.conforms, str(report)
    assert report.triples > 80_000  # the gazetteer's places, groups and sources are checked too


FREEZE_COUNT = ("import gc, sys; from conflictkg.ingest import new_pipeline; "
                "new_pipeline(freeze=sys.argv[1] == 'yes'); print(gc.get_freeze_count())")


def test_only_a_batch_process_freezes_its_heap():
    """The batch commands take the gazetteers out of the collector's sight; a library
    caller's process is left as it was (run apart: a freeze lasts as long as its process)."""
    counts = {flag: int(subprocess.run([sys.executable, "-c", FREEZE_COUNT, flag], check=True,
                                       capture_output=True, text=True).stdout)
              for flag in ("yes", "no")}
    assert counts["no"] == 0
    assert counts["yes"] > 10_000


def _times(state: int, x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x * state


def test_workers_answer_in_order_read_a_bounded_window_ahead_and_turn_failures_into_errors():
    pulled = []

    def items():
        for n in range(40):
            pulled.append(n)
            yield n, (None if n == 7 else (lambda: None) if n == 5 else n)  # a lambda cannot be sent

    for jobs in (1, 2):
        pulled.clear()
        with Workers(jobs, 10, window=4) as workers:
            results = []
            for key, value in workers.map(_times, items(), on_error=lambda exc: type(exc).__name__):
                results.append((key, value))
                assert len(pulled) <= key + 1 + 4
        assert isinstance(results[5][1], str)  # the name of the error, whatever it is
        assert results[:5] + results[6:8] == [(0, 0), (1, 10), (2, 20), (3, "ValueError"), (4, 40),
                                              (6, 60), (7, None)]
        assert [k for k, _ in results] == list(range(40))


def _dies_on_three(state: int, x: int) -> int:
    if x == 3:
        os._exit(9)  # a worker that exits outright, in the middle of an item
    return x * state


def test_a_worker_that_dies_fails_its_item_alone_at_once_and_the_rest_go_on():
    started = time.monotonic()
    with Workers(2, 10, window=4) as workers:
        results = list(workers.map(_dies_on_three, ((n, n) for n in range(8)), on_error=str))
        assert workers.deaths and "exit code 9" in workers.deaths[0]
    assert time.monotonic() - started < 30
    assert results[3] == (3, "its worker process died (exit code 9)")
    assert results[:3] + results[4:] == [(0, 0), (1, 10), (2, 20), (4, 40), (5, 50), (6, 60), (7, 70)]


VICTIM = "victim.txt"


def _killed_on_the_victim(state, work):
    """Map a document, except that the worker is killed (kill -9) in the middle of one."""
    document, _ = work
    if document.file.endswith(VICTIM):
        os.kill(os.getpid(), signal.SIGKILL)
    return map_document(state, work)


@pytest.mark.parametrize("bulk", [True, False], ids=["bulk", "transactions"])
def test_a_worker_killed_mid_document_fails_that_document_alone_and_the_run_goes_on(
        tmp_path, monkeypatch, corpus_store, bulk):
    from conflictkg import ingest as ingest_module

    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    text = SEED.read_text(encoding="utf-8")
    (docs / VICTIM).write_text(text.replace("82", "81", 1), encoding="utf-8")
    settings = Settings(store=tmp_path / "store", ingest_bulk_load=bulk, ingest_batch_documents=2)
    monkeypatch.setattr(ingest_module, "_map_document", _killed_on_the_victim)
    started = time.monotonic()
    report = ingest_paths([docs], settings, metadata=docs / "manifest.jsonl", jobs=2)
    assert time.monotonic() - started < 120
    assert [str(f) for f in report.failed] == [f"{VICTIM}: WorkerDied: its worker process died "
                                               "(killed by SIGKILL)"]
    assert len(report.added) == 5
    expected = {g: n for g, n in graph_sizes(corpus_store.store).items()}
    stored = graph_sizes(settings.store)
    assert stored == expected  # every other document whole, the victim absent

    monkeypatch.undo()
    again = ingest_paths([docs], settings, metadata=docs / "manifest.jsonl", jobs=2)
    assert again.ok and len(again.added) == 1 and len(again.unchanged) == 5


@pytest.mark.parametrize("growth", [0.0, 1000.0], ids=["a-load-a-document", "one-load"])
def test_new_documents_are_spooled_and_bulk_loaded_whole_in_loads_sized_by_the_store(
        tmp_path, monkeypatch, corpus_store, growth):
    from conflictkg.store import Writer

    loads = []
    load_spool = Writer.load_spool

    def counted(writer, spool):
        loads.append(len(spool.graphs))
        load_spool(writer, spool)
        assert spool.limit == max(spool.floor, int(growth * writer.size_on_disk()))

    monkeypatch.setattr(Writer, "load_spool", counted)
    settings = Settings(store=tmp_path / "store", ingest_spool_megabytes=0.000001, ingest_spool_growth=growth)
    report = ingest_paths([CORPUS], settings, metadata=CORPUS / "manifest.jsonl", jobs=2)
    assert report.ok and len(report.added) == 5
    assert loads == ([1] * 5 if growth == 0 else [5])
    assert graph_sizes(settings.store) == graph_sizes(corpus_store.store)
    assert not (settings.store / "ingest.spool").exists()


class _FailingLinker:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def link_written(self, documents):
        raise self.error


def test_a_store_that_cannot_be_written_while_linking_stops_the_run_and_other_link_failures_are_reported():
    report = IngestReport()
    full = StoreWriteError("/s: could not write the store: [Errno 28] No space left on device")
    with pytest.raises(StoreWriteError):
        link_batch(_FailingLinker(full), ["https://example.org/doc/1"], report)
    assert report.failed == []
    link_batch(_FailingLinker(KeyError("incident")), ["https://example.org/doc/1"], report)
    assert [f.source for f in report.failed] == ["linking"]
