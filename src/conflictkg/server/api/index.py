"""An in-memory index of events by date, kept per store generation, for fast event lists.

Oxigraph answers a filtered, date-sorted page of a large graph by visiting every
candidate event and sorting them (each visit a key-value lookup), which costs
hundreds of milliseconds at 100,000 events. The list instead walks this index,
sorted by (earliest date, IRI), applies kind, date and incident-or-report filters
in memory, and stops after one page; filters that need the graph (actor, place,
source) come in as candidate sets from bound SPARQL. The index holds the reported
events and the incidents they are linked to (``ckg:Incident``, which have a kind and
dates too). It is read from the graph through the query engine with four
whole-predicate SELECTs, once per store generation, and labels and points of
gazetteer entities are cached alongside for the page summaries.

Reading 100,000 events takes seconds, so no request waits for it once there is an
index: an :class:`IndexKeeper` builds in the background (one build at a time, on
start-up and whenever the store publishes a new generation) and lists answer from
the last complete index meanwhile, saying which generation it reflects.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from conflictkg.server.api.graph import (
    PREFIX,
    Term,
    describe_bare,
    per_generation,
    text,
    values_block,
)

UNDATED = "9999-12-31"
KINDS = PREFIX + "SELECT ?e ?v WHERE { ?e ckg:eventType ?v }"
EARLIEST = PREFIX + "SELECT ?e ?v WHERE { ?e sem:hasEarliestBeginTimeStamp ?v }"
LATEST = PREFIX + "SELECT ?e ?v WHERE { ?e sem:hasLatestEndTimeStamp ?v }"
INCIDENTS = PREFIX + "SELECT ?e WHERE { ?e a ckg:Incident }"
LABELS = PREFIX + """
SELECT ?x ?label ?lang WHERE { ?x rdfs:label ?l BIND(STR(?l) AS ?label) BIND(LANG(?l) AS ?lang) }"""
LABELS_OF = PREFIX + """
SELECT ?x ?label ?lang WHERE { %s ?x rdfs:label ?l BIND(STR(?l) AS ?label) BIND(LANG(?l) AS ?lang) }"""
LINKED = ("sem:hasPlace", "sem:hasActor", "ckg:reportedBy")  # the objects a summary names
CHUNK = 25
CANDIDATES = PREFIX + "SELECT DISTINCT ?e WHERE { %s }"
WATCH_SECONDS = 0.5  # how often the keeper looks for a new store generation
log = logging.getLogger("conflictkg.server")


@dataclass(frozen=True, order=True)
class Indexed:
    key: str  # "{earliest or UNDATED}|{iri}": the sort order and the cursor
    iri: str
    kind: str | None
    earliest: str | None
    latest: str | None
    incident: bool = False  # a canonical incident, not an event as one document reports it


class EventIndex:
    """Events of one store generation, sorted by date then IRI."""

    def __init__(self, generation: Any, events: list[Indexed]) -> None:
        self.generation = generation
        self.events = sorted(events)
        self.keys = [e.key for e in self.events]
        spans = [_days(e.earliest, e.latest) for e in self.events if e.earliest and e.latest]
        self.max_span = max(spans, default=0)

    def page(self, *, kind: str | None = None, start: str | None = None, end: str | None = None,
             among: set[str] | None = None, after: str | None = None, limit: int = 100,
             incidents: bool | None = None) -> tuple[list[str], str | None]:
        """IRIs of one page and the key to continue after (None on the last page).

        ``start``/``end`` keep events still going on at ``start`` and begun by ``end``
        (ISO dates); undated events only appear when neither is given. ``incidents``
        keeps only incidents (True) or only reported events (False).
        """
        at = bisect.bisect_right(self.keys, after) if after else 0
        if start:
            earliest_possible = _shift(start, -self.max_span)
            at = max(at, bisect.bisect_left(self.keys, earliest_possible))
        found: list[Indexed] = []
        for event in self.events[at:]:
            if end and (event.earliest is None or event.earliest > end):
                break  # sorted by earliest date: nothing later can match
            if kind is not None and event.kind != kind:
                continue
            if incidents is not None and event.incident != incidents:
                continue
            if start and (event.earliest is None or (event.latest or event.earliest) < start):
                continue
            if among is not None and event.iri not in among:
                continue
            found.append(event)
            if len(found) > limit:
                return [e.iri for e in found[:limit]], found[limit - 1].key
        return [e.iri for e in found], None


def _days(first: str, last: str) -> int:
    try:
        return (date.fromisoformat(last) - date.fromisoformat(first)).days
    except ValueError:
        return 0


def _shift(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return "0000"


async def _tsv_body(engine: Any, query: str) -> tuple[bytes, int]:
    """A SELECT's result as TSV (large results decode several times faster than their
    JSON into Python values), and the store generation it was read from."""
    result = await engine.run(query, accept=None, format="tsv")
    body = result.body if isinstance(result.body, bytes) else b"".join(
        [chunk async for chunk in result.body])
    return body, result.generation


def _lines(body: bytes) -> list[str]:
    return body.decode("utf-8").split("\n")[1:]


def _parse_pairs(body: bytes) -> dict[str, str]:
    """subject IRI -> value of a two-column TSV whose values are IRIs or plain literals."""
    out = {}
    for line in _lines(body):
        subject, _, value = line.partition("\t")
        if subject.startswith("<") and value:
            out[subject[1:-1]] = value[1:-1] if value.startswith("<") else value[1:value.rfind('"')]
    return out


def _parse_subjects(body: bytes) -> set[str]:
    return {line[1:-1] for line in _lines(body) if line.startswith("<")}


def _assemble(generation: int, kinds: dict[str, str], first: dict[str, str],
              last: dict[str, str], incidents: set[str]) -> EventIndex:
    events = []
    for iri, kind in kinds.items():
        begin = first.get(iri)
        events.append(Indexed(f"{begin or UNDATED}|{iri}", iri, kind.rsplit("/", 1)[-1],
                              begin, last.get(iri), iri in incidents))
    return EventIndex(generation, events)


async def build_index(engine: Any) -> EventIndex:
    """The index as the store stands. Its queries leave a worker to the requests answered
    meanwhile, and decoding and sorting run in a thread, so the event loop keeps serving."""
    workers = getattr(getattr(engine, "settings", None), "query_workers", 1)
    gate = asyncio.Semaphore(max(1, workers - 1))

    async def read(query: str, parse: Any = _parse_pairs) -> tuple[Any, int]:
        async with gate:
            body, generation = await _tsv_body(engine, query)
        return await asyncio.to_thread(parse, body), generation

    parts = await asyncio.gather(read(KINDS), read(EARLIEST), read(LATEST),
                                 read(INCIDENTS, _parse_subjects), return_exceptions=True)
    for part in parts:
        if isinstance(part, BaseException):
            raise part
    (kinds, g1), (first, g2), (last, g3), (incidents, g4) = parts  # type: ignore[misc]
    # Read across a publication, the parts may differ: the index claims only the oldest
    # generation, so the keeper builds again.
    return await asyncio.to_thread(_assemble, min(g1, g2, g3, g4), kinds, first, last, incidents)


class IndexKeeper:
    """The newest complete event index, rebuilt in the background, one build at a time.

    ``index`` is only ever replaced by a finished index, in one assignment on the event
    loop, so a request sees the previous generation's index or the new one, never a part.
    """

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.index: EventIndex | None = None
        self.building: asyncio.Task[None] | None = None

    def refresh(self) -> asyncio.Task[None] | None:
        """Start a build when the index is behind the store and none is running."""
        if self.building is None or self.building.done():
            if self.index is not None and self.index.generation == self.engine.generation:
                return None
            self.building = asyncio.create_task(self._rebuild())
            self.building.add_done_callback(_log_failure)
        return self.building

    async def _rebuild(self) -> None:
        while self.index is None or self.index.generation != self.engine.generation:
            self.index = await build_index(self.engine)

    async def current(self) -> EventIndex:
        """The last complete index; only the first (none built yet) waits for a build."""
        build = self.refresh()
        if self.index is None and build is not None:
            await asyncio.shield(build)
        assert self.index is not None
        return self.index

    async def watch(self) -> None:
        """Build now, then again whenever the store publishes a new generation."""
        while True:
            self.refresh()
            await asyncio.sleep(WATCH_SECONDS)


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("the event index could not be built: %s", task.exception())


def keeper(engine: Any, cache: dict[str, Any]) -> IndexKeeper:
    if "events" not in cache:
        cache["events"] = IndexKeeper(engine)
    return cache["events"]


async def event_index(engine: Any, cache: dict[str, Any]) -> EventIndex:
    """The last complete index (of the store's current generation, or just before it)."""
    return await keeper(engine, cache).current()


@contextlib.asynccontextmanager
async def keeping_index(engine: Any, cache: dict[str, Any]) -> AsyncIterator[None]:
    """While the app runs: the event index built eagerly and kept current; on the way
    out, builds under way are stopped before the engine closes."""
    kept = keeper(engine, cache)
    watcher = asyncio.create_task(kept.watch())
    try:
        yield
    finally:
        running = [watcher, kept.building, *(v for k, v in cache.items() if k.endswith(":task"))]
        running = [t for t in running if isinstance(t, asyncio.Task) and not t.done()]
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)


