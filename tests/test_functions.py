"""The SPARQL extension functions, run through a real pyoxigraph query.

Also pins down how they sit with Oxigraph's own GeoSPARQL support: which
built-ins exist, and that a custom function replaces a built-in of the same IRI.
"""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Store

from conflictkg import geo
from conflictkg.functions import CUSTOM_FUNCTIONS, GEOF
from conflictkg.rdf.vocabulary import sparql_prefixes

PREFIXES = sparql_prefixes("geo", "geof", "ckg", "xsd") + \
    "PREFIX uom: <http://www.opengis.net/def/uom/OGC/1.0/>\n"
POINT = '"<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POINT(36.27 33.51)"^^geo:wktLiteral'
NEAR = '"POINT(36.3 33.5)"^^geo:wktLiteral'
SQUARE = '"POLYGON((36.5 33, 37 33, 37 34, 36.5 34, 36.5 33))"^^geo:wktLiteral'


def value(expression: str, *, custom: bool = True):
    """The value of one SPARQL expression, None when unbound."""
    query = f"{PREFIXES}SELECT ?x WHERE {{ BIND({expression} AS ?x) }}"
    options = {"custom_functions": CUSTOM_FUNCTIONS} if custom else {}
    (row,) = list(Store().query(query, **options))
    return row["x"]


def number(expression: str) -> float:
    term = value(expression)
    assert isinstance(term, Literal), f"{expression} is unbound"
    return float(term.value)


def test_distance_between_points_agrees_with_oxigraph_builtin():
    ours = number(f"geof:distance({POINT}, {NEAR}, uom:metre)")
    builtin = float(value(f"geof:distance({POINT}, {NEAR}, uom:metre)", custom=False).value)
    assert ours == pytest.approx(builtin, rel=1e-9)
    assert ours == pytest.approx(2995.6, abs=1)


def test_distance_defaults_to_metres_and_converts_kilometres():
    assert number(f"geof:distance({POINT}, {NEAR})") == pytest.approx(2995.6, abs=1)
    assert number(f"geof:distance({POINT}, {NEAR}, uom:kilometre)") == pytest.approx(2.9956, abs=1e-3)


def test_distance_to_a_polygon_where_oxigraph_gives_none():
    assert value(f"geof:distance({POINT}, {SQUARE}, uom:metre)", custom=False) is None
    expected = geo.haversine_m(36.27, 33.51, 36.5, 33.51)
    assert number(f"geof:distance({POINT}, {SQUARE})") == pytest.approx(expected, rel=1e-3)
    assert number(f'geof:distance({SQUARE}, "POINT(36.7 33.5)"^^geo:wktLiteral)') == 0.0


def test_custom_function_replaces_the_builtin_of_the_same_iri():
    replaced = {NamedNode(GEOF + "sfWithin"): lambda *args: Literal("ours")}
    query = f"{PREFIXES}SELECT ?x WHERE {{ BIND(geof:sfWithin({POINT}, {SQUARE}) AS ?x) }}"
    (row,) = list(Store().query(query, custom_functions=replaced))
    assert row["x"] == Literal("ours")


@pytest.mark.parametrize("expression, expected", [
    (f"geof:sfWithin({POINT}, {SQUARE})", "false"),
    (f'geof:sfWithin("POINT(36.7 33.5)"^^geo:wktLiteral, {SQUARE})', "true"),
    (f'geof:sfContains({SQUARE}, "POINT(36.7 33.5)"^^geo:wktLiteral)', "true"),
    (f'geof:sfIntersects({SQUARE}, "POLYGON((36 33, 36.6 33, 36.6 34, 36 33))"^^geo:wktLiteral)', "true"),
])
def test_oxigraph_builtin_relations_handle_polygons(expression, expected):
    """Why functions.py does not define the sf* relations: Oxigraph's own are right."""
    assert value(expression, custom=False).value == expected
    assert value(expression).value == expected


def test_buffer_then_within_finds_points_inside_the_radius():
    inside = value(f"geof:sfWithin({NEAR}, geof:buffer({POINT}, 5000))")
    outside = value(f"geof:sfWithin({NEAR}, geof:buffer({POINT}, 2, uom:kilometre))")
    assert (inside.value, outside.value) == ("true", "false")


def test_buffer_is_a_crs84_wkt_literal():
    term = value(f"geof:buffer({POINT}, 1000)")
    assert term.datatype == NamedNode("http://www.opengis.net/ont/geosparql#wktLiteral")
    assert term.value.startswith("<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POLYGON")


@pytest.mark.parametrize("expression", [
    f'geof:distance("POINT(1 2)", {POINT})',                  # a plain string, not a wktLiteral
    f'geof:distance("POINT(1"^^geo:wktLiteral, {POINT})',     # malformed WKT
    f"geof:distance({POINT}, {NEAR}, uom:degree)",          # unsupported unit
    f'geof:buffer({POINT}, "far")',                           # radius not a number
    f"geof:buffer({POINT}, -5)",
    "ckg:arabicKey(<https://conflictkg.org/id/place/SY07>)",  # an IRI, not a string
])
def test_bad_arguments_leave_the_result_unbound(expression):
    assert value(expression) is None


@pytest.mark.parametrize("a, b", [
    ("حماه", "حماة"),          # ta marbuta
    ("أحرار الشام", "احرار الشام"),  # hamza on alef
    ("إدلب", "ادلب"),
    ("مستشفى", "مستشفي"),     # alef maqsura
    ("الشَّام", "الشام"),        # diacritics
    ("الشـــام", "الشام"),       # tatweel
    ("Jobar", "JOBAR"),
])
def test_arabic_match_ignores_spelling_variants(a, b):
    assert value(f'ckg:arabicMatch("{a}", "{b}"@ar)').value == "true"
    assert value(f'ckg:arabicKey("{a}")') == value(f'ckg:arabicKey("{b}"@ar)')


def test_arabic_match_keeps_different_names_apart():
    assert value('ckg:arabicMatch("حمص", "حماة")').value == "false"


def test_arabic_key_is_the_extractors_key():
    from conflictkg.extract.normalize import normalize_key

    assert value('ckg:arabicKey("مُخيّم اليرموك")').value == normalize_key("مُخيّم اليرموك")
