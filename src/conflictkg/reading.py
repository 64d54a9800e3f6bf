"""Reading the store outside the server: one query, a dump, the graph for validation."""

from __future__ import annotations

import gzip
from pathlib import Path

from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat

from conflictkg.backend import open_reader, require
from conflictkg.config import Settings

RESULT_FORMATS = {"json": QueryResultsFormat.JSON, "csv": QueryResultsFormat.CSV,
                  "tsv": QueryResultsFormat.TSV, "xml": QueryResultsFormat.XML}
GRAPH_FORMATS = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES,
                 "nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG}


def _settings(store: Settings | Path) -> Settings:
    return store if isinstance(store, Settings) else Settings(store=store)


def run_query(settings: Settings | Path, sparql: str, *, format: str = "tsv") -> bytes:
    """Evaluate a query over the newest snapshot, or the SPARQL server (default graph =
    union of all graphs)."""
    _, store = open_reader(require(_settings(settings)))
    result = store.query(sparql, use_default_graph_as_union=True)
    if isinstance(result, QuerySolutions | QueryBoolean):
        if format not in RESULT_FORMATS:
            raise ValueError(f"--format: {format!r} is not one of {', '.join(RESULT_FORMATS)}")
        return result.serialize(format=RESULT_FORMATS[format]) or b""
    graph_format = GRAPH_FORMATS.get(format, RdfFormat.N_TRIPLES)
    return result.serialize(format=graph_format) or b""


def dump_nquads(settings: Settings | Path, output: Path) -> int:
    """Write every quad as N-Quads (gzip when the name ends in .gz); returns the count."""
    _, store = open_reader(require(_settings(settings)))
    opener = gzip.open if output.suffix == ".gz" else open
    count = 0
    with opener(output, "wb") as sink:
        for quad in store:
            sink.write(f"{quad.subject} {quad.predicate} {quad.object} {quad.graph_name} .\n".encode())
            count += 1
    return count
