"""One reading of a SPARQL query or update: its tokens, as Oxigraph's parser reads them.

Everything the server decides about a request's text before Oxigraph runs it comes from
this one reading: how large and how deep it is (bounds checked first, in the same pass),
which SERVICE endpoints and LOAD sources it names (:mod:`conflictkg.server.sparqlcalls`),
its prologue and its top-level WHERE. The tokens are the SPARQL grammar's terminals as
Oxigraph (spargebra 0.5) matches them, which is not quite the grammar's longest match:

* a keyword is matched by its letters alone, with no boundary after it, so ``SERVICE:x``
  is SERVICE then ``:x``, ``0SERVICE`` is 0 then SERVICE, ``trueSERVICE`` true then
  SERVICE: the calls module treats a word that holds SERVICE anywhere as a candidate;
* an IRI is ``<`` up to the first ``>``, and when that is no valid IRI the ``<`` is an
  operator and what follows is read again as tokens: an IRI with a quote (which could
  open a string in that second reading) is checked with Oxigraph's own IRI parser;
* codepoint escapes (``\\u0053``) are not applied to the whole text, only inside
  strings and IRIs; a prefixed name's local part takes one run of dots at most.

What could be read two ways in a way that matters (a string with an escape that is no
character, a long string with no end) is refused rather than guessed. One pass, linear
in the text, no recursion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pyoxigraph import NamedNode

_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
         "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd")
_U = "_" + _BASE
_CHARS = "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040" + _U
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PREFIX = f"[{_BASE}][{_CHARS}]*+(?:\\.++[{_CHARS}]++)*+"
_LOCAL = (f"(?:[{_U}:0-9]|{_PLX})(?:[{_CHARS}:]|{_PLX})*+"
          f"(?:\\.++(?:[{_CHARS}:]|{_PLX})++)?+")
_NUMBER = (r"[0-9]++\.[0-9]*+[eE][+-]?[0-9]++|\.[0-9]++[eE][+-]?[0-9]++|[0-9]++[eE][+-]?[0-9]++"
           r"|[0-9]*+\.[0-9]++|[0-9]++")
_TOKEN = re.compile(
    r"(?P<space>[ \t\r\n]++)|(?P<comment>#[^\r\n]*+)"
    f"|(?P<var>[?$][0-9{_U}][0-9\u00b7\u0300-\u036f\u203f-\u2040{_U}]*+)"
    f"|(?P<bnode>_:[0-9{_U}][{_CHARS}]*+(?:\\.++[{_CHARS}]++)*+)"
    f"|(?P<pname>(?:{_PREFIX})?:(?:{_LOCAL})?)"
    f"|(?P<number>{_NUMBER})"
    f"|(?P<word>[{_BASE}][{_CHARS}]*+)"
    r"|(?P<langtag>@[a-zA-Z]++(?:-[a-zA-Z0-9]++)*+)"
    r"|(?P<op>\|\||&&|!=|<=|>=|\^\^)"
    r"|(?P<other>.)",
    re.DOTALL,
)
_ECHAR_UCHAR = r"\\[tbnrf\"'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_STRINGS = {
    "'''": re.compile(f"'''(?:(?>''|')?+(?:[^'\\\\]|{_ECHAR_UCHAR}))*+'''"),
    '"""': re.compile(f'"""(?:(?>""|")?+(?:[^"\\\\]|{_ECHAR_UCHAR}))*+"""'),
    "'": re.compile(f"'(?:[^'\\\\\\n\\r]|{_ECHAR_UCHAR})*+'"),
    '"': re.compile(f'"(?:[^"\\\\\\n\\r]|{_ECHAR_UCHAR})*+"'),
}
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# What an IRI may hold by the grammar, and the plain part of that which no reading of the
# IRI as operator and tokens could turn into a string or a bracket.
_IRI_CHARS = re.compile(r'(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*+')
_IRI_PLAIN = re.compile(r"[A-Za-z0-9\-._~:/?#@!$&*+,;=%]*+")

OPEN, CLOSE = "{([", "})]"
# Tokens that chain the pattern or expression they stand in (each one is a level of the
# tree Oxigraph builds); a `{` counts where it follows a group, and not in data blocks.
_CHAIN_WORDS = frozenset({"optional", "minus", "union", "filter", "bind", "values", "service",
                          "graph", "lateral", "exists", "in"})
_EXPRESSION_OPS = frozenset({"||", "&&", "=", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/",
                             "!", "|", "^"})
_PATH_OPS = frozenset({"/", "|", "^", "+", "*"})
_FLAT_AFTER = frozenset({"data", "insert", "delete", "construct", "values"})


class SparqlTextError(ValueError):
    """The text is not something this server will hand to Oxigraph: too large, too deep,
    or not readable one way only. The message says why (a 400)."""


