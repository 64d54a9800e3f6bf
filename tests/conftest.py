"""Fixtures shared across the test folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictkg.config import Settings

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Settings:
    """The sample corpus ingested once into an on-disk store, with the real pipeline."""
    from conflictkg.ingest import ingest_paths

    settings = Settings(store=tmp_path_factory.mktemp("corpus") / "store")
    report = ingest_paths([CORPUS], settings, metadata=CORPUS / "manifest.jsonl")
    assert report.ok, [str(f) for f in report.failed]
    assert len(report.added) == 5
    return settings
