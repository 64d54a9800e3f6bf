"""An incident's reports as the event page shows them: each document's event, the document
and its publisher, the sentences it was read from, and why linking tied it to the incident."""

from __future__ import annotations

from conflictkg.server.api import models as m
from conflictkg.server.api import shapes
from conflictkg.server.api.graph import Description, describe, describe_bare, spans, text, values_block
from conflictkg.server.api.queries import PREFIX
from conflictkg.server.api.reader import Reader

CLAIMS_ON = PREFIX + "SELECT DISTINCT ?c WHERE { %s ?c ckg:about ?e } ORDER BY ?c"


async def incident_reports(reader: Reader, incident: Description) -> list[m.Report]:
    """Every report of an incident, in order of its document's publication."""
    links = await describe_bare(reader.engine, incident.iris("prov:qualifiedDerivation"))
    by_event = {d.value("prov:entity"): d for d in links.values() if d.value("prov:entity")}
    events = sorted(by_event)
    summaries = dict(zip(events, await reader.event_summaries(events), strict=True))
    described = await describe(reader.engine, events)
    documents = await describe(reader.engine, {s.documents[0] for s in summaries.values() if s.documents})
    reasons = await describe_bare(reader.engine, [r for d in links.values() for r in d.iris("ckg:reason")])
    quoted = await spans(reader.engine, [a for d in described.values() for a in d.iris("ckg:evidence")])
    out = []
    for event in events:
        link, summary = by_event[event], summaries[event]
        doc = documents.get(summary.documents[0]) if summary.documents else None
        out.append(m.Report(
            event=summary,
            document=shapes.document_summary(reader.iris, doc) if doc else None,
            score=_float(link.value("ckg:score")), compared_with=link.value("ckg:comparedWith"),
            reasons=[m.LinkReason(kind=shapes.local(r.value("ckg:reasonKind")),
                                  score=_float(r.value("ckg:score")), note=r.value("rdfs:comment"))
                     for r in (reasons[i] for i in link.iris("ckg:reason") if i in reasons)],
            evidence=[m.Span(**quoted[a]) for a in described[event].iris("ckg:evidence") if a in quoted]))
    return sorted(out, key=lambda r: ((r.document.published or "9999") if r.document else "9999",
                                      r.event.id))


async def claims_on(reader: Reader, events: list[str]) -> list[str]:
    """The claims about any of ``events``."""
    if not events:
        return []
    return [text(r["c"]) for r in await reader.engine.select(CLAIMS_ON % values_block("e", events))]


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
