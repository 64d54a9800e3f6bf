"""A foreign state's forces named by their nationality: "طائرات روسية", "رتلاً عسكرياً
تركياً", "الطيران الحربي الروسي", "حليفه الروسي", "the American convoy", "Turkish drones",
"US Bradley armoured vehicles". A nationality coordinated with another shares its noun
("الطيران الحربي السوري والروسي", "Russian and regime airstrikes"); the mention is then
the nationality alone, since the words before it name the other party.

The construction is a force noun (aircraft, convoy, troops, side, occupation...), up to
two modifiers ("حربية", "مسيرة", "military", "armoured", or an English name in capitals)
and a nationality adjective; Arabic puts the adjective after the noun, English before
it. The mention runs from the first word to the last and denotes the state's actor (the
``nationalities`` mapping of the actors patterns names its gazetteer key, or several,
"a|b", of which the finder takes the one active in the year of the report). A nationality
with any other noun ("الحدود التركية", "the Turkish president") names no force.
"""

from __future__ import annotations

import re
from itertools import compress, count
from operator import itemgetter

from conflictkg.extract.doc import Doc, Mention, clitic_forms
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Section

MAX_MODIFIERS = 2


def adjective_forms(word: str) -> set[str]:
    """The keys an Arabic adjective is written as: "روسي" is also روسية, روسيا (the
    accusative), روسيين, روسيون, and each with the article; a broken plural ("أتراك")
    takes only the article."""
    base = normalize_key(word)
    forms = {base}
    if base.endswith("ي"):
        forms |= {base + "ه", base + "ا", base + "ين", base + "ون", base + "ات"}
    article = clitics().article
    return forms | {article + f for f in forms}


class ForceRules:
    """The nationalities, force nouns and modifiers of one language."""

    def __init__(self, s: Section) -> None:
        self.language = s.language
        mapping = s.mapping("nationalities")
        # a nationality may name several states' forces, "a|b", told apart by the year
        self.keys = frozenset(k for v in mapping.values() for k in v.split("|"))
        self.not_before = tuple(s.keys("force_not_before"))
        if s.language == "en":
            self.pattern = _english_pattern(mapping, s.words("force_nouns"),
                                            s.words("force_modifiers"))
            self.by_word = dict(mapping)
            return
        self.nationalities = {form: key for word, key in mapping.items()
                              for form in adjective_forms(word)}
        # the words a force can end on: a nationality, or one with a joined و ("والروسي");
        # only these are read further, the rest of a document's words are skipped in C
        self.last_words = frozenset(self.nationalities) | {"و" + form
                                                           for form in self.nationalities}
        lexicon = clitics()
        actions = {normalize_key(w) for w in s.words("action_nouns")}
        self.actions = frozenset(actions | {lexicon.article + n for n in actions
                                            if not lexicon.has_article(n)})
        nouns = {normalize_key(w) for w in s.words("force_nouns")} | actions
        self.nouns = frozenset(nouns | {lexicon.article + n for n in nouns
                                        if not lexicon.has_article(n)})
        self.modifiers = frozenset(f for w in s.words("force_modifiers") for f in adjective_forms(w))
        self.longest_noun = max((n.count(" ") + 1 for n in self.nouns), default=1)


def _english_pattern(nationalities: dict[str, str], nouns: tuple[str, ...],
                     modifiers: tuple[str, ...]) -> re.Pattern[str]:
    def alternation(words: object) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]
    modifier = rf"(?:(?i:{alternation(modifiers)})|[A-Z][A-Za-z]+|[A-Z]+-?[0-9]+[A-Za-z]*)"
    return re.compile(
        rf"(?<![\w.-])({alternation(nationalities)})(\s+(?:and|or)\s+[A-Za-z]+)?\s+"
        rf"(?:{modifier}\s+){{0,{MAX_MODIFIERS}}}"
        rf"(?i:{alternation(nouns)})(?![\w-])")


def find_forces(doc: Doc, rules: ForceRules) -> list[Mention]:
    """The nationality-named forces of a document, in text order."""
    if rules.language == "en":
        found = [Mention(m.start(), m.end(1) if m.group(2) else m.end(), m.group(1) if m.group(2)
                         else m.group(0), rules.by_word[m.group(1)])
                 for m in rules.pattern.finditer(doc.text)]
    else:
        keys = map(itemgetter(2), doc.tokens)  # Token.key
        hits = compress(count(), map(rules.last_words.__contains__, keys))
        found = [m for i in hits if (m := _arabic(doc, i, rules)) is not None]
    return [m for m in found if not doc.in_boilerplate(m.start)
            and not normalize_key(doc.text[m.end:m.end + 30]).startswith(rules.not_before)]


