"""The bundle's ontology/context.jsonld: the JSON API's objects and the extraction format read as JSON-LD.

Each document is read by two JSON-LD processors (Oxigraph's streaming parser and
rdflib's), which must both find the statements the graph model gives."""

from __future__ import annotations

import json
import re

import pytest
import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, parse

from conflictkg.iris import Iris
from conflictkg.rdf.vocabulary import PREFIXES, ckg, oa, prov, rdf, rdfs, sem, wikibase
from conflictkg.reference import load_bundle
from conflictkg.server.api import models as m

from .conftest import SAMPLES
from .test_ontology import declared_terms

CONTEXT = json.loads(load_bundle().context_file.read_text(encoding="utf-8"))["@context"]
ID = "https://conflictkg.org/id/"
Statement = tuple[str, str, str]


def statements(document: dict) -> set[Statement]:
    """What both processors read in ``document`` (blank nodes left out); they must agree."""
    text = json.dumps({**document, "@context": CONTEXT})
    ox = {(q.subject.value, q.predicate.value, _value(q.object))
          for q in parse(text, format=RdfFormat.JSON_LD) if isinstance(q.subject, NamedNode)}
    graph = rdflib.Graph().parse(data=text, format="json-ld")
    rl = {(str(s), str(p), _value(o)) for s, p, o in graph if isinstance(s, rdflib.URIRef)}
    assert ox == rl
    return ox


def _value(term: object) -> str:
    if isinstance(term, BlankNode | rdflib.BNode):
        return "_:"
    if isinstance(term, Literal | rdflib.Literal):
        value = term.value if isinstance(term, Literal) else str(term)
        try:
            return repr(float(value)) if "." in value or "E" in value else value
        except ValueError:
            return value
    return term.value if isinstance(term, NamedNode) else str(term)


def test_the_context_names_only_declared_terms() -> None:
    used = set(re.findall(r"\"ckg:([A-Za-z_]\w*)\"", json.dumps(CONTEXT)))
    assert used and used <= declared_terms()


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_extraction_format_reads_as_json_ld(name: str) -> None:
    iris = Iris()
    x = SAMPLES[name]().extraction
    sha = x.document.sha256
    found = statements(without_null_ids(x.to_json(iris)))
    expected: set[Statement] = set()
    for c in x.casualty_claims:
        node = iris.claim(sha, c.key)
        expected |= {(node, rdf.type.value, ckg.CasualtyClaim.value),
                     (node, ckg.count.value, str(c.count)),
                     (node, ckg.qualifier.value, PREFIXES["ckgv"] + c.qualifier)}
        if c.victim_actor:
            expected.add((node, ckg.victimActor.value, iris.actor(c.victim_actor)))
        if c.victim_category:
            expected.add((node, ckg.victimCategory.value, c.victim_category))
    for k in x.control_claims:
        node = iris.claim(sha, k.key)
        expected |= {(node, ckg.stance.value, PREFIXES["ckgv"] + k.stance),
                     (node, ckg.controlPlace.value, iris.place(k.place))}
        if k.actor:
            expected.add((node, ckg.controlActor.value, iris.actor(k.actor)))
    for e in x.events:
        expected.add((iris.event(sha, e.key), ckg.eventType.value, PREFIXES["ckgt"] + e.kind))
    for a in x.actors:
        expected.add((iris.actor(a.key), ckg.actorKind.value, PREFIXES["ckgk"] + a.kind))
    assert expected and expected <= found


def without_null_ids(value):
    """JSON-LD refuses ``"@id": null``: an unknown IRI must be left out, not written as null."""
    if isinstance(value, dict):
        return {k: without_null_ids(v) for k, v in value.items() if not (k == "id" and v is None)}
    if isinstance(value, list):
        return [without_null_ids(v) for v in value]
    return value


def _api(model) -> dict:
    return model.model_dump(mode="json", by_alias=True)


SPAN = m.Span(id=f"{ID}annotation/x-10-20", document=f"{ID}document/x", start=10, end=20,
              text="مقتل 36 عنصراً")
TOLL = m.Claim(id=f"{ID}claim/x-36", kind="casualties", event=f"{ID}event/x-1",
               source=m.Ref(id=f"{ID}source/sohr", key="sohr",
                            labels=m.Labels(ar="المرصد السوري لحقوق الإنسان")),
               attributed_label="المرصد", rank="deprecated", count=36, qualifier="at_least",
               outcome="captured", victim_actor=m.Ref(id=f"{ID}actor/free-syrian-army"),
               victim_category="fighters", evidence=[SPAN], documents=[f"{ID}document/x"])
DENIAL = m.Claim(id=f"{ID}claim/x-c", kind="control", actor=m.Ref(id=f"{ID}actor/unit"),
                 place=m.PlaceRef(id=f"{ID}place/A004", lat=33.5, lon=36.3), change="captured",
                 stance="denied", start="2013-02", supersedes=[])


