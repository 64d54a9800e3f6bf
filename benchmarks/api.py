"""Latency of the JSON API's main calls on a large synthetic graph.

    .venv/bin/python benchmarks/api.py [--events 100000] [--requests 200] [--store DIR]
    .venv/bin/python benchmarks/api.py --load [--events 1000000] [--seconds 20] [--store DIR]

Builds (once; an existing ``--store`` is reused) a store in the shape of
docs/graph-model.md: a gazetteer of governorates, districts and communities with
points, armed groups with sub-units, reporting sources, and ``--events`` events in
document graphs of 50, each event with a date range, one or two places, one to three
actors and a casualty claim. Then serves it with ``conflictkg serve`` in a process of
its own (uvicorn on loopback, the query engine's worker processes: the client shares no
interpreter with the server) and times each call with varied parameters,
so the result cache rarely helps. Prints p50 and p95 per call in milliseconds.

``--load`` measures the API under load instead: the calls above in a mix (filtered lists,
their next pages, an event's detail), each with its own parameters, from 1 and then 16
clients (``benchmarks/load.py``), with the memory (resident set) of every process of
the server, web processes and query workers apart; then the time from a document's
publication until its event is at the top of the list. A store of ``--events 1000000``
is the issue's run (built once, about 13 million quads; reuse it with ``--store``).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
from pyoxigraph import Literal, NamedNode, Quad

from conflictkg import store
from conflictkg.extract.model import EVENT_KINDS
from conflictkg.iris import Iris
from conflictkg.rdf.vocabulary import (
    CKG,
    CRS84,
    EVENT_CLASSES,
    PREFIXES,
    ckg,
    geo,
    prov,
    rdf,
    rdfs,
    schema,
    sem,
    wikibase,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # benchmarks/load.py, beside this file

IRIS = Iris()
GAZETTEER = NamedNode(IRIS.graph("gazetteer"))
# The fingerprint the generated gazetteer is recorded under, as ingest records the bundle's.
GAZETTEER_STATE = hashlib.sha256(b"api benchmark gazetteer").hexdigest()
XSD_DATE = NamedNode(PREFIXES["xsd"] + "date")
WKT = NamedNode(PREFIXES["geo"] + "wktLiteral")
GOVERNORATES, DISTRICTS, COMMUNITIES = 14, 5, 40  # per parent: 14 + 70 + 2,800 places
ACTORS, SOURCES, PER_DOCUMENT = 200, 20, 50
FIRST_DAY = date(2011, 3, 15)
DAYS = 365 * 13


def point(lon: float, lat: float) -> Literal:
    return Literal(f"{CRS84} POINT({lon:.5f} {lat:.5f})", datatype=WKT)


def gazetteer() -> tuple[list[Quad], list[str], list[str]]:
    """Quads of the gazetteer; (quads, community IRIs, governorate IRIs)."""
    rng, quads, communities, governorates = random.Random(1), [], [], []

    def place(key: str, level: str, parent: str | None, lon: float, lat: float) -> str:
        iri = NamedNode(IRIS.place(key))
        quads.extend([
            Quad(iri, rdf.type, ckg.Place, GAZETTEER),
            Quad(iri, rdfs.label, Literal(f"مكان {key}", language="ar"), GAZETTEER),
            Quad(iri, rdfs.label, Literal(f"Place {key}", language="en"), GAZETTEER),
            Quad(iri, ckg.adminLevel, NamedNode(PREFIXES["ckgv"] + level), GAZETTEER),
            Quad(iri, ckg.pcode, Literal(key), GAZETTEER),
            Quad(iri, geo.hasGeometry, NamedNode(iri.value + "#geometry"), GAZETTEER),
            Quad(NamedNode(iri.value + "#geometry"), geo.asWKT, point(lon, lat), GAZETTEER),
        ])
        if parent:
            quads.append(Quad(iri, schema.containedInPlace, NamedNode(parent), GAZETTEER))
        return iri.value

    for g in range(GOVERNORATES):
        glon, glat = 36 + rng.uniform(0, 5), 32.5 + rng.uniform(0, 4.5)
        gov = place(f"SY{g + 1:02d}", "governorate", None, glon, glat)
        governorates.append(gov)
        for d in range(DISTRICTS):
            dis = place(f"SY{g + 1:02d}{d:02d}", "district", gov, glon, glat)
            for c in range(COMMUNITIES):
                key = f"C{(g * DISTRICTS + d) * COMMUNITIES + c + 1000}"
                communities.append(place(key, "community", dis, glon + rng.uniform(-0.5, 0.5),
                                         glat + rng.uniform(-0.5, 0.5)))
    for a in range(ACTORS):
        iri = NamedNode(IRIS.actor(f"group-{a}"))
        quads += [Quad(iri, rdf.type, ckg.ArmedGroup, GAZETTEER),
                  Quad(iri, rdfs.label, Literal(f"Group {a}", language="en"), GAZETTEER),
                  Quad(iri, rdfs.label, Literal(f"فصيل {a}", language="ar"), GAZETTEER),
                  Quad(iri, ckg.actorKind, NamedNode(PREFIXES["ckgk"] + "rebel_group"), GAZETTEER)]
        if a >= 20:
            quads.append(Quad(iri, ckg.partOf, NamedNode(IRIS.actor(f"group-{a % 20}")), GAZETTEER))
    for s in range(SOURCES):
        iri = NamedNode(IRIS.source(f"source-{s}"))
        quads += [Quad(iri, rdf.type, ckg.ReportingSource, GAZETTEER),
                  Quad(iri, rdfs.label, Literal(f"Source {s}", language="en"), GAZETTEER)]
    return quads, communities, governorates


def documents(events: int, communities: list[str], days: int = DAYS) -> Iterator[list[Quad]]:
    """The quads of one document graph at a time, dated over ``days`` from the first day."""
    rng = random.Random(2)
    for d in range(0, events, PER_DOCUMENT):
        sha = hashlib.sha256(str(d).encode()).hexdigest()
        doc = NamedNode(IRIS.document(sha))
        source = NamedNode(IRIS.source(f"source-{d % SOURCES}"))
        quads = [Quad(doc, rdf.type, ckg.SourceDocument, doc),
                 Quad(doc, schema.publisher, source, doc)]
        for i in range(min(PER_DOCUMENT, events - d)):
            kind = rng.choice(EVENT_KINDS)
            event = NamedNode(IRIS.event(sha, f"{i * 10}-{i * 10 + 9}"))
            begin = FIRST_DAY + timedelta(days=rng.randrange(days))
            end = begin + timedelta(days=rng.choice((0, 0, 0, 1, 3, 10, 30)))
            quads += [
                Quad(event, rdf.type, NamedNode(CKG + EVENT_CLASSES[kind]), doc),
                Quad(event, ckg.eventType, NamedNode(PREFIXES["ckgt"] + kind), doc),
                Quad(event, sem.hasBeginTimeStamp, Literal(begin.isoformat(), datatype=XSD_DATE), doc),
                Quad(event, sem.hasEarliestBeginTimeStamp,
                     Literal(begin.isoformat(), datatype=XSD_DATE), doc),
                Quad(event, sem.hasLatestEndTimeStamp, Literal(end.isoformat(), datatype=XSD_DATE), doc),
                Quad(event, prov.wasDerivedFrom, doc, doc),
            ]
            for place in rng.sample(communities, rng.choice((1, 1, 2))):
                quads.append(Quad(event, sem.hasPlace, NamedNode(place), doc))
            for a in rng.sample(range(ACTORS), rng.randint(1, 3)):
                quads.append(Quad(event, sem.hasActor, NamedNode(IRIS.actor(f"group-{a}")), doc))
            claim = NamedNode(IRIS.claim(sha, f"casualties-{i * 10}-{i * 10 + 9}"))
            quads += [
                Quad(claim, rdf.type, ckg.CasualtyClaim, doc),
                Quad(claim, ckg.count, Literal(rng.randint(1, 200)), doc),
                Quad(claim, ckg.about, event, doc),
                Quad(claim, prov.wasAttributedTo, source, doc),
                Quad(claim, wikibase.rank, wikibase.NormalRank, doc),
                Quad(claim, prov.wasDerivedFrom, doc, doc),
            ]
        yield quads


def build(path: Path, events: int, days: int = DAYS) -> tuple[list[str], list[str]]:
    quads, communities, governorates = gazetteer()
    if store.current_generation(path) == 0:
        started = time.perf_counter()
        total = len(quads)
        with store.writing(path) as writer:
            writer.put_graph(GAZETTEER.value, quads)
            writer.set_reference_state(GAZETTEER_STATE, "benchmark")  # as ingest records its own
            for doc_quads in documents(events, communities, days):
                writer.put_graph(doc_quads[0].graph_name.value, doc_quads)
                total += len(doc_quads)
            writer.store.optimize()  # compacted, as a store is once its loading is done
        print(f"built {events:,} events, {total:,} quads in {time.perf_counter() - started:.0f} s")
    return communities, governorates


def timed(client: httpx.Client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.text[:300]}")
    return times


def calls(n: int, communities: list[str], governorates: list[str],
          client: httpx.Client) -> dict[str, Callable[[], list[str]]]:
    rng = random.Random(3)

    def window() -> dict[str, str]:
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 400))
        return {"from": start.isoformat(), "to": (start + timedelta(days=365)).isoformat()}

    def list_url(**params: object) -> str:  # the events as documents report them: the store is not linked
        return "/api/v1/events?" + httpx.QueryParams({"reports": "all", **params}).__str__()

    def second_pages() -> list[str]:
        urls = []
        for _ in range(n):
            first = client.get(list_url(kind=rng.choice(EVENT_KINDS), limit=25, **window()))
            urls.append(first.json()["links"]["next"] or list_url(limit=25))
        return urls

    def keys(count: int) -> list[str]:
        items = client.get(list_url(limit=1000)).json()["items"]
        return [e["key"] for e in rng.sample(items, min(count, len(items)))]

    def filtered(limit: int) -> list[str]:
        return [list_url(kind=rng.choice(EVENT_KINDS), limit=limit, **window()) for _ in range(n)]

    return {
        "events?kind&from&to (25, the default)": lambda: filtered(25),
        "events?kind&from&to (100)": lambda: filtered(100),
        "events?kind&from&to (next page, 25)": second_pages,
        "events?from&to (25)": lambda: [list_url(limit=25, **window()) for _ in range(n)],
        "events?place=governorate&from&to (25)": lambda: [
            list_url(place=rng.choice(governorates), limit=25, **window()) for _ in range(n)],
        "events?actor=name&from&to (25)": lambda: [
            list_url(actor=f"Group {rng.randrange(ACTORS)}", limit=25, **window())
            for _ in range(n)],
        "events?near&radius_km (25)": lambda: [
            list_url(near=f"{rng.uniform(33, 36):.3f},{rng.uniform(36.5, 40):.3f}", radius_km=20,
                     limit=25) for _ in range(n)],
        "events?kind (first page, 25)": lambda: [list_url(limit=25, kind=k) for k in EVENT_KINDS],
        "events/{id}": lambda: [f"/api/v1/events/{k}" for k in keys(n)],
        "places/{id}": lambda: [f"/api/v1/places/{p.rsplit('/', 1)[1]}"
                                for p in rng.sample(communities, n)],
        "claims?event": lambda: [f"/api/v1/claims?event={k}" for k in keys(n)],
    }


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 \
        else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per call")
    parser.add_argument("--store", type=Path, help="store folder (built when empty)")
    parser.add_argument("--workers", type=int, default=0, help="query workers (0: the default)")
    parser.add_argument("--web-workers", type=int, default=0, help="web processes (0: the default)")
    parser.add_argument("--load", action="store_true", help="throughput at 1 and 16 clients, memory")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    folder = args.store or Path(tempfile.mkdtemp(prefix="conflictkg-bench-")) / "store"
    communities, governorates = build(folder, args.events)
    if args.load:
        under_load(folder, args, communities, governorates)
        return
    with serve(folder, args.workers, args.web_workers) as (url, _), \
            httpx.Client(base_url=url, timeout=120) as client:
        started = time.perf_counter()
        client.get("/api/v1/events?limit=1&reports=all")  # waits for the index built on start-up
        print(f"first list (waits for the start-up index build): {time.perf_counter() - started:.1f} s")
        print(f"{'call':40} {'n':>5} {'p50 ms':>8} {'p95 ms':>8}")
        for name, make in calls(args.requests, communities, governorates, client).items():
            times = timed(client, make())
            print(f"{name:40} {len(times):5d} {statistics.median(times):8.1f} "
                  f"{percentile(times, 95):8.1f}")
        after_ingest(folder, communities, client)


@contextlib.contextmanager
def serve(folder: Path, workers: int, web_workers: int = 0) -> Iterator[tuple[str, subprocess.Popen]]:
    """``conflictkg serve`` in a process of its own on a free loopback port, as users run it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "conflictkg", "serve", "--store", str(folder), "--port", str(port),
               "--query-workers", str(workers), "--web-workers", str(web_workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 600
        while True:
            try:
                httpx.get(f"{url}/health", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.1)
        yield url, server
    finally:
        server.terminate()
        server.wait(timeout=30)


def after_ingest(folder: Path, communities: list[str], client: httpx.Client) -> None:
    """One more document published while serving: the lists answer at once from the
    previous index, and the new one is in use after the background build."""
    sha = hashlib.sha256(f"extra-{time.time()}".encode()).hexdigest()
    doc = NamedNode(IRIS.document(sha))
    event, day = NamedNode(IRIS.event(sha, "0-9")), Literal("2011-03-15", datatype=XSD_DATE)
    quads = [Quad(doc, rdf.type, ckg.SourceDocument, doc),
             Quad(event, rdf.type, NamedNode(CKG + EVENT_CLASSES["battle"]), doc),
             Quad(event, ckg.eventType, NamedNode(PREFIXES["ckgt"] + "battle"), doc),
             Quad(event, sem.hasEarliestBeginTimeStamp, day, doc),
             Quad(event, sem.hasLatestEndTimeStamp, day, doc),
             Quad(event, sem.hasPlace, NamedNode(communities[0]), doc),
             Quad(event, prov.wasDerivedFrom, doc, doc)]
    with store.writing(folder) as writer:
        writer.put_graph(doc.value, quads)
    published = store.current_generation(folder)
    started, lists = time.perf_counter(), []
    while True:
        begun = time.perf_counter()
        response = client.get("/api/v1/events?limit=25&reports=all")
        lists.append((time.perf_counter() - begun) * 1000)
        if int(response.headers["x-index-generation"]) >= published:
            break
    print(f"after an ingest: {len(lists)} lists answered from the previous index meanwhile "
          f"(p50 {statistics.median(lists):.1f} ms, max {max(lists):.1f} ms); "
          f"new index in use after {time.perf_counter() - started:.1f} s")



def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    try:
        return [int(p) for t in Path(f"/proc/{pid}/task").iterdir()
                for p in (t / "children").read_text().split()]
    except OSError:
        return []


def memory(server: subprocess.Popen) -> dict[str, list[float]]:
    """Resident MiB of the server's processes: the supervisor, the web processes (those with
    children of their own, or the one server process), their query workers."""
    found: dict[str, list[float]] = {"supervisor": [], "web": [], "workers": []}
    top = children(server.pid)
    webs = [p for p in top if children(p)] or [server.pid]
    if webs != [server.pid]:
        found["supervisor"].append(rss_mb(server.pid))
    for web in webs:
        found["web"].append(rss_mb(web))
        found["workers"] += [rss_mb(w) for w in children(web)]
    return found


def api_request(rng: random.Random, url: str, governorates: list[str], keys: list[str]) -> load.Request:
    """One call of the API's mix: filtered lists (some by place or actor), an event's detail."""
    start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 400))
    window = {"from": start.isoformat(), "to": (start + timedelta(days=365)).isoformat()}
    draw = rng.random()
    if draw < 0.5:
        params = {"reports": "all", "kind": rng.choice(EVENT_KINDS), "limit": "25", **window}
        return load.Request("list", "GET", url + "/api/v1/events", params=params)
    if draw < 0.7:
        params = {"reports": "all", "place": rng.choice(governorates), "limit": "25", **window}
        return load.Request("list by place", "GET", url + "/api/v1/events", params=params)
    return load.Request("detail", "GET", f"{url}/api/v1/events/{rng.choice(keys)}")


