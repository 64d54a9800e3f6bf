"""Reading the graph for the API and the pages: fixed SPARQL text, values bound separately.

No value from a request is ever pasted into a query. Scalars travel as engine
substitutions (N-Triples terms made by pyoxigraph), and lists of IRIs as VALUES
blocks whose terms pyoxigraph wrote, so an IRI with ``>`` or a name with ``"}``
can change what is matched, never what is asked.
"""

from __future__ import annotations

import asyncio
import re
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar, overload

from pyoxigraph import Literal, NamedNode

from conflictkg.extract.normalize import normalize_key
from conflictkg.iris import Iris
from conflictkg.rdf.vocabulary import PREFIXES, sparql_prefixes
from conflictkg.server.errors import bad_parameter

PREFIX = sparql_prefixes()
T = TypeVar("T")
_POINT = re.compile(r"POINT\s*\(\s*(-?[\d.eE+-]+)\s+(-?[\d.eE+-]+)\s*\)", re.IGNORECASE)


async def per_generation(engine: Any, cache: dict[str, Any], name: str,
                         build: Callable[[], Awaitable[T]], *, stale: bool = False) -> T:
    """``build()``'s result, kept until the store publishes a new generation.

    One lock per name, so concurrent requests wait for one build instead of each
    starting their own. With ``stale``, a request after a new generation is answered
    from the previous result while the new one builds in the background.
    """
    if stale and name in cache and cache.get(f"{name}:generation") != engine.generation:
        task = cache.get(f"{name}:task")
        if task is None or task.done():
            task = cache[f"{name}:task"] = asyncio.create_task(_rebuild(engine, cache, name, build))
            task.add_done_callback(lambda t: t.cancelled() or t.exception())  # the next one retries
        return cache[name]
    return await _rebuild(engine, cache, name, build)


async def _rebuild(engine: Any, cache: dict[str, Any], name: str,
                   build: Callable[[], Awaitable[T]]) -> T:
    lock = cache.setdefault(f"{name}:lock", asyncio.Lock())
    async with lock:
        generation = engine.generation
        if cache.get(f"{name}:generation") != generation or name not in cache:
            cache[name] = await build()
            cache[f"{name}:generation"] = generation
    return cache[name]


def expand(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return PREFIXES[prefix] + local


def iri_term(value: str, param: str = "id") -> str:
    """The N-Triples form of an IRI, or a 422 naming ``param`` when it is not an absolute IRI."""
    try:
        return str(NamedNode(value))
    except ValueError as err:
        raise bad_parameter(param, f"not a valid IRI ({err})") from None


def is_iri(value: str) -> bool:
    """Whether ``value`` is an absolute IRI (so one the graph may hold)."""
    try:
        NamedNode(value)
    except ValueError:
        return False
    return True


def literal_term(value: Any, datatype: str | None = None) -> str:
    return str(Literal(value, datatype=NamedNode(expand(datatype)))) if datatype else str(Literal(value))


def values_block(var: str, iris: Iterable[str]) -> str:
    """A VALUES block of IRIs; each term is written by pyoxigraph, so it is escaped."""
    return f"VALUES ?{var} {{ {' '.join(str(NamedNode(i)) for i in iris)} }}"


def truthy(value: Any) -> bool:
    return value is True or str(value).lower() in {"true", "1"}


@overload
def text(value: None) -> None: ...


@overload
def text(value: object) -> str: ...


def text(value: object) -> str | None:
    """A result value as a string, whatever Python type the engine chose for it
    (``row["x"]`` for a variable the query always binds, ``row.get("x")`` for another)."""
    if value is None:
        return None
    return getattr(value, "value", None) or str(value)


def point(wkt: str | None) -> tuple[float, float] | None:
    """(lon, lat) of a WKT POINT, also with a CRS prefix; None for anything else."""
    match = _POINT.search(wkt or "")
    return (float(match.group(1)), float(match.group(2))) if match else None


@dataclass
class Term:
    text: str
    is_iri: bool
    lang: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    wkt: str | None = None


@dataclass
class Description:
    """What the graph says about one subject: predicate IRI -> objects."""

    iri: str
    props: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))

    def all(self, curie: str) -> list[Term]:
        return self.props.get(expand(curie), [])

    def first(self, curie: str) -> Term | None:
        terms = self.all(curie)
        return terms[0] if terms else None

    def value(self, curie: str) -> str | None:
        term = self.first(curie)
        return term.text if term else None

    def iris(self, curie: str) -> list[str]:
        return sorted({t.text for t in self.all(curie) if t.is_iri})

    def labels(self, curie: str = "rdfs:label") -> dict[str, str]:
        out: dict[str, str] = {}
        for term in self.all(curie):
            out.setdefault(term.lang or "", term.text)
        return out

    def types(self) -> set[str]:
        return {t.text for t in self.all("rdf:type")}

    def geometry(self) -> Term | None:
        """The subject's point geometry (an admin unit also has its boundary)."""
        found = self.all("geo:hasGeometry")
        return next((t for t in found if point(t.wkt)), found[0] if found else None)


