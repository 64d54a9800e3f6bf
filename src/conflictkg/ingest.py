"""Documents in, named graphs out: the pipeline from files to the store.

Each document is extracted and mapped to the quads of its own named graph (in worker
processes with ``jobs``), and the writer commits documents in batches, each batch
whole or not at all, so a crash leaves whole documents only and a rerun completes the
work. A document already in the store with the same content and extractor version is
left as it is; a failed document never stops the others.

The extractor version (``ckg:extractorVersion`` of each document) is the code's version
and the reference bundle's hash: when either changes, ingesting the same files again
re-extracts them, and :func:`reextract_store` re-extracts every stored document whose
version differs from the text the store keeps, without the files.

Before each batch of documents is published, the documents written are linked to the
incidents they report (:mod:`conflictkg.linking`), and so are the documents met again
that were written but not linked (a run killed between the two); a store whose linking
index is empty (built before linking) has all its documents linked on the first ingest.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Variable, parse, serialize

from conflictkg import __version__
from conflictkg.backend import writing
from conflictkg.config import Settings
from conflictkg.documents import Document, LoadError, iter_documents, load_manifest
from conflictkg.extract.model import DocumentInfo, Extraction
from conflictkg.extract.pipeline import Pipeline
from conflictkg.iris import Iris
from conflictkg.linking import Linker, linking
from conflictkg.rdf.gazetteer import gazetteer_quads
from conflictkg.rdf.mapping import document_quads
from conflictkg.rdf.ontology import ontology_quads
from conflictkg.rdf.vocabulary import ckg, prov, schema
from conflictkg.reference import Bundle, load_bundle
from conflictkg.remote import GraphsNotWritten
from conflictkg.spool import Spool
from conflictkg.store import REFERENCE_STATE as REFERENCE_STATE
from conflictkg.store import StoreWriteError, Writer
from conflictkg.workers import Workers

PUBLISH_EVERY = 50


@dataclass
class Report:
    """The documents of a run by what happened to them; the failures with their reasons."""

    failed: list[LoadError] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)  # documents linked to incidents

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        raise NotImplementedError


@dataclass
class IngestReport(Report):
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.added):,} added, {len(self.replaced):,} replaced, "
                f"{len(self.unchanged):,} unchanged, {len(self.failed):,} failed")


def extractor_version(bundle: Bundle) -> str:
    """The version a document's graph records: the code's version and the bundle's hash."""
    return f"{__version__}+{bundle.hash[:12]}"


YOUNG_COLLECTION = 10_000  # allocations between collections of the youngest generation


def new_pipeline(*, bundle: Bundle | None = None, freeze: bool = False) -> Pipeline:
    """The extractor, built once per process or app (it loads the gazetteers) and reused.

    ``freeze`` is for a process that extracts in bulk and owns its heap, as the batch
    commands do: everything alive once the gazetteers are loaded is moved out of the
    garbage collector's sight (``gc.freeze``), so that its full collections stop walking
    tens of thousands of objects that live as long as the process, and its youngest
    generation is collected after ``YOUNG_COLLECTION`` allocations rather than 700
    (extraction makes and drops many small objects a sentence, few of them in cycles). A
    library caller keeps the defaults: that is its process's decision, not ours.
    """
    pipeline = Pipeline(bundle=bundle)
    if freeze:
        gc.collect()
        gc.freeze()
        gc.set_threshold(YOUNG_COLLECTION, *gc.get_threshold()[1:])
    return pipeline


def document_info(document: Document) -> DocumentInfo:
    """What extraction needs to know of a loaded document."""
    known = {"file", "publisher", "publisher_ar", "published", "language", "url", "title", "kind"}
    return DocumentInfo(
        file=document.file, sha256=document.sha256, language=document.language,
        publisher=document.publisher, publisher_ar=document.publisher_ar,
        published=document.published, url=document.url, title=document.title,
        kind=document.kind,
        extra={k: v for k, v in document.metadata.items() if k not in known},
    )


def _stored_version(writer: Writer, doc_iri: str) -> str | None:
    query = "SELECT * WHERE { GRAPH ?d { ?d ?p ?v } }"
    for row in writer.query(query, substitutions={
        Variable("d"): NamedNode(doc_iri), Variable("p"): ckg.extractorVersion,
    }):
        return row["v"].value
    return None


def _earlier_revision(writer: Writer, doc_iri: str, url: str | None) -> str | None:
    """The newest other document in the store published under the same URL."""
    try:
        page = NamedNode(url) if url else None
    except ValueError:
        return None
    if page is None:
        return None
    query = ("SELECT * WHERE { GRAPH ?d { ?d ?url ?u ; ?at ?t } "
             f"FILTER(?d != {NamedNode(doc_iri)}) }} ORDER BY DESC(?t) LIMIT 1")
    for row in writer.query(query, substitutions={
        Variable("u"): page, Variable("url"): schema.url, Variable("at"): ckg.ingestedAt,
    }):
        return row["d"].value
    return None


