"""Every example query in queries/ runs on the sample corpus and gives the answers its header expects.

The corpus is ingested by the real pipeline (``ingest_paths``, what ``conflictkg
ingest`` runs). Header lines a query may carry, each one test case:

    # Expect: rows >= 2                         at least (or ==, <=) that many solutions
    # Expect: row ?var=value ?other="a b"       some solution has all these values
    # Expect: no-row ?var=value                 no solution has all these values
    # Expect: boolean true                      the answer of an ASK query

A value matches a literal's lexical form, or an IRI whole or by its last segment
(``PreferredRank`` matches ``wikibase:PreferredRank``). Facts the extractor does
not yet produce are listed in EXTRACTION_GAPS and expected to fail until it does.
Each query also runs on tests/data/sample-graph.trig and linking-graph.trig, the graph
model written out by hand for the same documents and for incidents of a few documents of
tests/linking/corpus, and must find something there. ``# Expect on the linking corpus:``
lines are checked on that corpus by tests/linking/test_queries.py.
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
from pyoxigraph import Literal, NamedNode, QueryBoolean, QueryTriples, RdfFormat, Store

from conflictkg.config import Settings
from conflictkg.functions import CUSTOM_FUNCTIONS
from conflictkg.ingest import ingest_paths
from conflictkg.reference import load_bundle, sample_corpus
from conflictkg.reference.queries import Example, ExampleError, parse_example
from conflictkg.store import open_snapshot

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sample_corpus()
EXAMPLES = load_bundle().examples
WIKIDATA = "https://query.wikidata.org/sparql"
OXIGRAPH = shutil.which("oxigraph") or str(ROOT / ".venv/bin/oxigraph")
_CONDITION = re.compile(r"\?(\w+)=(.*)")

# (example, Expect line) -> what the extraction of the sample corpus still lacks.
EXTRACTION_GAPS: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Store:
    """The sample corpus, ingested by the real pipeline into an on-disk store."""
    settings = Settings(store=tmp_path_factory.mktemp("corpus") / "store")
    report = ingest_paths([CORPUS], settings, metadata=CORPUS / "manifest.jsonl")
    assert report.ok, [str(failure) for failure in report.failed]
    return open_snapshot(settings.store)[1]


@pytest.fixture(scope="session")
def model_store() -> Store:
    """The graph model by hand: the sample corpus, and incidents of a few linking documents."""
    store = Store()
    for name in ("sample-graph.trig", "linking-graph.trig"):
        store.load(path=str(ROOT / "tests/data" / name), format=RdfFormat.TRIG)
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


def answer(result) -> bool | tuple[list[str], list[dict]]:
    """An ASK's boolean, a SELECT's variables and solutions, or a CONSTRUCT's triples as
    solutions of ?subject ?predicate ?object, read on this thread."""
    if isinstance(result, QueryBoolean):
        return bool(result)
    if isinstance(result, QueryTriples):
        names = ["subject", "predicate", "object"]
        return names, [dict(zip(names, (t.subject, t.predicate, t.object), strict=True)) for t in result]
    variables = [v.value for v in result.variables]
    return variables, [{name: row[name] for name in variables} for row in result]


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


def check_line(name: str, got, spec: str) -> None:
    """Assert one Expect line against an answer."""
    kind, _, rest = spec.partition(" ")
    if kind == "boolean":
        assert isinstance(got, bool), f"{name}: not an ASK query"
        assert str(got).lower() == rest, f"{name}: ASK gave {got}"
        return
    variables, rows = got
    if kind == "rows":
        op, number = rest.split()
        ok = {">=": len(rows) >= int(number), "==": len(rows) == int(number),
              "<=": len(rows) <= int(number)}[op]
        assert ok, f"{name}: {len(rows)} rows, expected {rest}"
        return
    wanted = conditions(rest)
    unknown = set(wanted) - set(variables)
    assert not unknown, f"{name}: Expect names {unknown}, not among {variables}"
    hit = any(all(matches(row[k], v) for k, v in wanted.items()) for row in rows)
    if kind == "row":
        assert hit, f"{name}: no row with {wanted}; rows: {rows}"
    elif kind == "no-row":
        assert not hit, f"{name}: a row has {wanted}"
    else:
        raise AssertionError(f"{name}: unknown Expect line {spec!r}")


def _cases(federated: bool) -> list:
    cases = []
    for example in EXAMPLES:
        if ("SERVICE" in example.query) != federated:
            continue
        for spec in example.expect:
            gap = EXTRACTION_GAPS.get((example.name, spec))
            marks = [pytest.mark.xfail(reason=f"extraction gap: {gap}", strict=False)] if gap else []
            cases.append(pytest.param(example, spec, id=f"{example.name}: {spec}", marks=marks))
    return cases


@pytest.fixture(scope="session")
def corpus_answers(corpus_store) -> dict[str, object]:
    return {e.name: answer(run(corpus_store, e.query)) for e in EXAMPLES if "SERVICE" not in e.query}


def test_there_are_enough_examples():
    assert len(EXAMPLES) >= 15
    assert all(e.expect for e in EXAMPLES), [e.name for e in EXAMPLES if not e.expect]
    assert not {name for name, _ in EXTRACTION_GAPS} - {e.name for e in EXAMPLES}


@pytest.mark.parametrize(("example", "spec"), _cases(federated=False))
def test_example_answers_on_the_ingested_corpus(example: Example, spec: str, corpus_answers):
    check_line(example.name, corpus_answers[example.name], spec)


@pytest.mark.parametrize("example", [e for e in EXAMPLES if "SERVICE" not in e.query],
                         ids=lambda e: e.name)
def test_example_finds_something_in_the_graph_model(example: Example, model_store):
    """The query fits the graph model, including where extraction still falls short."""
    got = answer(run(model_store, example.query))
    assert got is True or (got is not False and got[1]), f"{example.name}: nothing found"


@pytest.mark.slow
@pytest.mark.parametrize(("example", "spec"), _cases(federated=True))
def test_federated_example_against_a_second_endpoint(example: Example, spec: str, corpus_store,
                                                     wikidata_endpoint):
    assert f"<{WIKIDATA}>" in example.query, "federated examples name Wikidata's endpoint"
    got = answer(run(corpus_store, example.query.replace(WIKIDATA, wikidata_endpoint)))
    check_line(example.name, got, spec)


def test_check_catches_a_wrong_expectation(model_store):
    """The checker itself can fail: a false expectation is reported."""
    got = answer(run(model_store, "PREFIX ckg: <https://conflictkg.org/ontology#>\n"
                                  "SELECT ?count WHERE { ?c ckg:count ?count }"))
    with pytest.raises(AssertionError, match="no row"):
        check_line("wrong", got, "row ?count=63")
    with pytest.raises(AssertionError, match="a row has"):
        check_line("wrong", got, "no-row ?count=62")


def test_readme_lists_every_example():
    readme = (load_bundle().queries / "README.md").read_text(encoding="utf-8")
    missing = [e.name for e in EXAMPLES if f"`{e.name}.rq`" not in readme]
    assert not missing, f"queries/README.md does not list {missing}"


def test_example_without_its_arabic_question_is_refused(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("# Question: Which battles?\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(ExampleError, match=r"bad\.rq.*السؤال"):
        parse_example(path)


def test_example_query_drops_the_header_but_keeps_its_view_and_prefixes():
    example = next(e for e in EXAMPLES if e.name == "denied-claims")
    assert example.query.startswith("#defaultView:Table\nPREFIX ckg:")
    assert "Expect" not in example.query and example.notes
    assert not [n for n in example.notes if "defaultView" in n]


def test_every_example_names_a_view_that_exists(tmp_path):
    assert {e.view for e in EXAMPLES} == {"Table", "Map", "Timeline", "BarChart", "LineChart", "Graph"}
    path = tmp_path / "bad.rq"
    path.write_text("# Question: q\n# السؤال: س\n#defaultView:Pie\nASK {}\n", encoding="utf-8")
    with pytest.raises(ExampleError, match="Pie"):
        parse_example(path)
