"""Throughput of the text readers: normalisation, gazetteer matching, dates, numbers.

    .venv/bin/python benchmarks/bench_readers.py [--names N]

Text is the sample corpus (corpus/*.txt) cut into pieces of 5,000 characters; names are the place
gazetteer's Arabic and English names and aliases, padded with generated names up to
``--names`` so the automaton's build time can be read at scale. Times are CPU
time of this process, so other work on the machine does not inflate them.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from conflictkg.extract.dates import find_dates
from conflictkg.extract.matcher import Matcher
from conflictkg.extract.normalize import normalize_text
from conflictkg.extract.numbers import find_numbers
from conflictkg.reference import sample_corpus


def gazetteer_names() -> list[tuple[str, str]]:
    try:
        from conflictkg.reference import load_bundle

        places = load_bundle().gazetteers.places
        entries = [places[k] for k in places]
    except Exception:  # the gazetteer is optional here: generated names still measure the build
        return []
    names = []
    for e in entries:
        for attr in ("name_ar", "name_en", "aliases_ar", "aliases_en"):
            value = getattr(e, attr, None)
            for name in (value if isinstance(value, (list, tuple)) else [value]):
                if name:
                    names.append((name, e.key))
    return names


def per_call(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm caches (lexicon loading, regex compilation)
    t = time.process_time()
    for _ in range(repeat):
        fn()
    return (time.process_time() - t) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=50_000, help="names in the automaton")
    args = parser.parse_args()
    corpus = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(sample_corpus().glob("*.txt")))
    pieces = [corpus[i:i + 5000] for i in range(0, len(corpus) - 4999, 5000)]
    names = gazetteer_names()
    real = len(names)
    names += [(f"قرية {i} الشرقية", f"gen-{i}") for i in range(max(0, args.names - real))]

    t = time.process_time()
    matcher = Matcher(names)
    build = time.process_time() - t
    print(f"Matcher build: {len(names):,} names ({real:,} from the gazetteer, "
          f"{len(matcher):,} keys) in {build:.2f} s")
    for label, fn in [
        ("normalize_text", normalize_text),
        ("Matcher.find", matcher.find),
        ("find_dates", find_dates),
        ("find_numbers", find_numbers),
    ]:
        seconds = sum(per_call(lambda p=p, f=fn: f(p), 20) for p in pieces) / len(pieces)
        print(f"{label:15} {seconds * 1000:7.2f} ms per 5,000 characters "
              f"({5 / seconds:6.0f}k characters/s)")


if __name__ == "__main__":
    main()
