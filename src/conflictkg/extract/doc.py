"""The working state of one document while the extractors run over it.

Each extractor reads some attributes of a :class:`Doc` and fills others; it says which
in ``requires`` and ``assigns`` so that a pipeline can check, when it is assembled,
that every extractor comes after the ones it depends on. Mentions here are plain
spans of the original text plus what they denote; the output dataclasses of
:mod:`conflictkg.extract.model` are built from them at the end.
"""

from __future__ import annotations

import bisect
import logging
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, count, repeat
from operator import attrgetter, sub
from typing import Any, ClassVar, NamedTuple, Protocol, TypeVar

from conflictkg.extract.lexicon import clitic_forms as clitic_forms  # the extractors read it here
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.model import (
    Actor,
    Attribution,
    CasualtyClaim,
    ControlClaim,
    DocumentInfo,
    Event,
    Place,
    SourceNames,
    Span,
)
from conflictkg.extract.normalize import NormalizedText, normalize_text

_TWO = array("i", [0, 0])  # put before an offset map, shifts it by two

# What a fresh Doc already holds; every other attribute is assigned by an extractor.
BASE_ATTRIBUTES = ("info", "text", "language", "norm", "tokens")

log = logging.getLogger("conflictkg.extract")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ReaderError:
    """An internal error of one extractor, kept with where it happened: the document goes
    on without that extractor's findings there."""

    reader: str
    start: int  # the stretch of text whose findings were lost (a sentence, or the whole text)
    end: int
    error: str


class Token(NamedTuple):
    """A word of the normalised text, with its span in the original text (a named tuple:
    a document has thousands, made at once)."""

    start: int
    end: int
    key: str  # normalised form


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    clauses: tuple[tuple[int, int], ...]
    boilerplate: bool = False  # page furniture (related links, comment forms)
    heading: bool = False  # a title or caption line before the body of a report

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text and the key of what it denotes (place, actor or source)."""

    start: int
    end: int
    text: str
    key: str
    weak: bool = False  # a name that denotes the entity only in context ("النظام")
    label: str | None = None  # the fuller name a short reference stands for, when not ``text``

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Attributed:
    """A source credited in the text, and the stretch of text it is credited for."""

    start: int  # the crediting words and source
    end: int
    scope_start: int
    scope_end: int
    label: str
    source: str | None  # sources-gazetteer key
    continuation: bool = False
    carries: bool = True  # reaches later sentences that credit no one (a named source does)
    aside: bool = False  # the outlet's own background ("وكان ... قد"): neither carries nor ends a credit
    whole_text: bool = False  # a line naming the source of the whole text ("المصدر: سانا"):
    # it credits what no other credit reaches, in place of the publisher


class SpanIndex:
    """Mentions (anything with ``start`` and ``end``) sorted by start, for range lookups in
    logarithmic time: long documents have thousands of mentions."""

    def __init__(self, items: Iterable[Any]) -> None:
        # by start, the longest first: two stable sorts on attributes read in C (built
        # for every list of mentions an extractor asks about, many times a document)
        self.items = sorted(items, key=_END, reverse=True)
        self.items.sort(key=_START)
        self._starts = list(map(_START, self.items))
        self._longest = max(map(sub, map(_END, self.items), self._starts), default=0)

    def starting(self, start: int, end: int) -> list[Any]:
        """The items that start in ``[start, end)``, in text order."""
        return self.items[bisect.bisect_left(self._starts, start):
                          bisect.bisect_left(self._starts, end)]

    def overlapping(self, start: int, end: int) -> list[Any]:
        """The items that share at least one character with ``[start, end)``."""
        starts = self._starts
        return [m for m in self.items[bisect.bisect_left(starts, start - self._longest):
                                      bisect.bisect_left(starts, end)] if m.end > start]

    def at(self, offset: int) -> Any | None:
        """The first item that contains ``offset``."""
        return next(iter(self.overlapping(offset, offset + 1)), None)

    def before(self, offset: int) -> list[Any]:
        """The items that start before ``offset``, in text order."""
        return self.items[:bisect.bisect_left(self._starts, offset)]


class Component(Protocol):
    """One extractor: a callable over a Doc that declares what it reads and writes."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Doc) -> None: ...