def ingest_document(writer: Writer, document: Document, pipeline: Pipeline, iris: Iris,
                    *, now: datetime | None = None) -> tuple[str, Extraction | None]:
    """Write one document's graph; returns ("added"|"replaced"|"unchanged", extraction)."""
    return write_document(writer, document, iris, extractor_version(pipeline.bundle),
                          lambda: pipeline.extract(document_info(document), document.text), now=now)


def write_document(writer: Writer, document: Document, iris: Iris, version: str,
                   extract: Callable[[], Extraction], *, now: datetime | None = None,
                   ) -> tuple[str, Extraction | None]:
    """Write one document's graph from ``extract()``, called only when the graph stored is
    not of ``version``; returns ("added"|"replaced"|"unchanged", extraction)."""
    doc_iri = iris.document(document.sha256)
    stored = _stored_version(writer, doc_iri) if writer.has_graph(doc_iri) else None
    if stored == version:
        return "unchanged", None
    extraction = extract()
    quads = document_quads(
        extraction, iris, text=document.text, ingested_at=now or datetime.now(UTC),
        extractor_version=version, revision_of=_earlier_revision(writer, doc_iri, document.url),
    )
    writer.put_graph(doc_iri, quads, replace=True)  # the graph whole, whether or not it was there
    return ("replaced" if stored is not None else "added"), extraction


def ensure_reference_graphs(writer: Writer, iris: Iris, bundle: Bundle, *, bulk: bool = False) -> bool:
    """Load the ontology and gazetteer graphs of ``bundle``, or reload them when the store
    holds those of another version (the fingerprint the writer keeps: ``reference.json`` in
    an embedded store's folder, the state graph of a SPARQL server); with ``bulk``, a store
    that has neither yet gets them through the bulk loader."""
    fingerprint = hashlib.sha256(f"{iris.base}\n{extractor_version(bundle)}\n".encode()).hexdigest()
    if writer.reference_state() == fingerprint:
        return False
    ontology_graph, gazetteer_graph = iris.graph("ontology"), iris.graph("gazetteer")
    if bulk and not (writer.has_graph(ontology_graph) or writer.has_graph(gazetteer_graph)):
        quads = [*ontology_quads(iris, bundle), *gazetteer_quads(bundle.gazetteers, iris)]
        writer.bulk_add_graphs(serialize(quads, format=RdfFormat.N_QUADS), [ontology_graph, gazetteer_graph])
    else:
        writer.put_graph(ontology_graph, ontology_quads(iris, bundle), replace=True)
        writer.put_graph(gazetteer_graph, gazetteer_quads(bundle.gazetteers, iris), replace=True)
    writer.set_reference_state(fingerprint, extractor_version(bundle))
    return True


def ingest_paths(
    paths: Sequence[Path], settings: Settings, *, metadata: Path | None = None,
    max_bytes: int = 20_000_000, on_document: Callable[[str, str], None] | None = None,
    pipeline: Pipeline | None = None, jobs: int = 1,
) -> IngestReport:
    """Ingest files and folders into the store at ``settings.store``.

    ``on_document(status, source)`` is called once per document (for progress bars);
    ``pipeline`` is built here, on the bundle of the settings, when not given. With
    ``jobs`` above 1, extraction and mapping run in that many worker processes and this
    one writes; the store ends the same either way. This is the command that creates a
    store.
    """
    report = IngestReport()
    manifest: dict[str, dict] | None = None
    if metadata is not None:
        manifest, errors = load_manifest(metadata)
        report.failed.extend(errors)
    iris = Iris(settings.base_iri)
    if pipeline is None:
        pipeline = new_pipeline(bundle=load_bundle(settings.bundle))
    state = _Mapper(pipeline, iris, extractor_version(pipeline.bundle))
    # the workers are forked before the store is opened: they never hold its files; the
    # window lets them go on (some 200 KB a document) while the writer waits on a commit
    with Workers(jobs, state, window=jobs * 64) as workers, writing(settings) as writer, \
            linking(writer, iris, pipeline.bundle.kinds) as linker:
        if ensure_reference_graphs(writer, iris, pipeline.bundle, bulk=settings.ingest_bulk_load):
            writer.publish()
        batch = _Batch(writer, iris, settings,
                       before_publish=lambda documents: link_batch(linker, documents, report),
                       unlinked=lambda doc: not linker.knows(doc, state.version))
        documents = iter_documents(paths, manifest, max_bytes=max_bytes)
        try:
            for (item, stored), mapped in workers.map(_map_document, _to_map(writer, documents, state),
                                                      on_error=lambda exc: (None, _failure(exc))):
                status = batch.take(item, stored, mapped, report)
                if on_document:
                    on_document(status, item.source if isinstance(item, LoadError) else item.file)
            batch.commit(final=True)
        finally:
            batch.close()
    return report


