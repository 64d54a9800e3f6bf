"""Linking a batch of documents at once writes what linking them one by one writes: the
same incidents graph and the same rank on every claim, though each touched incident is
rebuilt once per batch rather than once per document."""

from __future__ import annotations

import shutil
from pathlib import Path

from pyoxigraph import NamedNode, Quad

from conflictkg.config import Settings
from conflictkg.iris import Iris
from conflictkg.linking import linking, read
from conflictkg.linking.index import FILE
from conflictkg.linking.tolls import DEPRECATED
from conflictkg.rdf.vocabulary import wikibase
from conflictkg.reference import load_bundle
from conflictkg.store import open_snapshot, writing

IRIS = Iris()
INCIDENTS = NamedNode(IRIS.graph("incidents"))


def _linked_again(store: Path, copy: Path, *, one_by_one: bool) -> tuple[set[Quad], set[Quad]]:
    """(the incidents graph, every claim's rank) of a copy of the store whose incidents are
    dropped and linked again, document by document or as one batch."""
    shutil.copytree(store, copy)
    with writing(copy) as writer:
        writer.remove_graph(INCIDENTS.value)
    (copy / FILE).unlink()
    with writing(copy) as writer, linking(writer, IRIS, load_bundle().kinds) as linker:
        documents = read.in_order(writer, read.stored_documents(writer))
        assert len(documents) == 38
        if one_by_one:
            for doc in documents:
                linker.link_document(doc)
        else:
            linker.link_batch(documents)
    snapshot = open_snapshot(copy)[1]
    return (set(snapshot.quads_for_pattern(None, None, None, INCIDENTS)),
            set(snapshot.quads_for_pattern(None, wikibase.rank, None, None)))


def test_a_batch_links_as_documents_one_by_one_do(linked_corpus: Settings, tmp_path: Path):
    incidents, ranks = _linked_again(linked_corpus.store, tmp_path / "one", one_by_one=True)
    batch_incidents, batch_ranks = _linked_again(linked_corpus.store, tmp_path / "batch",
                                                 one_by_one=False)
    assert len(incidents) > 1000 and ranks
    assert batch_incidents == incidents
    assert batch_ranks == ranks
    deprecated = NamedNode(DEPRECATED)
    assert any(q.object == deprecated for q in ranks)  # a toll superseded across documents
    ingested = open_snapshot(linked_corpus.store)[1]
    assert set(ingested.quads_for_pattern(None, None, None, INCIDENTS)) == incidents
