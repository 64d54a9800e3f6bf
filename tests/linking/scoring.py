"""Pairwise precision and recall of incident links against tests/linking/incidents.gold.json.

Each gold report (a file and the sentence that reports the event) is first aligned, one
to one, with an event the store holds for that file: by the overlap of the event's
evidence span with the gold evidence (the largest overlaps of the file first), else an
event of the file not aligned yet whose days include the gold date and one of whose
places bears the gold location's name. A gold
report with no such event was not extracted: its links count as missed.

Every pair of gold reports is then a link of the gold when both are in one incident,
and a predicted link when both aligned events report one incident (``ckg:reportOf``).
Precision is the share of predicted links that the gold has, recall the share of gold
links predicted. Pairs are also counted by group (the near-misses the corpus was
written around), a pair whose reports lie in two groups under "across groups".

What linking can do depends on what extraction read, so the pairs are counted once more
among the reports the extraction read faithfully: an aligned event whose days hold the
report's gold date and the happening's day, whose kind is the gold's or compatible with
it, and which is read at a place of the gold location's name (among its towns, quarters
and sites when it names any; a place a name contains counts: "the western Aleppo
countryside" is read as Aleppo). Those figures are linking's own.

    .venv/bin/python tests/linking/scoring.py STORE     # the table, after ingesting the corpus
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path

from pyoxigraph import Store
from rapidfuzz import fuzz

from conflictkg.iris import Iris
from conflictkg.rdf.vocabulary import sparql_prefixes
from conflictkg.reference import load_bundle

HERE = Path(__file__).resolve().parent
SPELLING = 80  # how alike two spellings of a place must be (Atarib, Atareb: 83)
CORPUS = HERE / "corpus"
GOLD = HERE / "incidents.gold.json"
GROUPS = {  # gold incident id prefix -> the group of near-misses it belongs to
    "qadam": "al-Qadam attack and capture", "afrin": "al-Qadam attack and capture",
    "atarib": "Atarib revisions", "abu-dali": "Abu Dali namesakes",
    "maarat-market": "two market strikes, one day", "saraqib-market": "two market strikes, one day",
    "kafr-nabl": "Kafr Nabl a week apart", "saraqib-gov": "Saraqib changing hands",
    "saraqib-opp": "Saraqib changing hands", "peace-spring": "Peace Spring day one",
    "doa": "Deterrence of Aggression",
}
EVENTS = sparql_prefixes() + """
SELECT ?e ?type ?start ?end ?first ?last ?incident WHERE { GRAPH ?d {
  ?e ckg:eventType ?type ; prov:wasDerivedFrom ?d ; ckg:evidence/oa:hasTarget/oa:hasSelector ?pos .
  ?pos oa:start ?start ; oa:end ?end .
  OPTIONAL { ?e sem:hasEarliestBeginTimeStamp ?first ; sem:hasLatestEndTimeStamp ?last }
} OPTIONAL { ?e ckg:reportOf ?incident } }"""
PLACE_NAMES = sparql_prefixes() + """
SELECT ?e ?name ?level WHERE { GRAPH ?d { ?e ckg:eventType ?type ; sem:hasPlace ?p }
  ?p rdfs:label|skos:altLabel ?name OPTIONAL { ?p ckg:adminLevel ?level } }"""
SPECIFIC = ("community", "neighbourhood", "site")


@dataclass
class Event:
    iri: str
    kind: str
    start: int
    end: int
    first: str | None
    last: str | None
    incident: str | None
    names: set[str] = field(default_factory=set)  # of its places
    specific: set[str] = field(default_factory=set)  # of its towns, quarters and sites


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    total: Counts
    groups: dict[str, Counts]
    faithful: Counts  # the pairs of reports the extraction read faithfully
    aligned: int  # gold reports with an event
    read: int  # gold reports with an event that reads them faithfully
    reports: int  # gold reports
    unaligned: list[str]  # "file: evidence" of the gold reports no event stands for
    unfaithful: list[str]  # those whose event misreads them
    wrong: list[str]  # predicted links the gold does not have
    missed: list[str]  # gold links not predicted, both reports aligned


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9\u0600-\u06ff]", "", name.lower().replace("al-", "").replace("al ", ""))


def _events(store: Store, doc: str) -> list[Event]:
    from pyoxigraph import NamedNode, Variable

    bound = {Variable("d"): NamedNode(doc)}
    found: dict[str, Event] = {}
    query = EVENTS.replace("SELECT ?e", "SELECT ?d ?e")
    for row in store.query(query, substitutions=bound, use_default_graph_as_union=True):
        iri = row["e"].value
        found.setdefault(iri, Event(iri, row["type"].value.rsplit("/", 1)[-1],
                                    int(row["start"].value), int(row["end"].value),
                                    row["first"].value if row["first"] else None,
                                    row["last"].value if row["last"] else None,
                                    row["incident"].value if row["incident"] else None))
    for row in store.query(PLACE_NAMES.replace("SELECT ?e", "SELECT ?d ?e"), substitutions=bound,
                           use_default_graph_as_union=True):
        if row["e"].value in found:
            found[row["e"].value].names.add(_key(row["name"].value))
            if row["level"] is not None and row["level"].value.rsplit("/", 1)[-1] in SPECIFIC:
                found[row["e"].value].specific.add(_key(row["name"].value))
    return sorted(found.values(), key=lambda e: (e.start, e.iri))


def _within(gold_date: str, event: Event) -> bool:
    if not event.first or not event.last:
        return False
    first = gold_date if len(gold_date) == 10 else gold_date + "-01"
    last = gold_date if len(gold_date) == 10 else gold_date + "-28"
    return event.first <= last and first <= event.last


def align(store: Store, gold: dict, iris: Iris) -> dict[tuple[str, str], Event | None]:
    """(file, evidence) of each gold report -> the event standing for it, or None."""
    reports = [r for incident in gold["incidents"] for r in incident["reports"]]
    by_file: dict[str, list[dict]] = defaultdict(list)
    for r in reports:
        by_file[r["file"]].append(r)
    out: dict[tuple[str, str], Event | None] = {}
    for file, wanted in by_file.items():
        text = (CORPUS / file).read_text(encoding="utf-8")
        events = _events(store, iris.document(hashlib.sha256(text.encode()).hexdigest()))
        taken: set[str] = set()
        spans = {}
        for r in wanted:
            start = text.index(r["evidence"])
            spans[r["evidence"]] = (start, start + len(r["evidence"]))
        overlaps = sorted(  # the largest overlaps first, each event for one report
            ((min(end, e.end) - max(start, e.start), r["evidence"], e.iri, e)
             for r in wanted for start, end in [spans[r["evidence"]]] for e in events
             if min(end, e.end) > max(start, e.start)), key=lambda o: (-o[0], o[1], o[2]))
        for _, evidence, iri, event in overlaps:
            if (file, evidence) not in out and iri not in taken:
                out[(file, evidence)] = event
                taken.add(iri)
        for r in wanted:  # then one of the same days and place
            if (file, r["evidence"]) in out:
                continue
            place = _key(r["location"])
            found = [e for e in events if e.iri not in taken and _within(r["date"], e)
                     and any(fuzz.ratio(place, n) >= 85 for n in e.names)]
            out[(file, r["evidence"])] = found[0] if found else None
            if found:
                taken.add(found[0].iri)
    return out


def _group(incident_id: str) -> str:
    return next((g for prefix, g in GROUPS.items() if incident_id.startswith(prefix)), "other")


def faithful(report: dict, event: Event | None, day: str) -> bool:
    """Whether the event reads the gold report: days that hold the report's date and the
    happening's ``day``, a compatible kind, and among the places it is read at (its towns,
    quarters and sites, if it names any) one of the gold's name."""
    if event is None or not _within(report["date"], event) or not _within(day, event):
        return False
    if not load_bundle().kinds.may_be_one(report["kind"], event.kind):
        return False
    place = _key(report["location"])
    return any(fuzz.ratio(place, n) >= SPELLING or (len(n) >= 4 and n in place)
               for n in event.specific or event.names)


