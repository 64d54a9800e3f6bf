"""Find gazetteer names in Arabic and English text in one pass (Aho-Corasick).

Names and text are compared on their normalised keys (:mod:`.normalize`), so spelling
variants of hamza, ta marbuta, diacritics and case do not matter. A name matches only
as whole words; in Arabic it may carry the proclitics written joined to it (و ف ب ل ك
and their pairs), including ل before the article whose alef is then elided (للجيش
الحر for الجيش الحر, and للاذقية for اللاذقية). A match's span starts at the name, after any proclitic.

    matcher = Matcher([("درعا البلد", "daraa-al-balad"), ("Daraa", "daraa")])
    [m.text for m in matcher.find("وفي درعا البلد")]   # ['درعا البلد']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, Generic, NamedTuple, TypeVar

import ahocorasick

from conflictkg.extract.lexicon import clitics
from conflictkg.extract.model import Span
from conflictkg.extract.normalize import NormalizedText, normalize_key, normalize_text

T = TypeVar("T")


class Match(NamedTuple, Generic[T]):
    """A name found in text; offsets are code points of the original text (a named
    tuple: a document has hundreds, made in one go)."""

    start: int
    end: int
    text: str  # == original[start:end]
    payloads: tuple[T, ...]  # every entry whose name has this key, for the caller to choose
    key: str  # the normalised name

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


class Matcher(Generic[T]):
    """A gazetteer automaton: built once from (name, payload) pairs, then run on texts."""

    def __init__(self, entries: Iterable[tuple[str, T]], words: bool = False) -> None:
        """``words``: the entries are words (verbs, nouns of a pattern list), not names. A
        name shorter than ``min_name_length`` matches only as a whole word, since a
        proclitic before it mostly makes a longer word; a short word may still follow a
        conjunction of ``short_word_conjunctions`` alone, the way a sentence goes on
        ("ففر" "and so fled"), never a preposition."""
        groups: dict[str, list[T]] = {}
        for name, payload in entries:
            if not isinstance(name, str):
                raise TypeError(f"gazetteer name must be a str, got {type(name).__name__}: {name!r}")
            key = normalize_key(name)
            if key:
                groups.setdefault(key, []).append(payload)
        self._payloads: dict[str, tuple[T, ...]] = {k: tuple(v) for k, v in groups.items()}
        self._clitics = clitics()
        # automaton string -> (length, ((key, elided_article, proclitics), ...)), where
        # proclitics are those the string may follow
        patterns: dict[str, list[Entry]] = {}
        known = self._clitics
        article = known.article
        short = known.short_word_conjunctions if words else frozenset()
        for key in groups:
            before = known.plain if len(key) >= known.min_name_length else short
            patterns.setdefault(key, []).append((key, False, before))
            if key.startswith(article) and len(key) > len(article):
                # ل + الجيش -> للجيش; ل + اللاذقية -> للاذقية (the article's lam goes too)
                cut = len(article) if key[len(article)] == article[-1] else len(article) - 1
                patterns.setdefault(key[cut:], []).append((key, True, known.before_lam_article))
        self._strings = {string: (len(string), tuple(keys)) for string, keys in patterns.items()}
        self._automata = _Automata(self._strings.items())
        self._scan: tuple[Scan, int] | None = None  # a scan shared with other matchers

    def __len__(self) -> int:
        """Number of distinct normalised names."""
        return len(self._payloads)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalize_key(name) in self._payloads

    def payloads(self, name: str) -> tuple[T, ...]:
        """Entries whose name has the same key as ``name`` (empty when none)."""
        return self._payloads.get(normalize_key(name), ())

    def find(self, text: str | NormalizedText) -> list[Match[T]]:
        """Leftmost-longest, non-overlapping matches in text order."""
        normalized = self._normalized(text)  # a plain string is normalised once
        chosen: list[tuple[int, int, bool, str]] = []
        last_end = -1
        for candidate in sorted(self._candidates(normalized, normalized is text)):
            start, neg_end = candidate[0], candidate[1]
            if start >= last_end:
                chosen.append(candidate)
                last_end = -neg_end
        return self._matches(normalized, chosen)

    def find_all(self, text: str | NormalizedText) -> list[Match[T]]:
        """Every whole-word match, overlapping ones included, in text order."""
        normalized = self._normalized(text)
        return self._matches(normalized, sorted(self._candidates(normalized, normalized is text)))

    def _matches(self, normalized: NormalizedText,
                 found: list[tuple[int, int, bool, str]]) -> list[Match[T]]:
        starts, ends, original, payloads = (normalized.starts, normalized.ends,
                                            normalized.original, self._payloads)
        new = tuple.__new__
        # "for s in [...]" binds a name in a comprehension at the cost of an assignment
        return [new(Match, (s, e, original[s:e], payloads[key], key))
                for start, neg_end, _, key in found
                for s in [starts[start]] for e in [ends[-neg_end - 1]]]  # never empty

    @staticmethod
    def _normalized(text: str | NormalizedText) -> NormalizedText:
        if isinstance(text, NormalizedText):
            if text.keep_punctuation:
                raise ValueError("Matcher.find needs text normalised without keep_punctuation")
            return text
        return normalize_text(text)

    def _candidates(self, text: NormalizedText, given: bool) -> list[tuple[int, int, bool, str]]:
        """(start, -end, elided_article, key) of every valid match, in normalised offsets.
        ``given``: the caller passed ``text`` normalised (a document's, which the shared
        scan reads once for every matcher), not a string normalised here."""
        if not self._payloads:
            return []
        if self._scan and given:
            return self._scan[0].candidates(text, self._scan[1])
        out: list[tuple[int, int, bool, str]] = []
        self._automata.collect(text.text, [out], lambda value: ((0, value),))
        return out


Candidate = tuple[int, int, bool, str]  # (start, -end, elided_article, key)
Entry = tuple[str, bool, frozenset[str]]  # (key, elided_article, proclitics it may follow)
Hits = Iterable[tuple[int, tuple[tuple[int, Any], ...]]]

# What a normalised text may hold besides words and single spaces: spacing marks of
# other scripts, which end a word as a space does (Python's \w is str.isalnum and "_")
_ODD = re.compile(r"[^\w ]|_")


def _holds_odd(t: str) -> bool:
    """Whether ``t`` holds a character of :data:`_ODD`: its words without their spaces
    tested at once by ``str.isalnum`` (what ``\\w`` is, less "_"), a scan quicker than
    the regex's."""
    words = t.replace(" ", "")
    return bool(words) and (not words.isalnum() or "_" in words)


