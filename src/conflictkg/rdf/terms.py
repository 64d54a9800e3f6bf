"""Literals for the values of extractions and gazetteers: dates by precision, texts by language.

A date in the text can be a day, a month or a year. The graph keeps it at that
precision (the datatype says which) and also as the first and last day it can mean,
as plain ``xsd:date`` values that range filters can compare.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from pyoxigraph import Literal, NamedNode

from conflictkg.rdf.vocabulary import CRS84, geo, rdf, xsd

_TEMPORAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DATATYPES = (xsd.gYear, xsd.gYearMonth, xsd.date)


def _parts(value: str) -> tuple[int, int | None, int | None]:
    match = _TEMPORAL.match(value)
    if not match:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year = int(match[1])
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        raise ValueError(f"not a calendar date: {value!r}") from None
    return year, month, day


def temporal(value: str | int) -> Literal:
    """``"2013-02"`` -> ``"2013-02"^^xsd:gYearMonth``; a year, month or day at its precision."""
    text = str(value)
    parts = _parts(text)
    precision = sum(p is not None for p in parts) - 1
    return Literal(text, datatype=_DATATYPES[precision])


def first_day(value: str) -> date:
    """The earliest day a date of any precision can mean: ``"2013-02"`` -> 2013-02-01."""
    year, month, day = _parts(value)
    return date(year, month or 1, day or 1)


def last_day(value: str) -> date:
    """The latest day a date of any precision can mean: ``"2013-02"`` -> 2013-02-28."""
    year, month, day = _parts(value)
    month = month or 12
    return date(year, month, day or calendar.monthrange(year, month)[1])


def xsd_date(value: date) -> Literal:
    return Literal(value.isoformat(), datatype=xsd.date)


def text(value: str, language: str | None) -> Literal:
    """A language-tagged string (a plain string when the language is unknown)."""
    return Literal(value, language=language) if language else Literal(value)


def iri(value: str, what: str) -> NamedNode:
    """A NamedNode, or a ValueError that says which value was not an IRI."""
    try:
        return NamedNode(value)
    except ValueError as exc:
        raise ValueError(f"{what} is not a valid IRI ({exc}): {value!r}") from None


def point(place: NamedNode, lat: float, lon: float) -> list[tuple[NamedNode, NamedNode,
                                                                  NamedNode | Literal]]:
    """The triples of a place's point geometry ``{place}#geometry`` (CRS84: longitude first)."""
    geometry = NamedNode(f"{place.value}#geometry")
    wkt = Literal(f"{CRS84} POINT({lon} {lat})", datatype=geo.wktLiteral)
    return [(place, geo.hasGeometry, geometry), (geometry, rdf.type, geo.Geometry),
            (geometry, geo.asWKT, wkt)]


def boundary(place: NamedNode, wkt: str) -> list[tuple[NamedNode, NamedNode, NamedNode | Literal]]:
    """The triples of a place's boundary geometry ``{place}#boundary`` (a CRS84 polygon's WKT,
    CRS IRI first), beside its point: ``geof:sfWithin`` of a town in it can then be asked."""
    geometry = NamedNode(f"{place.value}#boundary")
    return [(place, geo.hasGeometry, geometry), (geometry, rdf.type, geo.Geometry),
            (geometry, geo.asWKT, Literal(wkt, datatype=geo.wktLiteral))]
