"""Places named in the text: gazetteer names, kept or dropped, and told apart by context.

A village name is often a common word ("الشجرة", "جديدة") or is shared by places in
several governorates (جوبر in Damascus and in Homs). A name is kept when something
vouches for it: a head noun that says what it is ("حي القدم", "بلدة المشرفة"), its
prominence (a city, a district, a quarter of Damascus), a governorate named beside it
("صيدا، شرقي درعا", "حي برزة الدمشقي"), or other places of the document near it on
the map. Among namesakes, the one those clues favour wins.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from typing import ClassVar

from conflictkg.extract.areas import Countrysides
from conflictkg.extract.context import governorates_named
from conflictkg.extract.doc import Doc, Mention, SpanIndex, clitic_forms
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.matcher import Match, Matcher
from conflictkg.extract.model import Place
from conflictkg.extract.namesakes import (
    CITY_PROMINENCE,
    Anchors,
    Candidate,
    choose,
    far_from,
    near_siblings,
    one_sense,
)
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import PatternError, Patterns
from conflictkg.extract.spelling import ArabicNear, LatinIndex, generated, latin_key
from conflictkg.extract.villages import UnknownPlaces
from conflictkg.reference.gazetteers import Gazetteers, PlaceEntry

CAPITAL_PROMINENCE = 70  # a place abroad this prominent is a capital, named for its government
MIN_TOPIC = 3  # mentions of the town a report is about, for "the town" to skip one named in passing
MIN_LONE = 4  # folded letters of a one-word name read by its spelling: "War" is no Wa'er
MIN_SKELETON = 4  # consonants of a one-word name read by them alone, beside a place
MIN_SURE = 9  # folded letters of a longer name that need no context: not "Joe Biden"
SPAN_WORDS = 4  # words of a capitalised stretch that may name one place ("Khan al-Asal")
_ART = r"(?:al|el|ad|as|ash|ar|az|at|an|ed|es|ez|et|en|a)"
_WORD = rf"(?:{_ART}[- ])?[A-Z][A-Za-z'’]*"
_CAPITALISED = re.compile(rf"(?<![\w'’-]){_WORD}(?:[ -]{_WORD}){{0,{SPAN_WORDS - 1}}}")
_WORDS = re.compile(_WORD)
# The rest of a list of names and the plural head after it ("[Raqqa] and Hasakah provinces").
_EN_LISTED_HEAD = re.compile(rf"(?:(?:, ?(?:and )?| and ){_WORD}(?:[ -]{_WORD}){{0,2}}){{1,4}} ([a-z]+)\b")
_IN_AFTER = re.compile(r" in (?:the )?(?:[a-z-]+ ){0,2}")  # "X in northern Hama": where X is
_STAMP = re.compile(r"[\[(]?\d{1,2}[:.]\d{2}[\])]?(?:\s*[-–—|/]\s*)?|[-–—|/]?\s*[\[(]?\d{1,2}[:.]\d{2}[\])]?")
SITE = ("site",)
# levels of an area a town's name may also read as ("مدينة الرقة" -> the governorate): a head
# noun before it says no more than that the town is meant, not that the area is
AREA_LEVELS = frozenset({"governorate", "district"})
LIST_GAPS = ("و", "،", "، و", ",", "and", ", and")  # what stands between two names of a list
HELD_REACH = 7  # words after a name that may hold a frame of holding it ("is now under ... control")
MOVEMENT_TOKENS = 5  # words between a movement ("عاد") and the preposition of its place


class _Rules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("places", language)
        self.language = language
        self.qualifiers = {normalize_key(k): tuple(v) for k, v in s.groups("qualifiers").items()}
        self.facilities = s.keys("facilities")
        self.adjectives = s.keys("facility_adjectives")  # "الأثرية", "الدولي": what a place is
        self.nisba = {normalize_key(k): v for k, v in s.mapping("nisba").items()}
        self.anaphors = {normalize_key(k): tuple(v) for k, v in s.groups("anaphors").items()}
        self.locatives = s.keys("locatives")
        self.proximity = s.keys("proximity")
        self.role = s.keys("place_role") | self.locatives | self.proximity
        self.land = s.keys("land_nouns")
        self.movement = s.keys("movement_words")
        self.movement_prepositions = s.keys("movement_prepositions")
        self.joined = s.words("joined_prefixes") if language == "ar" else ()
        self.not_places = s.keys("not_places") if language == "en" else frozenset()
        # prepositions that open a capitalised stretch before a name ("In Damascus"), less
        # the articles a name may begin with ("At Tall")
        self.openers = frozenset(w for w in self.role | self.movement_prepositions if " " not in w) \
            - s.keys("name_articles") if language == "en" else frozenset()
        self.verbs = s.keys("place_verbs") if language == "en" else frozenset()
        self.verbs_after = s.keys("place_verbs_after") if language == "en" else frozenset()
        self.taking = s.keys("taking_verbs") | s.keys("taking_phrases") if language == "en" \
            else frozenset()
        self.held_after = {normalize_key(k): frozenset(map(normalize_key, v))
                           for k, v in s.groups("held_frames_after").items()} if language == "en" else {}
        self.place_only_after = self.verbs_after - s.keys("people_verbs_after") if language == "en" \
            else frozenset()
        self.times = patterns.section("phrases", language).keys("times")  # "بعد الظهر"
        self.directions = s.keys("directions")
        self.given_names = s.keys("given_names") if language == "ar" else frozenset()
        self.placing = self.locatives | self.proximity  # "في", "قرب": in the place after
        self.linking = self.placing | frozenset(self.qualifiers)
        # asked of every word after a name (:mod:`.context`): once a word, under its proclitics
        self.places_in_word = functools.lru_cache(maxsize=65536)(
            lambda key: not self.placing.isdisjoint(clitic_forms(key)))
        self.link_word = functools.lru_cache(maxsize=65536)(
            lambda key: not self.linking.isdisjoint(clitic_forms(key)) or (
                key[-1:] == "s" and key[:-1] in self.qualifiers))
        self.generic = (frozenset(self.qualifiers) | self.facilities | frozenset(self.anaphors)
                        | self.locatives | self.proximity)
        self.anaphor_matcher: Matcher[str] = s.matcher(anaphor=s.groups("anaphors"))
        self.not_names = s.keys("not_names") if language == "ar" else frozenset()
        self.name_prefixes = s.keys("name_prefixes") if language == "ar" else frozenset()
        self.clock_words = s.keys("clock_words") if language == "ar" else frozenset()
        self.speaking_for = s.keys("speaking_for") if language == "ar" else frozenset()


class PlaceFinder:
    """Gazetteer places, with context disambiguation; fills ``place_mentions`` and ``places``."""

    name: ClassVar[str] = "places"
    requires: ClassVar[tuple[str, ...]] = (
        "tokens", "sentences", "dates", "actor_mentions", "source_mentions", "record_places")
    assigns: ClassVar[tuple[str, ...]] = ("place_mentions", "places", "actor_mentions")

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._places = gazetteers.places
        self._stopnames = frozenset(normalize_key(s) for s in gazetteers.stopnames)
        # a place whose Arabic name is a common word is one in every language ("Assad")
        self._stopped = frozenset(e.key for e in gazetteers.places.values()
                                  if normalize_key(e.name_ar) in self._stopnames)
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("places")}
        for rules in self._rules.values():
            unknown = set(rules.nisba.values()) - set(gazetteers.places)
            if unknown:
                raise PatternError(f"places.yaml: nisba names unknown places {sorted(unknown)}")
        arabic = [(name, e.key) for e in gazetteers.places.values() for name in e.names_ar]
        latin = [(name, e.key) for e in gazetteers.places.values() for name in e.names_en]
        taken = frozenset(normalize_key(n) for n, _ in arabic + latin) | self._stopnames
        variants = generated(arabic, self._rules["ar"].joined, taken)
        self._matcher: Matcher[str] = Matcher([*arabic, *latin, *variants])
        self._countrysides = {lang: Countrysides(patterns.section("places", lang), self._places)
                              for lang in self._rules}
        # the places that may stand for a government, asked of every name of a document
        self._bound = frozenset(e.key for e in gazetteers.places.values() if self._role_bound(e))
        self._skeletons: dict[str, list[str]] = {}  # "msfr": Mseifra, al Musayfirah
        self._short_skeletons: dict[str, list[str]] = {}  # "mrk": Murak, read only when taken
        for name, key in latin:
            if len(skeleton := _skeleton(name)) >= MIN_SKELETON:
                self._skeletons.setdefault(skeleton, []).append(key)
            elif len(skeleton) == MIN_SKELETON - 1 and " " not in name:
                self._short_skeletons.setdefault(skeleton, []).append(key)
        self._latin = LatinIndex(latin)  # "Saraqeb", "Saraqib"; "Jarabulus", "Jarablus"
        # a place abroad is read by its own spellings only: "al-Orfi" folds like "Urfa"
        self._spellings = {e.key: frozenset(normalize_key(n) for n in e.names_en)
                           for e in gazetteers.places.values() if self._abroad(e.key)}
        self._unknown = UnknownPlaces(patterns, self._places, self._matcher.payloads,
                                      ArabicNear(arabic), self._latin)
        by_name: dict[str, list[str]] = {}
        for e in gazetteers.places.values():
            for name in (*e.names_ar, *e.names_en[:1]):
                by_name.setdefault(normalize_key(name), []).append(e.key)
        # a Latin spelling names what the place's names name in its governorate: the town
        # and its sub-district, whichever the gazetteer spells that way
        self._namesakes = {e.key: tuple(dict.fromkeys(
            k for name in (*e.names_ar, *e.names_en[:1]) for k in by_name[normalize_key(name)]
            if gazetteers.places[k].admin1 == e.admin1))
            for e in gazetteers.places.values()}

    def _matches(self, doc: Doc) -> list[Match[str]]:
        """Gazetteer names in the text, and in a record's places written run together."""
        found = self._matcher.find(doc.norm)
        if doc.language == "en":  # "has" is no Has, "RAMI" a byline: a name is capitalised
            qualifiers = self._rules["en"].qualifiers
            found = [m if m.key.split()[-1] in qualifiers  # "Idlib province": as it says
                     else m._replace(payloads=self._same(m.payloads)) for m in found
                     if not m.text.islower() and not _shouted(m.text)]
            spelled = self._spelled(doc, found)
            covered = {id(m) for s in spelled for m in found if _covers_shorter(s, m)}
            found = [m for m in found if id(m) not in covered] + spelled
        for span in doc.record_places:
            if any(m.start <= span.start < m.end for m in found):
                continue
            for m in self._matcher.find(span.text):
                found.append(Match(span.start + m.start, span.start + m.end, m.text,
                                   m.payloads, m.key))
        return sorted(found, key=lambda m: (m.start, -m.end))

    def _spelled(self, doc: Doc, found: list[Match[str]]) -> list[Match[str]]:
        """Capitalised names the gazetteer spells otherwise ("Khan Shaykhun" for "Khan
        Sheikhoun"), the longest first. A name of one word may be a person's or a
        people's ("Hassan", "Kurdish"): it must stand alone (not in "Joe Biden") and where a
        place does: after "in", "the village of", "seized", before "district", or in a list
        with a place ("Talbiseh, al-Rastan and Ter Maaleh")."""
        rules = self._rules["en"]
        taken = SpanIndex(found)
        sure: list[Match[str]] = []
        lone: list[Match[str]] = []
        fuzzy: list[Match[str]] = []  # one word with a gazetteer name's consonants
        lone_taken: list[Match[str]] = []  # one word of three consonants, taken ("seized Morek")
        short: list[Match[str]] = []  # one word of three folded letters ("Hass")
        dated = SpanIndex(d.span for d in doc.dates)
        for stretch in _CAPITALISED.finditer(doc.text):
            words = [(w.start(), w.end()) for w in _WORDS.finditer(doc.text, *stretch.span())]
            # "seized Qaryatayn Thursday": a date after a name is no word of it
            while words and dated.overlapping(*words[-1]):
                words.pop()
            # "In Damascus, ...": a preposition opening a sentence is no word of a name
            # (but "As Suwayda", "At Tall": an article written apart is)
            while words and (doc.text[words[0][0]:words[0][1]].lower() in ("the", "a", "an")
                             or normalize_key(doc.text[words[0][0]:words[0][1]]) in rules.openers):
                words = words[1:]
            i = 0
            while i < len(words):
                for j in range(len(words), i, -1):
                    start, end = words[i][0], words[j - 1][1]
                    text = doc.text[start:end]
                    if not _wider(start, end, taken.overlapping(start, end), j - i) \
                            or text.isupper() \
                            or not rules.not_places.isdisjoint(normalize_key(text).split()):
                        continue
                    single = j == i + 1
                    if single and ((len(words) > 1 and not self._headed(words, i, doc, rules))
                                   or (_opens(doc, start) and not _in_place_after(doc, end, taken)
                                       and not _fallen_after(doc, end, rules)
                                       and not _placed_elsewhere(doc, text, start, rules))):
                        continue  # "Joe Biden", "Hassan Nasrallah"; "Rebels" opening a line,
                        # but not "Morek in northern Hama fell": a place "in" a place, nor
                        # "Saraqeb was retaken": the subject of a place's fall, nor "Saraqeb
                        # was captured by the army" after "fighting around Saraqeb"
                    keys = [k for k in self._latin.find(text)[0]
                            if not self._abroad(k) or normalize_key(text) in self._spellings[k]]
                    folded = len(latin_key(text))
                    if single and not keys and folded >= MIN_LONE:
                        skeleton = _skeleton(text)
                        near = tuple(k for k in self._skeletons.get(skeleton, ()) if not self._abroad(k))
                        if near:
                            fuzzy.append(Match(start, end, text, near, normalize_key(text)))
                        else:  # "rebels seized Morek": a shorter skeleton, of one village, only
                            # as the object of a verb of taking
                            shorter = tuple(dict.fromkeys(
                                k for k in self._short_skeletons.get(skeleton, ()) if not self._abroad(k)))
                            probe = Match(start, end, text, shorter, normalize_key(text))
                            if len(shorter) == 1 and _taken(doc, probe, rules):
                                lone_taken.append(probe)
                    if keys and single and folded == MIN_LONE - 1:
                        short.append(Match(start, end, text, self._same(keys), normalize_key(text)))
                    if keys and not (single and folded < MIN_LONE):
                        match = Match(start, end, text, self._same(keys), normalize_key(text))
                        (lone if single or folded < MIN_SURE else sure).append(match)
                        i = j - 1
                        break
                i += 1
        kept = sorted(found + sure, key=lambda m: m.start)
        waiting = [m for m in lone if not ((_placed(doc, m, rules) or _in_place_after(doc, m.end, taken))
                                           and not kept.append(m))]  # "Saraqeb in Idlib province"
        while waiting:  # a list shares the role of the place in it
            listed = [m for m in waiting if any(_listed(doc, m, k) for k in kept)]
            if not listed:
                break
            kept += listed
            waiting = [m for m in waiting if m not in listed]
        # "Kafr Nabl, Hass and Kafr Sajna": a name too short to read alone, in a list
        # between two places
        kept += [m for m in short if any(k.end <= m.start and _listed(doc, m, k) for k in kept)
                 and any(k.start >= m.end and _listed(doc, m, k) for k in kept)]
        kept += [m for m in map(lambda m: self._beside(doc, m, kept, taken), fuzzy) if m is not None]
        kept += [m for m in lone_taken if not any(k.start < m.end and m.start < k.end for k in kept)]
        return [m for m in kept if m not in found]

    def _beside(self, doc: Doc, m: Match[str], kept: list[Match[str]],
                taken: SpanIndex) -> Match[str] | None:
        """A word whose consonants are a gazetteer name's, in a list beside a place or set
        "in" a place, read as the one of them in that place's governorate ("in Umm
        al-Mayadhin, al-Jiza and al-Musayfra" for Mseifra; "Jandairis, Rajo and Maabatli";
        "captured Kafranbel in southern Idlib" for Kafr Nabl): transliterations write short
        vowels or not, and the list or the place it is in says where to look."""
        around = [other for other in kept if _listed(doc, m, other)]
        if (inside := _place_after_in(doc, m.end, taken)) is not None:
            around.append(inside)
        regions = {self._places[k].admin1 for other in around
                   for k in other.payloads if k in self._places}
        near = [k for k in m.payloads if self._places[k].admin1 in regions]
        names = {self._namesakes_key(k) for k in near}
        return m._replace(payloads=self._same(near)) if near and len(names) == 1 else None

    def _namesakes_key(self, key: str) -> str:
        name = self._places[key].name_ar
        return clitics().without_article(normalize_key(name)) if name else key

    def _headed(self, words: list[tuple[int, int]], i: int, doc: Doc, rules: _Rules) -> bool:
        """Whether the words after the i-th of a capitalised stretch are a place's head
        noun ("Kani Arban District", "Deir Ezzor Province")."""
        rest = normalize_key(doc.text[words[i][1]:words[-1][1]]).split()
        return i == 0 and bool(rest) and all(w in rules.qualifiers or w.rstrip("s") in
                                             rules.qualifiers for w in rest)

    def _same(self, keys: Iterable[str]) -> tuple[str, ...]:
        """The places that share an Arabic name with one of ``keys``."""
        return tuple(dict.fromkeys(k for key in keys for k in self._namesakes[key]))

    def _abroad(self, key: str) -> bool:
        entry = self._places[key]
        country = self._places.get(entry.admin1 or "")
        return entry.level == "country" or (country is not None and country.level == "country")

    def _role_bound(self, entry: PlaceEntry) -> bool:
        """A country, or a capital abroad: names that stand for a government as often."""
        if entry.level == "country":
            return True
        country = self._places.get(entry.admin1 or "")
        return (country is not None and country.level == "country"
                and entry.prominence >= CAPITAL_PROMINENCE)

    def lookup(self, name: str) -> list[PlaceEntry]:
        """Gazetteer entries whose name is ``name`` (any spelling variant)."""
        return [self._places[k] for k in self._matcher.payloads(name)]

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        blocked = SpanIndex([*(d.span for d in doc.dates), *doc.source_mentions,
                             *(m for m in doc.actor_mentions if not m.weak)])
        candidates = []
        for m in self._matches(doc):
            if doc.in_boilerplate(m.start):
                continue
            entries = [self._places[k] for k in m.payloads]
            bound = [e for e in entries if e.key in self._bound]
            role = bool(bound) and _in_place_role(doc, m, rules)
            if role:  # "فر إلى تركيا": the country, not a village of that name
                entries = bound
            levels = _qualifier(doc, m, rules)
            if levels is not None and _describes_head(doc, m, rules):
                continue  # "ثلاث قرى جديدة": what the villages are, not one named
            if not role:  # "قالت أنقرة", "Turkish-backed": a government, not a place
                if bound:
                    entries = [e for e in entries if e.key not in self._bound]
                if not entries or any(
                        not _covers(m, b) and (levels is None or not isinstance(b, Mention))
                        for b in blocked.overlapping(m.start, m.end)):
                    continue  # a head noun makes a party's name a place: "قرية تركيا"
            elif any(b.start < m.start or m.end < b.end for b in blocked.overlapping(m.start, m.end)
                     if not isinstance(b, Mention) or not b.weak):
                continue  # "الدولة الإسلامية في العراق والشام": a word of a group's name
            if m.key in rules.generic or len(m.key) < 3 or _dateline(doc, m) or (
                    rules.clock_words and not rules.clock_words.isdisjoint(
                        clitic_forms(_previous(doc, m.start)))):
                continue  # "الساعة العاشرة بتوقيت دمشق": a clock's, no place
            if levels is None and not role and (m.key in self._stopnames
                                                or clitics().without_article(m.key) in rules.times
                                                or _adjective(doc, m, rules)
                                                or _family_name(doc, m, rules)
                                                or _speakers_name(doc, m, rules)):
                continue
            if levels is None and not role and doc.language != "ar":
                entries = [e for e in entries if e.key not in self._stopped]
                if not entries:
                    continue
            listed = any(r.start <= m.start and m.end <= r.end for r in doc.record_places)
            candidates.append(Candidate(m, entries, levels, listed=listed,
                                        taken=_taken(doc, m, rules)))
        _coordinate(doc, candidates)
        for i, c in enumerate(candidates):
            c.admin1 = governorates_named(doc, candidates, i, rules)
            c.elsewhere = far_from(c, [self._places[g] for g in c.admin1 if g in self._places])
        anchors = Anchors(candidates)
        for i, c in enumerate(candidates):
            c.chosen = choose(c, anchors, i)
        one_sense(candidates)
        _listed_near(doc, candidates)
        doc.place_mentions = [
            Mention(c.match.start, c.match.end, c.match.text, c.chosen.key)
            for c in candidates if c.chosen is not None
        ]
        doc.place_mentions = sorted(
            doc.place_mentions + self._countrysides[rules.language].find(doc, doc.place_mentions),
            key=lambda m: (m.start, -m.end))
        doc.places = {}
        for mention in doc.place_mentions:
            self.add(doc, mention)
        unknown, new = self._unknown.find(doc, doc.place_mentions)
        unknown += self._put_elsewhere(doc, candidates, new, SpanIndex(unknown))
        if unknown:  # "the Tariq al-Sad neighborhood": the quarter, not the village of Sad
            inner = {(m.start, m.end, m.key) for m in doc.place_mentions for u in unknown
                     if u.start <= m.start and m.end <= u.end and (m.start, m.end) != (u.start, u.end)}
            if inner:
                doc.place_mentions = [m for m in doc.place_mentions if (m.start, m.end, m.key) not in inner]
                kept = {m.key for m in doc.place_mentions}
                for key in {k for _, _, k in inner} - kept:
                    doc.places.pop(key, None)
                for key in {k for _, _, k in inner} & kept:
                    doc.places[key].mentions = [s for s in doc.places[key].mentions
                                                if (s.start, s.end, key) not in inner]
        for place in new:
            doc.places[place.key] = place
        for mention in unknown:
            if mention.key in self._places:
                self.add(doc, mention)
            else:
                doc.places[mention.key].mentions.append(mention.span)
        doc.place_mentions = sorted(doc.place_mentions + unknown, key=lambda m: (m.start, -m.end))
        taken = SpanIndex(doc.place_mentions)
        headed = {(c.match.start, c.match.end) for c in candidates
                  if c.chosen is not None and c.levels is not None}
        doc.actor_mentions = [m for m in doc.actor_mentions if not (
            (m.weak and taken.overlapping(m.start, m.end)) or (m.start, m.end) in headed)]
        doc.place_mentions = sorted(doc.place_mentions + self._anaphors(doc, rules),
                                    key=lambda m: (m.start, -m.end))

    def _put_elsewhere(self, doc: Doc, candidates: list[Candidate], new: list[Place],
                       read: SpanIndex) -> list[Mention]:
        """An explicit governorate beats the gazetteer: a name whose every namesake lies far
        from the one governorate the text puts it in is a village of that governorate (a
        name after a head noun is the village reader's: it has read it already), named
        with the word that opens it ("تل الخنازير" when only "الخنازير" is known)."""
        out = []
        rules = self._rules.get(doc.language) or self._rules["ar"]
        for c in candidates:
            if c.chosen is None and c.elsewhere and c.levels is None and len(c.admin1) == 1:
                start = _name_opener(doc, c.match.start, rules)
                if start < c.match.start and read.overlapping(start, c.match.end):
                    continue  # "قرية تل الخنازير": the village reader's
                (governorate,) = c.admin1
                place = self._unknown.elsewhere(doc, start, c.match.end, governorate)
                if place is not None:
                    if all(p.key != place.key for p in new):
                        new.append(place)
                    out.append(Mention(start, c.match.end, doc.text[start:c.match.end], place.key))
        return out

    def _anaphors(self, doc: Doc, rules: _Rules) -> list[Mention]:
        """"الحي", "المدينة", "the town": the last place of that kind named before (a weak
        mention: an anaphor)."""
        out = []
        places = SpanIndex(doc.place_mentions)
        landmarks: dict[int, bool] = {}  # id of a place -> a landmark: asked by every anaphor after it

        def landmark(p: Mention) -> bool:
            found = landmarks.get(id(p))
            if found is None:
                found = landmarks[id(p)] = _landmark(doc, p, rules)
            return found

        for m in rules.anaphor_matcher.find(doc.norm):
            if doc.in_boilerplate(m.start) or places.overlapping(m.start, m.end):
                continue
            following = doc.tokens_after(m.end, 1)
            if following and (following[0].key == "of" or places.overlapping(
                    following[0].start, following[0].end)):
                continue  # "the village of Tadif": a head noun, not an anaphor
            levels = rules.anaphors.get(m.key, ())
            earlier = [p for p in reversed(places.before(m.start))
                       if p.end <= m.start and not landmark(p)
                       and not _named_otherwise(doc, p, levels, rules)]
            head = clitics().without_article(m.key).split()[-1]  # "الحي" -> a place written "حي X"
            found = None
            paragraph = _paragraph(doc, m.start)
            for level in levels:  # a place written "حي X" first, then any of the level
                # a place the text wrote with the anaphor's own noun ("مدينة سراقب ... إلى
                # المدينة") is one of its kind, whatever the gazetteer's prominence says
                fitting = [p for p in earlier if _is_level(self._level(doc, p.key), level) or (
                    head in clitic_forms(_previous(doc, p.start))
                    and self._level(doc, p.key)[0] not in AREA_LEVELS)]
                found = next((p for p in fitting if head in clitic_forms(_previous(doc, p.start))),
                             None) or next(iter(fitting), None)
                if found is not None and _paragraph(doc, found.start) != paragraph and not any(
                        _paragraph(doc, p.start) == paragraph for p in earlier):
                    # "the town" opening a paragraph that names no place is the town the
                    # report is about, named most so far, not one the paragraph before
                    # named in passing ("since the town of X, 25 km to the south, fell")
                    named = [p for p in earlier if not p.weak and any(
                        _is_level(self._level(doc, p.key), v) for v in levels)]
                    counts = Counter(p.key for p in named)
                    top = max(counts, key=lambda k: counts[k], default=None)
                    if top is not None and counts[top] >= MIN_TOPIC and counts[top] > counts[found.key]:
                        found = next(p for p in named if p.key == top)
                if found is not None:
                    break
            headed = next((p for p in earlier if _headed(doc, p, head)
                           and self._level(doc, p.key)[0] not in AREA_LEVELS and not any(
                               _is_level(self._level(doc, p.key), v) for v in levels)), None)
            if headed is not None and (found is None or headed.start > found.start):
                found = headed  # "the village of X ... denied the village had fallen": X, though
                # the gazetteer has it as a neighbourhood; the text said what it is
            if found is not None and _paragraph(doc, found.start) != paragraph and \
                    found.key in self._places and self._abroad(found.key):
                # "the town" in a paragraph that names none is not a town abroad the
                # paragraph before named in passing ("a ceremony in Canakkale"), when the
                # report named one of that kind at home before it
                kind = self._level(doc, found.key)[0]
                found = next((p for p in earlier if p.key in self._places and not self._abroad(p.key)
                              and self._level(doc, p.key)[0] == kind and any(
                                  _is_level(self._level(doc, p.key), level) for level in levels)),
                             found)
            if found is not None:
                out.append(Mention(m.start, m.end, m.text, found.key, weak=True))
        return out

    def _level(self, doc: Doc, key: str) -> tuple[str, int]:
        """A place's level and prominence (a place the gazetteer lacks is a small one)."""
        entry = self._places.get(key)
        if entry is not None:
            return entry.level, entry.prominence
        return doc.places[key].level or "site", 0

    def add(self, doc: Doc, mention: Mention) -> Place | None:
        """Record a mention of a gazetteer place (creating its Place on first mention)."""
        place = doc.places.get(mention.key)
        if mention.weak:
            return place
        if place is None:
            entry = self._places[mention.key]
            place = Place(key=entry.key, labels={"ar": entry.name_ar, "en": entry.name_en},
                          admin1=entry.admin1_en, lat=entry.lat, lon=entry.lon,
                          level=entry.level)
            doc.places[mention.key] = place
        place.mentions.append(mention.span)
        return place


