"""The word patterns the extractors use, from the bundle's ``mappings/patterns/*.yaml``.

Trigger verbs, victim nouns, attribution and control verbs, event cues: data, one file
per extractor, one section per language (see the README there). The bundle reads a
file; this module checks that the lists are lists of words, and turns them into
:class:`~conflictkg.extract.matcher.Matcher` automata and sets of normalised keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from conflictkg.extract.matcher import Matcher
from conflictkg.extract.normalize import normalize_key
from conflictkg.reference import Bundle

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
    """The pattern files of one bundle, read on first use."""

    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle

    def section(self, name: str, language: str) -> Section:
        path, data = self.bundle.pattern_file(name)
        lang = language if language in data else "ar"
        if lang not in data or not isinstance(data[lang], dict):
            raise PatternError(f"{path}: no {language!r} section")
        return Section(path, lang, data[lang])

    def languages(self, name: str) -> tuple[str, ...]:
        _, data = self.bundle.pattern_file(name)
        return tuple(lang for lang in LANGUAGES if lang in data)
