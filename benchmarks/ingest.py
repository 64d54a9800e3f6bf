"""End-to-end ingest beside Oxigraph's own loader on the same quads, in the same run.

    .venv/bin/python benchmarks/ingest.py [--documents 1000] [--jobs 1 2] [--repeat 1]
                                          [--seed 7] [--set publish_seconds=30 ...]

Generates ``--documents`` articles with benchmarks/extract.py's generator (4.8 KB of
Arabic each; kept in benchmarks/.work/ and reused), as .txt files with a manifest, then,
``--repeat`` times and alternating so that other work on the machine weighs on all alike:

- ``ingest --jobs J`` for each J: ``ingest_paths`` (what the command calls) in a fresh
  process, into a new store;
- ``bulk_load``: ``Store.bulk_load`` of the N-Quads that the first ingest stored (the
  very same quads), in a fresh process, into a new store.

Each run is one process: wall time, CPU time (its own and its workers'), bytes written
(``write_bytes`` of /proc/self/io: only the writer writes), peak RSS (the process and
its largest worker), and peak disk (the store folder, each hard-linked file counted once,
sampled every 0.2 s from here) beside the database's size at the end. Prints medians,
ratios to ``bulk_load``, the machine's load (``uptime``) and the 1M-document projection.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"


def documents_folder(count: int, seed: int) -> Path:
    """The articles as .txt files and a manifest (made once per size and seed)."""
    folder = WORK / f"ingest-docs-{count}-{seed}"
    if (folder / "manifest.jsonl").is_file():
        return folder
    sys.path.insert(0, str(HERE))
    from extract import corpus  # the extraction benchmark's generator

    from conflictkg.reference import load_bundle

    articles = corpus(load_bundle().gazetteers, count, seed)
    tmp = folder.with_suffix(".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with (tmp / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        for n, (text, published) in enumerate(articles):
            name = f"doc{n:07d}.txt"
            (tmp / name).write_text(text, encoding="utf-8")
            manifest.write(json.dumps({"file": name, "publisher": "Syrian Observatory for Human Rights",
                                       "published": published, "kind": "news-article",
                                       "url": f"https://example.org/news/{n}"}) + "\n")
    tmp.rename(folder)
    return folder


def io_written() -> int:
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("write_bytes:"):
            return int(line.split()[1])
    return 0


def child_report(started: float, cpu: float, **extra) -> None:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "wall": time.perf_counter() - started,
        "cpu": own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime - cpu,
        "written": io_written(), "rss_mb": max(own.ru_maxrss, kids.ru_maxrss) / 1024, **extra,
    }))


def child_ingest(folder: Path, store: Path, jobs: int, settings: dict[str, str]) -> None:
    from conflictkg.config import Settings
    from conflictkg.ingest import ingest_paths, new_pipeline
    from conflictkg.reference import load_bundle

    config = Settings(store=store, **settings)
    pipeline = new_pipeline(bundle=load_bundle(config.bundle), freeze=True)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    report = ingest_paths([folder], config, metadata=folder / "manifest.jsonl", pipeline=pipeline,
                          jobs=jobs)
    child_report(started, cpu, added=len(report.added), failed=len(report.failed))


def child_bulk(nquads: Path, store: Path) -> None:
    from pyoxigraph import RdfFormat, Store

    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    store.mkdir(parents=True)
    started = time.perf_counter()
    db = Store(str(store / "db"))
    db.bulk_load(path=str(nquads), format=RdfFormat.N_QUADS)
    db.flush()
    del db
    child_report(started, cpu)


def disk_usage(path: Path) -> int:
    seen, total = set(), 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                st = os.lstat(os.path.join(root, name))
            except FileNotFoundError:
                continue
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_blocks * 512
    return total


def measured(args: list[str], store: Path) -> dict:
    """Run one child process, sampling the disk its store takes."""
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], disk_usage(store))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    result = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    done.set()
    sampler.join()
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["db_bytes"] = disk_usage(store / "db")
    figures["peak_disk"] = max(peak[0], disk_usage(store))
    return figures


def export(store: Path, target: Path) -> int:
    from conflictkg.reading import dump_nquads

    return dump_nquads(store, target)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child-ingest":
        settings = dict(kv.split("=", 1) for kv in sys.argv[5:])
        child_ingest(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), settings)
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--child-bulk":
        child_bulk(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--set", action="append", default=[], metavar="SETTING=VALUE",
                        help="a setting for the ingest runs, e.g. publish_seconds=30")
    parser.add_argument("--tmp", type=Path, default=None, help="where the stores go (default: system tmp)")
    args = parser.parse_args()

    folder = documents_folder(args.documents, args.seed)
    print(f"{args.documents:,} documents in {folder}; load: {os.getloadavg()}")
    runs: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        nquads = Path(tmp) / "same.nq"
        quads = 0
        for round_ in range(args.repeat):
            for jobs in args.jobs:
                store = Path(tmp) / f"ingest-{jobs}-{round_}"
                figures = measured(["--child-ingest", str(folder), str(store), str(jobs), *args.set], store)
                runs.setdefault(f"ingest --jobs {jobs}", []).append(figures)
                print(f"ingest --jobs {jobs}: {figures}", flush=True)
                if not nquads.exists():
                    quads = export(store, nquads)
                shutil.rmtree(store)
            store = Path(tmp) / f"bulk-{round_}"
            runs.setdefault("bulk_load", []).append(measured(["--child-bulk", str(nquads), str(store)], store))
            print(f"bulk_load: {runs['bulk_load'][-1]}", flush=True)
            shutil.rmtree(store)
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    report(runs, args.documents, quads, uptime)


def report(runs: dict[str, list[dict]], documents: int, quads: int, uptime: str) -> None:
    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[name])

    raw = documents / median("bulk_load", "wall")
    print(f"\n{documents:,} documents, {quads:,} quads ({quads / documents:.0f} per document); "
          f"medians of {len(runs['bulk_load'])} run(s); {uptime}")
    print("| run | docs/s | quads/s | × bulk_load docs/s | CPU s | written MB (/doc KB) | "
          "× bulk_load written | DB MB | peak disk MB (× DB) | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    raw_written = median("bulk_load", "written")
    for name in runs:
        rate = documents / median(name, "wall")
        written = median(name, "written")
        db, peak = median(name, "db_bytes"), median(name, "peak_disk")
        print(f"| {name} | {rate:,.1f} | {rate * quads / documents:,.0f} | {rate / raw:.2f} | "
              f"{median(name, 'cpu'):.1f} | {written / 1e6:,.0f} ({written / documents / 1e3:,.0f}) | "
              f"{written / raw_written:.2f} | {db / 1e6:,.0f} | {peak / 1e6:,.0f} ({peak / db:.2f}) | "
              f"{median(name, 'rss_mb'):,.0f} |")
    for name in runs:
        if name == "bulk_load":
            continue
        rate = documents / median(name, "wall")
        hours = 1_000_000 / rate / 3600
        db = median(name, "db_bytes") / documents * 1e6 / 1e9
        written = median(name, "written") / documents * 1e6 / 1e12
        print(f"1M documents, {name}: {hours:,.1f} h, database {db:,.0f} GB, "
              f"{written:,.2f} TB written, peak disk {median(name, 'peak_disk') / documents * 1e6 / 1e9:,.0f} GB")


if __name__ == "__main__":
    main()
