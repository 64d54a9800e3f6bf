"""Arabic-aware normalisation that remembers where every character came from.

Names are matched on a *key*: NFKC, no diacritics or tatweel, one alef, ه for ة,
ي for ى and ئ, و for ؤ, ASCII digits, lower-case Latin, punctuation as space and
single spaces. Text is normalised by the same rules character by character into a
:class:`NormalizedText`, which maps any slice of the normalised text back to the
code-point offsets of the original, so a match found on the key still yields an
exact evidence span (``original[start:end]``) of the document as ingested.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from dataclasses import dataclass

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


class _Table:
    """What each character seen so far folds to, in one mode (filled on first sight).

    Most characters fold to exactly one character: a whole text of them is translated at
    once and its offset map is a slice of :data:`_IOTA`. The others (dropped marks,
    ligatures) are *irregular* and only they are placed one by one, which is what keeps
    normalising a long document cheap.
    """

    def __init__(self, keep_punctuation: bool) -> None:
        self.keep_punctuation = keep_punctuation
        self.folds: dict[int, str] = {}  # code point -> folded text, for str.translate
        self.attached: set[str] = set()  # dropped, and part of the letter before
        # any character not folded yet; any irregular character (None while there is none)
        self.patterns: tuple[re.Pattern[str], re.Pattern[str] | None] = (
            re.compile("(?s:.)"), None)
        self.changing: dict[str, str] = {}  # the characters that fold to other text
        self.changed: re.Pattern[str] | None = None  # any of them (None while there is none)
        # whether they can be replaced one after the other: none folds to text that holds
        # another, so no character is folded twice
        self.replaceable = True

    def learn(self, text: str) -> None:
        """Fold the characters of ``text`` not seen before."""
        if self.patterns[0].search(text) is None:
            return
        for char in set(text):
            if ord(char) not in self.folds:
                folded = self.folds[ord(char)] = _fold(char, self.keep_punctuation)
                if not folded and unicodedata.category(char) != "Cf":
                    self.attached.add(char)
        known = "".join(re.escape(chr(c)) for c in sorted(self.folds))
        irregular = "".join(re.escape(chr(c)) for c, f in sorted(self.folds.items()) if len(f) != 1)
        self.patterns = (re.compile(f"[^{known}]"),
                         re.compile(f"[{irregular}]") if irregular else None)
        self.changing = {chr(c): f for c, f in self.folds.items() if f != chr(c)}
        self.changed = re.compile("[" + "".join(map(re.escape, sorted(self.changing))) + "]") \
            if self.changing else None
        self.replaceable = all(c not in self.changing for f in self.changing.values() for c in f)

    def fold(self, text: str) -> str:
        """``text`` with every character folded (all of them learnt): each character that
        changes and occurs is replaced all at once, a scan in C, which is several times
        quicker than ``str.translate``, which looks every character up in a dict."""
        if not self.replaceable:
            return text.translate(self.folds)
        if self.changed is None:
            return text
        for char in set(self.changed.findall(text)):
            text = text.replace(char, self.changing[char])
        return text


_TABLES = {mode: _Table(mode) for mode in (False, True)}
_SPACE_RUN = re.compile("  +")
# runs times characters past which the offset maps are rebuilt rather than cut in place
# (a report of a few KB is cut in place, quicker there; a text of 100 KB is rebuilt)
_CUT_IN_PLACE = 2_000_000
_IOTA = array("i", range(1 << 16))  # 0, 1, 2...: sliced into the offset maps


def _iota(start: int, stop: int) -> array:
    """array("i", range(start, stop)), by slicing."""
    global _IOTA
    if stop > len(_IOTA):
        _IOTA = array("i", range(max(stop, 2 * len(_IOTA))))
    return _IOTA[start:stop]


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
    table.learn(original)
    # one folding of the whole text: a cache of folded words is quicker only while its
    # dict stays in the processor's cache, which it does not amid the extractors
    folded = table.fold(original)
    irregular = table.patterns[1]
    if irregular is None or irregular.search(original) is None:
        starts, ends = _iota(0, len(original)), _iota(1, len(original) + 1)
    else:
        starts, ends = _offsets(original, table, irregular)
    return _collapse_spaces(NormalizedText(original, folded, starts, ends, keep_punctuation))


def _offsets(original: str, table: _Table, irregular: re.Pattern[str]) -> tuple[array, array]:
    """The offset map of a text with irregular characters: each stretch between them maps
    one to one, each of them to its own folded characters, or to none."""
    starts = array("i")
    ends = array("i")
    position = 0
    for m in irregular.finditer(original):
        i = m.start()
        if i > position:
            starts.extend(_iota(position, i))
            ends.extend(_iota(position + 1, i + 1))
        char = m.group()
        width = len(table.folds[ord(char)])
        if width:
            starts.extend([i] * width)
            ends.extend([i + 1] * width)
        elif ends and char in table.attached:
            ends[-1] = i + 1  # a mark or tatweel belongs to the letter before it
        position = i + 1
    if position < len(original):
        starts.extend(_iota(position, len(original)))
        ends.extend(_iota(position + 1, len(original) + 1))
    return starts, ends


def _collapse_spaces(n: NormalizedText) -> NormalizedText:
    """One space for each run of spaces, spanning the whole run in the original."""
    runs = [m.span() for m in _SPACE_RUN.finditer(n.text)]
    if not runs:
        return n
    starts, ends = n.starts, n.ends
    if len(runs) * len(starts) > _CUT_IN_PLACE:
        # a long text: each cut in place would move the rest of the map (quadratic), so
        # the map is made anew from the stretches between the runs
        starts, ends = array("i"), array("i")
        position = 0
        for a, b in runs:
            starts += n.starts[position:a + 1]
            ends += n.ends[position:a]
            ends.append(n.ends[b - 1])
            position = b
        starts += n.starts[position:]
        ends += n.ends[position:]
    else:
        # the maps are the caller's own (fresh from normalize_text): cut in place, from
        # the end so that the offsets of the runs before stay true
        for a, b in reversed(runs):
            del starts[a + 1:b]
            ends[a] = ends[b - 1]
            del ends[a + 1:b]
    return NormalizedText(n.original, _SPACE_RUN.sub(" ", n.text), starts, ends,
                          n.keep_punctuation)


@functools.lru_cache(maxsize=65536)
def normalize_key(s: str) -> str:
    """The matching key of a name (the same rules as :func:`normalize_text`): the folded
    text alone, without the offset map that a key never needs (every line of a page is
    asked for one)."""
    table = _TABLES[False]
    table.learn(s)
    return _SPACE_RUN.sub(" ", s.translate(table.folds)).strip()
