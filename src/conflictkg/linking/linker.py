"""Linking documents as they are written: each reported event to an incident.

For one document, the linker forgets what it knew of an earlier version, reads the
document's events and claims from its graph, and for each event asks the index for the
reports of other documents that name its places (or places around or near them) in
overlapping days. Each incident a candidate is in is then weighed against all its
reports (up to ``MEMBERS``): it is ruled out when it holds a report of this document or
when any of its reports vetoes the event (:mod:`conflictkg.linking.evidence`), so that
an incident stays one happening as it grows; otherwise it scores its best report's score.
The document's events then take their incidents greedily, best score first (on a tie,
the incident more of whose reports match), so that no two events of one document land
in one incident, except the facets of one telling (:func:`~conflictkg.linking.evidence.facets`:
the capture, the assault and the fighting at one town on one day), which move together
as one; an event left over opens an incident of its own, named after it.

Documents are linked in batches (those an ingest publishes together): each document's
reports take their incidents in turn, so that a later document of the batch sees the
earlier ones' reports, and only then is every incident the batch touched rebuilt
(:mod:`conflictkg.linking.graph`), once, and written with the claims' final ranks (the
statements that changed removed, then the new ones added) in one change of the store for
the whole batch; then the index commits. The batch is one index transaction: a crash
before it commits leaves the index as it was before the batch, so that its documents are
unlinked in the index: the next ingest meets them as written but not linked (or
``conflictkg link`` relinks everything) and links them again, and rewrites whatever the
crash left half-written, since the index still holds the incidents' digests and the
claims' ranks from before the batch.

What one document costs depends on what it holds and on how many reports lie at its
places in its days, not on the size of the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pyoxigraph import NamedNode, Quad

from conflictkg.iris import Iris
from conflictkg.linking import read
from conflictkg.linking.evidence import LINK_THRESHOLD, Known, compare, facets
from conflictkg.linking.graph import Built, digest, incident_quads
from conflictkg.linking.index import Index, open_index
from conflictkg.linking.model import FIRST_REPORT, Claim, Match, Report
from conflictkg.rdf.vocabulary import wikibase
from conflictkg.reference.kinds import Kinds
from conflictkg.store import Writer

MEMBERS = 200  # reports of an incident compared with a new one: a bound for the largest battles
BATCH = 2000  # documents linked in one transaction: a bound on what a relink holds in memory


@dataclass
class LinkReport:
    documents: list[str] = field(default_factory=list)

    def summary(self, index: Index) -> str:
        reports, incidents = index.counts()
        return (f"{len(self.documents):,} documents linked; the store holds {reports:,} reported "
                f"events in {incidents:,} incidents")


class Linker:
    """The linking of one store by its writer: the index, and what was read of the gazetteer."""

    def __init__(self, writer: Writer, iris: Iris, kinds: Kinds) -> None:
        self.writer = writer
        self.iris = iris
        self.kinds = kinds
        self.graph = iris.graph("incidents")
        self.index = open_index(writer.path)
        fingerprint = writer.reference_state()  # the gazetteer's version: its places are kept
        if fingerprint is not None:
            self.index.use_gazetteer(fingerprint)
        self.gazetteer = read.Gazetteer(writer, iris.graph("gazetteer"),
                                        self.index if fingerprint is not None else None)
        self.known = Known(self.gazetteer.places, self.gazetteer.actors, kinds, self.index.revisions)

    def close(self) -> None:
        self.index.db.close()

    def link(self, documents: Iterable[str], *, on_document: Callable[[str], None] | None = None
             ) -> LinkReport:
        """Link documents in order of publication (then IRI), in batches of up to ``BATCH``."""
        report = LinkReport()
        ordered = read.in_order(self.writer, documents)
        for start in range(0, len(ordered), BATCH):
            batch = ordered[start:start + BATCH]
            self.link_batch(batch, on_document=on_document)
            report.documents += batch
        return report

    def link_written(self, documents: Iterable[str]) -> LinkReport:
        """Link documents just written. A store whose index is empty (built before linking,
        or whose index was lost) has every stored document linked instead."""
        if self.index.is_empty():
            documents = read.stored_documents(self.writer)
        return self.link(documents)

    def knows(self, doc: str, version: str) -> bool:
        """Whether the document, as extracted by ``version``, is linked."""
        known = self.index.document(doc)
        return known is not None and known.version == version

    def link_document(self, doc_iri: str) -> None:
        """Link (again) the reported events of one stored document; a document no longer in
        the store is forgotten, and its incidents are rebuilt without it."""
        self.link_batch([doc_iri])

    def link_batch(self, documents: list[str], *,
                   on_document: Callable[[str], None] | None = None) -> None:
        """Link (again) documents in the order given, in one index transaction: each document's
        reports take their incidents in turn (a later document sees the earlier ones' reports),
        then every incident touched is rebuilt once, the claims' ranks set once to their final
        values, and the store changed once for the whole batch."""
        with self.index.transaction():
            touched: set[str] = set()
            ranks: dict[str, tuple[Claim, str]] = {}  # claim -> (the claim, the rank it should hold)
            for doc_iri in documents:
                touched |= self._assign_document(doc_iri, ranks)
                if on_document:
                    on_document(doc_iri)
            remove, add = [], []
            for incident in sorted(touched):
                gone, quads, incident_ranks = self._rebuild(incident)
                remove += gone
                add += quads
                ranks.update(incident_ranks)
            for iri, (claim, rank) in sorted(ranks.items()):
                if claim.held != rank:
                    remove.append(_rank(claim, claim.held))
                    add.append(_rank(claim, rank))
                    self.index.set_held(iri, rank)
            self.writer.change(remove=remove, add=add, whole_subjects_of=self.graph)  # incidents: whole
        self.index.settle()  # the recent keys into the main table, when they are many

    def _assign_document(self, doc_iri: str, ranks: dict[str, tuple[Claim, str]]) -> set[str]:
        """File one document's reports and claims in the index, each report in its incident;
        its claims join ``ranks`` with the rank their own document gives them. Returns the
        incidents touched (those it leaves, those it joins)."""
        touched = self.index.forget(doc_iri)
        doc = read.document(self.writer, doc_iri)
        if doc is None:
            return touched
        self.index.add_document(doc)
        reports, claims = read.told(self.writer, doc_iri)
        self.gazetteer.learn((p for r in reports for p in r.places),
                             (a for r in reports for a in r.actors))
        for report, incident, match in self._assign(reports):
            self.index.add_report(report, incident, match, self.gazetteer.places)
            touched.add(incident)
        self.index.add_claims(claims)
        ranks.update((c.iri, (c, c.rank)) for c in claims)
        return touched

    def _assign(self, reports: list[Report]) -> list[tuple[Report, str, Match]]:
        """Each report's incident: an existing one it matches, best matches first, or its
        own. The facets of one telling take one incident together, led by the report the
        match was found for (the first of them when none matched)."""
        tellings = self._tellings(reports)
        of = {r.iri: t for t, telling in enumerate(tellings) for r in telling}
        proposals = sorted(((-match.score, -support, report.iri, incident), match)
                           for report in reports
                           for incident, match, support in self._matches(report))
        chosen: dict[int, tuple[str, str, Match]] = {}  # telling -> (incident, its lead, match)
        used: set[str] = set()
        for (_, _, iri, incident), match in proposals:
            telling = of[iri]
            if telling in chosen or incident in used:
                continue
            if len(tellings[telling]) > 1 and not self._admits(incident, tellings[telling]):
                continue
            chosen[telling] = (incident, iri, match)
            used.add(incident)
        for t, telling in enumerate(tellings):
            if t not in chosen:
                incident = self._new_incident(telling[0], used)
                chosen[t] = (incident, telling[0].iri, FIRST_REPORT)
                used.add(incident)
        lead = {t: next(r for r in tellings[t] if r.iri == iri) for t, (_, iri, _) in chosen.items()}
        out = []
        for report in reports:
            t = of[report.iri]
            incident, iri, match = chosen[t]
            if report.iri != iri:
                match = facets(lead[t], report, self.known) or match
            out.append((report, incident, match))
        return out

    def _tellings(self, reports: list[Report]) -> list[list[Report]]:
        """The document's reports in groups, each the facets of one telling (most alone)."""
        groups: list[list[Report]] = []
        for report in reports:
            joined = [g for g in groups if all(facets(r, report, self.known) for r in g)]
            if joined:
                joined[0].append(report)
            else:
                groups.append([report])
        return groups

    def _admits(self, incident: str, telling: list[Report]) -> bool:
        """Whether no report of an incident rules out any facet of a telling."""
        members = [r for r, _, _ in self.index.incident_reports(incident, limit=MEMBERS)]
        return all(compare(m, r, self.known) is not None for m in members for r in telling)

    def _matches(self, report: Report) -> list[tuple[str, Match, int]]:
        """The incidents a report may join, each with its best match there and how many of
        its reports match (which settles a tie: the incident more reports agree with)."""
        candidates = self.index.candidates(report, self.gazetteer.places)
        found = []
        for incident, members in self.index.members(candidates, limit=MEMBERS).items():
            # An incident holding a report of this document (this report's own, filed by an
            # earlier version of the document, among them) is not for another of its reports.
            if any(m.document == report.document for m in members) or (
                    len(members) >= MEMBERS and self.index.has_document(incident, report.document)):
                continue
            self.gazetteer.learn((p for r in members for p in r.places),
                                 (a for r in members for a in r.actors))
            matches = [compare(member, report, self.known) for member in members]
            if any(m is None for m in matches):
                continue
            best = max(matches, key=lambda m: (m.score, m.other))  # type: ignore[union-attr]
            if best is not None and best.score >= LINK_THRESHOLD:
                support = sum(1 for m in matches if m and m.score >= LINK_THRESHOLD)
                found.append((incident, best, support))
        return found

    def _new_incident(self, report: Report, used: set[str]) -> str:
        """An incident named after its first report (with a suffix if that name is held)."""
        base = self.iris.incident(report.iri)
        incident, n = base, 1
        while incident in used or self.index.has_reports(incident):
            n += 1
            incident = f"{base}-{n}"
        return incident

    def _rebuild(self, incident: str) -> tuple[list[Quad], list[Quad], dict[str, tuple[Claim, str]]]:
        """(quads to remove, quads to add, each claim and its rank) for one incident as the
        index has it. Only the subjects whose statements changed are rewritten: as a report
        joins, its link is added and the incident's own statements change, the links of the
        reports before it stay as they are."""
        graph = NamedNode(self.graph)
        before = self.index.written(incident)
        members = self.index.incident_reports(incident)
        built, claims = Built(), []
        if members:
            claims = self.index.claims_about(r.iri for r, _, _ in members)
            documents = self.index.documents({r.document for r, _, _ in members} |
                                             {c.document for c in claims})
            parents = {p for r, _, _ in members if r.parent
                       and (p := self.index.incident_of(r.parent)) is not None}
            built = incident_quads(incident, self.graph, [(r, m) for r, _, m in members], claims,
                                   documents, parents, self.kinds)
        now = {s: (quads, digest(quads)) for s, quads in built.by_subject().items()}
        remove, add = [], []
        for subject in sorted(set(before) | set(now)):
            if before.get(subject) == (now[subject][1] if subject in now else None):
                continue
            if subject in before:
                remove += self.writer.quads(NamedNode(subject), None, None, graph)
            if subject in now:
                add += now[subject][0]
        self.index.set_written(incident, {s: d for s, (_, d) in now.items()} if members else None)
        by_iri = {c.iri: c for c in claims}
        return remove, add, {c: (by_iri[c], rank) for c, rank in built.ranks.items()}


def _rank(claim: Claim, rank: str) -> Quad:
    return Quad(NamedNode(claim.iri), wikibase.rank, NamedNode(rank), NamedNode(claim.document))
