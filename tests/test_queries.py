"""Every example query in queries/ runs on the sample corpus and gives the answers its header expects.

Header lines a query may carry (one check each):

    # Expect: rows >= 2                         at least (or ==, <=) that many solutions
    # Expect: row ?var=value ?other="a b"       some solution has all these values
    # Expect: no-row ?var=value                 no solution has all these values
    # Expect: boolean true                      the answer of an ASK query

A value matches a literal's lexical form, or an IRI whole or by its last segment
(``PreferredRank`` matches ``wikibase:PreferredRank``).
"""

from __future__ import annotations

import re
import shlex
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, QueryBoolean, RdfFormat, Store

from conflictkg.functions import CUSTOM_FUNCTIONS
from conflictkg.server.query_page import (
    DEFAULT_QUERIES,
    Example,
    ExampleError,
    load_examples,
    parse_example,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = load_examples(DEFAULT_QUERIES)
WIKIDATA = "https://query.wikidata.org/sparql"
OXIGRAPH = shutil.which("oxigraph") or str(Path(__file__).resolve().parents[1] / ".venv/bin/oxigraph")
_CONDITION = re.compile(r"\?(\w+)=(.*)")


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Store:
    """The sample corpus's graph."""
    store = Store()
    store.load(path=str(ROOT / "tests/data/sample-graph.trig"), format=RdfFormat.TRIG)
    return store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wikidata_labels(store: Store) -> str:
    """N-Triples labels for the Wikidata items our places are owl:sameAs, named as our places are."""
    rows = store.query("""
        SELECT DISTINCT ?item ?label WHERE {
          ?place <http://www.w3.org/2002/07/owl#sameAs> ?item ;
                 <http://www.w3.org/2000/01/rdf-schema#label> ?label .
          FILTER(STRSTARTS(STR(?item), "http://www.wikidata.org/entity/"))
        }""", use_default_graph_as_union=True)
    return "".join(f"{row['item']} <http://www.w3.org/2000/01/rdf-schema#label> {row['label']} .\n"
                   for row in rows)


@pytest.fixture(scope="session")
def wikidata_endpoint(corpus_store, tmp_path_factory):
    """A second SPARQL endpoint (Oxigraph server) standing in for Wikidata's."""
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed")
    folder = tmp_path_factory.mktemp("wikidata")
    data = folder / "labels.nt"
    data.write_text(_wikidata_labels(corpus_store), encoding="utf-8")
    subprocess.run([OXIGRAPH, "load", "--location", str(folder / "db"), "--file", str(data)],
                   check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen([OXIGRAPH, "serve-read-only", "--location", str(folder / "db"),
                               "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        server.terminate()
        server.wait(timeout=10)


def run(store: Store, text: str):
    return store.query(text, use_default_graph_as_union=True, custom_functions=CUSTOM_FUNCTIONS)


def matches(term: object, expected: str) -> bool:
    if isinstance(term, NamedNode):
        return term.value == expected or re.split(r"[/#]", term.value)[-1] == expected
    if isinstance(term, Literal):
        return term.value == expected
    return False


def conditions(spec: str) -> dict[str, str]:
    found = {}
    for part in shlex.split(spec):
        match = _CONDITION.fullmatch(part)
        if not match:
            raise ValueError(f"bad Expect condition {part!r} (use ?var=value)")
        found[match.group(1)] = match.group(2)
    return found


def check(example: Example, result) -> None:
    if isinstance(result, QueryBoolean):
        (spec,) = example.expect
        assert spec == f"boolean {str(bool(result)).lower()}", f"{example.name}: ASK gave {result}"
        return
    variables = [v.value for v in result.variables]
    rows = [{name: row[name] for name in variables} for row in result]
    for spec in example.expect:
        kind, _, rest = spec.partition(" ")
        if kind == "rows":
            op, number = rest.split()
            ok = {">=": len(rows) >= int(number), "==": len(rows) == int(number),
                  "<=": len(rows) <= int(number)}[op]
            assert ok, f"{example.name}: {len(rows)} rows, expected {rest}"
            continue
        wanted = conditions(rest)
        unknown = set(wanted) - set(variables)
        assert not unknown, f"{example.name}: Expect names {unknown}, not among {variables}"
        hit = any(all(matches(row[k], v) for k, v in wanted.items()) for row in rows)
        if kind == "row":
            assert hit, f"{example.name}: no row with {wanted}; rows: {rows}"
        elif kind == "no-row":
            assert not hit, f"{example.name}: a row has {wanted}"
        else:
            raise AssertionError(f"{example.name}: unknown Expect line {spec!r}")


def test_there_are_enough_examples():
    assert len(EXAMPLES) >= 15
    assert all(e.expect for e in EXAMPLES), [e.name for e in EXAMPLES if not e.expect]


@pytest.mark.parametrize("example", [e for e in EXAMPLES if "SERVICE" not in e.query],
                         ids=lambda e: e.name)
def test_example_gives_expected_answers(example: Example, corpus_store):
    check(example, run(corpus_store, example.query))


@pytest.mark.slow
@pytest.mark.parametrize("example", [e for e in EXAMPLES if "SERVICE" in e.query],
                         ids=lambda e: e.name)
def test_federated_example_against_a_second_endpoint(example: Example, corpus_store,
                                                     wikidata_endpoint):
    assert f"<{WIKIDATA}>" in example.query, "federated examples name Wikidata's endpoint"
    check(example, run(corpus_store, example.query.replace(WIKIDATA, wikidata_endpoint)))


def test_check_catches_a_wrong_expectation(corpus_store):
    """The checker itself can fail: a false expectation is reported."""
    example = Example("wrong", "q", "س", "", expect=("row ?count=63",))
    with pytest.raises(AssertionError, match="no row"):
        check(example, run(corpus_store, "PREFIX ckg: <https://conflictkg.org/ontology#>\n"
                                         "SELECT ?count WHERE { ?c ckg:count ?count }"))


def test_readme_lists_every_example():
    readme = (DEFAULT_QUERIES / "README.md").read_text(encoding="utf-8")
    missing = [e.name for e in EXAMPLES if f"`{e.name}.rq`" not in readme]
    assert not missing, f"queries/README.md does not list {missing}"


def test_example_without_its_arabic_question_is_refused(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("# Question: Which battles?\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(ExampleError, match=r"bad\.rq.*السؤال"):
        parse_example(path)


def test_example_query_drops_the_header_but_keeps_the_prefixes():
    example = next(e for e in EXAMPLES if e.name == "denied-claims")
    assert example.query.startswith("PREFIX ckg:")
    assert "Expect" not in example.query and example.notes
