"""Events as an analyst's table, and the counts of ``/api/v1/stats``.

One row per event, with columns named as in ACLED's exports where ours mean the same
(``event_date``, ``event_type``, ``sub_event_type``, ``actor1``, ``admin1``…
``geo_precision``, ``fatalities``) and ours beside them (our own kind, the date's
precision, P-codes, the fatalities' low, best and high figures, the IRI). The CSV of
``/api/v1/events?format=csv`` and of ``conflictkg export --format csv`` is this table.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from conflictkg import backend
from conflictkg.config import Settings
from conflictkg.iris import Iris
from conflictkg.server.api import models as m
from conflictkg.server.api.figures import GEO_PRECISION
from conflictkg.server.api.index import EventIndex
from conflictkg.server.api.reader import event_summaries
from conflictkg.server.engine import QueryEngine

COLUMNS = (
    "event_id", "event_date", "date_precision", "end_date", "earliest_date", "latest_date", "year",
    "kind", "event_type", "sub_event_type", "actor1", "actor1_kind", "actor2", "actor2_kind",
    "other_actors", "admin1", "admin1_pcode", "admin2", "admin2_pcode", "admin3", "admin3_pcode",
    "location", "location_pcode", "location_level", "latitude", "longitude", "geo_precision",
    "fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "fatality_claims",
    "sources", "source_count", "quote", "name", "parent", "iri",
)
SEPARATOR = "; "  # between several values in one cell


def name(ref: m.Ref | None) -> str:
    return (ref.labels.en or ref.labels.ar or ref.key or ref.id) if ref else ""


def row(e: m.EventSummary) -> dict[str, Any]:
    """One event as a row of :data:`COLUMNS` (empty cells for what is unknown)."""
    actors = list(e.actors)
    first, second = [*actors, None, None][:2]
    place = e.places[0] if e.places else None
    figures = e.fatalities
    level = e.location_precision or ""
    return {
        "event_id": e.key, "event_date": e.start or "", "date_precision": e.date_precision or "",
        "end_date": e.end or "", "earliest_date": e.earliest_begin or "", "latest_date": e.latest_end or "",
        "year": (e.start or "")[:4], "kind": e.kind or "",
        "event_type": e.acled_event_type or "", "sub_event_type": e.acled_sub_event_type or "",
        "actor1": name(first), "actor1_kind": first.kind or "" if first else "",
        "actor2": name(second), "actor2_kind": second.kind or "" if second else "",
        "other_actors": SEPARATOR.join(name(a) for a in actors[2:]),
        "admin1": name(e.admin1), "admin1_pcode": e.admin1.key if e.admin1 else "",
        "admin2": name(e.admin2), "admin2_pcode": e.admin2.key if e.admin2 else "",
        "admin3": name(e.admin3), "admin3_pcode": e.admin3.key if e.admin3 else "",
        "location": name(place), "location_pcode": place.key if place else "", "location_level": level,
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(level, ""),
        "fatalities": figures.conservative if figures else "",
        "fatalities_low": figures.low if figures else "", "fatalities_best": figures.best if figures else "",
        "fatalities_high": figures.high if figures else "", "fatality_claims": figures.claims if figures else 0,
        "sources": SEPARATOR.join(name(s) for s in e.sources), "source_count": len(e.sources),
        "quote": e.quote or "", "name": e.labels.ar or e.labels.en or "", "parent": e.parent or "",
        "iri": e.id,
    }


def csv_text(events: Iterable[m.EventSummary]) -> str:
    """The table as CSV (RFC 4180, a header row, UTF-8 when encoded)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for e in events:
        writer.writerow(row(e))
    return out.getvalue()


async def export_csv(settings: Settings, *, kind: str | None = None, start: str | None = None,
                     end: str | None = None) -> str:
    """The table of every incident (of ``kind``, from ``start`` to ``end``) in the store the
    settings name, as ``/api/v1/events?format=csv`` gives it; for the command line, with
    query workers of its own."""
    engine = QueryEngine(settings)
    await engine.start()
    try:
        iris, cache = Iris(settings.base_iri), dict[str, Any]()
        index = EventIndex(backend.index_folder(settings))
        if not index.ready():
            backend.index_events(settings)
        _, page = await index.page(kind=kind, start=start, end=end, limit=None, incidents=True)
        found = page.iris
        summaries = [e for at in range(0, len(found), 500)
                     for e in await event_summaries(engine, iris, cache, found[at:at + 500])]
        return csv_text(summaries)
    finally:
        await engine.close()


def stats(events: list[m.EventSummary]) -> m.Stats:
    """Counts of events and fatalities by month, governorate, kind, armed group and source."""
    groups: dict[str, dict[str, list[m.EventSummary]]] = defaultdict(lambda: defaultdict(list))
    refs: dict[str, m.Ref] = {}
    for e in events:
        groups["month"][(e.start or "")[:7] if e.date_precision in ("day", "month") else "unknown"].append(e)
        groups["governorate"][e.admin1.id if e.admin1 else "unknown"].append(e)
        groups["kind"][e.kind or "unknown"].append(e)
        for a in e.actors or []:
            groups["group"][a.id].append(e)
            refs[a.id] = a
        for s in e.sources:
            groups["source"][s.id].append(e)
            refs[s.id] = s
        if e.admin1:
            refs[e.admin1.id] = e.admin1
    def counted(name_: str) -> list[m.Count]:
        found = [m.Count(key=key, ref=_plain(refs.get(key)), **_figures(items).model_dump())
                 for key, items in groups[name_].items()]
        if name_ == "month":
            return sorted(found, key=lambda c: c.key)
        return sorted(found, key=lambda c: (-c.events, c.key))
    return m.Stats(**_figures(events).model_dump(), by_month=counted("month"), by_governorate=counted("governorate"),
                   by_kind=counted("kind"), by_group=counted("group"), by_source=counted("source"))


def _plain(ref: m.Ref | None) -> m.Ref | None:
    return m.Ref(id=ref.id, key=ref.key, labels=ref.labels) if ref else None


def _figures(events: list[m.EventSummary]) -> m.Figures:
    total: Counter[str] = Counter()
    for e in events:
        if e.fatalities:
            total.update({"fatalities": e.fatalities.conservative, "fatalities_low": e.fatalities.low,
                          "fatalities_best": e.fatalities.best, "fatalities_high": e.fatalities.high,
                          "events_with_fatalities": 1})
    return m.Figures(events=len(events), fatalities=total["fatalities"], fatalities_low=total["fatalities_low"],
                     fatalities_best=total["fatalities_best"], fatalities_high=total["fatalities_high"],
                     events_with_fatalities=total["events_with_fatalities"])
