"""docs/api.md's examples, run: each ``curl`` against a live server over the sample corpus.

An example is a ``sh`` block holding one curl command, followed by the answer it
shows: a ``json`` block (a 200 with that body) or an ``http`` block (status line,
headers, body). The answers are abridged, so the test checks the status, the
headers named and that every key shown is in the real answer, at the same place.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from conflictkg.config import Settings

from .conftest import fresh_store, serve

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
DOC_BASE = "http://127.0.0.1:8000"
TOKEN = "doc-token"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


@dataclass
class Example:
    line: int
    method: str
    url: str
    headers: dict[str, str]
    body: bytes | None
    status: int
    shown_headers: list[str] = field(default_factory=list)
    shown: object = None

    def __str__(self) -> str:
        return f"docs/api.md:{self.line} {self.method} {self.url}"


def parse_curl(command: str, line: int) -> tuple[str, str, dict[str, str], bytes | None]:
    words = shlex.split(command.replace("\\\n", " "))
    assert words[0] == "curl", f"docs/api.md:{line}: an example must be one curl command"
    method, url, headers, body, rest = "GET", None, {}, None, iter(words[1:])
    for word in rest:
        if word == "-X":
            method = next(rest)
        elif word == "-H":
            name, _, value = next(rest).partition(":")
            headers[name.strip()] = value.strip().replace("$TOKEN", TOKEN)
        elif word == "-d":
            body = next(rest).encode()
        elif word.startswith(DOC_BASE):
            url = word[len(DOC_BASE):]
        elif word not in {"-i", "-s"}:
            raise AssertionError(f"docs/api.md:{line}: curl option {word!r} is not understood")
    assert url, f"docs/api.md:{line}: no {DOC_BASE} URL in the example"
    return method, url, headers, body


def parse_answer(kind: str, text: str) -> tuple[int, list[str], object]:
    if kind == "json":
        return 200, [], json.loads(text)
    head, _, body = text.partition("\n\n")
    status_line, *header_lines = head.splitlines()
    return (int(status_line.split()[1]), [h.partition(":")[0].lower() for h in header_lines],
            json.loads(body))


def examples() -> list[Example]:
    text = DOC.read_text(encoding="utf-8")
    blocks = [(m.group(1), m.group(2), text.count("\n", 0, m.start()) + 1)
              for m in FENCE.finditer(text)]
    found = []
    for (kind, body, line), answer in zip(blocks, [*blocks[1:], None], strict=True):
        if kind != "sh":
            continue
        assert answer is not None and answer[0] in {"json", "http"}, \
            f"docs/api.md:{line}: an example needs a json or http block after it"
        method, url, headers, payload = parse_curl(body.strip(), line)
        status, shown_headers, shown = parse_answer(answer[0], answer[1])
        found.append(Example(line, method, url, headers, payload, status, shown_headers, shown))
    return found


EXAMPLES = examples()


def missing_keys(shown: object, real: object, where: str = "") -> list[str]:
    """Where the doc shows a key (or an item) that the real answer lacks."""
    if isinstance(shown, dict):
        if not isinstance(real, dict):
            return [f"{where or '.'}: an object in the doc, {type(real).__name__} in the answer"]
        return [miss for key, value in shown.items()
                for miss in ([f"{where}.{key}"] if key not in real
                             else missing_keys(value, real[key], f"{where}.{key}"))]
    if isinstance(shown, list):
        if not isinstance(real, list) or len(real) < len(shown):
            return [f"{where}: {len(shown)} items in the doc, fewer in the answer"]
        return [miss for i, item in enumerate(shown) for miss in missing_keys(item, real[i], f"{where}[{i}]")]
    return []


def route(path: str) -> str:
    parts = path.split("?")[0].split("/")
    return "/".join([*parts[:4], "{id}"] if len(parts) > 4 else parts)


def test_the_doc_has_an_example_of_every_route() -> None:
    shown = {f"{e.method} {route(e.url)}" for e in EXAMPLES}
    for kind in ("events", "claims", "actors", "places", "sources", "documents"):
        assert f"GET /api/v1/{kind}" in shown, f"no example of GET /api/v1/{kind}"
        assert f"GET /api/v1/{kind}/{{id}}" in shown or kind == "claims", \
            f"no example of GET /api/v1/{kind}/{{id}}"
    assert {"GET /api/v1/context.jsonld", "POST /api/v1/documents"} <= shown
    assert {e.status for e in EXAMPLES} >= {200, 201, 404, 422}


def test_missing_keys_finds_what_the_answer_lacks() -> None:
    assert missing_keys({"a": [{"b": 1}], "c": None}, {"a": [{"b": 2, "x": 0}], "c": 3, "d": 4}) == []
    assert missing_keys({"a": [{"b": 1}]}, {"a": [{"x": 1}]}) == [".a[0].b"]
    assert missing_keys({"a": [1, 2]}, {"a": [1]}) == [".a: 2 items in the doc, fewer in the answer"]
    assert missing_keys({"a": {"b": 1}}, {"a": None}) == [".a: an object in the doc, NoneType in the answer"]


@pytest.fixture(scope="module")
def corpus_server(corpus_store: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """The sample corpus, as ``conflictkg demo`` serves it, on a private copy (POST writes)."""
    path = fresh_store(tmp_path_factory.mktemp("docs"), corpus_store.store)
    with serve(Settings(store=path, query_workers=1, update_token=TOKEN)) as server, \
            server.client() as client:
        yield client


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_doc_example(corpus_server: httpx.Client, example: Example) -> None:
    response = corpus_server.request(example.method, example.url, headers=example.headers,
                                     content=example.body)
    assert response.status_code == example.status, f"{example}: {response.text[:500]}"
    for name in example.shown_headers:
        assert name in response.headers, f"{example}: no {name} header"
    assert missing_keys(example.shown, response.json()) == [], example
