"""Metre distances and buffers on CRS84 geometries."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from conflictkg import geo

DAMASCUS = (36.2765, 33.5138)
HOMS = (36.7235, 34.7308)
SQUARE = "<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POLYGON((36.5 33, 37 33, 37 34, 36.5 34, 36.5 33))"


def test_point_wkt_round_trips():
    literal = geo.point_wkt(*DAMASCUS)
    assert literal == "<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POINT(36.2765 33.5138)"
    point = geo.parse_wkt(literal)
    assert (point.x, point.y) == DAMASCUS
    assert geo.parse_wkt(geo.to_wkt(point)).equals(point)


def test_point_wkt_rejects_latitude_out_of_range():
    with pytest.raises(geo.WktError, match="lat=91"):
        geo.point_wkt(36.0, 91)


@pytest.mark.parametrize("literal, message", [
    ("POINT(36 33", "not well-formed"),
    ("<http://www.opengis.net/def/crs/EPSG/0/3857> POINT(0 0)", "unsupported CRS"),
    ("<http://www.opengis.net/def/crs/EPSG/0/4326> POINT(33.5 36.3)", "unsupported CRS"),  # lat first
    ("POINT EMPTY", "empty geometry"),
])
def test_parse_wkt_names_the_problem(literal, message):
    with pytest.raises(geo.WktError, match=message):
        geo.parse_wkt(literal)


def test_haversine_damascus_homs_is_about_140_km():
    # Published great-circle distance between the two city centres: ~140 km.
    assert geo.haversine_m(*DAMASCUS, *HOMS) == pytest.approx(140_000, rel=0.02)


def test_distance_between_points_is_symmetric_and_zero_on_itself():
    a, b = Point(DAMASCUS), Point(HOMS)
    assert geo.distance_m(a, b) == pytest.approx(geo.distance_m(b, a))
    assert geo.distance_m(a, a) == 0.0


def test_distance_point_to_polygon_is_to_its_nearest_edge():
    square = geo.parse_wkt(SQUARE)
    outside = Point(36.27, 33.51)
    # Nearest edge is the meridian 36.5 at the same latitude.
    assert geo.distance_m(outside, square) == pytest.approx(geo.haversine_m(36.27, 33.51, 36.5, 33.51),
                                                            rel=1e-3)
    assert geo.distance_m(Point(36.7, 33.5), square) == 0.0


def test_buffer_edge_is_at_the_radius():
    centre = Point(DAMASCUS)
    ring = geo.buffer_m(centre, 10_000).exterior.coords
    for lon, lat in ring:
        assert geo.haversine_m(*DAMASCUS, lon, lat) == pytest.approx(10_000, rel=0.002)


def test_buffer_rejects_negative_radius():
    with pytest.raises(ValueError, match="radius"):
        geo.buffer_m(Point(DAMASCUS), -1)


def test_bbox_around_holds_the_circle():
    box = geo.bbox_around(*DAMASCUS, 10_000)
    circle = geo.buffer_m(Point(DAMASCUS), 10_000)
    min_lon, min_lat, max_lon, max_lat = geo.bbox(circle)
    assert box[0] <= min_lon and box[1] <= min_lat and box[2] >= max_lon and box[3] >= max_lat


def test_unit_factor():
    assert geo.unit_factor(None) == 1.0
    assert geo.unit_factor("http://www.opengis.net/def/uom/OGC/1.0/kilometre") == 1000.0
    with pytest.raises(ValueError, match="unsupported unit"):
        geo.unit_factor("http://www.opengis.net/def/uom/OGC/1.0/degree")
