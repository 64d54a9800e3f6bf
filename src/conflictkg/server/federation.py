"""SERVICE: federated queries to an allowlist of endpoints, and to nothing else.

Oxigraph would itself call any SERVICE endpoint a query names, which would let any
client make the server send requests anywhere (including to the local network).
So every SERVICE clause is found before the query runs, and:

* a clause whose endpoint is not on the allowlist (``allow_service``), or is a
  variable, refuses the whole request with a 400 and no request is made;
* an allowed clause is evaluated here: its pattern is sent to the endpoint as
  ``SELECT * WHERE { pattern }`` (with the query's prologue), within
  ``service_timeout``, and the solutions replace the clause as a ``VALUES`` block.
  That is SPARQL's own meaning of SERVICE (the pattern is evaluated on its own, then
  joined), and it means the query workers never open a network connection.
  ``SERVICE SILENT`` turns a failure into one empty solution, as the spec says.

For the same reason an update may not ``LOAD`` (Oxigraph would fetch the URL).
"""

from __future__ import annotations

import json
import re

import httpx
from pyoxigraph import NamedNode

from conflictkg.server.errors import HttpError
from conflictkg.server.sparqltext import (
    ServiceClause,
    SparqlTextError,
    keywords,
    mask,
    prologue,
    service_clauses,
    unescape_codepoints,
)

RESULTS_JSON = "application/sparql-results+json"
_LANG = re.compile(r"[A-Za-z]+(-[A-Za-z0-9]+)*")


def refused(reason: str) -> HttpError:
    """The request names a SERVICE this endpoint may not call: nothing is sent anywhere."""
    return HttpError(400, reason, code="service_refused")


def failed(clause: ServiceClause, reason: str) -> HttpError:
    """An allowed SERVICE endpoint failed and the clause was not SILENT."""
    return HttpError(502, f"SERVICE <{clause.target}> {reason}", code="service_failed")


def check(text: str, allowlist: tuple[str, ...]) -> tuple[str, list[ServiceClause]]:
    """The codepoint-unescaped text and its SERVICE clauses, all allowed, or raise."""
    plain = unescape_codepoints(text)
    try:
        clauses = service_clauses(plain)
    except SparqlTextError as exc:
        raise refused(f"cannot check the SERVICE clauses of this request: {exc}") from exc
    for clause in clauses:
        if clause.target.startswith(("?", "$")):
            raise refused(f"SERVICE {clause.target}: a variable endpoint is not allowed here")
        if clause.target not in allowlist:
            raise refused(f"SERVICE <{clause.target}> is not allowed by this endpoint "
                          "(its allowlist is set with --allow-service)")
    return plain, clauses


def might_name_service(text: str) -> bool:
    """False only when no SERVICE clause can be in the text: the word is not there and
    no codepoint escape could spell it. Most queries skip the full check this way."""
    return "\\u" in text or "\\U" in text or "service" in text.casefold()


def check_update(text: str) -> None:
    """Refuse LOAD, which Oxigraph would fetch from any URL: send the data to /store instead."""
    plain = unescape_codepoints(text)
    try:
        masked = mask(plain)
    except SparqlTextError as exc:
        raise refused(f"cannot check this update: {exc}") from exc
    if keywords(masked, "LOAD"):
        raise refused("LOAD is not allowed here (it would fetch from the network); "
                      "send the data with the Graph Store Protocol at /store")


async def resolve(text: str, *, allowlist: tuple[str, ...], timeout: float,
                  max_bytes: int) -> tuple[str, bool]:
    """The request with every SERVICE clause evaluated and inlined, and whether it had any."""
    if not might_name_service(text):
        return text, False
    plain, clauses = check(text, allowlist)
    if not clauses:
        return text, False
    header = prologue(mask(plain), plain)
    async with httpx.AsyncClient(timeout=timeout, follow_redirects=False) as client:
        blocks = [await _evaluate(client, clause, header, max_bytes) for clause in clauses]
    for clause, block in reversed(list(zip(clauses, blocks, strict=True))):
        plain = plain[:clause.start] + block + plain[clause.end:]
    if service_clauses(plain):
        raise refused("SERVICE clauses left after federation")  # never expected
    return plain, True


async def _evaluate(client: httpx.AsyncClient, clause: ServiceClause, header: str,
                    max_bytes: int) -> str:
    query = f"{header}\nSELECT * WHERE {{{clause.pattern}}}"
    try:
        response = await client.post(
            clause.target, content=query.encode(),
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
