"""A linking index written by an earlier version is brought to this one when it is opened,
with every key it held, and links as a fresh one does: a store is never relinked whole
because its index changed layout."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from pyoxigraph import NamedNode

from conflictkg.config import Settings
from conflictkg.iris import Iris
from conflictkg.linking import linking, read
from conflictkg.linking.index import FILE, SCHEMA_VERSION, open_index
from conflictkg.reference import load_bundle
from conflictkg.store import open_snapshot, writing

IRIS = Iris()
INCIDENTS = NamedNode(IRIS.graph("incidents"))

# The keys as version 1 of the index kept them: a table in insertion order beside a B-tree.
VERSION_1_KEYS = """
CREATE TABLE keys_v1 (key TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, report TEXT NOT NULL);
INSERT INTO keys_v1 SELECT key, first, last, report FROM keys;
DROP TABLE keys;
ALTER TABLE keys_v1 RENAME TO keys;
CREATE INDEX keys_lookup ON keys(key, first);
CREATE INDEX keys_report ON keys(report);
PRAGMA user_version = 1;
"""


def _keys(path: Path) -> list[tuple]:
    db = sqlite3.connect(path / FILE)
    try:
        return sorted(db.execute("SELECT key, first, last, report FROM keys"))
    finally:
        db.close()


def _as_version_1(store: Path, copy: Path) -> None:
    shutil.copytree(store, copy)
    db = sqlite3.connect(copy / FILE)
    db.executescript(VERSION_1_KEYS)
    db.close()


def test_a_version_1_index_keeps_every_key(linked_corpus: Settings, tmp_path: Path) -> None:
    _as_version_1(linked_corpus.store, tmp_path / "old")
    keys = _keys(tmp_path / "old")
    assert len(keys) > 500
    index = open_index(tmp_path / "old")
    try:
        version = index.db.execute("PRAGMA user_version").fetchone()[0]
        clustered = index.db.execute("SELECT sql FROM sqlite_master WHERE name = 'keys'").fetchone()[0]
    finally:
        index.db.close()
    assert version == SCHEMA_VERSION == 2
    assert "WITHOUT ROWID" in clustered
    assert _keys(tmp_path / "old") == keys


def test_a_migrated_index_links_a_document_again_as_the_fresh_one_does(linked_corpus: Settings,
                                                                         tmp_path: Path) -> None:
    kinds = load_bundle().kinds
    shutil.copytree(linked_corpus.store, tmp_path / "fresh")
    _as_version_1(linked_corpus.store, tmp_path / "old")
    graphs = []
    for name in ("fresh", "old"):
        with writing(tmp_path / name) as writer, linking(writer, IRIS, kinds) as linker:
            documents = read.in_order(writer, read.stored_documents(writer))
            for doc in documents[::5]:  # linked again: each finds its incident by the keys
                linker.link_document(doc)
        graphs.append(set(open_snapshot(tmp_path / name)[1].quads_for_pattern(None, None, None, INCIDENTS)))
    assert graphs[0] and graphs[0] == graphs[1]