class _Automata:
    """Aho-Corasick automata of names that report only whole-word ends.

    Each string is stored with a space after it and a text is read with a space after it,
    so a name ending inside a word ("درع" in "درعا") is never reported at all: most raw
    hits of a news text are of that kind, and each cost a step of Python. A text holding
    a character that is neither a word's nor a space ends its words there too: it is read
    with those characters as spaces, and a name is then checked not to run over one. The
    rare string that holds such a character itself is read by a plain automaton.
    """

    def __init__(self, strings: Iterable[tuple[str, Any]]) -> None:
        self._spaced = ahocorasick.Automaton()
        self._odd: Any = None
        for string, value in strings:
            if _ODD.search(string) is None:
                self._spaced.add_word(string + " ", value)
            else:
                if self._odd is None:
                    self._odd = ahocorasick.Automaton()
                self._odd.add_word(string, value)
        for automaton in (self._spaced, self._odd):
            if automaton is not None and len(automaton):
                automaton.make_automaton()

    def collect(self, t: str, out: list[list[Candidate]],
                wrap: Callable[[Any], tuple[tuple[int, Any], ...]] | None = None) -> None:
        """Append to ``out[i]`` the whole-word candidates of matcher ``i`` in ``t`` (the
        values stored are ``((i, (length, ((key, elided, proclitics), ...))), ...)``, or are made so
        by ``wrap``)."""
        spaced, odd = self._spaced, self._odd
        if len(spaced):
            odd_text = _holds_odd(t)
            read = _ODD.sub(" ", t) if odd_text else t
            hits: Hits = spaced.iter(read + " ")
            if wrap is not None:
                hits = ((end, wrap(value)) for end, value in hits)
            if odd_text:
                _collect(t, hits, out, shift=0, unbroken=True)
            else:
                _collect_spaced(t, hits, out)
        if odd is not None:
            hits = odd.iter(t)
            if wrap is not None:
                hits = ((last, wrap(value)) for last, value in hits)
            _collect(t, hits, out, shift=1, unbroken=False)


