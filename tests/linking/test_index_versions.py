"""A linking index written by an earlier version (1 or 2) is brought to this one when it is
opened, with every key it held, and links as a fresh one does: a store is never relinked whole
because its index changed layout."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from conflictkg.config import Settings
from conflictkg.iris import Iris
from conflictkg.linking import linking, read
from conflictkg.linking.index import FILE, SCHEMA_VERSION, open_index
from conflictkg.reference import load_bundle
from conflictkg.store import open_snapshot, writing

IRIS = Iris()
INCIDENTS = NamedNode(IRIS.graph("incidents"))

# The keys as each earlier version of the index kept them: version 1 in insertion order
# beside a B-tree, version 2 in their lookups' order with their incident, both as text.
AS_TEXT = """
SELECT k.name AS key, keys.first, keys.last, r.iri AS report, i.name AS incident
FROM keys JOIN names k ON k.id = keys.key JOIN reports r ON r.seq = keys.report
  JOIN names i ON i.id = keys.incident
"""
EARLIER = {
    1: f"""
CREATE TABLE keys_v1 (key TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, report TEXT NOT NULL);
INSERT INTO keys_v1 SELECT key, first, last, report FROM ({AS_TEXT});
DROP TABLE keys;
DROP TABLE names;
ALTER TABLE keys_v1 RENAME TO keys;
CREATE INDEX keys_lookup ON keys(key, first);
CREATE INDEX keys_report ON keys(report);
PRAGMA user_version = 1;
""",
    2: f"""
CREATE TABLE keys_v2 (
  key TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, report TEXT NOT NULL,
  incident TEXT NOT NULL, PRIMARY KEY (key, first, report)) WITHOUT ROWID;
INSERT INTO keys_v2 {AS_TEXT};
DROP TABLE keys;
DROP TABLE names;
ALTER TABLE keys_v2 RENAME TO keys;
CREATE INDEX keys_report ON keys(report);
PRAGMA user_version = 2;
""",
}


def _keys(path: Path) -> list[tuple]:
    """Every key of an index of this version, as text (the key, its days, the report and its incident)."""
    db = sqlite3.connect(path / FILE)
    try:
        return sorted(db.execute(AS_TEXT))
    finally:
        db.close()


def _as_version(version: int, store: Path, copy: Path) -> None:
    shutil.copytree(store, copy)
    db = sqlite3.connect(copy / FILE)
    db.executescript(EARLIER[version])
    db.close()


@pytest.mark.parametrize("version", [1, 2])
def test_an_earlier_index_keeps_every_key(linked_corpus: Settings, tmp_path: Path, version: int) -> None:
    keys = _keys(linked_corpus.store)
    assert len(keys) > 500
    _as_version(version, linked_corpus.store, tmp_path / "old")
    index = open_index(tmp_path / "old")
    try:
        opened = index.db.execute("PRAGMA user_version").fetchone()[0]
        clustered = index.db.execute("SELECT sql FROM sqlite_master WHERE name = 'keys'").fetchone()[0]
    finally:
        index.db.close()
    assert opened == SCHEMA_VERSION == 3
    assert "WITHOUT ROWID" in clustered and "key INTEGER" in clustered
    assert _keys(tmp_path / "old") == keys


@pytest.mark.parametrize("version", [1, 2])
def test_a_migrated_index_links_a_document_again_as_the_fresh_one_does(linked_corpus: Settings,
                                                                         tmp_path: Path, version: int) -> None:
    kinds = load_bundle().kinds
    shutil.copytree(linked_corpus.store, tmp_path / "fresh")
    _as_version(version, linked_corpus.store, tmp_path / "old")
    graphs, keys = [], []
    for name in ("fresh", "old"):
        with writing(tmp_path / name) as writer, linking(writer, IRIS, kinds) as linker:
            documents = read.in_order(writer, read.stored_documents(writer))
            for doc in documents[::5]:  # linked again: each finds its incident by the keys
                linker.link_document(doc)
        graphs.append(set(open_snapshot(tmp_path / name)[1].quads_for_pattern(None, None, None, INCIDENTS)))
        keys.append(_keys(tmp_path / name))
    assert graphs[0] and graphs[0] == graphs[1]
    assert keys[0] == keys[1]
