"""One incident as the quads of the incidents graph, and the ranks its claims should have.

    <incident> a ckg:Incident ; ckg:eventType ckgt:capture ;
        sem:hasBeginTimeStamp … (and the rest of the dates of its most precise report) ;
        sem:hasPlace <the places most of its reports name> ; sem:hasActor <every group named> ;
        rdfs:label "…"@ar (a battle name a report gives) ; sem:subEventOf <parent incident> ;
        ckg:reportCount 3 ; ckg:reportedBy <publisher> ;
        prov:wasDerivedFrom <event> ; prov:qualifiedDerivation <incident#report-{event key}> ;
        ckg:derivedToll <incident#killed-best> .
    <event> ckg:reportOf <incident> .
    <incident#report-{key}> a ckg:ReportLink, prov:Derivation ; prov:entity <event> ;
        ckg:score 0.85 ; ckg:comparedWith <event> ; ckg:reason <incident#report-{key}-{n}> .
    <incident#report-{key}-{n}> a ckg:LinkReason ; ckg:reasonKind ckgv:same_place ;
        ckg:score 0.35 ; rdfs:comment "Al Qadam"@en .
    <incident#killed-best> a ckg:DerivedToll ; ckg:outcome ckgv:killed ; ckg:estimate ckgv:best ;
        ckg:count 62 ; ckg:sourceCount 2 ; prov:wasDerivedFrom <claim> ; rdfs:comment "…"@en .
    <later claim> ckg:supersedes <earlier claim> .     (across documents only)

Every subject is the incident, a node of it (``#``), one of its reports or one of its
claims, so the statements of one incident can be found again and replaced alone.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Literal, NamedNode, Quad

from conflictkg.linking.model import Claim, Document, Match, Report
from conflictkg.linking.tolls import ranks, revisions, summary
from conflictkg.rdf import terms
from conflictkg.rdf.vocabulary import ckg, ckgt, ckgv, prov, rdf, rdfs, schema, sem, xsd
from conflictkg.reference.kinds import Kinds


@dataclass
class Built:
    quads: list[Quad] = field(default_factory=list)
    ranks: dict[str, str] = field(default_factory=dict)  # claim -> rank IRI

    def by_subject(self) -> dict[str, list[Quad]]:
        out: dict[str, list[Quad]] = {}
        for q in self.quads:
            out.setdefault(q.subject.value, []).append(q)
        return out


def digest(quads: list[Quad]) -> str:
    """What a subject's statements are, in a few characters: changed statements change it."""
    lines = sorted(f"{q.subject} {q.predicate} {q.object}" for q in quads)
    return hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()[:16]


def incident_quads(incident: str, graph: str, members: list[tuple[Report, Match]],
                   claims: list[Claim], documents: dict[str, Document],
                   parents: set[str], kinds: Kinds) -> Built:
    """The statements of one incident, from its reports (in the order they were linked)."""
    built = Built()
    g = NamedNode(graph)

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        built.quads.append(Quad(s, p, o, g))

    node = NamedNode(incident)
    reports = [r for r, _ in members]
    for cls in (ckg.Incident, sem.Event, schema.Event):  # its superclasses too, for clients without inference
        add(node, rdf.type, cls)
    add(node, ckg.eventType, ckgt[_kind(reports, kinds)])
    _dates(add, node, reports)
    for place in _places(reports):
        add(node, sem.hasPlace, NamedNode(place))
    for actor in sorted({a for r in reports for a in r.actors}):
        add(node, sem.hasActor, NamedNode(actor))
    for name, lang in sorted({(r.name, r.name_lang) for r in reports if r.name}):
        add(node, rdfs.label, terms.text(name, lang or None))
    for parent in sorted(parents - {incident}):
        add(node, sem.subEventOf, NamedNode(parent))
    add(node, ckg.reportCount, Literal(len(reports)))
    for publisher in sorted({d.publisher for r in reports
                             if (d := documents.get(r.document)) and d.publisher}):
        add(node, ckg.reportedBy, NamedNode(publisher))
    for report, match in members:
        _link(add, incident, report, match)
    across = revisions(claims, documents)
    for new, old in across:
        add(NamedNode(new), ckg.supersedes, NamedNode(old))
    built.ranks = ranks(claims, across)
    for figure in summary(claims, built.ranks):
        toll = NamedNode(f"{incident}#{figure.outcome}-{figure.estimate}")
        add(node, ckg.derivedToll, toll)
        add(toll, rdf.type, ckg.DerivedToll)
        add(toll, ckg.outcome, ckgv[figure.outcome])
        add(toll, ckg.estimate, ckgv[figure.estimate])
        add(toll, ckg.count, Literal(figure.count))
        add(toll, ckg.sourceCount, Literal(figure.sources))
        for claim in figure.claims:
            add(toll, prov.wasDerivedFrom, NamedNode(claim))
        add(toll, rdfs.comment, Literal(figure.note, language="en"))
    return built


