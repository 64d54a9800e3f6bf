"""Build the bundle's mappings/places/places.tsv from the OCHA and OpenSyria reference data.

    python scripts/build_places.py --ocha DATA/ocha-syria --opensyria DATA/open-syria \
        --out src/conflictkg/reference/data/mappings/places/

Writes ``places.tsv`` (governorates, districts, sub-districts, communities, the
municipal areas of Damascus and city neighbourhoods, one row each, in admin-chain
order) and ``ambiguous.tsv`` (names shared by several places, curated files
included). The curated ``extra.tsv``, ``abroad.tsv``, ``aliases.tsv`` and
``stopnames.txt`` are read, never written. Wikidata and GeoNames ids come from the OpenSyria files only.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

COLUMNS = (
    "key", "level", "name_ar", "name_en", "aliases_ar", "aliases_en", "parent", "admin1",
    "admin1_en", "lat", "lon", "wikidata", "geonames", "prominence", "note",
)
# Tie-breaking rank between places of the same name: coarser and central places first.
PROMINENCE = {
    "governorate": 95, "governorate_centre": 90, "district_centre": 80, "district": 70,
    "subdistrict_centre": 60, "subdistrict": 50, "area": 45, "community": 30,
    "neighbourhood": 25,
}
NEIGHBOURHOOD_PREFIX = "حي "
CITY_WORD = "مدينة "  # an admin unit's alias "مدينة X" names its seat city, not the unit
QUALIFIER_JUNK = {"حي", "قرية"}
_EN_TAG = re.compile(r"\s*\((?:ne|co)\)\s*$", re.I)
_EN_PAREN = re.compile(r"\s*\([^)]*\)")
_EN_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az"}  # a bare article is no name
_EN_ALIAS_OK = re.compile(r"^[A-Za-z][A-Za-z' -]*$")


def clean(text: str) -> str:
    """One-spaced text without direction marks or tatweel (الحامـــو > الحامو)."""
    text = text.replace("\u200f", " ").replace("\u200e", " ").replace("\u0640", "")
    return " ".join(text.split())


def split_ar(name: str, chain: set[str]) -> list[str]:
    """The names a raw OCHA Arabic name holds: ``X - parent`` keeps X; ``X_Y``, ``X-Y`` both."""
    name = clean(name)
    while name.startswith(NEIGHBOURHOOD_PREFIX):  # one OCHA name has it twice
        name = name[len(NEIGHBOURHOOD_PREFIX):]
    # A spaced dash: the tail qualifies the head (its sub-district, a nearby village).
    name = name.partition(" - ")[0]
    parts = [clean(p) for p in re.split(r"[_/]|(?<=\S)-|-(?=\S)", name)]
    parts = [p for p in parts if p and p not in QUALIFIER_JUNK]
    if len(parts) > 1 and parts[-1] in chain:
        parts = parts[:-1]
    return list(dict.fromkeys(parts))


def split_en(name: str, alternates: bool) -> list[str]:
    name = _EN_PAREN.sub("", _EN_TAG.sub("", clean(name))).strip()
    parts = [p for p in (clean(p) for p in re.split(r"\s+-\s+|[_/]", name))
             if p and p.lower().rstrip("-") not in _EN_ARTICLES]
    return parts if alternates else parts[:1]


def english_variant(name: str) -> str | None:
    """The news spelling of OCHA's English article forms: Madamiyet Elsham > Madamiyet al-Sham."""
    out = re.sub(r"\bEl([a-z])", lambda m: "al-" + m.group(1).upper(), name)
    out = re.sub(r"\b(?:Al|El|Ad|Ar|As|Ash|At|Az) (?=[A-Z])", "al-", out)
    return out if out != name else None


def toggled_article(name: str, add: bool) -> str | None:
    """A one-word name with the article ال removed (القابون > قابون) or, if ``add``, added.

    Short forms are left out: without ال they are mostly common words (قدم، حرية).
    """
    if " " in name:
        return None
    if name.startswith("ال"):
        return name[2:] if len(name) >= 7 else None
    return "ال" + name if add and len(name) >= 4 else None


def spacing_variant(name: str) -> str | None:
    """كفر نبل and كفرنبل are both written: the other spacing of a name in كفر."""
    if name.startswith("كفر "):
        return "كفر" + name[4:]
    if name.startswith("كفر") and len(name) >= 6 and " " not in name:
        return "كفر " + name[3:]
    return None


