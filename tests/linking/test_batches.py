"""Linking a batch of documents at once writes what linking them one by one writes: the
same incidents graph and the same rank on every claim, though each touched incident is
rebuilt once per batch rather than once per document. Shown on the corpus as the pipeline
reads it, and on hand-read documents of it whose tolls supersede each other across
documents (which the pipeline does not read yet)."""

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

from .conftest import write_and_link
from .test_revisions import L01, L02, L05, L06, L07, L08

IRIS = Iris()
INCIDENTS = NamedNode(IRIS.graph("incidents"))


def _linked_again(store: Path, copy: Path, *, one_by_one: bool) -> tuple[set[Quad], set[Quad]]:
    """(the incidents graph, every claim's rank) of a copy of the store whose incidents are
    dropped, and ranks set back to what each claim's own document gives it, and then linked
    again, document by document or as one batch."""
    shutil.copytree(store, copy)
    with writing(copy) as writer:  # as written, before any linking: each claim ranked by its own document
        writer.remove_graph(INCIDENTS.value)
        for doc in read.stored_documents(writer):
            own = [c for c in read.told(writer, doc)[1] if c.held != c.rank]
            writer.change(remove=[_rank(c.iri, c.held, doc) for c in own],
                          add=[_rank(c.iri, c.rank, doc) for c in own])
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


def _rank(claim: str, rank: str, doc: str) -> Quad:
    return Quad(NamedNode(claim), wikibase.rank, NamedNode(rank), NamedNode(doc))


def test_a_batch_links_as_documents_one_by_one_do(linked_corpus: Settings, tmp_path: Path):
    incidents, ranks = _linked_again(linked_corpus.store, tmp_path / "one", one_by_one=True)
    batch_incidents, batch_ranks = _linked_again(linked_corpus.store, tmp_path / "batch",
                                                 one_by_one=False)
    assert len(incidents) > 1000 and ranks
    assert batch_incidents == incidents
    assert batch_ranks == ranks
    deprecated = NamedNode(DEPRECATED)
    assert any(q.object == deprecated for q in ranks)  # a toll superseded across documents
    assert ranks == set(open_snapshot(linked_corpus.store)[1].quads_for_pattern(None, wikibase.rank,
                                                                                  None, None))
    ingested = open_snapshot(linked_corpus.store)[1]
    assert set(ingested.quads_for_pattern(None, None, None, INCIDENTS)) == incidents


def _graphs(store: Path) -> tuple[set[Quad], set[Quad]]:
    snapshot = open_snapshot(store)[1]
    return (set(snapshot.quads_for_pattern(None, None, None, INCIDENTS)),
            set(snapshot.quads_for_pattern(None, wikibase.rank, None, None)))


def test_a_batch_ranks_tolls_across_documents_as_documents_one_by_one_do(tmp_path: Path):
    told = [L01, L02, L05, L07, L06, L08]
    one, batch = tmp_path / "one", tmp_path / "batch"
    for store in (one, batch):
        write_and_link(store, told, link=False)
    unlinked = _graphs(one)[1]
    with writing(one) as writer, linking(writer, IRIS, load_bundle().kinds) as linker:
        for doc in read.in_order(writer, read.stored_documents(writer)):
            linker.link_document(doc)
    with writing(batch) as writer, linking(writer, IRIS, load_bundle().kinds) as linker:
        linker.link_batch(read.in_order(writer, read.stored_documents(writer)))
    incidents, ranks = _graphs(one)
    assert incidents and ranks != unlinked  # later tolls supersede earlier ones of other documents
    assert _graphs(batch) == (incidents, ranks)
