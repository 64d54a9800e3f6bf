"""JSON Lines read a line at a time, each bad line reported by its number.

Shared by the manifest and by record files, so both say the same thing about the
same mistake and neither holds a large file in memory.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from conflictkg.documents.model import LoadError
from conflictkg.documents.safejson import JsonError, load_json


def too_large(size: int, limit: int) -> str:
    return f"too large: {size} bytes (limit {limit}; raise --max-bytes)"


def json_lines(
    handle: BinaryIO, source: str, max_bytes: int
) -> Iterator[tuple[int, Any] | LoadError]:
    """(line number, value) for each non-blank line, or a LoadError naming ``source:line``."""
    for number, line in enumerate(_lines(handle, max_bytes), start=1):
        where = f"{source}:{number}"
        if isinstance(line, int):
            yield LoadError(where, too_large(line, max_bytes))
            continue
        if number == 1 and line.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            yield LoadError(source, "JSON Lines must be UTF-8, this file is UTF-16")
            return
        try:
            decoded = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield LoadError(where, "not valid UTF-8")
            continue
        if not decoded.strip():
            continue
        try:
            yield number, load_json(decoded)
        except json.JSONDecodeError as exc:
            yield LoadError(where, f"not valid JSON: {exc.msg} (column {exc.colno})")
        except JsonError as exc:
            yield LoadError(where, str(exc))


def _lines(handle: BinaryIO, limit: int) -> Iterator[bytes | int]:
    """Lines of at most ``limit`` bytes; for a longer one its size (without the newline)."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield size - line.endswith(b"\n")
