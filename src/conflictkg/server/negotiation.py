"""Content negotiation for SPARQL results: which serialisation a client gets.

Plain data with no pyoxigraph objects, so the choice can be made in the web process
(for a 406 before any work) and again in a query worker (once the query's kind is
known). Formats are named by a short key; the worker maps keys to pyoxigraph formats.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from conflictkg.server.errors import HttpError

# kind of result -> [(key, media type)], the first is the default.
SOLUTIONS = "solutions"
BOOLEAN = "boolean"
GRAPH = "graph"

FORMATS: dict[str, list[tuple[str, str]]] = {
    SOLUTIONS: [
        ("json", "application/sparql-results+json"),
        ("xml", "application/sparql-results+xml"),
        ("csv", "text/csv"),
        ("tsv", "text/tab-separated-values"),
    ],
    BOOLEAN: [
        ("json", "application/sparql-results+json"),
        ("xml", "application/sparql-results+xml"),
        ("csv", "text/csv"),
        ("tsv", "text/tab-separated-values"),
    ],
    GRAPH: [
        ("turtle", "text/turtle"),
        ("ntriples", "application/n-triples"),
        ("nquads", "application/n-quads"),
        ("trig", "application/trig"),
        ("jsonld", "application/ld+json"),
        ("rdfxml", "application/rdf+xml"),
        ("n3", "text/n3"),
    ],
}

# Media types clients commonly send for the same formats.
ALIASES: dict[str, str] = {
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "application/x-turtle": "turtle",
    "text/plain": "ntriples",
    "application/json+ld": "jsonld",
}

# ?format= values accepted in the query string (handy in a browser).
FORMAT_PARAM: dict[str, str] = {
    "json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv",
    "ttl": "turtle", "turtle": "turtle", "nt": "ntriples", "ntriples": "ntriples",
    "nq": "nquads", "nquads": "nquads", "trig": "trig", "jsonld": "jsonld",
    "json-ld": "jsonld", "rdf": "rdfxml", "rdfxml": "rdfxml", "xml-rdf": "rdfxml", "n3": "n3",
}


@dataclass(frozen=True)
class Choice:
    key: str
    media_type: str


def _media_ranges(accept: str) -> list[tuple[str, float, int]]:
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


def _matches(media_range: str, media_type: str, key: str) -> int:
    """Specificity of the match (3 exact, 2 type/*, 1 */*), 0 for none."""
    if media_range == media_type or ALIASES.get(media_range) == key:
        return 3
    if media_range == "*/*" or media_range == "*":
        return 1
    major, _, minor = media_range.partition("/")
    if minor == "*" and media_type.startswith(major + "/"):
        return 2
    return 0


@functools.lru_cache(maxsize=256)
def choose(kind: str, accept: str | None, format_param: str | None = None) -> Choice:
    """The best format for a ``kind`` of result, by ``?format=`` then the Accept header.

    Remembered: clients send few distinct Accept headers, and parsing one costs more
    than a query worker's other bookkeeping for a fast query.
    """
    offered = FORMATS[kind]
    if format_param:
        key = FORMAT_PARAM.get(format_param.lower())
        for offered_key, media in offered:
            if offered_key == key:
                return Choice(offered_key, media)
        raise HttpError(406, f"format={format_param!r} cannot carry {kind} results; use one of "
                        + ", ".join(k for k, _ in offered))
    if not accept or not accept.strip():
        return Choice(*offered[0])
    best: tuple[float, int, int, int] | None = None
    chosen: Choice | None = None
    ranges = _media_ranges(accept)
    for position, (key, media) in enumerate(offered):
        q_for_type, specificity, order = None, 0, 0
        for media_range, q, index in ranges:
            level = _matches(media_range, media, key)
            if level > specificity:
                q_for_type, specificity, order = q, level, index
        if q_for_type is None or q_for_type <= 0:
            continue
        score = (q_for_type, specificity, -order, -position)
        if best is None or score > best:
            best, chosen = score, Choice(key, media)
    if chosen is None:
        raise HttpError(406, f"no acceptable format for {kind} results in Accept: {accept!r}; "
                        "offered: " + ", ".join(m for _, m in offered))
    return chosen