def under_load(folder: Path, args: argparse.Namespace, communities: list[str],
               governorates: list[str]) -> None:
    with serve(folder, args.workers, args.web_workers) as (url, server), \
            httpx.Client(base_url=url, timeout=300) as client:
        started = time.perf_counter()
        first = client.get("/api/v1/events?limit=1000&reports=all")
        print(f"first list: {time.perf_counter() - started:.1f} s")
        keys = [e["key"] for e in first.json()["items"]]
        idle = memory(server)
        found = {}
        for clients in (1, 16):
            outcomes, took = load.run(lambda rng: api_request(rng, url, governorates, keys),
                                      clients=clients, seconds=args.seconds, seed=clients)
            found[clients] = (load.summarize(outcomes, took), memory(server))
        print(f"\n{args.events:,} events; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}\n")
        print("| clients | good calls/s | p50 / p95 ms list | p50 / p95 ms list by place | "
              "p50 / p95 ms detail | errors | web processes MiB | query workers MiB |")
        print("|---:|---:|---|---|---|---:|---|---:|")
        for clients, (s, mem) in found.items():
            cells = " | ".join(f"{s.p50.get(k, float('nan')) * 1000:.0f} / {s.p95.get(k, float('nan')) * 1000:.0f}"
                               for k in ("list", "list by place", "detail"))
            webs = " + ".join(f"{m:.0f}" for m in mem["web"]) + f" = {sum(mem['web']):.0f}"
            print(f"| {clients} | {s.good_per_second:.1f} | {cells} | {s.failed + sum(s.refused.values())} | "
                  f"{webs} | {sum(mem['workers']):.0f} ({len(mem['workers'])}) |")
        ratio = found[16][0].good_per_second / found[1][0].good_per_second
        print(f"\n16 clients / 1 client: {ratio:.2f}x; idle: web processes "
              f"{sum(idle['web']):.0f} MiB, supervisor {sum(idle['supervisor']):.0f} MiB")
        newest(folder, communities, governorates, client)


