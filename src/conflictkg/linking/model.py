"""What linking works with: reported events, claims and documents as read from the store,
the places and groups they name, and the evidence that two reports tell of one happening.

Days are proleptic ordinals (``date.toordinal()``), so a range of days is two integers
and the index can compare them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


def day(value: str | None) -> int | None:
    """The ordinal of an ISO date ("2018-03-19"), None for anything else."""
    try:
        return date.fromisoformat(value).toordinal() if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Place:
    """A place as linking compares it: its level, the places it lies in and its point."""

    iri: str
    label: str
    level: str | None
    chain: tuple[str, ...]  # the places it lies in, from its parent up
    point: tuple[float, float] | None  # (lon, lat)
    curated: bool = True  # in the gazetteer; else found in a text, known by where it lies

    @property
    def town(self) -> str:
        """The place it stands for: itself, or for a site or a place the gazetteer lacks the
        place it lies in (a market of Saraqib is Saraqib; a village the gazetteer does not
        know, put in the Idlib countryside, is somewhere in Idlib)."""
        known = self.curated and self.level != "site"
        return self.iri if known or not self.chain else self.chain[0]


@dataclass(frozen=True)
class Actor:
    iri: str
    label: str
    chain: tuple[str, ...]  # the groups it is part of, nearest first
    broad: bool = False  # a whole side or coalition (groups are part of it, or it is collective)


@dataclass(frozen=True)
class Document:
    iri: str
    version: str  # its ckg:extractorVersion: linked again when it changes
    publisher: str | None
    published: int | None  # day
    revision_of: str | None


@dataclass
class Report:
    """A reported event: one document's telling of something that happened."""

    iri: str
    document: str
    kind: str
    first: int | None  # earliest day
    last: int | None  # latest day
    begin: str | None = None  # sem:hasBeginTimeStamp as written (its form is its precision)
    end: str | None = None
    places: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    name: str | None = None
    name_lang: str = ""
    name_key: str | None = None
    parent: str | None = None  # the event of the same document this is an episode of

    @property
    def span(self) -> int | None:
        """Days the report's dates allow (1 for a day)."""
        if self.first is None or self.last is None:
            return None
        return self.last - self.first + 1


@dataclass
class Claim:
    """A claim on a reported event, with what comparing tolls across documents needs."""

    iri: str
    document: str
    event: str | None
    kind: str  # "casualties" or "control"
    source: str | None
    rank: str  # the rank the document itself gives (its own ckg:supersedes)
    count: int | None = None
    qualifier: str | None = None
    outcome: str | None = None
    victims: str | None = None  # the victims' group, else their category
    part: bool = False  # the part of a breakdown (ckg:partOfToll)
    supersedes: tuple[str, ...] = ()  # within its document
    held: str = ""  # the rank its document graph holds now (linking may have changed it)


@dataclass(frozen=True)
class Reason:
    kind: str  # a notation of ckg:LinkReasonScheme
    score: float  # its share of the link's score
    note: str  # what was compared, in a few words


@dataclass
class Match:
    """The evidence that a report tells of the same happening as another."""

    other: str  # the report compared with
    score: float
    reasons: list[Reason] = field(default_factory=list)


FIRST_REPORT = Match(other="", score=1.0, reasons=[Reason("first_report", 1.0, "opened the incident")])