@dataclass(frozen=True)
class _Mapper:
    """What a worker needs to turn a document into the N-Quads of its graph."""

    pipeline: Pipeline
    iris: Iris
    version: str


_UNCHANGED = "unchanged"


def _to_map(writer: Writer, documents: Iterable[Document | LoadError], state: _Mapper,
            ) -> Iterable[tuple[tuple[Document | LoadError, str | None], tuple[Document, datetime] | None]]:
    """((item, stored version), work for a worker or None) per document, in order: a
    document stored with the current version is not extracted again."""
    for item in documents:
        if isinstance(item, LoadError):
            yield (item, None), None
            continue
        doc_iri = state.iris.document(item.sha256)
        stored = _stored_version(writer, doc_iri) if writer.has_graph(doc_iri) else None
        if stored == state.version:
            yield (item, _UNCHANGED), None
        else:
            yield (item, stored), (item, datetime.now(UTC))


def _map_document(state: _Mapper, work: tuple[Document, datetime]) -> tuple[bytes | None, str | None]:
    """(the document's graph as N-Quads, None); run by a worker."""
    document, now = work
    extraction = state.pipeline.extract(document_info(document), document.text)
    quads = document_quads(extraction, state.iris, text=document.text, ingested_at=now,
                           extractor_version=state.version)
    return serialize(quads, format=RdfFormat.N_QUADS), None


def _failure(exc: Exception) -> str:
    """Why a document failed, on one line (one bad document must not stop the others)."""
    return f"{type(exc).__name__}: {exc}"


