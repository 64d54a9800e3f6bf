"""Time to read and check the gazetteers of a bundle (a fresh process pays it once).

    .venv/bin/python benchmarks/gazetteers.py [--repeat 5] [--bundle DIR]

Each round reads every file anew and prints the median and worst time in milliseconds
with the number of entries read.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from conflictkg.reference import load_bundle
from conflictkg.reference.gazetteers import read_gazetteers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds to time")
    parser.add_argument("--bundle", type=Path, default=None, help="a bundle folder (default: the package's)")
    args = parser.parse_args(argv)
    bundle = load_bundle(args.bundle)
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        gaz = read_gazetteers(bundle.mappings, actor_kinds=bundle.kinds.actor)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{len(gaz.places)} places, {len(gaz.actors)} actors, {len(gaz.sources)} sources: "
          f"median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
