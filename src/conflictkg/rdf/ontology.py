"""The ontology and its SKOS schemes, as the quads of the graph ``{base}graph/ontology``.

They are Turtle files in the repository's ``ontology/`` folder, loaded as they are:
the ontology's own IRIs do not depend on the base under which data is minted.
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, parse

from conflictkg.iris import Iris

ONTOLOGY_DIR = Path(__file__).resolve().parents[3] / "ontology"


def ontology_files(directory: Path = ONTOLOGY_DIR) -> list[Path]:
    """The Turtle files of the ontology folder, in name order."""
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise FileNotFoundError(f"{directory}: no ontology files (*.ttl)")
    return files


def ontology_quads(iris: Iris, directory: Path = ONTOLOGY_DIR) -> list[Quad]:
    """Every triple of the ontology files, in the ontology graph; SyntaxError names the file."""
    graph = NamedNode(iris.graph("ontology"))
    quads: list[Quad] = []
    for path in ontology_files(directory):
        try:
            triples = list(parse(path=path, format=RdfFormat.TURTLE, rename_blank_nodes=True))
        except SyntaxError as exc:
            raise SyntaxError(f"{path}: {exc}") from None
        quads.extend(Quad(t.subject, t.predicate, t.object, graph) for t in triples)
    return quads
