"""What the linked-data pages draw without a script: small maps and timelines in SVG, and a
document's text with its spans marked. No tiles, no network: plain projections of points
and dates into a box."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from conflictkg.iris import Iris
from conflictkg.server.linked import local_href


def svg_map(points: list[dict[str, Any]], width: int = 420, height: int = 300) -> dict[str, Any]:
    """Project points into an SVG box (equirectangular, scaled by the cosine of latitude)."""
    if not points:
        return {}
    lons, lats = [p["lon"] for p in points], [p["lat"] for p in points]
    pad = max(0.02, (max(lons) - min(lons)) * 0.15, (max(lats) - min(lats)) * 0.15)
    west, east, south, north = min(lons) - pad, max(lons) + pad, min(lats) - pad, max(lats) + pad
    kx = math.cos(math.radians((south + north) / 2))
    scale = min((width - 20) / ((east - west) * kx), (height - 20) / (north - south))
    x0 = (width - (east - west) * kx * scale) / 2
    y0 = (height - (north - south) * scale) / 2
    placed = [{**p, "x": round(x0 + (p["lon"] - west) * kx * scale, 1),
               "y": round(y0 + (north - p["lat"]) * scale, 1)} for p in points]
    km = (east - west) * kx * 111.32
    return {"width": width, "height": height, "points": placed,
            "bbox": [round(v, 5) for v in (west, south, east, north)], "km": round(km, 1)}


def highlighted(extraction: dict[str, Any] | None, iris: Iris) -> list[dict[str, Any]]:
    """The document text cut into plain and marked segments (first span wins an overlap)."""
    if not extraction or not extraction.get("text"):
        return []
    text_ = extraction["text"]
    marks = []
    for group in ("actors", "places"):
        for item in extraction[group]:
            for m in item["mentions"]:
                marks.append((m["start"], m["end"], item["id"], group[:-1]))
    for group in ("events", "claims"):
        for item in extraction[group]:
            if item.get("evidence"):
                marks.append((item["evidence"]["start"], item["evidence"]["end"], item["id"],
                              group[:-1]))
    segments, at = [], 0
    for start, end, iri, kind in sorted(m for m in marks if m[0] is not None and m[1] is not None):
        if start < at or end > len(text_):
            continue
        segments.append({"text": text_[at:start]})
        segments.append({"text": text_[start:end], "href": local_href(iris, iri), "kind": kind})
        at = end
    segments.append({"text": text_[at:]})
    return segments

def svg_timeline(items: list[dict[str, Any]], width: int = 640, lane: int = 18) -> dict[str, Any]:
    """Place dated items (``start``: YYYY, YYYY-MM or YYYY-MM-DD; ``label``, ``href``,
    ``kind``) on one axis, a lane each, with a tick a year (or fewer, when years are many)."""
    dated = sorted((i for i in items if i.get("start")), key=lambda i: i["start"])[:80]
    if not dated:
        return {}
    days = [_day(i["start"]) for i in dated]
    first, last = min(days), max(days)
    span = max((last - first).days, 30)
    left, right = 10, width * 0.55

    def x(day: date) -> float:
        return round(left + (day - first).days / span * (right - left), 1)

    years = range(first.year, last.year + 2)
    step = max(1, math.ceil(len(years) / 10))
    ticks: list[dict[str, Any]] = [{"x": x(date(y, 1, 1)), "label": str(y)} for y in years[::step]
             if first <= date(y, 1, 1) <= last or y == first.year]
    placed = [{**item, "x": x(day), "y": 28 + n * lane} for n, (item, day) in enumerate(zip(dated, days, strict=True))]
    return {"width": width, "height": 36 + len(placed) * lane, "items": placed,
            "ticks": [{**t, "x": max(t["x"], left)} for t in ticks], "axis": 20}


def _day(value: str) -> date:
    parts = [int(p) for p in value[:10].split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
