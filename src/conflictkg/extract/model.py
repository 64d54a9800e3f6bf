"""What extraction produces: plain dataclasses, and their JSON form.

The JSON form is the extraction format of the project's evaluation (one object per
document with actors, places, events and claims). Entities carry local keys; the
JSON writer turns them into IRIs with :class:`conflictkg.iris.Iris`, so nothing in
extraction knows how the graph names things.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from conflictkg.iris import Iris
from conflictkg.reference import load_bundle

Qualifier = Literal["exact", "at_least", "more_than", "about", "at_most"]
Change = Literal["captured", "entered", "withdrew", "lost", "besieged"]
Stance = Literal["asserted", "denied"]

QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]
CHANGES: tuple[str, ...] = Change.__args__  # type: ignore[attr-defined]
STANCES: tuple[str, ...] = Stance.__args__  # type: ignore[attr-defined]
# The kinds the code is written for: the SKOS schemes of the package's ontology.
ACTOR_KINDS: tuple[str, ...] = load_bundle().kinds.actor
EVENT_KINDS: tuple[str, ...] = load_bundle().kinds.event


@dataclass(frozen=True, order=True)
class Span:
    """A slice of the document text as ingested: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class DocumentInfo:
    file: str
    sha256: str
    language: str = "ar"
    publisher: str | None = None
    publisher_ar: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    title: str | None = None
    kind: str | None = None  # news-article, archive-record, ...
    extra: dict[str, Any] = field(default_factory=dict)
    publisher_key: str | None = None  # reporting-source key when the gazetteer knows the publisher


@dataclass
class Actor:
    key: str  # curated slug, or ar-<hash> for a unit found by pattern
    labels: dict[str, str | None]
    kind: str = "other"
    side: str | None = None
    parent: str | None = None  # key of the parent group
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    curated: bool = True


@dataclass
class Place:
    key: str  # OCHA P-code, or a curated slug
    labels: dict[str, str | None]
    admin1: str | None = None  # governorate, English name
    lat: float | None = None
    lon: float | None = None
    level: str | None = None  # governorate, district, subdistrict, community, neighbourhood, site
    mentions: list[Span] = field(default_factory=list)
    curated: bool = True  # False for a site found in the text and not in the gazetteer
    parent: str | None = None  # key of the gazetteer place it lies in


@dataclass
class Event:
    key: str  # derived from the evidence span: "<start>-<end>"
    kind: str
    evidence: Span
    name: str | None = None
    start: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    end: str | None = None
    places: list[str] = field(default_factory=list)  # place keys
    actors: list[str] = field(default_factory=list)  # actor keys
    parent: str | None = None  # key of the event this is an episode of


@dataclass
class Attribution:
    label: str
    source: str | None = None  # reporting-source key when the gazetteer knows it


@dataclass(frozen=True)
class SourceNames:
    """A known reporting source's names, given with each claim credited to it so that a
    reader of the extraction needs no gazetteer to know who "المرصد" is."""

    ar: str
    en: str
    aliases: tuple[str, ...] = ()
    short: str | None = None  # the acronym reports use for it ("SOHR", "ANHA"), if any


@dataclass
class CasualtyClaim:
    key: str
    count: int
    qualifier: str
    attributed_to: Attribution
    evidence: Span
    victim_actor: str | None = None  # actor key
    victim_category: str | None = None  # fighters, officers, civilians, children, ...
    outcome: str = "killed"  # killed, wounded, captured, missing
    event: str | None = None  # event key
    supersedes: str | None = None  # claim key of the earlier toll
    mentions: list[Span] = field(default_factory=list)  # every statement of it, when several
    part_of: str | None = None  # claim key of the toll this count is a part of (a breakdown)


@dataclass
class ControlClaim:
    key: str
    place: str  # place key
    change: str
    attributed_to: Attribution
    evidence: Span
    actor: str | None = None
    stance: str = "asserted"
    start: str | None = None
    event: str | None = None


@dataclass
class Extraction:
    document: DocumentInfo
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    casualty_claims: list[CasualtyClaim] = field(default_factory=list)
    control_claims: list[ControlClaim] = field(default_factory=list)
    sources: dict[str, SourceNames] = field(default_factory=dict)  # by source key
    record: dict[str, Any] | None = None  # fields of a structured archive record

    def to_json(self, iris: Iris) -> dict[str, Any]:
        """The extraction format, every entity named by its IRI."""
        sha = self.document.sha256
        actor = iris.actor
        place = iris.place

        def event(key: str | None) -> str | None:
            return iris.event(sha, key) if key else None

        def claim(key: str | None) -> str | None:
            return iris.claim(sha, key) if key else None

        def attribution(a: Attribution) -> dict[str, Any]:
            out: dict[str, Any] = {"id": iris.source(a.source) if a.source else None, "label": a.label}
            names = self.sources.get(a.source) if a.source else None
            if names is not None:
                out["labels"] = {"ar": names.ar, "en": names.en}
                out["aliases"] = list(names.aliases)
                if names.short:
                    out["short"] = names.short
            return out

        def event_json(e: Event) -> dict[str, Any]:
            return {"id": event(e.key), "kind": e.kind, "name": e.name, "start": e.start,
                    "end": e.end, "places": [place(k) for k in e.places],
                    "actors": [actor(k) for k in e.actors], "parent": event(e.parent),
                    "evidence": e.evidence.to_json()}

        d = self.document
        out: dict[str, Any] = {
            "document": {
                "id": iris.document(sha), "file": d.file, "publisher": d.publisher,
                "publisher_ar": d.publisher_ar, "published": d.published,
                "language": d.language, "sha256": sha, "url": d.url, "title": d.title,
            },
            "actors": [
                {"id": actor(a.key), "labels": a.labels, "kind": a.kind, "side": a.side,
                 "parent": actor(a.parent) if a.parent else None, "aliases": a.aliases,
                 "curated": a.curated, "mentions": [m.to_json() for m in a.mentions]}
                for a in self.actors
            ],
            "places": [
                {"id": place(p.key), "labels": p.labels, "admin1": p.admin1, "lat": p.lat,
                 "lon": p.lon, "level": p.level, "curated": p.curated,
                 "parent": place(p.parent) if p.parent else None,
                 "mentions": [m.to_json() for m in p.mentions]}
                for p in self.places
            ],
            "events": [event_json(e) for e in self.events if e.start],
            "undated_events": [event_json(e) for e in self.events if not e.start],
            "claims": [
                {"id": claim(c.key), "kind": "casualties", "count": c.count,
                 "qualifier": c.qualifier, "outcome": c.outcome,
                 "victims": {"actor": actor(c.victim_actor) if c.victim_actor else None,
                             "category": c.victim_category},
                 "event": event(c.event), "attributed_to": attribution(c.attributed_to),
                 "supersedes": claim(c.supersedes), "evidence": c.evidence.to_json(),
                 "part_of": claim(c.part_of), "mentions": [m.to_json() for m in c.mentions]}
                for c in self.casualty_claims
            ] + [
                {"id": claim(c.key), "kind": "control", "actor": actor(c.actor) if c.actor else None,
                 "place": place(c.place), "change": c.change, "stance": c.stance,
                 "start": c.start, "event": event(c.event),
                 "attributed_to": attribution(c.attributed_to), "evidence": c.evidence.to_json()}
                for c in self.control_claims
            ],
        }
        if self.record:
            out["record"] = self.record
        return out
