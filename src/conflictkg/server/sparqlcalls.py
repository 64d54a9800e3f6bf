"""What a query or update would make Oxigraph call: SERVICE endpoints and LOAD sources.

Read from the tokens of :mod:`conflictkg.sparqltext`, the way Oxigraph's parser
reads them. Oxigraph matches a keyword by its letters with no boundary after it, so a
SERVICE keyword may stand anywhere in a word that is not a variable, a local name, a
blank node or a language tag (``SERVICE:x``, ``serviceArea:x``, ``trueSERVICE<x>``):
every such place followed by an endpoint (an IRI, a prefixed name, a variable) and a
``{`` is a SERVICE clause here. ``SILENT`` is read as Oxigraph does: first as the
keyword (``SERVICE SILENT:x`` names ``:x``), then, if that reading names no endpoint,
as the start of a prefixed name. A LOAD starts an update operation, so it is the start
of a word after the prologue or a ``;``, followed by an IRI or a prefixed name.

The reading errs on the side of finding a call: a candidate that could be read as a
clause but names no endpoint this module can work out (an undeclared prefix, an invalid
IRI) is :class:`SparqlTextError`, and the request is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode

from conflictkg.sparqltext import Reading, SparqlTextError, resolve, unescape_iri

SERVICE, SILENT, LOAD = "service", "silent", "load"


@dataclass(frozen=True)
class ServiceClause:
    start: int       # offset of the SERVICE keyword (it may stand inside a word)
    end: int         # offset just after the closing brace
    silent: bool
    endpoint: str    # the endpoint's IRI, or "?name" when it is a variable
    pattern: str     # the text inside the braces


def service_clauses(reading: Reading, *, limit: int | None = None) -> list[ServiceClause]:
    """Every outermost SERVICE clause (one inside another is the remote end's to run).
    More than ``limit`` clauses is a SparqlTextError as soon as it is seen."""
    text = reading.text
    if SERVICE not in text.lower():
        return []
    clauses: list[ServiceClause] = []
    for i, kind in enumerate(reading.kinds):
        if kind != "word" and kind != "pname":
            continue
        start = reading.starts[i]
        part = reading.value(i) if kind == "word" else reading.value(i).split(":", 1)[0]
        lowered = part.lower()
        at = lowered.find(SERVICE)
        while at >= 0:
            offset = start + at
            if not clauses or offset >= clauses[-1].end:
                clause = _clause(reading, i, part, at + len(SERVICE), offset)
                if clause is not None:
                    clauses.append(clause)
                    if limit is not None and len(clauses) > limit:
                        raise SparqlTextError(f"more than {limit} SERVICE clauses "
                                              "(max_service_calls)")
            at = lowered.find(SERVICE, at + 1)
    return clauses


def _clause(reading: Reading, i: int, part: str, rest: int, offset: int) -> ServiceClause | None:
    """The clause whose keyword ends at ``rest`` in token ``i``'s word part, if one follows."""
    readings = []  # (silent, endpoint token, prefix of that token when it is cut from a word)
    if reading.kinds[i] == "word":
        if rest == len(part):
            if reading.is_word(i + 1, SILENT):
                readings.append((True, i + 2, None))
            elif i + 1 < len(reading) and reading.kinds[i + 1] == "pname" \
                    and reading.value(i + 1).lower().startswith(SILENT):
                name = reading.value(i + 1).split(":", 1)[0]
                readings.append((True, i + 1, name[len(SILENT):]))
            readings.append((False, i + 1, None))
        elif len(part) - rest == len(SILENT) and part[rest:].lower() == SILENT:
            readings.append((True, i + 1, None))
    elif _brace_after(reading, i):  # the keyword is in a prefixed name's prefix: the rest names the endpoint
        remainder = part[rest:]
        if remainder.lower().startswith(SILENT):
            readings.append((True, i, remainder[len(SILENT):]))
        readings.append((False, i, remainder))
    candidates = [(silent, target, prefix) for silent, target, prefix in readings
                  if _brace_after(reading, target)]
    if not candidates:
        return None
    for silent, target, prefix in candidates:
        endpoint = _endpoint(reading, target, prefix)
        if endpoint is not None:
            brace = target + 1
            close = reading.partner.get(brace)
            if close is None:
                raise SparqlTextError(f"the SERVICE clause at offset {offset} has no closing brace")
            return ServiceClause(offset, reading.ends[close], silent, endpoint,
                                 reading.text[reading.ends[brace]:reading.starts[close]])
    raise SparqlTextError(f"cannot tell which endpoint the SERVICE clause at offset {offset} names "
                          "(an undeclared prefix, or not an IRI)")


def _brace_after(reading: Reading, target: int) -> bool:
    """Whether ``target`` is an endpoint token and a ``{`` follows it."""
    if target + 1 >= len(reading) or reading.kinds[target] not in ("iri", "pname", "var"):
        return False
    return reading.kinds[target + 1] == "other" and reading.value(target + 1) == "{"


def _endpoint(reading: Reading, target: int, prefix: str | None) -> str | None:
    """The endpoint a token names, as Oxigraph resolves it; None when it names none."""
    kind, value = reading.kinds[target], reading.value(target)
    if kind == "var":
        return value
    if kind == "iri":
        iri = resolve(reading.base, unescape_iri(value[1:-1]))
    else:
        name, _, local = value.partition(":")
        namespace = reading.prefixes.get(name if prefix is None else prefix)
        iri = None if namespace is None else namespace + local.replace("\\", "")
    try:
        return iri if iri is not None and NamedNode(iri) else None
    except ValueError:
        return None


def loads(reading: Reading) -> list[int]:
    """Offsets of the LOAD operations of an update."""
    if LOAD not in reading.text.lower():
        return []
    found = []
    for i, kind in enumerate(reading.kinds):
        if (kind != "word" and kind != "pname") or reading.value(i)[:4].lower() != LOAD:
            continue
        if i > 0 and reading.kinds[i - 1] not in ("iri", "string") and reading.value(i - 1) != ";":
            continue  # an operation starts the text, or follows the prologue or a ";"
        if kind == "pname":
            found.append(reading.starts[i])  # LOAD:x, LOADSILENT:x, loadex:x
            continue
        rest = reading.value(i)[len(LOAD):].lower()
        target = i + 2 if rest == "" and reading.is_word(i + 1, SILENT) else i + 1
        if rest in ("", SILENT) and target < len(reading) and reading.kinds[target] in ("iri", "pname"):
            found.append(reading.starts[i])
    return found
