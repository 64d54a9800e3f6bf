"""Deterministic IRIs: the same input always gives the same IRI under a base.

Identifiers are plain strings, so the extractor, the RDF mapping and the server all
agree on them without any of them knowing the others' internals.

    document   {base}id/document/{sha256}            (also the name of its graph)
    place      {base}id/place/{key}                  OCHA P-code, or a curated slug
    actor      {base}id/actor/{key}                  curated slug, or ar-{hash} for a new unit
    source     {base}id/source/{key}                 reporting source slug
    event      {base}id/event/{sha256[:16]}-{key}    key derived from the text span
    claim      {base}id/claim/{sha256[:16]}-{key}    key derived from the text span
    annotation {base}id/annotation/{sha256[:16]}-{start}-{end}
    incident   {base}id/incident/{sha256[:16]}-{key}    named after its first report
    graphs     {base}graph/ontology, {base}graph/gazetteer, {base}graph/incidents
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

KINDS = ("document", "place", "actor", "source", "event", "claim", "annotation", "incident")
_UNSAFE = re.compile(r"[^A-Za-z0-9._~-]+")


def slugify(text: str) -> str:
    """A readable ASCII slug; Arabic-only text gets a short content hash instead."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _UNSAFE.sub("-", ascii_text.lower()).strip("-")
    if slug:
        return slug
    return "ar-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Iris:
    base: str = "https://conflictkg.org/"

    def __post_init__(self) -> None:
        if not self.base.endswith(("/", "#")):
            object.__setattr__(self, "base", self.base + "/")

    def document(self, sha256: str) -> str:
        return f"{self.base}id/document/{sha256}"

    def place(self, key: str) -> str:
        return f"{self.base}id/place/{key}"

    def actor(self, key: str) -> str:
        return f"{self.base}id/actor/{key}"

    def source(self, key: str) -> str:
        return f"{self.base}id/source/{key}"

    def event(self, sha256: str, key: str) -> str:
        return f"{self.base}id/event/{sha256[:16]}-{key}"

    def claim(self, sha256: str, key: str) -> str:
        return f"{self.base}id/claim/{sha256[:16]}-{key}"

    def annotation(self, sha256: str, start: int, end: int) -> str:
        return f"{self.base}id/annotation/{sha256[:16]}-{start}-{end}"

    def incident(self, event_iri: str) -> str:
        """The incident first reported by ``event_iri``: its IRI keeps the event's local key
        (``{sha256[:16]}-{key}``) and never changes while the incident has reports."""
        return f"{self.base}id/incident/{event_iri.rsplit('/', 1)[-1]}"

    def graph(self, name: str) -> str:
        return f"{self.base}graph/{name}"

    def kind_of(self, iri: str) -> tuple[str, str] | None:
        """('place', 'C1001') for a place IRI minted here; None for any other IRI."""
        prefix = f"{self.base}id/"
        if not iri.startswith(prefix):
            return None
        kind, _, key = iri[len(prefix):].partition("/")
        return (kind, key) if kind in KINDS and key else None
