"""Stores for the linking tests: the corpus ingested by the real pipeline, and documents of
it whose events and claims are written by hand (through the real mapping and linker), so
that the linking rules are tested where the extraction still falls short."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pyoxigraph import Store

from conflictkg.config import Settings
from conflictkg.documents import Document, iter_documents, load_manifest
from conflictkg.extract.model import Attribution, CasualtyClaim, ControlClaim, Event, Extraction, Span
from conflictkg.ingest import (
    _earlier_revision,
    document_info,
    ensure_reference_graphs,
    extractor_version,
    ingest_paths,
)
from conflictkg.iris import Iris
from conflictkg.linking import linking
from conflictkg.rdf.mapping import document_quads
from conflictkg.reference import load_bundle
from conflictkg.store import open_snapshot, writing

from .scoring import CORPUS

IRIS = Iris()


@pytest.fixture(scope="session")
def linked_corpus(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """tests/linking/corpus ingested (and so linked) into an on-disk store."""
    settings = Settings(store=tmp_path_factory.mktemp("linking") / "store")
    report = ingest_paths([CORPUS], settings, metadata=CORPUS / "manifest.jsonl")
    assert report.ok, [str(f) for f in report.failed]
    assert len(report.added) == len(report.linked) == 38
    return settings


@pytest.fixture(scope="session")
def corpus_snapshot(linked_corpus: Settings) -> Store:
    return open_snapshot(linked_corpus.store)[1]


def corpus_document(file: str) -> Document:
    manifest, errors = load_manifest(CORPUS / "manifest.jsonl")
    assert not errors
    (document,) = iter_documents([CORPUS / file], manifest)
    assert isinstance(document, Document)
    return document


@dataclass
class Told:
    """One document of the corpus with the events and claims a reader should find in it,
    each placed by a quote of its text."""

    file: str
    events: list[dict] = field(default_factory=list)
    tolls: list[dict] = field(default_factory=list)
    control: list[dict] = field(default_factory=list)

    def extraction(self) -> tuple[Document, Extraction]:
        document = corpus_document(self.file)
        text = document.text

        def span(quote: str) -> Span:
            start = text.index(quote)
            return Span(start, start + len(quote), quote)

        events = []
        for e in self.events:
            s = span(e["quote"])
            events.append(Event(key=f"{s.start}-{s.end}", kind=e["kind"], evidence=s, start=e["date"],
                                places=e["places"], actors=e.get("actors", []), name=e.get("name"),
                                parent=e.get("parent")))
        def toll_key(quote: str) -> str:
            s = span(quote)
            return f"casualties-{s.start}-{s.end}"

        tolls = []
        for t in self.tolls:  # "part_of": the quote of the total a part belongs to
            s = span(t["quote"])
            tolls.append(CasualtyClaim(
                key=toll_key(t["quote"]), count=t["count"], qualifier=t.get("qualifier", "exact"),
                attributed_to=Attribution(t.get("label", t["source"]), t["source"]), evidence=s,
                victim_actor=t.get("victims"), victim_category=t.get("category"),
                outcome=t.get("outcome", "killed"), event=events[t["event"]].key,
                part_of=toll_key(t["part_of"]) if t.get("part_of") else None))
        control = []
        for c in self.control:
            s = span(c["quote"])
            control.append(ControlClaim(
                key=f"control-{s.start}-{s.end}", place=c["place"], change=c["change"],
                attributed_to=Attribution(c.get("label", c["source"]), c["source"]), evidence=s,
                actor=c.get("actor"), stance=c.get("stance", "asserted"), event=events[c["event"]].key))
        extraction = Extraction(document_info(document), events=events, casualty_claims=tolls,
                                control_claims=control)
        return document, extraction


def write_and_link(store: Path, documents: list[Told], *, link: bool = True) -> list[str]:
    """Write hand-read documents into the store as ingest writes them (a page met again
    under its URL is a revision of the earlier one), then link them (unless ``link`` is
    false); returns their IRIs."""
    bundle = load_bundle()
    written = []
    with writing(store) as writer, linking(writer, IRIS, bundle.kinds) as linker:
        ensure_reference_graphs(writer, IRIS, bundle)
        for told in documents:
            document, extraction = told.extraction()
            doc = IRIS.document(document.sha256)
            quads = document_quads(extraction, IRIS, text=document.text,
                                   ingested_at=datetime(2024, 1, 1, tzinfo=UTC),
                                   extractor_version=extractor_version(bundle),
                                   revision_of=_earlier_revision(writer, doc, document.url))
            writer.put_graph(doc, quads, replace=writer.has_graph(doc))
            written.append(doc)
        if link:
            linker.link_written(written)
    return written