async def candidates(engine: Any, var: str, iris: list[str], fragment: str) -> set[str]:
    """Events matching one graph filter, e.g. played by one of ``iris`` or its sub-units."""
    if not iris:
        return set()
    body, _ = await _tsv_body(engine, CANDIDATES % f"{values_block(var, iris)}\n  {fragment}")
    return _parse_subjects(body)


async def labels_of(engine: Any, cache: dict[str, Any], iris: set[str]) -> dict[str, dict[str, str]]:
    """IRI -> {lang: label}; all labels are read once per generation."""
    async def build() -> dict[str, dict[str, str]]:
        found: dict[str, dict[str, str]] = {}
        for row in await engine.select(LABELS):
            found.setdefault(text(row["x"]), {}).setdefault(text(row.get("lang")) or "",
                                                             text(row["label"]))
        return found

    known = await per_generation(engine, cache, "labels", build, stale=True)
    missing = sorted(i for i in iris if i not in known)
    if missing:  # labelled since the generation was read, or never: remember either way
        for iri in missing:
            known[iri] = {}
        for row in await engine.select(LABELS_OF % values_block("x", missing)):
            known[text(row["x"])].setdefault(text(row.get("lang")) or "", text(row["label"]))
    return {i: known[i] for i in iris}


async def summaries_data(engine: Any, cache: dict[str, Any], found: list[str],
                         points: dict[str, tuple[float, float]]) -> dict[str, Any]:
    """What the graph says about each event, its linked IRIs labelled and located from cache."""
    # A long page in as many chunks as there are query workers, so they share it.
    workers = max(1, getattr(getattr(engine, "settings", None), "query_workers", 1))
    size = max(CHUNK, -(-len(found) // workers))
    chunks = [found[i:i + size] for i in range(0, len(found), size)]
    described = {k: v for part in await asyncio.gather(*(describe_bare(engine, c) for c in chunks))
                 for k, v in part.items()}
    linked = {t.text for d in described.values() for p in LINKED for t in d.all(p) if t.is_iri}
    names = await labels_of(engine, cache, linked)
    for d in described.values():
        for p in LINKED:
            for term in d.all(p):
                _decorate(term, names, points)
    return described


def _decorate(term: Term, names: dict[str, dict[str, str]],
              points: dict[str, tuple[float, float]]) -> None:
    if not term.is_iri:
        return
    term.labels = dict(names.get(term.text, {}))
    xy = points.get(term.text)
    if xy:
        term.wkt = f"POINT({xy[0]} {xy[1]})"