def _qualifier(doc: Doc, m: Match[str], rules: _Rules) -> tuple[str, ...] | None:
    """The levels a head noun right before the name allows ("حي" -> neighbourhood); a
    facility's name says what it is itself ("سد تشرين", "Kuweires airbase")."""
    words = m.key.split()
    if len(words) > 1 and (words[-1] if rules.language == "en" else words[0]) in rules.facilities:
        return SITE
    i = doc.token_index(m.start) - 1
    if i >= 0 and doc.tokens[i].end <= m.start:
        for form in clitic_forms(doc.tokens[i].key):
            if form in rules.qualifiers:
                return rules.qualifiers[form]
        if rules.language == "en" and doc.tokens[i].key == "of" and i > 0:
            levels = rules.qualifiers.get(doc.tokens[i - 1].key)
            if levels:
                return levels
    if rules.language == "en":
        j = doc.token_index(m.end)
        if j < len(doc.tokens) and doc.tokens[j].key in rules.qualifiers:
            return rules.qualifiers[doc.tokens[j].key]
        listed = _EN_LISTED_HEAD.match(doc.text, m.end)  # "Raqqa and Hasakah provinces"
        if listed and listed.group(1).endswith("s") and listed.group(1)[:-1] in rules.qualifiers:
            return rules.qualifiers[listed.group(1)[:-1]]
    return None