def score(store: Store, iris: Iris | None = None) -> Scores:
    """Pairwise scores of the links in ``store`` (the corpus ingested) against the gold."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    aligned = align(store, gold, iris or Iris())
    reports = [(incident["id"], r) for incident in gold["incidents"] for r in incident["reports"]]
    day = {incident["id"]: incident["date"] for incident in gold["incidents"]}
    read = {(r["file"], r["evidence"]) for i, r in reports
            if faithful(r, aligned[(r["file"], r["evidence"])], day[i])}
    total, groups, trusted = Counts(), defaultdict(Counts), Counts()
    wrong, missed = [], []
    for (ia, a), (ib, b) in combinations(reports, 2):
        ka, kb = (a["file"], a["evidence"]), (b["file"], b["evidence"])
        ea, eb = aligned[ka], aligned[kb]
        linked = bool(ea and eb and ea.incident and ea.incident == eb.incident)
        same = ia == ib
        group = _group(ia) if _group(ia) == _group(ib) else "across groups"
        pair = f"{a['file'][:6]} {ia} ~ {b['file'][:6]} {ib}"
        counted = [total, groups[group]] + ([trusted] if ka in read and kb in read else [])
        for counts in counted:
            if linked and same:
                counts.tp += 1
            elif linked:
                counts.fp += 1
            elif same:
                counts.fn += 1
        if linked and not same:
            wrong.append(pair)
        elif same and not linked and ea and eb:
            missed.append(pair)
    unaligned = [f"{f}: {e[:60]}" for (f, e), event in aligned.items() if event is None]
    unfaithful = [f"{f}: {e[:60]}" for (f, e), event in aligned.items()
                  if event is not None and (f, e) not in read]
    return Scores(total, dict(groups), trusted, sum(1 for e in aligned.values() if e), len(read),
                  len(aligned), unaligned, unfaithful, wrong, missed)


def table(scores: Scores) -> str:
    rows = ["| pairs | gold | predicted | correct | precision | recall | F1 |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    named = [*sorted(scores.groups.items()), ("all", scores.total),
             ("both reports read faithfully", scores.faithful)]
    for name, c in named:
        if c.tp + c.fp + c.fn == 0:
            continue
        rows.append(f"| {name} | {c.tp + c.fn} | {c.tp + c.fp} | {c.tp} | {c.precision:.2f} | "
                    f"{c.recall:.2f} | {c.f1:.2f} |")
    return "\n".join(rows)


if __name__ == "__main__":
    from conflictkg.store import open_snapshot

    found = score(open_snapshot(Path(sys.argv[1]))[1])
    print(table(found))
    print(f"\n{found.reports} gold reports: {found.aligned} with an event, {found.read} read faithfully "
          f"(as of {date.today().isoformat()})")
    for title, lines in (("not extracted", found.unaligned), ("misread", found.unfaithful),
                         ("wrong links", found.wrong), ("missed links", found.missed)):
        print(f"\n{title}:", *lines, sep="\n  ")
