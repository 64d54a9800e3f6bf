"""Sites: checkpoints, stations, airbases and other facilities, as places of their own.

Control is often claimed over a facility, not a town ("سيطرة الفصائل على حاجز ملوك",
"اقتحم الجيش الحر محطة القطارات الواقعة في حي القدم"). A facility word with its name
becomes a site of the place the text puts it in: a place in its name ("مخفر القدم"),
a place it is said to be in ("الواقعة في حي القدم"), or the place named just before.
A road's name is where it leads ("أوتوستراد درعا"), so that place is not a mention.
Two spellings of one facility of a city ("المنطقة الصناعية", "منطقة القابون
الصناعية") are one site. English puts the name before the head ("the Panorama
roundabout", "the 17th Division base", "the Mezzeh and Shayrat airbases"): it is read
backwards, and "the Euphrates dam fell to" names the dam, not "dam fell".
"""

from __future__ import annotations

import hashlib
import re
from typing import ClassVar

from conflictkg.extract.doc import Doc, Mention, SpanIndex, clitic_forms
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.matcher import Match, Matcher
from conflictkg.extract.model import Place
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
from conflictkg.extract.spelling import latin_key
from conflictkg.extract.units import OPENING_QUOTES, closing_quote
from conflictkg.extract.villages import names_before
from conflictkg.iris import slugify
from conflictkg.reference.gazetteers import Gazetteers, PlaceEntry

LIST_MAX = 12  # names after one plural head ("حواجز ...")
AFTER_TOKENS = 6  # a place this far after a site, behind "في"/"الواقعة في", holds it
BEFORE_TOKENS = 8  # else the place named this shortly before it in the sentence
CITY_PROMINENCE = 80
_POSSESSIVE = re.compile(r"['’]s\s+$")  # "Palmyra's airport": the place owns the facility
_OF = re.compile(r"\s+of\s+")  # "the airport of Palmyra"


class _Rules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("places", language)
        actors = patterns.section("actors", language)
        facilities = s.words("facilities") + s.words("definite_facilities")
        self.plurals = {normalize_key(k): normalize_key(v)
                        for k, v in s.mapping("facility_plurals").items()}
        self.matcher: Matcher[str] = s.matcher(
            facility=facilities, road=s.words("roads"), plural=list(self.plurals),
            unit=actors.words("numbered_units"))
        self.ordinals = actors.keys("ordinals")
        self.common = actors.keys("generic_first_words")  # "حواجز عسكرية": a kind, no name
        self.adjectives = s.keys("facility_adjectives") | self.ordinals
        self.numbered = s.keys("numbered_facilities")
        # the first words of compound names ("أبو", "تل", "عين"): the name goes on after them
        self.name_openers = s.keys("joined_prefixes") if language == "ar" else frozenset()
        self.units = actors.keys("numbered_units")
        self.institutions = s.keys("institution_facilities")
        self.appositions = s.keys("base_appositions") if language == "ar" else frozenset()
        self.base_role = (s.keys("base_role") | s.keys("place_role") | s.keys("locatives")
                          | s.keys("proximity"))
        victims = patterns.section("casualties", language).groups("victims")
        self.men = actors.keys("member_words") | frozenset(
            normalize_key(w) for group in ("fighters", "officers") for w in victims.get(group, ()))
        self.suffixes = {normalize_key(k): v for k, v in s.mapping("facility_suffixes").items()}
        self.qualifiers = frozenset(normalize_key(k) for k in s.groups("qualifiers"))
        self.joiners = actors.keys("name_joiners")  # "Khalid Ibn al-Walid mosque"
        self.articles = s.keys("name_articles") if language == "en" else frozenset()
        self.definite = s.keys("definite_facilities")
        self.bare = s.keys("bare_facilities") if language == "en" else frozenset()
        self.locatives = s.keys("locatives")
        self.proximity = s.keys("proximity")
        self.stops = patterns.section("actors", language).keys("name_stops") | self.locatives \
            | s.keys("proximity")