@dataclass
class Reading:
    """A query or update as tokens: ``kinds[i]`` of ``text[starts[i]:ends[i]]``, with
    white space and comments left out, and each bracket's partner."""

    text: str
    kinds: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    partner: dict[int, int] = field(default_factory=dict)
    depth: int = 0
    bad: str | None = None  # why the text cannot be read, when it cannot
    base: str | None = None  # the base IRI after the prologue's BASE declarations
    prefixes: dict[str, str] = field(default_factory=dict)  # declared, resolved

    def __len__(self) -> int:
        return len(self.kinds)

    def value(self, i: int) -> str:
        return self.text[self.starts[i]:self.ends[i]]

    def is_word(self, i: int, word: str) -> bool:
        return 0 <= i < len(self.kinds) and self.kinds[i] == "word" and self.value(i).lower() == word


def read(text: str, *, max_length: int, max_depth: int, base_iri: str | None = None) -> Reading:
    """The text's tokens, refusing (SparqlTextError) a text longer than ``max_length``
    characters or deeper than ``max_depth`` (nesting of brackets plus the chains of
    operators and patterns at each level: the depth of the tree Oxigraph's parser would
    build, and recurse over). Text that cannot be tokenized one way only is not refused
    here but marked (``bad``): whether that matters depends on what it may call."""
    if len(text) > max_length:
        raise SparqlTextError(f"the request is {len(text)} characters long; this endpoint reads "
                              f"at most {max_length} (max_query_length)")
    reading = Reading(text, base=base_iri)
    kinds, starts, ends, partner = reading.kinds, reading.starts, reading.ends, reading.partner
    levels: list[list] = [[-1, 0, 0, False]]  # [token index, chain count, deepest child, flat]
    gt = -1  # the next ">" at or after the position, found once per stretch
    pos, n = 0, len(text)
    match = _TOKEN.match
    while pos < n:
        c = text[pos]
        if c == "<":
            if gt < pos:
                gt = text.find(">", pos)
                if gt < 0:
                    gt = n
            end = _iri_end(text, pos, gt, reading.base)
            if end:
                kinds.append("iri"), starts.append(pos), ends.append(end)
                _declare(reading)
                pos = end
                continue
        elif c == "'" or c == '"':
            end = _string_end(text, pos)
            if end < 0:
                reading.bad = reading.bad or f"a string at offset {pos} that does not end or holds an escape " \
                                             "that is no character"
                end = n
            kinds.append("string"), starts.append(pos), ends.append(end)
            pos = end
            continue
        m = match(text, pos)
        kind, end = m.lastgroup, m.end()
        pos = end
        if kind == "space" or kind == "comment":
            continue
        start = m.start()
        top = levels[-1]
        if kind == "word" or kind == "other" or kind == "op":
            value = text[start:end]
            if kind == "word":
                if not top[3] and value.lower() in _CHAIN_WORDS:
                    top[1] += 1
            elif value in OPEN:
                previous = text[starts[-1]:ends[-1]].lower() if kinds else ""
                if value == "{" and not top[3] and previous in ("{", "}", "."):
                    top[1] += 1
                flat = top[3] or (value == "{" and previous in _FLAT_AFTER)
                levels.append([len(kinds), 0, 0, flat])
                if len(levels) > max_depth:
                    raise _too_deep(max_depth)
            elif value in CLOSE:
                if len(levels) > 1 and text[starts[levels[-1][0]]] == OPEN[CLOSE.index(value)]:
                    opened, count, child, _ = levels.pop()
                    partner[opened] = len(kinds)
                    partner[len(kinds)] = opened
                    depth = 1 + count + child
                    levels[-1][2] = max(levels[-1][2], depth)
                    if len(levels) + depth > max_depth:
                        raise _too_deep(max_depth)
            elif not top[3]:
                in_expression = top[0] >= 0 and text[starts[top[0]]] == "("
                if value in (_EXPRESSION_OPS if in_expression else _PATH_OPS):
                    top[1] += 1
            if top[1] + len(levels) > max_depth:
                raise _too_deep(max_depth)
        kinds.append(kind), starts.append(start), ends.append(end)
    while len(levels) > 1:  # unclosed: Oxigraph will say so; count them all the same
        _, count, child, _ = levels.pop()
        levels[-1][2] = max(levels[-1][2], 1 + count + child)
    reading.depth = levels[0][1] + levels[0][2]
    if reading.depth > max_depth:
        raise _too_deep(max_depth)
    return reading


def _declare(reading: Reading) -> None:
    """Note a BASE or PREFIX declaration that the IRI just read completes."""
    kinds, i = reading.kinds, len(reading.kinds) - 1
    iri = unescape_iri(reading.value(i)[1:-1])
    if i >= 1 and reading.is_word(i - 1, "base"):
        reading.base = resolve(reading.base, iri)
    elif i >= 2 and kinds[i - 1] == "pname" and reading.is_word(i - 2, "prefix"):
        name = reading.value(i - 1)
        resolved = resolve(reading.base, iri)
        if name.endswith(":") and resolved is not None:
            reading.prefixes[name[:-1]] = resolved


