"""A version that means something: a change to the bundle re-extracts the stored documents.

The store is real (on disk), the commands run in subprocesses where a user would run
them, and the bundle changed is a copy of the package's with one lexicon row edited.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from conflictkg.config import Settings
from conflictkg.extract.pipeline import Pipeline
from conflictkg.ingest import REFERENCE_STATE, extract_paths, extractor_version, ingest_paths
from conflictkg.iris import Iris
from conflictkg.rdf.vocabulary import ckg
from conflictkg.reextract import reextract_store
from conflictkg.reference import load_bundle, sample_corpus
from conflictkg.store import open_snapshot, writing

CORPUS = sample_corpus()
ROW, CHANGED = "سبعة\t7\tunit\tar\n", "سبعة\t8\tunit\tar\n"  # one number word, misread
OLD_VERSION = "0.1.0"  # what every document was stamped with before versions meant something


def conflictkg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "conflictkg", *args], capture_output=True, text=True,
                          timeout=300)


def documents(store_path: Path, *, but: tuple[NamedNode, ...] = ()) -> dict[str, frozenset[Quad]]:
    """Each document's graph by file name, its version stamp (and ``but``) left out."""
    _, store = open_snapshot(store_path)
    out = {}
    for row in store.query("PREFIX ckg: <https://conflictkg.org/ontology#> "
                           "SELECT ?d ?f WHERE { GRAPH ?d { ?d ckg:fileName ?f } }"):
        graph = row["d"]
        out[row["f"].value] = frozenset(q for q in store.quads_for_pattern(None, None, None, graph)
                                        if q.predicate not in (ckg.extractorVersion, *but))
    return out


def versions(store_path: Path) -> set[str]:
    _, store = open_snapshot(store_path)
    return {q.object.value for q in store.quads_for_pattern(None, ckg.extractorVersion, None, None)}


def counts(graph: frozenset[Quad]) -> list[int]:
    return sorted(int(q.object.value) for q in graph if q.predicate == ckg.count)


def extracted(bundle: Path | None) -> dict[str, str]:
    """Each sample document's extraction with a bundle, as JSON, by file name."""
    pipeline = Pipeline(bundle=load_bundle(bundle))
    return {document.file: json.dumps(extraction.to_json(Iris()), sort_keys=True)
            for document, extraction in extract_paths([CORPUS], metadata=CORPUS / "manifest.jsonl",
                                                      pipeline=pipeline) if extraction}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> tuple[Path, dict[str, frozenset[Quad]]]:
    """The sample corpus ingested with the package's bundle; kept to copy from."""
    store = tmp_path_factory.mktemp("reextract") / "store"
    report = ingest_paths([CORPUS], Settings(store=store), metadata=CORPUS / "manifest.jsonl")
    assert report.ok and len(report.added) == 5
    return store, documents(store)


@pytest.fixture
def store(ingested, tmp_path: Path) -> Path:
    """A private copy of the ingested store."""
    import shutil

    target = tmp_path / "store"
    shutil.copytree(ingested[0], target)
    return target


@pytest.fixture
def changed_bundle(bundle_copy: Path) -> Path:
    """A copy of the bundle with one lexicon row changed: a number word read as 8, not 7."""
    path = bundle_copy / "mappings" / "lexicon" / "numbers.tsv"
    text = path.read_text(encoding="utf-8")
    assert text.count(ROW) == 1
    path.write_text(text.replace(ROW, CHANGED), encoding="utf-8")
    return bundle_copy


@pytest.fixture
def affected(changed_bundle: Path) -> list[str]:
    """The sample documents whose extraction the changed row changes: some, not all."""
    before, after = extracted(None), extracted(changed_bundle)
    names = sorted(name for name in before if before[name] != after[name])
    assert 0 < len(names) < len(before)
    return names