def _named_otherwise(doc: Doc, p: Mention, levels: tuple[str, ...], rules: _Rules) -> bool:
    """English: whether a place was named with a head noun of another kind than an anaphor
    stands for ("the western province of Canakkale" is no "the town" after it)."""
    if rules.language != "en":
        return False
    i = doc.token_index(p.start) - 1
    heads = [doc.tokens[i - 1].key] if i > 0 and doc.tokens[i].key == "of" else []
    j = doc.token_index(p.end)
    heads += [doc.tokens[j].key] if j < len(doc.tokens) and doc.tokens[j].start >= p.end else []
    allowed = {"community" if level in ("city", "town") else level for level in levels}
    for head in heads:
        named = rules.qualifiers.get(head)
        if named and "any" not in named and allowed.isdisjoint(named):
            return True
    return False


def _shouted(text: str) -> bool:
    """A word in capitals (a byline's name, a heading), not an acronym like "M5"."""
    return text.isupper() and sum(c.isalpha() for c in text) >= 4


def _placed(doc: Doc, m: Match[str], rules: _Rules) -> bool:
    """Whether an English word stands where a place does: after "in", "near", "village
    of", a verb of taking or striking, before a verb of falling ("Saraqeb had fallen") or a
    head noun ("the al-Zuhur district")."""
    i = doc.token_index(m.start)
    before = doc.tokens[i - 1].key if i else ""
    after = doc.tokens_after(m.end, 1)
    phrases = (" ".join(t.key for t in doc.tokens[i - n:i]) for n in (2, 3) if i >= n)
    following = doc.tokens_after(m.end, 3)
    return (before in rules.role or before in rules.verbs or before == "of"
            or any(" ".join(t.key for t in following[:n]) in rules.verbs_after for n in (1, 2, 3))
            or _held_after(doc, m.end, rules)
            or any(phrase in rules.role for phrase in phrases)  # "advanced on", "closed in on"
            or before in rules.qualifiers or (bool(after) and (
                after[0].key in rules.qualifiers or after[0].key.rstrip("s") in rules.qualifiers)))


