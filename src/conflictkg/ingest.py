"""Documents in, named graphs out: the pipeline from files to the store.

Each document is extracted, mapped to the quads of its own named graph and written
as one transaction, so a crash leaves whole documents only and a rerun completes
the work. A document already in the store with the same content and extractor
version is left as it is; a failed document never stops the others.

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

import gc
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import NamedNode, Variable

from conflictkg import __version__
from conflictkg.config import Settings
from conflictkg.documents import Document, LoadError, iter_documents, load_manifest
from conflictkg.extract.model import DocumentInfo, Extraction
from conflictkg.extract.pipeline import Pipeline
from conflictkg.iris import Iris
from conflictkg.linking import Linker, linking
from conflictkg.rdf.gazetteer import gazetteer_quads
from conflictkg.rdf.mapping import document_quads
from conflictkg.rdf.ontology import ontology_quads
from conflictkg.rdf.vocabulary import ckg, schema
from conflictkg.reference import Bundle, load_bundle
from conflictkg.store import Writer, writing

REFERENCE_STATE = "reference.json"
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


def new_pipeline(*, bundle: Bundle | None = None, freeze: bool = False) -> Pipeline:
    """The extractor, built once per process or app (it loads the gazetteers) and reused.

    ``freeze`` is for a process that extracts in bulk and owns its heap, as the batch
    commands do: everything alive once the gazetteers are loaded is moved out of the
    garbage collector's sight (``gc.freeze``), so that its full collections stop walking
    tens of thousands of objects that live as long as the process. A library caller
    keeps the default: that is its process's decision, not ours.
    """
    pipeline = Pipeline(bundle=bundle)
    if freeze:
        gc.collect()
        gc.freeze()
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
    doc_iri = iris.document(document.sha256)
    stored = _stored_version(writer, doc_iri) if writer.has_graph(doc_iri) else None
    version = extractor_version(pipeline.bundle)
    if stored == version:
        return "unchanged", None
    extraction = pipeline.extract(document_info(document), document.text)
    quads = document_quads(
        extraction, iris, text=document.text, ingested_at=now or datetime.now(UTC),
        extractor_version=version, revision_of=_earlier_revision(writer, doc_iri, document.url),
    )
    writer.put_graph(doc_iri, quads, replace=stored is not None)
    return ("replaced" if stored is not None else "added"), extraction


def ensure_reference_graphs(writer: Writer, iris: Iris, bundle: Bundle) -> bool:
    """Load the ontology and gazetteer graphs of ``bundle``, or reload them when the store
    holds those of another version (kept in the store's ``reference.json``)."""
    fingerprint = hashlib.sha256(f"{iris.base}\n{extractor_version(bundle)}\n".encode()).hexdigest()
    state_file = writer.path / REFERENCE_STATE
    try:
        state = json.loads(state_file.read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        state = {}
    if state.get("fingerprint") == fingerprint:
        return False
    ontology_graph, gazetteer_graph = iris.graph("ontology"), iris.graph("gazetteer")
    writer.put_graph(ontology_graph, ontology_quads(iris, bundle), replace=True)
    writer.put_graph(gazetteer_graph, gazetteer_quads(bundle.gazetteers, iris), replace=True)
    state_file.write_text(json.dumps({"fingerprint": fingerprint,
                                      "version": extractor_version(bundle)}))
    return True


def ingest_paths(
    paths: Sequence[Path], settings: Settings, *, metadata: Path | None = None,
    max_bytes: int = 20_000_000, on_document: Callable[[str, str], None] | None = None,
    pipeline: Pipeline | None = None,
) -> IngestReport:
    """Ingest files and folders into the store at ``settings.store``.

    ``on_document(status, source)`` is called once per document (for progress bars);
    ``pipeline`` is built here, on the bundle of the settings, when not given. This is
    the command that creates a store.
    """
    report = IngestReport()
    manifest: dict[str, dict] | None = None
    if metadata is not None:
        manifest, errors = load_manifest(metadata)
        report.failed.extend(errors)
    iris = Iris(settings.base_iri)
    if pipeline is None:
        pipeline = new_pipeline(bundle=load_bundle(settings.bundle))
    version = extractor_version(pipeline.bundle)
    with writing(settings.store) as writer, linking(writer, iris, pipeline.bundle.kinds) as linker:
        if ensure_reference_graphs(writer, iris, pipeline.bundle):
            writer.publish()
        written: list[str] = []
        for count, item in enumerate(iter_documents(paths, manifest, max_bytes=max_bytes), 1):
            status = _ingest_one(writer, item, pipeline, iris, report)
            if isinstance(item, Document) and status != "failed":
                doc = iris.document(item.sha256)
                if status != "unchanged" or not linker.knows(doc, version):
                    written.append(doc)
            if on_document:
                on_document(status, item.source if isinstance(item, LoadError) else item.file)
            if count % PUBLISH_EVERY == 0 and writer.changed:
                link_batch(linker, written, report)
                writer.publish()
        link_batch(linker, written, report)
    return report


def link_batch(linker: Linker, written: list[str], report: Report) -> None:
    """Link the documents just written, and those stored but not linked (after a crash, or
    all of them in a store built before linking); a failure is reported, and the documents
    stay written."""
    try:
        report.linked += linker.link_written(written).documents
    except Exception as exc:  # the documents are in; `conflictkg link` can link them later
        report.failed.append(LoadError("linking", f"{type(exc).__name__}: {exc}"))
    written.clear()


def _ingest_one(writer: Writer, item: Document | LoadError, pipeline: Pipeline, iris: Iris,
                report: IngestReport) -> str:
    if isinstance(item, LoadError):
        report.failed.append(item)
        return "failed"
    try:
        status, _ = ingest_document(writer, item, pipeline, iris)
    except Exception as exc:  # one bad document must not stop the others
        report.failed.append(LoadError(item.file, f"{type(exc).__name__}: {exc}"))
        return "failed"
    getattr(report, status).append(item.file)
    return status


def extract_paths(paths: Sequence[Path], *, metadata: Path | None = None,
                  max_bytes: int = 20_000_000, pipeline: Pipeline | None = None,
                  ) -> Iterable[tuple[Document | LoadError, Extraction | None]]:
    """Extraction without the store: (document, extraction) or (error, None) per input."""
    manifest = None
    if metadata is not None:
        manifest, errors = load_manifest(metadata)
        for error in errors:
            yield error, None
    pipeline = pipeline if pipeline is not None else new_pipeline()
    for item in iter_documents(paths, manifest, max_bytes=max_bytes):
        if isinstance(item, LoadError):
            yield item, None
            continue
        try:
            yield item, pipeline.extract(document_info(item), item.text)
        except Exception as exc:  # one bad document must not stop the others
            yield LoadError(item.file, f"{type(exc).__name__}: {exc}"), None
