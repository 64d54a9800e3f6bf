"""A manifest with bad lines still gives the good ones, each error naming its line."""

from __future__ import annotations

from pathlib import Path

from conflictkg.documents import LoadError, load_manifest

GOOD_1 = '{"file": "a.txt", "publisher": "SOHR", "published": "2017-03-25"}'
GOOD_2 = '{"file": "b.txt", "publisher": "Enab Baladi", "date": "2024-12-08T09:30:00+02:00"}'


def test_bad_lines_are_reported_and_the_others_load(write):
    path = write(
        "manifest.jsonl",
        "\n".join([
            GOOD_1,
            '{"file": "c.txt", "publisher": ',  # 2: cut short
            '{"publisher": "no file"}',  # 3
            '{"file": "d.txt", "published": "25/03/2017"}',  # 4: day first is ambiguous
            "",  # 5: blank lines are fine
            '["a", "list"]',  # 6
            '{"file": "e.txt", "published": "2017-02-30"}',  # 7: no such day
            GOOD_2,  # 8
            '{"file": "a.txt", "publisher": "again"}',  # 9
        ]),
    )
    entries, errors = load_manifest(path)
    assert sorted(entries) == ["a.txt", "b.txt"]
    assert entries["a.txt"]["publisher"] == "SOHR"
    assert entries["b.txt"]["published"] == "2024-12-08"  # 'date' read as 'published'
    assert [error.source for error in errors] == [f"{path}:{n}" for n in (2, 3, 4, 6, 7, 9)]
    reasons = [error.reason for error in errors]
    assert reasons[0].startswith("not valid JSON: ")
    assert reasons[1] == "no 'file' key (the document's file name)"
    assert reasons[2] == "'published' is not a date (YYYY-MM-DD): '25/03/2017'"
    assert reasons[3] == "not a JSON object"
    assert reasons[4] == "'published' is not a date (YYYY-MM-DD): '2017-02-30'"
    assert reasons[5] == "second entry for 'a.txt' (first at line 1)"
    assert str(errors[1]) == f"{path}:3: no 'file' key (the document's file name)"


def test_null_publication_date_is_allowed(write):
    entries, errors = load_manifest(write("m.jsonl", '{"file": "a.txt", "published": null}\n'))
    assert errors == []
    assert entries["a.txt"]["published"] is None


def test_bom_and_crlf_are_tolerated(write):
    entries, errors = load_manifest(write("m.jsonl", "\ufeff" + GOOD_1 + "\r\n" + GOOD_2 + "\r\n"))
    assert errors == []
    assert sorted(entries) == ["a.txt", "b.txt"]


def test_missing_manifest_is_one_error(tmp_path):
    path = tmp_path / "manifest.jsonl"
    assert load_manifest(path) == ({}, [LoadError(str(path), "no such file or directory")])


def test_invalid_utf8_line(write):
    path = write("m.jsonl", GOOD_1.encode() + b'\n{"file": "\xff.txt"}\n')
    entries, errors = load_manifest(path)
    assert list(entries) == ["a.txt"]
    assert errors == [LoadError(f"{path}:2", "not valid UTF-8")]


def test_the_manifest_example_in_the_docs_loads(write):
    docs = Path(__file__).resolve().parents[2] / "docs" / "documents.md"
    example = docs.read_text(encoding="utf-8").split("```jsonl\n")[1].split("```")[0]
    entries, errors = load_manifest(write("manifest.jsonl", example))
    assert errors == []
    assert list(entries) == ["001_2de9ca7cda8d2466.txt", "feed.jsonl", "feed.jsonl#L3"]
