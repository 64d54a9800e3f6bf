"""The word patterns the extractors use, read from ``mappings/patterns/*.yaml``.

Trigger verbs, victim nouns, attribution and control verbs, event cues: data, one file
per extractor, one section per language (see the README there). This module reads a
file, checks that the lists are lists of words, and turns them into
:class:`~conflictkg.extract.matcher.Matcher` automata and sets of normalised keys.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from conflictkg.extract.matcher import Matcher
from conflictkg.extract.normalize import normalize_key

LANGUAGES = ("ar", "en")


class PatternError(ValueError):
    """A pattern file is missing or malformed; the message names the file and key."""


class Section:
    """One language's section of one pattern file."""

    def __init__(self, path: Path, language: str, data: Mapping[str, Any]) -> None:
        self.path = path
        self.language = language
        self._data = data

    def _where(self, key: str) -> str:
        return f"{self.path}: {self.language}.{key}"

    def names(self) -> tuple[str, ...]:
        """The keys of this section."""
        return tuple(str(k) for k in self._data)

    def raw(self, key: str) -> Any:
        if key not in self._data:
            raise PatternError(f"{self._where(key)} is missing")
        return self._data[key]

    def words(self, key: str) -> tuple[str, ...]:
        """A list of words or phrases, as written."""
        value = self.raw(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise PatternError(f"{self._where(key)} must be a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def keys(self, key: str) -> frozenset[str]:
        """A list of words as a set of normalised keys."""
        return frozenset(normalize_key(w) for w in self.words(key))

    def groups(self, key: str) -> dict[str, tuple[str, ...]]:
        """A mapping of group name to a list of words."""
        value = self.raw(key)
        if not isinstance(value, dict):
            raise PatternError(f"{self._where(key)} must be a mapping of lists")
        out = {}
        for name, words in value.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise PatternError(f"{self._where(key)}.{name} must be a list of strings")
            out[str(name)] = tuple(w.strip() for w in words if w.strip())
        return out

    def mapping(self, key: str) -> dict[str, str]:
        """A mapping of word to one value (a key, a kind)."""
        value = self.raw(key)
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise PatternError(f"{self._where(key)} must be a mapping of strings")
        return {str(k): v for k, v in value.items()}

    def integer(self, key: str) -> int:
        value = self.raw(key)
        if not isinstance(value, int):
            raise PatternError(f"{self._where(key)} must be an integer")
        return value

    def section(self, key: str) -> Section:
        value = self.raw(key)
        if not isinstance(value, dict):
            raise PatternError(f"{self._where(key)} must be a mapping")
        return Section(self.path, f"{self.language}.{key}", value)

    def matcher(self, **lists: Iterable[str]) -> Matcher[str]:
        """One automaton over several named lists; a match's payloads are the list names."""
        return Matcher((word, name) for name, words in lists.items() for word in words)


class Patterns:
    """The pattern files under one ``mappings/`` folder, read on first use."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def section(self, name: str, language: str) -> Section:
        data = _read(self.root / "patterns" / f"{name}.yaml")
        lang = language if language in data else "ar"
        if lang not in data or not isinstance(data[lang], dict):
            raise PatternError(f"{self.root / 'patterns' / name}.yaml: no {language!r} section")
        return Section(self.root / "patterns" / f"{name}.yaml", lang, data[lang])

    def languages(self, name: str) -> tuple[str, ...]:
        data = _read(self.root / "patterns" / f"{name}.yaml")
        return tuple(lang for lang in LANGUAGES if lang in data)


@functools.cache
def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise PatternError(f"{path}: cannot read: {e.strerror}") from e
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise PatternError(f"{path}{line}: invalid YAML: {e}") from e
    if not isinstance(data, dict):
        raise PatternError(f"{path}: expected a mapping of languages at the top level")
    return data
