"""SHACL validation of ConflictKG data against the bundle's ``ontology/shapes.ttl``.

The data is validated as the SPARQL endpoint serves it: the union of its graphs.
The ontology is mixed in, so class targets reach subclasses (a ckg:Battle is checked
as a ckg:Event) and concept checks can read skos:inScheme. The engine is pyshacl-turbo
(pySHACL's API on a compiled core: seconds, not minutes, for the whole gazetteer); it
works on rdflib graphs, which makes this the one module of the package that uses rdflib.

    report = validate(store)          # any iterable of pyoxigraph quads or triples
    report.conforms, report.violations
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import pyshacl_turbo
from pyoxigraph import Quad, RdfFormat, Triple, serialize
from rdflib import RDF, SH, ConjunctiveGraph, Graph
from rdflib.term import Node

from conflictkg.reference import Bundle, load_bundle


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node broke which shape, and how."""

    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str
    severity: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value is not None else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]
    triples: int  # size of the data graph validated, ontology excluded

    def __str__(self) -> str:
        if self.conforms:
            return f"conforms: {self.triples} triples, no violations"
        lines = [f"does not conform: {len(self.violations)} violations in {self.triples} triples"]
        lines.extend(str(v) for v in self.violations)
        return "\n".join(lines)


def validate(data: Iterable[Quad | Triple] | Graph, *, bundle: Bundle | None = None
             ) -> ValidationReport:
    """Validate the union of ``data``'s graphs.

    ``data``: pyoxigraph quads or triples (a Store, a Dataset, a list), or an rdflib
    Graph or Dataset.
    """
    graph = _union(data)
    size = len(graph)
    shapes, ontology = _reference_graphs(bundle if bundle is not None else load_bundle())
    graph += ontology  # all of it: pyshacl's ont_graph would bring in only the axioms
    conforms, results, _text = pyshacl_turbo.validate(
        graph, shacl_graph=shapes, inference="none", allow_warnings=False, advanced=False,
    )
    return ValidationReport(bool(conforms), _violations(results), size)


def _union(data: Iterable[Quad | Triple] | Graph) -> Graph:
    graph = Graph()
    if isinstance(data, ConjunctiveGraph):  # rdflib's Dataset too
        for s, p, o, _g in data.quads((None, None, None, None)):
            graph.add((s, p, o))
    elif isinstance(data, Graph):
        graph += data
    else:
        triples = (q.triple if isinstance(q, Quad) else q for q in data)
        graph.parse(data=serialize(triples, format=RdfFormat.N_TRIPLES) or b"", format="nt")
    return graph


@functools.lru_cache(maxsize=4)
def _reference_graphs(bundle: Bundle) -> tuple[Graph, Graph]:
    """The shapes graph and the ontology graph (every other file), read once per bundle."""
    shapes, ontology = Graph(), Graph()
    for path, triples in bundle.ontology_triples:
        (shapes if path == bundle.shapes_file else ontology).parse(
            data=serialize(triples, format=RdfFormat.N_TRIPLES) or b"", format="nt")
    if not len(shapes):
        raise FileNotFoundError(f"{bundle.shapes_file}: no shapes")
    return shapes, ontology


def _violations(results: Graph) -> tuple[Violation, ...]:
    def one(result: Node, predicate: Node) -> str | None:
        value = results.value(result, predicate)
        return None if value is None else str(value)

    found = [
        Violation(
            focus=one(r, SH.focusNode) or "", path=one(r, SH.resultPath),
            value=one(r, SH.value), message=one(r, SH.resultMessage) or "",
            shape=one(r, SH.sourceShape) or "",
            severity=(one(r, SH.resultSeverity) or "").rpartition("#")[2],
        )
        for r in results.subjects(RDF.type, SH.ValidationResult)
    ]
    return tuple(sorted(found, key=lambda v: (v.focus, v.path or "", v.message)))
