"""SERVICE: federated queries to an allowlist of endpoints, and to nothing else.

Oxigraph would itself call any SERVICE endpoint a query names, and fetch any URL an
update LOADs, which would let any client make the server send requests anywhere
(including to the local network). So before Oxigraph sees a request, its text is read
once (:mod:`conflictkg.sparqltext`, in a thread: it is linear in the text, but
the text may be large), bounded in size and depth, and everything it would call is found
(:mod:`conflictkg.server.sparqlcalls`):

* a LOAD refuses the update with a 400 (send the data to ``/store``);
* a SERVICE clause whose endpoint is not on the allowlist (``allow_service``), or is a
  variable, refuses the whole request with a 400 and no request is made; so do more
  than ``max_service_calls`` clauses;
* an allowed clause is evaluated here: its pattern is sent to the endpoint as
  ``SELECT * WHERE { pattern }`` (with the query's base and prefixes), within
  ``service_timeout``, and the solutions replace the clause as a ``VALUES`` block.
  That is SPARQL's own meaning of SERVICE (the pattern is evaluated on its own, then
  joined). ``SERVICE SILENT`` turns a failure into one empty solution, as the spec says.

The text Oxigraph then gets is read again and must name no call at all. The query
workers, which run it, also have no network (see :mod:`conflictkg.server.sandbox`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import httpx
from pyoxigraph import NamedNode

from conflictkg import sparqltext
from conflictkg.server import cost, sparqlcalls
from conflictkg.server.errors import HttpError
from conflictkg.server.sparqlcalls import ServiceClause
from conflictkg.sparqltext import SparqlTextError

RESULTS_JSON = "application/sparql-results+json"
_LANG = re.compile(r"[A-Za-z]+(-[A-Za-z0-9]+)*")
UNBOUNDED = 1 << 62


def refused(reason: str) -> HttpError:
    """The request names a call this endpoint may not make: nothing is sent anywhere."""
    return HttpError(400, reason, code="service_refused")


def failed(clause: ServiceClause, reason: str) -> HttpError:
    """An allowed SERVICE endpoint failed and the clause was not SILENT."""
    return HttpError(502, f"SERVICE <{clause.endpoint}> {reason}", code="service_failed")


@dataclass(frozen=True)
class Limits:
    """What a request's text may be and call (from the settings)."""

    allowlist: tuple[str, ...] = ()
    max_length: int = UNBOUNDED
    max_depth: int = 1000
    max_calls: int = 16


@dataclass(frozen=True)
class Plan:
    """A request's text, read and allowed: its SERVICE clauses to evaluate here, if any."""

    text: str
    clauses: list[ServiceClause]
    prologue: str
    estimate: cost.Estimate | None = None  # a query's (not an update's) guessed cost


def plan(text: str, limits: Limits, *, base_iri: str | None = None, update: bool = False) -> Plan:
    """Read ``text`` once, bounds first, and refuse it (HttpError 400) when it is too large
    or too deep, or would call anything but allowlisted endpoints, at most ``max_calls``."""
    try:
        reading = sparqltext.read(text, max_length=limits.max_length, max_depth=limits.max_depth,
                                  base_iri=base_iri)
    except SparqlTextError as exc:
        raise HttpError(400, str(exc), code="too_complex") from None
    lowered = text.lower()
    if reading.bad and ("service" in lowered or (update and "load" in lowered)):
        raise refused(f"cannot check what this request calls: {reading.bad}")
    if update and sparqlcalls.loads(reading):
        raise refused("LOAD is not allowed here (it would fetch from the network); "
                      "send the data with the Graph Store Protocol at /store")
    try:
        clauses = sparqlcalls.service_clauses(reading, limit=limits.max_calls)
    except SparqlTextError as exc:
        raise refused(f"cannot check the SERVICE clauses of this request: {exc}") from None
    for clause in clauses:
        if clause.endpoint.startswith(("?", "$")):
            raise refused(f"SERVICE {clause.endpoint}: a variable endpoint is not allowed here")
        if clause.endpoint not in limits.allowlist:
            raise refused(f"SERVICE <{clause.endpoint}> is not allowed by this endpoint "
                          "(its allowlist is set with --allow-service)")
    return Plan(text, clauses, _prologue(reading) if clauses else "",
                None if update else cost.estimate(reading))


def _prologue(reading: sparqltext.Reading) -> str:
    """The base and prefixes a clause's pattern is read with, to send along with it."""
    lines = []
    for keyword, iri in [("BASE", reading.base), *((f"PREFIX {name}:", iri)
                                                   for name, iri in reading.prefixes.items())]:
        try:
            lines.append(f"{keyword} {NamedNode(iri or '')}")
        except ValueError:
            continue
    return "\n".join(lines)


def recheck(text: str, limits: Limits, *, base_iri: str | None, update: bool) -> None:
    """The text with every clause evaluated must call nothing (a 400 if it would)."""
    plan(text, Limits(max_depth=limits.max_depth, max_calls=0), base_iri=base_iri, update=update)


async def evaluate(plan: Plan, *, timeout: float, max_bytes: int) -> str:
    """The request with every SERVICE clause evaluated and inlined as a VALUES block."""
    text = plan.text
    async with httpx.AsyncClient(timeout=timeout, follow_redirects=False) as client:
        blocks = [await _evaluate(client, clause, plan.prologue, max_bytes) for clause in plan.clauses]
    for clause, block in reversed(list(zip(plan.clauses, blocks, strict=True))):
        text = text[:clause.start] + block + text[clause.end:]
    return text


async def _evaluate(client: httpx.AsyncClient, clause: ServiceClause, header: str,
                    max_bytes: int) -> str:
    query = f"{header}\nSELECT * WHERE {{{clause.pattern}}}"
    try:
        response = await client.post(
            clause.endpoint, content=query.encode(),
            headers={"Content-Type": "application/sparql-query", "Accept": RESULTS_JSON})
        if response.status_code != 200:
            raise failed(clause, f"answered {response.status_code}: {response.text[:300]}")
        if len(response.content) > max_bytes:
            raise failed(clause, f"sent more than {max_bytes} bytes")
        return values_block(json.loads(response.content))
    except (httpx.HTTPError, ValueError, KeyError, HttpError) as exc:
        if clause.silent:
            return "{}"
        if isinstance(exc, HttpError):
            raise
        raise failed(clause, f"failed: {exc}") from exc


def values_block(results: dict) -> str:
    """SPARQL JSON results as an equivalent ``VALUES`` block."""
    variables = results["head"].get("vars", [])
    rows = []
    for binding in results["results"]["bindings"]:
        rows.append("(" + " ".join(_term(binding.get(v)) for v in variables) + ")")
    head = " ".join("?" + v for v in variables)
    return f"VALUES ({head}) {{ {' '.join(rows)} }}"


def _term(term: dict | None) -> str:
    if term is None:
        return "UNDEF"
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return str(NamedNode(value))  # a ValueError when it is not an IRI
    if kind == "bnode":
        # A remote blank node is only an identifier for this result: give it a stable IRI.
        return "<urn:conflictkg:service-bnode:" + "".join(c for c in value if c.isalnum()) + ">"
    if kind in ("literal", "typed-literal"):
        body = json.dumps(value, ensure_ascii=False)
        if "xml:lang" in term:
            if not _LANG.fullmatch(term["xml:lang"]):
                raise ValueError(f"invalid language tag in SERVICE results: {term['xml:lang']!r}")
            return f"{body}@{term['xml:lang']}"
        if "datatype" in term:
            return f"{body}^^{_term({'type': 'uri', 'value': term['datatype']})}"
        return body
    return "UNDEF"
