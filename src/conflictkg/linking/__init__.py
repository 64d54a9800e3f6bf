"""Incidents across documents: the reports of one happening linked to one canonical event.

Each document's graph holds the events it reports; this package reads them from the
store after documents are written and links each to an incident (``ckg:Incident``) in
the graph ``{base}graph/incidents``, which no other code writes. Candidates come from an
index in the store's folder (:mod:`conflictkg.linking.index`), the evidence is scored
and kept (:mod:`conflictkg.linking.evidence`), claims are compared across documents
(:mod:`conflictkg.linking.tolls`) and each touched incident is rebuilt
(:mod:`conflictkg.linking.graph`). The one statement it changes outside its graph is a
claim's ``wikibase:rank``, in the claim's document graph, when a later document's toll
supersedes it: a claim keeps exactly one rank.

    with linking(writer, iris, kinds) as linker:    # ingest, re-extraction, POST /documents
        linker.link_written([document IRIs])
    relink(writer, iris, kinds)                     # `conflictkg link`: every document again

An incident's IRI is ``{base}id/incident/{key of its first report}``: it does not change
as reports join it or as other documents are ingested, it is the same under any base for
the same first report, and a store relinked from scratch (documents in order of
publication, then IRI) names its incidents the same way whatever order they came in.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from conflictkg.iris import Iris
from conflictkg.linking.index import drop_index
from conflictkg.linking.linker import Linker, LinkReport
from conflictkg.linking.read import stored_documents
from conflictkg.reference.kinds import Kinds
from conflictkg.store import Writer

__all__ = ["LinkReport", "Linker", "linking", "relink"]


@contextlib.contextmanager
def linking(writer: Writer, iris: Iris, kinds: Kinds) -> Iterator[Linker]:
    linker = Linker(writer, iris, kinds)
    try:
        yield linker
    finally:
        linker.close()


def relink(writer: Writer, iris: Iris, kinds: Kinds, *,
           on_start: Callable[[int], None] | None = None,
           on_document: Callable[[str], None] | None = None) -> tuple[LinkReport, str]:
    """Link every document of the store from scratch: the index and the incidents graph are
    dropped first. Returns the report and its summary."""
    graph = iris.graph("incidents")
    if writer.has_graph(graph):
        writer.remove_graph(graph)
    drop_index(writer.path)
    documents = stored_documents(writer)
    if on_start:
        on_start(len(documents))
    with linking(writer, iris, kinds) as linker:
        report = linker.link(documents, on_document=on_document)
        return report, report.summary(linker.index)
