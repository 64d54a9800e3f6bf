"""Walking files and folders: order, what is skipped, manifests, limits, the sample corpus."""

from __future__ import annotations

import hashlib
import json

import pytest

from conflictkg.documents import Document, LoadError, iter_documents, load_bytes
from conflictkg.reference import sample_corpus

CORPUS = sample_corpus()


def names(items) -> list[str]:
    return [item.file if isinstance(item, Document) else f"error {item}" for item in items]


def test_folders_are_walked_recursively_in_sorted_order(tmp_path, write, load):
    for name in ["b.txt", "a/2.txt", "a/1.txt", "a/z/0.md", "c", ".hidden.txt", ".git/x.txt",
                 "README.md", "sources.txt", "notes/README", "a0.txt"]:
        write(name, f"نص {name}")
    write("manifest.jsonl", '{"file": "b.txt", "publisher": "B"}\n')
    items = load(tmp_path)
    assert names(items) == ["1.txt", "2.txt", "0.md", "a0.txt", "b.txt", "c"]
    assert [item.path for item in items] == [
        tmp_path / "a/1.txt", tmp_path / "a/2.txt", tmp_path / "a/z/0.md",
        tmp_path / "a0.txt", tmp_path / "b.txt", tmp_path / "c",
    ]
    assert items[4].publisher == "B"


def test_a_file_named_explicitly_is_read_even_if_a_walk_would_skip_it(write, load):
    path = write("README.md", "A corpus note, loaded because it was asked for.")
    assert names(load(path)) == ["README.md"]


def test_missing_paths_are_errors_and_the_rest_loads(tmp_path, write, load):
    good = write("good.txt", "نص")
    missing = tmp_path / "missing.txt"
    items = load(missing, good, tmp_path / "no-folder")
    assert items[0] == LoadError(str(missing), "no such file or directory")
    assert items[1].file == "good.txt"
    assert str(items[2]) == f"{tmp_path / 'no-folder'}: no such file or directory"


def test_each_file_is_loaded_once(tmp_path, write, load):
    path = write("a.txt", "نص")
    assert names(load(path, tmp_path, path)) == ["a.txt"]


def test_unsupported_file_type(write, load_one):
    path = write("report.pdf", b"%PDF-1.7\n")
    error = load_one(path)
    assert error.source == str(path)
    assert error.reason.startswith("unsupported file type '.pdf' (expected .htm, .html, ")


def test_file_over_the_limit_is_refused_without_reading_it(write, load_one):
    path = write("small.txt", "x" * 2000)
    assert load_one(path, max_bytes=1000).reason == "too large: 2000 bytes (limit 1000; raise --max-bytes)"
    huge = write("huge.txt", b"")
    with huge.open("r+b") as handle:
        try:
            handle.truncate(64 * 2**30)  # sparse: reading it would need 64 GiB of memory
        except OSError:
            pytest.skip("file system without sparse files")
    assert load_one(huge).reason == "too large: 68719476736 bytes (limit 20000000; raise --max-bytes)"


def test_folder_manifest_applies_below_it_and_a_nearer_one_wins(tmp_path, write, load):
    write("manifest.jsonl", '{"file": "a.txt", "publisher": "Top"}\n{"file": "b.txt", "publisher": "Top"}\n')
    write("sub/manifest.jsonl", '{"file": "b.txt", "publisher": "Sub"}\n')
    write("a.txt", "نص")
    write("sub/a.txt", "نص آخر")
    write("sub/b.txt", "نص ثالث")
    assert [d.publisher for d in load(tmp_path)] == ["Top", "Top", "Sub"]


def test_explicit_metadata_replaces_folder_manifests(tmp_path, write, load):
    write("manifest.jsonl", '{"file": "a.txt", "publisher": "Folder"}\n')
    write("a.txt", "نص")
    (document,) = load(tmp_path, metadata={"a.txt": {"publisher": "Given"}})
    assert document.publisher == "Given"
    (bare,) = load(tmp_path, metadata={})
    assert bare.publisher is None


def test_a_file_given_alone_uses_the_manifest_next_to_it(write, load):
    write("manifest.jsonl", '{"file": "a.txt", "publisher": "Next door"}\n')
    assert load(write("a.txt", "نص"))[0].publisher == "Next door"


def test_manifest_errors_are_yielded_once_and_do_not_stop_loading(tmp_path, write, load):
    write("manifest.jsonl", 'not json\n{"file": "a.txt", "publisher": "A"}\n')
    a = write("a.txt", "نص")
    items = load(tmp_path, a)
    assert items[0] == LoadError(f"{tmp_path / 'manifest.jsonl'}:1", items[0].reason)
    assert items[0].reason.startswith("not valid JSON")
    assert [(d.file, d.publisher) for d in items[1:]] == [("a.txt", "A")]


def test_the_manifest_itself_is_not_a_document(write, load_one):
    path = write("manifest.jsonl", '{"file": "a.txt"}\n')
    assert load_one(path).reason == "a manifest is metadata, not a document (pass its folder)"


def test_programmer_errors_raise(tmp_path):
    with pytest.raises(TypeError, match="sequence of paths"):
        list(iter_documents(tmp_path))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_bytes"):
        list(iter_documents([tmp_path], max_bytes=0))


def test_load_bytes_reads_an_upload_by_its_name():
    (document,) = load_bytes("تقرير\r\n".encode("cp1256"), "upload.txt", {"upload.txt": {"publisher": "P"}})
    assert (document.text, document.file, document.path, document.publisher) == ("تقرير\n", "upload.txt", None, "P")
    lines = json.dumps({"text": "أ"}) + "\nbad\n"
    assert names(load_bytes(lines.encode(), "up.jsonl")) == [
        "up.jsonl#L1", "error up.jsonl:2: not valid JSON: Expecting value (column 1)"
    ]
    assert str(next(load_bytes(b"x" * 50, "big.txt", max_bytes=10))) == (
        "big.txt: too large: 50 bytes (limit 10; raise --max-bytes)"
    )


def test_sample_corpus_loads_with_its_publishers():
    items = list(iter_documents([CORPUS]))
    assert all(isinstance(item, Document) for item in items), [str(i) for i in items]
    assert [(d.file[:3], d.publisher, d.published, d.language) for d in items] == [
        ("000", "Syrian Memory", None, "ar"),
        ("001", "Syrian Observatory for Human Rights", "2017-03-25", "ar"),
        ("002", "Al-Souria Net", "2021-07-29", "ar"),
        ("003", "Enab Baladi", "2024-12-08", "ar"),
        ("004", "Elaph", "2018-03-21", "ar"),
    ]
    assert items[1].publisher_ar == "المرصد السوري لحقوق الإنسان"
    assert items[0].kind == "archive-record"
    for document in items:  # UTF-8 files with \n line ends: the text is the file, byte for byte
        assert document.sha256 == hashlib.sha256(document.path.read_bytes()).hexdigest()


def test_metadata_given_by_the_caller_is_normalised_and_checked(write, load):
    a, b = write("a.txt", "نص"), write("b.txt", "نص آخر")
    given = {"a.txt": {"date": "2017/3/5", "lang": "en"}, "b.txt": {"published": "March 2017"}}
    document, error = load(a, b, metadata=given)
    assert (document.published, document.metadata["language"]) == ("2017-03-05", "en")
    assert error == LoadError(str(b), "'published' is not a date (YYYY-MM-DD): 'March 2017'")