class SiteFinder:
    """Adds site places (and their mentions) to ``places`` and ``place_mentions``."""

    name: ClassVar[str] = "sites"
    requires: ClassVar[tuple[str, ...]] = ("place_mentions", "places", "actor_mentions",
                                           "source_mentions")
    assigns: ClassVar[tuple[str, ...]] = ("place_mentions", "places")

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._places = gazetteers.places
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("places")}
        self._site_names = {latin_key(n): e.key for e in gazetteers.places.values()
                            if e.level == "site" for n in e.names_en}

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        index = _Places(doc.place_mentions)
        actors = doc.index("actor_mentions")
        sources = doc.index("source_mentions")
        sites: list[tuple[int, int, str, PlaceEntry]] = []  # start, end, identity, parent
        for m in rules.matcher.find(doc.norm):
            kind = m.payloads[0]
            if doc.in_boilerplate(m.start):
                continue
            if doc.language == "en":  # "the Panorama roundabout": the name comes first
                sites += self._english(doc, m.start, m.end, kind, index, rules)
                continue
            if actors.at(m.start) and not (kind == "unit" or m.key in rules.institutions):
                continue  # a party's name, unless a branch or base of it is the place
            if m.key in rules.institutions and _owned(doc, m.start):
                continue  # "حاجزين لفرع الأمن العسكري": the branch owns them, it is not there
            if m.key in rules.numbered and (clitics().has_article(m.key) or sources.at(m.start)) \
                    and _numbered_base(doc, m.start, m.end, rules) is None:
                continue  # "وثق المرصد 82 عنصراً": the monitor and a count
            covering = [p for p in index.overlapping(m.start, m.end)
                        if p.start <= m.start and m.end <= p.end and not p.weak]
            if covering:
                if not self._named_past(doc, m, covering, index, rules):
                    continue  # the gazetteer knows it ("أوتوستراد درعا", "مطار المزة")
                # "والكلية الفنية الجوية": the facility's name goes on past a village
                # named as its head word alone (الكلية): the facility, not the village
                index.removed.update(id(p) for p in covering)
            if kind == "plural":  # "حواجز الزعلانة والضبعان": one site a name
                sites += self._listed(doc, m.end, rules.plurals[m.key], index, rules)
                continue
            if any(s <= m.start < e for s, e, _, _ in sites):
                continue  # "مقر الفرقة 17", "حاجز المدرسة الزراعية": inside a site's name
            if kind == "unit":  # "سيطرت على الفوج 46": the base, not the regiment
                end = _numbered_base(doc, m.start, m.end, rules)
            else:
                end = self._name_end(doc, m.end, m.key, index, rules)
            if end is None:
                continue
            if clitics().has_article(m.key) and end == m.end and " " not in m.key:
                continue  # a bare "المطار" is the one named before, not a site of its own
            known = self._known(doc, m.start, end, m.key, index.kept())
            if known is not None:  # "المنطقة الصناعية" after "القابون الصناعية"
                index.added.append(Mention(m.start, end, doc.text[m.start:end], known))
                continue
            inside = [p for p in index.starting(m.start, end) if p.end <= end]
            if m.payloads[0] == "road":
                index.removed.update(id(p) for p in inside)
                inside = []
            parent = inside[-1] if inside else self._parent(doc, m.start, end, index, rules)
            if parent is None:
                continue
            named = {w for p in inside for w in normalize_key(p.text).split()}
            words = [w for w in normalize_key(doc.text[m.start:end]).split() if w not in named]
            curated = self._curated(words, parent.key)
            if curated is not None:  # "المطار العسكري" of Deir ez-Zor: its military airport
                index.added.append(Mention(m.start, end, doc.text[m.start:end], curated))
                continue
            sites.append((m.start, end, " ".join(words), self._entry(doc, parent.key)))
        places = index.kept()
        sites += self._suffixed(doc, places, rules)
        doc.place_mentions = places
        kept: dict[str, list] = {}
        for p in places:
            if not p.weak:
                kept.setdefault(p.key, []).append(p.span)
        doc.places = {k: place for k, place in doc.places.items() if k in kept}
        for k in kept.keys() - doc.places.keys():  # a curated site named by its kind
            entry = self._places[k]
            doc.places[k] = Place(key=k, labels={"ar": entry.name_ar, "en": entry.name_en},
                                  admin1=entry.admin1_en, lat=entry.lat, lon=entry.lon,
                                  level=entry.level, parent=entry.parent)
        for k, place in doc.places.items():
            place.mentions = kept[k]
        for start, end, identity, parent in sites:
            self._add(doc, start, end, identity, parent)
        doc.place_mentions.sort(key=lambda m: (m.start, -m.end))

    def _english(self, doc: Doc, start: int, end: int, kind: str, places: _Places,
                 rules: _Rules) -> list[tuple[int, int, str, PlaceEntry]]:
        """English facilities, their names before the head: "the Panorama roundabout", "the
        17th Division base", "the national hospital" (a definite one with an adjective,
        of the town the report is at), "the Mezzeh, Khalkhalah and Shayrat airbases"."""
        text = doc.text
        if any(p.start <= start and end <= p.end and not p.weak
               for p in places.overlapping(start, end)):
            return []  # the gazetteer knows it ("Tishrin Dam", "Kuweires airbase")
        head = normalize_key(text[start:end])
        if kind == "plural":
            singular = rules.plurals[head]
            out = []
            for s, e in names_before(text, start - 1, True) if text[start - 1:start] == " " \
                    else []:
                if _owner(doc, s, e):
                    continue  # "SDF checkpoints and bases"
                known = self._site_names.get(latin_key(f"{text[s:e]} {singular}"))
                if known is not None:  # "the Mezzeh, Khalkhalah and Shayrat airbases"
                    places.added.append(Mention(s, e, text[s:e], known))
                    continue
                inside = [p for p in places.starting(s, e) if p.end <= e and not p.weak]
                parent = inside[-1] if inside else self._parent(doc, s, end, places, rules)
                if parent is not None:
                    out.append((s, e, f"{normalize_key(text[s:e])} {singular}",
                                self._entry(doc, parent.key)))
            return out
        first = self._english_name(doc, start, rules)
        owner = _possessor(doc, first, places) or _of_place(doc, first, end, places) \
            if kind != "road" and head in rules.definite else None
        if owner is not None:  # "Palmyra's airport", "the military airport of Deir ez-Zor"
            words = normalize_key(text[first:end]).split()
            span = (min(first, owner.start), max(end, owner.end))
            curated = self._curated(words, owner.key, english=True)
            if curated is not None:
                places.added.append(Mention(*span, text[span[0]:span[1]], curated))
                return []
            return [(*span, " ".join(words), self._entry(doc, owner.key))]
        if first == start and not (head in rules.bare and _after_the(doc, start)):
            return []  # a bare "the prison": the one named before, not a site of its own
        named = [p for p in places.starting(first, start) if p.end <= start and not p.weak]
        words = text[first:start].split()
        if words and not any(w[:1].isupper() for w in words) and (
                any(w[:1].isdigit() for w in words) or head not in rules.definite
                or text[max(0, first - 4):first].strip().lower() != "the"):
            return []  # "a military hospital", "the main square", "900 square metres"
        if _owner(doc, first, start):
            return []  # "an SDF checkpoint": whose it is, not its name
        parent = named[-1] if named and kind != "road" else self._parent(
            doc, first, end, places, rules)
        if parent is None:
            return []
        if kind == "road":
            places.removed.update(id(p) for p in named)
        words = [w for w in normalize_key(text[first:end]).split()
                 if not any(w in normalize_key(p.text).split() for p in named)]
        curated = self._curated(words, parent.key, english=True)
        if curated is not None:  # "the military airport" of Deir ez-Zor
            places.added.append(Mention(first, end, text[first:end], curated))
            return []
        return [(first, end, " ".join(words), self._entry(doc, parent.key))]

    def _english_name(self, doc: Doc, start: int, rules: _Rules) -> int:
        """Where an English facility's name starts: capitalised words, numbers and
        ordinals, a unit's name, adjectives of facilities before the head."""
        i = doc.token_index(start) - 1
        first = start
        while i >= 0:
            token = doc.tokens[i]
            if doc.text[token.end:first].strip(" -"):
                break
            written = doc.text[token.start:token.end]
            if not (written[:1].isupper() or written[:1].isdigit() or token.key in rules.adjectives
                    or token.key in rules.joiners or token.key in rules.articles) \
                    or token.key in ("the", "a", "an"):
                break
            if written[:1].isupper() and token.key in rules.stops:
                break
            first = token.start
            i -= 1
        return first

    def _named_past(self, doc: Doc, m: Match[str], covering: list[Mention], places: _Places,
                    rules: _Rules) -> bool:
        """Whether a definite facility word that a gazetteer place is named by alone goes on
        with adjectives of its own ("الكلية الفنية الجوية", not the village الكلية)."""
        if not clitics().has_article(m.key) or " " in m.key or any(
                (p.start, p.end) != (m.start, m.end) for p in covering):
            return False
        i = doc.token_index(m.end)
        following = doc.tokens[i] if i < len(doc.tokens) else None
        return (following is not None and not doc.text[m.end:following.start].strip()
                and (following.key in rules.adjectives or _nisba(following.key))
                and not places.overlapping(following.start, following.end))

    def _name_end(self, doc: Doc, end: int, head: str, places: _Places,
                  rules: _Rules) -> int | None:
        """Where the facility's name ends: its complement, a quoted name, an adjective."""
        text = doc.text
        complete = clitics().has_article(head) or " " in head  # "المنطقة الصناعية"
        i = doc.token_index(end)
        taken = 0
        stop = end
        previous = head
        opened = False
        while i < len(doc.tokens) and taken < 3:
            token = doc.tokens[i]
            gap = text[stop:token.start]
            if gap.strip() and not (gap.strip() in OPENING_QUOTES and taken):
                break
            if token.key.isdigit() and (previous in rules.units or head in rules.numbered):
                stop, taken, i = token.end, taken + 1, i + 1  # "مقر الفرقة 17", "النقطة 106"
                break
            if token.key in rules.stops or token.key.isdigit():
                break
            previous = token.key
            is_place = bool(places.overlapping(token.start, token.start + 1))
            if len(key := token.key) > 3 and key[0] == "و" and not is_place:
                break  # "معامل ومصانع": a list, not a name
            adjective = token.key in rules.adjectives or _nisba(token.key)
            if (taken or complete) and not (is_place or adjective or opened):
                break
            opened = token.key in rules.name_openers  # "مطار أبو الخير": أبو opens a name
            stop = token.end
            taken += 1
            i += 1
            if stop < len(text) and text[stop] in OPENING_QUOTES:
                close = closing_quote(text, stop, stop + 1)
                if close is not None:
                    stop = close + 1
        if stop < len(text) and text[stop:stop + 2].strip() and text[stop] in "”\"»":
            stop += 1
        return stop if (taken or complete) else None

    def _known(self, doc: Doc, start: int, end: int, head: str,
               places: list[Mention]) -> str | None:
        """A definite facility ("المنطقة الصناعية") that a gazetteer place of the document
        names by the same word ("القابون الصناعية"): that place."""
        if normalize_key(doc.text[start:end]) != head or " " not in head:
            return None  # only a bare definite facility, without a name of its own
        word = head.split()[-1]
        for p in places:
            entry = self._places.get(p.key)
            if p.weak or entry is None or p.start <= start < p.end:
                continue
            if any(word in normalize_key(n).split() for n in (p.text, *entry.names_ar)):
                return p.key
        return None

    def _parent(self, doc: Doc, start: int, end: int, places: _Places,
                rules: _Rules) -> Mention | None:
        sentence = doc.sentence_at(start)
        if sentence is None:
            return None
        for p in places.starting(end, sentence.end):
            between = doc.tokens_between(end, p.start)
            if len(between) > AFTER_TOKENS:
                break
            before = [t.key for t in between if not _qualifier(t.key, rules)]
            if before and any(f in rules.locatives or f in rules.proximity
                              for f in clitic_forms(before[-1])):
                return p
            if not before and doc.text[end:p.start].strip() == "" and between:
                return p
        earlier = [p for p in places.starting(sentence.start, start) if p.end <= start]
        if earlier and len(doc.tokens_between(earlier[-1].end, start)) <= BEFORE_TOKENS:
            return earlier[-1]
        # the town the report was at when it named the facility ("المشفى الوطني")
        before = [p for p in places.starting(0, start) if p.end <= start and self._local(p)]
        if before:
            return before[-1]
        return next((p for p in places.starting(end, sentence.end) if self._local(p)), None)

    def _entry(self, doc: Doc, key: str) -> PlaceEntry:
        """The gazetteer place of a key, or the one a place the gazetteer lacks lies in."""
        entry = self._places.get(key)
        return entry if entry is not None else self._places[doc.places[key].parent or ""]

    def _local(self, mention: Mention) -> bool:
        entry = self._places.get(mention.key)
        return entry is not None and entry.level in ("community", "neighbourhood") \
            and mention.text.strip() != ""

    def _curated(self, words: list[str], parent: str, english: bool = False) -> str | None:
        """The gazetteer's site of that kind at the parent: "المطار العسكري" at Deir ez-Zor
        is its military airport (a site whose names hold every word of the phrase)."""
        bare = set(map(clitics().without_article, words))
        if len(bare) < 2:
            return None
        entry = self._places.get(parent)
        town = entry if entry is None or entry.level != "neighbourhood" else \
            self._places.get(entry.parent or "")
        found = [c.key for c in self._places.children(town.key if town else parent)
                 if c.level == "site" and any(bare <= set(map(clitics().without_article,
                                                             normalize_key(n).split()))
                                              for n in (c.names_en if english else c.names_ar))]
        return found[0] if len(found) == 1 else None

    def _listed(self, doc: Doc, end: int, head: str, places: _Places,
                rules: _Rules) -> list[tuple[int, int, str, PlaceEntry]]:
        """The names after a plural head ("حواجز الزعلانة والضبعان والمداجن"), each a site
        of the place that holds them; a name is one word, or two when quoted."""
        out: list[tuple[int, int, str, int]] = []
        i = doc.token_index(end)
        stop = end
        while i < len(doc.tokens) and len(out) < LIST_MAX:
            token = doc.tokens[i]
            gap = doc.text[stop:token.start].strip()
            if gap not in ("", "،", ",") or token.key in rules.stops or token.key.isdigit():
                break
            key = token.key[1:] if out and token.key[:1] == "و" and len(token.key) > 3 \
                else token.key
            if (out and not gap and token.key[:1] != "و") or key in rules.stops or key in rules.common:
                break
            if any(doc.index(name).overlapping(token.start, token.end)
                   for name in ("actor_mentions", "source_mentions")):
                break  # "حواجز لقوات الأسد": whose they are
            named = places.overlapping(token.start, token.end)
            if named and not (out and key != token.key and _amid_list(doc, i, named)):
                break  # "حواجز في درعا": where they are
            places.removed.update(id(p) for p in named)  # "حواجز A والراعي وB": a name
            start = token.start + len(token.key) - len(key)
            out.append((start, token.end, f"{head} {key}", i))
            stop = token.end
            i += 1
        if not out:
            return []
        parent = self._parent(doc, out[0][0], out[-1][1], places, rules)
        if parent is None:
            return []
        entry = self._entry(doc, parent.key)
        return [(s, e, name, entry) for s, e, name, _ in out]

    def _suffixed(self, doc: Doc, places: list[Mention],
                  rules: _Rules) -> list[tuple[int, int, str, PlaceEntry]]:
        """"منطقة القابون الصناعية": a qualifier, a place, and a facility suffix."""
        out = []
        for p in places:
            i = doc.token_index(p.start)
            if i == 0 or i >= len(doc.tokens):
                continue
            head, after = doc.tokens[i - 1], doc.tokens_after(p.end, 1)
            if after and after[0].key in rules.suffixes and _qualifier(head.key, rules):
                start = head.start + (len(doc.text[head.start:head.end])
                                      - len(_bare(head.key, rules)))
                out.append((max(head.start, start), after[0].end,
                            normalize_key(rules.suffixes[after[0].key]), self._entry(doc, p.key)))
        return out

    def _add(self, doc: Doc, start: int, end: int, identity: str, parent: PlaceEntry) -> None:
        anchor = parent
        for ancestor in (parent, *self._places.ancestors(parent.key)):
            if ancestor.level == "community" and ancestor.prominence >= CITY_PROMINENCE:
                anchor = ancestor
                break
        name = " ".join(map(clitics().without_article, identity.split()))
        key = f"{anchor.key}-{_slug(name)}"
        written = " ".join(doc.text[start:end].replace("”", " ").replace("“", " ")
                           .replace("\"", " ").split())
        place = doc.places.get(key)
        if place is None:
            parent_name = parent.name_ar if doc.language == "ar" else (parent.name_en or "")
            label = written if normalize_key(parent_name) in normalize_key(written) \
                else f"{written}، {parent_name}" if doc.language == "ar" \
                else f"{written}, {parent_name}"
            labels: dict[str, str | None] = {"ar": None, "en": None}
            labels[doc.language] = label
            place = Place(key=key, labels=labels, admin1=parent.admin1_en, lat=parent.lat,
                          lon=parent.lon, level="site", curated=False, parent=anchor.key)
            doc.places[key] = place
        mention = Mention(start, end, doc.text[start:end], key)
        place.mentions.append(mention.span)
        doc.place_mentions.append(mention)


