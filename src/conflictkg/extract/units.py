"""Armed units that no gazetteer lists, found by their shape: a unit word and a name.

"كتيبة سيف الله المسلول", "لواء “مجاهدي الشام”", "“تجمع أحرار حوران”", "الفرقة 26",
"the Sultan Murad Division", "Liwa al-Islam". Words that are also common nouns
("جبهة", "حركة", "تجمع") open a name only when it is quoted; an unquoted name runs
until a stop word, punctuation or a word that starts another clause. A unit word with a
pronoun joined to it ("فرقه": his teams) and one that names a kind of base ("كتيبة
الدفاع الجوي") open no name, and a quote of more words than a name has is speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictkg.extract.doc import Doc, clitic_forms
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.matcher import Matcher
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns

OPENING_QUOTES = "“\"«„'‘"
CLOSING_QUOTES = {"“": "”\"", "\"": "\"”", "«": "»", "„": "“”\"", "'": "'’", "‘": "’'"}
MAX_QUOTED = 60  # characters: a longer "quote" is speech, not a name


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    label: str  # unit word and name as written, without quotes
    unit_word: str  # normalised
    numbered: bool = False  # a definite state formation ("الفرقة 26")


class UnitRules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("actors", language)
        self.language = language
        self.matcher: Matcher[str] = s.matcher(
            strong=s.words("unit_words"), quoted=s.words("quoted_unit_words"),
            numbered=s.words("numbered_units"))
        self.prefixes = s.words("unit_prefixes")
        self.ordinals = s.keys("ordinals")
        # a name stops at a stop word, and at a word of an event, a toll, a place kind or a facility
        places = patterns.section("places", language)
        events = patterns.section("events", language).groups("kinds")
        outcomes = patterns.section("casualties", language).groups("outcomes")
        self.stops = s.keys("name_stops") | frozenset(
            normalize_key(w) for ws in (*events.values(), *outcomes.values()) for w in ws
            if " " not in w) | frozenset(
            normalize_key(w) for w in (*places.groups("qualifiers"), *places.words("facilities"))
            if " " not in w)
        self.max_words = s.integer("name_max_words")
        self.joiners = s.keys("name_joiners")
        self.generic_first = s.keys("generic_first_words")
        self.honorifics = s.keys("honorifics")
        self.glued_name_words = tuple(s.keys("glued_name_words"))
        self.facilities = tuple(s.keys("facility_unit_names"))
        self.unit_keys = frozenset(normalize_key(w) for w in
                                   (*s.words("unit_words"), *s.words("quoted_unit_words")))
        if language == "en":
            words = "|".join(re.escape(w) for w in sorted(
                (*s.words("unit_words"), *s.words("unit_words_in_small_letters")), key=len,
                reverse=True))
            prefixes = "|".join(re.escape(w) for w in self.prefixes)
            # "al-Nusra-linked": a participle after a hyphen describes the name, it is no part of it
            tail = r"(?:-(?!(?:linked|affiliated|backed|led|held|controlled|run|allied|aligned)\b)[\w'’]+)*"
            name = rf"(?:(?:al|el|ad|as|ash|ar|az|bin|ibn|abu|of)[- ])?[A-Z][\w'’]*{tail}"
            self.suffixed = re.compile(rf"\b((?:{name} ){{1,4}})(?:{words})s?\b")
            self.prefixed = re.compile(rf"\b(?:{prefixes}) ((?:{name})(?: {name}){{0,3}})\b")

    def key_name(self, label: str) -> str:
        """The name a unit is keyed by: normalised, honorifics dropped."""
        words = [w for w in normalize_key(label).split() if w not in self.honorifics]
        return " ".join(words)


def find_units(doc: Doc, rules: UnitRules) -> list[Unit]:
    """Units in text order; overlapping finds are left to the caller."""
    if rules.language == "en":
        return _english(doc, rules)
    out = []
    for m in rules.matcher.find(doc.norm):
        if doc.in_boilerplate(m.start):
            continue
        kind = m.payloads[0]
        if doc.text[m.start:m.end].endswith("ه"):
            continue  # "فرقه", "كتيبته": a pronoun joined to a noun, not a unit word
        unit = (_quoted(doc, m.start, m.end, m.key, rules)
                or (_numbered(doc, m.start, m.end, m.key, rules) if kind == "numbered" else None)
                or (_unquoted(doc, m.start, m.end, m.key, rules) if kind == "strong" else None))
        if unit is not None:
            out.append(unit)
    return out


def _quoted(doc: Doc, start: int, end: int, unit_word: str, rules: UnitRules) -> Unit | None:
    """“لواء X” (the quote opens before the unit word) or لواء “X”."""
    text = doc.text
    if start > 0 and text[start - 1] in OPENING_QUOTES:
        close = closing_quote(text, start - 1, start)
        if close is not None and close > end + 1:
            unit = Unit(start, close, _clean(text[start:close]), unit_word)
            return unit if _named(unit.label, rules) else None
    gap = end
    while gap < len(text) and text[gap] == " ":
        gap += 1
    if gap < len(text) and text[gap] in OPENING_QUOTES and gap - end <= 1:
        close = closing_quote(text, gap, gap + 1)
        if close is not None and close > gap + 1:
            unit = Unit(start, close + 1, _clean(text[start:end] + " " + text[gap + 1:close]),
                        unit_word)
            return unit if _named(unit.label, rules) else None
    return None


def _named(label: str, rules: UnitRules) -> bool:
    """A quote short enough to be a name (a unit word and at most ``name_max_words``)."""
    return len(label.split()) <= rules.max_words + 1


def closing_quote(text: str, quote_at: int, search_from: int) -> int | None:
    """Offset of the quote that closes the one at ``quote_at`` (same line, short)."""
    closers = CLOSING_QUOTES.get(text[quote_at], "”\"»")
    limit = min(len(text), search_from + MAX_QUOTED)
    for i in range(search_from, limit):
        if text[i] in closers:
            return i
        if text[i] == "\n":
            return None
    return None


def _numbered(doc: Doc, start: int, end: int, unit_word: str, rules: UnitRules) -> Unit | None:
    """A definite formation followed by a number or an ordinal: "الفرقة الرابعة", "اللواء 155"."""
    i = doc.token_index(end)
    tokens = doc.tokens[i:i + 2]
    if not tokens or doc.text[end:tokens[0].start].strip(" ”\"“«»") != "":
        return None
    if tokens[0].key.isdigit():
        return Unit(start, tokens[0].end, _clean(doc.text[start:tokens[0].end]), unit_word, True)
    for n in (2, 1):
        words = tokens[:n]
        if len(words) == n and " ".join(t.key for t in words) in rules.ordinals:
            stop = words[-1].end
            return Unit(start, stop, _clean(doc.text[start:stop]), unit_word, True)
    return None


def _unquoted(doc: Doc, start: int, end: int, unit_word: str, rules: UnitRules) -> Unit | None:
    """A unit word and the name words after it, up to a stop word or punctuation."""
    text = doc.text
    i = doc.token_index(end)
    name = []
    previous_end = end
    while i < len(doc.tokens) and len(name) < rules.max_words:
        token = doc.tokens[i]
        if text[previous_end:token.start].strip() != "":
            break  # punctuation between words ends the name
        key = token.key
        if not name and (key in rules.generic_first or key in rules.stops
                         or normalize_key(text[token.start:token.start + 40]).startswith(
                             rules.facilities)):
            return None
        if key in rules.stops or key.isdigit() or _opens_clause(key, rules) \
                or _indefinite(text[token.start:token.end]) or clitics().with_article_after_preposition(key):
            break
        if any(form in rules.unit_keys for form in clitic_forms(key)) and name:
            break
        name.append(token)
        previous_end = token.end
        i += 1
    while name and name[-1].key in rules.joiners:
        name.pop()
    if not name:
        return None
    stop = name[-1].end
    return Unit(start, stop, _clean(text[start:stop]), unit_word)


def _indefinite(word: str) -> bool:
    """"حاجزاً", "عنصراً": an indefinite accusative is an object, never part of a name."""
    return word.endswith(("اً", "ًا", "ٌ", "ٍ")) and len(word) > 2


def _opens_clause(key: str, rules: UnitRules) -> bool:
    """A word glued to a conjunction, "و" or "ف" (not a name word), starts a new clause."""
    if len(key) > 3 and key.startswith(clitics().conjunctions) and key not in rules.joiners:
        return not key.startswith(rules.glued_name_words)
    return False


def _clean(label: str) -> str:
    return " ".join(label.replace("”", " ").replace("“", " ").replace("\"", " ")
                    .replace("«", " ").replace("»", " ").split())


def _english(doc: Doc, rules: UnitRules) -> list[Unit]:
    out = []
    for pattern in (rules.suffixed, rules.prefixed):
        for m in pattern.finditer(doc.text):
            start, end = m.start(), m.end()
            if doc.text[start:end].split()[0] in ("The", "A", "An"):
                start += len(doc.text[start:end].split()[0]) + 1
            if doc.in_boilerplate(start):
                continue
            out.append(Unit(start, end, doc.text[start:end], normalize_key(m.group(0).split()[-1])))
    return sorted(out, key=lambda u: (u.start, -u.end))
