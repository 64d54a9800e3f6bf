"""What linking reads of the gazetteer from an on-disk store: each place with its level,
point, label and chain of parents, the chains shared by the places below them and read
as a plain walk up would read them, cycles included."""

from __future__ import annotations

import random
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from conflictkg.linking.index import open_index
from conflictkg.linking.read import Gazetteer
from conflictkg.rdf.vocabulary import ckg, geo, rdf, rdfs, schema
from conflictkg.store import writing

GAZETTEER = "https://example.org/graph/gazetteer"
X = "https://example.org/id/place/"


def _in(child: int, parent: int) -> Quad:
    return Quad(NamedNode(f"{X}{child}"), schema.containedInPlace, NamedNode(f"{X}{parent}"),
                NamedNode(GAZETTEER))


def test_a_place_is_read_whole_with_its_parents(tmp_path: Path) -> None:
    g, town, geometry = NamedNode(GAZETTEER), NamedNode(X + "town"), NamedNode(X + "town/geometry")
    quads = [Quad(town, rdf.type, ckg.Place, g), Quad(town, ckg.adminLevel, ckg["community"], g),
             Quad(town, rdfs.label, Literal("Kafr Tal", language="en"), g),
             Quad(town, rdfs.label, Literal("كفر تل", language="ar"), g),
             Quad(town, geo.hasGeometry, geometry, g),
             Quad(geometry, geo.asWKT, Literal("POINT(36.1 35.9)", datatype=geo.wktLiteral), g),
             Quad(town, schema.containedInPlace, NamedNode(X + "sub"), g),
             Quad(NamedNode(X + "sub"), schema.containedInPlace, NamedNode(X + "gov"), g)]
    with writing(tmp_path / "store") as writer:
        writer.extend(quads)
        gazetteer = Gazetteer(writer, GAZETTEER)
        gazetteer.learn([X + "town"])
        place = gazetteer.places[X + "town"]
    assert (place.label, place.level, place.point, place.curated) == ("Kafr Tal", "community", (36.1, 35.9), True)
    assert place.chain == (X + "sub", X + "gov")


def test_shared_chains_are_those_of_a_plain_walk_cycles_included(tmp_path: Path) -> None:
    chance = random.Random(7)
    for trial in range(40):
        n = chance.randint(1, 7)
        quads = [_in(i, j) for i in range(n) for j in chance.sample(range(n), chance.randint(0, min(2, n)))]
        with writing(tmp_path / f"store-{trial}") as writer:
            writer.extend(quads)
            gazetteer = Gazetteer(writer, GAZETTEER)
            for i in chance.sample(range(n), n):
                iri = f"{X}{i}"
                assert gazetteer._chain(iri, schema.containedInPlace) == \
                    gazetteer._walk(iri, schema.containedInPlace), (trial, i, quads)


def test_places_read_once_are_kept_in_the_index_until_the_gazetteer_changes(tmp_path: Path) -> None:
    g, town = NamedNode(GAZETTEER), NamedNode(X + "town")
    quads = [Quad(town, rdf.type, ckg.Place, g), Quad(town, rdfs.label, Literal("Kafr Tal", language="en"), g),
             Quad(town, schema.containedInPlace, NamedNode(X + "gov"), g)]
    index = open_index(tmp_path)
    try:
        index.use_gazetteer("first")
        with writing(tmp_path / "store") as writer:
            writer.extend(quads)
            first = Gazetteer(writer, GAZETTEER, index)
            first.learn([X + "town"])
            index.db.commit()
            writer.change(remove=[quads[1]], add=[])  # the store changes under the kept place
            second = Gazetteer(writer, GAZETTEER, index)
            second.learn([X + "town"])
            index.use_gazetteer("second")  # a new reference bundle: kept places are dropped
            third = Gazetteer(writer, GAZETTEER, index)
            third.learn([X + "town"])
    finally:
        index.db.close()
    assert first.places[X + "town"] == second.places[X + "town"]  # read from the index
    assert second.places[X + "town"].label == "Kafr Tal" and second.places[X + "town"].chain == (X + "gov",)
    assert third.places[X + "town"].label == "town"  # read again: the label is gone
