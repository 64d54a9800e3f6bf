"""One bundle: a folder of the three kinds of reference data, loaded once, with one hash.

    mappings/   gazetteers (places, actors, sources), lexicon, patterns, record mappings
    ontology/   the OWL ontology, SHACL shapes, SKOS schemes, the JSON-LD context
    queries/    example SPARQL queries

Each part is read when first asked for and kept. ``hash`` is the SHA-256 of the data
that shapes the graph, every file of ``mappings/`` and ``ontology/`` (their READMEs
aside), so that it changes exactly when an extraction or a reference graph could.
The example queries are not in it: they never reach the graph.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from pyoxigraph import RdfFormat, Triple, parse

from conflictkg.reference.gazetteers import Gazetteers, read_gazetteers
from conflictkg.reference.kinds import Kinds, read_kinds
from conflictkg.reference.lexicon import Lexicon
from conflictkg.reference.loading import BundleError, read_mapping
from conflictkg.reference.queries import Example, read_examples

PARTS = ("mappings", "ontology", "queries")
HASHED = ("mappings", "ontology")
CONTEXT_FILE = "context.jsonld"
SHAPES_FILE = "shapes.ttl"


@dataclass(frozen=True)
class RecordMappingFile:
    """One file of ``mappings/records/``, as read; :mod:`conflictkg.extract.records` checks it."""

    path: Path
    data: dict[str, Any]


class Bundle:
    """The reference data of one folder. Build it with :func:`load_bundle`."""

    def __init__(self, root: Path) -> None:
        missing = [p for p in PARTS if not (root / p).is_dir()]
        if missing:
            raise BundleError(root, None, f"not a bundle: no {', '.join(p + '/' for p in missing)}"
                                          f" (a bundle holds {', '.join(p + '/' for p in PARTS)})")
        self.root = root
        self.mappings = root / "mappings"
        self.ontology = root / "ontology"
        self.queries = root / "queries"
        self._patterns: dict[str, dict[str, Any]] = {}

    def __repr__(self) -> str:
        return f"Bundle({str(self.root)!r})"

    @functools.cached_property
    def hash(self) -> str:
        digest = hashlib.sha256()
        for part in HASHED:
            for path in _data_files(self.root / part):
                digest.update(path.relative_to(self.root).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()

    @functools.cached_property
    def kinds(self) -> Kinds:
        return read_kinds(self.ontology)

    @functools.cached_property
    def gazetteers(self) -> Gazetteers:
        return read_gazetteers(self.mappings, actor_kinds=self.kinds.actor)

    @functools.cached_property
    def lexicon(self) -> Lexicon:
        return Lexicon(self.mappings / "lexicon")

    def pattern_file(self, name: str) -> tuple[Path, dict[str, Any]]:
        """``mappings/patterns/<name>.yaml``: its path and its mapping of languages."""
        path = self.mappings / "patterns" / f"{name}.yaml"
        if name not in self._patterns:
            self._patterns[name] = read_mapping(path)
        return path, self._patterns[name]

    @functools.cached_property
    def record_mappings(self) -> tuple[RecordMappingFile, ...]:
        folder = self.mappings / "records"
        return tuple(RecordMappingFile(p, read_mapping(p)) for p in sorted(folder.glob("*.yaml")))

    @functools.cached_property
    def ontology_files(self) -> tuple[Path, ...]:
        """The Turtle files of the ontology graph, in name order (the shapes among them)."""
        found = tuple(sorted(self.ontology.glob("*.ttl")))
        if not found:
            raise BundleError(self.ontology, None, "no ontology files (*.ttl)")
        return found

    @functools.cached_property
    def ontology_triples(self) -> tuple[tuple[Path, tuple[Triple, ...]], ...]:
        """Each ontology file and its triples (blank nodes unique to the file); a file
        that is not Turtle is a SyntaxError naming it."""
        out = []
        for path in self.ontology_files:
            try:
                out.append((path, tuple(parse(path=path, format=RdfFormat.TURTLE,
                                              rename_blank_nodes=True))))
            except SyntaxError as exc:
                raise SyntaxError(f"{path}: {exc}") from None
        return tuple(out)

    @property
    def shapes_file(self) -> Path:
        return self.ontology / SHAPES_FILE

    @property
    def boundaries_file(self) -> Path:
        """The admin units' outlines (GeoJSON), drawn under the query page's map."""
        return self.mappings / "places" / "boundaries.geojson"

    @property
    def context_file(self) -> Path:
        """The JSON-LD context the API's answers name."""
        return self.ontology / CONTEXT_FILE

    @functools.cached_property
    def examples(self) -> tuple[Example, ...]:
        return read_examples(self.queries)


def _data_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix != ".md" and "__pycache__" not in path.parts:
            yield path


@functools.cache
def package_data() -> Path:
    """The bundle installed with the package (``conflictkg/reference/data``)."""
    root = files("conflictkg.reference") / "data"
    if not isinstance(root, Path):
        raise BundleError(Path(str(root)), None, "the package's data must be installed as files")
    return root


def load_bundle(folder: Path | str | None = None) -> Bundle:
    """The bundle in ``folder`` (the package's when None), loaded once per folder."""
    return _load(Path(folder).resolve() if folder is not None else package_data())


@functools.lru_cache(maxsize=8)
def _load(root: Path) -> Bundle:
    return Bundle(root)
