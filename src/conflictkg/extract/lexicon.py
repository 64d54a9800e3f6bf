"""The word lists the readers need (months, number words, clitics...), from the bundle in use.

They live in the bundle's ``mappings/lexicon/`` as TSV and YAML (see the README there),
so adding a spelling never touches code; :mod:`conflictkg.reference.lexicon` reads and
checks them. A pipeline reads the lexicon of its own bundle: while it is built and while
it runs (:func:`using`), the functions here and what a reader compiles from the words
(:func:`per_lexicon`) answer from that bundle; outside a pipeline, from the package's.

The proclitics and the article are written once, in ``clitics.yaml``: :func:`clitics`
is what every reader takes them from.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

from conflictkg.extract.normalize import normalize_key, normalize_text
from conflictkg.reference import load_bundle
from conflictkg.reference.lexicon import Lexicon, LexiconError

__all__ = ["Clitics", "LexiconError", "alternation", "clitic_forms", "clitics", "current_lexicon",
           "form", "per_lexicon", "read_tsv", "read_yaml", "require", "using", "word_lists"]

T = TypeVar("T")
KEYS_KEPT = 100_000  # words remembered for a word list (Clitics.bearing), a few MB


class _InUse:
    """A lexicon and its clitics (read when first asked for: every word asks)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    @functools.cached_property
    def clitics(self) -> Clitics:
        return _read_clitics(self.lexicon)

    @functools.cached_property
    def forms(self) -> Callable[[str], tuple[str, ...]]:
        return self.clitics.forms


def _in_use(lexicon: Lexicon) -> _InUse:
    return lexicon.derived(_InUse, lambda: _InUse(lexicon))


# Outside a pipeline, the package's lexicon is in use. The default is shared on purpose:
# one per lexicon, it only keeps what the lexicon's files say.
_IN_USE: ContextVar[_InUse] = ContextVar("lexicon", default=_in_use(load_bundle().lexicon))  # noqa: B039


def current_lexicon() -> Lexicon:
    """The lexicon of the pipeline being built or run, else the package bundle's."""
    return _IN_USE.get().lexicon


@contextlib.contextmanager
def using(lexicon: Lexicon) -> Iterator[None]:
    """Read ``lexicon`` within the block (in this thread or task)."""
    token = _IN_USE.set(_in_use(lexicon))
    try:
        yield
    finally:
        _IN_USE.reset(token)


def per_lexicon(build: Callable[[], T]) -> Callable[[], T]:
    """``build`` made once per lexicon: for what a reader compiles from the words."""

    @functools.wraps(build)
    def made() -> T:
        return current_lexicon().derived(build, build)

    return made


def clitics() -> Clitics:
    """The proclitics and the article of ``clitics.yaml``, in the lexicon in use."""
    return _IN_USE.get().clitics


def clitic_forms(key: str) -> tuple[str, ...]:
    """A word and the words it may be under its proclitics (و ف, then ب ل ك; لل for ال):
    read hundreds of times a document, so one lookup and a cached call."""
    return _IN_USE.get().forms(key)


def read_tsv(name: str, columns: tuple[str, ...], *, integers: tuple[str, ...] = (),
             choices: dict[str, tuple[str, ...]] | None = None) -> list[dict[str, str]]:
    """Rows of ``lexicon/<name>`` (see :meth:`conflictkg.reference.lexicon.Lexicon.tsv`)."""
    return current_lexicon().tsv(name, columns, integers=integers, choices=choices)


def read_yaml(name: str) -> dict[str, Any]:
    """The mapping in ``lexicon/<name>``."""
    return current_lexicon().yaml(name)


def require(data: dict[str, Any], key: str, kind: type, name: str) -> Any:
    """``data[key]`` checked to be a ``kind``; the error names the file and key."""
    return current_lexicon().require(data, key, kind, name)


def word_lists(data: dict[str, Any], name: str) -> dict[str, list[str]]:
    """The lists of words in a YAML lexicon, each item checked to be a string."""
    return current_lexicon().word_lists(data, name)


def form(word: str) -> str:
    """A lexicon word as it appears in text normalised with punctuation kept."""
    return normalize_text(word, keep_punctuation=True).text.strip()