def test_an_event_page_reads_as_json_ld() -> None:
    event = m.EventDetail(
        id=f"{ID}event/x-1", key="x-1", kind="battle", labels=m.Labels(ar="نصرة داريا"),
        start="2013-01", earliest_begin="2013-01-01", latest_end="2013-01-31",
        places=[m.PlaceRef(id=f"{ID}place/C2498", lat=33.45, lon=36.24)],
        actors=[m.Ref(id=f"{ID}actor/free-syrian-army")], parent=f"{ID}event/x-0",
        sub_events=[m.Ref(id=f"{ID}event/x-2")], evidence=[SPAN], claims=[TOLL, DENIAL])
    found = statements(_api(event))
    e, toll, denial = f"{ID}event/x-1", TOLL.id, DENIAL.id
    assert {
        (e, rdf.type.value, ckg.Event.value),
        (e, ckg.eventType.value, PREFIXES["ckgt"] + "battle"),
        (e, rdfs.label.value, "نصرة داريا"),
        (e, sem.hasBeginTimeStamp.value, "2013-01"),
        (e, sem.hasEarliestBeginTimeStamp.value, "2013-01-01"),
        (e, sem.hasPlace.value, f"{ID}place/C2498"),
        (f"{ID}place/C2498", PREFIXES["schema"] + "latitude", repr(33.45)),
        (e, sem.hasActor.value, f"{ID}actor/free-syrian-army"),
        (e, sem.subEventOf.value, f"{ID}event/x-0"),
        (f"{ID}event/x-2", sem.subEventOf.value, e),
        (e, ckg.evidence.value, SPAN.id),
        (SPAN.id, oa.exact.value, "مقتل 36 عنصراً"),
        (SPAN.id, oa.start.value, "10"),
        (toll, rdf.type.value, ckg.CasualtyClaim.value),
        (toll, ckg.about.value, e),
        (toll, wikibase.rank.value, wikibase.DeprecatedRank.value),
        (toll, ckg.count.value, "36"),
        (toll, ckg.qualifier.value, PREFIXES["ckgv"] + "at_least"),
        (toll, ckg.outcome.value, PREFIXES["ckgv"] + "captured"),
        (toll, ckg.victimActor.value, f"{ID}actor/free-syrian-army"),
        (toll, ckg.victimCategory.value, "fighters"),
        (toll, prov.wasAttributedTo.value, f"{ID}source/sohr"),
        (f"{ID}source/sohr", rdfs.label.value, "المرصد السوري لحقوق الإنسان"),
        (toll, ckg.attributedLabel.value, "المرصد"),
        (toll, prov.wasDerivedFrom.value, f"{ID}document/x"),
        (denial, rdf.type.value, ckg.ControlClaim.value),
        (denial, ckg.controlActor.value, f"{ID}actor/unit"),
        (denial, ckg.controlPlace.value, f"{ID}place/A004"),
        (denial, ckg.change.value, PREFIXES["ckgv"] + "captured"),
        (denial, ckg.stance.value, PREFIXES["ckgv"] + "denied"),
    } <= found


def test_a_page_of_claims_reads_as_json_ld() -> None:
    found = statements(_api(m.Page[m.Claim](items=[TOLL, DENIAL])))
    assert (TOLL.id, rdf.type.value, ckg.CasualtyClaim.value) in found
    assert (DENIAL.id, ckg.stance.value, PREFIXES["ckgv"] + "denied") in found


def test_gazetteer_entities_read_as_json_ld() -> None:
    actor = m.ActorDetail(id=f"{ID}actor/faylaq", key="faylaq", kind="rebel_group",
                          labels=m.Labels(ar="فيلق الرحمن", en="Faylaq al-Rahman"),
                          aliases=["الفيلق"], side="opposition",
                          parent=m.Ref(id=f"{ID}actor/fsa"), active_from="2013",
                          sub_units=[m.Ref(id=f"{ID}actor/unit")])
    place = m.PlaceDetail(id=f"{ID}place/A008", key="A008", level="neighbourhood",
                          labels=m.Labels(ar="جوبر"), parent=m.Ref(id=f"{ID}place/C1001"),
                          same_as=["http://www.wikidata.org/entity/Q1"])
    source = m.SourceDetail(id=f"{ID}source/sohr", key="sohr", source_type="monitor",
                            stance="opposition-leaning")
    document = m.DocumentSummary(id=f"{ID}document/x", sha256="ab", file="a.txt",
                                 publisher=m.Ref(id=f"{ID}source/sohr"), language="ar",
                                 published="2017-03-25", url="https://example.org/a")
    found = set().union(*(statements(_api(x)) for x in (actor, place, source, document)))
    assert {
        (f"{ID}actor/faylaq", ckg.actorKind.value, PREFIXES["ckgk"] + "rebel_group"),
        (f"{ID}actor/faylaq", ckg.partOf.value, f"{ID}actor/fsa"),
        (f"{ID}actor/unit", ckg.partOf.value, f"{ID}actor/faylaq"),
        (f"{ID}actor/faylaq", ckg.side.value, "opposition"),
        (f"{ID}actor/faylaq", PREFIXES["skos"] + "altLabel", "الفيلق"),
        (f"{ID}place/A008", ckg.adminLevel.value, PREFIXES["ckgv"] + "neighbourhood"),
        (f"{ID}place/A008", PREFIXES["schema"] + "containedInPlace", f"{ID}place/C1001"),
        (f"{ID}place/A008", PREFIXES["owl"] + "sameAs", "http://www.wikidata.org/entity/Q1"),
        (f"{ID}source/sohr", ckg.sourceType.value, "monitor"),
        (f"{ID}source/sohr", ckg.stance.value, "opposition-leaning"),
        (f"{ID}document/x", ckg.fileName.value, "a.txt"),
        (f"{ID}document/x", PREFIXES["schema"] + "publisher", f"{ID}source/sohr"),
        (f"{ID}document/x", PREFIXES["schema"] + "url", "https://example.org/a"),
    } <= found
