"""Content negotiation: which of the formats an answer can take a client gets.

One reading of the Accept header for the whole server: SPARQL results (here and in
the query workers), the linked-data pages and the JSON API each declare their
:class:`Offers`, and :func:`negotiate` picks among them. A media range's q-value
ranks it, ``q=0`` refuses it, and the most specific range naming a format gives
that format its q (``text/html;q=0, */*`` refuses HTML); ties go to the range
written first, then to the format offered first, which is also the answer when no
Accept header is sent.

Plain data with no pyoxigraph objects, so a query worker can choose once its
query's kind is known; the worker maps the keys to pyoxigraph formats.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from conflictkg.server.errors import HttpError


@dataclass(frozen=True)
class Choice:
    key: str
    media_type: str


class Offers:
    """The formats one kind of answer can take, the default first, and other media types
    clients send for them. Made once per kind (hashed by identity, so choices are
    remembered cheaply)."""

    def __init__(self, name: str, formats: Sequence[tuple[str, str]],
                 aliases: Mapping[str, str] | None = None) -> None:
        self.name = name
        self.formats = tuple(Choice(key, media) for key, media in formats)
        self.aliases = dict(aliases or {})

    def __repr__(self) -> str:
        return f"Offers({self.name!r})"

    def media_types(self) -> str:
        return ", ".join(c.media_type for c in self.formats)


# Media types clients commonly send for the SPARQL formats.
ALIASES: dict[str, str] = {
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/x-turtle": "turtle",
    "text/plain": "ntriples",
    "application/json+ld": "jsonld",
}
RESULTS = [
    ("json", "application/sparql-results+json"),
    ("xml", "application/sparql-results+xml"),
    ("csv", "text/csv"),
    ("tsv", "text/tab-separated-values"),
]
SOLUTIONS = Offers("SELECT results", RESULTS, ALIASES)
BOOLEAN = Offers("ASK results", RESULTS, ALIASES)
GRAPH = Offers("graph results", [
    ("turtle", "text/turtle"),
    ("ntriples", "application/n-triples"),
    ("nquads", "application/n-quads"),
    ("trig", "application/trig"),
    ("jsonld", "application/ld+json"),
    ("rdfxml", "application/rdf+xml"),
    ("n3", "text/n3"),
], ALIASES)

# ?format= values accepted in the query string (handy in a browser).
FORMAT_PARAM: dict[str, str] = {
    "json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv",
    "ttl": "turtle", "turtle": "turtle", "nt": "ntriples", "ntriples": "ntriples",
    "nq": "nquads", "nquads": "nquads", "trig": "trig", "jsonld": "jsonld",
    "json-ld": "jsonld", "rdf": "rdfxml", "rdfxml": "rdfxml", "xml-rdf": "rdfxml", "n3": "n3",
}


def media_ranges(accept: str) -> list[tuple[str, float, int]]:
    """(media range, q, position) of each range of an Accept header."""
    ranges = []
    for index, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media, q, index))
    return ranges


def _specificity(media_range: str, choice: Choice, offers: Offers) -> int:
    """How closely a range names a format: 3 exactly, 2 as type/*, 1 as */*, 0 not at all."""
    if media_range == choice.media_type or offers.aliases.get(media_range) == choice.key:
        return 3
    if media_range in ("*/*", "*"):
        return 1
    major, _, minor = media_range.partition("/")
    if minor == "*" and choice.media_type.startswith(major + "/"):
        return 2
    return 0


@functools.lru_cache(maxsize=512)
def negotiate(offers: Offers, accept: str | None) -> Choice | None:
    """The format of ``offers`` the Accept header prefers, or None when it refuses them all.

    Remembered: clients send few distinct Accept headers, and parsing one costs more
    than a query worker's other bookkeeping for a fast query.
    """
    if not accept or not accept.strip():
        return offers.formats[0]
    ranges = media_ranges(accept)
    best: tuple[float, int, int, int] | None = None
    chosen: Choice | None = None
    for position, choice in enumerate(offers.formats):
        q_for_type, specificity, order = 0.0, 0, 0
        for media_range, q, index in ranges:
            level = _specificity(media_range, choice, offers)
            if level > specificity:
                q_for_type, specificity, order = q, level, index
        if specificity == 0 or q_for_type <= 0:
            continue
        score = (q_for_type, specificity, -order, -position)
        if best is None or score > best:
            best, chosen = score, choice
    return chosen


COMPACTED = "http://www.w3.org/ns/json-ld#compacted"


@functools.lru_cache(maxsize=256)
def wants_compacted(accept: str | None) -> bool:
    """Whether the Accept header asks for JSON-LD compacted with a context:
    ``application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"``."""
    for part in (accept or "").split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if media.lower() != "application/ld+json":
            continue
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "profile" and COMPACTED in value.strip('"').split():
                return True
    return False


def not_acceptable(offers: Offers, accept: str | None) -> HttpError:
    return HttpError(406, f"no acceptable format for {offers.name} in Accept: {accept!r}; "
                     f"offered: {offers.media_types()}")


@functools.lru_cache(maxsize=256)
def choose(offers: Offers, accept: str | None, format_param: str | None = None) -> Choice:
    """The format of a SPARQL result, by ``?format=`` then the Accept header; a 406 when
    the client accepts none of those that can carry it."""
    if format_param:
        key = FORMAT_PARAM.get(format_param.lower())
        for choice in offers.formats:
            if choice.key == key:
                return choice
        raise HttpError(406, f"format={format_param!r} cannot carry {offers.name}; use one of "
                        + ", ".join(c.key for c in offers.formats))
    chosen = negotiate(offers, accept)
    if chosen is None:
        raise not_acceptable(offers, accept)
    return chosen
