"""An incident's claims compared: revision chains across documents, ranks, derived tolls.

A revision chain links the tolls one source gives for the same victims in documents
published one after the other: the same source (``prov:wasAttributedTo``), the same
outcome, the same victims (their group, else their category), none of them a part of a
breakdown (``ckg:partOfToll``) and none superseded inside its own document. Documents
are ordered by publication day; on one day, the higher toll is taken as the later (tolls
rise as bodies are found); a document that is a revision of another (``prov:wasRevisionOf``)
comes after it. Each toll supersedes the one before it in the chain, which keeps its place
in the graph, deprecated. The same figure from the same source on the same day (two
outlets quoting one monitor) is one step of the chain: neither supersedes the other.

Ranks follow the mapping's rule, over the supersessions inside documents and across
them: a superseded claim is deprecated, one that supersedes and is not superseded is
preferred, every other normal, so a claim keeps exactly one rank.

The derived summary, per outcome (killed, wounded, ...), reads each source's current
figure (the highest count among its claims on the incident that are neither superseded
nor parts of a breakdown, taken as stated whatever its qualifier) and derives UCDP's low
(the lowest), best (the median; the lower middle one for an even number of sources) and
high (the highest), and, for the killed, ACLED's conservative figure (the lowest). Each
value names the claims it came from. The rules are also the definitions of the
``ckg:EstimateScheme`` concepts in the ontology.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from conflictkg.linking.model import Claim, Document

WIKIBASE = "http://wikiba.se/ontology#"
DEPRECATED, PREFERRED, NORMAL = (WIKIBASE + r for r in ("DeprecatedRank", "PreferredRank", "NormalRank"))
ESTIMATES = ("low", "best", "high", "conservative")
ACLED_OUTCOME = "killed"


@dataclass
class Figure:
    """One derived value of an incident's summary."""

    outcome: str
    estimate: str  # low, best, high, conservative
    count: int
    sources: int  # sources with a current figure for the outcome
    claims: list[str] = field(default_factory=list)  # the claims it came from
    note: str = ""


def _tolls(claims: Iterable[Claim]) -> list[Claim]:
    """The whole tolls, each a count of an outcome: what chains and summaries compare."""
    return [c for c in claims if c.kind == "casualties" and not c.part and c.count is not None
            and c.outcome]


def revisions(claims: list[Claim], documents: dict[str, Document]) -> list[tuple[str, str]]:
    """(later claim, earlier claim) for each supersession across documents."""
    groups: dict[tuple[str, str, str | None], dict[str, Claim]] = {}
    for c in _tolls(claims):
        doc = documents.get(c.document)
        if c.source is None or c.rank == DEPRECATED or doc is None or doc.published is None:
            continue
        per_doc = groups.setdefault((c.source, c.outcome or "", c.victims), {})
        held = per_doc.get(c.document)
        if held is None or (c.count or 0, c.iri) > (held.count or 0, held.iri):
            per_doc[c.document] = c
    edges = []
    for per_doc in groups.values():
        steps: list[list[Claim]] = []
        ordered = sorted(per_doc.values(), key=lambda c: _order(c, documents))
        for claim in ordered:
            if steps and not _later(steps[-1][0], claim, documents):
                steps[-1].append(claim)
            else:
                steps.append([claim])
        for earlier, later in pairwise(steps):
            edges.extend((new.iri, old.iri) for new in later for old in earlier)
    return sorted(edges)


def _order(c: Claim, documents: dict[str, Document]) -> tuple:
    doc = documents[c.document]
    return doc.published, int(doc.revision_of is not None), c.count, c.iri


def _later(a: Claim, b: Claim, documents: dict[str, Document]) -> bool:
    """Whether ``b`` (ordered after ``a``) is a later statement than ``a``, not the same one."""
    da, db = documents[a.document], documents[b.document]
    if db.revision_of == a.document:
        return True
    return (db.published or 0) > (da.published or 0) or (b.count or 0) > (a.count or 0)


def ranks(claims: list[Claim], across: list[tuple[str, str]]) -> dict[str, str]:
    """Every claim's rank by the mapping's rule, over supersessions inside and across documents."""
    edges = {(c.iri, old) for c in claims for old in c.supersedes} | set(across)
    newer = {new for new, _ in edges}
    older = {old for _, old in edges}
    return {c.iri: DEPRECATED if c.iri in older else PREFERRED if c.iri in newer else NORMAL
            for c in claims}


def summary(claims: list[Claim], rank: dict[str, str]) -> list[Figure]:
    """The derived figures of an incident: low, best and high per outcome, and the
    conservative figure of the killed."""
    by_outcome: dict[str, dict[str, tuple[int, list[str]]]] = {}
    for c in _tolls(claims):
        if rank.get(c.iri, c.rank) == DEPRECATED:
            continue
        figures = by_outcome.setdefault(c.outcome or "", {})
        source = c.source or ""
        count, found = figures.get(source, (-1, []))
        if c.count > count:  # type: ignore[operator]
            figures[source] = (c.count, [c.iri])  # type: ignore[assignment]
        elif c.count == count:
            found.append(c.iri)
    out = []
    for outcome, figures in sorted(by_outcome.items()):
        values = sorted(count for count, _ in figures.values())
        chosen = {"low": values[0], "best": values[(len(values) - 1) // 2], "high": values[-1]}
        if outcome == ACLED_OUTCOME:
            chosen["conservative"] = values[0]
        listing = ", ".join(f"{_key(s)} {n}" for s, (n, _) in sorted(figures.items(), key=lambda kv: kv[1][0]))
        for estimate, count in chosen.items():
            came_from = sorted(i for n, iris in figures.values() if n == count for i in iris)
            out.append(Figure(outcome, estimate, count, len(figures), came_from,
                              f"{estimate} of the current figures of {len(figures)} "
                              f"source{'s' if len(figures) > 1 else ''}: {listing}"))
    return out


def _key(source: str) -> str:
    return source.rsplit("/", 1)[-1] or "unattributed"
