"""The gazetteers: places, armed groups and reporting sources, read from a bundle's ``mappings/``.

They are versioned data files (TSV and YAML, each folder with a README saying where
the data comes from); this module only reads and checks them, and offers the admin
chain of places. Matching names in text is the extractor's job, and turning entries
into RDF is the mapping's job.

    gaz = load_bundle().gazetteers
    gaz.places["N0094"].name_ar          # 'القدم'
    gaz.places.ancestors("N0094")        # area, city, sub-district, district, governorate
    gaz.actors["hts"].renamed_to
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from conflictkg.reference.loading import BundleError, SafeLoader, read_yaml

PLACE_LEVELS = ("governorate", "district", "subdistrict", "community", "neighbourhood", "site",
                "country")
SOURCE_TYPES = (
    "monitor", "state_media", "loyalist_media", "opposition_media", "agency", "media",
    "archive", "generic", "military", "official", "ngo",
)

PLACE_FILES = ("places.tsv", "extra.tsv", "abroad.tsv")  # rows of places, in this order
PLACE_ALIAS_FILE = "aliases.tsv"  # curated names added to places of either file
STOPNAME_FILE = "stopnames.txt"
BOUNDARY_FILE = "boundaries.geojson"  # polygons of admin units, by key (scripts/build_boundaries.py)
PLACE_COLUMNS = (
    "key", "level", "name_ar", "name_en", "aliases_ar", "aliases_en", "parent", "admin1",
    "admin1_en", "lat", "lon", "wikidata", "geonames", "prominence", "note",
)
ALIAS_COLUMNS = ("key", "aliases_ar", "aliases_en", "note")  # and an optional "prominence"


class GazetteerError(BundleError):
    """A gazetteer file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class PlaceEntry:
    key: str  # OCHA P-code (SY01, SY0100, SY010000, C1001, N0001, A008) or curated slug
    level: str
    name_ar: str
    name_en: str | None = None
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    parent: str | None = None
    admin1: str | None = None  # governorate key (a country's, for a place abroad)
    admin1_en: str | None = None  # governorate English name, as OCHA spells it
    lat: float | None = None
    lon: float | None = None
    wikidata: str | None = None  # only as given by the OpenSyria files
    geonames: str | None = None
    prominence: int = 0  # higher wins a tie between places of the same name
    note: str | None = None

    @property
    def names_ar(self) -> tuple[str, ...]:
        return (self.name_ar, *self.aliases_ar)

    @property
    def names_en(self) -> tuple[str, ...]:
        return ((self.name_en,) if self.name_en else ()) + self.aliases_en


class _Named:
    """Every name of an actor or source: the label first, then its aliases."""

    name_ar: str
    name_en: str
    aliases_ar: tuple[str, ...]
    aliases_en: tuple[str, ...]

    @property
    def names_ar(self) -> tuple[str, ...]:
        return (self.name_ar, *self.aliases_ar)

    @property
    def names_en(self) -> tuple[str, ...]:
        return (self.name_en, *self.aliases_en)


@dataclass(frozen=True)
class ActorEntry(_Named):
    key: str
    name_ar: str
    name_en: str
    kind: str
    side: str | None = None
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    weak_aliases_ar: tuple[str, ...] = ()  # names that denote the actor only in context ("النظام")
    weak_aliases_en: tuple[str, ...] = ()  # the same in English ("foreign fighters")
    generic: bool = False  # a collective term ("فصائل المعارضة"), not one organisation
    # names of the country itself ("تركيا", "Turkey"), also among the aliases: the state as a
    # party when it acts, a place when the text puts something in it ("فرّ إلى تركيا")
    country_names: tuple[str, ...] = ()
    parent: str | None = None
    active_from: int | None = None
    active_to: int | None = None
    renamed_to: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SourceEntry(_Named):
    key: str
    name_ar: str
    name_en: str
    type: str
    stance: str | None = None
    country: str | None = None
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    weak_aliases_ar: tuple[str, ...] = ()  # names that denote the source only in context ("العربية")
    actor: str | None = None  # the armed group or force speaking, when the source is one
    note: str | None = None


