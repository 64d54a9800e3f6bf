"""The event list's index: an SQLite file beside the store, kept by the writer at each
publication and read by every web process.

``/api/v1/events`` pages through events sorted by (earliest date, IRI) with kind, date
and incident-or-report filters. Oxigraph answers such a page by visiting and sorting
every candidate, and a copy of the whole list in each web process costs gigabytes at a
million events and a rebuild from whole-predicate reads at every publication. So the
list lives in ``events.sqlite`` in the store's folder: one row per event and graph
(its sort key, kind, earliest and latest day, how many days it may span, and whether
it is a canonical incident), with B-tree indexes on (incident, key) and (incident,
kind, key), so a page is a range scan that stops after ``limit`` rows whatever the
size of the store.

SQLite rather than DuckDB: the work is many small point updates (a document's events
at each publication) and short ordered range scans, which is what a B-tree row store
does best; it ships with Python, takes one writer and any number of readers in other
processes (WAL mode: a reader sees the last commit, never a part), and its memory is a
bounded page cache. The linking index (:mod:`conflictkg.linking.index`) made the same
choice for its candidate search.

The :class:`~conflictkg.store.Writer` notes what it changes (:class:`Changes`): whole
graphs (a document written or removed) or single subjects of a graph (an incident
rebuilt by linking). Just before a publication it asks :func:`update` to read the
events of those graphs and subjects from the database it holds open and replace their
rows, in one transaction that also records the generation being published; a change it
cannot place (a SPARQL Update) rebuilds the whole index, streamed. A store written by
an older version, or whose index was lost, is indexed whole by the next writer to open
it (:func:`stale`).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, Store

FILE = "events.sqlite"
SCHEMA_VERSION = "1"
UNDATED = "9999-12-31"
CHUNK = 500  # graphs or subjects read with one query
INSERT_BATCH = 10_000  # rows written at a time by a whole rebuild

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  iri TEXT NOT NULL, graph TEXT NOT NULL, key TEXT NOT NULL, kind TEXT, earliest TEXT,
  latest TEXT, span INTEGER NOT NULL, incident INTEGER NOT NULL, PRIMARY KEY (iri, graph));
CREATE INDEX IF NOT EXISTS events_list ON events(incident, key);
CREATE INDEX IF NOT EXISTS events_kind ON events(incident, kind, key);
CREATE INDEX IF NOT EXISTS events_graph ON events(graph);
CREATE INDEX IF NOT EXISTS events_span ON events(span);
CREATE TEMP TABLE IF NOT EXISTS found (
  iri TEXT, graph TEXT, kind TEXT, earliest TEXT, latest TEXT, incident INTEGER);
"""
_PREFIX = """PREFIX ckg: <https://conflictkg.org/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
"""
_PATTERN = """{ ?e ckg:eventType ?kind
    OPTIONAL { ?e sem:hasEarliestBeginTimeStamp ?first }
    OPTIONAL { ?e sem:hasLatestEndTimeStamp ?last }
    OPTIONAL { ?e a ckg:Incident BIND(1 AS ?incident) } }"""
CKG, SEM = "https://conflictkg.org/ontology#", "http://semanticweb.cs.vu.nl/2009/11/sem/"
EVENT_TYPE, INCIDENT = NamedNode(CKG + "eventType"), NamedNode(CKG + "Incident")
EARLIEST, LATEST = NamedNode(SEM + "hasEarliestBeginTimeStamp"), NamedNode(SEM + "hasLatestEndTimeStamp")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
EVERY_EVENT = _PREFIX + "SELECT ?g ?e ?kind ?first ?last ?incident WHERE { GRAPH ?g " + _PATTERN + " }"
# The rows found in one step, grouped per event and graph (several dates: the widest).
MERGE_FOUND = """
INSERT OR REPLACE INTO events
SELECT iri, graph, COALESCE(MIN(earliest), '9999-12-31') || '|' || iri, MIN(kind), MIN(earliest),
       MAX(latest), COALESCE(CAST(julianday(MAX(latest)) - julianday(MIN(earliest)) AS INTEGER), 0),
       MAX(incident)
FROM found GROUP BY iri, graph;
"""


@dataclass
class Changes:
    """What a writer changed since its last publication, as the index needs to know it."""

    everything: bool = False
    graphs: set[str] = field(default_factory=set)
    subjects: dict[str, set[str]] = field(default_factory=dict)  # graph -> subjects

    def graph(self, graph: str | None) -> None:
        self.graphs.add(graph or "")

    def quads(self, quads: Iterable) -> None:
        for q in quads:
            graph = q.graph_name
            if isinstance(graph, NamedNode) and isinstance(q.subject, NamedNode):
                self.subjects.setdefault(graph.value, set()).add(q.subject.value)

    def any(self) -> bool:
        return self.everything or bool(self.graphs) or bool(self.subjects)


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """The index of the store at ``path`` (read-only: never created, never written)."""
    file = Path(path) / FILE
    if read_only:
        return sqlite3.connect(f"file:{file}?mode=ro", uri=True, check_same_thread=False)
    db = sqlite3.connect(file)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.executescript(SCHEMA)
    return db


