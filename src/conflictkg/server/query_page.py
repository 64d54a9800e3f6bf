"""The query page at ``/``: an editor, the example queries, results as a table and a map.

The page is plain HTML rendered here from the example queries of the app's reference
bundle (``queries/``, read by :mod:`conflictkg.reference.queries`); its script sends the
query to the SPARQL endpoint (``/sparql``) like any other client, so what a user sees is
what the protocol returns.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from conflictkg.server.deps import BundleDep, SettingsDep
from conflictkg.server.errors import HttpError

ASSETS = ("query.js", "query.css", "pages.css")

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def query_page(request: Request, settings: SettingsDep, bundle: BundleDep, example: str | None = None,
               query: str | None = None) -> HTMLResponse:
    """The query page; ``?example=name`` or ``?query=text`` fills the editor (``&run`` runs it)."""
    examples = bundle.examples
    chosen = next((e for e in examples if e.name == example), None)
    if example is not None and chosen is None:
        raise HttpError(404, f"example={example!r}: no such example query")
    if chosen is None and query is None and examples:
        chosen = examples[0]
    if query is None:
        query = chosen.query if chosen else DEFAULT_QUERY
    templates = Jinja2Templates(env=request.app.state.templates)
    return templates.TemplateResponse(request, "query.html", {
        "examples": examples,
        "chosen": chosen.name if chosen else "",
        "query": query,
        "endpoint": str(request.url_for("query_page")).rstrip("/") + "/sparql",
        "base_iri": settings.base_iri,
        "assets": {name: str(request.url_for("static", path=name).path) for name in ASSETS},
    })


DEFAULT_QUERY = """PREFIX ckg: <https://conflictkg.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?event ?kind WHERE { ?event a ?kind . ?kind rdfs:subClassOf* ckg:Event } LIMIT 100
"""
