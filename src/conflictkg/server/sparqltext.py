"""Just enough SPARQL lexing to find keywords safely: SERVICE clauses, WHERE, USING, WITH.

Oxigraph parses and evaluates the queries; this module only needs to know where a
keyword really is a keyword, not part of a string, an IRI, a comment, a variable
or a prefixed name. It works on a *masked* copy of the text, the same length as
the original, in which string contents and comments are blanked, so every
position found in the mask is a position in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'",
    re.DOTALL,
)
_BEFORE_WORD = re.compile(r"[\w\-:?$\u00B7\u0300-\u036F\u203F-\u2040]")
_AFTER_WORD = re.compile(r"[\w\-:\u00B7\u0300-\u036F\u203F-\u2040]")
_PREFIX_DECL = re.compile(r"(?i)\bPREFIX\s+([^\s:]*):\s*(<[^>]*>)")
_BASE_DECL = re.compile(r"(?i)\bBASE\s+(<[^>]*>)")


class SparqlTextError(ValueError):
    """The text is not SPARQL this module can make sense of."""


def unescape_codepoints(text: str) -> str:
    """Apply SPARQL's \\u and \\U escapes to the whole text, as the grammar says to
    before parsing, so that an escaped keyword cannot hide from :func:`keywords`."""
    def replace(match: re.Match[str]) -> str:
        return chr(int(match.group(1) or match.group(2), 16))

    return _CODEPOINT.sub(replace, text)


def mask(text: str) -> str:
    """The text with string contents and comments replaced by spaces (IRIs kept)."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            m = _STRING.match(text, i)
            if not m:
                raise SparqlTextError(f"unterminated string at offset {i}")
            for j in range(m.start() + 1, m.end() - 1):
                if out[j] not in "\n":
                    out[j] = " "
            i = m.end()
        elif c == "<":
            m = _IRIREF.match(text, i)
            i = m.end() if m else i + 1
        elif c == "\\":
            i += 2  # an escape in a prefixed name (ex:a\'b, ex:a\#b) starts no string or comment
        elif c == "#":
            end = text.find("\n", i)
            end = n if end == -1 else end
            for j in range(i, end):
                out[j] = " "
            i = end
        else:
            i += 1
    return "".join(out)


def keywords(masked: str, word: str) -> list[int]:
    """Offsets where ``word`` stands as a keyword (not inside an IRI, a variable or a
    prefixed name). A doubtful case counts as a keyword: refusing is the safe mistake."""
    plain = _outside_iris(masked)
    found = []
    for m in re.finditer(re.escape(word), plain, re.IGNORECASE):
        before = plain[m.start() - 1] if m.start() > 0 else " "
        after = plain[m.end()] if m.end() < len(plain) else " "
        if _BEFORE_WORD.match(before) or _AFTER_WORD.match(after):
            continue
        found.append(m.start())
    return found


def depth_at(masked: str, offset: int) -> int:
    """Nesting depth of braces at ``offset``."""
    depth = 0
    for ch in _outside_iris(masked[:offset]):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
    return depth


def _outside_iris(text: str) -> str:
    return _IRIREF.sub(lambda m: " " * len(m.group(0)), text)


def matching_brace(masked: str, open_at: int) -> int:
    """Offset of the ``}`` closing the ``{`` at ``open_at``."""
    plain = _outside_iris(masked)
    depth = 0
    for i in range(open_at, len(plain)):
        if plain[i] == "{":
            depth += 1
        elif plain[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    raise SparqlTextError(f"unbalanced braces from offset {open_at}")


def prologue(masked: str, text: str) -> str:
    """The BASE and PREFIX declarations of a query, to send along with a sub-pattern."""
    decls = [text[m.start():m.end()] for m in _BASE_DECL.finditer(masked)]
    decls += [text[m.start():m.end()] for m in _PREFIX_DECL.finditer(masked)]
    return "\n".join(decls)


def prefixes(masked: str, text: str) -> dict[str, str]:
    return {m.group(1): text[m.start(2) + 1:m.end(2) - 1] for m in _PREFIX_DECL.finditer(masked)}


@dataclass(frozen=True)
class ServiceClause:
    start: int          # offset of the SERVICE keyword
    end: int            # offset just after the closing brace
    silent: bool
    target: str         # the endpoint IRI, or "?var" when it is a variable
    pattern: str        # the text inside the braces


_TARGET = re.compile(
    r"\s*(?P<silent>SILENT\s+)?\s*(?:(?P<iri><[^>]*>)|(?P<var>[?$][\w]+)"
    r"|(?P<pname>[^\s{:]*:[^\s{]*))\s*(?P<brace>\{)",
    re.IGNORECASE,
)


def service_clauses(text: str) -> list[ServiceClause]:
    """Every outermost SERVICE clause in ``text`` (already codepoint-unescaped)."""
    masked = mask(text)
    known = prefixes(masked, text)
    clauses: list[ServiceClause] = []
    for start in keywords(masked, "SERVICE"):
        if clauses and start < clauses[-1].end:
            continue  # nested inside a clause found already; the remote end runs it
        m = _TARGET.match(masked, start + len("SERVICE"))
        if not m:
            raise SparqlTextError(f"cannot read the SERVICE clause at offset {start}")
        if m.group("iri"):
            target = text[m.start("iri") + 1:m.end("iri") - 1]
        elif m.group("var"):
            target = m.group("var")
        else:
            prefix, _, local = m.group("pname").partition(":")
            if prefix not in known:
                raise SparqlTextError(f"undeclared prefix {prefix!r} in SERVICE clause")
            target = known[prefix] + local
        close = matching_brace(masked, m.start("brace"))
        clauses.append(ServiceClause(start, close + 1, bool(m.group("silent")), target,
                                     text[m.start("brace") + 1:close]))
    return clauses


_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[A-Za-z][\w ]*')
_PNAME_BEFORE = re.compile(r"([A-Za-z][\w.-]*)?:[\w.-]*$")


def readable_syntax_error(message: str, query: str) -> str:
    """The parser's message as one line a person reads: where, and what was expected.

    Oxigraph lists the characters it would have accepted as Unicode ranges; those say
    nothing to a reader and are left out. An undeclared prefix is named as such.
    """
    found = _POSITION.match(message.strip())
    if not found:
        return " ".join(message.split())
    line, column, rest = int(found.group(1)), int(found.group(2)), found.group(3)
    where = f"line {line}, column {column}"
    if "Prefix not found" in rest:
        lines = query.split("\n")
        text = lines[line - 1][:column] if 0 < line <= len(lines) else ""
        prefix = _PNAME_BEFORE.search(text.rstrip())
        name = f"{prefix.group(1) or ''}:" if prefix else "a prefix"
        return f"{where}: the prefix {name} is not declared (add PREFIX {name} <…> before the query)"
    if '"\\""' in rest:
        return f"{where}: a string is not closed"
    if "failed" in rest:
        return f"{where}: {' '.join(rest.removeprefix('expected').split())}"
    tokens = [t for t in _TOKEN.findall(rest.removeprefix("expected one of").removeprefix("expected"))
              if not t.startswith("[")]
    tokens = [t.strip() for t in tokens if t.strip() and t.strip() != "_"]
    if tokens:
        named = list(dict.fromkeys(tokens))
        more = " or …" if len(named) > 6 else ""
        return f"{where}: expected {' or '.join(named[:6])}{more}"
    lines = query.split("\n")
    near = lines[line - 1][max(0, column - 11):column + 9].strip() if 0 < line <= len(lines) else ""
    return f"{where}: unexpected text" + (f" near «{near}»" if near else "")
