"""Reading the bundle's files: the one error type, and YAML read with its line numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C one when built


class BundleError(ValueError):
    """A file of the bundle is missing or malformed; the message names the file (and line)."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path = path
        self.line = line


def read_yaml(path: Path, *, error: type[BundleError] = BundleError,
              loader: Any = SafeLoader) -> Any:
    """The document in a YAML file; ``error`` names the file, and the line of a syntax error."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise error(path, None, f"cannot read: {e.strerror}") from None
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise error(path, mark.line + 1 if mark else None, f"invalid YAML: {e}") from None


def read_mapping(path: Path, *, error: type[BundleError] = BundleError) -> dict[str, Any]:
    """A YAML file whose top level must be a mapping."""
    data = read_yaml(path, error=error)
    if not isinstance(data, dict):
        raise error(path, None, "expected a mapping at the top level")
    return data