def _taken(doc: Doc, m: Match[str], rules: _Rules) -> bool:
    """Whether an English name is the object of a verb of taking or leaving a place ("the
    army entered Tafas", "withdrew from Adra"), the subject of its fall ("Tafas fell",
    "Tafas was retaken") or of a frame of holding ("Tafas is under rebel control"): said of a
    place, not of a person."""
    if doc.language != "en":
        return False
    i = doc.token_index(m.start)
    before = (" ".join(t.key for t in doc.tokens[max(i - n, 0):i]) for n in (1, 2, 3) if i >= n)
    return any(phrase in rules.taking for phrase in before) or _fallen_after(doc, m.end, rules)


def _skeleton(name: str) -> str:
    """A Latin name's folded key without its vowels: where transliterations write a short
    vowel or not ("Musayfra", "Mseifra"; "Maabatli", "Ma'btali")."""
    key = latin_key(name)
    return key[:1] + key[1:].replace("a", "")


def _listed(doc: Doc, m: Match[str], other: Match[str]) -> bool:
    """Whether two names are neighbours in a list ("A, B and C")."""
    first, second = (other, m) if other.start < m.start else (m, other)
    return doc.text[first.end:second.start].strip(" ,") in ("", "and", "or") \
        and 0 < second.start - first.end <= 6


