"""The word lists of a bundle's ``mappings/lexicon/`` (months, number words, clitics...).

They are TSV and YAML (see the README there), so adding a spelling never touches
code. Each file is read once per bundle and checked; a malformed row raises
:class:`LexiconError` naming the file and line. What the readers compile from the
words (automata, patterns) is kept here too, once per lexicon (:meth:`Lexicon.derived`),
so that two bundles in one process never share it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from conflictkg.reference.loading import BundleError, read_mapping

T = TypeVar("T")


class LexiconError(BundleError):
    """A lexicon file is missing or malformed; the message names the file and line."""


class Lexicon:
    """The files of one ``lexicon/`` folder, each read on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: dict[tuple[Any, ...], Any] = {}
        self._derived: dict[object, Any] = {}
        self._lock = threading.RLock()  # a build may need another's result

    def tsv(self, name: str, columns: tuple[str, ...], *, integers: tuple[str, ...] = (),
            choices: dict[str, tuple[str, ...]] | None = None) -> list[dict[str, str]]:
        """Rows of ``lexicon/<name>`` (header required; ``#`` lines are comments).

        Columns named in ``integers`` must hold integers, and those in ``choices`` one of
        the listed values; a row that does not is an error naming its line.
        """
        allowed = tuple(sorted((choices or {}).items()))
        key = ("tsv", name, columns, integers, allowed)
        if key not in self._files:
            self._files[key] = _read_tsv(self.folder / name, columns, integers, allowed)
        return list(self._files[key])

    def yaml(self, name: str) -> dict[str, Any]:
        """The mapping in ``lexicon/<name>``."""
        key = ("yaml", name)
        if key not in self._files:
            self._files[key] = read_mapping(self.folder / name, error=LexiconError)
        return self._files[key]

    def require(self, data: dict[str, Any], key: str, kind: type, name: str) -> Any:
        """``data[key]`` checked to be a ``kind``; the error names the file and key."""
        value = data.get(key)
        if not isinstance(value, kind):
            raise LexiconError(self.folder / name, None, f"key {key!r} must be a {kind.__name__}, "
                                                         f"found {type(value).__name__}")
        return value

    def word_lists(self, data: dict[str, Any], name: str) -> dict[str, list[str]]:
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
                    raise LexiconError(self.folder / name, None,
                                       f"key {key!r}: item {item!r} is not a string (quote it)")
            out[key] = value
        return out

    def derived(self, key: object, make: Callable[[], T]) -> T:
        """``make()``'s result, made once for this lexicon and kept under ``key``: what the
        readers compile from the words (:func:`conflictkg.extract.lexicon.per_lexicon`)."""
        found = self._derived.get(key)
        if found is None:
            with self._lock:
                found = self._derived.get(key)
                if found is None:
                    found = self._derived[key] = make()
        return found

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

