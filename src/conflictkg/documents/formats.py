"""One file's bytes to documents, by format: plain text, HTML, JSON and JSON Lines.

Each function takes what a file holds and the metadata the manifest has for it, and
yields documents and errors; none of them raises for bad input. A JSON or JSON Lines
file holds records, each one document, named ``file`` when the record says so, else
``name#id`` from its ``id``, else ``name#L<line>`` (JSON Lines) or ``name#<index>``
(a JSON list, counting from 0).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from conflictkg.documents.decode import NotText, decode
from conflictkg.documents.htmltext import parse_html
from conflictkg.documents.jsonlines import json_lines
from conflictkg.documents.metadata import merge, normalise_metadata
from conflictkg.documents.model import Document, LoadError
from conflictkg.documents.safejson import JsonError, load_json

TEXT_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
TEXT_KEYS = ("text", "body", "content")
EMPTY = "empty document"

Result = Document | LoadError
Entries = Mapping[str, Mapping[str, Any]]


def unsupported(suffix: str) -> str:
    known = ", ".join(sorted(s for s in SUFFIXES if s))
    return f"unsupported file type {suffix!r} (expected {known} or no extension)"


def format_of(name: str) -> str | None:
    """'text', 'html', 'json', 'jsonl', or None for a file type the loaders do not read."""
    suffix = Path(name).suffix.lower()
    for kind, suffixes in (
        ("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES),
        ("json", JSON_SUFFIXES), ("jsonl", JSONL_SUFFIXES),
    ):
        if suffix in suffixes:
            return kind
    return None


def text_document(data: bytes, source: str, name: str, path: Path | None, entries: Entries) -> Result:
    try:
        text = decode(data)
    except NotText as exc:
        return LoadError(source, str(exc))
    return _document(text, source, name, path, entries.get(name))


def html_document(data: bytes, source: str, name: str, path: Path | None, entries: Entries) -> Result:
    try:
        text, embedded = parse_html(data)
    except NotText as exc:
        return LoadError(source, str(exc))
    return _document(text, source, name, path, embedded, entries.get(name))


def json_documents(
    data: bytes, source: str, name: str, path: Path | None, entries: Entries
) -> Iterator[Result]:
    """An object (one document) or a list of objects (one document each)."""
    try:
        value = load_json(decode(data))
    except NotText as exc:
        yield LoadError(source, str(exc))
        return
    except json.JSONDecodeError as exc:
        yield LoadError(f"{source}:{exc.lineno}", f"not valid JSON: {exc.msg} (column {exc.colno})")
        return
    except JsonError as exc:
        yield LoadError(source, str(exc))
        return
    if isinstance(value, dict):
        yield record_document(value, source, name, name, path, entries)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield record_document(item, f"{source}#{index}", f"{name}#{index}", name, path, entries)
    else:
        yield LoadError(source, "expected a JSON object or a list of objects")


def jsonl_documents(
    handle: BinaryIO, source: str, name: str, path: Path | None, entries: Entries, max_bytes: int
) -> Iterator[Result]:
    """One object a line, read a line at a time so that a large file never sits in memory."""
    for item in json_lines(handle, source, max_bytes):
        if isinstance(item, LoadError):
            yield item
        else:
            number, value = item
            yield record_document(value, f"{source}:{number}", f"{name}#L{number}", name, path, entries)


def record_document(
    record: Any, source: str, default: str, container: str, path: Path | None, entries: Entries
) -> Result:
    """One JSON record: its text field, its other fields as metadata, manifest on top."""
    if not isinstance(record, dict):
        return LoadError(source, "not a JSON object")
    key = next((k for k in TEXT_KEYS if k in record), None)
    if key is None:
        return LoadError(source, "no 'text' (or 'body', 'content') field")
    text = record[key]
    if not isinstance(text, str):
        return LoadError(source, f"{key!r} is not a string")
    embedded = {k: v for k, v in record.items() if k not in TEXT_KEYS}
    name = _record_name(embedded, container, default)
    defaults = {k: v for k, v in (entries.get(container) or {}).items() if k != "file"}
    return _document(text, source, name, path, embedded, defaults, entries.get(name))


def _record_name(embedded: Mapping[str, Any], container: str, default: str) -> str:
    file = embedded.get("file")
    if isinstance(file, str) and file.strip():
        return file
    ident = embedded.get("id")
    if isinstance(ident, str | int) and not isinstance(ident, bool) and str(ident).strip():
        return f"{container}#{ident}"
    return default


def _document(
    text: str, source: str, name: str, path: Path | None, *layers: Mapping[str, Any] | None
) -> Result:
    """The document, its metadata merged from ``layers`` (later wins) and checked."""
    try:
        metadata = merge(*(normalise_metadata(layer) for layer in layers if layer))
    except ValueError as exc:
        return LoadError(source, str(exc))
    document = Document.from_text(text, name, path, metadata)
    if not document.text.strip():
        return LoadError(source, EMPTY)
    return document
