"""The SPARQL extension functions the endpoint serves, for ``Store.query(custom_functions=...)``.

Oxigraph 0.5 already evaluates GeoSPARQL's ``geof:sf*`` relations on any geometry,
and ``geof:distance`` between two points when a unit is given. A function passed in
``custom_functions`` replaces a built-in of the same IRI, so this module only adds
what is missing and replaces what falls short:

    geof:distance(?a, ?b [, ?unit])   any geometries, metres unless a unit is given
    geof:buffer(?geom, ?radius [, ?unit])   radius in metres unless a unit is given
    ckg:arabicKey(?s)                 the key the extractor matches Arabic names by
    ckg:arabicMatch(?a, ?b)           true when the two keys are equal

A function that cannot apply to its arguments returns ``None``: SPARQL's type
error, so the expression is unbound and a FILTER on it drops the row, as for any
built-in.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from pyoxigraph import Literal, NamedNode

from conflictkg import geo
from conflictkg.extract.normalize import normalize_key
from conflictkg.rdf.vocabulary import CKG, PREFIXES

GEOF = PREFIXES["geof"]
WKT_LITERAL = NamedNode(PREFIXES["geo"] + "wktLiteral")
XSD_DOUBLE = NamedNode(PREFIXES["xsd"] + "double")
XSD_BOOLEAN = NamedNode(PREFIXES["xsd"] + "boolean")
NUMERIC_TYPES = {
    PREFIXES["xsd"] + name
    for name in ("integer", "decimal", "double", "float", "int", "long", "short",
                 "nonNegativeInteger", "positiveInteger", "unsignedInt")
}

Term = NamedNode | Literal

# A FILTER calls a function once per row, often with the same constant argument.
_key = lru_cache(maxsize=65_536)(normalize_key)


def _geometry(term: object):
    if not isinstance(term, Literal) or term.datatype != WKT_LITERAL:
        raise TypeError("expected a geo:wktLiteral")
    return geo.parse_wkt(term.value)


def _number(term: object) -> float:
    if not isinstance(term, Literal) or term.datatype.value not in NUMERIC_TYPES:
        raise TypeError("expected a number")
    return float(term.value)


def _unit(term: object | None) -> float:
    if term is None:
        return 1.0
    if not isinstance(term, NamedNode):
        raise TypeError("expected a unit IRI")
    return geo.unit_factor(term.value)


def _text(term: object) -> str:
    if not isinstance(term, Literal):
        raise TypeError("expected a literal")
    return term.value


def _sparql_errors_unbound(function: Callable[..., Term]) -> Callable[..., Term | None]:
    """Turn a Python error on bad arguments into SPARQL's unbound result."""

    def wrapper(*args: object) -> Term | None:
        try:
            return function(*args)
        except (TypeError, ValueError):
            return None

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


@_sparql_errors_unbound
def distance(a: object, b: object, unit: object | None = None) -> Literal:
    """geof:distance: shortest distance between two geometries (0 when they meet)."""
    metres = geo.distance_m(_geometry(a), _geometry(b))
    return Literal(repr(metres / _unit(unit)), datatype=XSD_DOUBLE)


@_sparql_errors_unbound
def buffer(geometry: object, radius: object, unit: object | None = None) -> Literal:
    """geof:buffer: the area within ``radius`` of a geometry, as a CRS84 polygon."""
    metres = _number(radius) * _unit(unit)
    return Literal(geo.to_wkt(geo.buffer_m(_geometry(geometry), metres)), datatype=WKT_LITERAL)


@_sparql_errors_unbound
def arabic_key(value: object) -> Literal:
    """ckg:arabicKey: hamza forms, ta marbuta, alef maqsura, diacritics, tatweel and case folded."""
    return Literal(_key(_text(value)))


@_sparql_errors_unbound
def arabic_match(a: object, b: object) -> Literal:
    """ckg:arabicMatch: whether two strings have the same Arabic-insensitive key."""
    same = _key(_text(a)) == _key(_text(b))
    return Literal("true" if same else "false", datatype=XSD_BOOLEAN)


CUSTOM_FUNCTIONS: dict[NamedNode, Callable[..., Term | None]] = {
    NamedNode(GEOF + "distance"): distance,
    NamedNode(GEOF + "buffer"): buffer,
    NamedNode(CKG + "arabicKey"): arabic_key,
    NamedNode(CKG + "arabicMatch"): arabic_match,
}