def _in_place_after(doc: Doc, end: int, taken: SpanIndex) -> bool:
    """Whether "in", past an article and adjectives, and a gazetteer name follow ``end`` ("in
    northern Hama", "in the Idlib countryside")."""
    return _place_after_in(doc, end, taken) is not None


def _place_after_in(doc: Doc, end: int, taken: SpanIndex) -> Match[str] | None:
    """The gazetteer name after "in", an article and adjectives past ``end``, if any."""
    m = _IN_AFTER.match(doc.text, end)
    if m is None:
        return None
    return next((t for t in taken.overlapping(m.end(), m.end() + 1) if t.start == m.end()), None)


def _fallen_after(doc: Doc, end: int, rules: _Rules) -> bool:
    """Whether a verb only a place is the subject of follows ``end`` ("was retaken", "had
    fallen"): a word opening a sentence before it is a place, not a person."""
    following = doc.tokens_after(end, 3)
    return any(" ".join(t.key for t in following[:n]) in rules.place_only_after
               for n in (1, 2, 3)) or _held_after(doc, end, rules)


def _held_after(doc: Doc, end: int, rules: _Rules) -> bool:
    """Whether a frame of holding follows ``end`` within a few words ("is now under government
    control", "remains in rebel hands"): said of a place."""
    ahead = doc.tokens_after(end, HELD_REACH)
    return any(t.key in rules.held_after and any(
        a.key in rules.held_after[t.key] for a in ahead[k + 1:k + 4]) for k, t in enumerate(ahead[:3]))


