"""The corpus manifest: one JSON object a line, keyed by the file name it describes.

    {"file": "001_….txt", "publisher": "…", "publisher_ar": "…", "published": "2017-03-25",
     "language": "ar", "kind": "news-article", "url": "…"}

A bad line is reported with its line number and the other lines still load, so one
typo does not keep a whole corpus out of the graph.
"""

from __future__ import annotations

from pathlib import Path

from conflictkg.documents.jsonlines import json_lines
from conflictkg.documents.metadata import normalise_metadata
from conflictkg.documents.model import LoadError

MANIFEST_NAME = "manifest.jsonl"


def load_manifest(
    path: Path | str, *, max_bytes: int = 1_000_000
) -> tuple[dict[str, dict], list[LoadError]]:
    """Entries keyed by file name, and an error for each line that could not be used."""
    path = Path(path)
    entries: dict[str, dict] = {}
    first_line: dict[str, int] = {}
    errors: list[LoadError] = []
    try:
        with path.open("rb") as handle:
            lines = list(json_lines(handle, str(path), max_bytes))
    except FileNotFoundError:
        return {}, [LoadError(str(path), "no such file or directory")]
    except OSError as exc:
        return {}, [LoadError(str(path), f"cannot read: {exc.strerror or exc}")]
    for item in lines:
        if isinstance(item, LoadError):
            errors.append(item)
            continue
        number, record = item
        source = f"{path}:{number}"
        if not isinstance(record, dict):
            errors.append(LoadError(source, "not a JSON object"))
            continue
        name = record.get("file")
        if not isinstance(name, str) or not name.strip():
            errors.append(LoadError(source, "no 'file' key (the document's file name)"))
            continue
        if name in entries:
            errors.append(
                LoadError(source, f"second entry for {name!r} (first at line {first_line[name]})")
            )
            continue
        try:
            entries[name] = normalise_metadata(record)
        except ValueError as exc:
            errors.append(LoadError(source, str(exc)))
            continue
        first_line[name] = number
    return entries, errors
