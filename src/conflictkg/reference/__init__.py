"""The reference bundle: the data extraction and the graph are made from.

Gazetteers of places, armed groups and reporting sources; the lexicon (clitics and the
article among it); the extractors' patterns; the record mappings; the ontology, its
shapes, SKOS schemes and JSON-LD context; the example queries. They ship as package
data (``conflictkg/reference/data``); the ``bundle`` setting names another folder of
the same layout. This package is the only code that opens those files: the rest takes
typed objects from a :class:`Bundle`, and ``bundle.hash`` versions what they hold.

    bundle = load_bundle(settings.bundle)   # once per folder
    bundle.gazetteers.places["N0094"]       # PlaceEntry(... name_ar='القدم' ...)
    bundle.kinds.event                      # ('battle', 'attack', ...)
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from conflictkg.reference.bundle import Bundle, RecordMappingFile, load_bundle, package_data
from conflictkg.reference.loading import BundleError

__all__ = ["Bundle", "BundleError", "RecordMappingFile", "load_bundle", "package_data",
           "sample_corpus"]


def sample_corpus() -> Path:
    """The sample corpus installed with the package: five documents and their manifest."""
    return Path(str(files("conflictkg") / "corpus"))