DESCRIBE = PREFIX + """
SELECT ?s ?p ?text ?lang ?isIri ?label ?labelLang ?wkt WHERE {
  %s
  ?s ?p ?o .
  BIND(STR(?o) AS ?text) BIND(LANG(?o) AS ?lang) BIND(isIRI(?o) AS ?isIri)
  OPTIONAL { ?o rdfs:label ?l . BIND(STR(?l) AS ?label) BIND(LANG(?l) AS ?labelLang) }
  OPTIONAL { ?o geo:hasGeometry?/geo:asWKT ?w . BIND(STR(?w) AS ?wkt) }
}"""


DESCRIBE_BARE = PREFIX + """
SELECT ?s ?p ?text ?lang ?isIri WHERE {
  %s
  ?s ?p ?o .
  BIND(STR(?o) AS ?text) BIND(LANG(?o) AS ?lang) BIND(isIRI(?o) AS ?isIri)
}"""


async def describe(engine: Any, subjects: Iterable[str]) -> dict[str, Description]:
    """Every statement about each subject, objects with their labels and coordinates."""
    return await _describe(engine, DESCRIBE, subjects)


async def describe_bare(engine: Any, subjects: Iterable[str]) -> dict[str, Description]:
    """Every statement about each subject, without looking further (the caller labels)."""
    return await _describe(engine, DESCRIBE_BARE, subjects)


async def _describe(engine: Any, query: str, subjects: Iterable[str]) -> dict[str, Description]:
    subjects = list(dict.fromkeys(subjects))
    if not subjects:
        return {}
    rows = await engine.select(query % values_block("s", subjects))
    out = {s: Description(s) for s in subjects}
    seen: dict[tuple[str, str, str, str], Term] = {}
    for row in rows:
        s, p, value = text(row["s"]), text(row["p"]), text(row.get("text")) or ""
        lang = text(row.get("lang")) or ""
        key = (s, p, value, lang)
        term = seen.get(key)
        if term is None:
            term = seen[key] = Term(value, truthy(row.get("isIri")), lang)
            out[s].props[p].append(term)
        if row.get("label") is not None:
            term.labels.setdefault(text(row.get("labelLang")) or "", text(row["label"]))
        if row.get("wkt") is not None and (term.wkt is None or point(term.wkt) is None):
            term.wkt = text(row["wkt"])  # a place's point, rather than its boundary
    return out


SPANS = PREFIX + """
SELECT ?a ?doc ?start ?end ?exact WHERE {
  %s
  ?a oa:hasTarget ?t .
  OPTIONAL { ?t oa:hasSource ?doc }
  OPTIONAL { ?t oa:hasSelector ?q . ?q oa:exact ?exact }
  OPTIONAL { ?t oa:hasSelector ?pos . ?pos oa:start ?start ; oa:end ?end }
}"""


async def spans(engine: Any, annotations: Iterable[str]) -> dict[str, dict[str, Any]]:
    """annotation IRI -> {id, document, start, end, text}."""
    annotations = list(dict.fromkeys(annotations))
    if not annotations:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for row in await engine.select(SPANS % values_block("a", annotations)):
        a = text(row["a"])
        span = out.setdefault(a, {"id": a, "document": None, "start": None, "end": None, "text": None})
        span["document"] = span["document"] or text(row.get("doc"))
        for name, var in (("start", "start"), ("end", "end")):
            if row.get(var) is not None:
                span[name] = int(text(row[var]))
        if row.get("exact") is not None:
            span["text"] = text(row["exact"])
    return out


