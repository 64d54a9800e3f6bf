"""Linked-data pages: every IRI minted under the base dereferences here.

The request path after the host, appended to ``base_iri``, is the IRI
(``/id/place/C1001`` -> ``{base}id/place/C1001``). One data function reads what the
graph says about it; the answer is an HTML page (Arabic and English side by side, a
small map, links to what it is tied to and to the SPARQL query that shows the same
data), Turtle or JSON-LD, chosen by the Accept header or by a ``.ttl`` / ``.jsonld``
suffix. Unknown IRIs get a 404.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse, HTMLResponse
from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PackageLoader, select_autoescape

from conflictkg.iris import Iris
from conflictkg.rdf.vocabulary import PREFIXES
from conflictkg.server.api.extraction import extraction
from conflictkg.server.api.graph import (
    PREFIX,
    Description,
    describe,
    iri_term,
    is_iri,
    point,
    spans,
    text,
)
from conflictkg.server.api.shapes import labels, local
from conflictkg.server.deps import EngineDep, SettingsDep
from conflictkg.server.engine import QueryEngine
from conflictkg.server.errors import HttpError
from conflictkg.server.negotiation import Offers, negotiate, not_acceptable

router = APIRouter(include_in_schema=False)
STATIC = Path(__file__).resolve().parent / "static"
RDF_FORMATS = {"turtle": "text/turtle", "jsonld": "application/ld+json",
               "ntriples": "application/n-triples"}
PAGES = Offers("this page", [("html", "text/html"), *RDF_FORMATS.items()], {
    "application/xhtml+xml": "html", "application/x-turtle": "turtle", "text/n3": "turtle",
    "application/json": "jsonld"})
SUFFIXES = {".ttl": "turtle", ".jsonld": "jsonld", ".nt": "ntriples"}
INCOMING_LIMIT = 200
API_KINDS = {"event": "events", "place": "places", "actor": "actors", "source": "sources",
             "document": "documents"}

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


def templates(folder: Path | None = None) -> Environment:
    """Templates of the package; those of ``folder`` (the ``templates`` setting) override them."""
    loaders: list[BaseLoader] = [PackageLoader("conflictkg.server", "templates")]
    if folder is not None:
        loaders.insert(0, FileSystemLoader(folder))
    env = Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(["html"]))
    env.filters["urlquote"] = lambda v: quote(str(v), safe="")
    return env


def curie(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def choose_format(request: Request) -> str:
    """'html', or an RDF format key, by the Accept header (HTML without one)."""
    accept = request.headers.get("accept")
    chosen = negotiate(PAGES, accept)
    if chosen is None:
        raise not_acceptable(PAGES, accept)
    return chosen.key


@dataclass
class Page:
    """The data of one page, whatever it is rendered as."""

    iri: str
    kind: str
    description: Description
    incoming: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    points: list[dict[str, Any]] = field(default_factory=list)
    extraction: dict[str, Any] | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)


async def page_data(engine: QueryEngine, iris: Iris, iri: str) -> Page | None:
    if not is_iri(iri):
        return None  # not an IRI, so certainly not one of ours
    described = (await describe(engine, [iri]))[iri]
    if not described.props:
        return None
    found = iris.kind_of(iri)
    kind = found[0] if found else "resource"
    rows = await engine.select(INCOMING, substitutions={"o": iri_term(iri)})
    referrers = await describe(engine, {text(r["s"]) for r in rows}) if rows else {}
    incoming = [(text(r["s"]), text(r["p"]), referrers[text(r["s"])].labels()) for r in rows]
    page = Page(iri, kind, described, incoming)
    page.points = map_points(iris, page)
    if kind == "document":
        page.extraction = await extraction(engine, iris, described)
    annotations = described.iris("ckg:evidence")
    if kind == "incident":  # its reports' sentences, each with its document
        rows = await engine.select(REPORTED, substitutions={"i": iri_term(iri)})
        annotations += [text(r["a"]) for r in rows]
    quoted = await spans(engine, annotations)
    page.evidence = [{**span, "href": local_href(iris, span["document"] or "")}
                     for span in quoted.values()]
    return page


def map_points(iris: Iris, page: Page) -> list[dict[str, Any]]:
    """The located things a page's map shows: the place itself, or the places tied to it."""
    out = []
    geometry = page.description.first("geo:hasGeometry")
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