PROBE = Literal("a document the API benchmark publishes while serving")


def newest(folder: Path, communities: list[str], governorates: list[str], client: httpx.Client) -> None:
    """A document published while serving: seconds until its event tops the list, and the
    list of its governorate (its community's, communities[0] lies in governorates[0])."""
    sha = hashlib.sha256(f"newest-{time.time()}".encode()).hexdigest()
    doc = NamedNode(IRIS.document(sha))
    event, day = NamedNode(IRIS.event(sha, "0-9")), Literal("2011-03-01", datatype=XSD_DATE)
    quads = [Quad(doc, rdf.type, ckg.SourceDocument, doc), Quad(doc, rdfs.comment, PROBE, doc),
             Quad(event, ckg.eventType, NamedNode(PREFIXES["ckgt"] + "battle"), doc),
             Quad(event, sem.hasEarliestBeginTimeStamp, day, doc),
             Quad(event, sem.hasLatestEndTimeStamp, day, doc),
             Quad(event, sem.hasPlace, NamedNode(communities[0]), doc),
             Quad(event, prov.wasDerivedFrom, doc, doc)]
    with store.writing(folder) as writer:  # an earlier run's probe would tie with this one
        for earlier in {q.graph_name.value for q in writer.quads(None, rdfs.comment, PROBE)}:
            writer.remove_graph(earlier)
    begun = time.perf_counter()
    with store.writing(folder) as writer:
        writer.put_graph(doc.value, quads)
    published = time.perf_counter()
    shown = []
    for params in ({"limit": "1", "reports": "all"}, {"limit": "1", "reports": "all", "place": governorates[0]}):
        while True:
            items = client.get("/api/v1/events", params=params).json()["items"]
            if items and items[0]["id"] == event.value:
                break
            if time.perf_counter() - published > 600:
                raise SystemExit("the new document never showed")
        shown.append(time.perf_counter())
    print(f"a new document: written and published in {published - begun:.2f} s, at the top of the "
          f"list {shown[0] - published:.2f} s after its publication, of its governorate's list "
          f"{shown[1] - published:.2f} s after")


if __name__ == "__main__":
    main()