class _Places:
    """The place mentions as sites are found: some dropped (a road's name), some added."""

    def __init__(self, mentions: list[Mention]) -> None:
        self._index = SpanIndex(mentions)
        self.removed: set[int] = set()
        self.added: list[Mention] = []

    def starting(self, start: int, end: int) -> list[Mention]:
        return [p for p in self._index.starting(start, end) if id(p) not in self.removed]

    def overlapping(self, start: int, end: int) -> list[Mention]:
        return [p for p in self._index.overlapping(start, end) if id(p) not in self.removed]

    def kept(self) -> list[Mention]:
        return [p for p in self._index.items if id(p) not in self.removed] + self.added


def _amid_list(doc: Doc, i: int, named: list[Mention]) -> bool:
    """Whether the i-th token, a one-word place name joined by "و" inside a list after a
    plural facility head, is followed by another name joined by "و": the list goes on
    through it ("حواجز الزعلانة والراعي والمداجن"), so it names a facility too."""
    token = doc.tokens[i]
    if any(p.start < token.start or p.end > token.end for p in named):
        return False
    after = doc.tokens_after(token.end, 1)
    return bool(after) and not doc.text[token.end:after[0].start].strip() \
        and after[0].key[:1] == "و" and len(after[0].key) > 3 \
        and not doc.index("place_mentions").overlapping(after[0].start, after[0].end)


