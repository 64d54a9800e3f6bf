"""Bytes to text for documents that may come in UTF-8, UTF-16 or Windows-1256.

Arabic web pages and archive exports still arrive in Windows-1256, and exports from
Windows tools in UTF-16 (sometimes without a byte-order mark). The order of the
checks matters: a byte-order mark is certain; UTF-16 is recognised by its NUL bytes
before those bytes can be taken for a binary file; valid UTF-8 beats any declaration
because legacy Arabic text is practically never valid UTF-8 by chance; Windows-1256 is
accepted only when the result is plausibly Arabic.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from conflictkg.documents.model import arabic_share

NOT_TEXT = "not text: could not decode as UTF-8, UTF-16 or Windows-1256"
BINARY = "binary file, not text"

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 65_536  # bytes looked at to recognise UTF-16 or a binary file
_CONTROL_SHARE = 0.05  # more control characters than this: binary
_UTF16_HIGH_BYTES = frozenset({0x00, 0x06, 0x20})  # high bytes of Latin, Arabic, punctuation
_TEXT_CONTROLS = frozenset("\t\n\v\f\r\x1b")


class NotText(ValueError):
    """Raised by :func:`decode` with the reason a file is not text (the message)."""


def decode(data: bytes, declared: str | None = None) -> str:
    """The text of ``data``, byte-order mark removed, line ends left as they are.

    ``declared`` is an encoding named by the document itself (an HTML ``<meta charset>``);
    it is tried after a byte-order mark and after UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, f"not text: invalid {encoding.upper()}")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data or _control_share_bytes(data[:_SAMPLE]) > _CONTROL_SHARE:
        raise NotText(BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in _declared_encodings(declared):
        try:
            return _checked(data.decode(encoding))
        except (UnicodeDecodeError, NotText):
            continue
    return _windows_1256(data)


def _strict(data: bytes, encoding: str, reason: str) -> str:
    try:
        return _checked(data.decode(encoding))
    except UnicodeDecodeError:
        raise NotText(reason) from None


def _checked(text: str) -> str:
    sample = text[:_SAMPLE]
    controls = sum(
        1 for c in sample if unicodedata.category(c) == "Cc" and c not in _TEXT_CONTROLS
    )
    if (sample and controls / len(sample) > _CONTROL_SHARE) or "\x00" in sample:
        raise NotText(BINARY)
    return text


def _control_share_bytes(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if (b < 0x20 and chr(b) not in _TEXT_CONTROLS) or b == 0x7F)
    return controls / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text is recognised by NUL bytes at every other position.

    In Latin text every high byte is NUL, in Arabic text most high bytes are 0x06 and
    the spaces and digits between words give NULs; a binary file shows NULs at both
    positions alike.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(data) % 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    for high, low, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        nul_high = high.count(0) / len(high)
        nul_low = low.count(0) / len(low)
        typical_high = sum(1 for b in high if b in _UTF16_HIGH_BYTES) / len(high)
        if nul_high >= 0.1 and nul_low <= 0.02 and typical_high >= 0.9:
            try:
                return _checked(data.decode(encoding))
            except (UnicodeDecodeError, NotText):
                return None
    return None


def _declared_encodings(declared: str | None) -> list[str]:
    if not declared:
        return []
    try:
        name = codecs.lookup(declared.strip()).name
    except LookupError:
        return []
    # An HTML page that declares UTF-16 in a <meta> is decoded as UTF-8 (HTML standard).
    return [] if name.startswith(("utf-16", "utf-32", "utf-8")) else [name]


def _windows_1256(data: bytes) -> str:
    """Windows-1256 when the decoded text is mostly Arabic, or charset-normalizer agrees."""
    try:
        text = _checked(data.decode("cp1256"))
    except UnicodeDecodeError:
        raise NotText(NOT_TEXT) from None
    if arabic_share(text[:_SAMPLE]) >= 0.5:
        return text
    best = from_bytes(data[:_SAMPLE]).best()
    if best is not None and best.encoding == "cp1256":
        return text
    raise NotText(NOT_TEXT)