def _placed_elsewhere(doc: Doc, text: str, start: int, rules: _Rules) -> bool:
    """Whether a word opening a sentence before a passive said of people too ("Saraqeb was
    captured by the army") stands elsewhere in the document where a place does, not opening
    a sentence ("fighting around Saraqeb", "the town of Saraqeb"): one name, one sense in a
    report, as "Hassan" of "Hassan Ahmed" is a person's throughout."""
    following = doc.tokens_after(start + len(text), 3)
    if not any(" ".join(t.key for t in following[:n]) in rules.verbs_after for n in (1, 2, 3)):
        return False
    for other in re.finditer(rf"(?<![\w'’-]){re.escape(text)}(?![\w'’-])", doc.text):
        if other.start() != start and not _opens(doc, other.start()) \
                and _placed(doc, Match(other.start(), other.end(), text, (), normalize_key(text)), rules):
            return True
    return False


def _opens(doc: Doc, start: int) -> bool:
    """Whether ``start`` is the first word of a sentence or line."""
    sentence = doc.sentence_at(start)
    return sentence is None or sentence.start == start or doc.text[:start].rstrip(" \t")[-1:] \
        in ("\n", "")


def _wider(start: int, end: int, inside: list[Match[str]], words: int) -> bool:
    """Whether a spelled name of ``words`` words over ``[start, end)`` may be read: where
    no name was found, or where it wholly holds shorter ones it outgrows ("Khan" in "Khan
    Sheikhoun"): the longest reading wins, as it does among the gazetteer's own names."""
    return not inside or (words > 1 and all(
        start <= m.start and m.end <= end and m.end - m.start < end - start for m in inside))