def _after_the(doc: Doc, start: int) -> bool:
    """Whether the word just before ``start`` is the English article "the"."""
    i = doc.token_index(start) - 1
    return i >= 0 and doc.tokens[i].key == "the" and not doc.text[doc.tokens[i].end:start].strip()


def _owned(doc: Doc, start: int) -> bool:
    """Whether the word at ``start`` carries the proclitic ل of belonging ("لفرع")."""
    token = doc.tokens[doc.token_at(start)] if doc.tokens else None
    return token is not None and token.start < start \
        and normalize_key(doc.text[token.start:start]).endswith("ل")


def _possessor(doc: Doc, first: int, places: _Places) -> Mention | None:
    """The place whose possessive opens an English facility's name ("Palmyra's airport")."""
    before = doc.text[max(0, first - 4):first]
    if not _POSSESSIVE.search(before):
        return None
    cut = first - len(_POSSESSIVE.search(before).group(0))
    return next((p for p in places.overlapping(max(0, cut - 1), cut)
                 if p.end == cut and not p.weak), None)


def _of_place(doc: Doc, first: int, end: int, places: _Places) -> Mention | None:
    """The place right after "of" behind a definite English facility with no name of its own
    before its head ("the airport of Palmyra", "the military airport of Deir ez-Zor")."""
    if not _after_the(doc, first) or any(w[:1].isupper() or w[:1].isdigit()
                                         for w in doc.text[first:end].split()):
        return None
    gap = _OF.match(doc.text, end)
    if gap is None:
        return None
    return next((p for p in places.starting(gap.end(), gap.end() + 1) if not p.weak), None)


