"""What a query or update would call: the server's one reading of it against Oxigraph's.

Oxigraph itself is the reference: each generated text is run on an in-memory store whose
SERVICE calls and LOAD fetches go to a loopback recorder, and the check must have seen
every call Oxigraph made, with the endpoint it named. Then the same kind of texts are
sent to the real server, with the worker sandbox on and off: refused, nothing reached.
"""

from __future__ import annotations

import http.server
import threading

import httpx
import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictkg.server import federation
from conflictkg.server.errors import HttpError

from .conftest import fresh_store


class Recorder:
    """An HTTP server on a loopback port that records each request's path and answers
    as a SPARQL endpoint with one empty solution (POST) or as an empty graph (GET)."""

    def __init__(self) -> None:
        paths = self.paths = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def answer(self) -> None:
                self.rfile.read(int(self.headers.get("content-length") or 0))
                paths.append(self.path)
                if self.command == "GET":
                    body, media_type = b"", "application/n-triples"
                else:
                    body = b'{"head":{"vars":[]},"results":{"bindings":[{}]}}'
                    media_type = "application/sparql-results+json"
                self.send_response(200)
                self.send_header("Content-Type", media_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def recorder():
    server = Recorder()
    yield server
    server.close()


# The recorder's port is not known when the strategies are built: "@" stands for it.
HOST = "http://127.0.0.1:@/"
NAMES = ("e", "x", "silent", "service", "load")


def _case(word: str) -> st.SearchStrategy[str]:
    return st.sampled_from([word.upper(), word.lower(), word.capitalize(), word[0] + word[1:].upper()])


space = st.sampled_from(["", " ", "  ", "\n", "\t", "#c\n", " #SERVICE <http://x/> {}\n ", "\r\n"])
gap = st.sampled_from([" ", "\n", "\t", "#c\n", " #LOAD <x>\n"])
prefix_name = st.sampled_from(["", "p", "service", "silent", "load", "serviceA", "s2", "Pservice"])
escaped_host = st.sampled_from([HOST, "\\u0068ttp://127.0.0.1:@/", "http:\\u002F/127.0.0.1:@/"])
local = st.sampled_from(NAMES)


@st.composite
def prologue(draw) -> tuple[str, dict[str, str]]:
    parts, names = [], {}
    if draw(st.booleans()):
        parts.append(f"{draw(_case('base'))}{draw(space)}<{draw(escaped_host)}>")
        names["<base>"] = HOST
    for _ in range(draw(st.integers(0, 3))):
        name = draw(prefix_name)
        target = draw(st.sampled_from(["", "n/", "service/"]))
        parts.append(f"{draw(_case('prefix'))}{draw(gap)}{name}:{draw(space)}<{draw(escaped_host)}{target}>")
        names[name] = target
    return draw(space).join(parts) + draw(gap), names


@st.composite
def endpoint(draw, names: dict[str, str]) -> str:
    kinds = ["iri", "escaped", "var"]
    if "<base>" in names:
        kinds.append("relative")
    if any(n != "<base>" for n in names):
        kinds += ["pname", "pname"]
    kind = draw(st.sampled_from(kinds))
    name = draw(local)
    if kind == "iri":
        return f"<{HOST}{name}>"
    if kind == "escaped":
        return f"<{draw(escaped_host)}{name}>"
    if kind == "relative":
        return f"<{draw(st.sampled_from(['', './', 'a/../', 'n/']))}{name}>"
    if kind == "var":
        return draw(st.sampled_from(["?e", "$e"]))
    prefix = draw(st.sampled_from([n for n in names if n != "<base>"]))
    suffix = draw(st.sampled_from(["", "\\-x", ".y"]))
    return f"{prefix}:{name}{suffix}"


# Before a clause: mostly what a query holds there, sometimes what makes Oxigraph read a
# keyword inside a word or a number ("0SERVICE", "trueSERVICE").
_usual = st.sampled_from(["", "?s ?p ?o .", "?s ?p 0", "?s ?p 'SERVICE <x> {}'", '?s ?p """a""" ',
                     "OPTIONAL {} ", "FILTER(1)", "BIND(<" + HOST + "e> AS ?e)", "?s <urn:SERVICE> ?o .",
                     "?s ?p 'a\\'b' .", "{} UNION ", "?s ?p ?o"])
_odd = st.sampled_from(["0", "1.5", "true", "?s ?p ?o ;", "?s ?p 1.5", "?s ?p true"])
before = st.integers(0, 7).flatmap(lambda n: _odd if n == 0 else _usual)


@st.composite
def service_clause(draw, names: dict[str, str]) -> str:
    keyword = draw(_case("service"))
    if draw(st.integers(0, 9)) == 0:
        keyword = draw(st.sampled_from(["\\u0053ERVICE", "SERV\\u0049CE", "SERVICE\\u0020"]))
    silent = draw(st.sampled_from(["", " SILENT", "SILENT", " silent ", "#x\nSILENT"]))
    inner = draw(st.sampled_from(["", "?a ?b ?c", "{}", "?a ?b '}'", "SERVICE <" + HOST + "in> {}"]))
    return (f"{draw(before)}{draw(space)}{keyword}{silent}{draw(space)}{draw(endpoint(names))}"
            f"{draw(space)}{{{inner}}}")


@st.composite
def queries(draw) -> tuple[str, str]:
    head, names = draw(prologue())
    clauses = draw(st.lists(service_clause(names), min_size=1, max_size=3))
    form = draw(st.sampled_from(["SELECT * WHERE", "SELECT*", "ASK", "SELECT ?e", "CONSTRUCT WHERE"]))
    body = draw(space).join(clauses)
    if draw(st.booleans()):
        body = f"OPTIONAL {{ {body} }}"
    return "query", f"{head}{form}{draw(space)}{{{draw(space)}{body}{draw(space)}}}"


@st.composite
def load_operation(draw, names: dict[str, str]) -> str:
    keyword = draw(_case("load"))
    silent = draw(st.sampled_from(["", " SILENT", "SILENT", " silent"]))
    source = draw(endpoint(names)).replace("?e", "<e>").replace("$e", "<e>")
    into = draw(st.sampled_from(["", " INTO GRAPH <urn:g>", "INTO GRAPH<urn:g>"]))
    return f"{keyword}{silent}{draw(space)}{source}{into}"


@st.composite
def updates(draw) -> tuple[str, str]:
    head, names = draw(prologue())
    operations = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["load", "load", "insert", "where", "data"]))
        if kind == "load":
            operations.append(draw(load_operation(names)))
        elif kind == "data":
            operations.append("INSERT DATA { <urn:a> <urn:b> 'LOAD <x>' }")
        else:
            clause = draw(service_clause(names)) if kind == "where" else "?s ?p ?o"
            operations.append(f"INSERT {{ <urn:a> <urn:b> 1 }} WHERE {{ {clause} }}")
    return "update", head + draw(st.sampled_from([";", " ;", ";\n", " ; "])).join(operations)


