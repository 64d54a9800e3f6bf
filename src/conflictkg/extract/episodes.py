"""Episodes of one sentence: what was done, when and where, one action at a time.

A sentence often tells several actions ("سيطرت أمس على جرجناز ... بعد أن كانت قد سيطرت
يوم الأحد على التح"; "shelled A on Monday and stormed B on Tuesday"). Each event cue
opens an action that runs to the next cue; an action with no place of its own belongs
to its neighbour ("تقدمت إلى أبو مكي والصرمان، وسيطرت عليهما فجر اليوم"). An action's
date is the first date inside it, else the last one before it in the sentence, else
the first of the sentence, else the day a source in the sentence made it known ("أعلن
الجيش، اليوم الأحد، استعادة تدمر"); the caller falls back on the paragraph and the lead.

An action's places are where it happened: a place named only as a reference point
("شمال الرقة", "north of Raqqa", "نحو سرمين") counts only when nothing else is named,
a place named only to say where another lies is its setting ("حي التضامن في جنوب دمشق",
"Kafr Nabudah in northern Hama"), and so is a governorate or district that holds another
place of the action ("بلدة التح، كبرى بلدات ريف إدلب" is al-Tah).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from conflictkg.extract.doc import Doc, Mention, Sentence, clitic_forms
from conflictkg.extract.matcher import Match
from conflictkg.extract.normalize import normalize_key
from conflictkg.gazetteers import Places

REFERENCE_REACH = 3
CONJUNCTIONS = ("و", "ف")  # place nouns and articles between a reference word and its place


@dataclass
class Action:
    """Cues of one sentence that tell one action, with its span, date and places."""

    cues: list[Match[str]]
    start: int
    end: int
    date: Any = None  # dates.DateMention
    places: list[Mention] = field(default_factory=list)


def actions(doc: Doc, sentence: Sentence, cues: list[Match[str]], stops: list[int],
            usable: Any, excluded: list[tuple[int, int]]) -> list[Action]:
    """The actions of a sentence, from its cues in text order. ``stops`` are where
    something else begins (a cue that tells no deed, "بالتزامن مع"): an action ends
    there. ``usable(date)`` says whether a date tells when something happened;
    ``excluded`` are spans whose places are not where (the names of named battles)."""
    cues = sorted(cues, key=lambda c: c.start)
    bounds = sorted({*stops, *(c.start for c in cues), sentence.end})
    out: list[Action] = []
    for i, cue in enumerate(cues):
        before = [b for b in stops if b <= cue.start]
        start = max(before[-1] if before else sentence.start,
                    sentence.start if i == 0 else cues[i - 1].start + 1)
        if i:
            start = max(start, cue.start)
        end = next(b for b in bounds if b > cue.start)
        out.append(Action([cue], start, end))
    places = [m for m in doc.index("place_mentions").starting(sentence.start, sentence.end)
              if not any(a <= m.start < b for a, b in excluded)]
    dates = [d for d in doc.dates_between(sentence.start, sentence.end) if usable(d)]
    for action in out:
        action.places = [m for m in places if action.start <= m.start < action.end]
        action.date = next((d for d in dates if action.start <= d.span.start < action.end), None)
    joined: list[Action] = []
    pending: list[Action] = []
    for action in out:
        if action.places or not joined:
            if pending and action.places:
                action = _join([*pending, action])
                pending = []
            elif not action.places:
                pending.append(action)
                continue
            joined.append(action)
        else:
            joined[-1] = _join([joined[-1], action])
    if pending:
        joined.append(_join(pending))
    reported = [d for d in doc.dates_between(sentence.start, sentence.end) if not usable(d)
                and d.precision == "day"]
    for action in joined:
        if action.date is None:
            before = [d for d in dates if d.span.start < action.start]
            action.date = before[-1] if before else (dates[0] if dates else None)
        if action.date is None and reported:  # "أعلن الجيش، اليوم الأحد، استعادة تدمر"
            action.date = reported[0]
    return joined


def _join(parts: list[Action]) -> Action:
    first = parts[0]
    return Action(
        cues=[c for p in parts for c in p.cues], start=first.start, end=parts[-1].end,
        date=next((p.date for p in parts if p.date is not None), None),
        places=[m for p in parts for m in p.places])


def where(doc: Doc, places: Places, mentions: list[Mention], references: frozenset[str],
          fillers: frozenset[str], locatives: frozenset[str]) -> list[str]:
    """Keys of the places where an action happened (see the module docstring)."""
    keys = list(dict.fromkeys(m.key for m in mentions))
    pointed = {m.key for m in mentions if _after_reference(doc, m, references, fillers)}
    pointed |= {b.key for a, b in pairwise(mentions)
                if a.key != b.key and _locative(doc, a, b, fillers, locatives)}
    if any(k not in pointed for k in keys):
        keys = [k for k in keys if k not in pointed]
    held = {a for k in keys for a in _ancestors(doc, places, k)}
    kept = [k for k in keys if k not in held]
    return kept or keys


def _locative(doc: Doc, a: Mention, b: Mention, fillers: frozenset[str],
              locatives: frozenset[str]) -> bool:
    """Whether ``b`` only says where ``a`` lies ("حي التضامن في جنوب دمشق", "بلدة التح
    بريف إدلب", "Kafr Nabudah in northern Hama"): a locative between them, and nothing
    else but place nouns ("وبلدة أطمة" is the next of a list)."""
    gap = doc.text[a.end:b.start]
    if any(p in gap for p in ",،;؛"):
        return False
    located = False
    for token in doc.tokens_between(a.end, b.start):
        if token.end > b.start:  # "بدمشق": the preposition joined to the name
            return normalize_key(doc.text[token.start:b.start]) in locatives
        forms = clitic_forms(token.key)
        if token.key[:1] in CONJUNCTIONS and len(token.key) > 2 and forms[1:]:
            return False
        if any(f in locatives for f in forms) or (
                token.key[:1] in locatives and any(f in fillers for f in forms[1:])):
            located = True  # "في", "بريف"
        elif not any(f in fillers for f in forms):
            return False
    return located


def _ancestors(doc: Doc, places: Places, key: str) -> list[str]:
    chain: list[str] = []
    found = doc.places.get(key)
    parent = key if key in places else (found.parent if found is not None else None)
    if parent is None or parent not in places:
        return chain
    if parent != key:
        chain.append(parent)
    chain += [e.key for e in places.ancestors(parent)]
    return chain


def _after_reference(doc: Doc, mention: Mention, references: frozenset[str],
                     fillers: frozenset[str]) -> bool:
    """Whether a reference word ("شمال", "north of", "نحو") stands before the place,
    with at most a few place nouns or articles between ("شمال مدينة الرقة")."""
    i = doc.token_index(mention.start)
    sentence = doc.sentence_at(mention.start)
    first = sentence.start if sentence is not None else 0
    skipped = 0
    while i > 0 and skipped <= REFERENCE_REACH:
        j = i - 1
        if doc.tokens[j].start < first:
            return False
        for n in (3, 2, 1):
            if j - n + 1 < 0 or doc.tokens[j - n + 1].start < first:
                continue
            words = [t.key for t in doc.tokens[j - n + 1:j + 1]]
            if any(" ".join([f, *words[1:]]) in references for f in clitic_forms(words[0])):
                return True
        if not any(f in fillers for f in clitic_forms(doc.tokens[j].key)):
            return False
        i, skipped = j, skipped + 1
    return False
