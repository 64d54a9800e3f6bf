"""What the linked-data pages share: their templates, formats and links.

A page is one data function rendered as HTML, or as RDF (Turtle, JSON-LD, N-Triples)
chosen by the Accept header or a ``.ttl`` / ``.jsonld`` / ``.nt`` suffix; the pages of
minted IRIs (:mod:`conflictkg.server.pages`) and of the ontology's terms
(:mod:`conflictkg.server.ontology`) are made the same way.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import Request, Response
from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PackageLoader, select_autoescape

from conflictkg.iris import Iris
from conflictkg.rdf.vocabulary import PREFIXES
from conflictkg.server.api.graph import iri_term
from conflictkg.server.api.shapes import labels
from conflictkg.server.engine import QueryEngine
from conflictkg.server.negotiation import COMPACTED, Offers, negotiate, not_acceptable, wants_compacted

RDF_FORMATS = {"turtle": "text/turtle", "jsonld": "application/ld+json",
               "ntriples": "application/n-triples"}
PAGES = Offers("this page", [("html", "text/html"), *RDF_FORMATS.items()], {
    "application/xhtml+xml": "html", "application/x-turtle": "turtle", "text/n3": "turtle",
    "application/json": "jsonld"})
API_KINDS = {"event": "events", "place": "places", "actor": "actors", "source": "sources",
             "document": "documents"}
# The ontology's IRIs are the same under any base, and this server serves them all.
ONTOLOGY_HOST = "https://conflictkg.org/"
WEB_IRI = re.compile(r"https?://", re.I)
SUFFIXES = {".ttl": "turtle", ".jsonld": "jsonld", ".nt": "ntriples"}


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


def best_label(found: dict[str, str]) -> str:
    names = labels(found)
    return names.en or names.ar or ""


def local_href(iris: Iris, iri: str) -> str:
    """The path serving an IRI here when it is minted under the base, the IRI itself when
    it is an ``http`` or ``https`` one, else a query for what the graph says of it: data
    never makes a ``javascript:`` (or any other scheme's) link."""
    base = iris.base
    if iri.startswith((base + "id/", base + "graph/")):
        return "/" + iri[len(base):]
    if iri.startswith(ONTOLOGY_HOST + "ontology"):
        return "/" + iri[len(ONTOLOGY_HOST):]
    if WEB_IRI.match(iri):
        return iri
    return query_link(iri)


def query_link(iri: str) -> str:
    query = f"SELECT ?property ?value WHERE {{\n  {iri_term(iri)} ?property ?value\n}}"
    return "/?" + urlencode({"query": query})


async def rdf_response(engine: QueryEngine, query: str, fmt: str,
                       substitutions: dict[str, str] | None = None, *,
                       accept: str | None = None) -> Response:
    """The query's graph as ``fmt``; JSON-LD compacted with the project's context when
    ``accept`` asks for it (``profile="http://www.w3.org/ns/json-ld#compacted"``)."""
    media = RDF_FORMATS[fmt]
    if fmt == "jsonld" and wants_compacted(accept):
        media = f'{media};profile="{COMPACTED}"'
    result = await engine.run(query, accept=media, substitutions=substitutions)
    return Response(await result.read(), media_type=result.media_type, headers={"Vary": "Accept"})


def split_suffix(iri: str) -> tuple[str, str | None]:
    for suffix, fmt in SUFFIXES.items():
        if iri.endswith(suffix):
            return iri[: -len(suffix)], fmt
    return iri, None
