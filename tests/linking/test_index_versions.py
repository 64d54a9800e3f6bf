"""A linking index written by an earlier version (1, 2 or 3) is brought to this one when it is
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
from conflictkg.linking import index as index_module
from conflictkg.linking import linking, read
from conflictkg.linking.index import FILE, SCHEMA_VERSION, drop_index, open_index
from conflictkg.reference import load_bundle
from conflictkg.store import open_snapshot, writing

IRIS = Iris()
INCIDENTS = NamedNode(IRIS.graph("incidents"))
RECENT_OFTEN = 60  # recent keys held apart before they are moved, in the test that moves them often

# The keys as each earlier version of the index kept them: version 1 in insertion order
# beside a B-tree, version 2 in their lookups' order with their incident, both as text;
# version 3 as numbers, in one table (version 4 files a report's keys among the recent
# ones first, and moves them into the main table once they are many).
BOTH = "(SELECT * FROM keys UNION ALL SELECT * FROM recent)"
AS_TEXT = f"""
SELECT k.name AS key, keys.first, keys.last, r.iri AS report, i.name AS incident
FROM {BOTH} AS keys JOIN names k ON k.id = keys.key JOIN reports r ON r.seq = keys.report
  JOIN names i ON i.id = keys.incident
"""
EARLIER = {
    1: f"""
CREATE TABLE keys_v1 (key TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, report TEXT NOT NULL);
INSERT INTO keys_v1 SELECT key, first, last, report FROM ({AS_TEXT});
DROP TABLE keys;
DROP TABLE recent;
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
DROP TABLE recent;
DROP TABLE names;
ALTER TABLE keys_v2 RENAME TO keys;
CREATE INDEX keys_report ON keys(report);
PRAGMA user_version = 2;
""",
    3: """
INSERT INTO keys SELECT * FROM recent;
DROP TABLE recent;
PRAGMA user_version = 3;
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


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_earlier_index_keeps_every_key(linked_corpus: Settings, tmp_path: Path, version: int) -> None:
    keys = _keys(linked_corpus.store)
    assert len(keys) > 500
    _as_version(version, linked_corpus.store, tmp_path / "old")
    index = open_index(tmp_path / "old")
    try:
        opened = index.db.execute("PRAGMA user_version").fetchone()[0]
        clustered = index.db.execute("SELECT sql FROM sqlite_master WHERE name = 'keys'").fetchone()[0]
        recent = index.db.execute("SELECT COUNT(*) FROM recent").fetchone()[0]
    finally:
        index.db.close()
    assert opened == SCHEMA_VERSION == 4
    assert "WITHOUT ROWID" in clustered and "key INTEGER" in clustered
    assert recent == 0  # every key the old index held is in the main table
    assert _keys(tmp_path / "old") == keys


@pytest.mark.parametrize("version", [1, 2, 3])
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


def test_keys_moved_from_the_recent_table_link_as_keys_never_moved(
        linked_corpus: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The corpus linked again document by document, its keys moved into the main table every
    few documents (most lookups then read both tables), gives the store, incidents and ranks,
    quad for quad, that it gives with every key left among the recent ones."""
    kinds = load_bundle().kinds
    stores, keys = [], []
    for name, recent in (("never", 10**9), ("often", RECENT_OFTEN)):
        monkeypatch.setattr(index_module, "RECENT", recent)
        shutil.copytree(linked_corpus.store, tmp_path / name)
        with writing(tmp_path / name) as writer:
            writer.remove_graph(INCIDENTS.value)
            drop_index(writer.path)
            with linking(writer, IRIS, kinds) as linker:
                for doc in read.in_order(writer, read.stored_documents(writer)):
                    linker.link_document(doc)
                main, apart = (linker.index.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                               for t in ("keys", "recent"))
        assert (main == 0 and apart > 0) if name == "never" else main > RECENT_OFTEN >= apart
        stores.append(set(open_snapshot(tmp_path / name)[1].quads_for_pattern(None, None, None, None)))
        keys.append(_keys(tmp_path / name))
    assert stores[0] == stores[1]
    assert any(q.graph_name == INCIDENTS for q in stores[0])
    assert keys[0] == keys[1]
