"""Namespaces and the terms of the ConflictKG ontology used in code.

Every ``ckg:`` term named here is defined, in English and Arabic, in
``ontology/conflictkg.ttl``; a test checks that the two agree.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from conflictkg.reference import load_bundle

CKG = "https://conflictkg.org/ontology#"
PREFIXES: dict[str, str] = {
    "ckg": CKG,
    "ckgt": "https://conflictkg.org/ontology/event-type/",
    "ckgk": "https://conflictkg.org/ontology/actor-kind/",
    "ckgv": "https://conflictkg.org/ontology/value/",
    "ckga": "https://conflictkg.org/ontology/acled/",
    "ckgsh": "https://conflictkg.org/ontology/shapes#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "geof": "http://www.opengis.net/def/function/geosparql/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "wikibase": "http://wikiba.se/ontology#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": "http://www.wikidata.org/entity/",
}

CRS84 = "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>"
GEONAMES = "https://sws.geonames.org/{}/"
WIKIDATA = "http://www.wikidata.org/entity/{}"


class Namespace:
    """``ns.term`` and ``ns["term"]`` give a :class:`pyoxigraph.NamedNode`.

    ``ns.term`` is made once and kept as an attribute of the namespace, so that the
    hundreds of thousands of terms a batch of documents maps cost a plain attribute read
    each, not a concatenation and a new node (a node is immutable: sharing it is safe)."""

    def __init__(self, iri: str) -> None:
        self.iri = iri

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = NamedNode(self.iri + name)
        setattr(self, name, node)  # found in the instance's dict from now on
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self.iri + name)


ckg = Namespace(CKG)
ckgt = Namespace(PREFIXES["ckgt"])
ckgk = Namespace(PREFIXES["ckgk"])
ckgv = Namespace(PREFIXES["ckgv"])
rdf = Namespace(PREFIXES["rdf"])
rdfs = Namespace(PREFIXES["rdfs"])
owl = Namespace(PREFIXES["owl"])
xsd = Namespace(PREFIXES["xsd"])
skos = Namespace(PREFIXES["skos"])
prov = Namespace(PREFIXES["prov"])
oa = Namespace(PREFIXES["oa"])
geo = Namespace(PREFIXES["geo"])
sem = Namespace(PREFIXES["sem"])
schema = Namespace(PREFIXES["schema"])
dcterms = Namespace(PREFIXES["dcterms"])
wikibase = Namespace(PREFIXES["wikibase"])

# Event kinds of the extraction format -> ckg classes (subclasses of ckg:Event), as the
# event types of the package's ontology name them (ckg:eventClass).
EVENT_CLASSES: dict[str, str] = load_bundle().kinds.event_classes
# ckg:Event and its superclasses in the ontology, which every event is also typed with.
EVENT_TYPES: tuple[NamedNode, ...] = tuple(NamedNode(c) for c in load_bundle().kinds.event_types)


def sparql_prefixes(*names: str) -> str:
    """PREFIX lines for a query, all known prefixes when none are named."""
    chosen = names or tuple(PREFIXES)
    return "".join(f"PREFIX {n}: <{PREFIXES[n]}>\n" for n in chosen)