def _owner(doc: Doc, start: int, end: int) -> bool:
    """Whether the one word before an English facility is a party's name ("SDF")."""
    tokens = doc.tokens_between(start, end)
    owners = doc.index("actor_mentions").overlapping(start, end)
    return len(tokens) == 1 and any(a.start <= tokens[0].start and tokens[0].end <= a.end
                                    for a in owners)


def _slug(name: str) -> str:
    """A site's slug: ASCII words as they are, a name with Arabic in it by its hash (so
    that "الفوج 46" and "اللواء 46" stay apart)."""
    if name.isascii():
        return slugify(name)
    return "ar-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def _numbered_base(doc: Doc, start: int, end: int, rules: _Rules) -> int | None:
    """Where "الفوج 46" ends when it names a base: a number or ordinal after the unit noun,
    and before it a word that puts something in a place ("على", "في", "مقر", "قرب")."""
    after = doc.tokens_after(end, 1)
    if not after or not (after[0].key.isdigit() or after[0].key in rules.ordinals):
        return None
    i = doc.token_at(start)
    before = doc.tokens[i - 1].key if i > 0 and doc.tokens[i].start >= start else \
        normalize_key(doc.text[doc.tokens[i].start:start]) if doc.tokens else ""
    if not any(f in rules.base_role for f in clitic_forms(before)) and before != "ب" \
            and not (before == "و" and _after_place(doc, start)) \
            and not _apposed_base(doc, after[0].end, rules):
        return None
    if before == "من" and i > 1 and _men(doc.tokens[i - 2].key, rules):
        return None  # "عنصران من الفرقة الرابعة": its men, not its base
    return after[0].end


