"""The figures an analyst reads off an event: fatalities, the admin units it lies in, the
ACLED type it maps to, its sources and how precise its date and place are.

Fatalities come from the casualty claims about the event (about any of its reports, for
an incident) whose outcome is ``killed``,
grouped by victims (actor and category), so that two sources counting two sides add up
while two sources counting one side are compared:

    low           the lowest toll ever claimed per group (superseded ones too), summed
    high          the highest, summed
    best          per group the preferred claim (the newest of a revision chain), else
                  the median of the current claims, summed
    conservative  per group the lowest current (not deprecated) toll, summed: ACLED's
                  rule when reports disagree, and its ``fatalities`` column

A revised toll and the tolls it supersedes are one group even when the revision names
the victims more precisely. The parts of a breakdown (``ckg:partOfToll``) are not tolls
of their own. An event with
no such claim has no figures (null), not zero. What is read once per store generation
(each place's level and parent, actor kinds, the ACLED mapping) is kept in the API's cache.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from typing import Any, Literal

from conflictkg.iris import Iris
from conflictkg.server.api import models as m
from conflictkg.server.api import shapes
from conflictkg.server.api.graph import PREFIX, describe_bare, per_generation, spans, text, values_block
from conflictkg.server.api.index import labels_of

ADMIN_LEVELS = ("governorate", "district", "subdistrict")
# ACLED's geo_precision: 1 the place itself, 2 a nearby area (sub-district, district),
# 3 the governorate or wider.
GEO_PRECISION = {"neighbourhood": 1, "community": 1, "site": 1, "subdistrict": 2, "district": 2,
                 "governorate": 3, "country": 3}
PLACES = PREFIX + """
SELECT ?p ?level ?parent WHERE { ?p a ckg:Place ; ckg:adminLevel ?level .
  OPTIONAL { ?p schema:containedInPlace ?parent } }"""
ACTOR_KINDS = PREFIX + "SELECT ?a ?kind WHERE { ?a a ckg:ArmedGroup ; ckg:actorKind ?kind }"
# Each event type's ACLED type: the close match first, then the broader, then a related one.
ACLED = PREFIX + """
SELECT ?kind ?match ?rank ?label ?parentLabel WHERE {
  ?type skos:inScheme ckg:EventTypeScheme ; skos:notation ?kind .
  { ?type skos:closeMatch ?match BIND(1 AS ?rank) } UNION { ?type skos:broadMatch ?match BIND(2 AS ?rank) }
  UNION { ?type skos:relatedMatch ?match BIND(3 AS ?rank) }
  ?match skos:prefLabel ?label FILTER(LANGMATCHES(LANG(?label), "en"))
  OPTIONAL { ?match skos:broader ?parent . ?parent skos:prefLabel ?parentLabel
             FILTER(LANGMATCHES(LANG(?parentLabel), "en")) }
} ORDER BY ?kind ?rank ?match"""
CLAIMS_ABOUT = PREFIX + "SELECT ?e ?c WHERE { %s ?c ckg:about ?e }"
# An incident's claims are those about its reports (ranks updated across documents by linking).
CLAIMS_ON = PREFIX + "SELECT ?e ?c WHERE { %s ?r ckg:reportOf ?e . ?c ckg:about ?r }"
REPORT_EVIDENCE = PREFIX + "SELECT ?e ?a WHERE { %s ?r ckg:reportOf ?e ; ckg:evidence ?a } ORDER BY ?e ?a"
PUBLISHERS = PREFIX + "SELECT ?d ?pub WHERE { %s ?d schema:publisher ?pub }"


def fatalities(claims: list[m.Claim]) -> m.Fatalities | None:
    """The figures of one event's casualty claims (see the module's docstring)."""
    tolls = [c for c in claims if c.kind == "casualties" and c.outcome == "killed" and c.count is not None
             and c.part_of is None]
    if not tolls:
        return None
    low = high = best = conservative = 0
    for group in shapes.victim_groups(tolls):
        counts = [c.count for c in group if c.count is not None]
        current = [c.count for c in group if c.rank != "deprecated" and c.count is not None] or counts
        preferred = [c.count for c in group if c.rank == "preferred" and c.count is not None]
        low, high = low + min(counts), high + max(counts)
        best += preferred[0] if preferred else int(statistics.median_low(current))
        conservative += min(current)
    return m.Fatalities(low=low, best=best, high=high, conservative=conservative, claims=len(tolls))


async def _places(engine: Any, cache: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    async def build() -> dict[str, tuple[str, str | None]]:
        return {text(r["p"]): (shapes.local(text(r["level"])) or "", text(r.get("parent")))
                for r in await engine.select(PLACES)}
    return await per_generation(engine, cache, "figures:places", build, stale=True)


async def _actor_kinds(engine: Any, cache: dict[str, Any]) -> dict[str, str]:
    async def build() -> dict[str, str]:
        return {text(r["a"]): shapes.local(text(r["kind"])) or "" for r in await engine.select(ACTOR_KINDS)}
    return await per_generation(engine, cache, "figures:actor-kinds", build, stale=True)


async def _acled(engine: Any, cache: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    """event kind -> (ACLED event type, ACLED sub-event type or None)."""
    async def build() -> dict[str, tuple[str, str | None]]:
        found: dict[str, tuple[str, str | None]] = {}
        for r in await engine.select(ACLED):
            kind = text(r["kind"])
            if kind not in found:
                parent = text(r.get("parentLabel"))
                found[kind] = (parent, text(r["label"])) if parent else (text(r["label"]), None)
        return found
    return await per_generation(engine, cache, "figures:acled", build)


def admin_units(place: str | None, places: dict[str, tuple[str, str | None]]) -> dict[str, str]:
    """level -> IRI of the governorate, district and sub-district a place lies in (or is)."""
    found: dict[str, str] = {}
    seen = 0
    while place and place in places and seen < 20:
        level, parent = places[place]
        if level in ADMIN_LEVELS:
            found.setdefault(level, place)
        place, seen = parent, seen + 1
    return found


async def add_figures(engine: Any, iris: Iris, cache: dict[str, Any], events: list[m.EventSummary]) -> None:
    """Give each event summary its figures, in a few queries for the whole list."""
    if not events:
        return
    keys = [e.id for e in events]
    claim_rows = await engine.select(CLAIMS_ABOUT % values_block("e", keys))
    incidents = [e.id for e in events if e.type == "Incident"]
    if incidents:
        claim_rows += await engine.select(CLAIMS_ON % values_block("e", incidents))
    claims_of: dict[str, list[str]] = defaultdict(list)
    for r in claim_rows:
        claims_of[text(r["e"])].append(text(r["c"]))
    described = await describe_bare(engine, [c for cs in claims_of.values() for c in cs])
    documents = sorted({d for e in events for d in e.documents})
    publishers = {text(r["d"]): text(r["pub"])
                  for r in await engine.select(PUBLISHERS % values_block("d", documents))} if documents else {}
    evidence = await describe_bare(engine, keys)
    annotations = {e: d.iris("ckg:evidence") for e, d in evidence.items()}
    if incidents:  # an incident is quoted by its reports' sentences
        for r in await engine.select(REPORT_EVIDENCE % values_block("e", incidents)):
            annotations.setdefault(text(r["e"]), []).append(text(r["a"]))
    quotes = await spans(engine, [a for found in annotations.values() for a in found])
    places, kinds, acled = await _places(engine, cache), await _actor_kinds(engine, cache), await _acled(engine, cache)
    claims = {c: shapes.claim(iris, d, {}) for c, d in described.items()}
    reported_by = {e.id: {s.id for s in e.sources} for e in events}  # an incident's publishers
    source_iris = {c.source.id for c in claims.values() if c.source} | set(publishers.values()) \
        | {s for found in reported_by.values() for s in found}
    units = {e.id: admin_units(e.places[0].id if e.places else None, places) for e in events}
    names = await labels_of(engine, cache, source_iris | {u for found in units.values() for u in found.values()})
    for event in events:
        own = [claims[c] for c in claims_of.get(event.id, []) if c in claims]
        event.fatalities = fatalities(own)
        event.date_precision = precision(event.start)
        found = units[event.id]
        event.admin1, event.admin2, event.admin3 = (
            _ref(iris, found.get(level), names) for level in ADMIN_LEVELS)
        first = event.places[0] if event.places else None
        event.location_precision = places.get(first.id, ("", None))[0] or None if first else None
        event.acled_event_type, event.acled_sub_event_type = acled.get(event.kind or "", (None, None))
        for actor in event.actors:
            actor.kind = kinds.get(actor.id)
        sources = {c.source.id for c in own if c.source} | {publishers[d] for d in event.documents if d in publishers} \
            | reported_by[event.id]
        event.sources = [_ref(iris, s, names) for s in sorted(sources)]  # type: ignore[misc]
        quoted = [quotes[a]["text"] for a in annotations.get(event.id, []) if a in quotes]
        event.quote = quoted[0] if quoted else None


def _ref(iris: Iris, iri: str | None, names: dict[str, dict[str, str]]) -> m.Ref | None:
    if iri is None:
        return None
    return m.Ref(id=iri, key=shapes.key_of(iris, iri), labels=shapes.labels(names.get(iri, {})))


def precision(value: str | None) -> Literal["day", "month", "year"] | None:
    """'day', 'month' or 'year' for a date written YYYY-MM-DD, YYYY-MM or YYYY."""
    if not value:
        return None
    found: dict[int, Literal["day", "month", "year"]] = {10: "day", 7: "month", 4: "year"}
    return found.get(len(value))
