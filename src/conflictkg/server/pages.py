"""Linked-data pages: every IRI minted under the base dereferences here.

The request path after the host, appended to ``base_iri``, is the IRI
(``/id/place/C1001`` -> ``{base}id/place/C1001``). One data function reads what the
graph says about it; the answer is an HTML page (Arabic and English side by side, a
small map, every link named, and the SPARQL query that shows the same data), Turtle or
JSON-LD, chosen by the Accept header or by a ``.ttl`` / ``.jsonld`` suffix. A page
answers the questions its subject raises: an event's claims (count, qualifier, source,
rank, date, the quoted words) with disputed tolls side by side; a place's events and
control claims over time and its admin chain; an armed group's events, claims, parent
and units. Unknown IRIs get a 404.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from conflictkg.iris import Iris
from conflictkg.rdf.vocabulary import CKG
from conflictkg.server.api import models as m
from conflictkg.server.api import queries as q
from conflictkg.server.api import shapes
from conflictkg.server.api.extraction import extraction
from conflictkg.server.api.graph import (
    PREFIX,
    Description,
    describe,
    expand,
    iri_term,
    is_iri,
    point,
    spans,
    text,
)
from conflictkg.server.api.reader import RELATED, SUB_EVENTS, SUB_UNITS, Reader, ReaderDep
from conflictkg.server.api.shapes import labels, local
from conflictkg.server.deps import EngineDep, SettingsDep
from conflictkg.server.errors import HttpError
from conflictkg.server.linked import (
    API_KINDS,
    best_label,
    choose_format,
    curie,
    local_href,
    query_link,
    rdf_response,
    split_suffix,
)
from conflictkg.server.sketches import highlighted, svg_map, svg_timeline

router = APIRouter(include_in_schema=False)
INCOMING_LIMIT = 200
# Types every event also has, for generic clients: a page names the specific one.
GENERIC_TYPES = {expand("ckg:Event"), expand("sem:Event"), expand("schema:Event"), expand("prov:Entity")}

# The subject, and the resources named by fragments of its IRI (geometry, selectors) up
# to two links away: what a client needs to read the subject without another request.
CONSTRUCT = PREFIX + """
CONSTRUCT { ?x ?p ?o } WHERE {
  { ?s ?p ?o BIND(?s AS ?x) }
  UNION { ?s ?q1 ?x . FILTER(STRSTARTS(STR(?x), CONCAT(STR(?s), "#"))) ?x ?p ?o }
  UNION { ?s ?q1 ?y . FILTER(STRSTARTS(STR(?y), CONCAT(STR(?s), "#")))
          ?y ?q2 ?x . FILTER(STRSTARTS(STR(?x), CONCAT(STR(?s), "#"))) ?x ?p ?o }
}"""
REPORTED = PREFIX + "SELECT ?i ?a WHERE { ?e ckg:reportOf ?i ; ckg:evidence ?a } ORDER BY ?a"
INCOMING = PREFIX + f"""
SELECT ?s ?p ?o WHERE {{ ?s ?p ?o . FILTER(?p != rdf:type) }} ORDER BY ?p ?s LIMIT {INCOMING_LIMIT}"""
GRAPH_SIZE = PREFIX + """
SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"""
GRAPH_CLASSES = PREFIX + """
SELECT ?g ?cls (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?cls } }
GROUP BY ?g ?cls ORDER BY DESC(?n) LIMIT 50"""
GRAPH_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"








@dataclass
class Page:
    """The data of one page, whatever it is rendered as."""

    iri: str
    kind: str
    description: Description
    incoming: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    points: list[dict[str, Any]] = field(default_factory=list)
    extraction: dict[str, Any] | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    event: m.EventSummary | None = None
    claims: list[m.Claim] = field(default_factory=list)
    tolls: list[m.Toll] = field(default_factory=list)
    events: list[m.EventSummary] = field(default_factory=list)
    chain: list[m.Ref] = field(default_factory=list)
    units: list[m.Ref] = field(default_factory=list)
    sub_events: list[m.Ref] = field(default_factory=list)


async def page_data(reader: Reader, iri: str) -> Page | None:
    """What the graph says about ``iri``, and what its kind of page shows beside it: an event's
    claims and tolls, a place's events, control claims and admin chain, a group's events,
    claims and units."""
    engine, iris = reader.engine, reader.iris
    if not is_iri(iri):
        return None  # not an IRI, so certainly not one of ours
    described = (await describe(engine, [iri]))[iri]
    if not described.props:
        return None
    found = iris.kind_of(iri)
    page = Page(iri, found[0] if found else "resource", described)
    await _incoming(reader, page)
    page.points = map_points(iris, page)
    types = described.types()
    if page.kind == "document":
        page.extraction = await extraction(engine, iris, described)
    elif page.kind == "event" and described.value("ckg:eventType"):
        (page.event,) = await reader.event_summaries([iri])
        page.claims = await reader.claims_about(iri)
        page.tolls = shapes.tolls(page.claims)
        page.sub_events = await reader.refs(SUB_EVENTS, "e", iri)
    elif expand("ckg:Place") in types:
        page.chain = await reader.admin_chain(shapes.place(iris, described))
        page.events = await reader.events_of("place", iri)
        control = q.claims_query().values("place", [iri], q.CLAIM_PLACE)
        control.add(q.CLAIM_KIND, claimClass=iri_term(expand("ckg:ControlClaim")))
        page.claims = await reader.claims((await reader.page(control, RELATED))[0])
    elif expand("ckg:ArmedGroup") in types:
        page.units = await reader.refs(SUB_UNITS, "a", iri)
        page.events = await reader.events_of("actor", iri)
        claims = q.claims_query().values("actor", [iri], q.CLAIM_ACTOR)
        page.claims = await reader.claims((await reader.page(claims, RELATED))[0])
    annotations = described.iris("ckg:evidence")
    if page.kind == "incident":  # its reports' sentences, each with its document
        rows = await engine.select(REPORTED, substitutions={"i": iri_term(iri)})
        annotations += [text(r["a"]) for r in rows]
    quoted = await spans(engine, annotations)
    page.evidence = [{**span, "href": local_href(iris, span["document"] or "")}
                     for span in quoted.values()]
    return page


async def _incoming(reader: Reader, page: Page) -> None:
    """What refers to the page's subject, each named; the annotations that mention it are
    gathered as mentions (the document and the words) rather than listed as IRIs."""
    engine, iris = reader.engine, reader.iris
    rows = await engine.select(INCOMING, substitutions={"o": iri_term(page.iri)})
    referrers = await describe(engine, {text(r["s"]) for r in rows}) if rows else {}
    annotation = expand("oa:Annotation")
    mentioned = [s for s, d in referrers.items() if annotation in d.types()]
    found = await spans(engine, mentioned)
    documents = await describe(engine, {s["document"] for s in found.values() if s["document"]})
    for a in mentioned:
        span = found.get(a)
        if span and span["document"]:
            doc = documents.get(span["document"])
            mention = {"href": local_href(iris, span["document"]), "text": span["text"],
                       "document": title_of(doc) if doc else span["document"]}
            if mention not in page.mentions:
                page.mentions.append(mention)
    for r in rows:
        s, p = text(r["s"]), text(r["p"])
        if s in found or annotation in referrers[s].types():
            continue
        page.incoming.append({"href": local_href(iris, s), "iri": s, "predicate": curie(p),
                              "label": title_of(referrers[s])})


def map_points(iris: Iris, page: Page) -> list[dict[str, Any]]:
    """The located things a page's map shows: the place itself, or the places tied to it."""
    out = []
    geometry = page.description.geometry()
    own = point(geometry.wkt if geometry else None)
    if own:
        out.append({"lon": own[0], "lat": own[1], "label": best_label(page.description.labels()),
                    "href": None})
    for values in page.description.props.values():
        for term in values:
            own_part = term.text.startswith(page.iri + "#")
            xy = point(term.wkt) if term.is_iri and not own_part else None
            if xy:
                out.append({"lon": xy[0], "lat": xy[1], "label": best_label(term.labels),
                            "href": local_href(iris, term.text)})
    return out[:50]


