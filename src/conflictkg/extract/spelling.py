"""Spellings of a place name that the gazetteer does not list, in Arabic and in Latin script.

Reports write one village many ways: run together ("معرشمشة" for "معر شمشة"), with or
without the article ("الشيخ إدريس", "شيخ إدريس"), with the adjective agreeing otherwise
("الصغيرة" for "الصغير"), with a final alef for ta marbuta or hamza ("السمرا", "الحمرا"),
and, in English, in a dozen transliterations ("Khan Sheikhoun", "Khan Shaykhun"; "Deir
ez-Zor", "Deir al-Zour"; "Ma'arrat", "Maaret"). Arabic variants are generated from the
gazetteer's names and matched like them; Latin names are compared on a folded key that
keeps the consonants and where the vowels fall, and a long name may differ from its key
by one letter more ("Jarabulus" for "Jarablus"); letters one Arabic letter is spelt by
fold together (sch/ch/sh, q/k, gh/g, dh/th/z, dj/j). Short names get no edit distance: too
many villages differ by one letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rapidfuzz.distance import Levenshtein

from conflictkg.extract.lexicon import clitics
from conflictkg.extract.normalize import normalize_key

MIN_VARIANT = 5  # letters: a shorter generated spelling is likely some other word
MIN_FUZZY_AR = 7  # letters (spaces aside) before an Arabic name may be misspelt by one
MIN_FUZZY_LATIN = 8  # folded letters before a Latin name may differ by one
MIN_NEAR = 5  # letters (folded, or spaces aside) of a name a head noun announces, read at one edit

_LATIN_ARTICLE = re.compile(
    r"(?:^|(?<=[\s-]))(?:al|el|ul|il|a|e|ad|ed|ar|er|as|es|ash|esh|at|et|az|ez|an|en|the)"
    r"(?:-|\s+(?=\S))")
_VOWELS = re.compile(r"[aeiou]+")
_GLIDE = re.compile(r"(?<=[aeiou])[yw](?![aeiou])")  # "ay" in Shaykhun, "aw" in Hawla
_DOUBLE = re.compile(r"([a-z])\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")  # Hamidiyeh, Hamidiya
_NON_LETTER = re.compile(r"[^a-z\s]")
_EZ = re.compile(r"\s[aeiou]([b-df-hj-np-tv-z])\1")  # "Deir Ezzor": the article joined
_JOINED_ARTICLE = re.compile(r"\s(?:al|el)(?=[b-df-hj-np-tv-z]{1,2}[aeiou])")  # "Marj elSultan"
# one Arabic letter, several Latin spellings: ش sch/ch (German, French), ق q/k, غ gh/g,
# ذ ظ ث dh/th/z, ج dj/j
_CONSONANTS = re.compile(r"sch|ch|dh|th|gh|dj|q")
_CONSONANT = {"sch": "sh", "ch": "sh", "dh": "z", "th": "z", "gh": "g", "dj": "j", "q": "k"}


def arabic_variants(key: str, joined: frozenset[str]) -> Iterator[str]:
    """Other spellings of a normalised Arabic name: run together after a short first word
    or a prefix such as معر, تل, كفر, or apart after one (its ة written ت when joined:
    "معرتحرمة"); ظ written ض; the article on or off its first word; its final
    adjective in the other gender; a final alef for ه or اء."""
    words = key.split()
    if len(words) == 2 and (words[0] in joined or len(words[0]) <= 2):
        yield words[0] + words[1]
    if len(words) == 1:  # and apart: "كفرنبوده" -> "كفر نبوده", "معرتحرمه" -> "معره حرمه"
        for prefix in sorted(joined, key=len, reverse=True):
            written = prefix[:-1] + "ت" if prefix.endswith("ه") and key.startswith(prefix[:-1] + "ت") \
                else prefix
            if key.startswith(written) and len(key) - len(written) >= 3:
                yield prefix + " " + key[len(written):]
                break
    if len(words) > 1:
        first, article = words[0], clitics().article
        toggled = first[len(article):] if first.startswith(article) \
            else None if first in joined else article + first
        if toggled and len(toggled) > 2:
            yield " ".join([toggled, *words[1:]])
        last = words[-1]
        if last.startswith(article) and len(last) >= 5:
            other = last[:-1] if last.endswith("يه") else last + "ه" if last.endswith("ي") \
                else last[:-1] if last.endswith("ه") and last[-2] == "ر" else None
            if other is None and last.endswith("ر"):
                other = last + "ه"  # الصغير / الصغيرة, الكبير / الكبيرة
            if other:
                yield " ".join([*words[:-1], other])
    if "ظ" in key:  # "أبو الضهور" for أبو الظهور: ظ is often written ض
        yield key.replace("ظ", "ض")
    if key.endswith("اء") and len(key) > 4:
        yield key[:-1]
    elif key.endswith("ه") and len(key) > 4:
        yield key[:-1] + "ا"


def generated(names: Iterable[tuple[str, str]], joined: Iterable[str],
              taken: frozenset[str]) -> list[tuple[str, str]]:
    """(variant, payload) for every name's variants that no name or stopname has already."""
    prefixes = frozenset(normalize_key(p) for p in joined)
    out: dict[str, set[str]] = {}
    for name, payload in names:
        for variant in arabic_variants(normalize_key(name), prefixes):
            if len(variant.replace(" ", "")) >= MIN_VARIANT and variant not in taken:
                out.setdefault(variant, set()).add(payload)
    return [(variant, payload) for variant, payloads in out.items() for payload in sorted(payloads)]