S, P = pyoxigraph.NamedNode("urn:s"), pyoxigraph.NamedNode("urn:p")
DATA = [pyoxigraph.Quad(S, P, pyoxigraph.Literal(value)) for value in ("SERVICE <x> {}", "a", "a'b")] + [
    pyoxigraph.Quad(S, P, pyoxigraph.Literal("0", datatype=pyoxigraph.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer"))),
    pyoxigraph.Quad(S, pyoxigraph.NamedNode("urn:SERVICE"), S)]


def oxigraph_calls(recorder: Recorder, kind: str, text: str) -> list[str] | None:
    """The paths Oxigraph requested running ``text`` (None: it did not run it)."""
    recorder.paths.clear()
    store = pyoxigraph.Store()
    store.extend(DATA)  # what the patterns before a clause match, so that Oxigraph evaluates it
    try:
        if kind == "query":
            result = store.query(text)
            if not isinstance(result, pyoxigraph.QueryBoolean):
                list(result)
        else:
            store.update(text)
    except (SyntaxError, OSError, RuntimeError, ValueError):
        if not recorder.paths:
            return None
    return list(recorder.paths)


def allowed_everywhere(port: int) -> tuple[str, ...]:
    base = HOST.replace("@", str(port))
    return tuple(f"{base}{folder}{name}" for folder in ("", "n/", "service/") for name in NAMES)


@settings(max_examples=10_000, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.function_scoped_fixture])
@given(st.one_of(queries(), updates()))
def test_every_call_oxigraph_would_make_is_seen_with_its_endpoint(recorder, case):
    kind, template = case
    text = template.replace("@", str(recorder.port))
    update = kind == "update"
    calls = oxigraph_calls(recorder, kind, text)
    base = recorder.url.rstrip("/")
    # With nothing allowed, any text that made Oxigraph call out is refused.
    try:
        federation.plan(text, federation.Limits(), update=update)
    except HttpError as exc:
        assert exc.status == 400
    else:
        assert not calls, f"{text!r} called {calls} and was not refused"
    # With the recorder's endpoints allowed, what Oxigraph called is what the check found,
    # and the text with those clauses evaluated (one empty solution each) calls nothing.
    try:
        plan = federation.plan(text, federation.Limits(allowlist=allowed_everywhere(recorder.port)),
                               update=update)
    except HttpError:
        return
    found = {clause.endpoint for clause in plan.clauses}
    assert {base + path for path in calls or ()} <= found, text
    evaluated = text
    for clause in reversed(plan.clauses):
        evaluated = evaluated[:clause.start] + "{}" + evaluated[clause.end:]
    try:
        federation.recheck(evaluated, federation.Limits(), base_iri=None, update=update)
    except HttpError:
        return
    assert not oxigraph_calls(recorder, kind, evaluated), (text, evaluated)


# Texts that make Oxigraph call the endpoint "{url}" (checked against Oxigraph first).
BYPASSES = [
    ("query", "PREFIX : <{url}> SELECT * WHERE {{ SERVICE:x {{ }} }}"),
    ("query", "SELECT * WHERE {{ ?s ?p 0SERVICE <{url}> {{ }} }}"),
    ("query", "PREFIX silent: <{url}> SELECT * WHERE {{ SERVICE silent:x {{ }} }}"),
    ("query", "SELECT * WHERE {{ SERVICESILENT<{url}>{{ }} }}"),
    ("query", "SELECT * WHERE {{ SERVICE#c\n<{url}>{{ }} }}"),
    ("query", "SELECT * WHERE {{ SERVICE <\\u0068ttp{rest}> {{ }} }}"),
    ("query", "BASE <{url}> SELECT * WHERE {{ SERVICE <./> {{ }} }}"),
    ("query", "SELECT * WHERE {{ OPTIONAL {{ service <{url}> {{ ?s ?p ?o }} }} }}"),
    ("update", "PREFIX : <{url}> LOAD:x"),
    ("update", "LOAD <{url}>"),
    ("update", "LOAD SILENT <{url}> INTO GRAPH <urn:g>"),
    ("update", "INSERT DATA {{ <urn:a> <urn:b> 'LOAD' }} ; LOAD<{url}>"),
    ("update", "PREFIX : <{url}> INSERT {{ <urn:a> <urn:b> 1 }} WHERE {{ SERVICE:x {{ }} }}"),
]


# Refused too, though Oxigraph 0.5 would not call out (it evaluates a variable endpoint unbound).
ALSO_REFUSED = [
    ("query", "SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ }} }}"),
    ("query", "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ }} }}"),
    ("query", "SELECT * WHERE {{ trueSERVICE<{url}>{{ }} }}"),
]


@pytest.mark.parametrize("kind,template", BYPASSES)
def test_oxigraph_would_call_each_bypass(recorder, kind, template):
    text = template.format(url=recorder.url, rest=recorder.url[4:])
    assert oxigraph_calls(recorder, kind, text)


@pytest.mark.parametrize("sandbox", [True, False], ids=["sandbox", "no-sandbox"])
def test_no_bypass_reaches_a_listener(live, sample_store, tmp_path, recorder, sandbox):
    """Refused with a 4xx and nothing received, with the worker sandbox and without it
    (as where the system refuses it): the check alone holds."""
    store = fresh_store(tmp_path, sample_store)
    recorder.paths.clear()
    with live(store=store, open_updates=True, worker_sandbox=sandbox) as server, \
            server.client() as client:
        for kind, template in BYPASSES + ALSO_REFUSED:
            text = template.format(url=recorder.url, rest=recorder.url[4:])
            response = (client.get("/sparql", params={"query": text}) if kind == "query"
                        else client.post("/sparql", data={"update": text}))
            assert 400 <= response.status_code < 500, (text, response.status_code, response.text)
        health = client.get("/health")
    assert health.status_code == 200
    assert recorder.paths == []


def test_a_worker_without_network_refuses_a_call_that_got_past(recorder, tmp_path):
    """Were a call ever to get past the check, the sandboxed worker could not make it."""
    import subprocess
    import sys
    import textwrap
    script = textwrap.dedent("""
        import sys, pyoxigraph
        from conflictkg.server import sandbox
        if sandbox.isolate() == "none":
            sys.exit(3)
        try:
            list(pyoxigraph.Store().query(f"SELECT * WHERE {{ SERVICE <{sys.argv[1]}> {{ }} }}"))
        except OSError:
            sys.exit(0)
        sys.exit(1)
    """)
    recorder.paths.clear()
    code = subprocess.run([sys.executable, "-c", script, recorder.url + "worker"], timeout=60).returncode
    if code == 3:
        pytest.skip("this system allows neither a seccomp filter nor a network namespace")
    assert code == 0 and recorder.paths == []


def test_the_recorder_answers(recorder):
    assert httpx.post(recorder.url + "ping", content=b"").status_code == 200
    assert recorder.paths[-1] == "/ping"
