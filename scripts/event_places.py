"""For every event miss and extra of the dev split: the gold place against the places of
the predicted events of that day, with their evidence sentences.

    python scripts/event_places.py            # every miss and extra
    python scripts/event_places.py --pairs    # only misses with a predicted event of the same day and kind

Only the dev split is read; the held-out slice stays unread by whoever changes the rules.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_devset


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def report(gold: dict, pred: dict, scorer, pairs: bool) -> list[str]:
    by_id = {p["id"]: p for p in pred.get("places", [])}
    events = pred.get("events", [])

    def label(ref: str) -> str:
        return (by_id.get(ref, {}).get("labels") or {}).get("en") or ref.rsplit("/", 1)[-1]

    def match(g: dict, e: dict) -> bool:
        if not g.get("date") or not str(e.get("start") or "").startswith(g["date"]):
            return False
        return not g.get("location") or any(scorer.ref_matches(
            gold.get("locations", []), g["location"], by_id, p) for p in e.get("places") or [])

    used: set[int] = set()
    missed = []
    for g in gold.get("events", []):
        if not g.get("date") or g.get("optional"):
            continue
        free = [i for i, e in enumerate(events) if i not in used and match(g, e)]
        if free:
            used.add(free[0])
        else:
            missed.append(g)
    out = []
    for g in missed:
        same = [e for e in events if str(e.get("start") or "").startswith(g["date"])
                and (not pairs or e.get("kind") == g["kind"])]
        if pairs and not same:
            continue
        out.append(f"  MISS {g['kind']} {g['date']} @{g.get('location')}")
        out += [f"     same day: {e['kind']} {e['start']} {[label(p) for p in e['places']]} | "
                f"{e['evidence']['text'][:200]}" for e in same]
    if not pairs:
        out += [f"  EXTRA {e['kind']} {e['start']} {[label(p) for p in e['places']]} | "
                f"{e['evidence']['text'][:200]}" for i, e in enumerate(events) if i not in used]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=score_devset.DEVSET)
    parser.add_argument("--scorer", type=Path, default=score_devset.SCORER)
    parser.add_argument("--pairs", action="store_true")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.scorer)
    lines = score_devset.manifest_lines(args.devset)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        gold_file, manifest, documents = score_devset.write_split(args.devset, "dev", lines, work)
        score_devset.extract_to(documents, manifest, work / "dev")
        for gold in json.loads(gold_file.read_text(encoding="utf-8")):
            stem = Path(gold.get("file") or f"{gold['id']}.txt").stem
            path = work / "dev" / f"{stem}.json"
            pred = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
            out = report(gold, pred, scorer, args.pairs)
            if out:
                print(f"# {stem}\n" + "\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
