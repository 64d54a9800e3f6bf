"""What the loaders hand to extraction: a :class:`Document`, or a :class:`LoadError`.

A document's ``text`` is the text *as ingested*: the file's bytes decoded, a leading
byte-order mark dropped and line ends turned into ``\\n`` (``\\r\\n`` and a lone ``\\r``
alike), and nothing else changed. Every offset in the project counts code points of
this text, and ``sha256`` is computed from it, so both stay the same whatever
encoding or line ends the file had on disk.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

LANGUAGES = ("ar", "en")
ARABIC_SHARE = 0.4  # share of Arabic among the letters that makes a text Arabic


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; the only change made to ingested text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_arabic_letter(char: str) -> bool:
    code = ord(char)
    return (
        0x0600 <= code <= 0x06FF  # Arabic
        or 0x0750 <= code <= 0x077F  # Arabic Supplement
        or 0x08A0 <= code <= 0x08FF  # Arabic Extended-A
        or 0xFB50 <= code <= 0xFDFF  # Presentation Forms-A
        or 0xFE70 <= code <= 0xFEFF  # Presentation Forms-B
    ) and char.isalpha()


def arabic_share(text: str) -> float:
    """Share of Arabic letters among all letters (0.0 when there are none). Each distinct
    character is looked at once, with how often it occurs (a text uses a few dozen)."""
    letters = arabic = 0
    for char, n in Counter(text).items():
        if char.isalpha():
            letters += n
            if is_arabic_letter(char):
                arabic += n
    return arabic / letters if letters else 0.0


def detect_language(text: str) -> str:
    """'ar' when enough of the letters are Arabic, else 'en': the corpus holds only these two."""
    return "ar" if arabic_share(text) >= ARABIC_SHARE else "en"


def language_code(value: Any) -> str | None:
    """'ar' or 'en' from a tag such as 'ar', 'AR-sy' or 'en_GB'; None for anything else."""
    if not isinstance(value, str):
        return None
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else None


@dataclass(frozen=True)
class Document:
    """One source document, ready for extraction."""

    text: str
    sha256: str  # hex digest of the UTF-8 encoded text
    file: str  # file name, or "name.jsonl#L12" for one record of a file
    path: Path | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:  # the metadata dict is compared but cannot be hashed
        return hash((self.sha256, self.file))

    @classmethod
    def from_text(
        cls,
        text: str,
        file: str,
        path: Path | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> Document:
        """A document from decoded text: drops a leading BOM, normalises line ends, hashes."""
        text = normalise_newlines(text.removeprefix("\ufeff"))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(text=text, sha256=digest, file=file, path=path, metadata=dict(metadata or {}))

    def _get(self, key: str) -> str | None:
        value = self.metadata.get(key)
        return value if isinstance(value, str) and value else None

    @property
    def publisher(self) -> str | None:
        return self._get("publisher")

    @property
    def publisher_ar(self) -> str | None:
        return self._get("publisher_ar")

    @property
    def published(self) -> str | None:
        """Publication date as YYYY-MM-DD (the loaders normalise and check it)."""
        return self._get("published")

    @property
    def url(self) -> str | None:
        return self._get("url")

    @property
    def title(self) -> str | None:
        return self._get("title")

    @property
    def kind(self) -> str | None:
        return self._get("kind")

    @cached_property
    def language(self) -> str:
        """'ar' or 'en': from the metadata when it names one of them, else from the text."""
        return language_code(self.metadata.get("language")) or detect_language(self.text)


@dataclass(frozen=True)
class LoadError:
    """An input that could not become a document; loading goes on with the next one."""

    source: str  # path, "path:line" or "path#index"
    reason: str

    def __str__(self) -> str:
        """One line, whatever the file is called: control characters in the name (a
        newline, say) are shown escaped, so a name cannot forge lines of a report."""
        return f"{printable(self.source)}: {self.reason}"


def printable(name: str) -> str:
    """``name`` with its control characters escaped as in a Python string literal."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in name)
