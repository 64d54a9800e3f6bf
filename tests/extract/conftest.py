from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from conflictkg.extract.doc import Doc
from conflictkg.extract.model import DocumentInfo, Extraction
from conflictkg.extract.pipeline import Pipeline, assemble


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline over the repository's gazetteers, built once."""
    return Pipeline()


def info(text: str, *, language: str = "ar", published: str | None = "2021-07-29",
         publisher: str | None = "Enab Baladi", publisher_ar: str | None = "عنب بلدي",
         kind: str | None = "news-article") -> DocumentInfo:
    return DocumentInfo(file="test.txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
                        language=language, publisher=publisher, publisher_ar=publisher_ar,
                        published=published, kind=kind)


@pytest.fixture(scope="session")
def run(pipeline: Pipeline) -> Callable[..., Doc]:
    """run(text, language=..., published=...) -> the working Doc after every extractor."""

    def _run(text: str, **options: object) -> Doc:
        return pipeline.run(info(text, **options), text)  # type: ignore[arg-type]

    return _run


@pytest.fixture(scope="session")
def extract(run: Callable[..., Doc]) -> Callable[..., Extraction]:
    """extract(text, ...) -> the Extraction, as the CLI writes it."""

    def _extract(text: str, **options: object) -> Extraction:
        return assemble(run(text, **options))

    return _extract


@pytest.fixture(scope="session")
def english_claims(extract: Callable[..., Extraction]) -> Callable[[str], list[tuple[str | None, str, str | None]]]:
    """The control claims of an English text as (party, change, the place's English label)."""

    def _claims(text: str) -> list[tuple[str | None, str, str | None]]:
        found = extract(text, language="en", published="2017-06-01")
        places = {p.key: p.labels.get("en") for p in found.places}
        return [(c.actor, c.change, places.get(c.place)) for c in found.control_claims]

    return _claims
