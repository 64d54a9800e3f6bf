"""Where the words around a name say it is: the governorate an explicit clue names.

An explicit governorate beats every other clue when namesakes are told apart: an
adjective after the name ("حي برزة الدمشقي"), a wide place right after it ("صيدا، شرقي
درعا"), a path before it ("حمص - الوعر"), or the place a list of names is put in after
the list, however long ("قرى A وB وC بريف حلب الغربي", "the A, B and C neighborhoods of
Deir ez-Zor").
"""

from __future__ import annotations

from typing import Any

from conflictkg.extract.doc import Doc, word_forms
from conflictkg.extract.namesakes import CITY_PROMINENCE, STRONG_PROMINENCE, Candidate
from conflictkg.reference.gazetteers import PlaceEntry

CONTEXT_TOKENS = 3  # how far after a name a governorate may say where it is
LIST_TOKENS = 16  # how far after a name the area of the list it is in may be named
NAME_WORDS = 3  # words of a name in the list that the gazetteer does not know
EN_LINKS = frozenset({"of", "in"})


def governorates_named(doc: Doc, candidates: list[Candidate], i: int,
                       rules: Any) -> frozenset[str]:
    """Governorates that the words right after (or a path right before) the i-th name
    say it is in, or that the area of the list it is in is in."""
    c = candidates[i]
    # the first form (in text order) of the words after the name that is an adjective of
    # a governorate, read in C: every name of a document asks
    nisba = next(filter(rules.nisba.__contains__,
                        word_forms(doc.tokens_after(c.match.end, CONTEXT_TOKENS + 1))), None)
    if nisba is not None:
        return frozenset({rules.nisba[nisba]})
    if i + 1 < len(candidates):
        nxt = candidates[i + 1]
        between = doc.tokens_between(c.match.end, nxt.match.start)
        if len(between) <= CONTEXT_TOKENS and all(
                rules.link_word(t.key) for t in between) and not _starts_with_and(doc, nxt):
            wide = _wide(nxt.entries)
            if wide:
                return frozenset(e.admin1 for e in wide if e.admin1)
    if i > 0:
        prev = candidates[i - 1]
        gap = doc.text[prev.match.end:c.match.start]
        if gap.strip(" -/–") == "" and ("-" in gap or "/" in gap or "–" in gap):
            return frozenset(e.admin1 for e in prev.entries if e.admin1)
    if len({e.admin1 for e in c.entries}) > 1 or all(
            e.prominence < STRONG_PROMINENCE for e in c.entries):
        return _after_list(doc, candidates, i, rules)  # a namesake, or a village it may not be
    return frozenset()


def _after_list(doc: Doc, candidates: list[Candidate], i: int, rules: Any) -> frozenset[str]:
    """The governorate of a wide place named after the list the i-th name is in, behind a
    word that puts the list in it ("بريف حلب", "في مدينة حمص", "شمال", "of"). Each item
    of the list is joined to it ("و", "،", "and") and is a name, known or of a few words;
    anything else ends the list."""
    c = candidates[i]
    sentence = doc.sentence_at(c.match.start)
    if sentence is None:
        return frozenset()
    english = rules.language == "en"
    j = i + 1
    linked = False  # a word that places the list in what follows
    joined = False  # "and" before the next item
    free = 0  # words of the current item, a name the gazetteer does not know
    previous = c.match.end
    inside = c.match.end  # the end of the candidate the walk is in
    first = doc.token_index(c.match.end)
    for t in doc.tokens[first:first + LIST_TOKENS]:
        if t.start >= sentence.end:
            break
        if t.start < inside:
            continue
        while j < len(candidates) and candidates[j].match.end <= t.start:
            j += 1
        gap = doc.text[previous:t.start]
        previous = t.end
        starts = joined or "،" in gap or "," in gap or (not english and t.key[:1] == "و"
                                                         and len(t.key) > 2)
        joined = False
        other = candidates[j] if j < len(candidates) and candidates[j].match.start < t.end \
            else None
        if other is not None:  # another name of the list, or the area it is put in
            prefix = doc.text[t.start:other.match.start]
            wide = _wide(other.entries)
            if wide and (linked or "ب" in prefix or "في" in prefix):
                return frozenset(e.admin1 for e in wide if e.admin1)
            if linked or not starts:
                break
            free = 0
            previous = inside = other.match.end
            continue
        if rules.places_in_word(t.key) or (english and t.key in EN_LINKS):
            linked = True
            continue
        if english and t.key == "and":
            joined = True
            continue
        if rules.link_word(t.key) or t.key in rules.directions or (english and t.key == "the"):
            continue  # a head noun or a direction: "في مدينة حمص", "in the northern Hama"
        if linked or t.key.isdigit() or (english and t.key[:1].islower()):
            break
        free = 1 if starts else free + 1
        if free > NAME_WORDS:
            break
    return frozenset()


def _wide(entries: list[PlaceEntry]) -> list[PlaceEntry]:
    """Entries that name an area another place lies in: a governorate, a district, a city."""
    return [e for e in entries if e.level in ("governorate", "district")
            or e.prominence >= CITY_PROMINENCE]


def _starts_with_and(doc: Doc, c: Candidate) -> bool:
    """Whether a name is joined to the one before by "و" (a list, not a location)."""
    i = doc.token_index(c.match.start)
    if i < len(doc.tokens) and doc.tokens[i].start < c.match.start:
        return doc.text[doc.tokens[i].start] == "و"
    return doc.text[max(0, c.match.start - 2):c.match.start].strip() in ("و", "and")
