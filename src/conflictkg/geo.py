"""Geometry helpers: GeoSPARQL ``wktLiteral`` <-> shapely, and distances in metres.

Every geometry in the graph is in CRS84 (longitude, latitude in degrees), so a
metre is not a constant number of degrees. Distances between points use the
haversine formula on a sphere of the mean Earth radius (within 0.5% of the
WGS84 ellipsoid; about 15 m on 3 km). For other shapes the two nearest points are
found in a local equirectangular projection and their haversine distance is
returned. Buffers are drawn in a local equirectangular plane centred on the
geometry's centroid; at Syrian latitudes the edge lies within 0.02% of the radius
at 10 km, 0.5% at 200 km and 1% at 400 km (tests/test_geo.py checks 10 km).
"""

from __future__ import annotations

import math
import re

import shapely
from shapely import wkt as shapely_wkt
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from conflictkg.rdf.vocabulary import CRS84

EARTH_RADIUS_M = 6_371_008.8
_CRS_PREFIX = re.compile(r"^\s*<([^>]*)>\s*")

METRES_PER_UNIT: dict[str, float] = {
    "http://www.opengis.net/def/uom/OGC/1.0/metre": 1.0,
    "http://www.opengis.net/def/uom/OGC/1.0/meter": 1.0,
    "http://www.opengis.net/def/uom/OGC/1.0/kilometre": 1000.0,
    "http://www.opengis.net/def/uom/OGC/1.0/kilometer": 1000.0,
    "http://qudt.org/vocab/unit/M": 1.0,
    "http://qudt.org/vocab/unit/KiloM": 1000.0,
}


class WktError(ValueError):
    """A wktLiteral that is not well-formed or not in CRS84."""


def point_wkt(lon: float, lat: float) -> str:
    """The lexical form of a CRS84 point, as the graph stores it."""
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise WktError(f"lon={lon}, lat={lat}: outside the CRS84 range")
    return f"{CRS84} POINT({_num(lon)} {_num(lat)})"


def _num(value: float) -> str:
    return f"{value:.7f}".rstrip("0").rstrip(".")


def parse_wkt(literal: str) -> BaseGeometry:
    """A shapely geometry from a wktLiteral's lexical form (optional CRS IRI first)."""
    text = literal
    match = _CRS_PREFIX.match(text)
    if match:
        if match.group(1) != CRS84.strip("<>"):
            raise WktError(f"unsupported CRS <{match.group(1)}>: only CRS84 is served")
        text = text[match.end():]
    try:
        geometry = shapely_wkt.loads(text)
    except shapely.errors.ShapelyError as error:
        raise WktError(f"not well-formed WKT: {literal[:80]!r}") from error
    if geometry.is_empty:
        raise WktError(f"empty geometry: {literal[:80]!r}")
    return geometry


def from_geojson(geometry: dict) -> BaseGeometry:
    """A shapely geometry from a GeoJSON geometry object (CRS84)."""
    return shapely.geometry.shape(geometry)


def to_wkt(geometry: BaseGeometry) -> str:
    """The wktLiteral lexical form of a CRS84 geometry, coordinates to 7 decimals (~1 cm)."""
    return f"{CRS84} {shapely_wkt.dumps(geometry, rounding_precision=7, trim=True)}"


def haversine_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in metres between two CRS84 positions."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _local_projection(lon0: float, lat0: float):
    """(to_metres, to_degrees) for an equirectangular plane centred on (lon0, lat0)."""
    kx = EARTH_RADIUS_M * math.radians(1.0) * math.cos(math.radians(lat0))
    ky = EARTH_RADIUS_M * math.radians(1.0)

    origin, scale = (lon0, lat0), (kx, ky)  # broadcast over shapely's (n, 2) coordinate arrays

    def forward(geometry: BaseGeometry) -> BaseGeometry:
        return shapely.transform(geometry, lambda xy: (xy - origin) * scale)

    def backward(geometry: BaseGeometry) -> BaseGeometry:
        return shapely.transform(geometry, lambda xy: xy / scale + origin)

    return forward, backward


def distance_m(a: BaseGeometry, b: BaseGeometry) -> float:
    """Shortest distance in metres between two CRS84 geometries; 0 when they intersect."""
    if a.geom_type == "Point" and b.geom_type == "Point":
        return haversine_m(a.x, a.y, b.x, b.y)
    if a.intersects(b):
        return 0.0
    centre = shapely.union(a.centroid, b.centroid).centroid
    forward, backward = _local_projection(centre.x, centre.y)
    pa, pb = (backward(p) for p in nearest_points(forward(a), forward(b)))
    return haversine_m(pa.x, pa.y, pb.x, pb.y)


def buffer_m(geometry: BaseGeometry, metres: float, *, segments: int = 16) -> BaseGeometry:
    """The area within ``metres`` of a CRS84 geometry, as a CRS84 polygon."""
    if metres < 0 or not math.isfinite(metres):
        raise ValueError(f"buffer radius must be a finite number of metres >= 0, got {metres}")
    centre = geometry.centroid
    forward, backward = _local_projection(centre.x, centre.y)
    return backward(forward(geometry).buffer(metres, quad_segs=segments))


def bbox(geometry: BaseGeometry) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat)."""
    return tuple(geometry.bounds)  # type: ignore[return-value]


def bbox_around(lon: float, lat: float, metres: float) -> tuple[float, float, float, float]:
    """A box that surely holds every point within ``metres`` of (lon, lat): a cheap prefilter."""
    dlat = math.degrees(metres / EARTH_RADIUS_M)
    dlon = dlat / max(math.cos(math.radians(lat)), 1e-6)
    return (lon - dlon, lat - dlat, lon + dlon, lat + dlat)


def unit_factor(unit_iri: str | None) -> float:
    """Metres per unit for a unit-of-measure IRI; metres when none is given."""
    if unit_iri is None:
        return 1.0
    try:
        return METRES_PER_UNIT[unit_iri]
    except KeyError:
        raise ValueError(f"unsupported unit <{unit_iri}>: use uom:metre or uom:kilometre") from None
