"""Vendor the query page's front-end packages from the npm registry into the package.

    python scripts/build_vendor.py

Installs the exact versions of ``scripts/vendor/package-lock.json`` (``npm ci``), bundles
the editor (CodeMirror 6 and its SPARQL mode, ``scripts/vendor/editor.mjs``) with esbuild
into one script, copies Leaflet and Leaflet.markercluster as they are published, and writes
``src/conflictkg/server/static/vendor/README.md`` with every package's version and licence,
and the licence texts beside them. The output is committed: the server and the wheel need
no npm, and nothing is fetched at run time. Run it again after changing
``scripts/vendor/package.json`` (then ``npm install`` there to update the lock file).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "scripts" / "vendor"
OUT = ROOT / "src" / "conflictkg" / "server" / "static" / "vendor"
COPIED = {
    "leaflet": ["dist/leaflet.js", "dist/leaflet.css"],
    "leaflet.markercluster": ["dist/leaflet.markercluster.js", "dist/MarkerCluster.css",
                              "dist/MarkerCluster.Default.css"],
}
LICENCE_FILES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "MIT-LICENSE.txt", "MIT-LICENCE.txt")


def run(*command: str) -> None:
    subprocess.run(command, cwd=WORK, check=True)


def installed() -> dict[str, dict]:
    """Every package npm installed (the bundle's dependencies too), by name."""
    found = {}
    for manifest in sorted((WORK / "node_modules").glob("**/package.json")):
        if manifest.parent.parent.name not in ("node_modules",) and \
                manifest.parent.parent.parent.name != "node_modules":
            continue
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if "name" in data and "version" in data and data["name"] not in found:
            found[data["name"]] = {**data, "folder": manifest.parent}
    return found


def main() -> int:
    run("npm", "ci", "--no-audit", "--no-fund")
    if OUT.exists():
        shutil.rmtree(OUT)
    (OUT / "licences").mkdir(parents=True)
    run(str(WORK / "node_modules" / ".bin" / "esbuild"), "editor.mjs", "--bundle", "--minify",
        "--format=iife", "--target=es2020", "--legal-comments=none", f"--outfile={OUT / 'editor.js'}")
    for package, paths in COPIED.items():
        for path in paths:
            shutil.copy(WORK / "node_modules" / package / path, OUT / Path(path).name)
    packages = installed()
    bundled = sorted(name for name in packages if name != "esbuild" and not name.startswith("@esbuild/"))
    rows = []
    for name in bundled:
        data = packages[name]
        for candidate in LICENCE_FILES:
            if (data["folder"] / candidate).is_file():
                shutil.copy(data["folder"] / candidate, OUT / "licences" / f"{name.replace('/', '__')}.txt")
                break
        where = "copied" if name in COPIED else "in editor.js"
        rows.append(f"| {name} | {data['version']} | {data.get('license', '?')} | {where} |")
    (OUT / "README.md").write_text(
        "# Vendored front-end packages\n\n"
        "Made by `scripts/build_vendor.py` from the npm registry (exact versions in\n"
        "`scripts/vendor/package-lock.json`); do not edit. `editor.js` is CodeMirror 6 with the\n"
        "SPARQL mode, bundled with esbuild; the Leaflet files are copied as published. The\n"
        "licence texts are in `licences/`.\n\n"
        "| package | version | licence | where |\n|---|---|---|---|\n" + "\n".join(rows) + "\n",
        encoding="utf-8")
    print(f"{OUT}: {len(bundled)} packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
