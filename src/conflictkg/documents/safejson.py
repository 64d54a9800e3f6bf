"""JSON read with bounds, so that no record can stop a run.

Python's ``json`` recurses once per level of nesting (a record nested a thousand deep
raises RecursionError), refuses integers of more than 4,300 digits with a ValueError of
its own, and accepts an unpaired surrogate escape ("\\ud800") that later cannot be
written as UTF-8. Each becomes one error naming the problem: nesting is measured first,
in one linear pass; a lone surrogate becomes U+FFFD, one character for one, so that
offsets into the text stay what they were.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 64  # levels of arrays and objects: a document record needs a handful
_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


class JsonError(ValueError):
    """A JSON text that cannot be read; the message says why, in one line."""


def load_json(text: str, *, max_depth: int = MAX_DEPTH) -> Any:
    """The value of ``text``; json.JSONDecodeError when it is not JSON, JsonError when
    it is JSON no record should be (both are ValueErrors)."""
    depth = deepest = 0
    for match in _STRUCTURE.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > max_depth:
                raise JsonError(f"nested more than {max_depth} levels deep")
        elif token in "]}":
            depth -= 1
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise  # the caller says where, in the words it always has
    except ValueError as exc:  # an integer past Python's digit limit
        raise JsonError(f"not readable JSON: {str(exc).split(';')[0]}") from None
    return _without_lone_surrogates(value)


def _without_lone_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value) if _has_surrogate(value) else value
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