def top_level_words(reading: Reading, words: frozenset[str]) -> list[int]:
    """Indices of the tokens outside every bracket that are one of ``words``."""
    found, depth = [], 0
    for i, kind in enumerate(reading.kinds):
        if kind == "other":
            c = reading.text[reading.starts[i]]
            depth += (c in OPEN) - (c in CLOSE)
        elif kind == "word" and depth == 0 and reading.value(i).lower() in words:
            found.append(i)
    return found


def _too_deep(limit: int) -> SparqlTextError:
    return SparqlTextError(f"the request nests deeper than this endpoint's limit of {limit} levels "
                           "(brackets, and chains of patterns or operators; max_query_depth)")


def _iri_end(text: str, pos: int, gt: int, base_iri: str | None) -> int:
    """The end of the IRI at ``pos`` as Oxigraph reads it, or 0 when the ``<`` is an operator."""
    if gt >= len(text) or _IRI_CHARS.match(text, pos + 1, gt).end() != gt:
        return 0
    if _IRI_PLAIN.match(text, pos + 1, gt).end() != gt and not valid_iri(text[pos + 1:gt], base_iri):
        return 0
    return gt + 1


def _string_end(text: str, pos: int) -> int:
    """The end of the string at ``pos`` (-1: none, or one whose escapes are no characters)."""
    quote = text[pos]
    long = text.startswith(quote * 3, pos)
    m = _STRINGS[quote * 3 if long else quote].match(text, pos)
    if not m:
        return -1
    if "\\" in m.group() and not all(_is_char(u) for u in _UCHAR.finditer(m.group())):
        return -1
    return m.end()


def _is_char(m: re.Match[str]) -> bool:
    code = int(m.group(1) or m.group(2), 16)
    return code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF


def unescape_iri(value: str) -> str:
    """An IRI's ``\\u`` and ``\\U`` escapes applied, as Oxigraph does inside ``<…>``."""
    if "\\" not in value:
        return value
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), value)


def valid_iri(value: str, base_iri: str | None) -> bool:
    """Whether Oxigraph takes ``<value>`` for an IRI (against ``base_iri``)."""
    try:
        absolute = resolve(base_iri, unescape_iri(value))
        return absolute is not None and bool(NamedNode(absolute))
    except ValueError:
        return False


_REFERENCE = re.compile(r"(?:([A-Za-z][A-Za-z0-9+.\-]*):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?",
                        re.DOTALL)


def resolve(base: str | None, reference: str) -> str | None:
    """``reference`` resolved against ``base`` (RFC 3986, section 5.2); None when it is
    relative and there is no base."""
    scheme, authority, path, query, fragment = _REFERENCE.fullmatch(reference).groups()
    if scheme is None:
        if base is None:
            return None
        b_scheme, b_authority, b_path, b_query, _ = _REFERENCE.fullmatch(base).groups()
        scheme = b_scheme
        if authority is None:
            authority = b_authority
            if not path:
                path = b_path
                query = b_query if query is None else query
            elif not path.startswith("/"):
                directory = "/" if b_authority is not None and not b_path else b_path[:b_path.rfind("/") + 1]
                path = directory + path
    out = f"{scheme}:" if scheme is not None else ""
    if authority is not None:
        out += "//" + authority
    out += _remove_dots(path)
    if query is not None:
        out += "?" + query
    if fragment is not None:
        out += "#" + fragment
    return out


def _remove_dots(path: str) -> str:
    if "." not in path:
        return path
    out: list[str] = []
    while path:
        if path.startswith("../"):
            path = path[3:]
        elif path.startswith("./"):
            path = path[2:]
        elif path.startswith("/./") or path == "/.":
            path = "/" + path[3:]
        elif path.startswith("/../") or path == "/..":
            path = "/" + path[4:]
            if out:
                out.pop()
        elif path in (".", ".."):
            path = ""
        else:
            cut = path.find("/", 1)
            cut = len(path) if cut < 0 else cut
            out.append(path[:cut])
            path = path[cut:]
    return "".join(out)


_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
_EXPECTED = re.compile(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[A-Za-z][\w ]*')
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
    tokens = [t for t in _EXPECTED.findall(rest.removeprefix("expected one of").removeprefix("expected"))
              if not t.startswith("[")]
    tokens = [t.strip() for t in tokens if t.strip() and t.strip() != "_"]
    if tokens:
        named = list(dict.fromkeys(tokens))
        more = " or …" if len(named) > 6 else ""
        return f"{where}: expected {' or '.join(named[:6])}{more}"
    lines = query.split("\n")
    near = lines[line - 1][max(0, column - 11):column + 9].strip() if 0 < line <= len(lines) else ""
    return f"{where}: unexpected text" + (f" near «{near}»" if near else "")
