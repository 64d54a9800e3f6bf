"""A generated corpus of hostile files, to be mixed with good documents in one run.

Each family makes the kind of file an archive's export, a scraper or an attacker leaves
behind: text in the wrong encoding or none, JSON with lone surrogates, deep nesting and
numbers past Python's digit limit, binary under every suffix, HTML bombs, records of the
wrong types, and file names with newlines, quotes and bidirectional controls. The files
are made from a seeded random generator, so a run is the same on every machine.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path

ARABIC = "قتل 5 مدنيين في قصف على بلدة كفرنبل بريف إدلب الجنوبي، بحسب المرصد السوري."
SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".md", "")
NAME_TRICKS = ("line\nbreak", 'quote"d', "it's", "tab\there", "\u202eevil\u202c", "-dash", " space ",
               "back\\slash", "semi;colon", "دمشق", "$(echo x)", "\x1b[31mred")

Family = Callable[[random.Random, int], bytes]


def _encodings(rng: random.Random, n: int) -> bytes:
    text = ARABIC * rng.randint(1, 5)
    codec = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1256", "iso-8859-6", "utf-8-sig")[n % 7]
    return text.encode(codec)


def _broken_utf8(rng: random.Random, n: int) -> bytes:
    good = ARABIC.encode()
    cut = rng.randint(1, len(good) - 1)
    return good[:cut] + bytes([0xC0, 0xFF, 0xED, 0xA0, 0x80][n % 5:]) + good[cut:] + b"\x00" * (n % 3)


def _binary(rng: random.Random, n: int) -> bytes:
    head = (b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x1f\x8b\x08", b"", b"\xff\xd8\xff")[n % 6]
    return head + rng.randbytes(rng.randint(0, 4096))


def _surrogates(rng: random.Random, n: int) -> bytes:
    escape = ("\\ud800", "\\udfff", "\\ud83d", "\\udc00\\ud800", "\\u0000")[n % 5]
    return ('{"text": "' + escape + " " + ARABIC + '", "title": "' + escape + '"}').encode()


def _nesting(rng: random.Random, n: int) -> bytes:
    depth = (100, 1_000, 10_000, 100_000)[n % 4]
    opener, closer = ("[", "]") if n % 2 else ('{"a":', "}")
    return (opener * depth + "1" + closer * depth).encode()


def _big_numbers(rng: random.Random, n: int) -> bytes:
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(4_400, 20_000)))
    return ('{"text": "' + ARABIC + '", "id": 1' + digits + ', "published": ' + digits[:5000] + "}").encode()


def _wrong_records(rng: random.Random, n: int) -> bytes:
    value = (1, None, [], {}, True, 1e308, "", " " * 50, [ARABIC], {"text": ARABIC})[n % 10]
    record = {("text", "body", "content", "published", "url", "title")[n % 6]: value}
    return json.dumps(record if n % 3 else [record, "x", 3]).encode()


def _records_mixed(rng: random.Random, n: int) -> bytes:
    lines = [json.dumps({"text": ARABIC, "id": f"r{n}-{i}"}) if i % 2 else "{" * rng.randint(1, 3000)
             for i in range(rng.randint(2, 6))]
    return "\n".join(lines).encode()


def _html_bombs(rng: random.Random, n: int) -> bytes:
    kind = n % 5
    if kind == 0:
        depth = rng.randint(1_000, 100_000)
        return ("<div>" * depth + ARABIC + "</div>" * depth).encode()
    if kind == 1:
        return ("<p>" + "&amp;" * rng.randint(10_000, 200_000) + "</p>").encode()
    if kind == 2:
        return ('<a href="' + "x" * rng.randint(100_000, 1_000_000) + '">' + ARABIC + "</a>").encode()
    if kind == 3:
        return ("<table>" * 5_000 + "<td>" * 5_000 + ARABIC).encode()
    return ("<script>" + "x" * 100_000 + "</script><style>" + ARABIC + "</style><!--" * 1000).encode()


def _empty(rng: random.Random, n: int) -> bytes:
    return (b"", b"\xef\xbb\xbf", b"   \n\t\r\n", b"\x00" * 100, b"\n" * 10_000, b"{}", b"[]", b"null")[n % 8]


def _long_lines(rng: random.Random, n: int) -> bytes:
    return ("، " * rng.randint(10_000, 50_000) + ARABIC).encode() if n % 2 else (ARABIC * 200).encode()


FAMILIES: dict[str, Family] = {
    "encoding": _encodings, "broken-utf8": _broken_utf8, "binary": _binary, "surrogate": _surrogates,
    "nesting": _nesting, "big-number": _big_numbers, "wrong-record": _wrong_records,
    "records-mixed": _records_mixed, "html-bomb": _html_bombs, "empty": _empty, "long-line": _long_lines,
}
SUFFIX_OF = {"surrogate": ".json", "nesting": ".json", "big-number": ".json", "wrong-record": ".json",
             "records-mixed": ".jsonl", "html-bomb": ".html"}


def hostile_files(count: int, seed: int = 18) -> Iterator[tuple[str, bytes]]:
    """``count`` (name, content) pairs, the families taken in turn, some names with tricks."""
    rng = random.Random(seed)
    families = list(FAMILIES.items())
    for n in range(count):
        family, make = families[n % len(families)]
        suffix = SUFFIX_OF.get(family) or SUFFIXES[n % len(SUFFIXES)]
        trick = NAME_TRICKS[n // 4 % len(NAME_TRICKS)] if n % 4 == 0 else ""
        yield f"{family}-{n:04d}{trick}{suffix}", make(rng, n)


def write_hostile_corpus(folder: Path, count: int = 1_000) -> list[Path]:
    """Write the corpus into ``folder``; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, content in hostile_files(count):
        path = folder / name
        path.write_bytes(content)
        paths.append(path)
    return paths