def type_label(d: Description) -> str:
    """The most specific type's English label ('Casualty claim'), else its local name."""
    named = sorted((t for t in d.all("rdf:type")), key=lambda t: (not t.text.startswith(CKG), t.text))
    for term in named:
        if term.text in GENERIC_TYPES:
            continue
        return term.labels.get("en") or _words(local(term.text) or term.text)
    return ""


def _words(name: str) -> str:
    """'CasualtyClaim' -> 'Casualty claim', for a type whose label the store lacks."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).capitalize()


def title_of(d: Description) -> str:
    """A title for a page's subject: its name, else what it is, when and where, in words
    ('Casualty claim: at least 82 killed — Syrian Observatory for Human Rights')."""
    names = d.labels() or d.labels("dcterms:title")
    if names:
        return best_label(names)
    kind = type_label(d)
    if d.value("ckg:count"):
        qualifier = (local(d.value("ckg:qualifier")) or "").replace("_", " ")
        qualifier = "" if qualifier == "exact" else qualifier + " "
        outcome = local(d.value("ckg:outcome")) or ""
        who = d.value("ckg:attributedLabel") or ""
        return f"{kind}: {qualifier}{d.value('ckg:count')} {outcome}" + (f" — {who}" if who else "")
    if d.value("ckg:change"):
        actor, place = d.first("ckg:controlActor"), d.first("ckg:controlPlace")
        words = [best_label(actor.labels) if actor else "", local(d.value("ckg:change")) or "",
                 best_label(place.labels) if place else ""]
        stance = " (denied)" if local(d.value("ckg:stance")) == "denied" else ""
        return f"{kind}: {' '.join(w for w in words if w)}{stance}"
    parts = [kind, d.value("sem:hasBeginTimeStamp") or d.value("schema:datePublished") or ""]
    place, publisher = d.first("sem:hasPlace"), d.first("schema:publisher")
    parts.append(best_label(place.labels) if place else "")
    parts.append(best_label(publisher.labels) if publisher else "")
    parts.append(d.value("ckg:fileName") or "")
    return ", ".join(p for p in parts if p) or d.iri


def link_text(iris: Iris, term: Any) -> str:
    """The words of a link: the target's name, else its CURIE, else its kind and key."""
    found = best_label(term.labels) if term.labels else ""
    if found:
        return found
    short = curie(term.text)
    if short != term.text:
        return short
    minted = iris.kind_of(term.text)
    return f"{minted[0]} {minted[1]}" if minted else term.text


