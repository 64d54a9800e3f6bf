"""Paragraphs, sentences and clauses, and the lines that are page furniture.

Claims and events are read a clause or a sentence at a time, and a footer of related
headlines ("قوات سوريا الديمقراطية: الحرب ضد داعش مستمرة") must not lend its names to
the report, so the text is cut first. Punctuation and clause-opening words are data
(``mappings/patterns/segment.yaml``).
"""

from __future__ import annotations

import re
from typing import ClassVar

from conflictkg.extract.doc import Doc, Sentence
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
from conflictkg.reference.gazetteers import Gazetteers

BODY_LINE = 150  # characters: a line this long is a paragraph of the report
BODY_SENTENCE = 60  # a finished sentence this long is too
_NUMBERED = re.compile(r"^\s*\d{1,3}\s*[.)\-]\s+\S")


class _Rules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("segment", language)
        ends = "".join(re.escape(c) for c in s.words("sentence_ends"))
        marks = "".join(re.escape(c) for c in s.words("clause_marks"))
        # a sentence ends at its mark followed by space (or the end of the line), so
        # "2.5" and "U.S." stay whole; in English the next word must be capitalised
        follow = r"(?=\s+[A-Z\"“'(]|\s*$)" if language == "en" else r"(?=\s|$)"
        # "Dr. Mohammad Hazouri": a title's stop is no end
        titles = "".join(rf"(?<!\b{re.escape(t)})" for t in s.words("title_abbreviations"))
        self.sentence_end = re.compile(rf"{titles}[{ends}]+[\"”»']?{follow}")
        openers = sorted(s.words("clause_openers"), key=len, reverse=True)
        words = "|".join(re.escape(w) for w in openers)
        # a mark, or the space before an opener; one class first, so that re skips in C
        # to the characters where a break can be
        self.clause_break = re.compile(
            rf"[{marks}\s](?:(?<=[{marks}])|(?=(?:و)?(?:{words})\s))")
        self.end_markers = tuple(normalize_key(m) for m in s.words("end_markers"))
        self.link_list_min = s.integer("link_list_min")
        self.link_markers = tuple(s.words("link_markers"))


class Segmenter:
    """Cuts the text into paragraphs (lines), sentences and clauses."""

    name: ClassVar[str] = "segment"
    requires: ClassVar[tuple[str, ...]] = ("text", "language")
    assigns: ClassVar[tuple[str, ...]] = ("paragraphs", "sentences")

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        del gazetteers
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("segment")}

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        lines = _lines(doc.text)
        furniture = _furniture(doc.text, lines, rules)
        body = next((i for i, (s, e) in enumerate(lines) if _is_body(doc.text[s:e])), 0)
        sentences: list[Sentence] = []
        for index, (start, end) in enumerate(lines):
            for s, e in _cut(doc.text, start, end, rules.sentence_end):
                clauses = tuple(_cut(doc.text, s, e, rules.clause_break)) or ((s, e),)
                sentences.append(Sentence(s, e, index, clauses, index in furniture, index < body))
        doc.paragraphs = lines
        doc.set_sentences(sentences)


def _is_body(line: str) -> bool:
    """A paragraph of the report, not a title, caption or dateline before it."""
    stripped = line.rstrip()
    ends = stripped.endswith((".", "!", "؟", "?")) and not stripped.endswith("..")
    return len(stripped) >= BODY_LINE or (ends and len(stripped) >= BODY_SENTENCE)


def _trimmed(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces without their surrounding space; empty ones dropped."""
    out = []
    for a, b in pieces:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, trimmed of surrounding space."""
    return _trimmed(text, [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)])


def _furniture(text: str, lines: list[tuple[int, int]], rules: _Rules) -> set[int]:
    """Lines after an end marker, a line that opens as a link does ("Related: ..."), and
    runs of numbered short lines (related links; a numbered paragraph of the report, as a
    daily summary's items are, is no link)."""
    out: set[int] = set()
    longest = max((len(m) for m in rules.end_markers), default=0) + 10
    for i, (s, e) in enumerate(lines):
        key = normalize_key(text[s:min(e, s + longest)])
        if key.startswith(rules.end_markers):
            out.update(range(i, len(lines)))
            break
    # "Related: The siege of X in numbers": a link to another report, in the body
    out.update(i for i, (s, e) in enumerate(lines) if text.startswith(rules.link_markers, s, e))
    run: list[int] = []
    for i, (s, e) in enumerate([*lines, (0, 0)]):
        if e > s and _NUMBERED.match(text[s:e]) and not _is_body(text[s:e]):
            run.append(i)
            continue
        if len(run) >= rules.link_list_min:
            out.update(run)
        run = []
    return out


def _cut(text: str, start: int, end: int, boundary: re.Pattern[str]) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]`` between boundary matches, trimmed, none empty."""
    out = []
    s = start
    for m in boundary.finditer(text, start, end):
        out.append((s, m.end()))
        s = m.end()
    out.append((s, end))
    return _trimmed(text, out)
