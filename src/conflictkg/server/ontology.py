"""The ontology's terms dereference here: ``/ontology`` and its concept schemes' IRIs.

The ``ckg:`` terms are fragments of one document, ``/ontology`` (``ckg:Event`` is
``https://conflictkg.org/ontology#Event``); SKOS concepts have IRIs of their own under
``/ontology/{scheme}/`` (``/ontology/value/killed``, ``/ontology/event-type/battle``), and
the SHACL shapes are fragments of ``/ontology/shapes``. These IRIs do not move with the
base under which data is minted, so the path is always read under
``https://conflictkg.org/``. One data function reads the terms from the store's ontology
graph; each answers as HTML (every term with its labels in English and Arabic, its comment
and its statements, linked), Turtle, JSON-LD or N-Triples, by Accept or suffix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from conflictkg.iris import Iris
from conflictkg.rdf.vocabulary import CKG
from conflictkg.server.api.graph import PREFIX, Description, describe, iri_term, literal_term, text, values_block
from conflictkg.server.api.shapes import labels
from conflictkg.server.deps import EngineDep, SettingsDep
from conflictkg.server.engine import QueryEngine
from conflictkg.server.errors import HttpError
from conflictkg.server.linked import ONTOLOGY_HOST, choose_format, curie, local_href, rdf_response, split_suffix

router = APIRouter(include_in_schema=False)
DOCUMENT = CKG.rstrip("#")  # https://conflictkg.org/ontology
# The terms of a document (its IRI and its fragments) or one concept, in the ontology graph.
TERMS = PREFIX + """
SELECT DISTINCT ?s WHERE {
  %s
  GRAPH ?g { ?s ?p ?o }
  FILTER(isIRI(?s) && (?s = IRI(?doc) || STRSTARTS(STR(?s), CONCAT(?doc, "#"))))
} ORDER BY ?s"""
# Those terms, with the blank nodes they lead to (lists, shapes' properties), three deep.
CONSTRUCT = PREFIX + """
CONSTRUCT { ?x ?p ?o } WHERE {
  %s
  GRAPH ?g {
    { ?s ?p ?o BIND(?s AS ?x) }
    UNION { ?s ?q1 ?x . FILTER(isBlank(?x)) ?x ?p ?o }
    UNION { ?s ?q1 ?y . FILTER(isBlank(?y)) ?y ?q2 ?x . FILTER(isBlank(?x)) ?x ?p ?o }
    UNION { ?s ?q1 ?y . FILTER(isBlank(?y)) ?y ?q2 ?z . FILTER(isBlank(?z))
            ?z ?q3 ?x . FILTER(isBlank(?x)) ?x ?p ?o }
  }
}"""
KIND_ORDER = ("owl:Ontology", "owl:Class", "owl:ObjectProperty", "owl:DatatypeProperty",
              "owl:AnnotationProperty", "skos:ConceptScheme", "skos:Concept", "sd:Function",
              "sh:NodeShape")


@dataclass
class Term:
    """One term as its page shows it."""

    iri: str
    anchor: str
    curie: str
    kinds: list[str]
    names: Any
    comments: dict[str, str]
    rows: list[dict[str, Any]]


async def terms_of(engine: QueryEngine, iris: Iris, document: str) -> list[Term]:
    """The terms of ``document`` in the ontology graph, in a stable order."""
    rows = await engine.select(TERMS % _bound(iris, document))
    described = await describe(engine, [text(r["s"]) for r in rows])
    found = [_term(iris, d, document) for d in described.values()]
    return sorted(found, key=lambda t: (_rank(t.kinds), t.anchor != "", t.curie))


def _bound(iris: Iris, document: str) -> str:
    """The document and the ontology graph as a VALUES row (terms written by pyoxigraph)."""
    return f"VALUES (?doc ?g) {{ ({literal_term(document)} {iri_term(iris.graph('ontology'))}) }}"


def _rank(kinds: list[str]) -> int:
    return min((KIND_ORDER.index(k) for k in kinds if k in KIND_ORDER), default=len(KIND_ORDER))


def _term(iris: Iris, d: Description, document: str) -> Term:
    anchor = d.iri[len(document) + 1:] if d.iri.startswith(document + "#") else ""
    rows = []
    for predicate in sorted(d.props, key=curie):
        if curie(predicate) in ("rdfs:label", "rdfs:comment", "skos:prefLabel", "skos:definition"):
            continue
        rows.append({"predicate": curie(predicate), "href": local_href(iris, predicate), "values": [
            {"text": t.text, "is_iri": t.is_iri, "lang": t.lang,
             "label": (t.labels.get("en") or t.labels.get("") or "") if t.is_iri else "",
             "curie": curie(t.text) if t.is_iri else "",
             "href": local_href(iris, t.text) if t.is_iri else ""}
            for t in d.props[predicate]]})
    names = d.labels() or d.labels("skos:prefLabel")
    comments = d.labels("rdfs:comment") or d.labels("skos:definition")
    return Term(d.iri, anchor, curie(d.iri), sorted(curie(t) for t in d.types()), labels(names),
                comments, rows)


def _document(path: str) -> tuple[str, str | None]:
    """The IRI a request path names, and the format a suffix asks for."""
    return split_suffix(ONTOLOGY_HOST + path.lstrip("/"))


async def _answer(request: Request, engine: QueryEngine, settings: Any) -> Response:
    iris = Iris(settings.base_iri)
    document, fmt = _document(request.url.path)
    found = await terms_of(engine, iris, document)
    if not found:
        raise HttpError(404, f"no term of the ontology is <{document}>")
    fmt = fmt or choose_format(request)
    if fmt != "html":
        bound = f"{values_block('s', [t.iri for t in found])} BIND({iri_term(iris.graph('ontology'))} AS ?g)"
        return await rdf_response(engine, CONSTRUCT % bound, fmt, accept=request.headers.get("accept"))
    own = next((t for t in found if t.iri == document), None)
    html = request.app.state.templates.get_template("ontology.html").render(
        document=document, own=own, terms=[t for t in found if t is not own],
        path=request.url.path.removesuffix(".html"), whole=document == DOCUMENT)
    return HTMLResponse(html, headers={"Vary": "Accept"})


@router.api_route("/ontology", methods=["GET", "HEAD"])
@router.api_route("/ontology.{suffix}", methods=["GET", "HEAD"])
async def ontology(request: Request, engine: EngineDep, settings: SettingsDep) -> Response:
    """The ontology document: every ``ckg:`` term, each at its fragment."""
    return await _answer(request, engine, settings)


@router.api_route("/ontology/{rest:path}", methods=["GET", "HEAD"])
async def concept(request: Request, rest: str, engine: EngineDep, settings: SettingsDep) -> Response:
    """A concept of a SKOS scheme (``/ontology/value/killed``), a scheme, or the shapes."""
    return await _answer(request, engine, settings)
