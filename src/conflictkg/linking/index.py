"""The linking index: which reports lie where and when, and which incident each is in.

An SQLite file in the store's folder (``linking.sqlite``). SQLite because the question
linking asks of every new event, "which reports name this place, a place around it or
one near it, in these days?", is a range scan on a B-tree over (key, first day): it
costs the same in a store of 100,000 events as in one of 1,000, where a SPARQL filter
on dates would visit every event of the place. It ships with Python, needs no server,
lives and is copied with the store, and commits each batch of documents' changes in one
transaction. Only the process that writes the store opens it.

Each report is filed under keys (``keys``): ``in|P`` for each place it names and each
place those lie in; ``at|P`` for each place it names; ``cell|X|Y`` for the grid cell of
each named place's point (cells of ``CELL`` degrees, so that places within
``evidence.NEAR_KM`` are found in the 3x3 cells around a point); ``name|K`` for its battle
name. A new event asks ``in|`` of its own places (reports there or inside), ``at|`` of the
places around them (reports of a wider place), the cells around its points, and its name.
Keys carry a class of how many days the report's dates allow (a week, two months, a
year), so that each lookup scans a window no wider than its class: reports whose dates
allow more than a year are too vague to link and are not filed.

The keys' table holds numbers only: each key and each incident is numbered once (``names``)
and each report is its row's number, so that a row takes some 25 bytes rather than 200.
Each new report's keys land at random places of the table (its places and days are
anyone's), so the keys a document files dirty hundreds of its pages, each written to the
log at the commit and to the file at the next checkpoint; in a table eight times smaller
they fall on fewer pages, more often the same ones from one commit to the next, and the
table stays in memory.

A report's keys are first filed in a small table of recent keys (``recent``, of the same
layout), which every lookup reads together with the main one: a document's keys then land
on the few pages of a table of some thousands of rows, whatever the store holds, rather
than on hundreds of pages of a table that grows with it. Once the recent keys outnumber
``RECENT``, they are moved into the main table, in their order, in a transaction of their
own after the batch's (:meth:`Index.settle`): a move touches each page of the main table
that any of them lands on once, for a dozen documents' keys, where each document's commit
touched them one by one.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from conflictkg.linking.evidence import NAME_DAYS
from conflictkg.linking.model import Claim, Document, Match, Place, Reason, Report

FILE = "linking.sqlite"
SCHEMA_VERSION = 4  # 2: the keys in their lookups' order, with their incident; 3: as numbers; 4: recent keys apart
RECENT = 4096  # recent keys held apart before they are moved into the main table
CHECKPOINT = 10_000  # pages of log before it is copied into the file (SQLite's default: 1,000)
CELL = 0.05
CLASSES = (("w", 7), ("m", 62), ("y", 400))  # class, most days it allows
LOOKUP_LIMIT = 500  # rows one lookup may bring: a cap for the densest place and week

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  iri TEXT PRIMARY KEY, version TEXT NOT NULL, publisher TEXT, published INTEGER, revision_of TEXT);
CREATE INDEX IF NOT EXISTS documents_revision ON documents(revision_of);
CREATE TABLE IF NOT EXISTS reports (
  seq INTEGER PRIMARY KEY, iri TEXT UNIQUE NOT NULL, document TEXT NOT NULL,
  incident TEXT NOT NULL, kind TEXT NOT NULL, first INTEGER, last INTEGER, begin TEXT,
  end_ TEXT, places TEXT NOT NULL, actors TEXT NOT NULL, name TEXT, name_key TEXT,
  parent TEXT, score REAL NOT NULL, compared_with TEXT, reasons TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reports_incident ON reports(incident);
CREATE INDEX IF NOT EXISTS reports_document ON reports(document);
CREATE TABLE IF NOT EXISTS names (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL);
CREATE TABLE IF NOT EXISTS keys (
  key INTEGER NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, report INTEGER NOT NULL,
  incident INTEGER NOT NULL, PRIMARY KEY (key, first, report)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS keys_report ON keys(report);
CREATE TABLE IF NOT EXISTS recent (
  key INTEGER NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, report INTEGER NOT NULL,
  incident INTEGER NOT NULL, PRIMARY KEY (key, first, report)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS recent_report ON recent(report);
CREATE TABLE IF NOT EXISTS claims (
  iri TEXT PRIMARY KEY, document TEXT NOT NULL, event TEXT, kind TEXT NOT NULL, source TEXT,
  rank TEXT NOT NULL, count INTEGER, qualifier TEXT, outcome TEXT, victims TEXT,
  part INTEGER NOT NULL, supersedes TEXT NOT NULL, held TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS claims_event ON claims(event);
CREATE INDEX IF NOT EXISTS claims_document ON claims(document);
CREATE TABLE IF NOT EXISTS incidents (iri TEXT PRIMARY KEY, written TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (iri TEXT PRIMARY KEY, fact TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# How an index of each earlier version becomes one of the next. A version-1 index kept its
# keys in a heap with a B-tree beside it, so that each row a lookup found cost a second
# seek, and the incident of each report found was read from its row; version 2 keeps the
# keys in the lookup's own order, each with its report's incident (a report keeps its
# incident while it is filed: it moves only by being forgotten and filed again), so a
# lookup is one range scan (2-3 times cheaper, and 30 µs against 38 µs at 1,000 and
# 100,000 events) and returns the candidate incidents themselves. Version 3 keeps the keys
# as numbers: the key and the incident by their number in ``names``, the report by its row's
# (``reports.seq``): the table is 17 MB rather than 130 at 100,000 events. Version 4 files a
# report's keys in a small table of recent keys first (the module's notes): an index of
# version 3 has none yet, and gets the empty table.
MIGRATIONS = {
    1: """
