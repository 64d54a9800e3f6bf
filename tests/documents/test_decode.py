"""Plain-text files in every encoding the corpus meets, and the files that are not text."""

from __future__ import annotations

import codecs
import hashlib
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictkg.documents import Document, LoadError
from conflictkg.documents.decode import BINARY, NOT_TEXT, NotText, decode

ARABIC = "أعلن المرصد السوري لحقوق الإنسان مقتل 82 عنصراً من قوات النظام في حي جوبر.\nوقال إن الاشتباكات مستمرة."
ENGLISH = "The Syrian Observatory said at least 82 regime fighters were killed in Jobar.\n"


@pytest.mark.parametrize(
    "encoded",
    [
        ARABIC.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
        codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"),
        ARABIC.encode("utf-16-le"),  # no byte-order mark
        ARABIC.encode("utf-16-be"),
        ARABIC.encode("cp1256"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be", "cp1256"],
)
def test_arabic_text_in_each_encoding_loads_the_same(write, load_one, encoded):
    document = load_one(write("report.txt", encoded))
    assert isinstance(document, Document), document
    assert document.text == ARABIC
    assert document.language == "ar"
    assert document.file == "report.txt"
    assert document.sha256 == hashlib.sha256(ARABIC.encode("utf-8")).hexdigest()


def test_sha256_is_of_the_ingested_text_not_of_the_file_bytes(write, load_one):
    windows = ARABIC.replace("\n", "\r\n")
    document = load_one(write("b.txt", codecs.BOM_UTF16_LE + windows.encode("utf-16-le")))
    assert document.sha256 == hashlib.sha256(ARABIC.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_english_utf16_without_bom(write, load_one, encoding):
    document = load_one(write("report.txt", ENGLISH.encode(encoding)))
    assert document.text == ENGLISH
    assert document.language == "en"


def test_line_ends_become_newlines_and_nothing_else_changes(write, load_one):
    raw = "ﻻ  إله\r\nسطر\rآخر\n\n\tفقرة\u00a0كذا\u200c"  # presentation form, NBSP, ZWNJ stay
    document = load_one(write("r.txt", raw))
    assert document.text == "ﻻ  إله\nسطر\nآخر\n\n\tفقرة\u00a0كذا\u200c"


def test_a_bom_character_is_dropped_only_at_the_start(write, load_one):
    document = load_one(write("r.txt", "\ufeffنص\ufeffنص"))
    assert document.text == "نص\ufeffنص"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8, " \u3000\n".encode()])
def test_empty_or_blank_file_is_an_error(write, load_one, content):
    path = write("blank.txt", content)
    error = load_one(path)
    assert error == LoadError(str(path), "empty document")
    assert str(error) == f"{path}: empty document"


def test_png_is_binary(write, load_one):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + random.Random(1).randbytes(2000)
    assert load_one(write("image.txt", png)).reason == BINARY


def test_random_bytes_are_binary_with_or_without_nul(write, load_one):
    noise = random.Random(2).randbytes(5000)
    assert load_one(write("noise.txt", noise)).reason == BINARY
    assert load_one(write("noise2.txt", noise.replace(b"\x00", b"\x01"))).reason == BINARY


def test_undecodable_text_names_the_encodings_tried(write, load_one):
    french = "Le café est très bon, à côté de la gare. Où êtes-vous allés ? " * 5
    error = load_one(write("latin1.txt", french.encode("latin-1")))
    assert error.reason == NOT_TEXT == "not text: could not decode as UTF-8, UTF-16 or Windows-1256"


def test_invalid_utf8_after_a_utf8_bom_is_reported():
    with pytest.raises(NotText, match="invalid UTF-8"):
        decode(codecs.BOM_UTF8 + b"ok \xff\xfe broken")


def test_declared_encoding_is_used_when_the_bytes_are_not_utf8():
    latin = "Déclaré en ISO-8859-1".encode("latin-1")
    assert decode(latin, declared="iso-8859-1") == "Déclaré en ISO-8859-1"
    assert decode("نص".encode(), declared="windows-1256") == "نص"  # valid UTF-8 wins
    assert decode("نص".encode("cp1256"), declared="no-such-charset") == "نص"


# Text a writer can put in a file: no surrogates and no control characters but line
# ends and tab (those make a file binary), not blank, not starting with a BOM character.
ENCODERS = [
    lambda text: text.encode("utf-8"),
    lambda text: text.encode("utf-8-sig"),
    lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
]
texts = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t"), min_size=1
).filter(lambda t: t.strip() and not t.startswith("\ufeff"))


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, encode=st.sampled_from(ENCODERS))
def test_any_text_round_trips_through_utf8_and_utf16(write, load_one, text, encode):
    data = encode(text)
    document = load_one(write("any.txt", data))
    assert isinstance(document, Document), document
    assert document.text == text.replace("\r\n", "\n").replace("\r", "\n")
