"""The README's example query gives the output the README shows."""

from __future__ import annotations

import re
from pathlib import Path

from conflictkg.reading import run_query

README = Path(__file__).resolve().parents[1] / "README.md"


def fenced(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_the_readme_opens_with_the_run_and_test_commands():
    commands = [line.strip() for line in README.read_text(encoding="utf-8").splitlines()[1:6] if line.strip()]
    assert commands[0].endswith("conflictkg demo")
    assert commands[1].endswith("pytest -q")
    ci = (README.parent / ".ci" / "run").read_text()
    assert commands[1] in ci


def test_the_graph_example_runs_as_shown(corpus_store):
    [query], [expected] = fenced("sparql"), fenced("csv")
    result = run_query(corpus_store.store, query, format="csv").decode().replace("\r\n", "\n")
    assert result.strip() == expected.strip()
