"""Places the gazetteer lacks, announced by a head noun: "قرية شيران", "أحياء البدو والثكنة
والحدائق", "the village of Amarna", "the Kani Arban and Maqtala districts".

OCHA's list misses hamlets, farms, new quarters and Kurdish names. A head noun says that
the words after it (before it, in English) name a place of a kind, so a name nothing
else knows is still a place: a village, a quarter or a hill inside the place the
sentence puts it in ("جنوب سد تشرين", "بريف حلب الغربي", "south of Jarablus"), or else
near the place named last. A name of one word, or of two when its first word opens
names ("عين", "كاني", "خربة") or its second says which ("الشرقي", "الصغرى"), or when
it is a construct ("بستان الديوان"); each name of a list after a plural head
("قرى A وB وC"). Before a name is made a new place, the gazetteer is asked once more
for its spelling with the article toggled or at one letter's distance (a long name
only): a head noun makes such a reading safe.

A new place is keyed by its governorate (a quarter by its city) and its name without
articles, so that every report naming it in that governorate names one place.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from conflictkg.extract.doc import Doc, Mention, SpanIndex, clitic_forms
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.matcher import Matcher
from conflictkg.extract.model import Place
from conflictkg.extract.namesakes import near_governorate
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
from conflictkg.extract.spelling import ArabicNear, LatinIndex
from conflictkg.iris import slugify
from conflictkg.reference.gazetteers import PlaceEntry, Places

LIST_MAX = 15  # names after one plural head
NAME_WORDS = 3  # words of one name at most ("تل أبو دنة")
AFTER_TOKENS = 7  # a place this far after the name, behind "في"/"شمال", holds it
BEFORE_TOKENS = 12  # else the place named this shortly before it in the sentence
ELABORATION_TOKENS = 6  # words between a head and the "أبرزها" that opens its list
CITY_PROMINENCE = 80
_EN_ART = r"(?:[Aa]l|[Ee]l|[Aa]d|[Aa]s|[Aa]sh|[Aa]r|[Aa]z|[Aa]t|[Aa]n|[Ee]d|[Ee]s|[Ee]z|a)"
_EN_WORD = rf"(?:{_EN_ART}[-‑])?[A-Z][A-Za-z'’]*"
_EN_NAME = re.compile(rf"{_EN_WORD}(?:[ -]{_EN_WORD}){{0,{NAME_WORDS - 1}}}")
_EN_NAME_END = re.compile(rf"(?<![\w'’-])(?:{_EN_WORD}[ -]){{0,{NAME_WORDS - 1}}}{_EN_WORD}$")
_EN_JOINER = re.compile(r",? and |, ")
_EN_JOINER_END = re.compile(r"(?:,? and|,) $")
_EN_APPOSED = re.compile(r", (?:a|an|the) (?:[a-z-]+ ){0,3}$")  # "X, a small town" before its head

Lookup = Callable[[str], tuple[str, ...]]  # the gazetteer keys a normalised name has


@dataclass(frozen=True)
class Found:
    """A name a head noun announces: where it is, what kind of place, and the head."""

    start: int
    end: int
    level: str  # community, neighbourhood or site
    head_start: int
    head_end: int
    siblings: tuple[Mention, ...] = ()  # gazetteer places of the same list


class _Rules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("places", language)
        actors = patterns.section("actors", language)
        self.language = language
        heads = s.mapping("unknown_heads")
        self.levels = {normalize_key(k): v for k, v in heads.items()}
        self.after = s.keys("unknown_heads_after") if language == "en" else frozenset()
        self.heads: Matcher[str] = s.matcher(head=heads)
        self.duals = s.keys("dual_heads") if language == "ar" else frozenset()
        self.prefixes = s.keys("name_prefixes") if language == "ar" else frozenset()
        self.adjectives = s.keys("name_adjectives") if language == "ar" else frozenset()
        self.locatives = s.keys("locatives") | s.keys("proximity")
        self.relating = self.locatives | {w.split()[0] for w in self.locatives} \
            | ({"of"} if language == "en" else set())  # "the neighborhoods of Deir ez-Zor"
        self.directions = s.keys("directions")
        self.stops = (s.keys("not_names") | actors.keys("name_stops") | self.locatives
                      | self.directions | s.keys("countryside") | frozenset(self.levels)
                      | frozenset(normalize_key(k) for k in s.groups("qualifiers"))
                      | frozenset(normalize_key(k) for k in s.groups("anaphors"))
                      | s.keys("roads")
                      | frozenset(normalize_key(k) for k in s.mapping("nisba")))
        phrases = patterns.section("phrases", language)
        self.elaborations = phrases.keys("elaborations")
        self.stops |= phrases.keys("fillers")  # "وأجزاء واسعة من": no name
        casualties = patterns.section("casualties", language)
        self.stops |= casualties.keys("singular_victims") | frozenset(
            normalize_key(w) for words in casualties.groups("victims").values() for w in words)
        self.not_places = s.keys("not_places") if language == "en" else frozenset()

    def stopped(self, key: str) -> bool:
        """A word that names no place ("المدينة", "السوق", "أخرى", "طفل"), also after و: a
        second head joined to the first ("قرى ومناطق كفرنبودة والهبيط") is no name."""
        bare = key[1:] if self.language == "ar" and key.startswith("و") and len(key) > 3 else key
        return any(k in self.stops or clitics().without_article(k) in self.stops for k in {key, bare})


class UnknownPlaces:
    """Finds the places a head noun announces and the gazetteer does not know."""

    def __init__(self, patterns: Patterns, places: Places, lookup: Lookup, near: ArabicNear,
                 latin: LatinIndex) -> None:
        self._places = places
        self._lookup = lookup
        self._near = near
        self._latin = latin
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("places")}
        self._capitals = {e.admin1: e for e in places.values()
                          if e.level == "community" and e.prominence >= 90 and e.admin1}

    def find(self, doc: Doc, named: list[Mention]) -> tuple[list[Mention], list[Place]]:
        """Mentions of the places that head nouns announce (gazetteer places read again
        by their spelling, and new places), and the new places."""
        rules = self._rules.get(doc.language) or self._rules["ar"]
        index = SpanIndex(named)
        blocked = SpanIndex([*(d.span for d in doc.dates), *doc.source_mentions,
                             *(m for m in doc.actor_mentions if not m.weak)])
        found = self._english(doc, rules, index, blocked) if rules.language == "en" \
            else self._arabic(doc, rules, index, blocked)
        mentions: list[Mention] = []
        places: dict[str, Place] = {}
        read: set[tuple[int, int]] = set()
        for item in found:
            if (item.start, item.end) in read:
                continue  # "قرية وبلدة": the list of the first head
            read.add((item.start, item.end))
            container, explicit = self._container(doc, item, index, rules)
            if container is None:
                continue
            text = doc.text[item.start:item.end]
            known, listed = self._known(text, item.level, container, explicit)
            if known is not None:
                mentions.append(Mention(item.start, item.end, text, known.key))
            if known is not None or (listed and not explicit and not (
                    item.level == "neighbourhood"
                    and self._quarters_elsewhere(doc, item, index, container))):
                continue  # the gazetteer's, or one of its namesakes that nothing here says
            place = self._new(doc, text, item.level, container)
            if place is None:
                continue
            places.setdefault(place.key, place)
            mentions.append(Mention(item.start, item.end, text, place.key))
        return mentions, list(places.values())

    # --- reading names ----------------------------------------------------------------

    def _arabic(self, doc: Doc, rules: _Rules, index: SpanIndex,
                blocked: SpanIndex) -> Iterator[Found]:
        for head in rules.heads.find(doc.norm):
            if doc.in_boilerplate(head.start) or index.overlapping(head.start, head.end):
                continue
            level = rules.levels[head.key]
            i = doc.token_index(head.end)
            while i < len(doc.tokens) and any(  # "قرى وبلدات": heads in a row
                    f in rules.levels for f in clitic_forms(doc.tokens[i].key)[1:]):
                i += 1
            i = self._elaborated(doc, i, index, rules)  # "قرى عدة، أبرزها A وB"
            stop = doc.tokens[i - 1].end if i else head.end
            first = True
            items: list[Found] = []
            siblings: list[Mention] = []
            while i < len(doc.tokens):
                token = doc.tokens[i]
                gap = doc.text[stop:token.start].strip()
                joined = token.key[:1] == "و" and len(token.key) > 2 \
                    and token.key not in rules.prefixes  # "والدير", not "وادي"
                if first and gap:
                    break
                if not first and not (gap in ("", "،", ",") and (joined or gap)):
                    break  # the list is over
                if not first and gap and joined:
                    break  # "بلدة سرمدا، وتحصنت": a comma and "و" open a clause
                offset = 1 if not first and joined else 0
                start = token.start + offset
                known = [m for m in index.overlapping(start, token.end) if not m.weak]
                if known:  # a gazetteer place of the list: read on after it
                    siblings += known
                    stop = max(m.end for m in known)
                    i = doc.token_index(stop)
                    first = False
                    continue
                if blocked.overlapping(start, token.end) or rules.stopped(token.key):
                    break
                n = self._arabic_name(doc, i, token.key[offset:], first, rules)
                if not n:
                    break
                last = doc.tokens[i + n - 1]
                known = [m for m in index.overlapping(start, last.end) if not m.weak]
                if known:  # "مساكن هنانو": a gazetteer name in it
                    siblings += known
                    stop = max(last.end, *(m.end for m in known))
                    i = doc.token_index(stop)
                    first = False
                    continue
                second = head.key in rules.duals and len(items) + len(siblings) == 1
                if not first and n == 1 and not second \
                        and not self._listed(doc, i + 1, index, rules):
                    break  # "بلدة غباغب ومنعت الأهالي": a verb, not a second name
                items.append(Found(head.start if level == "site" and first else start, last.end,
                                   level, head.start, head.end))
                stop = last.end
                i += n
                first = False
            yield from (replace(f, siblings=tuple(siblings)) for f in items)

    @staticmethod
    def _elaborated(doc: Doc, i: int, index: SpanIndex, rules: _Rules) -> int:
        """Where the list starts when words that name none of it come first and an
        elaboration after a comma opens it ("قرى عدة، أبرزها", "28 قرية وبلدة في محيطها،
        من بينها")."""
        sentence = doc.sentence_at(doc.tokens[i].start) if i < len(doc.tokens) else None
        if sentence is None:
            return i
        for j in range(i, min(i + ELABORATION_TOKENS, len(doc.tokens))):
            token = doc.tokens[j]
            if token.start >= sentence.end or (j == i and index.overlapping(token.start,
                                                                              token.end)):
                break  # the head has a name of its own
            if j == i or "،" not in doc.text[doc.tokens[j - 1].end:token.start]:
                continue
            for n in (3, 2, 1):
                words = [t.key for t in doc.tokens[j:j + n]]
                if len(words) == n and any(" ".join((f, *words[1:])) in rules.elaborations
                                           for f in clitic_forms(words[0])):
                    return j + n
        return i

    def _arabic_name(self, doc: Doc, i: int, key: str, first: bool, rules: _Rules) -> int:
        """How many words from the i-th make a name (0: none). A name of one word that
        starts with the article, or opens names ("عين"), or says which ("الشرقي") may
        take a second; the first name after a head may be a construct ("بستان الديوان")."""
        token = doc.tokens[i]
        if not _arabic_word(key) or len(key) < 3 or rules.stopped(key) or _inflected(
                doc.text[token.start:token.end], key):
            return 0
        taken = 1
        previous = key
        for t in doc.tokens[i + 1:i + NAME_WORDS]:
            if doc.text[doc.tokens[i + taken - 1].end:t.start].strip() or not _arabic_word(t.key):
                break
            if t.key in rules.adjectives:
                taken += 1
            elif (previous in rules.prefixes or (
                    first and taken == 1 and not previous.startswith(clitics().article)
                    and t.key.startswith(clitics().article))) and not rules.stopped(t.key) \
                    and t.key[:1] != "و":
                taken += 1  # "عين قريع", "بستان الديوان": a construct
            else:
                break
            previous = t.key
        if taken == 1 and key in rules.prefixes:
            return 0
        return taken

    def _listed(self, doc: Doc, i: int, index: SpanIndex, rules: _Rules) -> bool:
        """Whether the word at ``i`` lets the name before it be one of a list: the list
        goes on ("و", "،"), or ends (punctuation, a place, a word that relates it)."""
        if i >= len(doc.tokens):
            return True
        token = doc.tokens[i]
        gap = doc.text[doc.tokens[i - 1].end:token.start].strip()
        if gap or token.key[:1] == "و" or index.overlapping(token.start, token.end):
            return True
        return any(f in rules.relating or f in rules.directions or f in rules.adjectives
                   for f in clitic_forms(token.key))

    def _english(self, doc: Doc, rules: _Rules, index: SpanIndex,
                 blocked: SpanIndex) -> Iterator[Found]:
        text = doc.text
        for head in rules.heads.find(doc.norm):
            if doc.in_boilerplate(head.start):
                continue
            level = rules.levels[head.key]
            following = doc.tokens_after(head.end, 1)
            before = head.key in rules.after and text[head.start - 1:head.start] == " " \
                and _EN_NAME_END.search(text, max(0, head.start - 80), head.start - 1) is not None
            if before:  # "the Kani Arban and Maqtala districts", "the Mishtenur hill"
                names = names_before(text, head.start - 1, head.key.endswith("s"))
            elif following and following[0].key == "of":  # "the villages of A, B and C"
                names = names_after(text, following[0].end)
            elif not head.key.endswith("s") and (apposed := _EN_APPOSED.search(
                    text, max(0, head.start - 40), head.start)) is not None:
                # "captured Kafranbel, a town in Idlib province": the name before the comma,
                # not a sentence's first word ("Separately, a village")
                names = [(a, b) for a, b in names_before(text, apposed.start(), False)
                         if (sentence := doc.sentence_at(a)) is not None and a > sentence.start]
            else:
                continue
            items: list[Found] = []
            siblings: list[Mention] = []
            for start, end in names:
                known = [m for m in index.overlapping(start, end) if not m.weak]
                if known and not (before and _tail_only(doc, start, end, known)):
                    siblings += known
                    continue
                if not self._english_ok(doc, start, end, rules, blocked):
                    break
                own = before and level == "site" and end == head.start - 1
                items.append(Found(start, head.end if own else end, level, head.start, head.end))
            yield from (replace(f, siblings=tuple(siblings)) for f in items)

    @staticmethod
    def _english_ok(doc: Doc, start: int, end: int, rules: _Rules, blocked: SpanIndex) -> bool:
        words = normalize_key(doc.text[start:end]).split()
        return bool(words) and not blocked.overlapping(start, end) and not any(
            w in rules.not_places or w in rules.stops for w in words) \
            and not doc.text[start:end].isupper()

    # --- where it is ------------------------------------------------------------------

    def _container(self, doc: Doc, item: Found, index: SpanIndex,
                   rules: _Rules) -> tuple[PlaceEntry | None, bool]:
        """The place the sentence puts the name in, and whether it says so: one named
        after it behind a locative ("في", "بريف", "شمال", "south of"); else where the
        gazetteer places of its list are, else the one named shortly before it or
        anywhere after it in the sentence, else the one named last before it."""
        sentence = doc.sentence_at(item.start)
        if sentence is None:
            return None, False
        for p in index.starting(item.end, sentence.end):
            if p.weak:
                continue
            between = doc.tokens_between(item.end, p.start)
            if len(between) > AFTER_TOKENS:
                break
            if any(f in rules.relating or f in rules.directions
                   for t in between for f in clitic_forms(t.key)) or _prefixed(doc, p) or (
                    between and between[0].key[:1] == "ب" and len(between[0].key) > 2):
                found = self._entry(p.key)
                if found is not None:
                    return found, True
        start = min(item.start, item.head_start)
        nearest = sorted(item.siblings, key=lambda p: abs(p.start - item.start))
        earlier = [p for p in index.starting(sentence.start, start) if not p.weak
                   and p.end <= start and len(doc.tokens_between(p.end, start)) <= BEFORE_TOKENS]
        later = [p for p in index.starting(item.end, sentence.end) if not p.weak]
        before = [p for p in index.before(start) if not p.weak and p.end <= start]
        # where the others of its list are; near it in the sentence ("the Mishtenur hill
        # overlooking Kobane"); where the report was
        for p in (*nearest, *reversed(earlier), *later, *reversed(before)):
            found = self._entry(p.key)
            if found is not None:
                return found, False
        return None, False

    def _entry(self, key: str) -> PlaceEntry | None:
        """A gazetteer place that may hold another in Syria (no country, no river)."""
        entry = self._places.get(key)
        if entry is None or entry.level == "country" or not entry.admin1:
            return None
        return None if self._places[entry.admin1].level == "country" else entry

    def _known(self, text: str, level: str, inside: PlaceEntry,
               explicit: bool) -> tuple[PlaceEntry | None, bool]:
        """The gazetteer's place of that name (spelt with the article toggled): the one in
        the container's governorate, or, where the text does not say, the only one of that
        kind; else a name one letter away (a long one) in that governorate. And whether
        the gazetteer has the name."""
        key = normalize_key(text)
        keys = list(self._latin.find(text)[0]) if text.isascii() else \
            [*self._lookup(key), *self._lookup(_toggled(key))]
        if keys:  # at a governorate's edge, a village is often said to be in the next one
            found = self._fitting(keys, level, inside.admin1) or self._fitting(
                [k for k in keys if near_governorate(self._places[k], self._places[inside.admin1])],
                level)
            return found or (None if explicit else self._fitting(keys, level)), True
        near = self._latin.near(text) if text.isascii() else self._near.near(key)
        return self._fitting(near, level, inside.admin1), False

    def _quarters_elsewhere(self, doc: Doc, item: Found, index: SpanIndex,
                            inside: PlaceEntry) -> bool:
        """Whether every namesake the gazetteer has of a quarter's name is a quarter of
        another governorate's city: "حي المحطة" of Daraa is not Homs's "المحطة", and a
        quarter's name (the station, the mosque) recurs from city to city. The city must
        be named in its sentence."""
        sentence = doc.sentence_at(item.start)
        if sentence is None or not any(m.key == inside.key and not m.weak for m in
                                       index.starting(sentence.start, sentence.end)):
            return False  # the city is not named with it
        key = normalize_key(doc.text[item.start:item.end])
        keys = [*self._lookup(key), *self._lookup(_toggled(key))]
        return bool(keys) and all(self._places[k].level == "neighbourhood"
                                  and self._places[k].admin1 != inside.admin1 for k in keys)

    def _fitting(self, keys: Iterable[str], level: str,
                 admin1: str | None = None) -> PlaceEntry | None:
        """The one place of ``keys`` of a level that fits (in the governorate named)."""
        fitting = {k: e for k in keys if (e := self._places[k]).level != "country"
                   and (admin1 is None or e.admin1 == admin1) and _fits(e.level, level)}
        return next(iter(fitting.values())) if len(fitting) == 1 else None

    # --- a new place ------------------------------------------------------------------

    def elsewhere(self, doc: Doc, start: int, end: int, governorate: str) -> Place | None:
        """A village the text puts in a governorate where the gazetteer's namesakes are not
        ("الزعفرانة بريف حمص", the only الزعفرانة being in Tartus): the governorate's."""
        inside = self._entry(governorate)
        return self._new(doc, doc.text[start:end], "community", inside) if inside else None

    def _new(self, doc: Doc, text: str, level: str, inside: PlaceEntry) -> Place | None:
        if not inside.admin1:
            return None
        parent = self._parent(inside, level)
        if parent is None:
            return None
        anchor = parent if level != "community" else self._places[inside.admin1]
        name = " ".join(map(clitics().without_article, normalize_key(text).split()))
        kind = {"community": "village", "neighbourhood": "quarter"}.get(level, "site")
        key = f"{anchor.key}-{kind}-{_slug(name)}"
        labels: dict[str, str | None] = {"ar": None, "en": None}
        labels[doc.language] = " ".join(text.split())
        return Place(key=key, labels=labels, admin1=parent.admin1_en, lat=parent.lat,
                     lon=parent.lon, level=level, curated=False, parent=parent.key)

    def _parent(self, inside: PlaceEntry, level: str) -> PlaceEntry | None:
        """What a new place of ``level`` lies in, given the place the text puts it in: a
        quarter in its city, a hill in the town, a village in the town's sub-district (a
        village near a town is no part of it) or in the larger area named."""
        chain = (inside, *self._places.ancestors(inside.key))
        if level == "neighbourhood":
            city = next((e for e in chain if e.level == "community"), None)
            if city is None and inside.level == "governorate":
                city = self._capitals.get(inside.key)
            return city
        if level == "site":
            return next((e for e in chain if e.level != "site"), None)
        return next((e for e in chain if e.level in ("subdistrict", "district", "governorate")),
                    None)


def names_after(text: str, position: int) -> list[tuple[int, int]]:
    """The names of a list that starts after ``position`` ("of A, B and C")."""
    out: list[tuple[int, int]] = []
    while text[position:position + 1] == " ":
        m = _EN_NAME.match(text, position + 1)
        if m is None:
            break
        out.append(m.span())
        joiner = _EN_JOINER.match(text, m.end())
        if joiner is None:
            break
        position = joiner.end() - 1
    return out


def names_before(text: str, end: int, plural: bool) -> list[tuple[int, int]]:
    """The names of a list that ends at ``end`` ("the A, B and C districts"), last first;
    one name before a singular head."""
    out: list[tuple[int, int]] = []
    while True:
        m = _EN_NAME_END.search(text, max(0, end - 80), end)
        if m is None:
            break
        start = m.start()
        for article in ("The ", "A ", "An "):  # a sentence's first word
            if text.startswith(article, start) and start + len(article) < end:
                start += len(article)
        out.append((start, end))
        joiner = _EN_JOINER_END.search(text, max(0, start - 6), start)
        if not plural or joiner is None:
            break
        end = joiner.start()
    return out


def _tail_only(doc: Doc, start: int, end: int, known: list[Mention]) -> bool:
    """Whether a gazetteer name is only the end of a longer name before a head noun ("the
    Tariq al-Sad neighborhood": a quarter of its own, not the village of Sad): one place
    inside the name, ending where it ends, with a capitalised word of the name before it."""
    if len(known) != 1 or known[0].start <= start or known[0].end != end:
        return False
    return any(w[:1].isupper() for w in doc.text[start:known[0].start].split())


def _toggled(key: str) -> str:
    """A name with the article taken off, or put on ("المشهد" / "مشهد")."""
    article = clitics().article
    return key[len(article):] if key.startswith(article) else article + key


def _fits(entry_level: str, level: str) -> bool:
    if level == "neighbourhood":
        return entry_level in ("neighbourhood", "community")
    if level == "community":
        return entry_level == "community"
    return True


def _prefixed(doc: Doc, p: Mention) -> bool:
    """Whether a place is written joined to "ب" or "في" ("بريف حلب", "بحلب")."""
    i = doc.token_at(p.start)
    token = doc.tokens[i] if doc.tokens else None
    return token is not None and token.start < p.start and \
        normalize_key(doc.text[token.start:p.start]).endswith("ب")


def _inflected(written: str, key: str) -> bool:
    """An adverb with tanween ("مؤكداً") or a noun with a pronoun ("سيطرتها"): no name."""
    return "ً" in written or key.endswith(("تها", "تهم", "هما"))


def _arabic_word(key: str) -> bool:
    return bool(key) and all("\u0621" <= c <= "\u064a" for c in key)


def _slug(name: str) -> str:
    if name.isascii():
        return slugify(name)
    return "ar-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
