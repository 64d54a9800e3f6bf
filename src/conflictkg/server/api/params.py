"""The parameters API routes share, declared once: paging, identifiers, kinds, search,
an area on the map and the choice of GeoJSON.

Route modules import their parameter types from here and never from each other.
Parameters that travel together and need reading (``bbox``, ``near`` and
``radius_km``; ``format`` with the Accept header) are FastAPI dependencies that
hand the route what they mean, or a 422 naming the parameter that cannot be used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Literal

from fastapi import Depends, Query, Request

from conflictkg.extract.model import ACTOR_KINDS, EVENT_KINDS
from conflictkg.geo import haversine_m
from conflictkg.rdf.terms import first_day, last_day
from conflictkg.reference.gazetteers import PLACE_LEVELS
from conflictkg.server.errors import bad_parameter
from conflictkg.server.negotiation import Offers, negotiate

ID_DOC = "The full IRI (URL-encoded) or its local key"

Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page (default 25, at most 1000)")]
Cursor = Annotated[str | None, Query(max_length=1000, description="The `next` of the previous page")]
Search = Annotated[str | None, Query(alias="q", max_length=300, min_length=1,
                                     description="Part of a name or alias, Arabic or English")]
EventKind = Enum("EventKind", {k: k for k in EVENT_KINDS}, type=str)  # type: ignore[misc]
ActorKind = Literal[ACTOR_KINDS]  # type: ignore[valid-type]
Level = Literal[PLACE_LEVELS]  # type: ignore[valid-type]
ClaimKind = Literal["casualties", "control"]
Reports = Annotated[Literal["all"] | None, Query(
    description="`all` lists the reported events (each as one document tells it) instead of the "
    "canonical incidents they are linked to")]


ActorFilter = Annotated[str | None, Query(
    max_length=300, description="Armed group: IRI, key or name (Arabic or English); its sub-units "
    "count too", examples=["Free Syrian Army"])]
PlaceFilter = Annotated[str | None, Query(
    max_length=300, description="Place: IRI, key or name; places inside it count too",
    examples=["C1001"])]
SourceFilter = Annotated[str | None, Query(
    max_length=300, description="Reporting source: IRI, key or name", examples=["SOHR"])]


@dataclass(frozen=True)
class Area:
    """A box (west, south, east, north) and/or a circle around a (lat, lon) centre."""

    box: tuple[float, float, float, float] | None
    centre: tuple[float, float] | None
    radius_km: float

    def holds(self, lon: float, lat: float) -> bool:
        if self.box is not None:
            west, south, east, north = self.box
            inside_lon = west <= lon <= east if west <= east else (lon >= west or lon <= east)
            if not (inside_lon and south <= lat <= north):
                return False
        if self.centre is not None:
            centre_lat, centre_lon = self.centre
            return haversine_m(centre_lon, centre_lat, lon, lat) <= self.radius_km * 1000
        return True


def parse_bbox(raw: str) -> tuple[float, float, float, float]:
    try:
        parts = [float(x) for x in raw.split(",")]
    except ValueError:
        raise bad_parameter("bbox", "expected minLon,minLat,maxLon,maxLat as numbers") from None
    if len(parts) != 4 or not all(math.isfinite(x) for x in parts):
        raise bad_parameter("bbox", "expected four numbers: minLon,minLat,maxLon,maxLat")
    west, south, east, north = parts
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise bad_parameter("bbox", "longitudes must lie in [-180, 180], latitudes in [-90, 90], "
                            "minLat <= maxLat")
    return west, south, east, north


def parse_near(raw: str) -> tuple[float, float]:
    try:
        lat, lon = (float(x) for x in raw.split(","))
    except ValueError:
        raise bad_parameter("near", "expected lat,lon as two numbers") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise bad_parameter("near", "latitude must lie in [-90, 90] and longitude in [-180, 180]")
    return lat, lon


def area(
    bbox: Annotated[str | None, Query(max_length=200, description="minLon,minLat,maxLon,maxLat",
                                      examples=["36.2,33.4,36.4,33.6"])] = None,
    near: Annotated[str | None, Query(max_length=100, description="lat,lon",
                                      examples=["33.51,36.29"])] = None,
    radius_km: Annotated[float, Query(gt=0, le=2000, description="Radius around `near`")] = 10.0,
) -> Area | None:
    """The area ``bbox`` and ``near`` + ``radius_km`` describe; None when neither is given."""
    if bbox is None and near is None:
        return None
    return Area(parse_bbox(bbox) if bbox is not None else None,
                parse_near(near) if near is not None else None, radius_km)


InArea = Annotated[Area | None, Depends(area)]


DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@dataclass(frozen=True)
class Period:
    """The days from ``start`` to ``end`` (ISO dates; either may be open)."""

    start: str | None
    end: str | None


def _day(param: str, value: str | None, last: bool) -> str | None:
    if value is None:
        return None
    try:
        day = last_day(value) if last else first_day(value)
    except ValueError as exc:
        raise bad_parameter(param, f"{exc}; expected YYYY, YYYY-MM or YYYY-MM-DD") from None
    return day.isoformat()


def period(
    from_: Annotated[str | None, Query(alias="from", max_length=10, description=(
        "From this day, month or year on: YYYY, YYYY-MM or YYYY-MM-DD (a month or year from its "
        "first day)"), examples=["2017"])] = None,
    to: Annotated[str | None, Query(max_length=10, description=(
        "Up to this day, month or year: YYYY, YYYY-MM or YYYY-MM-DD (a month or year to its last day)"),
        examples=["2017-03"])] = None,
) -> Period:
    """The period ``from`` and ``to`` name, each at the precision given."""
    return Period(_day("from", from_, last=False), _day("to", to, last=True))


InPeriod = Annotated[Period, Depends(period)]


@dataclass(frozen=True)
class EventFilter:
    """What an event list keeps: the filters of /events, /stats and the CSV export."""

    kind: str | None
    period: Period
    actor: str | None
    place: str | None
    source: str | None
    area: Area | None
    reports: bool = False  # the reported events, not the incidents they are linked to


def event_filter(
    area: InArea, period: InPeriod,
    kind: Annotated[EventKind | None, Query(description="Event type")] = None,
    actor: ActorFilter = None, place: PlaceFilter = None, source: SourceFilter = None,
    reports: Reports = None,
) -> EventFilter:
    return EventFilter(kind.value if kind is not None else None, period, actor, place, source, area,
                       reports == "all")


EventFilters = Annotated[EventFilter, Depends(event_filter)]
GEOJSON_OR_JSON = Offers("JSON or GeoJSON", [("json", "application/json"),
                                             ("geojson", "application/geo+json")])


def wants_geojson(
    request: Request,
    format: Annotated[Literal["json", "geojson"] | None, Query(
        description="`geojson` for RFC 7946 GeoJSON (also by Accept: application/geo+json)")] = None,
) -> bool:
    """GeoJSON by ``format=geojson``, or when Accept prefers it to JSON (which is what
    any other Accept gets)."""
    if format is not None:
        return format == "geojson"
    chosen = negotiate(GEOJSON_OR_JSON, request.headers.get("accept"))
    return chosen is not None and chosen.key == "geojson"


GeoJson = Annotated[bool, Depends(wants_geojson)]
LIST_FORMATS = Offers("an event list", [("json", "application/json"), ("geojson", "application/geo+json"),
                                        ("csv", "text/csv")])


def list_format(
    request: Request,
    format: Annotated[Literal["json", "geojson", "csv"] | None, Query(
        description="`geojson` for RFC 7946 GeoJSON, `csv` for the table of every event the filters "
        "keep (ACLED-like columns, no paging); also by Accept")] = None,
) -> str:
    """``format=``, or the Accept header's choice among JSON, GeoJSON and CSV (JSON by default)."""
    if format is not None:
        return format
    chosen = negotiate(LIST_FORMATS, request.headers.get("accept"))
    return chosen.key if chosen is not None else "json"


ListFormat = Annotated[str, Depends(list_format)]
