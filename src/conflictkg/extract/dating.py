"""Dates of the text, resolved against the publication date: one reader for all extractors."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from conflictkg.extract.dates import find_dates
from conflictkg.extract.doc import Doc
from conflictkg.extract.patterns import Patterns
from conflictkg.reference.gazetteers import Gazetteers


class DateFinder:
    """Fills ``dates`` (text order); relative dates need the document's publication date."""

    name: ClassVar[str] = "dates"
    requires: ClassVar[tuple[str, ...]] = ("text", "info")
    assigns: ClassVar[tuple[str, ...]] = ("dates",)

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        del gazetteers, patterns  # the dates reader keeps its own lexicon

    def __call__(self, doc: Doc) -> None:
        doc.dates = find_dates(doc.text, reference=published(doc))


def report_year(doc: Doc) -> int | None:
    """The year a report speaks of: its publication's, else (an archive record with no
    date line) the year of the first date its text gives."""
    day = published(doc)
    if day is not None:
        return day.year
    first = next((d.value[:4] for d in doc.dates if d.value[:4].isdigit()), None)
    return int(first) if first else None


def published(doc: Doc) -> date | None:
    """The publication date, when the metadata gives a valid one."""
    try:
        return date.fromisoformat(doc.info.published) if doc.info.published else None
    except ValueError:
        return None
