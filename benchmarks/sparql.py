"""The SPARQL endpoint against the ``oxigraph`` server, on the same data and queries.

    .venv/bin/python benchmarks/sparql.py [--documents 9000] [--runs 7] [--seconds 15]
    .venv/bin/python benchmarks/sparql.py --mixed [--levels 1,16,64] [--seconds 20]

Methodology:

* Data: a synthetic corpus shaped like the graph (docs/graph-model.md): a gazetteer
  graph of places and actors, then one named graph per document with its events and
  claims, about 118 quads a document (9,000 documents: just over a million quads).
  Both stores are loaded from the same N-Quads file; Oxigraph's server (the ``oxigraph``
  package, ``serve-read-only``) runs with ``--union-default-graph``, so both answer the
  same queries alike. Ours runs as ``conflictkg serve`` with its defaults (web
  processes, query workers and lanes from the machine, result cache on).
* Client: one ``httpx`` client per thread, keep-alive, each query POSTed as
  ``application/sparql-query`` asking for SPARQL JSON results; a latency is the wall
  time from sending to having read the whole body.
* Cold: every cold request carries a query text never sent before (the query plus a
  unique trailing comment, ``cold()``). Our result cache is keyed by the full query
  text, so it can never answer a cold request: each one is parsed, evaluated in a
  worker and serialised. Oxigraph has no result cache; it gets the same texts.
  The operating system's page cache is warm for both (one untimed run per query first).
* Repeated: the same text again, which our cache answers (Oxigraph evaluates it again).
* Latency: per query, the median of ``--runs`` runs; the two servers take turns run
  by run, so a busy machine slows both alike. Throughput: ``--clients`` threads run
  the query mix for ``--seconds`` against one server at a time, cold, then repeated.
* The machine is shared and small: read ratios, not absolute figures, and expect
  fast (about 1 ms) queries to vary by some tenths of a millisecond between runs.

* Mixed load (``--mixed``): 70% cheap queries (one event's statements, the events at a
  named place, a document's publisher), 25% medium (a month's battles, the documents
  about a place, the events of a governorate), 5% heavy (claims by qualifier over a
  count, the top sources), each text unique (its constants drawn at random, and a
  unique comment). A bounded asyncio client (``benchmarks/load.py``) keeps ``clients``
  requests in flight for ``--seconds`` against one server, then the other, at each
  level; both servers run as they would for a user (ours: ``conflictkg serve`` with its
  defaults). Good throughput counts 2xx answers only.

Prints Markdown tables for the README.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from pyoxigraph import RdfFormat

from conflictkg import store

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # benchmarks/load.py, beside this file

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / ".work" / "sparql"
B = "https://conflictkg.org/"
CKG = "https://conflictkg.org/ontology#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"
VALUE = "https://conflictkg.org/ontology/value/"
GEO = "http://www.opengis.net/ont/geosparql#"
SCHEMA = "https://schema.org/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
PLACES, ACTORS, SOURCES = 5000, 200, 40
KINDS = ("Battle", "Attack", "Shelling", "Airstrike", "Capture")
QUALIFIERS = ("exact", "at_least", "more_than", "about")

PREFIXES = f"""PREFIX ckg: <{CKG}> PREFIX rdfs: <{RDFS}> PREFIX sem: <{SEM}>
PREFIX prov: <{PROV}> PREFIX xsd: <{XSD}> PREFIX schema: <{SCHEMA}>
PREFIX ckgv: <https://conflictkg.org/ontology/value/>
"""
QUERIES = {
    "claims by qualifier": """SELECT ?q (COUNT(*) AS ?n) (SUM(?count) AS ?total)
        WHERE { ?c a ckg:CasualtyClaim ; ckg:qualifier ?q ; ckg:count ?count } GROUP BY ?q""",
    "events at a named place": """SELECT ?e ?date WHERE {
        ?p rdfs:label "place 42"@en . ?e sem:hasPlace ?p ; sem:hasBeginTimeStamp ?date }""",
    "events in a month": """SELECT ?e ?place WHERE { ?e a ckg:Battle ;
        sem:hasBeginTimeStamp ?d ; sem:hasPlace ?place
        FILTER(?d >= "2016-03-01"^^xsd:date && ?d < "2016-04-01"^^xsd:date) } LIMIT 200""",
    "one event": f"SELECT ?p ?o WHERE {{ <{B}id/event/doc77-e2> ?p ?o }}",
    "top sources": """SELECT ?s (COUNT(?c) AS ?n) WHERE { ?c prov:wasAttributedTo ?s }
        GROUP BY ?s ORDER BY DESC(?n) LIMIT 10""",
    "documents about a place": """SELECT DISTINCT ?g WHERE { GRAPH ?g { ?e sem:hasPlace ?p } .
        ?p rdfs:label "place 7"@en }""",
    "place inside a governorate": """SELECT (COUNT(?e) AS ?n) WHERE {
        ?p schema:containedInPlace <https://conflictkg.org/id/place/G3> . ?e sem:hasPlace ?p }""",
}


