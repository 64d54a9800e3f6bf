"""Re-extraction of the stored documents whose extractor version is not the current one.

A document's graph keeps everything its extraction was made from: the text
(``schema:text``) and what the manifest said of it (file name, language, title,
publication date, URL, kind, publisher). So when the code or the reference bundle
changes, the store is brought up to date from itself, without the original files:
each outdated graph is extracted again and replaced in one transaction, keeping its
ingestion time and revision link, and linked again to the incidents it reports. The
reference graphs are reloaded first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from pyoxigraph import NamedNode, Variable

from conflictkg.backend import require, writing
from conflictkg.config import Settings
from conflictkg.documents import LoadError
from conflictkg.extract.model import DocumentInfo
from conflictkg.extract.pipeline import Pipeline
from conflictkg.ingest import (
    PUBLISH_EVERY,
    Report,
    ensure_reference_graphs,
    extractor_version,
    link_batch,
    new_pipeline,
)
from conflictkg.iris import Iris
from conflictkg.linking import linking
from conflictkg.rdf.mapping import document_quads
from conflictkg.rdf.vocabulary import sparql_prefixes
from conflictkg.reference import Bundle, load_bundle
from conflictkg.store import Writer

DOCUMENTS = sparql_prefixes("ckg") + """
SELECT ?d ?v WHERE { GRAPH ?d { ?d a ckg:SourceDocument ; ckg:extractorVersion ?v } } ORDER BY ?d"""
STORED = sparql_prefixes("ckg", "schema", "dcterms", "prov") + """
SELECT * WHERE { GRAPH ?d {
  ?d ckg:sha256 ?sha ; ckg:fileName ?file ; schema:text ?text ; ckg:ingestedAt ?at .
  OPTIONAL { ?d dcterms:language ?language } OPTIONAL { ?d dcterms:title ?title }
  OPTIONAL { ?d schema:datePublished ?published } OPTIONAL { ?d schema:url ?url }
  OPTIONAL { ?d schema:genre ?kind } OPTIONAL { ?d prov:wasRevisionOf ?revision_of }
  OPTIONAL { ?d schema:publisher ?publisher }
} }"""
LABELS = sparql_prefixes("rdfs") + "SELECT * WHERE { GRAPH ?d { ?s rdfs:label ?l } }"


@dataclass
class ReextractReport(Report):
    reextracted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        failed = f", {len(self.failed):,} failed" if self.failed else ""
        return f"{len(self.reextracted):,} re-extracted, {len(self.unchanged):,} unchanged{failed}"


def reextract_store(settings: Settings, *, pipeline: Pipeline | None = None,
                    on_start: Callable[[int], None] | None = None,
                    on_document: Callable[[str, str], None] | None = None) -> ReextractReport:
    """Re-extract every document of the store at ``settings.store`` whose version differs.

    ``on_start(count)`` is called once the stored documents are counted, and
    ``on_document(status, iri)`` after each (for progress bars); ``pipeline`` is built
    here, on the bundle of the settings, when not given. The store must exist.
    """
    require(settings)
    if pipeline is None:
        pipeline = new_pipeline(bundle=load_bundle(settings.bundle))
    iris = Iris(settings.base_iri)
    version = extractor_version(pipeline.bundle)
    report = ReextractReport()
    with writing(settings) as writer, linking(writer, iris, pipeline.bundle.kinds) as linker:
        if ensure_reference_graphs(writer, iris, pipeline.bundle):
            writer.publish()
        stored = [(row["d"].value, row["v"].value) for row in writer.query(DOCUMENTS)]
        if on_start:
            on_start(len(stored))
        written: list[str] = []
        for count, (doc_iri, stored_version) in enumerate(stored, 1):
            if stored_version == version:
                report.unchanged.append(doc_iri)
                status = "unchanged"
                if not linker.knows(doc_iri, version):
                    written.append(doc_iri)
            else:
                try:
                    reextract_document(writer, doc_iri, pipeline, iris)
                    report.reextracted.append(doc_iri)
                    written.append(doc_iri)
                    status = "reextracted"
                except Exception as exc:  # one bad document must not stop the others
                    report.failed.append(LoadError(doc_iri, f"{type(exc).__name__}: {exc}"))
                    status = "failed"
            if on_document:
                on_document(status, doc_iri)
            if count % PUBLISH_EVERY == 0 and writer.changed:
                link_batch(linker, written, report)
                writer.publish()
        link_batch(linker, written, report)
    return report


def reextract_document(writer: Writer, doc_iri: str, pipeline: Pipeline, iris: Iris) -> None:
    """Extract a stored document again from its stored text and replace its graph."""
    row = _stored(writer, doc_iri)
    text = row["text"]
    info = stored_info(writer, doc_iri, row, pipeline.bundle, iris)
    quads = document_quads(
        pipeline.extract(info, text), iris, text=text,
        ingested_at=datetime.fromisoformat(row["at"]), extractor_version=extractor_version(pipeline.bundle),
        revision_of=row.get("revision_of"))
    writer.put_graph(doc_iri, quads, replace=True)


def _stored(writer: Writer, doc_iri: str) -> dict[str, str]:
    for solution in writer.query(STORED, substitutions={Variable("d"): NamedNode(doc_iri)}):
        return {name: solution[name].value for name in (
            "sha", "file", "text", "at", "language", "title", "published", "url", "kind",
            "revision_of", "publisher") if solution[name] is not None}
    raise LookupError(f"{doc_iri}: no stored document with its text")


def stored_info(writer: Writer, doc_iri: str, row: dict[str, str], bundle: Bundle,
                iris: Iris) -> DocumentInfo:
    """What extraction was told of a stored document. Its publisher is a source of the
    gazetteer (named as the gazetteer names it) or one labelled in the document's graph."""
    publisher: dict[str, str | None] = {"en": None, "ar": None}
    if "publisher" in row:
        for solution in writer.query(LABELS, substitutions={
                Variable("d"): NamedNode(doc_iri), Variable("s"): NamedNode(row["publisher"])}):
            publisher[solution["l"].language or "en"] = solution["l"].value
        found = iris.kind_of(row["publisher"])
        source = bundle.gazetteers.sources.get(found[1]) if found and found[0] == "source" else None
        if source is not None and not any(publisher.values()):
            publisher = {"en": source.name_en, "ar": source.name_ar}
    return DocumentInfo(
        file=row["file"], sha256=row["sha"], language=row.get("language", "ar"),
        publisher=publisher["en"], publisher_ar=publisher["ar"], published=row.get("published"),
        url=row.get("url"), title=row.get("title"), kind=row.get("kind"))