def render_html(request: Request, iris: Iris, page: Page) -> HTMLResponse:
    d = page.description
    names = labels(d.labels() or d.labels("dcterms:title")) if (
        d.labels() or d.labels("dcterms:title")) else labels({"en": title_of(d)})
    found = iris.kind_of(page.iri)
    api = f"/api/v1/{API_KINDS[found[0]]}/{quote(found[1], safe='')}" \
        if found and found[0] in API_KINDS else None
    if found and found[0] == "incident":
        api = f"/api/v1/events/incident/{quote(found[1], safe='')}"
    rows = []
    for predicate in sorted(d.props, key=curie):
        rows.append({"predicate": curie(predicate), "predicate_href": local_href(iris, predicate),
                     "values": [{"text": t.text, "is_iri": t.is_iri, "lang": t.lang,
                                 "label": link_text(iris, t) if t.is_iri else None,
                                 "curie": curie(t.text) if t.is_iri else None,
                                 "href": local_href(iris, t.text) if t.is_iri else None}
                                for t in d.props[predicate]]})
    dated = [{"start": e.start, "label": e.labels.en or e.labels.ar or e.kind or "",
              "href": local_href(iris, e.id), "kind": "event"} for e in page.events]
    dated += [{"start": c.start, "label": claim_words(c), "href": local_href(iris, c.id), "kind": "claim"}
              for c in page.claims if c.kind == "control"]
    html = request.app.state.templates.get_template("entity.html").render(
        iri=page.iri, kind=page.kind, names=names, aliases=sorted(d.labels("skos:altLabel").values()),
        types=sorted(curie(t) for t in d.types()), rows=rows, incoming=page.incoming,
        mentions=page.mentions, incoming_limit=INCOMING_LIMIT, map=svg_map(page.points), api=api,
        query=query_link(page.iri), path=request.url.path, type_label=type_label(d),
        segments=highlighted(page.extraction, iris), evidence=page.evidence,
        event=page.event, claims=[claim_row(iris, c) for c in page.claims], tolls=tolls_rows(iris, page),
        events=[event_row(iris, e) for e in page.events], chain=[ref_row(iris, r) for r in page.chain],
        units=[ref_row(iris, r) for r in page.units], sub_events=[ref_row(iris, r) for r in page.sub_events],
        timeline=svg_timeline(dated), parent=ref_row(iris, shapes.ref(iris, d.first("ckg:partOf"))),
    )
    return HTMLResponse(html, headers={"Vary": "Accept"})


def ref_row(iris: Iris, ref: m.Ref | None) -> dict[str, str | None] | None:
    if ref is None:
        return None
    minted = iris.kind_of(ref.id)
    fallback = f"{minted[0]} {minted[1]}" if minted else ref.id
    return {"href": local_href(iris, ref.id), "label": ref.labels.en or ref.labels.ar or fallback,
            "ar": ref.labels.ar if ref.labels.en else None}


