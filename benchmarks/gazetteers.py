"""Time to read and check the gazetteers in mappings/ (a fresh process pays it once).

    .venv/bin/python benchmarks/gazetteers.py [--repeat 5] [--mappings DIR]

Each round reads every file anew (the loader's cache is cleared) and prints the
median and worst time in milliseconds with the number of entries read.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from conflictkg import gazetteers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds to time")
    parser.add_argument("--mappings", type=Path, default=gazetteers.DEFAULT_MAPPINGS)
    args = parser.parse_args(argv)
    times = []
    for _ in range(args.repeat):
        gazetteers._load.cache_clear()
        start = time.perf_counter()
        gaz = gazetteers.load_gazetteers(args.mappings)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{len(gaz.places)} places, {len(gaz.actors)} actors, {len(gaz.sources)} sources: "
          f"median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
