"""JSON and JSON Lines files: one document a record; a bad record does not stop the rest."""

from __future__ import annotations

import json

from conflictkg.documents import Document, LoadError

SOHR = "وثق المرصد السوري مقتل 82 عنصراً على الأقل من قوات النظام."


def test_jsonl_records_with_bad_lines_in_the_middle(write, load):
    path = write(
        "news.jsonl",
        "\n".join([
            json.dumps({"text": SOHR, "publisher": "SOHR", "date": "2017-03-25", "url": "https://x/1"}),
            '{"text": "cut',  # 2
            json.dumps({"title": "no text here"}),  # 3
            "",
            json.dumps({"body": "Body text.\r\nSecond line.", "lang": "en", "id": "a17"}),  # 5
            json.dumps({"content": 42}),  # 6
            json.dumps({"text": "   "}),  # 7
            json.dumps({"text": "نص", "published": "yesterday"}),  # 8
            json.dumps({"text": "نص آخر", "file": "sana-2016-05-01.txt", "extra": [1, 2]}),  # 9
            "[1, 2]",  # 10
        ]) + "\n",
    )
    items = load(path)
    documents = [item for item in items if isinstance(item, Document)]
    errors = {item.source: item.reason for item in items if isinstance(item, LoadError)}
    assert [d.file for d in documents] == ["news.jsonl#L1", "news.jsonl#a17", "sana-2016-05-01.txt"]
    first, second, third = documents
    assert (first.text, first.publisher, first.published, first.url) == (
        SOHR, "SOHR", "2017-03-25", "https://x/1"
    )
    assert first.path == path
    assert "text" not in first.metadata
    assert second.text == "Body text.\nSecond line."
    assert second.language == "en"
    assert third.metadata["extra"] == [1, 2]
    assert errors[f"{path}:2"].startswith("not valid JSON: ")
    assert errors[f"{path}:3"] == "no 'text' (or 'body', 'content') field"
    assert errors[f"{path}:6"] == "'content' is not a string"
    assert errors[f"{path}:7"] == "empty document"
    assert errors[f"{path}:8"] == "'published' is not a date (YYYY-MM-DD): 'yesterday'"
    assert errors[f"{path}:10"] == "not a JSON object"
    assert len(errors) == 6


def test_json_list_and_single_object(write, load, load_one):
    listed = write("batch.json", json.dumps([{"text": SOHR}, "oops", {"text": "Second."}]))
    items = load(listed)
    assert [getattr(item, "file", None) for item in items] == ["batch.json#0", None, "batch.json#2"]
    assert items[1] == LoadError(f"{listed}#1", "not a JSON object")
    single = load_one(write("one.json", json.dumps({"text": SOHR, "title": "عنوان"})))
    assert (single.file, single.title, single.text) == ("one.json", "عنوان", SOHR)


def test_broken_json_file_names_the_line(write, load_one):
    path = write("bad.json", '[\n  {"text": "a"},\n  {"text": }\n]')
    error = load_one(path)
    assert error.source == f"{path}:3"
    assert error.reason.startswith("not valid JSON: Expecting value")


def test_json_that_is_not_an_object_or_list(write, load_one):
    path = write("n.json", "42")
    assert load_one(path) == LoadError(str(path), "expected a JSON object or a list of objects")


def test_manifest_overrides_record_fields_and_the_container_entry_applies_to_all(write, load):
    path = write(
        "feed.jsonl",
        json.dumps({"text": "أ", "publisher": "embedded", "kind": "news-article"}) + "\n"
        + json.dumps({"text": "ب", "file": "b.txt"}) + "\n",
    )
    manifest = {
        "feed.jsonl": {"file": "feed.jsonl", "publisher": "Feed Publisher", "language": "ar"},
        "b.txt": {"file": "b.txt", "publisher": "B Publisher", "published": "2020-01-02"},
    }
    first, second = load(path, metadata=manifest)
    assert (first.file, first.publisher, first.kind) == ("feed.jsonl#L1", "Feed Publisher", "news-article")
    assert (second.publisher, second.published) == ("B Publisher", "2020-01-02")


def test_a_long_record_is_refused_and_the_next_still_loads(write, load):
    path = write("big.jsonl", json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "ok"}))
    error, document = load(path, max_bytes=1000)
    assert error == LoadError(f"{path}:1", "too large: 5012 bytes (limit 1000; raise --max-bytes)")
    assert document.file == "big.jsonl#L2"


def test_utf16_jsonl_is_refused_once(write, load):
    path = write("wide.jsonl", (json.dumps({"text": "a"}) + "\n").encode("utf-16"))
    assert load(path) == [LoadError(str(path), "JSON Lines must be UTF-8, this file is UTF-16")]


def test_utf16_json_file_is_decoded(write, load_one):
    document = load_one(write("wide.json", json.dumps({"text": SOHR}, ensure_ascii=False).encode("utf-16")))
    assert document.text == SOHR