# Every name of the gazetteer's kinds under both keys (its lower case and its ckg:arabicKey,
# worked out here, so that any SPARQL store answers), read once per store generation:
# matching a name is then a dictionary lookup.
NAMES = PREFIX + """
SELECT ?x ?class ?l WHERE {
  VALUES ?class { ckg:Place ckg:ArmedGroup ckg:ReportingSource }
  ?x a ?class ; rdfs:label|skos:altLabel ?l .
}"""
EXISTS = PREFIX + "SELECT ?x WHERE { ?x ?p ?o } LIMIT 1"
CLASSES = {"place": "ckg:Place", "actor": "ckg:ArmedGroup", "source": "ckg:ReportingSource",
           "event": "ckg:Event", "claim": "ckg:Claim", "document": "ckg:SourceDocument"}
KEY = re.compile(r"^[A-Za-z0-9._~-]{1,200}$")


async def exists(engine: Any, iri: str) -> bool:
    return bool(await engine.select(EXISTS, substitutions={"x": iri_term(iri)}))


async def resolve_id(engine: Any, iris: Iris, kind: str, value: str, param: str = "id") -> str | None:
    """The IRI named by a full IRI or a local key, or None when the graph does not hold it."""
    if value.startswith(("http://", "https://", "urn:")):
        if not is_iri(value):
            return None
        iri = value
    elif KEY.match(value):
        iri = f"{iris.base}id/{kind}/{value}"
    else:
        return None
    return iri if await exists(engine, iri) else None


async def _names(engine: Any, cache: dict[str, Any]) -> dict[tuple[str, str], set[str]]:
    async def build() -> dict[tuple[str, str], set[str]]:
        names: dict[tuple[str, str], set[str]] = defaultdict(set)
        for row in await engine.select(NAMES):
            cls = text(row["class"])
            for key in _keys(text(row.get("l"))):
                names[(cls, key)].add(text(row["x"]))
        return names

    return await per_generation(engine, cache, "names", build)


async def resolve(engine: Any, iris: Iris, kind: str, value: str, param: str,
                  cache: dict[str, Any]) -> list[str]:
    """IRIs a filter value names: a full IRI, a local key, or a name in Arabic or English."""
    value = value.strip()
    if not value:
        raise bad_parameter(param, "must not be empty")
    if value.startswith(("http://", "https://", "urn:")):
        iri_term(value, param)
        return [value]
    if KEY.match(value) and await exists(engine, f"{iris.base}id/{kind}/{value}"):
        return [f"{iris.base}id/{kind}/{value}"]
    names = await _names(engine, cache)
    cls = expand(CLASSES[kind])
    found: set[str] = set()
    for key in _keys(value):
        found |= names.get((cls, key), set())
    return sorted(found)


def _keys(value: str | None) -> list[str]:
    """The lower-cased form and the ckg:arabicKey of a name (empty ones left out)."""
    if not value:
        return []
    return [k for k in (value.lower(), normalize_key(value)) if k]


async def search(engine: Any, kind: str, value: str, cache: dict[str, Any]) -> list[str]:
    """IRIs of the kind with a name or alias containing ``value`` (either key)."""
    names = await _names(engine, cache)
    cls = expand(CLASSES[kind])
    wanted = _keys(value)
    found = {iri for (c, key), iris in names.items() if c == cls
             and any(w in key for w in wanted) for iri in iris}
    return sorted(found)


PLACES_WITH_POINTS = PREFIX + """
SELECT ?p ?wkt WHERE { ?p a ckg:Place ; geo:hasGeometry/geo:asWKT ?w . BIND(STR(?w) AS ?wkt) }"""


async def place_points(engine: Any, cache: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Place IRI -> (lon, lat), read once per store generation (the previous answers meanwhile)."""
    async def build() -> dict[str, tuple[float, float]]:
        points = {}
        for row in await engine.select(PLACES_WITH_POINTS):
            xy = point(text(row.get("wkt")))
            if xy:
                points[text(row["p"])] = xy
        return points

    return await per_generation(engine, cache, "points", build, stale=True)