def _collect_spaced(t: str, hits: Hits, out: list[list[Candidate]]) -> None:
    """:func:`_collect` for a text of words and single spaces and hits that end where a
    word does (``end`` the offset of the space after the name): no character tests."""
    known = clitics()
    plain, lam = known.plain, known.before_lam_article
    rfind = t.rfind
    # :func:`_add` written out here: a document's scan has hundreds of hits
    for end, entries in hits:
        start = end - entries[0][1][0]  # every matcher's string here has the same length
        if start == 0 or t[start - 1] == " ":  # a whole word: any name but an elided one
            for index, (_, keys) in entries:
                found = out[index]
                for key, elided, _before in keys:
                    if not elided:
                        found.append((start, -end, False, key))
            continue
        prefix = t[rfind(" ", 0, start) + 1:start]
        if prefix not in plain and prefix not in lam:
            continue  # starts inside a word, after letters that are no proclitic
        for index, (_, keys) in entries:
            found = out[index]
            for key, elided, before in keys:
                if prefix in before:
                    found.append((start, -end, elided, key))


def _collect(t: str, hits: Hits, out: list[list[Candidate]], shift: int, unbroken: bool) -> None:
    """Append to ``out[i]`` the whole-word candidates of matcher ``i`` among automaton
    ``hits`` ((offset, ((i, (length, ((key, elided, proclitics), ...))), ...)); a name ends at the
    offset plus ``shift``): the word boundaries and proclitics are read once per hit,
    however many matchers share it. ``unbroken``: a name must hold no character of
    :data:`_ODD` (the hits were found in a text with those as spaces)."""
    known = clitics()
    plain, lam = known.plain, known.before_lam_article
    n = len(t)
    for last, entries in hits:
        end = last + shift
        if end < n and t[end].isalnum():
            continue  # ends inside a word
        start = end - entries[0][1][0]  # every matcher's string here has the same length
        if unbroken and _ODD.search(t, start, end):
            continue
        if start == 0 or not t[start - 1].isalnum():  # a whole word: any name but an elided one
            _add(out, entries, start, end, None)
            continue
        word_start = start - 1
        while word_start > 0 and t[word_start - 1].isalnum():
            word_start -= 1
        prefix = t[word_start:start]
        if prefix not in plain and prefix not in lam:
            continue  # starts inside a word, after letters that are no proclitic
        _add(out, entries, start, end, prefix)


def _add(out: list[list[Candidate]], entries: Any, start: int, end: int, prefix: str | None) -> None:
    """Append one hit's candidates to ``out``: after no proclitic (``prefix`` None) every
    name but an elided one, else the names that may follow that proclitic."""
    for index, (_, keys) in entries:
        found = out[index]
        for key, elided, before in keys:
            if prefix is None:
                if not elided:
                    found.append((start, -end, False, key))
            elif prefix in before:
                found.append((start, -end, elided, key))


class Scan:
    """The automata of several matchers as one: a document is read once for all of them.

    A matcher shared this way takes its matches in a NormalizedText from the scan (the
    last text scanned is kept for the next matcher to ask), and still reads plain
    strings with its own automaton.
    """

    def __init__(self, matchers: Iterable[Matcher[Any]]) -> None:
        self._matchers = list(dict.fromkeys(matchers))
        union: dict[str, list[tuple[int, tuple[int, tuple[Entry, ...]]]]] = {}
        for index, matcher in enumerate(self._matchers):
            for string, value in matcher._strings.items():
                union.setdefault(string, []).append((index, value))
            matcher._scan = (self, index)
        self._automata = _Automata((string, tuple(entries)) for string, entries in union.items())
        self._last: tuple[NormalizedText, list[list[Any]]] | None = None

    def candidates(self, text: NormalizedText, index: int) -> list[Candidate]:
        """The candidates (see :meth:`Matcher._candidates`) of matcher ``index`` in ``text``."""
        last = self._last
        if last is None or last[0] is not text:
            found: list[list[Candidate]] = [[] for _ in self._matchers]
            self._automata.collect(text.text, found)
            last = self._last = (text, found)
        return last[1][index]


def matchers_in(objects: Iterable[object], depth: int = 4) -> list[Matcher[Any]]:
    """The matchers held by ``objects``, their attributes and the values of their dicts."""
    found: list[Matcher[Any]] = []
    for obj in objects:
        if isinstance(obj, Matcher):
            found.append(obj)
        elif depth and isinstance(obj, dict):
            found += matchers_in(obj.values(), depth - 1)
        elif depth and hasattr(obj, "__dict__") and not isinstance(obj, type):
            found += matchers_in(vars(obj).values(), depth - 1)
    return found