def nq(s: str, p: str, o: str, g: str) -> str:
    return f"{s} {p} {o} {g} .\n"


def iri(x: str) -> str:
    return f"<{x}>"


def lit(value: object, datatype: str | None = None, lang: str | None = None) -> str:
    text = f'"{value}"'
    return text + (f"@{lang}" if lang else f"^^<{datatype}>" if datatype else "")


def day(rng: random.Random) -> str:
    return f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def corpus(path: Path, documents: int, seed: int = 7) -> int:
    """Write the synthetic N-Quads; returns the number of quads."""
    rng = random.Random(seed)
    gaz = iri(B + "graph/gazetteer")
    lines = []
    for i in range(14):
        lines.append(nq(iri(f"{B}id/place/G{i}"), iri(RDFS + "label"), lit(f"gov {i}", lang="en"), gaz))
    for i in range(PLACES):
        p = iri(f"{B}id/place/P{i}")
        lines += [nq(p, iri(RDFS + "label"), lit(f"place {i}", lang="en"), gaz),
                  nq(p, iri(RDFS + "label"), lit(f"مكان {i}", lang="ar"), gaz),
                  nq(p, RDF_TYPE, iri(CKG + "Place"), gaz),
                  nq(p, iri(SCHEMA + "containedInPlace"), iri(f"{B}id/place/G{i % 14}"), gaz),
                  nq(p, iri(GEO + "asWKT"), lit(f"POINT({35 + rng.random() * 6:.4f} {32 + rng.random() * 5:.4f})",
                                                 GEO + "wktLiteral"), gaz)]
    for i in range(ACTORS):
        a = iri(f"{B}id/actor/a{i}")
        lines += [nq(a, iri(RDFS + "label"), lit(f"actor {i}", lang="en"), gaz),
                  nq(a, RDF_TYPE, iri(CKG + "ArmedGroup"), gaz)]
    rdf_type = RDF_TYPE
    for d in range(documents):
        doc = iri(f"{B}id/document/doc{d}")
        source = iri(f"{B}id/source/s{rng.randrange(SOURCES)}")
        lines += [nq(doc, rdf_type, iri(CKG + "SourceDocument"), doc),
                  nq(doc, iri("http://purl.org/dc/terms/title"), lit(f"تقرير رقم {d}", lang="ar"), doc),
                  nq(doc, iri(SCHEMA + "publisher"), source, doc),
                  nq(doc, iri(SCHEMA + "datePublished"), lit(day(rng), XSD + "date"), doc),
                  nq(doc, iri("http://purl.org/dc/terms/language"), lit("ar"), doc),
                  nq(doc, iri(CKG + "sha256"), lit(f"{d:064x}"), doc)]
        events = []
        for e in range(5):
            ev = iri(f"{B}id/event/doc{d}-e{e}")
            events.append(ev)
            date = day(rng)
            lines += [nq(ev, rdf_type, iri(CKG + rng.choice(KINDS)), doc),
                      nq(ev, iri(RDFS + "label"), lit(f"حدث {d}-{e}", lang="ar"), doc),
                      nq(ev, iri(SEM + "hasBeginTimeStamp"), lit(date, XSD + "date"), doc),
                      nq(ev, iri(SEM + "hasEarliestBeginTimeStamp"), lit(date, XSD + "date"), doc),
                      nq(ev, iri(SEM + "hasPlace"), iri(f"{B}id/place/P{rng.randrange(PLACES)}"), doc),
                      nq(ev, iri(SEM + "hasActor"), iri(f"{B}id/actor/a{rng.randrange(ACTORS)}"), doc),
                      nq(ev, iri(CKG + "evidence"), iri(f"{B}id/annotation/doc{d}-{e}"), doc),
                      nq(ev, iri(PROV + "wasDerivedFrom"), doc, doc)]
        for c in range(8):
            cl = iri(f"{B}id/claim/doc{d}-c{c}")
            lines += [nq(cl, rdf_type, iri(CKG + "CasualtyClaim"), doc),
                      nq(cl, iri(CKG + "count"), lit(rng.randint(1, 300), XSD + "integer"), doc),
                      nq(cl, iri(CKG + "qualifier"), iri(VALUE + rng.choice(QUALIFIERS)), doc),
                      nq(cl, iri(CKG + "outcome"), iri(VALUE + "killed"), doc),
                      nq(cl, iri(CKG + "about"), rng.choice(events), doc),
                      nq(cl, iri(PROV + "wasAttributedTo"), source, doc),
                      nq(cl, iri("http://wikiba.se/ontology#rank"), iri("http://wikiba.se/ontology#NormalRank"), doc),
                      nq(cl, iri(CKG + "evidence"), iri(f"{B}id/annotation/doc{d}-c{c}"), doc),
                      nq(cl, iri(PROV + "wasDerivedFrom"), doc, doc)]
    path.write_text("".join(lines), encoding="utf-8")
    return len(lines)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def build(documents: int) -> tuple[Path, Path, int]:
    """Our store and Oxigraph's, both from the same N-Quads (reused when present)."""
    data = WORK / f"corpus-{documents}.nq"
    ours, theirs = WORK / f"ours-{documents}", WORK / f"oxigraph-{documents}"
    WORK.mkdir(parents=True, exist_ok=True)
    if not data.exists():
        corpus(data, documents)
    quads = sum(1 for _ in data.open(encoding="utf-8"))
    if not ours.exists():
        with store.writing(ours) as writer:
            writer.load(data.read_bytes(), format=RdfFormat.N_QUADS)
    if not theirs.exists():
        subprocess.run([oxigraph_binary(), "load", "--location", str(theirs), "--file", str(data)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return ours, theirs, quads


def oxigraph_binary() -> str:
    return shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


def start_servers(ours: Path, theirs: Path) -> tuple[list[subprocess.Popen], dict[str, str]]:
    our_port, their_port = free_port(), free_port()
    processes = [
        subprocess.Popen([str(Path(sys.executable).parent / "conflictkg"), "serve", "--store",
                          str(ours), "--port", str(our_port)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location", str(theirs),
                          "--bind", f"127.0.0.1:{their_port}", "--union-default-graph"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]
    endpoints = {"oxigraph": f"http://127.0.0.1:{their_port}/query",
                 "ours": f"http://127.0.0.1:{our_port}/sparql"}
    wait_until_up(f"http://127.0.0.1:{our_port}/health", processes[0])
    wait_until_up(f"http://127.0.0.1:{their_port}/", processes[1])
    return processes, endpoints


def ask(client: httpx.Client, endpoint: str, query: str) -> float:
    started = time.perf_counter()
    response = client.post(endpoint, content=(PREFIXES + query).encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    response.raise_for_status()
    return time.perf_counter() - started


_unique = iter(range(10**9))


def cold(query: str) -> str:
    """The same query as a new text, so no result cache can answer it."""
    return f"{query}\n# run {next(_unique)}"


def latencies(endpoints: dict[str, str], runs: int) -> dict[str, dict[str, tuple[float, float]]]:
    """Per server and query: (median cold seconds, median repeated seconds). The servers
    take turns run by run, so a busy machine slows both alike."""
    timings = {server: {name: ([], []) for name in QUERIES} for server in endpoints}
    with httpx.Client(timeout=300) as client:
        for name, query in QUERIES.items():
            for url in endpoints.values():
                ask(client, url, query)  # warm the process and the OS page cache
            for _ in range(runs):
                for server, url in endpoints.items():
                    timings[server][name][0].append(ask(client, url, cold(query)))
                    timings[server][name][1].append(ask(client, url, query))
    return {server: {name: (statistics.median(c), statistics.median(r))
                     for name, (c, r) in per_query.items()}
            for server, per_query in timings.items()}


def throughput(endpoint: str, seconds: float, clients: int, make_cold: bool) -> float:
    """Queries answered per second by ``clients`` concurrent clients running the mix."""
    done, stop = [0] * clients, time.monotonic() + seconds
    queries = list(QUERIES.values())

    def client_loop(index: int) -> None:
        with httpx.Client(timeout=300) as client:
            i = index
            while time.monotonic() < stop:
                query = queries[i % len(queries)]
                ask(client, endpoint, cold(query) if make_cold else query)
                done[index] += 1
                i += 1

    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / (time.monotonic() - started)


def mixed_query(rng: random.Random, documents: int) -> tuple[str, str]:
    """(class, text) of one query of the mixed load: 70% cheap, 25% medium, 5% heavy."""
    draw, d, place = rng.random(), rng.randrange(documents), rng.randrange(PLACES)
    if draw < 0.70:
        kind, query = "cheap", rng.choice([
            f"SELECT ?p ?o WHERE {{ <{B}id/event/doc{d}-e{rng.randrange(5)}> ?p ?o }}",
            f'SELECT ?e ?date WHERE {{ ?p rdfs:label "place {place}"@en . ?e sem:hasPlace ?p ; '
            f"sem:hasBeginTimeStamp ?date }}",
            f"SELECT ?s ?day WHERE {{ <{B}id/document/doc{d}> schema:publisher ?s ; schema:datePublished ?day }}",
        ])
    elif draw < 0.95:
        month = rng.randint(1, 11)
        kind, query = "medium", rng.choice([
            f'SELECT ?e ?place WHERE {{ ?e a ckg:{rng.choice(KINDS)} ; sem:hasBeginTimeStamp ?d ; '
            f'sem:hasPlace ?place FILTER(?d >= "2016-{month:02d}-01"^^xsd:date && '
            f'?d < "2016-{month + 1:02d}-01"^^xsd:date) }} LIMIT 200',
            f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?e sem:hasPlace ?p }} . ?p rdfs:label "place {place}"@en }}',
            f"SELECT (COUNT(?e) AS ?n) WHERE {{ ?p schema:containedInPlace <{B}id/place/G{rng.randrange(14)}> . "
            f"?e sem:hasPlace ?p }}",
        ])
    else:
        kind, query = "heavy", rng.choice([
            f"SELECT ?q (COUNT(*) AS ?n) (SUM(?count) AS ?total) WHERE {{ ?c a ckg:CasualtyClaim ; "
            f"ckg:qualifier ?q ; ckg:count ?count FILTER(?count > {rng.randrange(100)}) }} GROUP BY ?q",
            f"SELECT ?s (COUNT(?c) AS ?n) WHERE {{ ?c prov:wasAttributedTo ?s }} GROUP BY ?s "
            f"ORDER BY DESC(?n) LIMIT {rng.randint(3, 20)}",
        ])
    return kind, PREFIXES + query + f"\n# {rng.getrandbits(64):016x}"


def mixed(endpoints: dict[str, str], documents: int, levels: list[int], seconds: float
          ) -> dict[tuple[str, int], load.Summary]:
    """The mixed load against each server at each level, the servers in turn."""
    def make(rng: random.Random, url: str) -> load.Request:
        kind, text = mixed_query(rng, documents)
        return load.Request(kind, "POST", url, text.encode(), {
            "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})

    found = {}
    for clients in levels:
        for name, url in endpoints.items():
            outcomes, took = load.run(lambda rng, url=url: make(rng, url), clients=clients,
                                      seconds=seconds, seed=clients)
            found[(name, clients)] = load.summarize(outcomes, took)
    return found


def print_mixed(found: dict[tuple[str, int], load.Summary], levels: list[int]) -> None:
    print("| clients | Oxigraph good q/s | ConflictKG good q/s | ratio | cheap p50 ms Oxigraph / ours | "
          "ratio | 503s ours (cheap/medium/heavy) | our 503s by cause | 503s without Retry-After | "
          "Oxigraph errors |")
    print("|---:|---:|---:|---:|---|---:|---|---|---:|---:|")
    for clients in levels:
        a, b = found[("oxigraph", clients)], found[("ours", clients)]
        refused = "/".join(str(b.refused.get(k, 0)) for k in ("cheap", "medium", "heavy"))
        theirs_errors = a.failed + sum(a.refused.values())
        causes = ", ".join(f"{cause} {n}" for cause, n in sorted(b.refused_by_cause.items())) or "none"
        print(f"| {clients} | {a.good_per_second:.1f} | {b.good_per_second:.1f} | "
              f"{b.good_per_second / a.good_per_second:.2f} | {a.p50['cheap'] * 1000:.1f} / "
              f"{b.p50['cheap'] * 1000:.1f} | {b.p50['cheap'] / a.p50['cheap']:.2f} | {refused} | {causes} | "
              f"{b.refused_without_retry_after} | {theirs_errors} |")
    print("\n| clients | server | p50 ms cheap / medium / heavy | p95 ms cheap / medium / heavy | other errors |")
    print("|---:|---|---|---|---:|")
    for clients in levels:
        for name in ("oxigraph", "ours"):
            s = found[(name, clients)]
            p50 = " / ".join(f"{s.p50.get(k, float('nan')) * 1000:.0f}" for k in ("cheap", "medium", "heavy"))
            p95 = " / ".join(f"{s.p95.get(k, float('nan')) * 1000:.0f}" for k in ("cheap", "medium", "heavy"))
            print(f"| {clients} | {name} | {p50} | {p95} | {s.failed} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=9000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--mixed", action="store_true", help="the mixed-load run only")
    parser.add_argument("--levels", default="1,16,64", help="clients at each level of the mixed load")
    args = parser.parse_args()
    ours, theirs, quads = build(args.documents)
    processes, endpoints = start_servers(ours, theirs)
    try:
        if args.mixed:
            levels = [int(n) for n in args.levels.split(",")]
            found = mixed(endpoints, args.documents, levels, args.seconds)
        else:
            lat = latencies(endpoints, args.runs)
            tput = {(name, mode): throughput(url, args.seconds, args.clients, mode == "cold")
                    for name, url in endpoints.items() for mode in ("cold", "repeated")}
    finally:
        for p in processes:
            p.terminate()
            p.wait(timeout=60)
    if args.mixed:
        print(f"\n{quads:,} quads; mixed load (70% cheap, 25% medium, 5% heavy, every text unique), "
              f"{args.seconds:g} s a level a server; {os.cpu_count()} CPUs, load average "
              f"{os.getloadavg()[0]:.1f} at the end\n")
        print_mixed(found, levels)
        return
    print(f"\n{quads:,} quads, {args.documents:,} document graphs; median of {args.runs} runs; "
          f"{args.clients} concurrent clients for {args.seconds:g} s; {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at the end\n")
    print("| query | Oxigraph server ms | ConflictKG cold ms | ratio | ConflictKG repeated ms |")
    print("|---|---:|---:|---:|---:|")
    for name in QUERIES:
        theirs_ms, ours_ms = lat["oxigraph"][name][0] * 1000, lat["ours"][name][0] * 1000
        print(f"| {name} | {theirs_ms:.1f} | {ours_ms:.1f} | {ours_ms / theirs_ms:.2f} | "
              f"{lat['ours'][name][1] * 1000:.1f} |")
    print(f"\n| throughput, {args.clients} clients | Oxigraph server q/s | ConflictKG q/s | ratio |")
    print("|---|---:|---:|---:|")
    for mode in ("cold", "repeated"):
        a, b = tput[("oxigraph", mode)], tput[("ours", mode)]
        print(f"| {mode} | {a:.1f} | {b:.1f} | {b / a:.2f} |")


if __name__ == "__main__":
    main()
