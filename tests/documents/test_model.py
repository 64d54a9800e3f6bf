"""Document and LoadError, metadata normalisation and language detection."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

import pytest

from conflictkg.documents import Document, LoadError, detect_language, normalise_date
from conflictkg.documents.metadata import merge, normalise_metadata


def test_document_from_text_normalises_line_ends_and_hashes_the_result():
    document = Document.from_text("\ufeffسطر\r\nسطر\r", "a.txt")
    assert document.text == "سطر\nسطر\n"
    assert document.sha256 == hashlib.sha256("سطر\nسطر\n".encode()).hexdigest()
    assert document.path is None
    assert document.metadata == {}


def test_properties_read_the_metadata():
    metadata = {"publisher": "Enab Baladi", "publisher_ar": "عنب بلدي", "published": "2024-12-08",
                "url": "https://enabbaladi.net/1", "title": "عنوان", "kind": "news-article", "note": "x"}
    document = Document.from_text("Mostly English text with one word عربي.", "a.txt", metadata=metadata)
    assert (document.publisher, document.publisher_ar, document.published) == (
        "Enab Baladi", "عنب بلدي", "2024-12-08"
    )
    assert (document.url, document.title, document.kind) == ("https://enabbaladi.net/1", "عنوان", "news-article")
    assert document.language == "en"
    assert Document.from_text("x", "b.txt", metadata={"publisher": ""}).publisher is None


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("AR-sy", "English words only", "ar"),  # the metadata wins when it names ar or en
        ("en_GB", "نص عربي", "en"),
        ("fr", "نص عربي مع some English", "ar"),  # other languages: detected from the text
        (None, "قالت وكالة سانا إن the army took Palmyra", "ar"),
        (None, "The SDF said قسد captured the town of al-Baghuz.", "en"),
        (None, "2017 - 82 ...", "en"),  # no letters at all
    ],
)
def test_language(language, text, expected):
    document = Document.from_text(text, "a.txt", metadata={"language": language})
    assert document.language == expected


def test_detect_language_counts_letters_only():
    assert detect_language("١٢٣ ... 123 نص") == "ar"
    assert detect_language("ﻻ ﺍﻟﻠﻪ") == "ar"  # presentation forms are Arabic letters too


def test_load_error_is_one_line():
    assert str(LoadError("corpus/x.txt", "binary file, not text")) == "corpus/x.txt: binary file, not text"
    assert str(LoadError("feed.jsonl:12", "empty document")) == "feed.jsonl:12: empty document"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-03-25", "2017-03-25"),
        (" 2017/3/5 ", "2017-03-05"),
        ("2017.03.25", "2017-03-25"),
        ("2017-03-25T23:30:00-05:00", "2017-03-25"),  # the date as the publisher wrote it
        ("2017-03-25 10:00", "2017-03-25"),
        (date(2020, 1, 2), "2020-01-02"),
        (datetime(2020, 1, 2, 23, 59), "2020-01-02"),
        (None, None),
        ("", None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize("value", ["25/03/2017", "2017-03", "2017", "2017-13-01", "2017-03-25x", 20170325, "soon"])
def test_normalise_date_refuses_what_is_not_a_full_date(value):
    with pytest.raises(ValueError, match=r"'published' is not a date \(YYYY-MM-DD\)"):
        normalise_date(value)


def test_metadata_aliases_and_merge_order():
    assert normalise_metadata({"date": "2017/03/25", "lang": "ar", "link": "u"}) == {
        "published": "2017-03-25", "language": "ar", "url": "u"
    }
    both = normalise_metadata({"date": "2017-01-01", "published": "2018-02-02"})
    assert both == {"date": "2017-01-01", "published": "2018-02-02"}  # the alias stays as an extra
    merged = merge({"publisher": "page", "title": "t"}, None, {"publisher": "manifest", "title": None})
    assert merged == {"publisher": "manifest", "title": "t"}


def test_documents_compare_with_their_metadata_and_can_be_hashed():
    a = Document.from_text("نص", "a.txt", metadata={"publisher": "A"})
    b = Document.from_text("نص", "a.txt", metadata={"publisher": "B"})
    assert a != b
    assert a == Document.from_text("نص", "a.txt", metadata={"publisher": "A"})
    assert len({a, b}) == 2


def test_the_arabic_share_counts_every_occurrence_of_each_letter():
    from conflictkg.documents.model import arabic_share

    assert arabic_share("") == 0.0 == arabic_share("123 ... ١٢٣")
    assert arabic_share("قصف قصف abc") == 6 / 9  # repeated letters count each time
    assert arabic_share("aaaa ب") == 1 / 5
