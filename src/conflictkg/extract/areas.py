"""Countrysides named relative to a place: "ريفها الشرقي", "الريف الحموي", "the eastern
countryside", "the Hama countryside" without the name beside it.

A report names a city, then its countryside by a pronoun or a bare direction ("سيطرت على
مدينة درعا ... وفي ريفها الشرقي", "clashes in the eastern countryside"), or by the
governorate's adjective ("الريف الحموي"). The phrase is a mention of the governorate the
countryside belongs to, as "ريف حلب الغربي" is: the governorate of the place named last
before it, or the one its adjective names. Words are data (``places.yaml``:
``countryside``, ``directions``, ``nisba``).
"""

from __future__ import annotations

from conflictkg.extract.doc import Doc, Mention, clitic_forms
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Section
from conflictkg.reference.gazetteers import Places

MAX_DIRECTIONS = 2  # "الشمالي الغربي", "north-western"


class Countrysides:
    """Finds relative countryside phrases in one language."""

    def __init__(self, s: Section, places: Places) -> None:
        self._places = places
        self.heads = s.keys("countryside")  # ريف, ريفها, الريف; countryside
        self.directions = s.keys("directions")
        self.nisba = {normalize_key(k): v for k, v in s.mapping("nisba").items()}
        self.english = s.language == "en"

    def find(self, doc: Doc, named: list[Mention]) -> list[Mention]:
        """Mentions of the governorate each relative countryside phrase means."""
        out = []
        taken = {(m.start, m.end) for m in named}
        for i in doc.tokens_bearing(self.heads):
            token = doc.tokens[i]
            if any(s <= token.start < e for s, e in taken) or doc.in_boilerplate(token.start):
                continue
            span = self._english(doc, i) if self.english else self._arabic(doc, i)
            if span is None:
                continue
            start, end, key = span
            if key is None:
                key = self._governorate_before(doc, start, named)
            if key is not None:
                out.append(Mention(start, end, doc.text[start:end], key))
        return out

    def _arabic(self, doc: Doc, i: int) -> tuple[int, int, str | None] | None:
        """"ريفها الشرقي", "الريف الشمالي", "الريف الحموي": the head and its adjectives."""
        head = doc.tokens[i]
        bare = next(f for f in clitic_forms(head.key) if f in self.heads)
        words = doc.tokens[i + 1:i + 1 + MAX_DIRECTIONS]
        directions = []
        for t in words:
            if t.key in self.nisba:
                return self._start(doc, head), t.end, self.nisba[t.key]
            if t.key not in self.directions or doc.text[head.end:t.start].strip(" "):
                break
            directions.append(t)
        pronoun = bare.endswith(("ها", "ه")) and bare != "ريف"
        if not directions or not (pronoun or clitics().has_article(bare)):
            return None  # "ريف" + a name is the gazetteer's; a bare "الريف" is no place
        return self._start(doc, head), directions[-1].end, None

    def _english(self, doc: Doc, i: int) -> tuple[int, int, str | None] | None:
        """"the eastern countryside" (not "of X" after it), "the Hama countryside" when Hama
        itself is named there (the gazetteer reads it), "Idlib's southern countryside"."""
        head = doc.tokens[i]
        after = doc.tokens[i + 1:i + 2]
        if after and after[0].key == "of":
            return None  # "the countryside of Idlib": the name after says which
        j = i
        while j > 0 and i - j < MAX_DIRECTIONS and doc.tokens[j - 1].key in self.directions:
            j -= 1
        if j == i:
            return None
        return doc.tokens[j].start, head.end, None

    def _start(self, doc: Doc, token) -> int:
        """Where the head noun starts, after a proclitic ("وريفها" -> "ريفها")."""
        key = token.key
        for form in clitic_forms(key)[1:]:
            if form in self.heads:
                return token.end - len(form)
        return token.start

    def _governorate_before(self, doc: Doc, start: int, named: list[Mention]) -> str | None:
        """The governorate of the last place named before ``start``."""
        for m in reversed([m for m in named if m.end <= start and not m.weak]):
            entry = self._places.get(m.key)
            if entry is None:
                continue
            if entry.level == "governorate":
                return entry.key
            if entry.admin1 and self._places[entry.admin1].level == "governorate":
                return entry.admin1
        return None