class Places(Mapping[str, PlaceEntry]):
    """Places by key, with the admin chain (neighbourhood → city → ... → governorate)."""

    def __init__(self, entries: Mapping[str, PlaceEntry]) -> None:
        self._entries = dict(entries)
        children: dict[str, list[str]] = {}
        for entry in self._entries.values():
            if entry.parent:
                children.setdefault(entry.parent, []).append(entry.key)
        self._children = {k: tuple(v) for k, v in children.items()}

    def __getitem__(self, key: str) -> PlaceEntry:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def children(self, key: str) -> tuple[PlaceEntry, ...]:
        """The places whose parent is ``key`` (one level down)."""
        return tuple(self._entries[k] for k in self._children.get(key, ()))

    def ancestors(self, key: str) -> tuple[PlaceEntry, ...]:
        """The parents of ``key``, nearest first, up to its governorate."""
        chain: list[PlaceEntry] = []
        parent = self._entries[key].parent
        while parent:
            entry = self._entries[parent]
            chain.append(entry)
            parent = entry.parent
        return tuple(chain)

    def at_level(self, level: str) -> tuple[PlaceEntry, ...]:
        return tuple(e for e in self._entries.values() if e.level == level)


@dataclass(frozen=True)
class Gazetteers:
    places: Places
    actors: Mapping[str, ActorEntry]
    sources: Mapping[str, SourceEntry]
    stopnames: frozenset[str]  # place names that are common words: match only when qualified
    # key -> GeoJSON geometry (CRS84) of the admin units whose boundary the bundle has
    boundaries: Mapping[str, dict[str, Any]] = field(default_factory=lambda: MappingProxyType({}))


def read_gazetteers(mappings: Path, *, actor_kinds: tuple[str, ...]) -> Gazetteers:
    """Read and check the gazetteers under a ``mappings/`` folder; an actor's kind must be
    one of ``actor_kinds`` (the bundle's ontology names them)."""
    places = _read_places(mappings / "places")
    actors = _read_actors(mappings / "actors" / "actors.yaml", actor_kinds)
    sources = _read_sources(mappings / "sources" / "sources.yaml", actors)
    stopnames = _read_lines(mappings / "places" / STOPNAME_FILE)
    boundaries = _read_boundaries(mappings / "places" / BOUNDARY_FILE, places)
    return Gazetteers(places, MappingProxyType(actors), MappingProxyType(sources), stopnames,
                      MappingProxyType(boundaries))


def _read_boundaries(path: Path, places: Places) -> dict[str, dict[str, Any]]:
    """The polygons of ``boundaries.geojson`` by place key (none when the file is absent)."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        features = data["features"]
    except (ValueError, KeyError, TypeError) as exc:
        raise GazetteerError(path, None, f"not a GeoJSON FeatureCollection: {exc}") from None
    found: dict[str, dict[str, Any]] = {}
    for n, feature in enumerate(features, 1):
        key = feature.get("id") if isinstance(feature, dict) else None
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(key, str) or key not in places:
            raise GazetteerError(path, None, f"feature {n}: unknown place key {key!r}")
        if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            raise GazetteerError(path, None, f"feature {key}: expected a Polygon or MultiPolygon")
        found[key] = geometry
    return found


# --- places (TSV) -----------------------------------------------------------------

def _tsv_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV file as (line number, row); lines starting with # are comments."""
    if not path.is_file():
        raise GazetteerError(path, None, "file not found")
    with path.open(encoding="utf-8", newline="") as f:
        lines = ((n, line) for n, line in enumerate(f, 1) if line.strip() and line[0] != "#")
        header_line = next(lines, None)
        if header_line is None:
            raise GazetteerError(path, None, "empty file, expected a header row")
        header = header_line[1].rstrip("\r\n").split("\t")
        missing = [c for c in columns if c not in header]
        if missing:
            raise GazetteerError(path, header_line[0], f"header lacks columns {missing}")
        for n, line in lines:
            cells = line.rstrip("\r\n").split("\t")
            if len(cells) != len(header):
                raise GazetteerError(
                    path, n, f"expected {len(header)} tab-separated cells, found {len(cells)}")
            yield n, dict(zip(header, map(str.strip, cells), strict=True))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip()) if cell else ()


def _number(path: Path, n: int, row: dict[str, str], column: str, kind: type = float) -> Any:
    """The cell as a number (``None`` when empty); a bad cell names file, line and column."""
    try:
        return kind(row[column]) if row.get(column) else None
    except ValueError:
        raise GazetteerError(path, n, f"{column} is not a {kind.__name__}: "
                                      f"{row[column]!r}") from None


