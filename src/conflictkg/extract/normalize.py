"""Arabic-aware normalisation that remembers where every character came from.

Names are matched on a *key*: NFKC, no diacritics or tatweel, one alef, ه for ة,
ي for ى and ئ, و for ؤ, ASCII digits, lower-case Latin, punctuation as space and
single spaces. Text is normalised by the same rules character by character into a
:class:`NormalizedText`, which maps any slice of the normalised text back to the
code-point offsets of the original, so a match found on the key still yields an
exact evidence span (``original[start:end]``) of the document as ingested.
"""

from __future__ import annotations

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


# What each character seen so far folds to, per mode (filled on first sight).
_TABLES: dict[bool, dict[str, str]] = {False: {}, True: {}}


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
    chars: list[str] = []
    starts = array("i")
    ends = array("i")
    space = False  # the last character written is a space
    for i, char in enumerate(original):
        folded = table.get(char)
        if folded is None:
            folded = table[char] = _fold(char, keep_punctuation)
        if not folded:
            # a mark or tatweel belongs to the letter before it; a format mark to nothing
            if ends and unicodedata.category(char) != "Cf":
                ends[-1] = i + 1
            continue
        for c in folded:
            if c == " ":
                if space:
                    ends[-1] = i + 1
                    continue
                space = True
            else:
                space = False
            chars.append(c)
            starts.append(i)
            ends.append(i + 1)
    return NormalizedText(original, "".join(chars), starts, ends, keep_punctuation)


def normalize_key(s: str) -> str:
    """The matching key of a name (the same rules as :func:`normalize_text`)."""
    return normalize_text(s).text.strip()
