"""Gazetteer entries -> the quads of the gazetteer graph."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from conflictkg.iris import Iris
from conflictkg.rdf.gazetteer import gazetteer_quads, place_triples
from conflictkg.rdf.validate import validate
from conflictkg.rdf.vocabulary import (
    ckg,
    ckgk,
    ckgv,
    geo,
    owl,
    rdf,
    rdfs,
    schema,
    skos,
    xsd,
)
from conflictkg.reference import load_bundle
from conflictkg.reference.gazetteers import Gazetteers


def objects(quads: list[Quad], s: NamedNode, p: NamedNode) -> set:
    return {q.object for q in quads if q.subject == s and q.predicate == p}


@pytest.fixture
def quads(gazetteer: Gazetteers, iris: Iris) -> list[Quad]:
    return list(gazetteer_quads(gazetteer, iris))


def test_everything_is_in_the_gazetteer_graph(quads: list[Quad], iris: Iris) -> None:
    assert {q.graph_name for q in quads} == {NamedNode(iris.graph("gazetteer"))}


def test_place_names_level_code_parent_and_links(quads: list[Quad], iris: Iris) -> None:
    damascus = NamedNode(iris.place("SY01"))
    assert objects(quads, damascus, rdf.type) == {ckg.Place}
    assert objects(quads, damascus, rdfs.label) == {Literal("دمشق", language="ar"),
                                                    Literal("Damascus", language="en")}
    assert objects(quads, damascus, ckg.adminLevel) == {ckgv.governorate}
    assert objects(quads, damascus, ckg.pcode) == {Literal("SY01")}
    assert objects(quads, damascus, owl.sameAs) == {
        NamedNode("http://www.wikidata.org/entity/Q2007044"),
        NamedNode("https://sws.geonames.org/167541/")}
    assert objects(quads, damascus, schema.containedInPlace) == set()
    qaboun = NamedNode(iris.place("A004"))
    assert objects(quads, qaboun, schema.containedInPlace) == {NamedNode(iris.place("C1001"))}
    assert objects(quads, qaboun, skos.altLabel) == {Literal("حي القابون", language="ar"),
                                                     Literal("Qabun", language="en")}
    assert objects(quads, qaboun, ckg.pcode) == set(), "A004 is a curated key, not a P-code"
    assert objects(quads, qaboun, owl.sameAs) == set()


def test_place_geometry_is_a_crs84_point_longitude_first(quads: list[Quad], iris: Iris) -> None:
    jobar = NamedNode(iris.place("A008"))
    geometry = NamedNode(iris.place("A008") + "#geometry")
    assert objects(quads, jobar, geo.hasGeometry) == {geometry}
    assert objects(quads, geometry, rdf.type) == {geo.Geometry}
    assert objects(quads, geometry, geo.asWKT) == {Literal(
        "<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POINT(36.330777 33.519777)",
        datatype=geo.wktLiteral)}


def test_place_without_coordinates_has_no_geometry(gazetteer: Gazetteers, iris: Iris) -> None:
    entry = replace(gazetteer.places["A008"], lat=None, lon=None)
    assert not [t for t in place_triples(entry, iris) if t[1] == geo.hasGeometry]


def test_an_identifier_that_is_not_one_is_refused(gazetteer: Gazetteers, iris: Iris) -> None:
    entry = replace(gazetteer.places["SY01"], wikidata="Damascus")
    with pytest.raises(ValueError, match="place SY01: wikidata is not an identifier"):
        list(place_triples(entry, iris))


def test_actor_kind_side_units_renamings_and_years(quads: list[Quad], iris: Iris) -> None:
    def actor(key: str) -> NamedNode:
        return NamedNode(iris.actor(key))

    government = actor("syrian-government-forces")
    assert objects(quads, government, rdf.type) == {ckg.ArmedGroup}
    assert objects(quads, government, ckg.actorKind) == {ckgk.state_force}
    assert objects(quads, government, ckg.side) == {Literal("government")}
    assert objects(quads, government, skos.altLabel) == {Literal("جيش النظام", language="ar")}
    assert objects(quads, government, skos.hiddenLabel) == {Literal("النظام", language="ar")}
    assert objects(quads, government, ckg.activeFrom) == {Literal("2011", datatype=xsd.gYear)}
    assert objects(quads, government, ckg.activeTo) == {Literal("2024", datatype=xsd.gYear)}
    assert objects(quads, actor("faylaq-al-rahman"), ckg.partOf) == {actor("free-syrian-army")}
    assert objects(quads, actor("jabhat-al-nusra"), ckg.renamedTo) == {
        actor("jabhat-fatah-al-sham")}
    assert objects(quads, actor("opposition-factions"), ckg.collective) == {Literal(True)}
    assert objects(quads, government, ckg.collective) == set()


def test_sources_type_stance_country_and_voice(quads: list[Quad], iris: Iris) -> None:
    sohr = NamedNode(iris.source("sohr"))
    assert objects(quads, sohr, rdf.type) == {ckg.ReportingSource}
    assert Literal("SOHR", language="en") in objects(quads, sohr, skos.altLabel)
    assert objects(quads, sohr, ckg.sourceType) == {Literal("monitor")}
    assert objects(quads, sohr, ckg.stance) == {
        Literal("opposition-leaning monitor", language="en")}
    assert objects(quads, sohr, ckg.country) == {Literal("United Kingdom")}
    media = NamedNode(iris.source("faylaq-al-rahman-media"))
    assert objects(quads, media, ckg.speaksFor) == {NamedNode(iris.actor("faylaq-al-rahman"))}


def test_the_project_gazetteers_map_to_a_graph_that_conforms(iris: Iris) -> None:
    gaz = load_bundle().gazetteers
    quads = list(gazetteer_quads(gaz, iris))
    typed = {q.subject for q in quads if q.predicate == rdf.type}
    assert len(typed) == len(gaz.places) + len(gaz.actors) + len(gaz.sources) + sum(
        1 for p in gaz.places.values() if p.lat is not None) + len(gaz.boundaries)  # geometries
    report = validate(quads)
    assert report.conforms, str(report)[:3000]


def test_governorates_have_their_boundary_beside_their_point(iris: Iris) -> None:
    """Natural Earth's polygons (mappings/places/boundaries.geojson): each governorate's
    outline holds most of its communities: 96% of all of them, and at least 60% of each
    governorate's (Quneitra's least: Natural Earth leaves the UN buffer zone out of it)."""
    from shapely.geometry import Point, shape

    gaz = load_bundle().gazetteers
    governorates = gaz.places.at_level("governorate")
    assert {g.key for g in governorates} == set(gaz.boundaries)
    outlines = {key: shape(geometry) for key, geometry in gaz.boundaries.items()}
    total = held = 0
    for key, outline in outlines.items():
        communities = [p for p in gaz.places.values() if p.level == "community" and p.admin1 == key
                       and p.lat is not None]
        inside = sum(outline.contains(Point(p.lon, p.lat)) for p in communities)
        assert inside >= 0.6 * len(communities), (key, inside, len(communities))
        total, held = total + len(communities), held + inside
    assert held >= 0.96 * total
    homs = NamedNode(iris.place("SY04"))
    triples = list(place_triples(gaz.places["SY04"], iris, gaz.boundaries["SY04"]))
    geometries = {t[2] for t in triples if t[0] == homs and t[1] == geo.hasGeometry}
    assert geometries == {NamedNode(homs.value + "#geometry"), NamedNode(homs.value + "#boundary")}
    wkt = next(t[2].value for t in triples if t[0] == NamedNode(homs.value + "#boundary") and t[1] == geo.asWKT)
    assert wkt.startswith("<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POLYGON")