def _arabic(doc: Doc, i: int, rules: ForceRules) -> Mention | None:
    """The force the nationality at token ``i`` qualifies: the nouns before it (one
    governing the next: "قوات الاحتلال التركي") and at most two modifiers between; the
    phrase starts at the farthest noun, or at one with a joined و or preposition.
    "السوري والروسي", "السوري الروسي": after another nationality, with or without a joined
    و, it shares that one's noun."""
    tokens, text = doc.tokens, doc.text
    key = tokens[i].key
    j, modifiers, coordinated = i - 1, 0, False
    if key not in rules.nationalities:
        key = key[1:] if key.startswith("و") else ""
        if key not in rules.nationalities or i < 2 or not _nisba(tokens[i - 1].key) \
                or text[tokens[i - 1].end:tokens[i].start].strip():
            return None
        j, modifiers, coordinated = i - 2, 1, True
    elif i >= 2 and tokens[i - 1].key in rules.nationalities \
            and not text[tokens[i - 1].end:tokens[i].start].strip():
        j, modifiers, coordinated = i - 2, 1, True  # "الطيران الحربي السوري الروسي"
    start = None
    while j >= 0 and text[tokens[j].end:tokens[j + 1].start].strip() == "":
        noun = _noun_at(doc, j, rules)
        if noun is not None and start is not None and _action(doc, noun, j, rules):
            break  # "قصف جيش الاحتلال التركي": the shelling is the army's, the army is named
        if noun is not None:
            start = noun  # the farthest noun: "قوات الاحتلال التركي", "رتلاً عسكرياً تركياً"
            if _after_clitics(doc, noun, rules) != tokens[noun].start:
                break  # "وحليفه", "بإسناد": a joined و or preposition opens the phrase
        elif tokens[j].key not in rules.modifiers:
            break
        modifiers += 1
        if modifiers > MAX_MODIFIERS:
            break
        j = (noun if noun is not None else j) - 1
    if start is None:
        return None
    end = tokens[i].end
    if coordinated:  # "والروسي": the nationality without its و
        begin = tokens[i].start if tokens[i].key in rules.nationalities \
            else _skip_letters(text, tokens[i].start, 1)
        return Mention(begin, end, text[begin:end], rules.nationalities[key])
    begin = _after_clitics(doc, start, rules)
    return Mention(begin, end, text[begin:end], rules.nationalities[key])


def _action(doc: Doc, first: int, last: int, rules: ForceRules) -> bool:
    words = " ".join(t.key for t in doc.tokens[first:last + 1])
    head = words.split(" ", 1)
    return any(" ".join([form, *head[1:]]) in rules.actions for form in clitic_forms(head[0]))


def _nisba(key: str) -> bool:
    """An adjective of origin ("السوري", "الروسية")."""
    return len(key) > 3 and key.endswith(("ي", "يه"))


def _noun_at(doc: Doc, j: int, rules: ForceRules) -> int | None:
    """The index of the first token of a force noun that ends at token ``j``."""
    tokens = doc.tokens
    for n in range(rules.longest_noun, 0, -1):
        if j - n + 1 < 0:
            continue
        words = tokens[j - n + 1:j + 1]
        head = " ".join(t.key for t in words[1:])
        if any(" ".join(filter(None, (form, head))) in rules.nouns
               for form in clitic_forms(words[0].key)):
            return j - n + 1
    return None


def _after_clitics(doc: Doc, j: int, rules: ForceRules) -> int:
    """Where the noun at token ``j`` starts once a joined proclitic ("بطائرات") is left out."""
    token = doc.tokens[j]
    key = token.key
    if key in rules.nouns or key.split(" ")[0] in rules.nouns:
        return token.start
    for form in clitic_forms(key)[1:]:
        if any(n == form or n.startswith(form + " ") for n in rules.nouns):
            return _skip_letters(doc.text, token.start, len(key) - len(form))
    return token.start


def _skip_letters(text: str, start: int, letters: int) -> int:
    """The offset after ``letters`` letters from ``start`` (marks between them skipped)."""
    i = start
    while letters and i < len(text):
        i += 1
        if text[i - 1].isalpha():
            letters -= 1
    while i < len(text) and not text[i].isalnum() and not text[i].isspace():
        i += 1  # a mark after the last letter belongs to it
    return i
