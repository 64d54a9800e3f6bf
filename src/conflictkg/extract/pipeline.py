"""The extraction pipeline: extractors assembled once, then run over many documents.

    pipeline = Pipeline()                       # the package's bundle; Pipeline(bundle=...)
    extraction = pipeline.extract(info, text)   # an Extraction (model.py)

The extractors read one reference bundle: its gazetteers, its patterns and, while the
pipeline is built and while it runs, its lexicon (:func:`conflictkg.extract.lexicon.using`).

Each extractor declares what it ``requires`` and ``assigns`` on the working
:class:`~conflictkg.extract.doc.Doc`; assembling a pipeline checks that every
requirement is assigned by an earlier extractor, so a missing or misordered step fails
at start-up with its name, not halfway through a corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from conflictkg.extract.actors import ActorFinder
from conflictkg.extract.attribution import AttributionFinder
from conflictkg.extract.changes import ChangeEvents
from conflictkg.extract.chunks import CHUNK_CHARS, joined, pieces
from conflictkg.extract.claims import CasualtyFinder
from conflictkg.extract.control import ControlFinder
from conflictkg.extract.dating import DateFinder
from conflictkg.extract.doc import BASE_ATTRIBUTES, Component, Doc
from conflictkg.extract.events import EventFinder
from conflictkg.extract.lexicon import using
from conflictkg.extract.matcher import Scan, matchers_in
from conflictkg.extract.model import Actor, DocumentInfo, Extraction, Place
from conflictkg.extract.patterns import Patterns
from conflictkg.extract.places import PlaceFinder
from conflictkg.extract.records import RecordReader
from conflictkg.extract.segment import Segmenter
from conflictkg.extract.sites import SiteFinder
from conflictkg.reference import Bundle, load_bundle
from conflictkg.reference.gazetteers import Gazetteers


class ComponentFactory(Protocol):
    def __call__(self, gazetteers: Gazetteers, patterns: Patterns) -> Component: ...


DEFAULT_COMPONENTS: tuple[ComponentFactory, ...] = (
    Segmenter, DateFinder, RecordReader, ActorFinder, AttributionFinder, PlaceFinder,
    SiteFinder, EventFinder, CasualtyFinder, ControlFinder, ChangeEvents,
)


class PipelineError(ValueError):
    """The extractors cannot run in the order given."""


def check_order(components: Sequence[Component]) -> None:
    """Raise when an extractor requires what no earlier one assigns."""
    available = set(BASE_ATTRIBUTES)
    for component in components:
        missing = [r for r in component.requires if r not in available]
        if missing:
            raise PipelineError(
                f"extractor {component.name!r} requires {', '.join(missing)}, which no earlier "
                f"extractor assigns (order: {', '.join(c.name for c in components)})")
        available.update(component.assigns)


class Pipeline:
    """Extractors built once from a bundle's gazetteers and patterns, then applied per document."""

    def __init__(self, components: Iterable[ComponentFactory] = DEFAULT_COMPONENTS, *,
                 bundle: Bundle | None = None) -> None:
        self.bundle = bundle if bundle is not None else load_bundle()
        self.gazetteers = self.bundle.gazetteers
        self.patterns = Patterns(self.bundle)
        with using(self.bundle.lexicon):
            self.components: tuple[Component, ...] = tuple(
                factory(self.gazetteers, self.patterns) for factory in components)
        check_order(self.components)
        Scan(m for m in matchers_in(self.components) if len(m))  # one pass over a document for all

    def run(self, info: DocumentInfo, text: str) -> Doc:
        """The working state after every extractor has run (for tests and tools).

        An extractor that raises is rolled back: what it assigns keeps the value it had
        before it ran, the error is kept in ``doc.errors``, and the next extractors go on.
        """
        with using(self.bundle.lexicon):
            doc = Doc.create(info, text)
            for component in self.components:
                before = {name: _copied(getattr(doc, name)) for name in component.assigns}
                try:
                    component(doc)
                except Exception as exc:  # one reader's bug must not lose the document
                    for name, value in before.items():
                        setattr(doc, name, value)
                    doc.record_error(component.name, (0, len(text)), exc)
        return doc

    def extract(self, info: DocumentInfo, text: str) -> Extraction:
        """The Extraction of one text; never raises on a text (see ``run``). A very long
        text is read a piece at a time (see chunks.py), so the cost stays linear."""
        if len(text) <= CHUNK_CHARS:
            return self._extract(info, text)
        return joined(info, ((a, self._extract(info, text[a:b])) for a, b in pieces(text)))

    def _extract(self, info: DocumentInfo, text: str) -> Extraction:
        doc = self.run(info, text)
        return doc.attempt("assemble", (0, len(text)), Extraction(document=info), assemble, doc)


def _copied(value: object) -> object:
    """A shallow copy of a container an extractor may fill in place, so that it can be
    put back as it was."""
    return value.copy() if isinstance(value, list | dict | set) else value


def assemble(doc: Doc) -> Extraction:
    """The Extraction of a finished Doc: entities in order of first mention.

    A party named outright is an actor, a collective one ("فصائل المعارضة", "the rebels")
    as much as a single group. A name that denotes a group only in context ("النظام"), and
    a body that is no party of the war (the UN, a rescue service), make an actor only when
    a claim is about it.
    """
    used = {c.victim_actor for c in doc.casualty_claims} | {c.actor for c in doc.control_claims}
    strong = {m.key for m in doc.actor_mentions if not m.weak}
    actors = [a for k, a in doc.actors.items()
              if k in used or (k in strong and k not in doc.non_party_actors)]
    kept = {a.key for a in actors}
    for event in doc.events:
        event.actors = [k for k in event.actors if k in kept]
    entities: list[Actor | Place] = [*actors, *doc.places.values()]
    for entity in entities:
        entity.mentions.sort()
    return Extraction(
        document=replace(doc.info, publisher_key=doc.info.publisher_key or doc.publisher.source),
        actors=sorted(actors, key=_first_mention),
        places=sorted(doc.places.values(), key=_first_mention),
        events=sorted(doc.events, key=lambda e: e.evidence),
        casualty_claims=sorted(doc.casualty_claims, key=lambda c: c.evidence),
        control_claims=sorted(doc.control_claims, key=lambda c: c.evidence),
        sources=dict(sorted(doc.source_names.items())),
        record=doc.record,
    )


def _first_mention(entity: Actor | Place) -> tuple[int, int]:
    """Where an entity is first named; one named only through a claim comes first."""
    return (entity.mentions[0].start, entity.mentions[0].end) if entity.mentions else (0, 0)


_pipelines: dict[Bundle, Pipeline] = {}


def extract(document_info: DocumentInfo, text: str, *, bundle: Bundle | None = None) -> Extraction:
    """Extract one document with the bundle's default pipeline (built on first use, then reused)."""
    bundle = bundle if bundle is not None else load_bundle()
    if bundle not in _pipelines:
        _pipelines[bundle] = Pipeline(bundle=bundle)
    return _pipelines[bundle].extract(document_info, text)