def _read_places(folder: Path) -> Places:
    entries: dict[str, PlaceEntry] = {}
    lines: dict[str, tuple[Path, int]] = {}
    for name in PLACE_FILES:
        path = folder / name
        for n, row in _tsv_rows(path, PLACE_COLUMNS):
            key = row["key"]
            if not key or not row["name_ar"]:
                raise GazetteerError(path, n, "key and name_ar are required")
            if key in entries:
                first = lines[key]
                raise GazetteerError(path, n, f"duplicate key {key!r} (first at {first[0]}:"
                                              f"{first[1]})")
            if row["level"] not in PLACE_LEVELS:
                raise GazetteerError(path, n, f"unknown level {row['level']!r}; expected one"
                                              f" of {', '.join(PLACE_LEVELS)}")
            entries[key] = PlaceEntry(
                key=key, level=row["level"], name_ar=row["name_ar"],
                name_en=row["name_en"] or None, aliases_ar=_split(row["aliases_ar"]),
                aliases_en=_split(row["aliases_en"]), parent=row["parent"] or None,
                admin1=row["admin1"] or None, admin1_en=row["admin1_en"] or None,
                lat=_number(path, n, row, "lat"), lon=_number(path, n, row, "lon"),
                wikidata=row["wikidata"] or None, geonames=row["geonames"] or None,
                prominence=_number(path, n, row, "prominence", int) or 0,
                note=row["note"] or None)
            lines[key] = (path, n)
    for key, entry in entries.items():
        for ref in (entry.parent, entry.admin1):
            if ref and ref not in entries:
                raise GazetteerError(*lines[key], f"{key}: unknown place key {ref!r}")
        seen = {key}
        parent = entry.parent
        while parent:
            if parent in seen:
                raise GazetteerError(*lines[key], f"{key}: its parents form a loop")
            seen.add(parent)
            parent = entries[parent].parent if parent in entries else None
    alias_path = folder / PLACE_ALIAS_FILE
    for n, row in _tsv_rows(alias_path, ALIAS_COLUMNS):
        found = entries.get(row["key"])
        if found is None:
            raise GazetteerError(alias_path, n, f"unknown place key {row['key']!r}")
        entry = _with_aliases(found, _split(row["aliases_ar"]), _split(row["aliases_en"]))
        prominence = _number(alias_path, n, row, "prominence", int)
        entries[entry.key] = entry if prominence is None else replace(entry, prominence=prominence)
    return Places(entries)


def _with_aliases(entry: PlaceEntry, ar: tuple[str, ...], en: tuple[str, ...]) -> PlaceEntry:
    def merged(old: tuple[str, ...], new: tuple[str, ...], name: str | None) -> tuple[str, ...]:
        return old + tuple(a for a in dict.fromkeys(new) if a not in old and a != name)

    return replace(entry, aliases_ar=merged(entry.aliases_ar, ar, entry.name_ar),
                   aliases_en=merged(entry.aliases_en, en, entry.name_en))


def _read_lines(path: Path) -> frozenset[str]:
    if not path.is_file():
        raise GazetteerError(path, None, "file not found")
    with path.open(encoding="utf-8") as f:
        return frozenset(s for line in f if (s := line.split("#", 1)[0].strip()))


# --- actors and sources (YAML) --------------------------------------------------------

