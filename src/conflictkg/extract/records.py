"""Structured archive records, read through the bundle's declarative mappings (``mappings/records``).

A mapping names the label lines of a source's records, which field each introduces and
how to read its value (``text``, ``date``, ``party-list``, ``area-path``); this module
only runs mappings, so a new source is a new YAML file. The record's party list runs
group names together ("الجيش الحرلواء ...كتيبة ..."): it is split where a unit word or
a known group name begins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from conflictkg.extract.dates import find_dates
from conflictkg.extract.dating import published
from conflictkg.extract.doc import Doc
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.model import Span
from conflictkg.extract.normalize import normalize_key, normalize_text
from conflictkg.extract.patterns import Patterns
from conflictkg.reference import RecordMappingFile
from conflictkg.reference.gazetteers import Gazetteers

PARSERS = ("text", "date", "party-list", "area-path")
LABEL_CHARS = 80  # a label line is short: only this much of a line is compared with labels
_PATH_SEPARATOR = re.compile(r"\s*[-–]\s*")
_NOTE = re.compile(r"\s*[(\-–].*$")  # "(قوات خاصة)-القدم", " - جنوب دمشق": not the name
_PLACE_NOTE = re.compile(r"[-–]\s*([^-–()]+?)\s*$")


class RecordMappingError(ValueError):
    """A record mapping is malformed; the message names the file and field."""


@dataclass(frozen=True)
class _Field:
    name: str
    parser: str
    labels: tuple[str, ...] = ()  # normalised
    before: str | None = None
    all_lines: bool = False


@dataclass(frozen=True)
class Mapping:
    name: str
    path: Path
    fields: tuple[_Field, ...]
    required: tuple[str, ...]
    min_fields: int
    stop_labels: frozenset[str]
    event: dict[str, str]

    def could_match(self, text: str) -> bool:
        """Whether the labels of the required fields are in the (normalised) text at all."""
        required = [f for f in self.fields if f.name in self.required and f.labels]
        return all(any(label in text for label in f.labels) for f in required)

    @classmethod
    def load(cls, file: RecordMappingFile) -> Mapping:
        path, data = file.path, file.data
        if not isinstance(data.get("fields"), dict):
            raise RecordMappingError(f"{path}: expected a mapping with 'fields'")
        fields = []
        for name, spec in data["fields"].items():
            if not isinstance(spec, dict) or spec.get("parser") not in PARSERS:
                raise RecordMappingError(f"{path}: fields.{name}.parser must be one of {PARSERS}")
            labels = tuple(_key(label) for label in spec.get("labels") or ())
            if not labels and not spec.get("before"):
                raise RecordMappingError(f"{path}: fields.{name} needs 'labels' or 'before'")
            fields.append(_Field(str(name), spec["parser"], labels, spec.get("before"),
                                 spec.get("lines") == "all"))
        names = {f.name for f in fields}
        detect = data.get("detect") or {}
        event = data.get("event") or {}
        for ref in [*detect.get("required", []), *(v for k, v in event.items() if k != "kind")]:
            if ref not in names:
                raise RecordMappingError(f"{path}: unknown field {ref!r} in detect/event")
        return cls(str(data.get("name") or path.stem), path, tuple(fields),
                   tuple(detect.get("required", [])), int(detect.get("min_fields", 2)),
                   frozenset(_key(s) for s in data.get("stop_labels") or ()), dict(event))


def _key(label: str) -> str:
    return normalize_key(label).rstrip(" :")


class RecordReader:
    """Detects a structured record and reads its fields; fills ``record`` and its spans."""

    name: ClassVar[str] = "records"
    requires: ClassVar[tuple[str, ...]] = ("paragraphs", "dates")
    assigns: ClassVar[tuple[str, ...]] = ("record", "record_title", "record_parties",
                                          "record_areas", "record_places")

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self.mappings = tuple(map(Mapping.load, patterns.bundle.record_mappings))
        actors = patterns.section("actors", "ar")
        words = [*actors.words("unit_words"), *actors.words("quoted_unit_words")]
        names = [n for e in gazetteers.actors.values() for n in e.names_ar]
        # longest first, so "الجيش الحر" wins over the "جيش" inside it
        self._unit_words = frozenset(normalize_key(w) for w in words)
        self._splitters = sorted({normalize_key(w) for w in [*words, *names] if w},
                                 key=len, reverse=True)
        # compiled when first met: there are hundreds, more than re's own cache holds
        self._splitter_patterns: dict[str, re.Pattern[str]] = {}

    def __call__(self, doc: Doc) -> None:
        doc.record, doc.record_title = None, None
        doc.record_parties, doc.record_areas, doc.record_places = [], [], []
        lines = doc.paragraphs
        if not any(mapping.could_match(doc.norm.text) for mapping in self.mappings):
            return
        keys = [_key(doc.text[s:min(e, s + LABEL_CHARS)]) for s, e in lines]
        for mapping in self.mappings:
            found = self._fields(doc, mapping, lines, keys)
            present = [name for name, value in found.items() if value]
            if len(present) >= mapping.min_fields and all(r in present for r in mapping.required):
                self._apply(doc, mapping, found)
                return

    def _fields(self, doc: Doc, mapping: Mapping, lines: list[tuple[int, int]],
                keys: list[str]) -> dict[str, list[tuple[int, int]]]:
        """For each field, the (start, end) spans of its value lines."""
        labels = {label for f in mapping.fields for label in f.labels} | mapping.stop_labels
        out: dict[str, list[tuple[int, int]]] = {}
        label_line: dict[str, int] = {}
        for f in mapping.fields:
            spans: list[tuple[int, int]] = []
            for i, key in enumerate(keys):
                inline = next((label for label in f.labels if key.startswith(label + " ")), None)
                if key in f.labels:
                    label_line.setdefault(f.name, i)
                    for j in range(i + 1, len(lines)):
                        if keys[j] in labels:
                            break
                        spans.append(lines[j])
                        if not f.all_lines:
                            break
                elif inline is not None and ":" in doc.text[lines[i][0]:lines[i][1]]:
                    s, e = lines[i]
                    colon = doc.text.index(":", s, e) + 1
                    label_line.setdefault(f.name, i)
                    spans.append((colon + len(doc.text[colon:e]) - len(doc.text[colon:e].lstrip()),
                                  e))
            out[f.name] = spans
        for f in mapping.fields:
            if f.before and f.before in label_line and label_line[f.before] > 0:
                out[f.name] = [lines[label_line[f.before] - 1]]
        return out

    def _apply(self, doc: Doc, mapping: Mapping, found: dict[str, list[tuple[int, int]]]) -> None:
        record: dict[str, Any] = {"mapping": mapping.name}
        parsers: dict[str, Callable[[Doc, int, int], Any]] = {
            "text": _text, "date": _date, "party-list": self._parties, "area-path": _area}
        for f in mapping.fields:
            spans = found.get(f.name) or []
            values = [parsers[f.parser](doc, s, e) for s, e in spans]
            if f.parser == "party-list":
                parties = [span for value in values for span in value]
                doc.record_parties.extend(parties)
                record[f.name] = [p.text for p in parties]
            elif f.parser == "area-path":
                doc.record_areas.extend(values)
                record[f.name] = [[p.text for p in path] for path in values]
            else:
                record[f.name] = values[0] if values else None
        title = mapping.event.get("name")
        if title and found.get(title):
            s, e = found[title][0]
            doc.record_title = doc.span(s, e)
        record["event"] = dict(mapping.event)
        doc.record = record

    def _parties(self, doc: Doc, start: int, end: int) -> list[Span]:
        """Group names run together: cut where a unit word or a known name begins."""
        nt = normalize_text(doc.text[start:end])
        line = doc.text[start:end]
        notes = [(m.start(), m.end()) for m in re.finditer(r"\(.*?\)", line)]
        cuts: list[tuple[int, int]] = []
        for word in self._splitters:
            if word not in nt.text:  # most are not: a substring test is cheaper than a scan
                continue
            pattern = self._splitter_patterns.get(word)
            if pattern is None:
                pattern = self._splitter_patterns[word] = re.compile(re.escape(word))
            for m in pattern.finditer(nt.text):
                inside_note = any(a <= nt.original_span(m.start(), m.end())[0] < b
                                  for a, b in notes)
                if not inside_note and not any(s <= m.start() < e for s, e in cuts):
                    cuts.append((m.start(), m.end()))
        # a unit word written with its article ("...الشامالفيلق الخامس") starts at the article
        # "جبهة أنصار الإسلام": a known name right after a unit word is that unit's name
        named = {s for s, _ in cuts if any(
            nt.text[a:e] in self._unit_words and nt.text[e:s] == " " for a, e in cuts)}
        article = clitics().article
        starts = sorted({s - len(article) if nt.text[max(0, s - len(article)):s] == article else s
                         for s, _ in cuts if s not in named})
        out = []
        for a, b in zip(starts, [*starts[1:], len(nt.text)], strict=False):
            s, e = nt.original_span(a, b)
            piece = line[s:e]
            trimmed = _NOTE.sub("", piece).strip(" -–")
            if trimmed:
                offset = start + s + (len(piece) - len(piece.lstrip()))
                out.append(doc.span(offset, offset + len(trimmed)))
            note = _PLACE_NOTE.search(piece)
            if note:  # "- مخيم اليرموك", "-القدم", " - دمشق/إنخل": where the party fights
                at = start + s + note.start(1)
                for m in re.finditer(r"[^/،,]+", note.group(1)):
                    if m.group().strip():
                        lead = len(m.group()) - len(m.group().lstrip())
                        doc.record_places.append(
                            doc.span(at + m.start() + lead, at + m.start() + len(m.group().rstrip())))
        return out


def _text(doc: Doc, start: int, end: int) -> str:
    return " ".join(doc.text[start:end].split())


def _date(doc: Doc, start: int, end: int) -> str | None:
    found = [d for d in doc.dates if start <= d.span.start and d.span.end <= end]
    if not found:
        found = find_dates(doc.text[start:end], reference=published(doc))
    return found[0].value if found else None


def _area(doc: Doc, start: int, end: int) -> list[Span]:
    """"محافظة دمشق-مدينة دمشق-القدم" -> one span per element, outermost first."""
    out = []
    position = start
    for piece in _PATH_SEPARATOR.split(doc.text[start:end]):
        at = doc.text.index(piece, position, end) if piece else position
        if piece.strip():
            out.append(doc.span(at, at + len(piece)))
        position = at + len(piece)
    return out
