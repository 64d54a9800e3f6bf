"""The event list read from the store's event index, and what its pages are summarised with.

Lists walk ``events.sqlite`` in the store's folder (:mod:`conflictkg.events_index`),
sorted by (earliest date, IRI): kind, date, place, armed-group and incident-or-report
filters are a range scan there that stops after one page, and filters that need the
graph (source, area) come in as candidate sets from bound SPARQL. The writer updates that index for
the documents of each publication before readers see it, so a list never waits for a
rebuild, every web process reads the same file, and none holds the list in memory.
Each page is read in a thread, on a connection of its own, inside one read transaction
(the generation it names and its rows are of the same commit). Labels and points of
gazetteer entities are cached per generation for the summaries.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from conflictkg import backend, events_index
from conflictkg import store as kgstore
from conflictkg.iris import Iris
from conflictkg.server.api.graph import (
    PREFIX,
    Term,
    describe_bare,
    per_generation,
    text,
    values_block,
)

# The gazetteer's labels (places, groups, sources: what summaries name), read whole; any
# other IRI's on demand, so that the read does not grow with the events.
LABELS = PREFIX + """
SELECT ?x ?label ?lang WHERE { GRAPH <%s> { ?x rdfs:label ?l } BIND(STR(?l) AS ?label) BIND(LANG(?l) AS ?lang) }"""
LABELS_OF = PREFIX + """
SELECT ?x ?label ?lang WHERE { %s ?x rdfs:label ?l BIND(STR(?l) AS ?label) BIND(LANG(?l) AS ?lang) }"""
LINKED = ("sem:hasPlace", "sem:hasActor", "ckg:reportedBy")  # the objects a summary names
CHUNK = 25
CANDIDATES = PREFIX + "SELECT DISTINCT ?e WHERE { %s }"
log = logging.getLogger("conflictkg.server")


class EventIndex:
    """The event index of one store, as the API reads it."""

    def __init__(self, store: Path) -> None:
        self.store = Path(store)

    def _read(self, filters: dict[str, Any]) -> tuple[int, events_index.Page]:
        with contextlib.closing(events_index.connect(self.store, read_only=True)) as db:
            db.execute("BEGIN")
            return events_index.indexed_generation(db), events_index.page(db, **filters)

    async def page(self, **filters: Any) -> tuple[int, events_index.Page]:
        """(the generation the index was at, one page): see :func:`events_index.page`."""
        return await asyncio.to_thread(self._read, filters)

    def ready(self) -> bool:
        return not events_index.stale(self.store, kgstore.current_generation(self.store))


def event_index(engine: Any, cache: dict[str, Any]) -> EventIndex:
    if "events" not in cache:
        cache["events"] = EventIndex(backend.index_folder(engine.settings))
    return cache["events"]


@contextlib.asynccontextmanager
async def keeping_index(engine: Any, cache: dict[str, Any]) -> AsyncIterator[None]:
    """While the app runs: a store indexed by an older version is indexed on start-up;
    on the way out, work still under way for the API is stopped before the engine closes."""
    index = event_index(engine, cache)
    if not await asyncio.to_thread(index.ready):
        log.info("indexing the events of %s", index.store)
        await asyncio.to_thread(backend.index_events, engine.settings)
    try:
        yield
    finally:
        running = [v for k, v in cache.items() if k.endswith(":task")]
        running = [t for t in running if isinstance(t, asyncio.Task) and not t.done()]
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)


async def _tsv_body(engine: Any, query: str) -> bytes:
    """A SELECT's result as TSV (large results decode several times faster than their
    JSON into Python values)."""
    result = await engine.run(query, accept=None, format="tsv")
    return result.body if isinstance(result.body, bytes) else b"".join(
        [chunk async for chunk in result.body])


def _parse_subjects(body: bytes) -> set[str]:
    return {line[1:-1] for line in body.decode("utf-8").split("\n")[1:] if line.startswith("<")}


async def candidates(engine: Any, var: str, iris: list[str], fragment: str) -> set[str]:
    """Events matching one graph filter, e.g. played by one of ``iris`` or its sub-units."""
    if not iris:
        return set()
    body = await _tsv_body(engine, CANDIDATES % f"{values_block(var, iris)}\n  {fragment}")
    return await asyncio.to_thread(_parse_subjects, body)


async def labels_of(engine: Any, cache: dict[str, Any], iris: set[str]) -> dict[str, dict[str, str]]:
    """IRI -> {lang: label}; all labels are read once per generation."""
    async def build() -> dict[str, dict[str, str]]:
        found: dict[str, dict[str, str]] = {}
        for row in await engine.select(LABELS % Iris(engine.settings.base_iri).graph("gazetteer")):
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
