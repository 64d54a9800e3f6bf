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

The place and armed-group filters are range scans too. Each event is keyed (table
``facets``) by every place it is at and every place that contains it (the gazetteer's
``schema:containedInPlace``, followed up to the governorate), and by every group it
names and every group those are part of (``ckg:partOf``), with its sort key: a list
"in Idlib" walks the rows of (Idlib, incident, key) in order, with no SPARQL. The
containment links are kept too (table ``edges``, per graph): when a publication
changes where a place lies or what a group belongs to, the events keyed by that place
or group are read again.

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
SCHEMA_VERSION = "2"  # 2: the place and armed-group keys
UNDATED = "9999-12-31"
CHUNK = 500  # graphs or subjects read with one query
INSERT_BATCH = 10_000  # rows written at a time by a whole rebuild

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY, iri TEXT NOT NULL, graph TEXT NOT NULL, key TEXT NOT NULL, kind TEXT,
  earliest TEXT, latest TEXT, span INTEGER NOT NULL, incident INTEGER NOT NULL, UNIQUE (iri, graph));
CREATE INDEX IF NOT EXISTS events_list ON events(incident, key);
CREATE INDEX IF NOT EXISTS events_kind ON events(incident, kind, key);
CREATE INDEX IF NOT EXISTS events_graph ON events(graph);
CREATE INDEX IF NOT EXISTS events_span ON events(span);
CREATE TABLE IF NOT EXISTS names (
  id INTEGER PRIMARY KEY, facet TEXT NOT NULL, iri TEXT NOT NULL, UNIQUE (facet, iri));
