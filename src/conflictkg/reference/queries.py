"""The example queries of a bundle's ``queries/``: SPARQL files with their questions.

Each file starts with comment lines that this module reads:

    # Question: the question in English
    # السؤال: the same question in Arabic
    # notes on how the query works (any other comment line)
    # Expect: what the project's tests check on the sample corpus
    # Expect on the linking corpus: what they check on tests/linking/corpus, linked

and its body may name the result view that suits it, as the Wikidata Query Service's
users know it: a ``#defaultView:Map`` comment line (Table, Map, Timeline, BarChart,
LineChart or Graph), kept in the query the editor shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from conflictkg.reference.loading import BundleError

VIEWS = ("Table", "Map", "Timeline", "BarChart", "LineChart", "Graph")
DEFAULT_VIEW = re.compile(r"^#\s*defaultView:\s*(\w+)", re.MULTILINE)
QUESTION_EN = "Question:"
QUESTION_AR = "السؤال:"
EXPECT = "Expect:"
EXPECT_LINKING = "Expect on the linking corpus:"


class ExampleError(BundleError):
    """An example query file without its question headers."""


@dataclass(frozen=True)
class Example:
    name: str
    question_en: str
    question_ar: str
    text: str
    notes: tuple[str, ...] = ()
    expect: tuple[str, ...] = field(default=(), repr=False)
    expect_linking: tuple[str, ...] = field(default=(), repr=False)

    @property
    def query(self) -> str:
        """The query without its leading comment block (but its ``#defaultView``), as it is
        shown in the editor."""
        lines = self.text.splitlines()
        while lines and (lines[0].startswith("#") or not lines[0].strip()) \
                and not DEFAULT_VIEW.match(lines[0]):
            lines.pop(0)
        return "\n".join(lines) + "\n"

    @property
    def view(self) -> str:
        """The result view its ``#defaultView:`` comment names; Table without one."""
        found = DEFAULT_VIEW.search(self.text)
        return found.group(1) if found else "Table"


def parse_example(path: Path) -> Example:
    """Read one ``.rq`` file's header; ExampleError names the file when a question is missing."""
    text = path.read_text(encoding="utf-8")
    found: dict[str, str] = {}
    notes: list[str] = []
    expect: dict[str, list[str]] = {EXPECT: [], EXPECT_LINKING: []}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if DEFAULT_VIEW.match(line):
            continue
        comment = line[1:].strip()
        for key in (QUESTION_EN, QUESTION_AR, EXPECT, EXPECT_LINKING):
            if comment.startswith(key):
                value = comment[len(key):].strip()
                if key in expect:
                    expect[key].append(value)
                else:
                    found[key] = value
                break
        else:
            if comment:
                notes.append(comment)
    for key in (QUESTION_EN, QUESTION_AR):
        if not found.get(key):
            raise ExampleError(path, None, f"line 1-2 must give '# {key} …'")
    view = DEFAULT_VIEW.search(text)
    if view and view.group(1) not in VIEWS:
        raise ExampleError(path, None, f"#defaultView:{view.group(1)} is none of {', '.join(VIEWS)}")
    return Example(path.stem, found[QUESTION_EN], found[QUESTION_AR], text,
                   tuple(notes), tuple(expect[EXPECT]), tuple(expect[EXPECT_LINKING]))


def read_examples(folder: Path) -> tuple[Example, ...]:
    """The examples of a folder, in file-name order."""
    return tuple(parse_example(p) for p in sorted(folder.glob("*.rq")))
