"""The gazetteer files load, hold together, and bad rows are reported by file and line."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from conflictkg.extract.model import ACTOR_KINDS
from conflictkg.reference import load_bundle
from conflictkg.reference.gazetteers import (
    PLACE_LEVELS,
    GazetteerError,
    Gazetteers,
    PlaceEntry,
    read_gazetteers,
)

REPO = Path(__file__).resolve().parents[1]
MAPPINGS = load_bundle().mappings
OPENSYRIA = REPO.parent / "shared" / "data" / "open-syria"
OCHA = REPO.parent / "shared" / "data" / "ocha-syria"


@pytest.fixture(scope="module")
def gaz() -> Gazetteers:
    return load_bundle().gazetteers


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A private copy of mappings/ to break."""
    target = tmp_path / "mappings"
    for sub in ("places", "actors", "sources"):
        shutil.copytree(MAPPINGS / sub, target / sub)
    return target


def load_gazetteers(mappings: Path) -> Gazetteers:
    return read_gazetteers(mappings, actor_kinds=ACTOR_KINDS)


def test_the_bundle_loads_its_gazetteers_once(gaz: Gazetteers) -> None:
    assert load_bundle().gazetteers is gaz
    assert load_bundle(MAPPINGS.parent).gazetteers is gaz


def test_a_bundle_folder_has_gazetteers_of_its_own(bundle_copy: Path) -> None:
    places = bundle_copy / "mappings" / "places" / "extra.tsv"
    places.write_text(places.read_text(encoding="utf-8").replace("\tدرعا البلد\t", "\tدرعا البلد القديمة\t", 1),
                      encoding="utf-8")
    assert load_bundle(bundle_copy).gazetteers.places["daraa-al-balad"].name_ar == "درعا البلد القديمة"
    assert load_bundle().gazetteers.places["daraa-al-balad"].name_ar == "درعا البلد"


def test_counts(gaz: Gazetteers) -> None:
    levels = Counter(p.level for p in gaz.places.values()
                     if p.admin1 is None or gaz.places[p.admin1].level == "governorate")
    assert levels["governorate"] == 14
    assert levels["district"] == 62
    assert levels["subdistrict"] >= 270
    assert levels["community"] >= 7593
    assert levels["neighbourhood"] >= 414
    assert levels["site"] >= 10
    abroad = Counter(p.level for p in gaz.places.values()
                     if p.admin1 and gaz.places[p.admin1].level == "country")
    assert abroad["country"] >= 10 and abroad["community"] >= 40
    assert len(gaz.actors) >= 250
    assert len(gaz.sources) >= 40


def test_places_are_well_formed(gaz: Gazetteers) -> None:
    for place in gaz.places.values():
        assert place.level in PLACE_LEVELS
        if place.admin1 is None:  # only roads and rivers that cross borders
            assert place.level == "site" and place.parent is None, place.key
            continue
        assert gaz.places[place.admin1].level in ("governorate", "country")
        if place.level not in ("governorate", "country"):
            assert place.parent in gaz.places, place.key
        if place.lat is not None:
            assert 32.0 < place.lat < 37.6 and 35.5 < place.lon < 42.5, place.key
        if gaz.places[place.admin1].level == "country":  # abroad: no data gives a point
            assert place.lat is None and place.wikidata is None, place.key


def test_admin_chain(gaz: Gazetteers) -> None:
    chain = [p.key for p in gaz.places.ancestors("N0094")]  # حي القدم, Damascus
    assert chain == ["A015", "C1001", "SY010000", "SY0100", "SY01"]
    assert "N0094" in {p.key for p in gaz.places.children("A015")}
    for place in gaz.places.values():
        top = gaz.places.ancestors(place.key)[-1:] or (place,)
        assert top[0].key == (place.admin1 or place.key)


def test_pcodes_are_unique_and_well_shaped(gaz: Gazetteers) -> None:
    shapes = {"governorate": r"SY\d{2}", "district": r"SY\d{4}", "subdistrict": r"SY\d{6}"}
    for place in gaz.places.values():
        if place.level in shapes and gaz.places[place.admin1].level == "governorate":
            assert re.fullmatch(shapes[place.level], place.key), place.key
    places_tsv = (MAPPINGS / "places" / "places.tsv").read_text(encoding="utf-8").splitlines()
    keys = [line.split("\t", 1)[0] for line in places_tsv if line and line[0] != "#"]
    assert len(keys) == len(set(keys))


