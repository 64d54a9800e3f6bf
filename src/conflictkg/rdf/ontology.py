"""The ontology and its SKOS schemes, as the quads of the graph ``{base}graph/ontology``.

They are the Turtle files of the bundle's ``ontology/`` folder, loaded as they are:
the ontology's own IRIs do not depend on the base under which data is minted.
"""

from __future__ import annotations

from pyoxigraph import NamedNode, Quad

from conflictkg.iris import Iris
from conflictkg.reference import Bundle, load_bundle


def ontology_quads(iris: Iris, bundle: Bundle | None = None) -> list[Quad]:
    """Every triple of the ontology files, in the ontology graph; SyntaxError names the file."""
    bundle = bundle if bundle is not None else load_bundle()
    graph = NamedNode(iris.graph("ontology"))
    return [Quad(t.subject, t.predicate, t.object, graph)
            for _, triples in bundle.ontology_triples for t in triples]
