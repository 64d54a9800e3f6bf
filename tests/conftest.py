"""Fixtures shared across the test folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conflictkg.config import Settings
from conflictkg.reference import load_bundle, sample_corpus

CORPUS = sample_corpus()


def copy_bundle(target: Path) -> Path:
    """A private copy of the package's reference bundle, to change."""
    shutil.copytree(load_bundle().root, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


@pytest.fixture
def bundle_copy(tmp_path: Path) -> Path:
    return copy_bundle(tmp_path / "bundle")


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Settings:
    """The sample corpus ingested once into an on-disk store, with the real pipeline."""
    from conflictkg.ingest import ingest_paths

    settings = Settings(store=tmp_path_factory.mktemp("corpus") / "store")
    report = ingest_paths([CORPUS], settings, metadata=CORPUS / "manifest.jsonl")
    assert report.ok, [str(f) for f in report.failed]
    assert len(report.added) == 5
    return settings
