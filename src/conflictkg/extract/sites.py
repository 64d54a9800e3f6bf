"""Sites: checkpoints, stations, airbases and other facilities, as places of their own.

Control is often claimed over a facility, not a town ("سيطرة الفصائل على حاجز ملوك",
"اقتحم الجيش الحر محطة القطارات الواقعة في حي القدم"). A facility word with its name
becomes a site of the place the text puts it in: a place in its name ("مخفر القدم"),
a place it is said to be in ("الواقعة في حي القدم"), or the place named just before.
A road's name is where it leads ("أوتوستراد درعا"), so that place is not a mention.
Two spellings of one facility of a city ("المنطقة الصناعية", "منطقة القابون
الصناعية") are one site.
"""

from __future__ import annotations

from typing import ClassVar

from conflictkg.extract.doc import Doc, Mention, SpanIndex, clitic_forms
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.matcher import Matcher
from conflictkg.extract.model import Place
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
from conflictkg.extract.units import OPENING_QUOTES, closing_quote
from conflictkg.iris import slugify
from conflictkg.reference.gazetteers import Gazetteers, PlaceEntry

AFTER_TOKENS = 6  # a place this far after a site, behind "في"/"الواقعة في", holds it
BEFORE_TOKENS = 8  # else the place named this shortly before it in the sentence
CITY_PROMINENCE = 80


class _Rules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("places", language)
        self.matcher: Matcher[str] = s.matcher(facility=s.words("facilities"),
                                               road=s.words("roads"))
        self.adjectives = s.keys("facility_adjectives")
        self.suffixes = {normalize_key(k): v for k, v in s.mapping("facility_suffixes").items()}
        self.qualifiers = frozenset(normalize_key(k) for k in s.groups("qualifiers"))
        self.locatives = s.keys("locatives")
        self.stops = patterns.section("actors", language).keys("name_stops") | self.locatives \
            | s.keys("proximity")


class SiteFinder:
    """Adds site places (and their mentions) to ``places`` and ``place_mentions``."""

    name: ClassVar[str] = "sites"
    requires: ClassVar[tuple[str, ...]] = ("place_mentions", "places", "actor_mentions")
    assigns: ClassVar[tuple[str, ...]] = ("place_mentions", "places")

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._places = gazetteers.places
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("places")}

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        index = _Places(doc.place_mentions)
        actors = doc.index("actor_mentions")
        sites: list[tuple[int, int, str, PlaceEntry]] = []  # start, end, identity, parent
        for m in rules.matcher.find(doc.norm):
            if doc.in_boilerplate(m.start) or actors.at(m.start):
                continue
            if any(p.start <= m.start and m.end <= p.end and not p.weak
                   for p in index.overlapping(m.start, m.end)):
                continue  # the gazetteer knows it ("أوتوستراد درعا", "مطار المزة")
            end = self._name_end(doc, m.end, m.key, index, rules)
            if end is None:
                continue
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
            sites.append((m.start, end, " ".join(words), self._places[parent.key]))
        places = index.kept()
        sites += self._suffixed(doc, places, rules)
        doc.place_mentions = places
        kept: dict[str, list] = {}
        for p in places:
            if not p.weak:
                kept.setdefault(p.key, []).append(p.span)
        doc.places = {k: place for k, place in doc.places.items() if k in kept}
        for k, place in doc.places.items():
            place.mentions = kept[k]
        for start, end, identity, parent in sites:
            self._add(doc, start, end, identity, parent)
        doc.place_mentions.sort(key=lambda m: (m.start, -m.end))

    def _name_end(self, doc: Doc, end: int, head: str, places: _Places,
                  rules: _Rules) -> int | None:
        """Where the facility's name ends: its complement, a quoted name, an adjective."""
        text = doc.text
        complete = clitics().has_article(head) or " " in head  # "المنطقة الصناعية"
        i = doc.token_index(end)
        taken = 0
        stop = end
        while i < len(doc.tokens) and taken < 3:
            token = doc.tokens[i]
            gap = text[stop:token.start]
            if gap.strip() and not (gap.strip() in OPENING_QUOTES and taken):
                break
            if token.key in rules.stops or token.key.isdigit():
                break
            is_place = bool(places.overlapping(token.start, token.start + 1))
            if len(key := token.key) > 3 and key[0] == "و" and not is_place:
                break  # "معامل ومصانع": a list, not a name
            if taken and not (is_place or token.key in rules.adjectives):
                break
            if complete and not (is_place or token.key in rules.adjectives):
                break
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
            if before and any(f in rules.locatives for f in clitic_forms(before[-1])):
                return p
            if not before and doc.text[end:p.start].strip() == "" and between:
                return p
        earlier = [p for p in places.starting(sentence.start, start) if p.end <= start]
        if earlier and len(doc.tokens_between(earlier[-1].end, start)) <= BEFORE_TOKENS:
            return earlier[-1]
        return None

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
                            normalize_key(rules.suffixes[after[0].key]), self._places[p.key]))
        return out

    def _add(self, doc: Doc, start: int, end: int, identity: str, parent: PlaceEntry) -> None:
        anchor = parent
        for ancestor in (parent, *self._places.ancestors(parent.key)):
            if ancestor.level == "community" and ancestor.prominence >= CITY_PROMINENCE:
                anchor = ancestor
                break
        name = " ".join(map(clitics().without_article, identity.split()))
        key = f"{anchor.key}-{slugify(name)}"
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


def _qualifier(key: str, rules: _Rules) -> bool:
    return any(f in rules.qualifiers for f in clitic_forms(key))


def _bare(key: str, rules: _Rules) -> str:
    return next((f for f in clitic_forms(key) if f in rules.qualifiers), key)
