from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conflictkg.documents import Document, LoadError, iter_documents

Loaded = list[Document | LoadError]


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """write("a/name.txt", bytes or text) -> its path under tmp_path (text as UTF-8, as is)."""

    def _write(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return _write


@pytest.fixture
def load() -> Callable[..., Loaded]:
    """load(path, ...) -> everything iter_documents yields for those paths."""

    def _load(*paths: Path, **options) -> Loaded:
        return list(iter_documents(list(paths), **options))

    return _load


@pytest.fixture
def load_one(load) -> Callable[..., Document | LoadError]:
    """load_one(path) -> the one document or error a single-document file gives."""

    def _load_one(path: Path, **options) -> Document | LoadError:
        (item,) = load(path, **options)
        return item

    return _load_one