def _meta(db: sqlite3.Connection, name: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def indexed_generation(db: sqlite3.Connection) -> int:
    """The store generation the index reflects (0: none yet)."""
    try:
        return int(_meta(db, "generation") or 0)
    except sqlite3.OperationalError:  # no table yet
        return 0


def stale(path: Path, generation: int) -> bool:
    """Whether the index is missing, of another schema, or behind the published store."""
    if not (Path(path) / FILE).is_file():
        return True
    with contextlib.closing(connect(path, read_only=True)) as db:
        try:
            return _meta(db, "schema") != SCHEMA_VERSION or indexed_generation(db) < generation
        except sqlite3.OperationalError:
            return True


@contextlib.contextmanager
def _transaction(path: Path) -> Iterator[sqlite3.Connection]:
    db = connect(path)
    try:
        with db:
            yield db
    finally:
        db.close()


def _term(value) -> str | None:
    return None if value is None else value.value


def _rows(solutions) -> Iterator[tuple]:
    for s in solutions:
        g = s["g"].value
        kind = s["kind"]
        yield (s["e"].value, g, kind.value.rsplit("/", 1)[-1] if kind is not None else None,
               _term(s["first"]), _term(s["last"]), 1 if s["incident"] is not None else 0)


def _store_found(db: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    db.executemany("INSERT INTO found VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.execute(MERGE_FOUND)
    db.execute("DELETE FROM found")


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(items)
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def _events_of(store: Store, graph: str, subjects: Iterable[str] | None = None) -> Iterator[tuple]:
    """The rows of the events in one graph (of ``subjects`` only, when given), read by
    direct lookups in the store's indexes: a SPARQL join of VALUES with GRAPH would visit
    every graph."""
    g = NamedNode(graph)
    if subjects is None:
        typed = store.quads_for_pattern(None, EVENT_TYPE, None, g)
    else:
        typed = (q for s in subjects for q in store.quads_for_pattern(NamedNode(s), EVENT_TYPE, None, g))
    for quad in typed:
        e = quad.subject
        firsts = [q.object.value for q in store.quads_for_pattern(e, EARLIEST, None, g)]
        lasts = [q.object.value for q in store.quads_for_pattern(e, LATEST, None, g)]
        incident = 1 if any(True for _ in store.quads_for_pattern(e, RDF_TYPE, INCIDENT, g)) else 0
        yield (e.value, graph, quad.object.value.rsplit("/", 1)[-1], min(firsts, default=None),
               max(lasts, default=None), incident)


def update(path: Path, store: Store, changes: Changes, generation: int, *, published: int) -> None:
    """Bring the index to what ``store`` (the writer's, committed) holds, for ``generation``
    (``published``: the generation readers see until then, which the index must reflect)."""
    if changes.everything or stale(path, published):
        rebuild(path, store, generation)
        return
    with _transaction(path) as db:
        for graphs in _chunks(changes.graphs):
            db.executemany("DELETE FROM events WHERE graph = ?", [(g,) for g in graphs])
            _store_found(db, (row for g in graphs if g for row in _events_of(store, g)))
        for graph, subjects in sorted(changes.subjects.items()):
            if graph in changes.graphs:
                continue
            for chunk in _chunks(subjects):
                db.executemany("DELETE FROM events WHERE iri = ? AND graph = ?", [(s, graph) for s in chunk])
                _store_found(db, _events_of(store, graph, chunk))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (str(generation),))


def rebuild(path: Path, store: Store, generation: int) -> None:
    """Index every event of ``store`` again, streaming its rows (bounded memory)."""
    with _transaction(path) as db:
        db.execute("DELETE FROM events")
        batch: list[tuple] = []
        for row in _rows(store.query(EVERY_EVENT)):
            batch.append(row)
            if len(batch) >= INSERT_BATCH:
                db.executemany("INSERT INTO found VALUES (?, ?, ?, ?, ?, ?)", batch)
                batch.clear()
        db.executemany("INSERT INTO found VALUES (?, ?, ?, ?, ?, ?)", batch)
        db.execute(MERGE_FOUND)
        db.execute("DELETE FROM found")
        db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                       [("schema", SCHEMA_VERSION), ("generation", str(generation))])


@dataclass(frozen=True)
class Page:
    iris: list[str]
    last: str | None  # the key to go on after; None on the last page


def page(db: sqlite3.Connection, *, kind: str | None = None, start: str | None = None,
         end: str | None = None, among: set[str] | None = None, after: str | None = None,
         limit: int | None = 100, incidents: bool | None = None) -> Page:
    """One page of events by (earliest date, IRI), and the key to continue after.

    ``start``/``end`` keep events still going on at ``start`` and begun by ``end`` (ISO
    dates); undated events only appear when neither is given. ``incidents`` keeps only
    incidents (True) or only reported events (False); ``among`` only these IRIs;
    ``limit`` None: every match.
    """
    where, args = [], []
    if incidents is not None:
        where.append("incident = ?")
        args.append(1 if incidents else 0)
    if kind is not None:
        where.append("kind = ?")
        args.append(kind)
    if after:
        where.append("key > ?")
        args.append(after)
    if end:
        # Dates are whole ISO days, so every key of an event begun by ``end`` sorts before
        # end + "}" ("}" follows "|"): the scan stops there.
        where += ["key < ?", "earliest IS NOT NULL", "earliest <= ?"]
        args += [end + "}", end]
    if start:
        span = db.execute("SELECT MAX(span) FROM events").fetchone()[0] or 0
        where += ["key >= COALESCE(date(?, ?), '0000')", "earliest IS NOT NULL", "COALESCE(latest, earliest) >= ?"]
        args += [start, f"-{int(span)} days", start]
    if among is not None:
        db.execute("CREATE TEMP TABLE IF NOT EXISTS among (iri TEXT PRIMARY KEY)")
        db.execute("DELETE FROM among")
        db.executemany("INSERT OR IGNORE INTO among VALUES (?)", ((i,) for i in among))
        where.append("iri IN (SELECT iri FROM among)")
    sql = "SELECT key, iri FROM events" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY key"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit + 1)
    rows = db.execute(sql, args).fetchall()
    if limit is not None and len(rows) > limit:
        return Page([iri for _, iri in rows[:limit]], rows[limit - 1][0])
    return Page([iri for _, iri in rows], None)


def count(db: sqlite3.Connection) -> int:
    return db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
