"""One document's extraction as the quads of its named graph.

Everything read from a document (its metadata and text, its events and claims, the
text spans they rest on) goes in the graph named by the document's IRI, so that
re-ingesting a document replaces one graph and ``GRAPH ?g`` gives provenance. IRIs
are deterministic and there are no blank nodes: the same extraction always gives the
same quads. Curated actors and places live in the gazetteer graph and are only
referenced here; units found by pattern are described here, where they were found.
See docs/graph-model.md for the shapes.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from pyoxigraph import Literal, NamedNode, Quad

from conflictkg.extract.model import (
    ACTOR_KINDS,
    CHANGES,
    QUALIFIERS,
    STANCES,
    Attribution,
    CasualtyClaim,
    ControlClaim,
    Extraction,
    Span,
)
from conflictkg.iris import Iris, slugify
from conflictkg.rdf import terms
from conflictkg.rdf.vocabulary import (
    EVENT_CLASSES,
    EVENT_TYPES,
    ckg,
    ckgk,
    ckgt,
    ckgv,
    dcterms,
    oa,
    prov,
    rdf,
    rdfs,
    schema,
    sem,
    skos,
    wikibase,
    xsd,
)
from conflictkg.reference.gazetteers import PLACE_LEVELS

QUOTE_CONTEXT = 32  # code points of text kept before and after a quote (oa:prefix, oa:suffix)
OUTCOMES = ("killed", "wounded", "captured", "missing")


class MappingError(ValueError):
    """The extraction does not fit the graph model; the message names the document and item."""


def document_quads(
    extraction: Extraction, iris: Iris, *, text: str, ingested_at: datetime,
    extractor_version: str, revision_of: str | None = None,
) -> list[Quad]:
    """The quads of the graph ``iris.document(sha256)`` for one document and its extraction.

    ``text`` is the document's text as ingested (evidence offsets index into it);
    ``revision_of`` is the IRI of an earlier version of the same document.
    """
    graph = _DocumentGraph(extraction, iris, text)
    try:
        graph.document(ingested_at, extractor_version, revision_of)
        graph.actors()
        graph.places()
        graph.events()
        graph.claims()
    except ValueError as exc:
        if isinstance(exc, MappingError):
            raise
        raise MappingError(f"{extraction.document.file}: {exc}") from None
    return graph.quads()


class _DocumentGraph:
    def __init__(self, extraction: Extraction, iris: Iris, text: str) -> None:
        self.x = extraction
        self.iris = iris
        self.text = text
        self.sha = extraction.document.sha256
        self.lang = extraction.document.language or None
        self.doc = NamedNode(iris.document(self.sha))
        self.event_keys = {e.key for e in extraction.events}
        self._quads: dict[Quad, None] = {}

    def quads(self) -> list[Quad]:
        return list(self._quads)

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self._quads[Quad(s, p, o, self.doc)] = None

    def fail(self, what: str, message: str) -> MappingError:
        return MappingError(f"{self.x.document.file}: {what}: {message}")

    # --- the document ----------------------------------------------------------------

    def document(self, ingested_at: datetime, extractor_version: str,
                 revision_of: str | None) -> None:
        d, doc, add = self.x.document, self.doc, self.add
        if hashlib.sha256(self.text.encode("utf-8")).hexdigest() != self.sha:
            raise self.fail("document", f"sha256 {self.sha!r} is not the digest of the text")
        add(doc, rdf.type, ckg.SourceDocument)
        add(doc, ckg.sha256, Literal(self.sha))
        add(doc, ckg.fileName, Literal(d.file))
        add(doc, dcterms.language, Literal(d.language))
        add(doc, schema.text, terms.text(self.text, self.lang))
        add(doc, ckg.ingestedAt, Literal(ingested_at.isoformat(timespec="seconds"),
                                         datatype=xsd.dateTime))
        add(doc, ckg.extractorVersion, Literal(extractor_version))
        if d.title:
            add(doc, dcterms.title, terms.text(d.title, self.lang))
        if d.published:
            add(doc, schema.datePublished, terms.temporal(d.published))
        if d.url:
            add(doc, schema.url, terms.iri(d.url, "document url"))
        if d.kind:
            add(doc, schema.genre, Literal(d.kind))
        if self.x.record and isinstance(self.x.record.get("code"), str):
            add(doc, dcterms.identifier, Literal(self.x.record["code"]))
        if revision_of:
            add(doc, prov.wasRevisionOf, terms.iri(revision_of, "revision_of"))
        names = {"en": d.publisher, "ar": d.publisher_ar}
        if d.publisher_key or any(names.values()):
            add(doc, schema.publisher, self.source(d.publisher_key, names))

    def source(self, key: str | None, names: dict[str, str | None]) -> NamedNode:
        """A gazetteer source by key; else one minted from its name and labelled here."""
        if key:
            return terms.iri(self.iris.source(key), "source key")
        name = next((n for n in names.values() if n), None)
        if not name:
            raise ValueError("a source needs a key or a name")
        node = NamedNode(self.iris.source(slugify(name)))
        self.add(node, rdf.type, ckg.ReportingSource)
        for lang, label in names.items():
            if label:
                self.add(node, rdfs.label, terms.text(label, lang))
        return node

    def attribution(self, a: Attribution) -> NamedNode:
        return self.source(a.source, {self.lang or "": a.label})

    # --- text spans (Web Annotation) --------------------------------------------------

    def span(self, span: Span, body: NamedNode, motivation: NamedNode, what: str) -> NamedNode:
        """The annotation of a text span, with ``body`` as one of its bodies."""
        if not 0 <= span.start < span.end <= len(self.text):
            raise self.fail(what, f"span {span.start}-{span.end} is outside the text "
                                  f"(0-{len(self.text)})")
        if self.text[span.start:span.end] != span.text:
            raise self.fail(what, f"text[{span.start}:{span.end}] is "
                                  f"{self.text[span.start:span.end]!r}, not {span.text!r}")
        ann_iri = self.iris.annotation(self.sha, span.start, span.end)
        ann, target = NamedNode(ann_iri), NamedNode(ann_iri + "#target")
        quote, position = NamedNode(ann_iri + "#quote"), NamedNode(ann_iri + "#position")
        add = self.add
        add(ann, rdf.type, oa.Annotation)
        add(ann, oa.motivatedBy, motivation)
        add(ann, oa.hasBody, body)
        add(ann, oa.hasTarget, target)
        add(target, rdf.type, oa.SpecificResource)
        add(target, oa.hasSource, self.doc)
        add(target, oa.hasSelector, quote)
        add(target, oa.hasSelector, position)
        add(quote, rdf.type, oa.TextQuoteSelector)
        add(quote, oa.exact, Literal(span.text))
        prefix = self.text[max(0, span.start - QUOTE_CONTEXT):span.start]
        suffix = self.text[span.end:span.end + QUOTE_CONTEXT]
        if prefix:
            add(quote, oa.prefix, Literal(prefix))
        if suffix:
            add(quote, oa.suffix, Literal(suffix))
        add(position, rdf.type, oa.TextPositionSelector)
        add(position, oa.start, Literal(span.start))
        add(position, oa.end, Literal(span.end))
        return ann

    # --- actors and places ------------------------------------------------------------

    def actor(self, key: str) -> NamedNode:
        return terms.iri(self.iris.actor(key), "actor key")

    def place(self, key: str) -> NamedNode:
        return terms.iri(self.iris.place(key), "place key")

    def found(self, node: NamedNode, cls: NamedNode, labels: dict[str, str | None],
              mentions: list[Span], what: str, *, curated: bool) -> bool:
        """Annotate an entity's mentions. One found in the text rather than the gazetteer
        is typed and labelled here, in the document's graph: returns True for those."""
        for mention in mentions:
            self.span(mention, node, oa.identifying, what)
        if curated:
            return False
        self.add(node, rdf.type, cls)
        for lang, label in labels.items():
            if label:
                self.add(node, rdfs.label, terms.text(label, lang))
        return True

    def actors(self) -> None:
        add = self.add
        for a in self.x.actors:
            node, what = self.actor(a.key), f"actor {a.key}"
            if a.kind not in ACTOR_KINDS:
                raise self.fail(what, f"unknown kind {a.kind!r}")
            if not self.found(node, ckg.ArmedGroup, a.labels, a.mentions, what, curated=a.curated):
                continue
            for alias in a.aliases:
                add(node, skos.altLabel, terms.text(alias, self.lang))
            add(node, ckg.actorKind, ckgk[a.kind])
            if a.side:
                add(node, ckg.side, Literal(a.side))
            if a.parent:
                add(node, ckg.partOf, self.actor(a.parent))

    def places(self) -> None:
        add = self.add
        for p in self.x.places:
            node, what = self.place(p.key), f"place {p.key}"
            level = p.level or "site"
            if level not in PLACE_LEVELS:
                raise self.fail(what, f"unknown level {level!r}")
            if not self.found(node, ckg.Place, p.labels, p.mentions, what, curated=p.curated):
                continue
            add(node, ckg.adminLevel, ckgv[level])
            if p.parent:
                add(node, schema.containedInPlace, self.place(p.parent))
            if p.lat is not None and p.lon is not None:  # the place it lies in: approximate
                for s, pred, o in terms.point(node, p.lat, p.lon):
                    add(s, pred, o)

    # --- events -------------------------------------------------------------------------

    def event(self, key: str, what: str) -> NamedNode:
        if key not in self.event_keys:
            raise self.fail(what, f"unknown event key {key!r}")
        return NamedNode(self.iris.event(self.sha, key))

    def events(self) -> None:
        if len(self.event_keys) < len(self.x.events):
            raise self.fail("events", "two events share a key")
        add = self.add
        for e in self.x.events:
            what = f"event {e.key}"
            if e.kind not in EVENT_CLASSES:
                raise self.fail(what, f"unknown kind {e.kind!r}")
            node = self.event(e.key, what)
            add(node, rdf.type, ckg[EVENT_CLASSES[e.kind]])
            for cls in EVENT_TYPES:
                add(node, rdf.type, cls)
            add(node, ckg.eventType, ckgt[e.kind])
            if e.name:
                add(node, rdfs.label, terms.text(e.name, self.lang))
            self.period(node, e.start, e.end, what)
            for key in e.places:
                add(node, sem.hasPlace, self.place(key))
            for key in e.actors:
                add(node, sem.hasActor, self.actor(key))
            if e.parent:
                if e.parent == e.key:
                    raise self.fail(what, "an event cannot be an episode of itself")
                add(node, sem.subEventOf, self.event(e.parent, what))
            add(node, ckg.evidence, self.span(e.evidence, node, oa.describing, what))
            add(node, prov.wasDerivedFrom, self.doc)

    def period(self, node: NamedNode, start: str | None, end: str | None, what: str) -> None:
        """Begin and end at their precision, and the widest range of days they allow."""
        try:
            if start:
                self.add(node, sem.hasBeginTimeStamp, terms.temporal(start))
                self.add(node, sem.hasEarliestBeginTimeStamp,
                         terms.xsd_date(terms.first_day(start)))
            if end:
                self.add(node, sem.hasEndTimeStamp, terms.temporal(end))
            if end or start:
                latest = terms.last_day(end or start or "")
                if start and latest < terms.first_day(start):
                    raise ValueError(f"ends ({end}) before it begins ({start})")
                self.add(node, sem.hasLatestEndTimeStamp, terms.xsd_date(latest))
        except ValueError as exc:
            raise self.fail(what, str(exc)) from None

    # --- claims -------------------------------------------------------------------------

    def claims(self) -> None:
        keys = [c.key for c in (*self.x.casualty_claims, *self.x.control_claims)]
        if len(set(keys)) < len(keys):
            raise self.fail("claims", "two claims share a key")
        ranks = self.ranks()
        for c in self.x.casualty_claims:
            self.casualty_claim(c, ranks[c.key])
        for k in self.x.control_claims:
            self.control_claim(k)

    def ranks(self) -> dict[str, NamedNode]:
        """Superseded tolls are deprecated, the newest of a chain preferred, others normal."""
        claims = {c.key: c for c in self.x.casualty_claims}
        for c in claims.values():
            seen = {c.key}
            later = c.supersedes
            while later:
                if later not in claims:
                    raise self.fail(f"claim {c.key}", f"supersedes unknown claim {later!r}")
                if later in seen:
                    raise self.fail(f"claim {c.key}", "its supersedes chain is a cycle")
                seen.add(later)
                later = claims[later].supersedes
        superseded = {c.supersedes for c in claims.values() if c.supersedes}
        return {
            key: wikibase.DeprecatedRank if key in superseded
            else wikibase.PreferredRank if c.supersedes else wikibase.NormalRank
            for key, c in claims.items()
        }

    def claim(self, c: CasualtyClaim | ControlClaim, cls: NamedNode, rank: NamedNode,
              what: str) -> NamedNode:
        """What every claim has: class, source, rank, event, evidence, document."""
        node = NamedNode(self.iris.claim(self.sha, c.key))
        add = self.add
        add(node, rdf.type, cls)
        add(node, prov.wasAttributedTo, self.attribution(c.attributed_to))
        add(node, ckg.attributedLabel, Literal(c.attributed_to.label))
        add(node, wikibase.rank, rank)
        if c.event:
            add(node, ckg.about, self.event(c.event, what))
        add(node, ckg.evidence, self.span(c.evidence, node, oa.describing, what))
        add(node, prov.wasDerivedFrom, self.doc)
        return node

    def casualty_claim(self, c: CasualtyClaim, rank: NamedNode) -> None:
        what = f"claim {c.key}"
        for name, value, allowed in (("qualifier", c.qualifier, QUALIFIERS),
                                     ("outcome", c.outcome, OUTCOMES)):
            if value not in allowed:
                raise self.fail(what, f"unknown {name} {value!r}")
        if c.count < 0:
            raise self.fail(what, f"count is negative: {c.count}")
        node = self.claim(c, ckg.CasualtyClaim, rank, what)
        add = self.add
        add(node, ckg.count, Literal(c.count))
        add(node, ckg.qualifier, ckgv[c.qualifier])
        add(node, ckg.outcome, ckgv[c.outcome])
        if c.victim_actor:
            add(node, ckg.victimActor, self.actor(c.victim_actor))
        if c.victim_category:
            add(node, ckg.victimCategory, Literal(c.victim_category))
        if c.supersedes:
            add(node, ckg.supersedes, NamedNode(self.iris.claim(self.sha, c.supersedes)))
        if c.part_of:
            add(node, ckg.partOfToll, NamedNode(self.iris.claim(self.sha, c.part_of)))

    def control_claim(self, c: ControlClaim) -> None:
        what = f"claim {c.key}"
        for name, value, allowed in (("change", c.change, CHANGES),
                                     ("stance", c.stance, STANCES)):
            if value not in allowed:
                raise self.fail(what, f"unknown {name} {value!r}")
        node = self.claim(c, ckg.ControlClaim, wikibase.NormalRank, what)
        add = self.add
        add(node, ckg.controlPlace, self.place(c.place))
        if c.actor:
            add(node, ckg.controlActor, self.actor(c.actor))
        add(node, ckg.change, ckgv[c.change])
        add(node, ckg.stance, ckgv[c.stance])
        self.period(node, c.start, None, what)