class _Batch:
    """The documents mapped but not yet committed, committed together as one transaction.

    A crash loses the uncommitted batch, never part of a document: each commit is one
    transaction of whole graphs. Committed documents are published to readers every
    ``publish_seconds`` (or ``publish_documents``), and at the end of the run. With
    ``ingest_bulk_load`` and an embedded store, new documents are gathered in a spool
    instead (:mod:`conflictkg.spool`) and go through Oxigraph's bulk loader when it is
    full, which keeps the same promise another way (:meth:`Writer.bulk_add_graphs`) and
    writes no log: a snapshot then links files and copies next to nothing. A publication
    falls due then, and waits while the spool holds documents (readers would not see
    them yet). With a SPARQL server, each batch's new documents are sent as they are.
    A replaced document is written as a transaction of its own.
    """

    def __init__(self, writer: Writer, iris: Iris, settings: Settings, *,
                 before_publish: Callable[[list[str]], None] | None = None,
                 unlinked: Callable[[str], bool] | None = None) -> None:
        self.writer = writer
        self.before_publish = before_publish
        self.unlinked = unlinked  # an unchanged document still to be linked (a store built before)
        self.unpublished_documents: list[str] = []  # IRIs written since the last publication
        self.iris = iris
        self.bulk = settings.ingest_bulk_load
        self.graphs: list[str] = []
        self.size = max(1, settings.ingest_batch_documents)
        self.publish_seconds = settings.publish_seconds
        self.publish_documents = settings.publish_documents
        self.parts: list[bytes] = []
        self.published_at = time.monotonic()
        self.written: set[str] = set()
        self.latest_by_url: dict[str, str] = {}
        self.files: dict[str, str] = {}  # graph IRI -> the document's file, for a graph the store refuses
        self.report: IngestReport | None = None
        self.spool: Spool | None = None
        if self.bulk and isinstance(writer, Writer):
            self.spool = writer.spool(floor=int(settings.ingest_spool_megabytes * 1e6),
                                      growth=settings.ingest_spool_growth)
            self.spool.emptied(writer.size_on_disk())  # the first load waits on the store's size too

    def take(self, item: Document | LoadError, stored: str | None,
             mapped: tuple[bytes | None, str | None] | None, report: IngestReport) -> str:
        """Add one document's outcome to the batch and the report; returns its status."""
        if isinstance(item, LoadError):
            report.failed.append(item)
            return "failed"
        doc_iri = self.iris.document(item.sha256)
        if stored == _UNCHANGED or doc_iri in self.written:
            report.unchanged.append(item.file)
            if self.unlinked is not None and doc_iri not in self.written and self.unlinked(doc_iri):
                self.unpublished_documents.append(doc_iri)
            return "unchanged"
        assert mapped is not None
        data, error = mapped
        if data is None:
            report.failed.append(LoadError(item.file, error or "failed"))
            return "failed"
        self.report = report
        self.files[doc_iri] = item.file
        revision = self._earlier_revision(doc_iri, item.url)
        if revision:
            node = NamedNode(doc_iri)
            data += f"{node} {prov.wasRevisionOf} {NamedNode(revision)} {node} .\n".encode()
        if stored is not None:
            self.commit()
            try:
                self.writer.put_graph(doc_iri, parse(data, format=RdfFormat.N_QUADS), replace=True)
            except GraphsNotWritten as exc:
                report.failed.append(LoadError(item.file, f"not written: {exc}"))
                return "failed"
        elif self.spool is not None:
            self.writer.spool_graph(self.spool, data, doc_iri)
        else:
            self.parts.append(data)
            self.graphs.append(doc_iri)
        self.written.add(doc_iri)
        self.unpublished_documents.append(doc_iri)
        if item.url:
            self.latest_by_url[item.url] = doc_iri
        if len(self.parts) >= self.size or self._due() or (self.spool is not None and self.spool.full):
            self.commit()
        status = "replaced" if stored is not None else "added"
        getattr(report, status).append(item.file)
        return status

    def _not_written(self, failures: dict[str, str]) -> None:
        """The documents whose graphs the store refused: failed, each on a line naming it."""
        assert self.report is not None
        for graph, reason in failures.items():
            file = self.files.get(graph, graph)
            self.report.failed.append(LoadError(file, f"not written: {reason}"))
            with contextlib.suppress(ValueError):
                self.report.added.remove(file)
            self.written.discard(graph)
            if graph in self.unpublished_documents:
                self.unpublished_documents.remove(graph)

    def close(self) -> None:
        """Drop the spool's file (after a failure, what it held was never written)."""
        if self.spool is not None:
            self.spool.close()

    def _earlier_revision(self, doc_iri: str, url: str | None) -> str | None:
        if url and url in self.latest_by_url:  # newer than anything stored before this run
            return self.latest_by_url[url]
        return _earlier_revision(self.writer, doc_iri, url)

    def _due(self) -> bool:
        if not self.unpublished_documents or (self.spool is not None and self.spool.graphs):
            return False
        if self.publish_documents and len(self.unpublished_documents) >= self.publish_documents:
            return True
        return time.monotonic() - self.published_at >= self.publish_seconds

    def commit(self, *, final: bool = False) -> None:
        """Commit the batch as one transaction; publish when the interval has passed."""
        try:
            if self.parts and self.bulk:
                self.writer.bulk_add_graphs(b"".join(self.parts), self.graphs)
            elif self.parts:
                self.writer.add_graphs(b"".join(self.parts), self.graphs)
        except GraphsNotWritten as exc:  # a SPARQL server refused some graphs: the others are in
            self._not_written(exc.failures)
        self.parts, self.graphs = [], []
        loaded = False
        if self.spool is not None and self.spool.graphs and (final or self.spool.full):
            assert isinstance(self.writer, Writer)
            self.writer.load_spool(self.spool)
            loaded = True
        if self.unpublished_documents and (final or loaded or self._due()):
            if self.before_publish:  # e.g. work on the documents committed, before readers see them
                self.before_publish(self.unpublished_documents)
            self.unpublished_documents = []
            self.writer.publish()
            self.published_at = time.monotonic()


def link_batch(linker: Linker, written: list[str], report: Report) -> None:
    """Link the documents just written, and those stored but not linked (after a crash, or
    all of them in a store built before linking); a failure is reported, and the documents
    stay written."""
    try:
        report.linked += linker.link_written(written).documents
    except StoreWriteError:  # the store, not the linking: the run stops on it
        raise
    except Exception as exc:  # the documents are in; `conflictkg link` can link them later
        report.failed.append(LoadError("linking", f"{type(exc).__name__}: {exc}"))
    written.clear()


def extract_paths(paths: Sequence[Path], *, metadata: Path | None = None,
                  max_bytes: int = 20_000_000, pipeline: Pipeline | None = None, jobs: int = 1,
                  ) -> Iterable[tuple[Document | LoadError, Extraction | None]]:
    """Extraction without the store: (document, extraction) or (error, None) per input, in
    order; with ``jobs`` above 1, extracted in that many worker processes."""
    manifest = None
    if metadata is not None:
        manifest, errors = load_manifest(metadata)
        for error in errors:
            yield error, None
    pipeline = pipeline if pipeline is not None else new_pipeline()
    items = ((item, None if isinstance(item, LoadError) else item)
             for item in iter_documents(paths, manifest, max_bytes=max_bytes))
    with Workers(jobs, pipeline) as workers:
        for item, result in workers.map(_extract_document, items, on_error=_failure):
            if result is None:
                yield item, None
            elif isinstance(result, str):
                yield LoadError(item.file, result), None
            else:
                yield item, result


def _extract_document(pipeline: Pipeline, document: Document) -> Extraction:
    """The document's extraction; run by a worker."""
    return pipeline.extract(document_info(document), document.text)
