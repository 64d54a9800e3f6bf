"""Extract the development set and score it with the project's evaluation, per split.

    python scripts/score_devset.py                 # the dev and held-out tables, strict
    python scripts/score_devset.py -v              # and every miss of the dev split
    python scripts/score_devset.py --json          # one summary line per split

The gold of each document lives beside it (tests/extract/devset/gold/<id>.json); this
script joins them into one gold file and one manifest per split, runs the extractor as
`conflictkg extract` does, and runs the scorer with --strict on each split. Misses are
printed for the dev split only: the held-out slice stays unread by whoever changes the
rules.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "extract" / "devset"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SPLITS = ("dev", "heldout")


def manifest_lines(devset: Path) -> list[dict]:
    """Every line of the development set's manifest."""
    path = devset / "manifest.jsonl"
    lines = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.strip():
            try:
                lines.append(json.loads(raw))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not a JSON object ({exc.msg})") from None
    return lines


def write_split(devset: Path, split: str, lines: list[dict], work: Path) -> tuple[Path, Path, list[Path]]:
    """The joined gold file, the manifest and the documents of one split."""
    chosen = [line for line in lines if line.get("split", "dev") == split]
    gold = []
    for line in chosen:
        path = devset / "gold" / (Path(line["file"]).stem + ".json")
        try:
            gold.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError) as exc:
            raise SystemExit(f"{path}: {exc}") from None
    gold_file = work / f"{split}.gold.json"
    gold_file.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    manifest = work / f"{split}.manifest.jsonl"
    manifest.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in chosen),
                        encoding="utf-8")
    return gold_file, manifest, [devset / "docs" / line["file"] for line in chosen]


def extract_to(documents: list[Path], manifest: Path, out: Path) -> None:
    from conflictkg.ingest import extract_paths, new_pipeline
    from conflictkg.iris import Iris

    iris = Iris()
    out.mkdir(parents=True, exist_ok=True)
    for document, extraction in extract_paths(documents, metadata=manifest, pipeline=new_pipeline()):
        if extraction is None:
            print(f"not extracted: {document}", file=sys.stderr)
            continue
        (out / f"{Path(document.file).stem}.json").write_text(
            json.dumps(extraction.to_json(iris), ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--json", action="store_true", help="one summary line per split")
    parser.add_argument("-v", "--verbose", action="store_true", help="every miss of the dev split")
    args = parser.parse_args(argv)
    if not args.scorer.is_file():
        print(f"{args.scorer}: the evaluation scorer is not there", file=sys.stderr)
        return 2
    lines = manifest_lines(args.devset)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for split in SPLITS if args.split == "all" else (args.split,):
            gold, manifest, documents = write_split(args.devset, split, lines, work)
            if not documents:
                continue
            extract_to(documents, manifest, work / split)
            command = [sys.executable, str(args.scorer), "--gold", str(gold),
                       "--pred-dir", str(work / split), "--strict"]
            if args.json:
                command.append("--json")
            elif args.verbose and split == "dev":
                command.append("--verbose")
            result = subprocess.run(command, capture_output=True, text=True, check=True)
            if args.json:
                print(json.dumps({"split": split, "documents": len(documents),
                                  **json.loads(result.stdout)}))
            else:
                print(f"\n## {split} ({len(documents)} documents, strict)\n{result.stdout}", end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