CREATE TABLE keys_v2 (
  key TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, report TEXT NOT NULL,
  incident TEXT NOT NULL, PRIMARY KEY (key, first, report)) WITHOUT ROWID;
INSERT OR IGNORE INTO keys_v2
  SELECT keys.key, keys.first, keys.last, keys.report, reports.incident
  FROM keys JOIN reports ON reports.iri = keys.report;
DROP TABLE keys;
ALTER TABLE keys_v2 RENAME TO keys;
""",
    2: """
CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL);
INSERT OR IGNORE INTO names (name) SELECT DISTINCT key FROM keys ORDER BY key;
INSERT OR IGNORE INTO names (name) SELECT DISTINCT incident FROM keys ORDER BY incident;
CREATE TABLE keys_v3 (
  key INTEGER NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, report INTEGER NOT NULL,
  incident INTEGER NOT NULL, PRIMARY KEY (key, first, report)) WITHOUT ROWID;
INSERT OR IGNORE INTO keys_v3
  SELECT k.id, keys.first, keys.last, reports.seq, i.id
  FROM keys JOIN names k ON k.name = keys.key JOIN names i ON i.name = keys.incident
  JOIN reports ON reports.iri = keys.report;
DROP TABLE keys;
ALTER TABLE keys_v3 RENAME TO keys;
""",
    3: """
CREATE TABLE recent (
  key INTEGER NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, report INTEGER NOT NULL,
  incident INTEGER NOT NULL, PRIMARY KEY (key, first, report)) WITHOUT ROWID;
