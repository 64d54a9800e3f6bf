"""The ontology files: every ckg: term declared in both languages, schemes in step with the code,
event types mapped to ACLED, the ontology graph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store, parse

from conflictkg.extract import model
from conflictkg.iris import Iris
from conflictkg.rdf import mapping
from conflictkg.rdf.ontology import ontology_quads
from conflictkg.rdf.vocabulary import (
    CKG,
    EVENT_CLASSES,
    PREFIXES,
    ckg,
    geo,
    prov,
    rdfs,
    schema,
    sem,
    wikibase,
)
from conflictkg.reference import gazetteers, load_bundle

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_DIR = load_bundle().ontology
ONTOLOGY = Store()
ONTOLOGY.extend(ontology_quads(Iris()))
CKGA = PREFIXES["ckga"]
MATCHES = ("closeMatch", "broadMatch", "narrowMatch", "relatedMatch", "exactMatch")


def select(query: str) -> list[dict[str, str]]:
    head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    rows = ONTOLOGY.query(head + query, use_default_graph_as_union=True)
    return [{v.value: (s[v].value if s[v] is not None else None) for v in rows.variables}
            for s in rows]


def declared_terms() -> set[str]:
    """ckg: terms that conflictkg.ttl describes (any triple with the term as subject)."""
    triples = parse(path=ONTOLOGY_DIR / "conflictkg.ttl", format=RdfFormat.TURTLE)
    return {t.subject.value[len(CKG):] for t in triples if t.subject.value.startswith(CKG)}


def test_every_term_has_one_label_and_one_comment_in_english_and_arabic() -> None:
    terms = declared_terms()
    assert len(terms) > 60
    triples = list(parse(path=ONTOLOGY_DIR / "conflictkg.ttl", format=RdfFormat.TURTLE))
    problems = []
    for term in sorted(terms):
        for predicate in (rdfs.label, rdfs.comment):
            texts = [t.object for t in triples
                     if t.subject == ckg[term] and t.predicate == predicate]
            languages = sorted(o.language or "" for o in texts)
            if languages != ["ar", "en"] or not all(o.value.strip() for o in texts):
                problems.append(f"ckg:{term} {predicate.value}: {languages}")
    assert problems == []


def _python_terms(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return (set(re.findall(r"\bckg\.([A-Za-z_]\w*)", text))
            | set(re.findall(r"\bckg\[\"(\w+)\"\]", text))
            | set(re.findall(r"\bckg:([A-Za-z_]\w*)", text)))


def _used_terms() -> dict[str, set[str]]:
    """Every ckg: term named in the code, the queries, the docs and the ontology files."""
    used: dict[str, set[str]] = {}
    for path in sorted((ROOT / "src").rglob("*.py")):
        used[str(path.relative_to(ROOT))] = _python_terms(path)
    text_files = [ROOT / "docs" / "graph-model.md", *sorted(load_bundle().queries.glob("*.rq")),
                  *sorted(ONTOLOGY_DIR.glob("*.ttl")), ONTOLOGY_DIR / "README.md"]
    for path in text_files:
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            used[str(path.relative_to(ROOT))] = set(re.findall(r"\bckg:([A-Za-z_]\w*)", text))
    used["vocabulary.EVENT_CLASSES"] = set(EVENT_CLASSES.values())
    return used


def test_every_ckg_term_in_use_is_declared() -> None:
    used = _used_terms()
    for name in ("src/conflictkg/rdf/mapping.py", "src/conflictkg/rdf/gazetteer.py"):
        assert len(used[name]) > 10, f"found no terms in {name}: the scan is broken"
    declared = declared_terms()
    undeclared = {f"{where}: ckg:{t}" for where, terms in used.items() for t in terms
                  if t not in declared}
    assert sorted(undeclared) == []


def _notations(scheme: str) -> dict[str, str]:
    rows = select(f"SELECT ?c ?n WHERE {{ ?c skos:inScheme ckg:{scheme} ; skos:notation ?n }}")
    return {r["n"]: r["c"] for r in rows}


@pytest.mark.parametrize(("scheme", "namespace", "values"), [
    ("AdminLevelScheme", "ckgv", gazetteers.PLACE_LEVELS),
    ("EventTypeScheme", "ckgt", model.EVENT_KINDS),  # read from the scheme: its IRIs are checked
    ("ActorKindScheme", "ckgk", model.ACTOR_KINDS),
    ("QualifierScheme", "ckgv", model.QUALIFIERS),
    ("OutcomeScheme", "ckgv", mapping.OUTCOMES),
    ("ControlChangeScheme", "ckgv", model.CHANGES),
    ("StanceScheme", "ckgv", model.STANCES),
])
def test_each_scheme_holds_exactly_the_values_the_code_uses(
        scheme: str, namespace: str, values: tuple[str, ...]) -> None:
    notations = _notations(scheme)
    assert sorted(notations) == sorted(values)
    for value, concept in notations.items():
        assert concept == PREFIXES[namespace] + value, "local name and notation differ"


def test_every_concept_has_labels_and_definitions_in_both_languages() -> None:
    rows = select("""
        SELECT ?c ?scheme (GROUP_CONCAT(DISTINCT ?ll; separator=" ") AS ?labels)
                          (GROUP_CONCAT(DISTINCT ?dl; separator=" ") AS ?definitions) WHERE {
          ?c a skos:Concept ; skos:inScheme ?scheme .
          OPTIONAL { ?c skos:prefLabel ?l BIND(LANG(?l) AS ?ll) }
          OPTIONAL { ?c skos:definition ?d BIND(LANG(?d) AS ?dl) }
        } GROUP BY ?c ?scheme""")
    assert len(rows) > 60
    for r in rows:
        assert sorted(r["labels"].split()) == ["ar", "en"], r
        if not r["c"].startswith(CKGA):
            assert sorted(r["definitions"].split()) == ["ar", "en"], r


def test_each_event_type_stands_for_its_class() -> None:
    rows = select("SELECT ?n ?class WHERE { ?c skos:inScheme ckg:EventTypeScheme ; "
                  "skos:notation ?n ; ckg:eventClass ?class }")
    assert {r["n"]: r["class"] for r in rows} == {
        kind: CKG + cls for kind, cls in EVENT_CLASSES.items()}
    for cls in set(EVENT_CLASSES.values()) - {"Event"}:
        assert list(ONTOLOGY.quads_for_pattern(ckg[cls], rdfs.subClassOf, ckg.Event, None))


def test_event_types_map_only_to_acled_concepts_and_each_maps_somewhere() -> None:
    rows = select(f"""
        SELECT ?n ?target ?inAcled WHERE {{
          ?c skos:inScheme ckg:EventTypeScheme ; skos:notation ?n .
          OPTIONAL {{ ?c {"|".join("skos:" + m for m in MATCHES)} ?target
                     BIND(EXISTS {{ ?target skos:inScheme ckg:AcledScheme }} AS ?inAcled) }}
        }}""")
    unmapped = {r["n"] for r in rows if r["target"] is None}
    assert unmapped == {"other"}
    assert all(r["inAcled"] == "true" for r in rows if r["target"] is not None)
    assert all(r["target"].startswith(CKGA) for r in rows if r["target"] is not None)


def test_acled_sub_event_types_sit_under_their_event_type() -> None:
    tops = select("SELECT ?c WHERE { ?c skos:topConceptOf ckg:AcledScheme }")
    assert len(tops) == 6
    rows = select("""SELECT ?c ?top WHERE { ?c skos:inScheme ckg:AcledScheme .
                     FILTER NOT EXISTS { ?c skos:topConceptOf ckg:AcledScheme }
                     OPTIONAL { ?c skos:broader ?top . ?top skos:narrower ?c ;
                                skos:topConceptOf ckg:AcledScheme } }""")
    assert len(rows) > 20 and all(r["top"] for r in rows)
    labels = {r["l"] for r in select(
        "SELECT ?l WHERE { ?c skos:inScheme ckg:AcledScheme ; skos:prefLabel ?l "
        "FILTER(LANG(?l) = 'en') }")}
    assert {"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack",
            "Non-violent transfer of territory", "Abduction/forced disappearance"} <= labels


@pytest.mark.parametrize(("term", "parent"), [
    (ckg.Event, sem.Event), (ckg.Event, schema.Event), (ckg.ArmedGroup, prov.Organization),
    (ckg.ArmedGroup, sem.Actor), (ckg.Place, geo.Feature), (ckg.Place, schema.Place),
    (ckg.SourceDocument, prov.Entity), (ckg.SourceDocument, schema.CreativeWork),
    (ckg.ReportingSource, prov.Agent), (ckg.Claim, prov.Entity),
    (ckg.Claim, wikibase.Statement),
])
def test_classes_are_aligned(term: NamedNode, parent: NamedNode) -> None:
    assert list(ONTOLOGY.quads_for_pattern(term, rdfs.subClassOf, parent, None))


@pytest.mark.parametrize(("term", "parent"), [
    (ckg.partOf, schema.parentOrganization), (ckg.supersedes, prov.wasRevisionOf),
    (ckg.eventType, sem.eventType), (ckg.about, schema.about),
])
def test_properties_are_aligned(term: NamedNode, parent: NamedNode) -> None:
    assert list(ONTOLOGY.quads_for_pattern(term, rdfs.subPropertyOf, parent, None))


def test_ontology_quads_are_every_file_in_the_ontology_graph() -> None:
    iris = Iris("https://example.org/")
    quads = ontology_quads(iris)
    assert {q.graph_name for q in quads} == {NamedNode("https://example.org/graph/ontology")}
    files = sorted(ONTOLOGY_DIR.glob("*.ttl"))
    assert {f.name for f in files} >= {"conflictkg.ttl", "shapes.ttl", "event-types.ttl",
                                       "actor-kinds.ttl", "values.ttl", "acled.ttl"}
    assert len(quads) == sum(len(list(parse(path=f, format=RdfFormat.TURTLE))) for f in files)


def test_a_broken_ontology_file_is_named(bundle_copy: Path) -> None:
    (bundle_copy / "ontology" / "bad.ttl").write_text("<http://a> <http://b> .\n")
    with pytest.raises(SyntaxError, match=r"bad\.ttl"):
        ontology_quads(Iris(), load_bundle(bundle_copy))