def latin_key(name: str) -> str:
    """A Latin name folded to its consonants and the places of its vowels: articles, case,
    accents, apostrophes, doubled letters, vowel quality and a final -h after a vowel do
    not count ("Ma'arrat al-Numan", "Maarat an-Nouman" -> the same key)."""
    text = normalize_key(name).replace("'", "").replace("’", "").replace("`", "")
    text = " ".join(_NON_LETTER.sub(" ", text.replace("-", "- ")).split())
    text = _EZ.sub(lambda m: " " + m.group(1), text)
    text = _LATIN_ARTICLE.sub("", text)
    text = _JOINED_ARTICLE.sub(" ", text)
    text = _CONSONANTS.sub(lambda m: _CONSONANT[m.group(0)], text)
    text = _FINAL_H.sub("", text)
    text = _GLIDE.sub("", text)
    text = _DOUBLE.sub(r"\1", text.replace(" ", ""))
    return _VOWELS.sub("a", text)


class LatinIndex:
    """Gazetteer payloads by the folded key of their Latin names; long keys also found at
    one edit from a text's key."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self._exact: dict[str, list[str]] = {}
        for name, payload in names:
            key = latin_key(name)
            if len(key) >= 3 and payload not in self._exact.get(key, ()):
                self._exact.setdefault(key, []).append(payload)
        self._sized: dict[tuple[str, int], list[str]] = {}  # every key, built on first use
        self._long: dict[tuple[str, int], list[str]] = {}
        for key in self._exact:
            if len(key) >= MIN_FUZZY_LATIN:
                self._long.setdefault((key[0], len(key)), []).append(key)

    def near(self, name: str) -> list[str]:
        """The payloads of every name one edit from ``name`` (a folded key of five letters
        or more; one letter for another below eight, "Tronba" for "Tromba"): for a name a
        head noun announces, to be narrowed by where it is."""
        key = latin_key(name)
        if len(key) < MIN_NEAR:
            return []
        return [p for k in self._by_size(key) if Levenshtein.distance(k, key, score_cutoff=1) <= 1
                and (len(k) == len(key) or len(key) >= MIN_FUZZY_LATIN) for p in self._exact[k]]

    def _by_size(self, key: str) -> list[str]:
        if not self._sized:
            for k in self._exact:
                self._sized.setdefault((k[0], len(k)), []).append(k)
        return [k for size in (len(key) - 1, len(key), len(key) + 1)
                for k in self._sized.get((key[0], size), ())]

    def find(self, name: str) -> tuple[list[str], bool]:
        """The payloads whose names fold like ``name``, and whether they are only near it."""
        key = latin_key(name)
        if key in self._exact:
            return self._exact[key], False
        if len(key) < MIN_FUZZY_LATIN:
            return [], False
        near = [k for size in (len(key) - 1, len(key), len(key) + 1)
                for k in self._long.get((key[0], size), ())
                if Levenshtein.distance(k, key, score_cutoff=1) <= 1]
        if len(near) != 1:
            return [], False  # none, or several: a guess between villages is no reading
        return self._exact[near[0]], True


class ArabicNear:
    """Long Arabic names one letter away from a word of the text (a misspelt village)."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self._payloads: dict[str, list[str]] = {}
        self._by_size: dict[tuple[str, int], list[str]] = {}
        for name, payload in names:
            key = normalize_key(name)
            size = len(key.replace(" ", ""))
            if size < MIN_FUZZY_AR:
                continue
            if key not in self._payloads:
                self._by_size.setdefault((_initial(key), size), []).append(key)
            if payload not in self._payloads.setdefault(key, []):
                self._payloads[key].append(payload)

    def near(self, text: str) -> list[str]:
        """The payloads of every long name one edit from ``text`` (spaces aside): for a
        name a head noun announces, to be narrowed by where it is."""
        return [p for k in self._keys_near(normalize_key(text)) for p in self._payloads[k]]

    def find(self, text: str) -> tuple[str, list[str]] | None:
        """The one long name one edit from ``text`` (spaces aside), and its payloads."""
        near = self._keys_near(normalize_key(text))
        if len(near) != 1:
            return None
        return near[0], self._payloads[near[0]]

    def _keys_near(self, key: str) -> list[str]:
        bare = key.replace(" ", "")
        size = len(bare)
        if size < MIN_FUZZY_AR:
            return []
        return sorted({k for n in (size - 1, size, size + 1)
                       for k in self._by_size.get((_initial(key), n), ())
                       if Levenshtein.distance(k.replace(" ", ""), bare, score_cutoff=1) <= 1})


def _initial(key: str) -> str:
    return clitics().without_article(key)[:1]