CREATE TABLE IF NOT EXISTS facets (
  value INTEGER NOT NULL, incident INTEGER NOT NULL, key TEXT NOT NULL, event INTEGER NOT NULL,
  PRIMARY KEY (value, incident, key, event)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS facets_event ON facets(event);
CREATE TABLE IF NOT EXISTS edges (
  facet TEXT NOT NULL, child TEXT NOT NULL, parent TEXT NOT NULL, graph TEXT NOT NULL,
  PRIMARY KEY (facet, child, parent, graph));
CREATE INDEX IF NOT EXISTS edges_graph ON edges(graph, child)
"""
WORK_TABLES = """
CREATE TEMP TABLE IF NOT EXISTS found (
  iri TEXT, graph TEXT, kind TEXT, earliest TEXT, latest TEXT, incident INTEGER);
CREATE TEMP TABLE IF NOT EXISTS found_links (iri TEXT, graph TEXT, facet TEXT, target TEXT);
CREATE TEMP TABLE IF NOT EXISTS reach (facet TEXT, start TEXT, node TEXT, PRIMARY KEY (facet, start, node));
"""
_PREFIX = """PREFIX ckg: <https://conflictkg.org/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <https://schema.org/>
"""
_PATTERN = """{ ?e ckg:eventType ?kind
    OPTIONAL { ?e sem:hasEarliestBeginTimeStamp ?first }
    OPTIONAL { ?e sem:hasLatestEndTimeStamp ?last }
    OPTIONAL { ?e a ckg:Incident BIND(1 AS ?incident) } }"""
CKG, SEM = "https://conflictkg.org/ontology#", "http://semanticweb.cs.vu.nl/2009/11/sem/"
EVENT_TYPE, INCIDENT = NamedNode(CKG + "eventType"), NamedNode(CKG + "Incident")
EARLIEST, LATEST = NamedNode(SEM + "hasEarliestBeginTimeStamp"), NamedNode(SEM + "hasLatestEndTimeStamp")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
HAS_PLACE, HAS_ACTOR = NamedNode(SEM + "hasPlace"), NamedNode(SEM + "hasActor")
CONTAINED_IN, PART_OF = NamedNode("https://schema.org/containedInPlace"), NamedNode(CKG + "partOf")
# The keys of an event: facet -> (what ties the event to an entity, what ties an entity
# to the ones containing it), as the API's place and actor filters follow them.
FACETS = {"place": (HAS_PLACE, CONTAINED_IN), "actor": (HAS_ACTOR, PART_OF)}
LINK_FACET = {link.value: facet for facet, (link, _) in FACETS.items()}
EDGE_FACET = {edge.value: facet for facet, (_, edge) in FACETS.items()}
EVERY_EVENT = _PREFIX + "SELECT ?g ?e ?kind ?first ?last ?incident WHERE { GRAPH ?g " + _PATTERN + " }"
EVERY_LINK = _PREFIX + "SELECT ?g ?e ?p ?x WHERE { GRAPH ?g { VALUES ?p { sem:hasPlace sem:hasActor } ?e ?p ?x } }"
EVERY_EDGE = _PREFIX + ("SELECT ?g ?c ?p ?x WHERE { GRAPH ?g { VALUES ?p { schema:containedInPlace ckg:partOf }"
                        " ?c ?p ?x } }")
# The rows found in one step, grouped per event and graph (several dates: the widest).
MERGE_FOUND = """
INSERT OR REPLACE INTO events (iri, graph, key, kind, earliest, latest, span, incident)
SELECT iri, graph, COALESCE(MIN(earliest), '9999-12-31') || '|' || iri, MIN(kind), MIN(earliest),
       MAX(latest), COALESCE(CAST(julianday(MAX(latest)) - julianday(MIN(earliest)) AS INTEGER), 0),
       MAX(incident)
FROM found GROUP BY iri, graph;
"""
# The entities the events of one step are tied to, and all that contains each of them
# (UNION: a cycle in the gazetteer ends), then the events keyed by each.
REACH_FOUND = """
INSERT OR IGNORE INTO reach
WITH RECURSIVE up(facet, start, node) AS (
  SELECT DISTINCT facet, target, target FROM found_links
  UNION
  SELECT up.facet, up.start, edges.parent FROM up JOIN edges ON edges.facet = up.facet AND edges.child = up.node)
SELECT facet, start, node FROM up;
"""
NAME_REACHED = "INSERT OR IGNORE INTO names (facet, iri) SELECT DISTINCT facet, node FROM reach"
# (In the keys' order: a whole rebuild appends to the B-tree rather than scattering.)
KEY_FOUND = """
INSERT OR IGNORE INTO facets
SELECT names.id, events.incident, events.key, events.id
FROM found_links
JOIN events ON events.iri = found_links.iri AND events.graph = found_links.graph
JOIN reach ON reach.facet = found_links.facet AND reach.start = found_links.target
JOIN names ON names.facet = reach.facet AND names.iri = reach.node
ORDER BY 1, 2, 3;
"""
KEYED_BY = """
SELECT DISTINCT events.iri, events.graph FROM names
JOIN facets ON facets.value = names.id JOIN events ON events.id = facets.event
WHERE names.facet = ? AND names.iri = ?"""


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
    db.executescript(SCHEMA + ";" + WORK_TABLES)
    return db


def _new_tables(db: sqlite3.Connection) -> None:
    """Every table of the index made again, empty and of this version's shape (in the
    caller's transaction: readers see the old index until it commits)."""
    if not db.in_transaction:
        db.execute("BEGIN")
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        db.execute(f'DROP TABLE IF EXISTS "{name}"')
    for statement in SCHEMA.split(";"):
        db.execute(statement)


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


def _tied(solutions, facets: dict[str, str], subject: str) -> Iterator[tuple[str, str, str, str]]:
    """(subject, graph, facet, object) of the solutions whose subject and object are IRIs."""
    for s in solutions:
        x, e = s["x"], s[subject]
        if isinstance(x, NamedNode) and isinstance(e, NamedNode):
            yield e.value, s["g"].value, facets[s["p"].value], x.value


def _store_found(db: sqlite3.Connection, rows: Iterable[tuple], links: Iterable[tuple]) -> None:
    db.executemany("INSERT INTO found VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.execute(MERGE_FOUND)
    db.execute("DELETE FROM found")
    db.executemany("INSERT INTO found_links VALUES (?, ?, ?, ?)", links)
    _key_found(db)


def _key_found(db: sqlite3.Connection) -> None:
    """Key the events of ``found_links`` by what they are tied to and all that contains it."""
    db.execute(REACH_FOUND)
    db.execute(NAME_REACHED)
    db.execute(KEY_FOUND)
    db.execute("DELETE FROM found_links")
    db.execute("DELETE FROM reach")


def _forget(db: sqlite3.Connection, where: str, args: list[tuple]) -> None:
    """Remove the rows of the events ``where`` names, and their keys."""
    db.executemany(f"DELETE FROM facets WHERE event IN (SELECT id FROM events WHERE {where})", args)
    db.executemany(f"DELETE FROM events WHERE {where}", args)


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(items)
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def _events_of(store: Store, graph: str, subjects: Iterable[str] | None = None
               ) -> tuple[list[tuple], list[tuple]]:
    """The rows of the events in one graph (of ``subjects`` only, when given) and what
    they are tied to, read by direct lookups in the store's indexes: a SPARQL join of
    VALUES with GRAPH would visit every graph."""
    g = NamedNode(graph)
    if subjects is None:
        typed = store.quads_for_pattern(None, EVENT_TYPE, None, g)
    else:
        typed = (q for s in subjects for q in store.quads_for_pattern(NamedNode(s), EVENT_TYPE, None, g))
    rows, links, seen = [], [], set()
    for quad in typed:
        e = quad.subject
        firsts = [q.object.value for q in store.quads_for_pattern(e, EARLIEST, None, g)]
        lasts = [q.object.value for q in store.quads_for_pattern(e, LATEST, None, g)]
        incident = 1 if any(True for _ in store.quads_for_pattern(e, RDF_TYPE, INCIDENT, g)) else 0
        rows.append((e.value, graph, quad.object.value.rsplit("/", 1)[-1], min(firsts, default=None),
                     max(lasts, default=None), incident))
        if e in seen:
            continue
        seen.add(e)
        for facet, (link, _) in FACETS.items():
            links += [(e.value, graph, facet, q.object.value)
                      for q in store.quads_for_pattern(e, link, None, g) if isinstance(q.object, NamedNode)]
    return rows, links


def _edges_of(store: Store, graph: str, subjects: Iterable[str] | None = None) -> set[tuple[str, str, str]]:
    """(facet, child, parent): what contains what, as one graph (or its ``subjects``) says."""
    g = NamedNode(graph)
    found = set()
    for facet, (_, edge) in FACETS.items():
        for s in [None] if subjects is None else [NamedNode(s) for s in subjects]:
            found |= {(facet, q.subject.value, q.object.value) for q in store.quads_for_pattern(s, edge, None, g)
                      if isinstance(q.subject, NamedNode) and isinstance(q.object, NamedNode)}
    return found


def _update_edges(db: sqlite3.Connection, store: Store, changes: Changes) -> set[tuple[str, str]]:
    """Bring the containment links of the changed graphs and subjects up to date; the
    (facet, entity) whose containers changed."""
    moved: set[tuple[str, str]] = set()

    def replace(graph: str, where: str, args: list[str], new: set[tuple[str, str, str]]) -> None:
        old = set(db.execute(f"SELECT facet, child, parent FROM edges WHERE graph = ? {where}", [graph, *args]))
        if old == new:
            return
        moved.update((facet, child) for facet, child, _ in old ^ new)
        db.execute(f"DELETE FROM edges WHERE graph = ? {where}", [graph, *args])
        db.executemany("INSERT OR IGNORE INTO edges VALUES (?, ?, ?, ?)", [(*e, graph) for e in new])

    for graph in sorted(g for g in changes.graphs if g):
        replace(graph, "", [], _edges_of(store, graph))
    for graph, subjects in sorted(changes.subjects.items()):
        if graph not in changes.graphs:
            for chunk in _chunks(subjects):
                replace(graph, f"AND child IN ({','.join('?' * len(chunk))})", chunk,
                        _edges_of(store, graph, chunk))
    return moved


def update(path: Path, store: Store, changes: Changes, generation: int, *, published: int) -> None:
    """Bring the index to what ``store`` (the writer's, committed) holds, for ``generation``
    (``published``: the generation readers see until then, which the index must reflect)."""
    if changes.everything or stale(path, published):
        rebuild(path, store, generation)
        return
    with _transaction(path) as db:
        subjects = {graph: set(found) for graph, found in changes.subjects.items()}
        for facet, entity in sorted(_update_edges(db, store, changes)):  # keyed by where it was
            for iri, graph in db.execute(KEYED_BY, (facet, entity)).fetchall():
                subjects.setdefault(graph, set()).add(iri)
        for graphs in _chunks(changes.graphs):
            _forget(db, "graph = ?", [(g,) for g in graphs])
            for g in graphs:
                if g:
                    _store_found(db, *_events_of(store, g))
        for graph, found in sorted(subjects.items()):
            if graph in changes.graphs:
                continue
            for chunk in _chunks(found):
                _forget(db, "iri = ? AND graph = ?", [(s, graph) for s in chunk])
                _store_found(db, *_events_of(store, graph, chunk))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (str(generation),))


def _batched(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= INSERT_BATCH:
            yield batch
            batch = []
    yield batch


def rebuild(path: Path, store: Store, generation: int) -> None:
    """Index every event of ``store`` again, streaming its rows (bounded memory): with
    SPARQL queries only, so that a store on a SPARQL server is indexed the same way."""
    with _transaction(path) as db:
        _new_tables(db)
        for batch in _batched(_tied(store.query(EVERY_EDGE), EDGE_FACET, "c")):
            db.executemany("INSERT OR IGNORE INTO edges VALUES (?, ?, ?, ?)",
                           [(facet, child, parent, g) for child, g, facet, parent in batch])
        for batch in _batched(_rows(store.query(EVERY_EVENT))):
            db.executemany("INSERT INTO found VALUES (?, ?, ?, ?, ?, ?)", batch)
        db.execute(MERGE_FOUND)
        db.execute("DELETE FROM found")
        for batch in _batched(_tied(store.query(EVERY_LINK), LINK_FACET, "e")):
            db.executemany("INSERT INTO found_links VALUES (?, ?, ?, ?)", batch)
        _key_found(db)
        db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                       [("schema", SCHEMA_VERSION), ("generation", str(generation))])


@dataclass(frozen=True)
class Page:
    iris: list[str]
    last: str | None  # the key to go on after; None on the last page


def _facet_values(db: sqlite3.Connection, facet: str, iris: list[str]) -> list[int]:
    found: list[int] = []
    for chunk in _chunks(set(iris)):
        found += [r[0] for r in db.execute(
            f"SELECT id FROM names WHERE facet = ? AND iri IN ({','.join('?' * len(chunk))})", [facet, *chunk])]
    return sorted(found)


def page(db: sqlite3.Connection, *, kind: str | None = None, start: str | None = None,
         end: str | None = None, among: set[str] | None = None, after: str | None = None,
         limit: int | None = 100, incidents: bool | None = None, places: list[str] | None = None,
         actors: list[str] | None = None) -> Page:
    """One page of events by (earliest date, IRI), and the key to continue after.

    ``start``/``end`` keep events still going on at ``start`` and begun by ``end`` (ISO
    dates); undated events only appear when neither is given. ``incidents`` keeps only
    incidents (True) or only reported events (False); ``among`` only these IRIs;
    ``places`` only events at one of these places or a place inside one; ``actors``
    only those of one of these groups or of a unit of one; ``limit`` None: every match.
    """
    keyed = [(f, _facet_values(db, f, iris)) for f, iris in (("place", places), ("actor", actors))
             if iris is not None]
    if any(not values for _, values in keyed):
        return Page([], None)
    keyed.sort(key=lambda fv: len(fv[1]))
    # With keys, the scan walks the keys of the entity with the fewest (one: in order).
    key = "f.key" if keyed else "e.key"
    where, args = [], []
    sql = "SELECT e.key, e.iri, e.id FROM events e"
    if keyed:
        values = keyed[0][1]
        # Several entities of one name: an event may be keyed by two of them.
        distinct = "DISTINCT " if len(values) > 1 else ""
        sql = f"SELECT {distinct}{sql.removeprefix('SELECT ')} JOIN facets f ON f.event = e.id"
        where.append(f"f.value IN ({','.join('?' * len(values))})")
        args += values
        for _, values in keyed[1:]:
            where.append(f"EXISTS (SELECT 1 FROM facets o WHERE o.value IN ({','.join('?' * len(values))}) "
                         "AND o.incident = f.incident AND o.key = f.key AND o.event = f.event)")
            args += values
    incident = "f.incident" if keyed else "e.incident"
    if incidents is not None:
        where.append(f"{incident} = ?")
        args.append(1 if incidents else 0)
    if kind is not None:
        where.append("e.kind = ?")
        args.append(kind)
    if after:
        where.append(f"{key} > ?")
        args.append(after)
    if end:
        # Dates are whole ISO days, so every key of an event begun by ``end`` sorts before
        # end + "}" ("}" follows "|"): the scan stops there.
        where += [f"{key} < ?", "e.earliest IS NOT NULL", "e.earliest <= ?"]
        args += [end + "}", end]
    if start:
        span = db.execute("SELECT MAX(span) FROM events").fetchone()[0] or 0
        where += [f"{key} >= COALESCE(date(?, ?), '0000')", "e.earliest IS NOT NULL",
                  "COALESCE(e.latest, e.earliest) >= ?"]
        args += [start, f"-{int(span)} days", start]
    if among is not None:
        db.execute("CREATE TEMP TABLE IF NOT EXISTS among (iri TEXT PRIMARY KEY)")
        db.execute("DELETE FROM among")
        db.executemany("INSERT OR IGNORE INTO among VALUES (?)", ((i,) for i in among))
        where.append("e.iri IN (SELECT iri FROM among)")
    sql += (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {key}"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit + 1)
    rows = db.execute(sql, args).fetchall()
    if limit is not None and len(rows) > limit:
        return Page([iri for _, iri, _ in rows[:limit]], rows[limit - 1][0])
    return Page([iri for _, iri, _ in rows], None)


def count(db: sqlite3.Connection) -> int:
    return db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