def best_label(found: dict[str, str]) -> str:
    names = labels(found)
    return names.en or names.ar or ""


def local_href(iris: Iris, iri: str) -> str:
    """The path serving an IRI here when it is minted under the base, else the IRI itself."""
    base = iris.base
    if iri.startswith((base + "id/", base + "graph/")):
        return "/" + iri[len(base):]
    return iri


def svg_map(points: list[dict[str, Any]], width: int = 420, height: int = 300) -> dict[str, Any]:
    """Project points into an SVG box (equirectangular, scaled by the cosine of latitude)."""
    if not points:
        return {}
    lons, lats = [p["lon"] for p in points], [p["lat"] for p in points]
    pad = max(0.02, (max(lons) - min(lons)) * 0.15, (max(lats) - min(lats)) * 0.15)
    west, east, south, north = min(lons) - pad, max(lons) + pad, min(lats) - pad, max(lats) + pad
    kx = math.cos(math.radians((south + north) / 2))
    scale = min((width - 20) / ((east - west) * kx), (height - 20) / (north - south))
    x0 = (width - (east - west) * kx * scale) / 2
    y0 = (height - (north - south) * scale) / 2
    placed = [{**p, "x": round(x0 + (p["lon"] - west) * kx * scale, 1),
               "y": round(y0 + (north - p["lat"]) * scale, 1)} for p in points]
    km = (east - west) * kx * 111.32
    return {"width": width, "height": height, "points": placed,
            "bbox": [round(v, 5) for v in (west, south, east, north)], "km": round(km, 1)}


def query_link(iri: str) -> str:
    query = f"SELECT ?property ?value WHERE {{\n  {iri_term(iri)} ?property ?value\n}}"
    return "/?" + urlencode({"query": query})


def highlighted(extraction: dict[str, Any] | None, iris: Iris) -> list[dict[str, Any]]:
    """The document text cut into plain and marked segments (first span wins an overlap)."""
    if not extraction or not extraction.get("text"):
        return []
    text_ = extraction["text"]
    marks = []
    for group in ("actors", "places"):
        for item in extraction[group]:
            for m in item["mentions"]:
                marks.append((m["start"], m["end"], item["id"], group[:-1]))
    for group in ("events", "claims"):
        for item in extraction[group]:
            if item.get("evidence"):
                marks.append((item["evidence"]["start"], item["evidence"]["end"], item["id"],
                              group[:-1]))
    segments, at = [], 0
    for start, end, iri, kind in sorted(m for m in marks if m[0] is not None and m[1] is not None):
        if start < at or end > len(text_):
            continue
        segments.append({"text": text_[at:start]})
        segments.append({"text": text_[start:end], "href": local_href(iris, iri), "kind": kind})
        at = end
    segments.append({"text": text_[at:]})
    return segments


def describe_line(d: Description) -> str:
    """A title for something without a name: its type, date and place ('Attack, 2011-04-19, Homs')."""
    parts = [local(t) or "" for t in sorted(d.types())][:1]
    parts.append(d.value("sem:hasBeginTimeStamp") or "")
    place = d.first("sem:hasPlace") or d.first("ckg:controlPlace")
    parts.append(best_label(place.labels) if place else "")
    count = d.value("ckg:count")
    if count:
        parts.append(f"{count} ({d.value('ckg:attributedLabel') or ''})")
    return ", ".join(p for p in parts if p) or d.iri


