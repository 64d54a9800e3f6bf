"""Linking time per document as the store grows: 1,000, 10,000 and 100,000 events.

    .venv/bin/python benchmarks/linking.py [--sizes 1000 10000 100000] [--documents 100]
                                           [--folder DIR] [--constant-density]

Each store is made by the API benchmark's generator (benchmarks/api.py: a gazetteer of
2,884 places with points and an admin chain, 200 armed groups with sub-units, documents of
50 events, each with one or two communities, one to three actors, a date range of a day
to a month over 13 years, and a casualty claim), built once per size in ``--folder`` and
reused. The whole store is linked first (``conflictkg link``'s relink, timed and
reported; a store linked by an earlier run is not linked again), then ``--documents``
more documents from the same generator are written one by one and each is linked on its
own, as `POST /api/v1/documents` links the document it has just written (ingest links a batch): the
time of the link alone (reading the document, the index lookups, scoring, the incidents
rebuilt and written with the ranks, the index committed) is reported per document, its
median and 95th percentile. Each document timed is then removed from the store and
unlinked, so that every store keeps its size through the run and every run times the
same documents. The stores take turns, one document each, so that the
machine's load (it is shared, and printed with the figures) weighs on every size alike.

A document's keys are filed among the index's recent keys, moved into its main table once
they are many (``linking.index.RECENT``): as the timed documents are unlinked, the recent
keys never grow that many in the timed links. So each store then links more documents,
untimed, until its recent keys are moved, and the move is timed and reported with the
documents it took to fill them (what the move costs each document, amortised); those
documents are then removed and unlinked as well.

The generator puts every size's events into the same places and 13 years, so a larger
store is also a denser one: an event of the 100,000-event store meets about a hundred
times the candidates (reports at its places in its days) that one of the 1,000-event
store does. ``--constant-density`` also builds stores whose years grow with their size
(13 years at the smallest size, ten times as many at ten times the events: the same
places, the same events per place and day), so that a new event meets as many candidates
at every size. Both series are timed in one run, every store taking its turn, and both
tables are printed with the candidates per event each size met: the first shows what the
issue asks (the API benchmark's stores), the second what the store's size alone costs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any, NamedTuple

from api import DAYS, IRIS, PER_DOCUMENT, build, documents, percentile

from conflictkg.linking import linking, relink
from conflictkg.linking.read import stored_documents
from conflictkg.reference import load_bundle
from conflictkg.reference.kinds import Kinds
from conflictkg.store import writing


class Store(NamedTuple):
    path: Path
    communities: list[str]
    days: int  # the days its events are spread over
    stored: int  # documents it held before this run
    relinked: float  # seconds its relink took (0 when linked by an earlier run)


def prepare(folder: Path, events: int, kinds: Kinds, days: int = DAYS) -> Store:
    """Build (or reuse) a store of ``events`` events over ``days`` and link it whole once."""
    path = folder / (f"store-{events}" if days == DAYS else f"store-{events}-days-{days}")
    communities, _ = build(path, events, days)
    started, relinked = time.perf_counter(), 0.0
    with writing(path) as writer:
        stored = len(stored_documents(writer))
        with linking(writer, IRIS, kinds) as linker:
            linked = not linker.index.is_empty()
        if not linked:
            report, summary = relink(writer, IRIS, kinds)
            relinked = time.perf_counter() - started
            print(f"{events:,} events over {days:,} days: relinked {len(report.documents):,} documents "
                  f"in {relinked:.0f} s ({summary})")
    return Store(path, communities, days, stored, relinked)


def measure(stores: dict[Path, Store], extra: int, kinds: Kinds,
            fill: int = 40) -> dict[Path, dict[str, Any]]:
    """Write and link ``extra`` more documents into each store, one document of each store
    in turn (in an order drawn again each turn), so that the machine's load, which drifts,
    weighs on every size alike. Each is
    removed and unlinked once timed, so that a store keeps its size through the run (100
    documents would make the smallest store six times larger) and every run times the same
    documents. Then each store's recent keys are filled (up to ``fill`` documents more) and
    their move into the main table timed."""
    times: dict[Path, list[float]] = {path: [] for path in stores}
    moves: dict[Path, tuple[int, int, float] | None] = dict.fromkeys(stores)  # (documents, keys, ms)
    met: dict[Path, list[int]] = {path: [] for path in stores}  # candidate incidents of each event
    with ExitStack() as open_:
        linkers, pending = {}, {}
        for path, built in stores.items():
            writer = open_.enter_context(writing(path))
            linker = open_.enter_context(linking(writer, IRIS, kinds))
            linker.index.candidates = counted(linker.index.candidates, met[path])  # type: ignore[method-assign]
            linkers[path] = writer, linker
            # The documents after those stored, the same in every run.
            pending[path] = list(documents((built.stored + extra + fill) * PER_DOCUMENT, built.communities,
                                           built.days))[built.stored:]
        draw = random.Random(1)
        for turn in range(extra):
            # In a new order each turn: a store linked just after another pays for what that
            # one left the machine to do (its writes to flush), which would weigh on one
            # store only if the order were fixed.
            for path, (writer, linker) in draw.sample(list(linkers.items()), len(linkers)):
                quads = pending[path][turn]
                doc = quads[0].graph_name.value
                writer.put_graph(doc, quads)
                begun = time.perf_counter()
                linker.link_document(doc)
                times[path].append((time.perf_counter() - begun) * 1000)
                writer.remove_graph(doc)
                linker.link_document(doc)  # forgotten, its incidents rebuilt without it
        timed = {path: len(found) for path, found in met.items()}  # the fill's events not counted
        for path, (writer, linker) in linkers.items():
            moves[path] = fill_and_move(writer, linker, pending[path][extra:])
        for path, found in met.items():
            del found[timed[path]:]
    return {path: {"times": found, "median": statistics.median(found), "p95": percentile(found, 95),
                   "move": moves[path],
                   "per_event": statistics.median(found) / PER_DOCUMENT,
                   "candidates": statistics.mean(met[path]) if met[path] else 0.0,
                   "relink_s": stores[path].relinked} for path, found in times.items()}


def fill_and_move(writer: Any, linker: Any, more: list[list[Any]]) -> tuple[int, int, float] | None:
    """Link documents of ``more`` until the index moves its recent keys into the main table:
    (the documents linked, the keys moved, the move's milliseconds), or None (an index without
    recent keys, or too few documents); the documents are then removed and unlinked."""
    index, linked, moved = linker.index, [], None
    settle = getattr(index, "settle", None)
    if settle is None:
        return None

    def timed() -> bool:
        nonlocal moved
        held = index.db.execute("SELECT COUNT(*) FROM recent").fetchone()[0]
        begun = time.perf_counter()
        done = settle()
        if done:
            moved = (len(linked), held, (time.perf_counter() - begun) * 1000)
        return done

    index.settle = timed
    try:
        for quads in more:
            doc = quads[0].graph_name.value
            writer.put_graph(doc, quads)
            linked.append(doc)
            linker.link_document(doc)
            if moved:
                break
    finally:
        index.settle = settle
    for doc in linked:
        writer.remove_graph(doc)
        linker.link_document(doc)
    return moved


def counted(candidates: Callable[..., set[str]], met: list[int]) -> Callable[..., set[str]]:
    """The index's lookup of candidates, noting how many incidents each event met."""
    def lookup(*args: Any, **kwargs: Any) -> set[str]:
        found = candidates(*args, **kwargs)
        met.append(len(found))
        return found
    return lookup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--documents", type=int, default=100, help="documents linked and timed per size")
    parser.add_argument("--folder", type=Path, help="where the stores are built (reused)")
    parser.add_argument("--constant-density", action="store_true",
                        help="also time stores whose years grow with their size (the same "
                             "candidates per event at every size)")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="conflictkg-linking-"))
    folder.mkdir(parents=True, exist_ok=True)
    kinds = load_bundle().kinds
    smallest = min(args.sizes)
    series = {"the API benchmark's stores (the same places and years at every size)":
              {events: prepare(folder, events, kinds) for events in args.sizes}}
    if args.constant_density:
        series[f"density held (years scaled with the size: {DAYS:,} days at {smallest:,} events)"] = {
            events: prepare(folder, events, kinds, DAYS * events // smallest) for events in args.sizes}
    stores = {built.path: built for sized in series.values() for built in sized.values()}
    before = os.getloadavg()
    found = measure(stores, args.documents, kinds)
    after = os.getloadavg()
    print(f"\nload (1, 5, 15 min) {', '.join(f'{x:.2f}' for x in before)} before, "
          f"{', '.join(f'{x:.2f}' for x in after)} after the timed links")
    for title, sized in series.items():
        print(f"\n{title}")
        print(f"{'events':>8} {'days':>7} {'cand/event':>10} {'p50 ms/doc':>11} {'p95 ms/doc':>11} "
              f"{'ms/event':>9}  p50 / p50 at {smallest:,} (95% interval)")
        base = found[sized[smallest].path]
        for events, built in sorted(sized.items()):
            row = found[built.path]
            ratio = "1"
            if events != smallest:
                low, high = ratio_interval(base["times"], row["times"])
                ratio = f"{row['median'] / base['median']:.2f} ({low:.2f} to {high:.2f})"
            print(f"{events:8,} {built.days:7,} {row['candidates']:10.2f} {row['median']:11.1f} "
                  f"{row['p95']:11.1f} {row['per_event']:9.2f}  {ratio}")
        for events, built in sorted(sized.items()):
            if (move := found[built.path]["move"]) is not None:
                docs, keys, ms = move
                print(f"{events:8,} events: {keys:,} recent keys moved into the main table in {ms:.1f} ms, "
                      f"filled by {docs} documents: {ms / docs:.1f} ms a document")


def ratio_interval(base: list[float], other: list[float], rounds: int = 2000) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of the ratio of medians when each size's documents
    are drawn again with replacement: how far the ratio moves with which documents, and
    which moments of the machine's load, were timed. An interval that holds 1 means the
    sizes differ by no more than that noise."""
    draw = random.Random(0)
    ratios = sorted(statistics.median(draw.choices(other, k=len(other))) /
                    statistics.median(draw.choices(base, k=len(base))) for _ in range(rounds))
    return ratios[int(rounds * 0.025)], ratios[int(rounds * 0.975) - 1]


if __name__ == "__main__":
    main()
