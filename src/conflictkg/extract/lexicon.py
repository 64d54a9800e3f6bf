"""The word lists the readers need (months, number words, qualifiers...), read from data.

They live in ``mappings/lexicon/`` as TSV and YAML (see the README there), so adding a
spelling never touches code. Files are read once per folder and checked; a malformed
row raises :class:`LexiconError` naming the file and line.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from conflictkg.extract.normalize import normalize_text

ENV_VAR = "CONFLICTKG_MAPPINGS"
DEFAULT_MAPPINGS = Path(__file__).resolve().parents[3] / "mappings"


class LexiconError(ValueError):
    """A lexicon file is missing or malformed; the message names the file and line."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


def lexicon_dir() -> Path:
    """``$CONFLICTKG_MAPPINGS/lexicon``, else the repository's ``mappings/lexicon``."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_MAPPINGS).resolve() / "lexicon"


def read_tsv(name: str, columns: tuple[str, ...], *, integers: tuple[str, ...] = (),
             choices: dict[str, tuple[str, ...]] | None = None) -> list[dict[str, str]]:
    """Rows of ``lexicon/<name>`` (header required; ``#`` lines are comments).

    Columns named in ``integers`` must hold integers, and those in ``choices`` one of
    the listed values; a row that does not is an error naming its line.
    """
    allowed = tuple(sorted((choices or {}).items()))
    return list(_read_tsv(lexicon_dir() / name, columns, integers, allowed))


def read_yaml(name: str) -> dict[str, Any]:
    """The mapping in ``lexicon/<name>``."""
    return _read_yaml(lexicon_dir() / name)


@functools.cache
def _read_tsv(path: Path, columns: tuple[str, ...], integers: tuple[str, ...],
              choices: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[dict[str, str], ...]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise LexiconError(path, None, f"cannot read: {e.strerror}") from e
    numbered = [(n, line) for n, line in enumerate(lines, 1)
                if line.strip() and not line.startswith("#")]
    if not numbered:
        raise LexiconError(path, None, "empty file")
    header_line, header = numbered[0]
    found = tuple(header.split("\t"))
    if found[: len(columns)] != columns:
        raise LexiconError(path, header_line, f"expected columns {columns}, found {found}")
    rows = []
    for n, line in numbered[1:]:
        row = line.split("\t")
        if len(row) < len(columns) or not row[0].strip():
            raise LexiconError(path, n, f"expected {len(columns)} tab-separated fields")
        fields = {c: v.strip() for c, v in zip(columns, row, strict=False)}
        for column in integers:
            if not re.fullmatch(r"-?\d+", fields[column]):
                raise LexiconError(path, n, f"{column} must be an integer, found {fields[column]!r}")
        for column, values in choices:
            if fields[column] not in values:
                raise LexiconError(path, n, f"{column} must be one of {values}, "
                                            f"found {fields[column]!r}")
        rows.append(fields)
    return tuple(rows)


@functools.cache
def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise LexiconError(path, None, f"cannot read: {e.strerror}") from e
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise LexiconError(path, mark.line + 1 if mark else None, f"invalid YAML: {e}") from e
    if not isinstance(data, dict):
        raise LexiconError(path, None, "expected a mapping at the top level")
    return data


def require(data: dict[str, Any], key: str, kind: type, name: str) -> Any:
    """``data[key]`` checked to be a ``kind``; the error names the file and key."""
    value = data.get(key)
    if not isinstance(value, kind):
        raise LexiconError(lexicon_dir() / name, None,
                           f"key {key!r} must be a {kind.__name__}, found {type(value).__name__}")
    return value


def word_lists(data: dict[str, Any], name: str) -> dict[str, list[str]]:
    """The lists of words in a YAML lexicon, each item checked to be a string.

    YAML reads bare ``no``, ``on`` or ``yes`` as booleans; such an item is an error
    naming the key, so it gets quoted rather than silently lost.
    """
    out = {}
    for key, value in data.items():
        if not isinstance(value, list):
            continue
        for item in value:
            if not isinstance(item, str):
                raise LexiconError(lexicon_dir() / name, None,
                                   f"key {key!r}: item {item!r} is not a string (quote it)")
        out[key] = value
    return out


def form(word: str) -> str:
    """A lexicon word as it appears in text normalised with punctuation kept."""
    return normalize_text(word, keep_punctuation=True).text.strip()


def alternation(words: Iterable[str]) -> str:
    """A regular-expression group matching any of ``words`` (normalised), longest first."""
    forms = sorted({f for f in map(form, words) if f}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")"
