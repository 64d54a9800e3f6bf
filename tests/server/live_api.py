"""The store the API and page tests serve (with conftest's ``serve``: uvicorn on loopback).

The store holds tests/data/sample-graph.trig (the graph model written out by hand
for the five corpus documents) plus a few quads these tests need: a document text
with mention annotations, a second source disagreeing on a toll, and a canary
graph that no query of the API should ever leak.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from pyoxigraph import RdfFormat

from conflictkg import store
from conflictkg.config import Settings

from .conftest import serve

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample-graph.trig"
BASE = "https://conflictkg.org/"
DOC4 = BASE + "id/document/c6e51e28a965c3515d7bac572db803248ddcd05dc86d71206eff8919f31b7dad"
EVENT4 = BASE + "id/event/c6e51e28a965c351-1-2"
DOC1 = BASE + "id/document/9f41e7374ad5a33356160dd41505f615f186c201a36463dd20e213802a1b9e72"
EVENT1 = BASE + "id/event/9f41e7374ad5a333-1-2"  # the battle for Jobar, March 2017
CANARY = "CANARY-secret-7f3a"
TEXT4 = "بيروت: قتل 62 عنصراً من قوات النظام في هجوم لتنظيم الدولة على حي القدم."
PLACE_AT = (TEXT4.index("القدم"), TEXT4.index("القدم") + len("القدم"))
ACTOR_AT = (TEXT4.index("تنظيم الدولة"), TEXT4.index("تنظيم الدولة") + len("تنظيم الدولة"))


def mention(body: str, start: int, end: int) -> str:
    """Turtle of one identifying annotation of the fourth document's text."""
    a = f"{BASE}id/annotation/c6e51e28a965c351-{start}-{end}"
    return f"""
  <{a}> a oa:Annotation ; oa:motivatedBy oa:identifying ; oa:hasBody <{body}> ; oa:hasTarget <{a}#t> .
  <{a}#t> oa:hasSource <{DOC4}> ; oa:hasSelector <{a}#q>, <{a}#p> .
  <{a}#q> oa:exact "{TEXT4[start:end]}" .
  <{a}#p> oa:start {start} ; oa:end {end} ."""


EXTRA = f"""
PREFIX ckg: <https://conflictkg.org/ontology#>
PREFIX ckgv: <https://conflictkg.org/ontology/value/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
GRAPH <{DOC4}> {{
  <{DOC4}> schema:text "{TEXT4}" ; ckg:sha256 "c6e51e28a965c3515d7bac572db803248ddcd05dc86d71206eff8919f31b7dad" .
{mention(BASE + "id/place/A015", *PLACE_AT)}
{mention(BASE + "id/actor/islamic-state", *ACTOR_AT)}
  <{BASE}id/claim/c6e51e28a965c351-casualties-1-2> a ckg:CasualtyClaim ; ckg:count 70 ;
    ckg:qualifier ckgv:about ; ckg:outcome ckgv:killed ; ckg:about <{EVENT4}> ;
    prov:wasAttributedTo <{BASE}id/source/al-watan> ; wikibase:rank wikibase:NormalRank ;
    prov:wasDerivedFrom <{DOC4}> .
}}
GRAPH <{DOC1}> {{
  <{BASE}id/claim/9f41e7374ad5a333-casualties-1-2> a ckg:CasualtyClaim ; ckg:count 30 ;
    ckg:qualifier ckgv:exact ; ckg:outcome ckgv:killed ; ckg:about <{EVENT1}> ;
    ckg:victimActor <{BASE}id/actor/syrian-government-forces> ;
    prov:wasAttributedTo <{BASE}id/source/al-watan> ; wikibase:rank wikibase:NormalRank .
}}
GRAPH <urn:canary> {{
  <urn:canary:s> <urn:canary:p> "{CANARY}" ; <http://www.w3.org/2000/01/rdf-schema#label> "{CANARY}" ;
    skos:altLabel "{CANARY}" .
}}
"""


def build_store(path: Path) -> Path:
    with store.writing(path) as writer:
        writer.load(SAMPLE.read_bytes(), format=RdfFormat.TRIG)
        writer.load(EXTRA.encode(), format=RdfFormat.TRIG)
    return path


@contextmanager
def live_client(tmp_path: Path, **settings: object) -> Iterator[httpx.Client]:
    path = build_store(tmp_path / "store")
    with serve(Settings(store=path, query_workers=1, **settings)) as server, server.client() as client:
        yield client