def _link(add, incident: str, report: Report, match: Match) -> None:
    node, event = NamedNode(incident), NamedNode(report.iri)
    link = NamedNode(f"{incident}#report-{report.iri.rsplit('/', 1)[-1]}")
    add(event, ckg.reportOf, node)
    add(node, prov.wasDerivedFrom, event)
    add(node, prov.qualifiedDerivation, link)
    add(link, rdf.type, ckg.ReportLink)
    add(link, rdf.type, prov.Derivation)
    add(link, prov.entity, event)
    add(link, ckg.score, _decimal(match.score))
    if match.other:
        add(link, ckg.comparedWith, NamedNode(match.other))
    for n, reason in enumerate(match.reasons, 1):
        why = NamedNode(f"{link.value}-{n}")
        add(link, ckg.reason, why)
        add(why, rdf.type, ckg.LinkReason)
        add(why, ckg.reasonKind, ckgv[reason.kind])
        add(why, ckg.score, _decimal(reason.score))
        if reason.note:
            add(why, rdfs.comment, Literal(reason.note))


def _decimal(value: float) -> Literal:
    return Literal(f"{value:.3f}", datatype=xsd.decimal)


def _kind(reports: list[Report], kinds: Kinds) -> str:
    """The kind most documents give. A document counts once for each kind it gives, so that
    one telling's facets (the assault and the capture it ended in) do not outvote the other
    sources. On a tie, the narrowest kind: the one the fewest other kinds may be told as (a
    capture, not the attack it ended), then the first in the event-type scheme."""
    counts = Counter(kind for _, kind in {(r.document, r.kind) for r in reports})
    order = {k: i for i, k in enumerate(kinds.event)}
    return min(counts, key=lambda k: (-counts[k], len(kinds.compatible.get(k, ())),
                                      order.get(k, len(order)), k))


def _dates(add, node: NamedNode, reports: list[Report]) -> None:
    """The dates of the most precise report (the narrowest range of days; the earliest)."""
    dated = [r for r in reports if r.first is not None and r.last is not None]
    if not dated:
        return
    best = min(dated, key=lambda r: (r.span, r.first, r.iri))
    if best.begin:
        add(node, sem.hasBeginTimeStamp, terms.temporal(best.begin))
    if best.end:
        add(node, sem.hasEndTimeStamp, terms.temporal(best.end))
    add(node, sem.hasEarliestBeginTimeStamp, terms.xsd_date(date.fromordinal(best.first)))
    add(node, sem.hasLatestEndTimeStamp, terms.xsd_date(date.fromordinal(best.last)))


def _places(reports: list[Report]) -> list[str]:
    """The places named by the most reports (all of a lone report's)."""
    counts = Counter(p for r in reports for p in set(r.places))
    if not counts:
        return []
    most = max(counts.values())
    return sorted(p for p, n in counts.items() if n == most)