def _covers_shorter(longer: Match[str], m: Match[str]) -> bool:
    return longer.start <= m.start and m.end <= longer.end and m.end - m.start < longer.end - longer.start


def _covers(m: Match[str], other: object) -> bool:
    """Whether a place name is longer than another name inside it ("Hmeimim Air Base" over
    the source "Hmeimim"): the longer name is the place."""
    start, end = other.start, other.end  # type: ignore[attr-defined]
    return m.start <= start and end <= m.end and end - start < m.end - m.start


def _in_place_role(doc: Doc, m: Match[str], rules: _Rules) -> bool:
    """Whether the words before a name put something in it ("إلى لبنان", "بتركيا", "the
    border with Turkey"), or the name says so itself ("الأراضي التركية")."""
    words = m.key.split()
    if len(words) > 1 and (words[0] in rules.land or words[-1] in rules.land):
        return True
    i = doc.token_at(m.start)
    if doc.tokens and doc.tokens[i].start < m.start <= doc.tokens[i].end:  # "بتركيا"
        return "ب" in normalize_key(doc.text[doc.tokens[i].start:m.start])
    before = [t.key for t in doc.tokens[max(0, i - 3):i]]
    for n in range(1, len(before) + 1):
        words = before[-n:]
        if any(" ".join((form, *words[1:])) in rules.role for form in clitic_forms(words[0])):
            return True
    # "عاد اللاجئون من لبنان", "refugees returned home from Lebanon": a movement, then
    # its preposition right before the name
    if before and any(f in rules.movement_prepositions for f in clitic_forms(before[-1])):
        return any(f in rules.movement for t in doc.tokens[max(0, i - MOVEMENT_TOKENS):i - 1]
                   for f in clitic_forms(t.key))
    return False


def _is_level(place: tuple[str, int], level: str) -> bool:
    """A gazetteer level, or "city" / "town": a community above or below a city's prominence."""
    kind, prominence = place
    if level in ("city", "town"):
        city = kind == "community" and prominence >= CITY_PROMINENCE
        return city if level == "city" else kind == "community" and not city
    return kind == level


def _dateline(doc: Doc, m: Match[str]) -> bool:
    """"دمشق-سانا": where an agency filed the report from, not where anything happened;
    "09:10 حلب": a page's time stamp and section."""
    line_start = doc.text.rfind("\n", 0, m.start) + 1
    line_end = doc.text.find("\n", m.end)
    line = doc.text[line_start:len(doc.text) if line_end < 0 else line_end]
    if _STAMP.fullmatch(line.replace(m.text, " ", 1).strip()):
        return True
    if doc.text[line_start:m.start].strip():
        return False
    rest = doc.text[m.end:m.end + 3]
    dash = len(rest) - len(rest.lstrip(" -–—")) if rest.lstrip(" ")[:1] in "-–—" else 0
    return bool(dash) and any(s.start == m.end + dash for s in doc.source_mentions)


def _landmark(doc: Doc, p: Mention, rules: _Rules) -> bool:
    """A place named only as a landmark of another, after a word of proximity and its head
    noun ("جديدة الفضل، الملاصقة لبلدة جديدة عرطوز", "near the village of X"): not what a
    later "البلدة" / "the town" stands for."""
    i = doc.token_at(p.start)
    k = i - 1 if doc.tokens[i].start >= p.start else i  # the word before the name's own
    head = k
    while head >= 0 and i - head <= 3 and doc.tokens[head].key not in rules.proximity and (
            clitics().without_article(doc.tokens[head].key) in rules.qualifiers or doc.tokens[head].key in (
                "the", "of") or any(f in rules.qualifiers for f in clitic_forms(doc.tokens[head].key)[1:])):
        head -= 1  # "لبلدة", "the village of"
    if head < 0:
        return False
    word = doc.tokens[head].key
    glued = doc.tokens[head + 1].key if head + 1 < len(doc.tokens) else ""
    pair = f"{doc.tokens[head - 1].key} {word}" if head else word
    return word in rules.proximity or pair in rules.proximity or (
        glued.startswith("ل") and f"{word} ل" in rules.proximity)


