"""Inputs that once stopped a run: each is now one error line, and the good files load."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conflictkg.documents import Document, LoadError, load_manifest


def test_json_nested_a_thousand_deep_is_one_error(write, load):
    bad = write("deep.json", "[" * 1000 + "]" * 1000)
    good = write("good.txt", "قتل 5 مدنيين في قصف على البلدة.")
    error, document = load(bad, good)
    assert isinstance(error, LoadError) and "nested more than 64 levels" in error.reason
    assert isinstance(document, Document)


def test_an_integer_of_five_thousand_digits_is_one_error(write, load_one):
    item = load_one(write("big.json", '{"text": "نص", "n": ' + "9" * 5000 + "}"))
    assert isinstance(item, LoadError) and "4300 digits" in item.reason


def test_a_lone_surrogate_escape_becomes_a_replacement_character(write, load_one):
    item = load_one(write("s.json", '{"text": "\\ud800 قتل 5 مدنيين", "title": "\\udfff"}'))
    assert isinstance(item, Document)
    assert item.text == "\ufffd قتل 5 مدنيين" and item.text.encode("utf-8")
    assert item.title == "\ufffd"


def test_a_deep_line_of_a_records_file_or_a_manifest_is_an_error_of_that_line(write, load):
    records = write("r.jsonl", '{"text": "نص"}\n' + "[" * 5000 + "]" * 5000 + '\n{"text": "نص آخر"}\n')
    items = load(records)
    assert [type(i).__name__ for i in items] == ["Document", "LoadError", "Document"]
    assert str(items[1]).startswith(f"{records}:2: nested")
    manifest = write("manifest.jsonl", '{"file": "a.txt"}\n' + "{" * 3000 + "\n")
    entries, errors = load_manifest(manifest)
    assert list(entries) == ["a.txt"] and len(errors) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_by_type_not_read(tmp_path, write, load):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = write("good.txt", "نص")
    error, document = load(fifo, good)  # reading the FIFO would wait for ever
    assert error.reason == "not a regular file but a FIFO: not read"
    assert isinstance(document, Document)


def test_a_name_with_a_newline_is_shown_escaped_on_one_line(write, load):
    bad = write("bad\nname.json", "{not json")
    (error,) = load(bad)
    assert "\n" not in str(error) and "bad\\nname.json" in str(error)


def test_the_command_reports_each_bad_input_in_one_line_and_goes_on(tmp_path, write):
    files = [write("deep.json", "[" * 2000 + "]" * 2000), write("big.json", '{"n": ' + "1" * 6000 + "}"),
             write("ok.txt", "قتل 5 مدنيين في قصف على البلدة.")]
    result = subprocess.run(
        [sys.executable, "-m", "conflictkg", "extract", *map(str, files), "--output-dir",
         str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr  # some files failed
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.startswith("error:")]) == 2
    assert (tmp_path / "out" / "ok.json").is_file()


def test_html_nested_half_a_million_deep_is_flattened_and_read(write, load_one):
    depth = 500_000
    page = ("<html><body><article><p>قتل 5 مدنيين في قصف على البلدة.</p>" + "<div>" * depth
            + "نص في العمق" + "</div>" * depth + "<p>النهاية.</p></article></body></html>")
    item = load_one(write("bomb.html", page))
    assert isinstance(item, Document)
    assert item.text.split("\n\n") == ["قتل 5 مدنيين في قصف على البلدة.", "نص في العمق", "النهاية."]