def render_html(request: Request, iris: Iris, page: Page) -> HTMLResponse:
    d = page.description
    names = labels(d.labels() or d.labels("dcterms:title")) if (
        d.labels() or d.labels("dcterms:title")) else labels({"en": describe_line(d)})
    found = iris.kind_of(page.iri)
    api = f"/api/v1/{API_KINDS[found[0]]}/{quote(found[1], safe='')}" \
        if found and found[0] in API_KINDS else None
    if found and found[0] == "incident":
        api = f"/api/v1/events/incident/{quote(found[1], safe='')}"
    rows = []
    for predicate in sorted(d.props, key=curie):
        rows.append({"predicate": curie(predicate), "predicate_iri": predicate,
                     "values": [{"text": t.text, "is_iri": t.is_iri, "lang": t.lang,
                                 "label": best_label(t.labels) if t.is_iri else None,
                                 "curie": curie(t.text) if t.is_iri else None,
                                 "href": local_href(iris, t.text) if t.is_iri else None}
                                for t in d.props[predicate]]})
    incoming = [{"href": local_href(iris, s), "iri": s, "predicate": curie(p),
                 "label": best_label(lab)} for s, p, lab in page.incoming]
    html = request.app.state.templates.get_template("entity.html").render(
        iri=page.iri, kind=page.kind, names=names, aliases=sorted(d.labels("skos:altLabel").values()),
        types=sorted(curie(t) for t in d.types()), rows=rows, incoming=incoming,
        incoming_limit=INCOMING_LIMIT, map=svg_map(page.points), api=api,
        query=query_link(page.iri), path=request.url.path,
        segments=highlighted(page.extraction, iris), evidence=page.evidence,
    )
    return HTMLResponse(html, headers={"Vary": "Accept"})


async def rdf_response(engine: QueryEngine, query: str, fmt: str,
                       substitutions: dict[str, str] | None = None) -> Response:
    body = await engine.construct(query, substitutions, format=RDF_FORMATS[fmt])
    return Response(body, media_type=RDF_FORMATS[fmt], headers={"Vary": "Accept"})


def split_suffix(iri: str) -> tuple[str, str | None]:
    for suffix, fmt in SUFFIXES.items():
        if iri.endswith(suffix):
            return iri[: -len(suffix)], fmt
    return iri, None


@router.api_route("/id/{rest:path}", methods=["GET", "HEAD"])
async def dereference(request: Request, rest: str, engine: EngineDep,
                      settings: SettingsDep) -> Response:
    iris = Iris(settings.base_iri)
    iri, fmt = iris.base + "id/" + rest, None
    page = await page_data(engine, iris, iri)
    if page is None:
        iri, fmt = split_suffix(iri)
        page = await page_data(engine, iris, iri) if fmt else None
    if page is None:
        raise HttpError(404, f"nothing is known about <{iri}>")
    fmt = fmt or choose_format(request)
    if fmt == "html":
        return render_html(request, iris, page)
    return await rdf_response(engine, CONSTRUCT, fmt, {"s": iri_term(iri)})


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
        return await rdf_response(engine, GRAPH_TRIPLES, fmt, {"g": iri_term(iri)})
    classes = await engine.select(GRAPH_CLASSES, substitutions={"g": iri_term(iri)})
    query = f"SELECT ?s ?p ?o WHERE {{\n  GRAPH {iri_term(iri)} {{ ?s ?p ?o }}\n}} LIMIT 100"
    html = request.app.state.templates.get_template("graph.html").render(
        iri=iri, size=sizes[0]["n"], path=request.url.path,
        classes=[{"curie": curie(text(r["cls"])), "count": r["n"],
                  "href": local_href(iris, text(r["cls"]))} for r in classes],
        query="/?" + urlencode({"query": query}),
    )
    return HTMLResponse(html, headers={"Vary": "Accept"})


@router.get("/static/{name}")
async def page_asset(name: str) -> FileResponse:
    files = {p.name: p for p in STATIC.iterdir() if p.is_file()}
    if name not in files:
        raise HttpError(404, "no such file")
    return FileResponse(files[name])
