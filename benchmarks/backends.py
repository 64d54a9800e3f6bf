"""Ingest and query on each backend, in one run: the embedded store, the Oxigraph server,
and Virtuoso (where installed), each started fresh on loopback.

    .venv/bin/python benchmarks/backends.py [--documents 1000] [--jobs 2] [--repeat 3]

For each backend: ``ingest_paths`` (what ``conflictkg ingest`` runs) of the sample corpus,
then of ``--documents`` generated articles (benchmarks/ingest.py's folder, reused), as
documents a second; then every example query of the bundle ``--repeat`` times on the
store as the server's workers read it (``backend.open_reader``, with the custom functions
the query names, as a worker registers them), the median of each.
A query the backend cannot answer (an embedded-only function, a function the server
lacks) is shown as ``—`` with the reason below the table. Prints Markdown.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from ingest import documents_folder  # noqa: E402
from sparql_servers import SERVERS  # noqa: E402

from conflictkg import backend  # noqa: E402
from conflictkg.config import Settings  # noqa: E402
from conflictkg.functions import CUSTOM_FUNCTIONS  # noqa: E402
from conflictkg.ingest import ingest_paths, new_pipeline  # noqa: E402
from conflictkg.reference import load_bundle, sample_corpus  # noqa: E402
from conflictkg.server.worker import Functions  # noqa: E402


@contextlib.contextmanager
def embedded(folder: Path) -> Iterator[dict[str, object]]:
    yield {"store": folder / "store"}


def ingest_rate(settings: Settings, folder: Path, jobs: int, pipeline) -> tuple[float, int]:
    started = time.perf_counter()
    report = ingest_paths([folder], settings, metadata=folder / "manifest.jsonl", jobs=jobs, pipeline=pipeline)
    seconds = time.perf_counter() - started
    return len(report.added) / seconds, len(report.failed)


def latencies(settings: Settings, repeat: int) -> dict[str, float | str]:
    _, reader = backend.open_reader(backend.location(settings))
    functions = Functions(CUSTOM_FUNCTIONS)
    out: dict[str, float | str] = {}
    for example in load_bundle().examples:
        if "SERVICE" in example.text.upper():
            continue
        times = []
        try:
            for _ in range(repeat):
                started = time.perf_counter()
                result = reader.query(example.text, use_default_graph_as_union=True,
                                      custom_functions=functions.for_query(example.text))
                if not isinstance(result, bool) and hasattr(result, "__iter__"):
                    list(result)
                times.append(time.perf_counter() - started)
            out[example.name] = statistics.median(times)
        except Exception as exc:  # a query this backend cannot answer is reported
            out[example.name] = " ".join(str(exc).split())[:160]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--backends", nargs="*", default=["embedded", *SERVERS])
    args = parser.parse_args()
    generated = documents_folder(args.documents, 7)
    pipeline = new_pipeline(freeze=True)
    backends = {name: start for name, start in {"embedded": embedded, **SERVERS}.items() if name in args.backends}
    rows: dict[str, dict] = {}
    for name, start in backends.items():
        with tempfile.TemporaryDirectory(prefix=f"ckg-{name}-") as tmp:
            try:
                with start(Path(tmp)) as overrides:
                    settings = Settings(**overrides)
                    sample, _ = ingest_rate(settings, sample_corpus(), args.jobs, pipeline)
                    many, failed = ingest_rate(settings, generated, args.jobs, pipeline)
                    rows[name] = {"sample": sample, "many": many, "failed": failed,
                                  "queries": latencies(settings, args.repeat)}
            except BaseException as exc:  # pytest.skip from a server that is not installed
                if type(exc).__name__ != "Skipped":
                    raise
                print(f"{name}: skipped ({exc})", file=sys.stderr)
        print(f"{name}: done", file=sys.stderr)
    names = list(rows)
    print(f"| | {' | '.join(names)} |\n|---|{'---:|' * len(names)}")
    print("| ingest, sample corpus (5 docs), docs/s | " + " | ".join(f"{rows[n]['sample']:.1f}" for n in names) + " |")
    print(f"| ingest, {args.documents} generated docs, docs/s | "
          + " | ".join(f"{rows[n]['many']:.1f}" for n in names) + " |")
    notes = []
    examples = list(rows[names[0]]["queries"])
    for example in examples:
        cells = []
        for n in names:
            value = rows[n]["queries"].get(example)
            if isinstance(value, float):
                cells.append(f"{value * 1000:.0f} ms")
            else:
                cells.append("—")
                notes.append(f"- {n}, {example}: {value}")
        print(f"| {example} | {' | '.join(cells)} |")
    for n in names:
        answered = [v for v in rows[n]["queries"].values() if isinstance(v, float)]
        print(f"\n{n}: {len(answered)} queries answered, median {statistics.median(answered) * 1000:.0f} ms, "
              f"{rows[n]['failed']} documents failed")
    print("\n" + "\n".join(notes))


if __name__ == "__main__":
    main()