def named(gaz: Gazetteers, name: str) -> list[PlaceEntry]:
    """Places carrying ``name``, most prominent first."""
    found = [p for p in gaz.places.values() if name in p.names_ar or name in p.names_en]
    return sorted(found, key=lambda p: -p.prominence)


def test_news_names_resolve(gaz: Gazetteers) -> None:
    jobar = {p.admin1_en for p in named(gaz, "جوبر")}
    assert jobar == {"Damascus", "Homs"}  # both kept: the extractor decides by context
    assert [p.key for p in named(gaz, "درعا البلد")] == ["daraa-al-balad"]
    assert named(gaz, "درعا البلد")[0].parent == "C5993"
    assert named(gaz, "الغوطة")[0].key == "eastern-ghouta"
    assert named(gaz, "اليرموك")[0].key == "C1002"
    assert named(gaz, "مخيم اليرموك")[0].admin1_en == "Damascus"
    assert named(gaz, "ريف حلب الشمالي")[0].key == "SY02"
    assert named(gaz, "كوباني")[0].key == "C1946"
    assert named(gaz, "Jobar")[0].key == "A008"
    assert named(gaz, "دمشق")[0].level == "governorate"


def test_neighbourhood_names_are_cleaned(gaz: Gazetteers) -> None:
    assert gaz.places["N0092"].name_ar == "التضامن"  # OCHA: "حي التضامن - دمشق"
    assert gaz.places["N0001"].aliases_ar[:1] == ("عش الورور",)  # "الحرية_ عش الورور"
    assert gaz.places["N0094"].parent == "A015"  # in the municipal area of al-Qadam
    assert not any(n.startswith("حي ") for p in gaz.places.at_level("neighbourhood")
                   if p.key.startswith("N") for n in p.names_ar)


def test_stopnames_are_place_names(gaz: Gazetteers) -> None:
    names = {n for p in gaz.places.values() for n in p.names_ar}
    assert {"الحرية", "سلام", "النصر", "المحطة", "السلمية", "دمر"} <= gaz.stopnames
    assert gaz.stopnames <= names
    assert not gaz.stopnames & {"دمشق", "داريا", "الباب", "القدم", "اليرموك"}


@pytest.mark.skipif(not OPENSYRIA.is_dir(), reason="OpenSyria reference data not present")
def test_no_invented_identifiers(gaz: Gazetteers) -> None:
    known: dict[str, set[str]] = {"wikidata": set(), "geonames": set()}
    for name in ("governorates.json", "districts.json", "subdistricts.json"):
        for unit in json.loads((OPENSYRIA / name).read_text(encoding="utf-8")):
            for id_kind, ids in known.items():
                if unit["externalIds"].get(id_kind):
                    ids.add(unit["externalIds"][id_kind])
    for place in gaz.places.values():
        assert place.wikidata is None or place.wikidata in known["wikidata"], place.key
        assert place.geonames is None or place.geonames in known["geonames"], place.key
    assert sum(p.wikidata is not None for p in gaz.places.values()) > 300


def test_actors_are_well_formed(gaz: Gazetteers) -> None:
    for actor in gaz.actors.values():
        assert actor.kind in ACTOR_KINDS
        assert actor.parent is None or actor.parent in gaz.actors
        assert actor.renamed_to is None or actor.renamed_to in gaz.actors
        if actor.active_from and actor.active_to:
            assert actor.active_from <= actor.active_to, actor.key
    assert gaz.actors["jabhat-al-nusra"].renamed_to == "jabhat-fatah-al-sham"
    assert gaz.actors["jabhat-fatah-al-sham"].renamed_to == "hts"


def test_a_country_name_is_a_name_of_its_actor(gaz: Gazetteers) -> None:
    turkey = gaz.actors["turkey"]
    assert "تركيا" in turkey.country_names and "Turkey" in turkey.country_names
    assert "تركيا" in turkey.names_ar and "Türkiye" in turkey.names_en
    assert len(turkey.names_en) == len(set(turkey.names_en))  # the label is not repeated
    assert "security forces" in gaz.actors["security-services"].weak_aliases_en


def test_sources_cover_the_evaluation_aliases(gaz: Gazetteers) -> None:
    names = {n for s in gaz.sources.values() for n in (*s.names_ar, *s.names_en)}
    for expected in ("المرصد السوري", "SOHR", "سانا", "صحيفة الوطن", "عنب بلدي", "السورية نت",
                     "الذاكرة السورية", "فرانس برس", "تجمع أحرار حوران", "لجان التنسيق المحلية",
                     "إدارة العمليات العسكرية", "ناشطون", "شبكات محلية"):
        assert expected in names
    for source in gaz.sources.values():
        assert source.actor is None or source.actor in gaz.actors