def test_a_changed_lexicon_row_reextracts_the_store_and_changes_what_it_affects(
        ingested, store: Path, changed_bundle: Path, affected: list[str]):
    before = ingested[1]
    settings = Settings(store=store, bundle=changed_bundle)
    seen: list[tuple[str, str]] = []
    report = reextract_store(settings, on_start=lambda n: seen.append(("start", str(n))),
                             on_document=lambda status, iri: seen.append((status, iri)))
    assert report.summary() == "5 re-extracted, 0 unchanged"
    assert seen[0] == ("start", "5") and [s for s, _ in seen[1:]] == ["reextracted"] * 5
    assert versions(store) == {extractor_version(load_bundle(changed_bundle))}
    after = documents(store)
    assert after.keys() == before.keys()
    assert sorted(name for name in before if after[name] != before[name]) == affected
    assert any(7 in counts(before[name]) and 8 in counts(after[name]) for name in affected)
    again = reextract_store(settings)
    assert again.summary() == "0 re-extracted, 5 unchanged"
    back = reextract_store(Settings(store=store))  # the package's bundle again: as first ingested
    assert back.summary() == "5 re-extracted, 0 unchanged" and documents(store) == before


def test_ingesting_the_same_files_again_reextracts_them_too(ingested, store: Path, changed_bundle: Path,
                                                            affected: list[str]):
    report = ingest_paths([CORPUS], Settings(store=store, bundle=changed_bundle),
                          metadata=CORPUS / "manifest.jsonl")
    assert report.summary() == "0 added, 5 replaced, 0 unchanged, 0 failed"
    after, before = documents(store, but=(ckg.ingestedAt,)), documents(ingested[0], but=(ckg.ingestedAt,))
    assert sorted(name for name in after if after[name] != before[name]) == affected


def test_the_reference_graphs_are_reloaded_under_the_same_version(store: Path, changed_bundle: Path):
    places = changed_bundle / "mappings" / "places" / "extra.tsv"
    places.write_text(places.read_text(encoding="utf-8").replace(
        "\tDaraa al-Balad\t", "\tDaraa al-Balad (old city)\t", 1), encoding="utf-8")
    label = Quad(NamedNode(Iris().place("daraa-al-balad")), NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                 Literal("Daraa al-Balad (old city)", language="en"), NamedNode(Iris().graph("gazetteer")))
    assert label not in open_snapshot(store)[1]
    assert reextract_store(Settings(store=store, bundle=changed_bundle)).ok
    assert label in open_snapshot(store)[1]
    state = json.loads((store / REFERENCE_STATE).read_text())
    assert state["version"] == extractor_version(load_bundle(changed_bundle))


def test_a_store_of_the_old_extractor_is_brought_up_to_date_by_reextract(ingested, store: Path):
    """Before, every document said 0.1.0 whatever the bundle, and the reference graphs were
    fingerprinted otherwise: the documented command re-extracts them all from the store."""
    with writing(store) as writer:
        writer.update("PREFIX ckg: <https://conflictkg.org/ontology#> "
                      "DELETE { GRAPH ?d { ?d ckg:extractorVersion ?v } } "
                      f"INSERT {{ GRAPH ?d {{ ?d ckg:extractorVersion \"{OLD_VERSION}\" }} }} "
                      "WHERE { GRAPH ?d { ?d ckg:extractorVersion ?v } }")
    (store / REFERENCE_STATE).write_text(json.dumps({"fingerprint": "a fingerprint of the old code"}))
    assert versions(store) == {OLD_VERSION}
    result = conflictkg("reextract", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"{store}: 5 re-extracted, 0 unchanged"
    assert versions(store) == {extractor_version(load_bundle())}
    assert documents(store) == ingested[1]
    assert json.loads((store / REFERENCE_STATE).read_text())["version"] == extractor_version(load_bundle())
    assert conflictkg("reextract", "--store", str(store)).stderr.strip().endswith(
        "0 re-extracted, 5 unchanged")


def test_reextract_needs_a_store(tmp_path: Path):
    result = conflictkg("reextract", "--store", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nowhere'}: no store here (`conflictkg ingest` creates one)"
    assert not (tmp_path / "nowhere").exists()
