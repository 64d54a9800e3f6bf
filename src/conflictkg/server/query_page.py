"""The query page at ``/``: an editor, the example queries, and the answer in six views.

The page is HTML rendered here from the example queries of the app's reference bundle
(``queries/``, read by :mod:`conflictkg.reference.queries`) and the terms of its ontology,
which the editor completes; its script (``static/query.js``, on the vendored CodeMirror 6
and Leaflet) sends the query to the SPARQL endpoint (``/sparql``) like any other client,
so what a user sees is what the protocol returns. ``?query=`` fills the editor and runs
it; ``?example=`` fills it. Labels of places and groups are completed from the store
through the JSON API, and the map draws the governorates' outlines the bundle holds.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates
from pyoxigraph import Literal, NamedNode

from conflictkg.rdf.vocabulary import PREFIXES
from conflictkg.reference import Bundle
from conflictkg.reference.queries import VIEWS
from conflictkg.server.deps import BundleDep, SettingsDep
from conflictkg.server.errors import HttpError
from conflictkg.server.linked import curie

ASSETS = ("query.js", "views.js", "map.js", "query.css", "pages.css", "vendor/editor.js", "vendor/leaflet.js",
          "vendor/leaflet.css", "vendor/leaflet.markercluster.js", "vendor/MarkerCluster.css",
          "vendor/MarkerCluster.Default.css")
RDF_TYPE = PREFIXES["rdf"] + "type"
LABEL = PREFIXES["rdfs"] + "label"
PREF_LABEL = PREFIXES["skos"] + "prefLabel"
# The kinds of term the editor completes, by the type the ontology gives them.
TERM_KINDS = {
    PREFIXES["owl"] + "Class": "class", PREFIXES["owl"] + "ObjectProperty": "property",
    PREFIXES["owl"] + "DatatypeProperty": "property", PREFIXES["owl"] + "AnnotationProperty": "property",
    PREFIXES["rdf"] + "Property": "property", PREFIXES["skos"] + "Concept": "concept",
    PREFIXES["skos"] + "ConceptScheme": "scheme",
}
# Terms of other vocabularies the graph uses: the shapes' paths and classes name them.
SHAPE_TERMS = {PREFIXES["sh"] + "path": "property", PREFIXES["sh"] + "targetClass": "class",
               PREFIXES["sh"] + "class": "class"}

router = APIRouter()


@functools.cache
def vocabulary(bundle: Bundle) -> dict[str, Any]:
    """The prefixes and terms the editor completes: every term of the ontology with its
    English and Arabic label, and the other vocabularies' terms its shapes use."""
    terms: dict[str, dict[str, Any]] = {}
    labels: dict[str, dict[str, str]] = {}
    for _, triples in bundle.ontology_triples:
        for t in triples:
            s, p, o = t.subject, t.predicate.value, t.object
            if not isinstance(s, NamedNode):
                if p in SHAPE_TERMS and isinstance(o, NamedNode):
                    terms.setdefault(o.value, {"kind": SHAPE_TERMS[p]})
                continue
            if p == RDF_TYPE and isinstance(o, NamedNode) and o.value in TERM_KINDS:
                terms.setdefault(s.value, {})["kind"] = TERM_KINDS[o.value]
            elif p in (LABEL, PREF_LABEL) and isinstance(o, Literal) and o.language in ("en", "ar"):
                labels.setdefault(s.value, {}).setdefault(o.language, o.value)
            elif p in SHAPE_TERMS and isinstance(o, NamedNode):
                terms.setdefault(o.value, {"kind": SHAPE_TERMS[p]})
    found = []
    for iri, term in terms.items():
        short = curie(iri)
        if short != iri and "kind" in term:
            found.append({"curie": short, "kind": term["kind"], **labels.get(iri, {})})
    return {"prefixes": PREFIXES, "terms": sorted(found, key=lambda t: t["curie"])}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def query_page(request: Request, settings: SettingsDep, bundle: BundleDep, example: str | None = None,
               query: str | None = None) -> HTMLResponse:
    """The query page; ``?example=name`` fills the editor, ``?query=text`` fills it and runs it."""
    examples = bundle.examples
    chosen = next((e for e in examples if e.name == example), None)
    if example is not None and chosen is None:
        raise HttpError(404, f"example={example!r}: no such example query")
    run = query is not None
    if chosen is None and query is None and examples:
        chosen = examples[0]
    if query is None:
        query = chosen.query if chosen else DEFAULT_QUERY
    templates = Jinja2Templates(env=request.app.state.templates)
    return templates.TemplateResponse(request, "query.html", {
        "examples": examples,
        "chosen": chosen.name if chosen else "",
        "query": query,
        "run": run,
        "views": VIEWS,
        "endpoint": str(request.url_for("query_page")).rstrip("/") + "/sparql",
        "base_iri": settings.base_iri,
        "vocabulary": json.dumps(vocabulary(bundle), ensure_ascii=False).replace("</", "<\\/"),
        "assets": {name: str(request.url_for("static", path=name).path) for name in ASSETS},
        "boundaries": str(request.url_for("boundaries").path),
    })


@router.get("/query/boundaries.geojson", include_in_schema=False, name="boundaries")
def boundaries(bundle: BundleDep) -> FileResponse:
    """The governorates' outlines of the app's bundle, drawn under every map of the page."""
    if not bundle.boundaries_file.is_file():
        raise HttpError(404, "this bundle has no boundaries")
    return FileResponse(bundle.boundaries_file, media_type="application/geo+json")


DEFAULT_QUERY = """PREFIX ckg: <https://conflictkg.org/ontology#>

SELECT ?event ?kind WHERE { ?event a ckg:Event ; ckg:eventType ?kind } LIMIT 100
"""
