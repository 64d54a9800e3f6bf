"""The query page at ``/``: an editor, the example queries, results as a table and a map.

The page is plain HTML rendered here from the example files in ``queries/``; its
script sends the query to the SPARQL endpoint (``/sparql``) like any other client,
so what a user sees is what the protocol returns. Each example file starts with
comment lines that this module reads:

    # Question: the question in English
    # السؤال: the same question in Arabic
    # notes on how the query works (any other comment line)
    # Expect: what the project's tests check on the sample corpus
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates

from conflictkg.server.deps import SettingsDep
from conflictkg.server.errors import HttpError

ENV_VAR = "CONFLICTKG_QUERIES"
DEFAULT_QUERIES = Path(__file__).resolve().parents[3] / "queries"
TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"
ASSETS = ("query.js", "query.css", "pages.css")
QUESTION_EN = "Question:"
QUESTION_AR = "السؤال:"
EXPECT = "Expect:"

router = APIRouter()
templates = Jinja2Templates(directory=str(TEMPLATES))


class ExampleError(ValueError):
    """An example query file without its question headers."""


@dataclass(frozen=True)
class Example:
    name: str
    question_en: str
    question_ar: str
    text: str
    notes: tuple[str, ...] = ()
    expect: tuple[str, ...] = field(default=(), repr=False)

    @property
    def query(self) -> str:
        """The query without its leading comment block, as it is shown in the editor."""
        lines = self.text.splitlines()
        while lines and (lines[0].startswith("#") or not lines[0].strip()):
            lines.pop(0)
        return "\n".join(lines) + "\n"


def parse_example(path: Path) -> Example:
    """Read one ``.rq`` file's header; ExampleError names the file when a question is missing."""
    text = path.read_text(encoding="utf-8")
    found: dict[str, str] = {}
    notes: list[str] = []
    expect: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comment = line[1:].strip()
        for key in (QUESTION_EN, QUESTION_AR, EXPECT):
            if comment.startswith(key):
                value = comment[len(key):].strip()
                if key == EXPECT:
                    expect.append(value)
                else:
                    found[key] = value
                break
        else:
            if comment:
                notes.append(comment)
    for key in (QUESTION_EN, QUESTION_AR):
        if not found.get(key):
            raise ExampleError(f"{path}: line 1-2 must give '# {key} …'")
    return Example(path.stem, found[QUESTION_EN], found[QUESTION_AR], text,
                   tuple(notes), tuple(expect))


def queries_dir() -> Path:
    return Path(os.environ.get(ENV_VAR) or DEFAULT_QUERIES)


@lru_cache(maxsize=4)
def _load(folder: Path, stamp: tuple[tuple[str, float], ...]) -> tuple[Example, ...]:
    return tuple(parse_example(folder / name) for name, _ in stamp)


def load_examples(folder: Path | None = None) -> tuple[Example, ...]:
    """The examples of a folder in file-name order; re-read only when a file changes."""
    folder = Path(folder or queries_dir())
    if not folder.is_dir():
        return ()
    files = sorted(folder.glob("*.rq"))
    return _load(folder, tuple((p.name, p.stat().st_mtime) for p in files))


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def query_page(request: Request, settings: SettingsDep, example: str | None = None,
               query: str | None = None) -> HTMLResponse:
    """The query page; ``?example=name`` or ``?query=text`` fills the editor (``&run`` runs it)."""
    examples = load_examples()
    chosen = next((e for e in examples if e.name == example), None)
    if example is not None and chosen is None:
        raise HttpError(404, f"example={example!r}: no such example query")
    if chosen is None and query is None and examples:
        chosen = examples[0]
    if query is None:
        query = chosen.query if chosen else DEFAULT_QUERY
    return templates.TemplateResponse(request, "query.html", {
        "examples": examples,
        "chosen": chosen.name if chosen else "",
        "query": query,
        "endpoint": str(request.url_for("query_page")).rstrip("/") + "/sparql",
        "base_iri": settings.base_iri,
        "assets": {name: str(request.url_for("query_page_asset", name=name)) for name in ASSETS},
    })


@router.get("/assets/query/{name}", include_in_schema=False)
def query_page_asset(name: str) -> FileResponse:
    """The page's script and styles (the site's stylesheet among them), from the package."""
    if name not in ASSETS or not (STATIC / name).is_file():
        raise HttpError(404, f"{name}: no such asset")
    return FileResponse(STATIC / name)


DEFAULT_QUERY = """PREFIX ckg: <https://conflictkg.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?event ?kind WHERE { ?event a ?kind . ?kind rdfs:subClassOf* ckg:Event } LIMIT 100
"""