def _paragraph(doc: Doc, offset: int) -> int | None:
    """The paragraph an offset is in, or None."""
    sentence = doc.sentence_at(offset)
    return sentence.paragraph if sentence is not None else None


def _headed(doc: Doc, p: Mention, head: str) -> bool:
    """Whether a place was named after ``head`` ("حي X", "the village of X")."""
    i = doc.token_index(p.start) - 1
    if i >= 0 and head in clitic_forms(doc.tokens[i].key):
        return True
    return i > 0 and doc.tokens[i].key == "of" and doc.tokens[i - 1].key == head


def _previous(doc: Doc, start: int) -> str:
    """The word before ``start`` (normalised), or ''."""
    i = doc.token_index(start) - 1
    return doc.tokens[i].key if i >= 0 else ""


def _adjective(doc: Doc, m: Match[str], rules: _Rules) -> bool:
    """"المظاهرات السلمية": a one-word definite name right after a definite noun; "مدينة
    تدمر الأثرية": an adjective of description right after any word."""
    if " " in m.key or not clitics().has_article(m.key):
        return False
    i = doc.token_index(m.start) - 1
    if i < 0 or doc.text[doc.tokens[i].end:m.start].strip():
        return False
    if m.key in rules.adjectives:
        return True
    previous = doc.tokens[i].key
    return clitics().has_article(previous) and len(previous) > 3 and not any(
        f in rules.generic for f in clitic_forms(previous))


def _name_opener(doc: Doc, start: int, rules: _Rules) -> int:
    """Arabic: where a name starts that opens with a word of names ("تل", "كفر", "أم") right
    before the one the gazetteer knows ("تل الخنازير"), or ``start``."""
    i = doc.token_index(start) - 1
    if not rules.name_prefixes or i < 0 or doc.text[doc.tokens[i].end:start].strip():
        return start
    return doc.tokens[i].start if doc.tokens[i].key in rules.name_prefixes else start


def _describes_head(doc: Doc, m: Match[str], rules: _Rules) -> bool:
    """Arabic: a one-word name that is a word of description ("جديدة") right after its head
    noun and as definite as it ("قرى جديدة", "القرى الجديدة"; not "بلدة الجديدة"): an
    adjective of the head."""
    if " " in m.key or not rules.not_names:
        return False
    bare = clitics().without_article(m.key)
    if bare not in rules.not_names and m.key not in rules.not_names:
        return False
    i = doc.token_index(m.start) - 1
    if i < 0 or doc.text[doc.tokens[i].end:m.start].strip():
        return False
    head = clitics().without_conjunctions(doc.tokens[i].key)
    return clitics().has_article(head) == clitics().has_article(m.key)


def _speakers_name(doc: Doc, m: Match[str], rules: _Rules) -> bool:
    """"الناطق باسم وحدات حماية الشعب ريدور خليل": a one-word name in the first two words
    after a party a speaker speaks for ("باسم" before it) is the speaker's own name."""
    if not rules.speaking_for or " " in m.key:
        return False
    i = doc.token_at(m.start)
    if i >= len(doc.tokens) or doc.tokens[i].start < m.start:
        return False  # "باسم الفصائل بإدلب": a preposition joined to the name
    for back in (1, 2):
        if i - back < 0:
            return False
        before = doc.tokens[i - back]
        party = [a for a in doc.index("actor_mentions").overlapping(before.start, before.end)
                 if a.end <= m.start and not a.weak]
        if party:
            k = doc.token_index(party[0].start) - 1
            return k >= 0 and doc.tokens[k].key in rules.speaking_for
        if rules.role.intersection(clitic_forms(before.key)):
            return False  # "باسم الفصائل في إدلب": a place the party is in
    return False


def _family_name(doc: Doc, m: Match[str], rules: _Rules) -> bool:
    """"محمد الجاسم": a one-word definite name right after a given name is a person's."""
    if not rules.given_names or " " in m.key or not clitics().has_article(m.key):
        return False
    i = doc.token_index(m.start) - 1
    if i < 0 or doc.text[doc.tokens[i].end:m.start].strip():
        return False
    pair = f"{doc.tokens[i - 1].key} {doc.tokens[i].key}" if i else ""
    return doc.tokens[i].key in rules.given_names or pair in rules.given_names


def _listed_near(doc: Doc, candidates: list[Candidate]) -> None:
    """A name of a list that nothing vouched for is the namesake near the places of its list
    ("على كل من أم جلال والخريبة والربيعة")."""
    joined = [doc.text[a.match.end:b.match.start].strip() in LIST_GAPS
              for a, b in itertools.pairwise(candidates)]
    for i, c in enumerate(candidates):
        if c.chosen is not None:
            continue
        siblings: list[PlaceEntry] = []
        k = i
        while k > 0 and joined[k - 1]:
            k -= 1
            if candidates[k].chosen is not None:
                siblings.append(candidates[k].chosen)
        k = i
        while k < len(joined) and joined[k]:
            k += 1
            if candidates[k].chosen is not None:
                siblings.append(candidates[k].chosen)
        c.chosen = near_siblings(c, siblings)


def _coordinate(doc: Doc, candidates: list[Candidate]) -> None:
    """A list after a plural head shares it: "مدينتي تدمر والقريتين", "محافظات درعا والسويداء"."""
    for prev, cur in itertools.pairwise(candidates):
        if cur.levels is None and prev.levels is not None:
            gap = doc.text[prev.match.end:cur.match.start].strip()
            if gap in LIST_GAPS:
                cur.levels = prev.levels