CREATE INDEX recent_report ON recent(report);
""",
}
REPORT_COLUMNS = ("iri, document, incident, kind, first, last, begin, end_, places, actors, name, "
                  "name_key, parent, score, compared_with, reasons")


class Index:
    """The index of one store. Open it with :func:`open_index`."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.depth = 0  # transactions open, the outermost first

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Changes that land together or not at all (a batch of documents'). Nested, the
        outermost decides: an inner one neither commits nor rolls back by itself, so that a
        failure anywhere in the batch leaves the index as it was before the batch."""
        self.depth += 1
        try:
            yield
        except BaseException:
            self.depth -= 1
            if self.depth == 0:
                self.db.rollback()
            raise
        self.depth -= 1
        if self.depth == 0:
            self.db.commit()

    # --- documents ----------------------------------------------------------------------

    def document(self, iri: str) -> Document | None:
        row = self.db.execute("SELECT iri, version, publisher, published, revision_of FROM documents "
                              "WHERE iri = ?", (iri,)).fetchone()
        return Document(*row) if row else None

    def documents(self, iris: Iterable[str]) -> dict[str, Document]:
        return {i: d for i in set(iris) if (d := self.document(i)) is not None}

    def revisions(self, a: str, b: str) -> bool:
        """Whether two documents are versions of one page (either revises the other)."""
        return bool(self.db.execute(
            "SELECT 1 FROM documents WHERE (iri = ? AND revision_of = ?) OR (iri = ? AND revision_of = ?)",
            (a, b, b, a)).fetchone())

    def is_empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None

    def forget(self, doc: str) -> set[str]:
        """Remove a document, its reports and claims; the incidents they were in."""
        touched = {r for (r,) in self.db.execute(
            "SELECT DISTINCT incident FROM reports WHERE document = ?", (doc,))}
        for table in ("keys", "recent"):
            self.db.execute(f"DELETE FROM {table} WHERE report IN (SELECT seq FROM reports WHERE document = ?)",
                            (doc,))
        for table in ("reports", "claims"):
            self.db.execute(f"DELETE FROM {table} WHERE document = ?", (doc,))
        self.db.execute("DELETE FROM documents WHERE iri = ?", (doc,))
        return touched

    def add_document(self, doc: Document) -> None:
        self.db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?)",
                        (doc.iri, doc.version, doc.publisher, doc.published, doc.revision_of))

    # --- reports ------------------------------------------------------------------------

    def add_report(self, report: Report, incident: str, match: Match,
                   places: dict[str, Place]) -> None:
        reasons = json.dumps([[r.kind, r.score, r.note] for r in match.reasons], ensure_ascii=False)
        name = json.dumps([report.name, report.name_lang], ensure_ascii=False) if report.name else None
        seq = self.db.execute(
            f"INSERT INTO reports ({REPORT_COLUMNS}) VALUES ({', '.join('?' * 16)})",
            (report.iri, report.document, incident, report.kind, report.first, report.last,
             report.begin, report.end, json.dumps(report.places), json.dumps(report.actors),
             name, report.name_key, report.parent, match.score, match.other or None, reasons)).lastrowid
        keys = filed_under(report, places)
        if keys:
            numbers = self._numbers([*keys, incident])
            self.db.executemany("INSERT INTO recent VALUES (?, ?, ?, ?, ?)",
                                [(numbers[k], report.first, report.last, seq, numbers[incident])
                                 for k in keys])

    def settle(self) -> bool:
        """Move the recent keys into the main table once they outnumber ``RECENT``, in one
        transaction of their own (a crash leaves them in either table, and a lookup reads
        both). Returns whether they were moved."""
        if self.depth or self.db.execute(
                f"SELECT COUNT(*) FROM (SELECT 1 FROM recent LIMIT {RECENT + 1})").fetchone()[0] <= RECENT:
            return False
        with self.transaction():
            self.db.execute("INSERT INTO keys SELECT * FROM recent ORDER BY key, first, report")
            self.db.execute("DELETE FROM recent")
        return True

    def _numbers(self, names: list[str]) -> dict[str, int]:
        """The number of each key or incident, numbering those met for the first time."""
        self.db.executemany("INSERT OR IGNORE INTO names (name) VALUES (?)", [(n,) for n in names])
        return self._known(names)

    def _known(self, names: list[str]) -> dict[str, int]:
        """The numbers of those of ``names`` that have one."""
        wanted = sorted(set(names))
        return {name: id_ for id_, name in self.db.execute(
            f"SELECT id, name FROM names WHERE name IN ({','.join('?' * len(wanted))})", wanted)}

    def reports(self, where: str, *args: object, limit: int | None = None
                ) -> list[tuple[Report, str, Match]]:
        """(report, incident, the match it was linked by) for the rows ``where`` selects."""
        rows = self.db.execute(f"SELECT {REPORT_COLUMNS} FROM reports WHERE {where} ORDER BY seq"
                               + (f" LIMIT {int(limit)}" if limit else ""), args).fetchall()
        return [_report(row) for row in rows]

    def incident_reports(self, incident: str, *, limit: int | None = None
                         ) -> list[tuple[Report, str, Match]]:
        return self.reports("incident = ?", incident, limit=limit)

    def members(self, incidents: Iterable[str], *, limit: int) -> dict[str, list[Report]]:
        """The first ``limit`` reports of each incident, in one query (a new event's
        candidate incidents are weighed together)."""
        wanted = sorted(set(incidents))
        found: dict[str, list[Report]] = {i: [] for i in wanted}
        if not wanted:
            return found
        for row in self.db.execute(f"SELECT {REPORT_COLUMNS} FROM reports WHERE incident IN "
                                   f"({','.join('?' * len(wanted))}) ORDER BY seq", wanted):
            report, incident, _ = _report(row)
            if len(found[incident]) < limit:
                found[incident].append(report)
        return found

    def incident_of(self, event: str) -> str | None:
        row = self.db.execute("SELECT incident FROM reports WHERE iri = ?", (event,)).fetchone()
        return row[0] if row else None

    def has_reports(self, incident: str) -> bool:
        return self.db.execute("SELECT 1 FROM reports WHERE incident = ? LIMIT 1",
                               (incident,)).fetchone() is not None

    def has_document(self, incident: str, doc: str) -> bool:
        return bool(self.db.execute("SELECT 1 FROM reports WHERE incident = ? AND document = ? LIMIT 1",
                                    (incident, doc)).fetchone())

    def candidates(self, report: Report, places: dict[str, Place]) -> set[str]:
        """The incidents of reports that may tell of the same happening, by place and days
        (the report's own incident, and those of its document's reports, among them)."""
        if report.first is None or report.last is None or report.span is None:
            return set()
        keys = asked_for(report, places)
        named = [f"{cls}|name|{report.name_key}" for cls, _ in CLASSES] if report.name_key else []
        numbers = self._known([f"{cls}|{k}" for cls, _ in CLASSES for k in keys] + named)
        found: set[int] = set()
        for cls, days in CLASSES:
            wanted = [n for k in keys if (n := numbers.get(f"{cls}|{k}")) is not None]
            found |= self._lookup(wanted, report.first - days, report.last, report.first)
            if (name := numbers.get(f"{cls}|name|{report.name_key}")) is not None:
                found |= self._lookup([name], report.first - days - NAME_DAYS,
                                      report.last + NAME_DAYS, report.first - NAME_DAYS)
        if not found:
            return set()
        wanted = sorted(found)
        return {r for (r,) in self.db.execute(
            f"SELECT name FROM names WHERE id IN ({','.join('?' * len(wanted))})", wanted)}

    def _lookup(self, keys: list[int], low: int, high: int, ends_after: int) -> set[int]:
        if not keys:
            return set()
        marks = ",".join("?" * len(keys))
        # Both tables, their rows in the one order of (key, first, report), so that the
        # rows within the limit are those one table holding every key would give.
        scan = (f"SELECT key, first, report, incident FROM {{}} WHERE key IN ({marks}) "
                f"AND first BETWEEN ? AND ? AND last >= ?")
        rows = self.db.execute(
            f"{scan.format('keys')} UNION ALL {scan.format('recent')} ORDER BY key, first, report "
            f"LIMIT {LOOKUP_LIMIT}", (*keys, low, high, ends_after) * 2)
        return {r for (_, _, _, r) in rows}

    # --- the gazetteer's places, as linking reads them -----------------------------------

    def use_gazetteer(self, fingerprint: str) -> None:
        """Keep places read from the gazetteer of ``fingerprint``: those kept from another
        (an earlier reference bundle) are dropped."""
        row = self.db.execute("SELECT value FROM state WHERE key = 'gazetteer'").fetchone()
        if row is None or row[0] != fingerprint:
            self.db.execute("DELETE FROM places")
            self.db.execute("INSERT OR REPLACE INTO state VALUES ('gazetteer', ?)", (fingerprint,))
            self.db.commit()

    def places(self, iris: Iterable[str]) -> dict[str, Place]:
        """The places kept of ``iris``."""
        wanted = sorted(set(iris))
        found: dict[str, Place] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            for iri, fact in self.db.execute(
                    f"SELECT iri, fact FROM places WHERE iri IN ({','.join('?' * len(chunk))})", chunk):
                label, level, chain, point = json.loads(fact)
                found[iri] = Place(iri, label, level, tuple(chain), tuple(point) if point else None)
        return found

    def keep_places(self, places: Iterable[Place]) -> None:
        """Keep places of the gazetteer (a place found in a text is told by its document)."""
        self.db.executemany("INSERT OR REPLACE INTO places VALUES (?, ?)", [
            (p.iri, json.dumps([p.label, p.level, p.chain, p.point], ensure_ascii=False))
            for p in places if p.curated])

    # --- claims -------------------------------------------------------------------------

    def add_claims(self, claims: Iterable[Claim]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            (c.iri, c.document, c.event, c.kind, c.source, c.rank, c.count, c.qualifier, c.outcome,
             c.victims, int(c.part), json.dumps(c.supersedes), c.held) for c in claims])

    def set_held(self, claim: str, rank: str) -> None:
        self.db.execute("UPDATE claims SET held = ? WHERE iri = ?", (rank, claim))

    def claims_about(self, events: Iterable[str]) -> list[Claim]:
        events = sorted(set(events))
        if not events:
            return []
        rows = self.db.execute(f"SELECT * FROM claims WHERE event IN ({','.join('?' * len(events))}) "
                               "ORDER BY iri", events).fetchall()
        return [Claim(iri, doc, event, kind, source, rank, count, qualifier, outcome, victims,
                      bool(part), tuple(json.loads(sup)), held)
                for iri, doc, event, kind, source, rank, count, qualifier, outcome, victims, part, sup,
                held in rows]

    # --- incidents ----------------------------------------------------------------------

    def written(self, incident: str) -> dict[str, str]:
        """The subjects of the incident's statements in the incidents graph, each with the
        digest of its statements as last written."""
        row = self.db.execute("SELECT written FROM incidents WHERE iri = ?", (incident,)).fetchone()
        return json.loads(row[0]) if row else {}

    def set_written(self, incident: str, written: dict[str, str] | None) -> None:
        if written is None:
            self.db.execute("DELETE FROM incidents WHERE iri = ?", (incident,))
        else:
            self.db.execute("INSERT OR REPLACE INTO incidents VALUES (?, ?)",
                            (incident, json.dumps(written, sort_keys=True)))

    def counts(self) -> tuple[int, int]:
        """(reports, incidents) in the index."""
        reports = self.db.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        incidents = self.db.execute("SELECT COUNT(DISTINCT incident) FROM reports").fetchone()[0]
        return reports, incidents


def _report(row: tuple) -> tuple[Report, str, Match]:
    (iri, doc, incident, kind, first, last, begin, end, places, actors, name, name_key, parent,
     score, compared_with, reasons) = row
    text, lang = json.loads(name) if name else (None, "")
    report = Report(iri, doc, kind, first, last, begin, end, tuple(json.loads(places)),
                    tuple(json.loads(actors)), text, lang, name_key, parent)
    match = Match(compared_with or "", score, [Reason(*r) for r in json.loads(reasons)])
    return report, incident, match


def _class(report: Report) -> str | None:
    span = report.span
    if span is None:
        return None
    return next((cls for cls, days in CLASSES if span <= days), None)


def _cell(point: tuple[float, float], dx: int = 0, dy: int = 0) -> str:
    return f"cell|{math.floor(point[0] / CELL) + dx}|{math.floor(point[1] / CELL) + dy}"


def filed_under(report: Report, places: dict[str, Place]) -> list[str]:
    """The keys a report is filed under, with its class of days (none when undated or vague)."""
    cls = _class(report)
    if cls is None:
        return []
    keys: set[str] = set()
    for p in (places[i] for i in report.places if i in places):
        keys |= {f"at|{p.iri}", f"at|{p.town}", f"in|{p.iri}", f"in|{p.town}"}
        keys |= {f"in|{a}" for a in p.chain}
        if p.point:
            keys.add(_cell(p.point))
    if report.name_key:
        keys.add(f"name|{report.name_key}")
    return sorted(f"{cls}|{k}" for k in keys)


def asked_for(report: Report, places: dict[str, Place]) -> list[str]:
    """The keys (without class) under which reports that may match this one are filed."""
    keys: set[str] = set()
    for p in (places[i] for i in report.places if i in places):
        keys |= {f"in|{p.iri}", f"in|{p.town}"}
        keys |= {f"at|{a}" for a in p.chain}
        if p.point:
            keys |= {_cell(p.point, dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    return sorted(keys)


def open_index(store: Path) -> Index:
    """The index of the store at ``store`` (created empty when there is none)."""
    db = sqlite3.connect(Path(store) / FILE, isolation_level="DEFERRED")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version not in (0, SCHEMA_VERSION) and version not in MIGRATIONS:
        db.close()
        raise RuntimeError(f"{store / FILE}: an index of another version; `conflictkg link` rebuilds it")
    while version in MIGRATIONS:  # each step in one transaction: whole or not at all
        db.executescript(f"BEGIN; {MIGRATIONS[version]} PRAGMA user_version = {version + 1}; COMMIT;")
        version += 1
    db.executescript(SCHEMA)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    # With a write-ahead log, commits are atomic without a sync each: a power cut may lose
    # the last documents' links (`conflictkg link` rebuilds them), never corrupt the file.
    # The log is synced and copied into the file once it holds CHECKPOINT pages (40 MB),
    # rather than SQLite's 1,000: a page that documents write again and again (the recent
    # keys', the other tables' last pages) is copied once for many commits, not once for
    # two or three. The links a power cut may lose are those since that copy: some tens of
    # documents rather than a few (a crash of the process loses none).
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT}")
    db.execute("PRAGMA cache_size = -65536")  # 64 MiB of pages: the keys' B-tree stays in memory
    # The whole file is read through the memory map (up to SQLite's 2 GiB cap), not its first
    # 256 MiB: an index of 100,000 events fills 440 MiB (240 of them in use), and the
    # candidates' reports and incidents read beyond the map went through the 64 MiB of
    # pages, each read again from the file once pushed out. The map only reads; writes go
    # through the log as before.
    db.execute(f"PRAGMA mmap_size = {1 << 31}")
    db.commit()
    return Index(db)


def drop_index(store: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        (Path(store) / (FILE + suffix)).unlink(missing_ok=True)
