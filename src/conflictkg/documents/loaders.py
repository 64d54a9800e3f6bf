"""Files and folders to documents: the first stage of the pipeline.

``iter_documents`` walks what it is given in a stable order and yields a
:class:`Document` for each document and a :class:`LoadError` for each input that
cannot be one, and goes on: a corpus with one broken file still loads the rest.
It raises only for mistakes in the calling code (a bare string for ``paths``, a limit
that is not positive).

Metadata comes from ``metadata`` when given (file name -> fields), else from a
``manifest.jsonl`` in the folders walked (its entries apply to the files in that
folder and below; a nearer manifest wins for the same name), or next to a file given
on its own. A folder walk skips hidden files and folders, the manifest itself and
the notes that describe a corpus (README, SOURCES, LICENSE... with any extension);
a file named explicitly is always read.
``max_bytes`` limits each file; in JSON Lines it limits each line (each record), so
a large export streams through.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from conflictkg.documents.formats import (
    Entries,
    Result,
    format_of,
    html_document,
    json_documents,
    jsonl_documents,
    text_document,
    unsupported,
)
from conflictkg.documents.jsonlines import too_large
from conflictkg.documents.manifest import MANIFEST_NAME, load_manifest
from conflictkg.documents.model import LoadError

DEFAULT_MAX_BYTES = 20_000_000
NO_SUCH_FILE = "no such file or directory"
CORPUS_NOTES = frozenset({
    "authors", "changelog", "copying", "licence", "license", "notice", "readme", "sources",
})


def iter_documents(
    paths: Sequence[Path | str],
    metadata: Mapping[str, dict] | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Result]:
    """Documents and load errors from files and folders (folders walked in sorted order)."""
    if isinstance(paths, str | Path):
        raise TypeError("paths must be a sequence of paths, not a single path")
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    walker = _Walker(metadata, max_bytes)
    for given in paths:
        yield from walker.path(Path(given))


def load_bytes(
    data: bytes,
    name: str,
    metadata: Mapping[str, dict] | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Result]:
    """Documents in the content of one file called ``name`` (an upload, say)."""
    entries = metadata or {}
    kind = format_of(name)
    if kind == "jsonl":
        yield from jsonl_documents(io.BytesIO(data), name, name, None, entries, max_bytes)
    elif kind is None:
        yield LoadError(name, unsupported(Path(name).suffix))
    elif len(data) > max_bytes:
        yield LoadError(name, too_large(len(data), max_bytes))
    else:
        yield from _parse(kind, data, name, name, None, entries)


def _parse(
    kind: str, data: bytes, source: str, name: str, path: Path | None, entries: Entries
) -> Iterator[Result]:
    if kind == "json":
        yield from json_documents(data, source, name, path, entries)
    elif kind == "html":
        yield html_document(data, source, name, path, entries)
    else:
        yield text_document(data, source, name, path, entries)


class _Walker:
    """Walks the given paths once each, reading each folder's manifest at most once."""

    def __init__(self, metadata: Mapping[str, dict] | None, max_bytes: int) -> None:
        self.metadata = metadata
        self.max_bytes = max_bytes
        self.seen: set[Path] = set()
        self.manifests: dict[Path, dict[str, dict]] = {}

    def path(self, path: Path) -> Iterator[Result]:
        if path.is_dir():
            yield from self.folder(path, self.metadata or {})
        elif path.exists():
            entries = self.metadata
            if entries is None:
                entries = yield from self.manifest(path.parent)
            yield from self.file(path, entries)
        else:
            yield LoadError(str(path), NO_SUCH_FILE)

    def manifest(self, folder: Path) -> Iterator[LoadError]:
        """Yields the manifest's errors the first time; returns its entries."""
        key = folder.resolve()
        if key not in self.manifests:
            self.manifests[key] = {}
            if (folder / MANIFEST_NAME).is_file():
                entries, errors = load_manifest(folder / MANIFEST_NAME)
                self.manifests[key] = entries
                yield from errors
        return self.manifests[key]

    def folder(self, folder: Path, inherited: Entries) -> Iterator[Result]:
        key = folder.resolve()
        if key in self.seen:  # given twice, or a link back up the tree
            return
        self.seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as exc:
            yield LoadError(str(folder), f"cannot read folder: {exc.strerror or exc}")
            return
        scoped = inherited
        if self.metadata is None:
            own = yield from self.manifest(folder)
            scoped = {**inherited, **own}
        for entry in entries:
            if entry.name.startswith(".") or entry.name == MANIFEST_NAME:
                continue
            path = Path(entry.path)
            if entry.is_dir():
                yield from self.folder(path, scoped)
            elif entry.is_file() and not _is_note(entry.name):
                yield from self.file(path, scoped)

    def file(self, path: Path, entries: Entries) -> Iterator[Result]:
        key = path.resolve()
        if key in self.seen:
            return
        self.seen.add(key)
        source = str(path)
        if path.name == MANIFEST_NAME:
            yield LoadError(source, "a manifest is metadata, not a document (pass its folder)")
            return
        kind = format_of(path.name)
        if kind is None:
            yield LoadError(source, unsupported(path.suffix))
            return
        special = _special(path)
        if special:
            yield LoadError(source, f"not a regular file but {special}: not read")
            return
        try:
            if kind == "jsonl":
                with path.open("rb") as handle:
                    yield from jsonl_documents(
                        handle, source, path.name, path, entries, self.max_bytes
                    )
                return
            data = _read(path, self.max_bytes)
        except OSError as exc:
            yield LoadError(source, f"cannot read: {exc.strerror or exc}")
            return
        if isinstance(data, int):
            yield LoadError(source, too_large(data, self.max_bytes))
            return
        yield from _parse(kind, data, source, path.name, path, entries)


def _special(path: Path) -> str | None:
    """What a path is when it is no regular file (reading a FIFO would wait for ever)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # the read that follows says why
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return what
    return None


def _is_note(name: str) -> bool:
    """README.md, SOURCES.md, LICENSE...: files about a corpus that are not part of it."""
    return name.split(".", 1)[0].lower() in CORPUS_NOTES


def _read(path: Path, limit: int) -> bytes | int:
    """The file's bytes, or its size when over ``limit`` (without reading it all)."""
    size = path.stat().st_size
    if size > limit:
        return size
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    return data if len(data) <= limit else max(size, len(data))