@dataclass(eq=False)
class Doc:
    info: DocumentInfo
    text: str
    language: str
    norm: NormalizedText
    tokens: list[Token]
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)  # dates.DateMention
    record: dict[str, Any] | None = None  # fields of a structured archive record
    record_title: Span | None = None
    record_parties: list[Span] = field(default_factory=list)  # one span per party named
    record_areas: list[list[Span]] = field(default_factory=list)  # area paths, outermost first
    record_places: list[Span] = field(default_factory=list)  # "كتيبة X - مخيم اليرموك": the place
    place_mentions: list[Mention] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    actor_mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    non_party_actors: set[str] = field(default_factory=set)  # named, but no party (the UN)
    source_mentions: list[Mention] = field(default_factory=list)
    attributions: list[Attributed] = field(default_factory=list)
    publisher: Attribution = field(default_factory=lambda: Attribution("unknown"))
    source_names: dict[str, SourceNames] = field(default_factory=dict)  # the known sources credited
    events: list[Event] = field(default_factory=list)
    sentence_events: dict[int, str] = field(default_factory=dict)  # sentence start -> event key
    focus_place: str | None = None  # where the document is set, for what names no place
    casualty_claims: list[CasualtyClaim] = field(default_factory=list)
    control_claims: list[ControlClaim] = field(default_factory=list)
    errors: list[ReaderError] = field(default_factory=list)
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _date_starts: list[int] = field(default_factory=list, repr=False)
    _indexes: dict[str, tuple[list[Any], int, SpanIndex]] = field(default_factory=dict,
                                                                 repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _sentence_of: list[Sentence | None] = field(default_factory=list, repr=False)
    _keys: tuple[list[str], set[str]] | None = field(default=None, repr=False)

    @classmethod
    def create(cls, info: DocumentInfo, text: str) -> Doc:
        norm = normalize_text(text)
        # the words between single spaces, placed by their lengths (no match objects, and
        # every step in C): word i starts at at[i] and ends at at[i + 1] - 1
        words = norm.text.split(" ")
        at = list(accumulate(map((1).__add__, map(len, words)), initial=0))
        # single spaces: only the first and the last word may be empty
        first = 0 if words[0] else 1
        last = len(words) if words[-1] else len(words) - 1
        starts = list(map(norm.starts.__getitem__, at[first:last]))
        ends = map((_TWO + norm.ends).__getitem__, at[first + 1:last + 1])  # ends[i - 2]
        # tuple.__new__ makes each Token in C (Token._make is a Python call a word)
        tokens = list(map(tuple.__new__, repeat(Token), zip(starts, ends, words[first:last],
                                                            strict=True)))
        language = (info.language or "ar").lower()[:2]
        doc = cls(info, text, language if language in ("ar", "en") else "ar", norm, tokens)
        doc._token_starts = starts
        return doc

    # --- positions -------------------------------------------------------------------

    def token_index(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset``."""
        return bisect.bisect_left(self._token_starts, offset)

    def tokens_after(self, offset: int, n: int) -> list[Token]:
        """The ``n`` tokens that start at or after ``offset``."""
        i = bisect.bisect_left(self._token_starts, offset)
        return self.tokens[i:i + n]

    def token_at(self, offset: int) -> int:
        """Index of the token that contains ``offset`` (or the last one before it)."""
        i = bisect.bisect_right(self._token_starts, offset) - 1
        return i if i > 0 else 0

    def tokens_between(self, start: int, end: int) -> list[Token]:
        starts = self._token_starts
        return self.tokens[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def tokens_bearing(self, words: frozenset[str]) -> list[int]:
        """Indices of the tokens one of whose forms under proclitics (:func:`clitic_forms`)
        is a word of ``words``: for a rule that looks for its words anywhere in a document,
        with no step of Python a token."""
        if self._keys is None:
            keys = list(map(_KEY, self.tokens))
            self._keys = (keys, set(keys))
        keys, distinct = self._keys
        hits = clitics().bearing(words, distinct)
        return list(compress(count(), map(hits.__contains__, keys))) if hits else []

    def index(self, name: str) -> SpanIndex:
        """A SpanIndex of the mention list ``name`` ("place_mentions"...), rebuilt when an
        extractor has replaced or extended the list."""
        items = getattr(self, name)
        cached = self._indexes.get(name)
        if cached is None or cached[0] is not items or cached[1] != len(items):
            cached = (items, len(items), SpanIndex(items))
            self._indexes[name] = cached
        return cached[2]

    def dates_between(self, start: int, end: int) -> list[Any]:
        """The dates (text order) that start in ``[start, end)``."""
        if len(self._date_starts) != len(self.dates):
            self._date_starts = [d.span.start for d in self.dates]
        return self.dates[bisect.bisect_left(self._date_starts, start):
                          bisect.bisect_left(self._date_starts, end)]

    def dates_overlapping(self, start: int, end: int) -> list[Any]:
        """The dates (text order) that share at least one character with ``[start, end)``."""
        return [d for d in self.dates_between(0, end) if d.span.end > start]

    def set_sentences(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._sentence_starts = starts = [s.start for s in sentences]
        # the sentence at each offset, looked up hundreds of times a document: the last
        # sentence that starts at or before the offset, when it reaches that far
        owner: list[Sentence | None] = [None] * len(self.text)
        for sentence, following in zip(sentences, [*starts[1:], len(owner)], strict=False):
            end = min(sentence.end, following, len(owner))
            if end > sentence.start:
                owner[sentence.start:end] = [sentence] * (end - sentence.start)
        self._sentence_of = owner

    def sentence_at(self, offset: int) -> Sentence | None:
        return self._sentence_of[offset] if 0 <= offset < len(self._sentence_of) else None

    def clause_at(self, offset: int) -> tuple[int, int] | None:
        sentence = self.sentence_at(offset)
        if sentence is None:
            return None
        for start, end in sentence.clauses:
            if start <= offset < end:
                return start, end
        return sentence.start, sentence.end

    def in_boilerplate(self, offset: int) -> bool:
        sentence = self._sentence_of[offset] if 0 <= offset < len(self._sentence_of) else None
        return sentence is None or sentence.boilerplate

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    # --- containment -----------------------------------------------------------------

    def attempt(self, reader: str, where: tuple[int, int], default: T,
                read: Callable[..., T], *args: Any) -> T:
        """``read(*args)``, or ``default`` when it raises: a bug in one reader loses its
        findings in ``where`` (a sentence, usually) and nothing else of the document."""
        try:
            return read(*args)
        except Exception as exc:  # contained here so that one bug never loses a document
            self.record_error(reader, where, exc)
            return default

    def record_error(self, reader: str, where: tuple[int, int], exc: BaseException) -> None:
        start, end = where
        error = ReaderError(reader, start, end, f"{type(exc).__name__}: {exc}")
        self.errors.append(error)
        log.error("%s: extractor %r failed on characters %d-%d (%r): %s", self.info.file, reader,
                  start, end, self.text[start:min(end, start + 80)], error.error, exc_info=exc)


def word_forms(tokens: Iterable[Token]) -> Iterator[str]:
    """Every form of every token under its proclitics (:func:`clitic_forms`): what the
    rules test word lists against, hundreds of times a document, so read in C."""
    return chain.from_iterable(map(clitics().forms, map(_KEY, tokens)))


_KEY = attrgetter("key")
_START = attrgetter("start")
_END = attrgetter("end")