def test_malformed_place_row_names_file_and_line(copy: Path) -> None:
    extra = copy / "places" / "extra.tsv"
    lines = extra.read_text(encoding="utf-8").splitlines()
    lines.append("broken\tsite\tمكان")
    extra.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=rf"extra\.tsv:{len(lines)}: expected \d+"):
        load_gazetteers(copy)


@pytest.mark.parametrize(("old", "new", "message"), [
    ("\tC5993\t", "\tC9999999\t", r"unknown place key 'C9999999'"),
    ("\tabbasiyin\t", "\tabbasiyin-garages\t", r"abbasiyin-garages: its parents form a loop"),
])
def test_bad_parent_names_the_row(copy: Path, old: str, new: str, message: str) -> None:
    extra = copy / "places" / "extra.tsv"
    extra.write_text(extra.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(GazetteerError, match=rf"extra\.tsv:\d+: .*{message}"):
        load_gazetteers(copy)


def test_bad_actor_names_file_and_line(copy: Path) -> None:
    path = copy / "actors" / "actors.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "- key: nobody\n  name_ar: أحد\n  name_en: Nobody\n  kind: army\n",
                    encoding="utf-8")
    line = text.count("\n") + 1
    with pytest.raises(GazetteerError, match=rf"actors\.yaml:{line}: unknown kind 'army'"):
        load_gazetteers(copy)


def test_yaml_syntax_error_names_the_line(copy: Path) -> None:
    path = copy / "sources" / "sources.yaml"
    path.write_text("- key: x\n  name_ar: [unclosed\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"sources\.yaml:\d+"):
        load_gazetteers(copy)


def _build_places_module():
    """scripts/build_places.py, which is a script rather than a package module."""
    spec = importlib.util.spec_from_file_location("build_places", REPO / "scripts" / "build_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ocha_names_are_split_into_names() -> None:
    build = _build_places_module()
    assert build.split_ar("حي التضامن - دمشق", {"دمشق"}) == ["التضامن"]
    assert build.split_ar("حي الزاهرة - حي", set()) == ["الزاهرة"]
    assert build.split_ar("أم قرون_أم جرن", set()) == ["أم قرون", "أم جرن"]
    assert build.split_ar("الراموسة/ المنطقة الصناعية", set()) == ["الراموسة", "المنطقة الصناعية"]
    assert build.split_ar("الباقـــلا", set()) == ["الباقلا"]
    assert build.split_en("Fardos - Damascus (ne)", alternates=False) == ["Fardos"]
    assert build.toggled_article("القابون", add=False) == "قابون"
    assert build.toggled_article("القدم", add=False) is None  # قدم is a common word
    assert build.spacing_variant("كفر نبل") == "كفرنبل"


@pytest.mark.skipif(not (OCHA.is_dir() and OPENSYRIA.is_dir()), reason="reference data not present")
def test_places_tsv_is_rebuilt_identically(tmp_path: Path) -> None:
    for name in ("extra.tsv", "abroad.tsv", "aliases.tsv", "stopnames.txt"):
        shutil.copy(MAPPINGS / "places" / name, tmp_path / name)
    build = _build_places_module()
    assert build.main(["--ocha", str(OCHA), "--opensyria", str(OPENSYRIA),
                       "--out", str(tmp_path)]) == 0
    for name in ("places.tsv", "ambiguous.tsv"):
        assert (tmp_path / name).read_bytes() == (MAPPINGS / "places" / name).read_bytes(), name


def test_a_curated_place_has_the_coordinates_of_the_ocha_row_its_note_names(gaz) -> None:
    """Coordinates are never typed by hand: a curated row copies those of the OCHA row
    (community, neighbourhood or Damascus area) that its note names."""
    named = re.compile(r"coordinates of [^;]*?\b([CN]\d{4}|A\d{3})\b")
    checked = 0
    for entry in gaz.places.values():
        match = named.search(entry.note or "") if not re.fullmatch(r"[CNA]\d+|SY\d+", entry.key) else None
        if match:
            source = gaz.places[match.group(1)]
            assert (entry.lat, entry.lon) == (source.lat, source.lon), entry.key
            checked += 1
        elif entry.level == "site" and entry.lat is not None and entry.admin1 in gaz.places:
            pytest.fail(f"{entry.key}: coordinates without the OCHA row they come from")
    assert checked > 100
