"""Arabic-aware normalisation that remembers where every character came from.

Names are matched on a *key*: NFKC, no diacritics or tatweel, one alef, ه for ة,
ي for ى and ئ, و for ؤ, ASCII digits, lower-case Latin, punctuation as space and
single spaces. Text is normalised by the same rules character by character into a
:class:`NormalizedText`, which maps any slice of the normalised text back to the
code-point offsets of the original, so a match found on the key still yields an
exact evidence span (``original[start:end]``) of the document as ingested.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, field

TATWEEL = "\u0640"
_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
    "ۀ": "ه", "ە": "ه", "ی": "ي", "ک": "ك",
})


def _fold(char: str, keep_punctuation: bool) -> str:
    """What one original character becomes: '' (dropped), ' ' (a separator) or text."""
    out = []
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", char).lower())
    for c in decomposed:
        category = unicodedata.category(c)
        if c == TATWEEL or category in ("Mn", "Me", "Cf"):
            continue  # harakat, shadda, sukun, superscript alef, hamza marks, ZWJ, RLM...
        if c.isspace() or category[0] in "ZC" or (category[0] in "PS" and not keep_punctuation):
            out.append(" ")
        elif category == "Nd":
            out.append(str(unicodedata.decimal(c)))
        else:
            out.append(c.translate(_LETTERS))
    # NFKD without the marks is NFKC for Arabic; for Latin it also folds accents.
    return unicodedata.normalize("NFC", "".join(out))


@dataclass
class _Table:
    """What each character seen so far folds to, in one mode (filled on first sight).

    Most characters fold to exactly one character; they are translated a whole stretch
    at a time. The others (dropped marks, ligatures) are *irregular* and are placed one
    by one, which is what keeps normalising a long document cheap.
    """

    keep_punctuation: bool
    folds: dict[int, str] = field(default_factory=dict)  # code point -> folded text
    irregular: set[str] = field(default_factory=set)
    attached: set[str] = field(default_factory=set)  # dropped, and part of the letter before
    _pattern: tuple[frozenset[str], re.Pattern[str]] | None = None

    def learn(self, chars: set[str]) -> None:
        for char in chars:
            if ord(char) in self.folds:
                continue
            folded = self.folds[ord(char)] = _fold(char, self.keep_punctuation)
            if len(folded) != 1:
                self.irregular.add(char)
                if not folded and unicodedata.category(char) != "Cf":
                    self.attached.add(char)

    def splitter(self, irregular: frozenset[str]) -> re.Pattern[str]:
        """A pattern matching any of ``irregular`` (kept while documents repeat the set)."""
        if self._pattern is None or self._pattern[0] != irregular:
            chars = "".join(re.escape(c) for c in sorted(irregular))
            self._pattern = (irregular, re.compile(f"[{chars}]"))
        return self._pattern[1]


_TABLES = {mode: _Table(mode) for mode in (False, True)}
_SPACE_RUN = re.compile("  +")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalised text plus, for each of its characters, the original slice it came from.

    ``starts[i]``/``ends[i]`` bound the original characters that produced ``text[i]``;
    dropped characters (diacritics, tatweel, format marks) belong to the character
    before them, and a run of spaces or punctuation collapses into one space.
    """

    original: str
    text: str
    starts: array
    ends: array
    keep_punctuation: bool = False

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original code-point offsets of ``text[start:end]``."""
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span ({start}, {end}) outside normalised text of length {n}")
        if start == end:
            at = self.starts[start] if start < n else len(self.original)
            return at, at
        return self.starts[start], self.ends[end - 1]

    def original_slice(self, start: int, end: int) -> str:
        s, e = self.original_span(start, end)
        return self.original[s:e]


def normalize_text(original: str, *, keep_punctuation: bool = False) -> NormalizedText:
    """Normalise ``original`` keeping an offset map; punctuation stays when asked."""
    table = _TABLES[keep_punctuation]
    present = set(original)
    table.learn(present)
    irregular = frozenset(present & table.irregular)
    if not irregular:
        folded = original.translate(table.folds)
        starts = array("i", range(len(original)))
        ends = array("i", range(1, len(original) + 1))
    else:
        folded, starts, ends = _by_stretches(original, table, table.splitter(irregular))
    return _collapse_spaces(NormalizedText(original, folded, starts, ends, keep_punctuation))


def _by_stretches(original: str, table: _Table,
                  splitter: re.Pattern[str]) -> tuple[str, array, array]:
    """Fold regular stretches whole and the irregular characters between them one by one."""
    parts: list[str] = []
    starts = array("i")
    ends = array("i")
    position = 0
    for m in splitter.finditer(original):
        i = m.start()
        if i > position:
            parts.append(original[position:i].translate(table.folds))
            starts.extend(range(position, i))
            ends.extend(range(position + 1, i + 1))
        char = m.group()
        folded = table.folds[ord(char)]
        if folded:
            parts.append(folded)
            starts.extend([i] * len(folded))
            ends.extend([i + 1] * len(folded))
        elif ends and char in table.attached:
            ends[-1] = i + 1  # a mark or tatweel belongs to the letter before it
        position = i + 1
    if position < len(original):
        parts.append(original[position:].translate(table.folds))
        starts.extend(range(position, len(original)))
        ends.extend(range(position + 1, len(original) + 1))
    return "".join(parts), starts, ends


def _collapse_spaces(n: NormalizedText) -> NormalizedText:
    """One space for each run of spaces, spanning the whole run in the original."""
    runs = [m.span() for m in _SPACE_RUN.finditer(n.text)]
    if not runs:
        return n
    starts = array("i")
    ends = array("i")
    position = 0
    for a, b in runs:
        starts.extend(n.starts[position:a + 1])
        ends.extend(n.ends[position:a])
        ends.append(n.ends[b - 1])
        position = b
    starts.extend(n.starts[position:])
    ends.extend(n.ends[position:])
    return NormalizedText(n.original, _SPACE_RUN.sub(" ", n.text), starts, ends,
                          n.keep_punctuation)


def normalize_key(s: str) -> str:
    """The matching key of a name (the same rules as :func:`normalize_text`)."""
    return normalize_text(s).text.strip()