def alternation(words: Iterable[str]) -> str:
    """A regular-expression group matching any of ``words`` (normalised), longest first."""
    forms = sorted({f for f in map(form, words) if f}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")"


class Clitics:
    """The proclitics that may be joined to a word, and the article (normalised keys).

    A word may carry at most one conjunction, then at most one preposition; the lam
    before the article drops the article's alef (ل + الجيش -> للجيش).
    """

    def __init__(self, conjunctions: Iterable[str], prepositions: Iterable[str], lam: str,
                 article: str, min_name_length: int,
                 short_word_conjunctions: Iterable[str] = ()) -> None:
        self.conjunctions = tuple(conjunctions)
        self.prepositions = tuple(prepositions)
        self.lam = lam
        self.article = article
        self.min_name_length = min_name_length
        self.short_word_conjunctions = frozenset(short_word_conjunctions)
        conj = ["", *self.conjunctions]
        self.plain = frozenset({c + p for c in conj for p in ["", *self.prepositions]} - {""})
        self.before_lam_article = frozenset(c + lam for c in conj)
        self.lam_article = lam + article[1:]  # ل + ال, written لل
        self.forms: Callable[[str], tuple[str, ...]] = functools.lru_cache(maxsize=65536)(self._forms)
        self._bearing: dict[frozenset[str], tuple[set[str], set[str]]] = {}

    def bearing(self, words: frozenset[str], keys: set[str]) -> set[str]:
        """The keys of ``keys`` one of whose :meth:`forms` is a word of ``words``: each key is
        read once a word list (the words of reports recur), the rest in C."""
        memo = self._bearing.get(words)
        if memo is None or len(memo[0]) > KEYS_KEPT:  # a corpus's vocabulary grows without end
            memo = self._bearing[words] = (set(), set())
        seen, hits = memo
        new = keys - seen
        if new:
            forms = self.forms
            hits.update(k for k in new if not words.isdisjoint(forms(k)))
            seen |= new  # after the hits: a key seen is one whose answer is in
        return hits & keys

    def _forms(self, key: str) -> tuple[str, ...]:
        """A word and the words it may be under its proclitics (و ف, then ب ل ك; لل for ال)."""
        forms = [key]
        lam_article = self.lam_article
        for conj in ("", *self.conjunctions):
            if conj and not key.startswith(conj):
                continue
            rest = key[len(conj):]
            if conj and len(rest) >= 2:
                forms.append(rest)
            for prep in self.prepositions:
                if rest.startswith(prep) and len(rest) > len(prep) + 1:
                    forms.append(rest[len(prep):])
            if rest.startswith(lam_article) and len(rest) > len(lam_article) + 1:
                forms.append(self.article + rest[len(lam_article):])
        return tuple(dict.fromkeys(forms))

    def without_conjunctions(self, key: str) -> str:
        """The word without the conjunctions joined to it ("وسيطرت" -> "سيطرت")."""
        for conj in self.conjunctions:
            key = key.removeprefix(conj)
        return key

    def has_article(self, key: str) -> bool:
        return key.startswith(self.article)

    def without_article(self, key: str) -> str:
        return key.removeprefix(self.article)

    def with_article_after_preposition(self, key: str) -> bool:
        """"للجيش", "بالمدينة": a preposition joined to the article."""
        return key.startswith(self.lam_article) or any(
            key.startswith(p + self.article) for p in self.prepositions if p != self.lam)


def _read_clitics(lexicon: Lexicon) -> Clitics:
    name = "clitics.yaml"
    data = lexicon.yaml(name)
    lam_article = lexicon.require(data, "lam_article", dict, name)
    return Clitics(
        conjunctions=[normalize_key(c) for c in lexicon.require(data, "conjunctions", list, name)],
        prepositions=[normalize_key(p) for p in lexicon.require(data, "prepositions", list, name)],
        lam=normalize_key(lexicon.require(lam_article, "preposition", str, name)),
        article=normalize_key(lexicon.require(lam_article, "article", str, name)),
        min_name_length=int(lexicon.require(data, "min_name_length", int, name)),
        short_word_conjunctions=[normalize_key(c) for c in data.get("short_word_conjunctions", [])],
    )
