"""Very long texts read a piece at a time, so that extraction stays linear in the text.

Some of the readers' work grows faster than the text (a list the length of the text per
sentence lookup, scopes that look back over the document), which no report of a few
thousand words notices and a 20 MB compilation does. A text longer than ``CHUNK_CHARS``
is cut at paragraph breaks into pieces of about that size; each piece is extracted on its
own, its spans moved to where the piece starts and its keys prefixed with the piece's
number (so they stay unique and deterministic), and the pieces' findings are joined: one
entity a key, with the mentions of every piece. What a piece cannot see is what lies in
another: a source credited, a date stated or a party named there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from conflictkg.extract.model import (
    Actor,
    CasualtyClaim,
    ControlClaim,
    DocumentInfo,
    Event,
    Extraction,
    Place,
    Span,
)

CHUNK_CHARS = 200_000  # characters: some forty news reports, far past any one report


def pieces(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) of pieces of about ``size`` characters, cut after a paragraph break
    (else a line break, else anywhere) so that no sentence is cut in two."""
    out = []
    start = 0
    while len(text) - start > size:
        window = text[start + size // 2:start + size]
        cut = window.rfind("\n\n")
        cut = window.rfind("\n") if cut < 0 else cut
        end = start + size // 2 + cut + 1 if cut >= 0 else start + size
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def joined(info: DocumentInfo, parts: Iterable[tuple[int, Extraction]]) -> Extraction:
    """One Extraction of the pieces' Extractions, each given with where its piece starts."""
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}
    out = Extraction(document=info)
    for n, (offset, x) in enumerate(parts):
        prefix = f"p{n}-"
        for a in x.actors:
            _merge(actors, a, offset)
        for p in x.places:
            _merge(places, p, offset)
        out.events += [_event(e, offset, prefix) for e in x.events]
        out.casualty_claims += [_casualty(c, offset, prefix) for c in x.casualty_claims]
        out.control_claims += [_control(c, offset, prefix) for c in x.control_claims]
        out.record = out.record or x.record
        out.sources.update(x.sources)
        if n == 0:
            out.document = x.document
    out.actors = sorted(actors.values(), key=_first)
    out.places = sorted(places.values(), key=_first)
    return out


def _moved(span: Span, offset: int) -> Span:
    return Span(span.start + offset, span.end + offset, span.text)


def _key(key: str | None, prefix: str) -> str | None:
    return prefix + key if key else None


def _merge(found: dict, entity: Actor | Place, offset: int) -> None:
    mentions = [_moved(m, offset) for m in entity.mentions]
    if entity.key in found:
        found[entity.key].mentions.extend(mentions)
    else:
        found[entity.key] = replace(entity, mentions=mentions)


def _first(entity: Actor | Place) -> tuple[int, int]:
    return (entity.mentions[0].start, entity.mentions[0].end) if entity.mentions else (0, 0)


def _event(e: Event, offset: int, prefix: str) -> Event:
    return replace(e, key=prefix + e.key, evidence=_moved(e.evidence, offset),
                   parent=_key(e.parent, prefix))


def _casualty(c: CasualtyClaim, offset: int, prefix: str) -> CasualtyClaim:
    return replace(c, key=prefix + c.key, evidence=_moved(c.evidence, offset),
                   mentions=[_moved(m, offset) for m in c.mentions], event=_key(c.event, prefix),
                   supersedes=_key(c.supersedes, prefix), part_of=_key(c.part_of, prefix))


def _control(c: ControlClaim, offset: int, prefix: str) -> ControlClaim:
    return replace(c, key=prefix + c.key, evidence=_moved(c.evidence, offset),
                   event=_key(c.event, prefix))
