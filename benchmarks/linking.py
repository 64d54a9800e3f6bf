"""Linking time per document as the store grows: 1,000, 10,000 and 100,000 events.

    .venv/bin/python benchmarks/linking.py [--sizes 1000 10000 100000] [--documents 40]
                                           [--folder DIR]

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
median and 95th percentile. The stores take turns, one document each, so that the
machine's load (it is shared, and printed with the figures) weighs on every size alike.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from api import IRIS, PER_DOCUMENT, build, documents, percentile

from conflictkg.linking import linking, relink
from conflictkg.linking.read import stored_documents
from conflictkg.reference import load_bundle
from conflictkg.reference.kinds import Kinds
from conflictkg.store import writing


def prepare(folder: Path, events: int, kinds: Kinds) -> tuple[Path, list[str], int, float]:
    """Build (or reuse) a store of ``events`` events and link it whole once:
    (its path, its communities, the documents it holds, the seconds the relink took)."""
    path = folder / f"store-{events}"
    communities, _ = build(path, events)
    started, relinked = time.perf_counter(), 0.0
    with writing(path) as writer:
        stored = len(stored_documents(writer))
        with linking(writer, IRIS, kinds) as linker:
            linked = not linker.index.is_empty()
        if not linked:
            report, summary = relink(writer, IRIS, kinds)
            relinked = time.perf_counter() - started
            print(f"{events:,} events: relinked {len(report.documents):,} documents in {relinked:.0f} s "
                  f"({summary})")
    return path, communities, stored, relinked


def measure(stores: dict[int, tuple[Path, list[str], int, float]], extra: int,
            kinds: Kinds) -> dict[int, dict[str, Any]]:
    """Write and link ``extra`` more documents into each store, one document of each store
    in turn, so that the machine's load, which drifts, weighs on every size alike."""
    times: dict[int, list[float]] = {events: [] for events in stores}
    with ExitStack() as open_:
        linkers, pending = {}, {}
        for events, (path, communities, stored, _) in stores.items():
            writer = open_.enter_context(writing(path))
            linkers[events] = writer, open_.enter_context(linking(writer, IRIS, kinds))
            # The documents after those stored: a run on a store measured before links new ones.
            pending[events] = list(documents((stored + extra) * PER_DOCUMENT, communities))[stored:]
        for turn in range(extra):
            for events, (writer, linker) in linkers.items():
                quads = pending[events][turn]
                doc = quads[0].graph_name.value
                writer.put_graph(doc, quads)
                begun = time.perf_counter()
                linker.link_document(doc)
                times[events].append((time.perf_counter() - begun) * 1000)
    return {events: {"times": found, "median": statistics.median(found), "p95": percentile(found, 95),
                     "per_event": statistics.median(found) / PER_DOCUMENT,
                     "relink_s": stores[events][3]} for events, found in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--documents", type=int, default=40, help="documents linked and timed per size")
    parser.add_argument("--folder", type=Path, help="where the stores are built (reused)")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="conflictkg-linking-"))
    folder.mkdir(parents=True, exist_ok=True)
    kinds = load_bundle().kinds
    stores = {events: prepare(folder, events, kinds) for events in args.sizes}
    before = os.getloadavg()[0]
    found = measure(stores, args.documents, kinds)
    after = os.getloadavg()[0]
    print(f"\nload (1 min) {before:.2f} before, {after:.2f} after the timed links")
    print(f"{'events':>8} {'p50 ms/doc':>11} {'p95 ms/doc':>11} {'ms/event':>9}")
    for events, row in found.items():
        print(f"{events:8,} {row['median']:11.1f} {row['p95']:11.1f} {row['per_event']:9.2f}")
    smallest = min(found)
    for events in sorted(found):
        if events != smallest:
            low, high = ratio_interval(found[smallest]["times"], found[events]["times"])
            print(f"p50 at {events:,} events / p50 at {smallest:,}: "
                  f"{found[events]['median'] / found[smallest]['median']:.2f} "
                  f"(95% of resamplings between {low:.2f} and {high:.2f})")


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