def _men(key: str, rules: _Rules) -> bool:
    """Whether a word names men of a force ("عناصر", "ضابط"), in the dual too ("عنصران")."""
    return any(form in rules.men or (form[-2:] in ("ان", "ين") and form[:-2] in rules.men)
               for form in clitic_forms(key))


def _after_place(doc: Doc, start: int) -> bool:
    """Whether the word holding ``start`` ("واللواء") follows a place named just before it,
    with no punctuation between: a list of places the unit's base is one of."""
    i = doc.token_at(start)
    if i <= 0:
        return False
    previous = doc.tokens[i - 1]
    if doc.text[previous.end:doc.tokens[i].start].strip() \
            or doc.index("actor_mentions").overlapping(previous.start, previous.end):
        return False  # "قوات حلب واللواء 61": a party's name, parties listed
    return any(p.end == previous.end for p in doc.index("place_mentions").overlapping(
        previous.start, previous.end))


def _apposed_base(doc: Doc, end: int, rules: _Rules) -> bool:
    """Whether a comma and a word for a base follow ``end`` ("الفوج 46، القاعدة التي")."""
    after = doc.tokens_after(end, 1)
    return bool(after) and doc.text[end:after[0].start].strip() in ("،", ",") \
        and after[0].key in rules.appositions


def _nisba(key: str) -> bool:
    """A definite relative adjective ("السياسي", "الزراعية"): part of a facility's name."""
    return clitics().has_article(key) and len(key) > 5 and key.endswith(("ي", "يه"))


def _qualifier(key: str, rules: _Rules) -> bool:
    return any(f in rules.qualifiers for f in clitic_forms(key))


def _bare(key: str, rules: _Rules) -> str:
    return next((f for f in clitic_forms(key) if f in rules.qualifiers), key)