def claim_words(c: m.Claim) -> str:
    """A claim in a few words: '82 killed' or 'Syrian government forces entered al-Qadam'."""
    if c.kind == "casualties":
        qualifier = "" if c.qualifier in (None, "exact") else c.qualifier.replace("_", " ") + " "
        return f"{qualifier}{c.count if c.count is not None else '?'} {c.outcome or ''}".strip()
    actor = (c.actor.labels.en or c.actor.labels.ar) if c.actor else "someone"
    place = (c.place.labels.en or c.place.labels.ar) if c.place else ""
    return f"{actor} {c.change or ''} {place}".strip() + (" (denied)" if c.stance == "denied" else "")


def claim_row(iris: Iris, c: m.Claim) -> dict[str, Any]:
    quote_ = c.evidence[0].text if c.evidence else None
    return {"href": local_href(iris, c.id), "kind": c.kind, "words": claim_words(c), "count": c.count,
            "qualifier": (c.qualifier or "").replace("_", " "), "outcome": c.outcome,
            "source": ref_row(iris, c.source), "attributed": c.attributed_label, "rank": c.rank,
            "date": c.start, "quote": quote_, "stance": c.stance,
            "event": {"href": local_href(iris, c.event)} if c.event else None,
            "victims": ref_row(iris, c.victim_actor), "category": c.victim_category}


def event_row(iris: Iris, e: m.EventSummary) -> dict[str, Any]:
    return {"href": local_href(iris, e.id), "label": e.labels.ar or e.labels.en, "kind": e.kind,
            "start": e.start, "end": e.end, "places": [ref_row(iris, p) for p in e.places],
            "actors": [ref_row(iris, a) for a in e.actors],
            "fatalities": e.fatalities.conservative if e.fatalities else None}


def tolls_rows(iris: Iris, page: Page) -> list[dict[str, Any]]:
    """The tolls side by side: each group of victims with every claim about it."""
    by_id = {c.id: c for c in page.claims}
    return [{"outcome": t.outcome, "low": t.low, "high": t.high, "disputed": t.disputed,
             "category": t.victim_category,
             "claims": [claim_row(iris, by_id[c]) for c in t.claims if c in by_id]}
            for t in page.tolls]


@router.api_route("/id/{rest:path}", methods=["GET", "HEAD"])
async def dereference(request: Request, rest: str, reader: ReaderDep) -> Response:
    engine, iris = reader.engine, reader.iris
    iri, fmt = iris.base + "id/" + rest, None
    page = await page_data(reader, iri)
    if page is None:
        iri, fmt = split_suffix(iri)
        page = await page_data(reader, iri) if fmt else None
    if page is None:
        raise HttpError(404, f"nothing is known about <{iri}>")
    fmt = fmt or choose_format(request)
    if fmt == "html":
        return render_html(request, iris, page)
    return await rdf_response(engine, CONSTRUCT, fmt, {"s": iri_term(iri)},
                              accept=request.headers.get("accept"))


@router.api_route("/graph/{rest:path}", methods=["GET", "HEAD"])
async def graph(request: Request, rest: str, engine: EngineDep, settings: SettingsDep) -> Response:
    """A named graph: its size and classes as a page, or its triples as RDF."""
    iris = Iris(settings.base_iri)
    iri, fmt = iris.base + "graph/" + rest, None
    if not is_iri(iri):
        raise HttpError(404, "not a graph name")
    sizes = await engine.select(GRAPH_SIZE, substitutions={"g": iri_term(iri)})
    if not sizes:
        iri, fmt = split_suffix(iri)
        sizes = await engine.select(GRAPH_SIZE, substitutions={"g": iri_term(iri)}) if fmt else []
    if not sizes:
        raise HttpError(404, f"no graph <{iri}>")
    fmt = fmt or choose_format(request)
    if fmt != "html":
        return await rdf_response(engine, GRAPH_TRIPLES, fmt, {"g": iri_term(iri)},
                                  accept=request.headers.get("accept"))
    classes = await engine.select(GRAPH_CLASSES, substitutions={"g": iri_term(iri)})
    query = f"SELECT ?s ?p ?o WHERE {{\n  GRAPH {iri_term(iri)} {{ ?s ?p ?o }}\n}} LIMIT 100"
    html = request.app.state.templates.get_template("graph.html").render(
        iri=iri, size=sizes[0]["n"], path=request.url.path,
        classes=[{"curie": curie(text(r["cls"])), "count": r["n"],
                  "href": local_href(iris, text(r["cls"]))} for r in classes],
        query="/?" + urlencode({"query": query}),
    )
    return HTMLResponse(html, headers={"Vary": "Accept"})