class _LineLoader(SafeLoader):  # type: ignore[misc]
    """A safe YAML loader that remembers the line of each mapping (as ``__line__``)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def _yaml_entries(path: Path, fields: tuple[str, ...]) -> Iterator[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise GazetteerError(path, None, "file not found")
    data = read_yaml(path, error=GazetteerError, loader=_LineLoader)
    if not isinstance(data, list):
        raise GazetteerError(path, None, "expected a list of entries")
    for item in data:
        if not isinstance(item, dict):
            raise GazetteerError(path, None, f"expected a mapping, found {item!r}")
        n = item.pop("__line__")
        unknown = set(item) - set(fields)
        if unknown:
            raise GazetteerError(path, n, f"unknown fields {sorted(unknown)}")
        yield n, item


@dataclass(frozen=True)
class _Item:
    """One YAML entry with the file and line to name when one of its fields is bad."""

    path: Path
    line: int
    data: dict[str, Any]

    def error(self, message: str) -> GazetteerError:
        return GazetteerError(self.path, self.line, message)

    def text(self, field: str) -> str | None:
        value = self.data.get(field)
        if value is None or value == "":
            return None
        if not isinstance(value, str | int):
            raise self.error(f"{field} must be a string, found {value!r}")
        return str(value).strip()

    def required(self, field: str, allowed: tuple[str, ...] = ()) -> str:
        value = self.text(field)
        if not value:
            raise self.error(f"{field} is required")
        if allowed and value not in allowed:
            raise self.error(f"unknown {field} {value!r}; expected one of {', '.join(allowed)}")
        return value

    def names(self, field: str) -> tuple[str, ...]:
        value = self.data.get(field) or ()
        if isinstance(value, str) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(f"{field} must be a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def year(self, field: str) -> int | None:
        value = self.data.get(field)
        if value is not None and (not isinstance(value, int) or not 1900 < value < 2100):
            raise self.error(f"{field} must be a year, found {value!r}")
        return value


ACTOR_FIELDS = (
    "key", "name_ar", "name_en", "kind", "side", "aliases_ar", "aliases_en", "weak_aliases_ar",
    "weak_aliases_en", "country_names_ar", "country_names_en", "generic", "parent", "active_from", "active_to",
    "renamed_to", "note",
)
SOURCE_FIELDS = (
    "key", "name_ar", "name_en", "type", "stance", "country", "aliases_ar", "aliases_en",
    "weak_aliases_ar", "actor", "note",
)


def _keyed(path: Path, fields: tuple[str, ...]) -> Iterator[tuple[str, _Item]]:
    """Entries of a YAML gazetteer with their unique keys."""
    seen: dict[str, int] = {}
    for n, data in _yaml_entries(path, fields):
        item = _Item(path, n, data)
        key = item.required("key")
        if key in seen:
            raise item.error(f"duplicate key {key!r} (first at line {seen[key]})")
        seen[key] = n
        yield key, item


def _read_actors(path: Path, kinds: tuple[str, ...]) -> dict[str, ActorEntry]:
    actors: dict[str, ActorEntry] = {}
    items: dict[str, _Item] = {}
    for key, item in _keyed(path, ACTOR_FIELDS):
        items[key] = item
        name_ar, name_en = item.required("name_ar"), item.required("name_en")
        country_ar, country_en = item.names("country_names_ar"), item.names("country_names_en")
        actors[key] = ActorEntry(
            key=key, name_ar=name_ar, name_en=name_en,
            kind=item.required("kind", kinds), side=item.text("side"),
            aliases_ar=_more(item.names("aliases_ar"), country_ar, name_ar),
            aliases_en=_more(item.names("aliases_en"), country_en, name_en),
            weak_aliases_ar=item.names("weak_aliases_ar"),
            weak_aliases_en=item.names("weak_aliases_en"), country_names=country_ar + country_en,
            generic=bool(item.data.get("generic", False)), parent=item.text("parent"),
            active_from=item.year("active_from"), active_to=item.year("active_to"),
            renamed_to=item.text("renamed_to"), note=item.text("note"))
    for key, actor in actors.items():
        for ref in (actor.parent, actor.renamed_to):
            if ref and ref not in actors:
                raise items[key].error(f"{key}: unknown actor key {ref!r}")
    return actors


def _more(aliases: tuple[str, ...], names: tuple[str, ...], label: str) -> tuple[str, ...]:
    """The aliases and then the other names not yet among them or the label."""
    return aliases + tuple(n for n in names if n != label and n not in aliases)


def _read_sources(path: Path, actors: Mapping[str, ActorEntry]) -> dict[str, SourceEntry]:
    sources: dict[str, SourceEntry] = {}
    for key, item in _keyed(path, SOURCE_FIELDS):
        actor = item.text("actor")
        if actor and actor not in actors:
            raise item.error(f"unknown actor key {actor!r}")
        sources[key] = SourceEntry(
            key=key, name_ar=item.required("name_ar"), name_en=item.required("name_en"),
            type=item.required("type", SOURCE_TYPES), stance=item.text("stance"),
            country=item.text("country"), aliases_ar=item.names("aliases_ar"),
            aliases_en=item.names("aliases_en"), weak_aliases_ar=item.names("weak_aliases_ar"),
            actor=actor, note=item.text("note"))
    return sources