def build_key(text: str) -> str:
    """A coarse key for the ambiguity report (the extractor normalises on its own)."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("\u0640", "")
    for src, dst in (("أإآٱ", "ا"), ("ة", "ه"), ("ى", "ي"), ("ؤ", "و"), ("ئ", "ي")):
        text = re.sub(f"[{src}]", dst, text)
    return " ".join(text.lower().split())


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: clean(v or "") for k, v in row.items()} for row in csv.DictReader(f)]


def opensyria_units(folder: Path) -> dict[str, dict]:
    units: dict[str, dict] = {}
    for name in ("governorates.json", "districts.json", "subdistricts.json"):
        for unit in json.loads((folder / name).read_text(encoding="utf-8")):
            pcode = unit.get("externalIds", {}).get("ochaPcode")
            if pcode:
                units[pcode] = unit
    return units


def opensyria_aliases(unit: dict | None) -> tuple[list[str], list[str]]:
    """Arabic and English aliases, without machine transliterations (``nahyt mrkz ...``)."""
    ar: list[str] = []
    en: list[str] = []
    for alias in (unit or {}).get("aliases", []):
        value = clean(alias["value"])
        if alias["language"] == "ar":
            ar.append(value)
        elif _EN_ALIAS_OK.match(value) and not value.islower():
            en.append(value)
    return ar, en


def row(key: str, level: str, names_ar: list[str], names_en: list[str],
        stop: frozenset[str] = frozenset(), **fields) -> dict:
    """One place row, with generated spellings: the article added or dropped (شجرة >
    الشجرة), the other spacing of كفر, the news form of OCHA's English (Elsham > al-Sham).

    A name in ``stop`` (common words, by :func:`build_key`) gets no such variant: its
    other form would be a common word too (الجنوبي > جنوبي).
    """
    names_ar = list(dict.fromkeys(n for n in names_ar if n))
    names_en = list(dict.fromkeys(n for n in names_en if n))
    add = level == "community" and int(fields.get("prominence") or 0) < PROMINENCE["district"]
    variants = [v for n in names_ar[:2]
                if build_key(n) not in stop and (v := toggled_article(n, add))]
    variants += [v for n in names_ar[:2] if (v := spacing_variant(n))]
    aliases_ar = [a for a in dict.fromkeys(names_ar[1:] + variants) if a != names_ar[0]]
    names_en += [v for n in names_en[:2] if (v := english_variant(n)) and v not in names_en]
    out = {c: "" for c in COLUMNS}
    out.update(key=key, level=level, name_ar=names_ar[0], name_en=names_en[0] if names_en else "",
               aliases_ar="|".join(aliases_ar), aliases_en="|".join(names_en[1:]))
    out.update({k: "" if v is None else str(v) for k, v in fields.items()})
    return out


def build(ocha: Path, opensyria: Path, stop: frozenset[str] = frozenset()) -> list[dict]:
    place = functools.partial(row, stop=stop)
    units = opensyria_units(opensyria)
    rows: list[dict] = []
    admin1_en: dict[str, str] = {}
    centres: dict[str, str] = {}  # normalised name of an admin unit -> its level of centre

    def unit_fields(pcode: str) -> dict:
        unit = units.get(pcode, {})
        ids = unit.get("externalIds", {})
        centroid = unit.get("centroid") or {}
        return {"lat": centroid.get("latitude"), "lon": centroid.get("longitude"),
                "wikidata": ids.get("wikidata"), "geonames": ids.get("geonames")}

    for level, file, n in (("governorate", "admin1.csv", 1), ("district", "admin2.csv", 2),
                           ("subdistrict", "admin3.csv", 3)):
        for r in read_csv(ocha / file):
            pcode = r[f"admin{n}Pcode"]
            ar, en = opensyria_aliases(units.get(pcode))
            ar = [a for a in ar if not a.startswith(CITY_WORD)]  # "مدينة إدلب" is the city
            name_ar = r[f"admin{n}Name_ar"]
            name_en = r[f"admin{n}Name_en"]
            if level == "governorate":
                admin1_en[pcode] = name_en
            rows.append(place(
                pcode, level, [name_ar, *ar], [name_en, *en],
                parent=r[f"admin{n - 1}Pcode"] if n > 1 else "", admin1=r["admin1Pcode"],
                admin1_en=admin1_en[r["admin1Pcode"]], prominence=PROMINENCE[level],
                **unit_fields(pcode)))
            centres.setdefault(f"{pcode}", build_key(name_ar.removeprefix("مركز ")))

    locations = read_csv(ocha / "Location.csv")
    neighbourhoods = {r["Neighbourhood_Pcode"]: r for r in read_csv(ocha / "city_neighbourhoods.csv")}
    by_code = {r["Location_Pcode"]: r for r in locations}
    areas: dict[str, dict] = {}
    for r in neighbourhoods.values():
        code = r["areaPcode"]
        if code and code != "<Null>":
            area = areas.setdefault(code, {"r": r, "lats": [], "lons": []})
            loc = by_code.get(r["Neighbourhood_Pcode"])
            if loc:
                area["lats"].append(float(loc["Latitude_y"]))
                area["lons"].append(float(loc["Longitude_x"]))

    community_rows: list[dict] = []
    neighbourhood_rows: list[dict] = []
    for r in locations:
        chain = {r[f"admin{i}Name_ar"] for i in (1, 2, 3, 4)} | {
            r["admin3Name_ar"].removeprefix("مركز "), "مدينة " + r["admin4Name_ar"]}
        names_ar = split_ar(r["LocationName_ar"], chain)
        names_en = split_en(r["LocationName_en"], alternates=len(names_ar) > 1)
        common = dict(admin1=r["admin1Pcode"], admin1_en=admin1_en[r["admin1Pcode"]],
                      lat=r["Latitude_y"], lon=r["Longitude_x"])
        key = r["Location_Pcode"]
        if r["location_type"] == "Community":
            own = build_key(names_ar[0])
            level = "community"
            if own == centres[r["admin1Pcode"]]:
                level = "governorate_centre"
            elif own == centres[r["admin2Pcode"]]:
                level = "district_centre"
            elif own == centres[r["admin3Pcode"]]:
                level = "subdistrict_centre"
            community_rows.append(place(key, "community", names_ar, names_en,
                                      parent=r["admin3Pcode"], prominence=PROMINENCE[level],
                                      **common))
        else:
            ref = neighbourhoods.get(key, {})
            names_ar += split_ar(ref.get("Neighbourhood_RefName_ar", ""), chain)
            names_en += split_en(ref.get("Neighbourhood_RefName_en", ""), alternates=False)
            area = ref.get("areaPcode", "")
            parent = area if area in areas else r["admin4Pcode"]
            neighbourhood_rows.append(place(key, "neighbourhood", names_ar, names_en,
                                          parent=parent, prominence=PROMINENCE["neighbourhood"],
                                          **common))
    area_rows = []
    for code, area in sorted(areas.items()):
        r = area["r"]
        area_rows.append(place(
            code, "neighbourhood", [r["areaName_ar"]], [r["areaName_en"]], parent=r["admin4Pcode"],
            admin1=r["admin1Pcode"], admin1_en=admin1_en[r["admin1Pcode"]],
            lat=round(sum(area["lats"]) / len(area["lats"]), 6),
            lon=round(sum(area["lons"]) / len(area["lons"]), 6), prominence=PROMINENCE["area"],
            note="OCHA municipal area of the city; coordinates: mean of its OCHA neighbourhoods"))
    return rows + community_rows + area_rows + neighbourhood_rows


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def ambiguity(rows: list[dict], folder: Path) -> list[dict]:
    """Names (by a coarse normal form) that several places carry, with every candidate."""
    extra = [row for name in ("extra.tsv", "abroad.tsv") if (folder / name).is_file()
             for row in read_tsv(folder / name)]
    aliases = read_tsv(folder / "aliases.tsv") if (folder / "aliases.tsv").is_file() else []
    added = defaultdict(list)
    prominence = {}
    for a in aliases:
        added[a["key"]] += [x for x in a["aliases_ar"].split("|") if x]
        if a.get("prominence"):
            prominence[a["key"]] = a["prominence"]
    by_name: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in rows + extra:
        r = {**r, "prominence": prominence.get(r["key"], r["prominence"])}
        for name in [r["name_ar"], *r["aliases_ar"].split("|"), *added[r["key"]]]:
            if name:
                by_name[build_key(name)][r["key"]] = r
    out = []
    for name, places in sorted(by_name.items()):
        if len(places) > 1:
            ranked = sorted(places.values(), key=lambda p: -int(p["prominence"] or 0))
            out.append({"name": name, "count": len(ranked),
                        "keys": "|".join(p["key"] for p in ranked),
                        "levels": "|".join(p["level"] for p in ranked),
                        "admin1": "|".join(p["admin1_en"] for p in ranked)})
    return out


def write_tsv(path: Path, rows: list[dict], columns: tuple[str, ...], header: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(header)
        writer = csv.DictWriter(f, columns, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_NONE, escapechar=None)
        writer.writeheader()
        for r in rows:
            for c in columns:
                if any(ch in str(r[c]) for ch in "\t\n"):
                    raise ValueError(f"{r['key']}: tab or newline in {c}")
            writer.writerow({c: r[c] for c in columns})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ocha", type=Path, required=True, help="folder with Location.csv")
    parser.add_argument("--opensyria", type=Path, required=True, help="folder with *.json")
    parser.add_argument("--out", type=Path, default=Path("src/conflictkg/reference/data/mappings/places"))
    args = parser.parse_args(argv)
    for folder, needed in ((args.ocha, "Location.csv"), (args.opensyria, "subdistricts.json")):
        if not (folder / needed).is_file():
            parser.error(f"{folder}: {needed} not found")
    stopnames = args.out / "stopnames.txt"
    stop = frozenset(build_key(line.split("#", 1)[0].strip())
                     for line in stopnames.read_text(encoding="utf-8").splitlines()
                     if line.split("#", 1)[0].strip()) if stopnames.is_file() else frozenset()
    rows = build(args.ocha, args.opensyria, stop)
    args.out.mkdir(parents=True, exist_ok=True)
    write_tsv(args.out / "places.tsv", rows, COLUMNS,
              "# Generated by scripts/build_places.py from OCHA Syria humanitarian locations\n"
              "# (CC BY 3.0 IGO) and OpenSyria Data Geography (CC BY 4.0). Do not edit; see"
              " README.md.\n")
    amb = ambiguity(rows, args.out)
    write_tsv(args.out / "ambiguous.tsv", amb, ("name", "count", "keys", "levels", "admin1"),
              "# Generated by scripts/build_places.py: names several places share (normalised),\n"
              "# candidates most prominent first. The extractor chooses by context.\n")
    print(f"{len(rows)} places, {len(amb)} ambiguous names -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
