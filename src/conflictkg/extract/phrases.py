"""Lists of places in a noun phrase: the object of a verb read as a list, not one name.

The object of "took" or "سيطرت على" is rarely one name right after the verb. It is a
list ("قرى A وB وC", "the villages of A, B and C"), a generic noun whose items follow
("عدة مواقع، أبرزها A وB", "several positions, including A"), coordinated phrases
("على بلدة A، وعلى قريتي B وC", "the town of A and the B airport"), with adjectives,
counts and determiners between the names ("the northern town of A", "28 قرية وبلدة"),
and with places that are not items but where the items are ("في ريف إدلب", "بريف حلب",
"شرقي درعا", "north of Raqqa", "near A", "Aleppo's"): those are context.

:class:`PhraseReader` walks the words after a given offset and sorts the place mentions
it meets into items and context until the list ends: at a subordinator or relative
pronoun ("بعد", "التي", "after", "which"), at a clause that opens with an unknown word
after a coordinator (a verb: "وقصفت"), or after too many words it cannot place. A name
the gazetteer lacks does not end a list ("وحيردركل" between two villages it knows), so
one unknown village does not lose the villages after it. The words are data
(the bundle's ``mappings/patterns/phrases.yaml``, with the head nouns and locative words of
``places.yaml``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from conflictkg.extract.doc import Doc, Mention, Token, clitic_forms
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns

MAX_GAP = 3  # words in a row the reader cannot place before the list is taken to have ended
FIRST_WITHIN = 4  # such words allowed before the first item
MAX_NAME_WORDS = 3  # words of a name the gazetteer lacks, between two items of a list
MAX_UNKNOWN_NAMES = 4  # such names in a row before the list is taken to have ended
LOCATIVE_FILLERS = 3  # English: articles and adjectives between a locative and its name ("in the northern")
LOCATED_REACH = 80  # characters before a name of direction in which the place it locates ends
_PUNCT_LIST = "،,:;"
_APOSTROPHES = "'’"

# categories of words
COORDINATOR, ELABORATION, FILLER, GENERIC, STOP, TIME, CONTEXT, NEAR, HEAD, POSSESSIVE = (
    "coordinator", "elaboration", "filler", "generic", "stop", "time", "context", "near", "head",
    "possessive")


@dataclass
class Phrase:
    """What a list holds: its items (places taken, left, entered), the places that are only
    where those are (context), and where the list ends in the text."""

    items: list[Mention] = field(default_factory=list)
    context: list[Mention] = field(default_factory=list)  # where the items are ("في ريف حلب")
    near: list[Mention] = field(default_factory=list)  # landmarks ("قرب", "near", "أبناء X")
    end: int = 0
    counted: bool = False  # an unnamed count or generic noun stood for items ("أربع قرى")
    elaborated: bool = False  # the items were announced ("أبرزها", "including")


class PhraseReader:
    """Reads lists of places in one language's text."""

    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("phrases", language)
        places = patterns.section("places", language)
        self.capitalised = bool(s.raw("capitalised_names"))
        self._words: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        # later lists win over earlier ones for the same words
        for category, words in ((FILLER, s.words("fillers")), (GENERIC, s.words("generic_heads")),
                                (TIME, s.words("times")), (STOP, s.words("stops")),
                                (HEAD, tuple(places.groups("qualifiers"))),
                                (CONTEXT, places.words("locatives")),
                                (NEAR, places.words("proximity") + s.words("owners") + s.words("directions")
                                 + s.words("destinations") + s.words("roads")),
                                (COORDINATOR, s.words("coordinators")),
                                (ELABORATION, s.words("elaborations")),
                                (POSSESSIVE, s.words("possessives"))):
            for word in words:
                key = tuple(normalize_key(word).split())
                if key:
                    entries = self._words.setdefault(key[0], [])
                    entries[:] = [e for e in entries if e[0] != key]
                    entries.append((key, category))
        for entries in self._words.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.time_words = frozenset(normalize_key(w) for w in s.words("times"))
        self.regions = frozenset(normalize_key(w) for w in s.words("regions"))
        self.settlements = frozenset(normalize_key(w) for w in s.words("settlements"))
        self.suffixes = tuple(sorted(s.words("pronoun_suffixes"), key=len, reverse=True))  # longest first
        # asked of most words a phrase reads: once a word
        self.possessed_generic = functools.lru_cache(maxsize=65536)(self._possessed_generic)
        # the category of each word of the document last read (its readers ask again)
        self._categories: tuple[Doc, dict[int, tuple[str | None, int, bool]]] | None = None

    # --- words -------------------------------------------------------------------------

    def category(self, doc: Doc, i: int) -> tuple[str | None, int, bool]:
        """The category of the words at token ``i``, how many tokens they take, and whether
        the first carries the conjunction "و" ("وأبرزها", "وعلى"): read once a word of a
        document (the readers of changes and places ask of the same words again)."""
        memo = self._categories
        if memo is None or memo[0] is not doc:
            memo = self._categories = (doc, {})
        found = memo[1].get(i)
        if found is None:
            found = memo[1][i] = self._category(doc, i)
        return found

    def _category(self, doc: Doc, i: int) -> tuple[str | None, int, bool]:
        tokens = doc.tokens
        first = tokens[i].key
        for form in clitic_forms(first):
            for words, category in self._words.get(form, ()):
                n = len(words)
                if i + n <= len(tokens) and all(tokens[i + k].key == words[k] for k in range(1, n)):
                    return category, n, form != first and first.startswith("و")
        if self.possessed_generic(first):
            return GENERIC, 1, False  # "مواقعها", "نقاطه": its positions, a generic noun still
        if first.startswith("و") and len(first) > 1:
            rest = first[1:]
            if rest.isdigit():
                return FILLER, 1, True
        if first.isdigit():
            return FILLER, 1, False
        return None, 1, False

    def unsuffixed(self, key: str) -> str:
        """A word without the pronoun joined to its end ("مواقعها": "مواقع"), if any."""
        for suffix in self.suffixes:
            if key.endswith(suffix) and len(key) > len(suffix) + 2:
                return key[:-len(suffix)]
        return key

    def _possessed_generic(self, key: str) -> bool:
        """Whether a word is a generic noun with a possessive pronoun ("مواقعها", "نقاطه")."""
        stem = self.unsuffixed(key)
        return stem != key and any(category == GENERIC for form in clitic_forms(stem)
                                   for words, category in self._words.get(form, ()) if len(words) == 1)

    def opener_between(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a word that opens another clause ("كما", "فيما", "while") or a stop that
        ends a phrase stands in ``[start, end)``."""
        i, stop = doc.token_index(start), doc.token_index(end)
        while i < stop:
            category, n, _ = self.category(doc, i)
            if category == STOP and not self.is_time(doc.tokens[i].key):
                return True
            i += n
        return False

    def is_region(self, key: str) -> bool:
        return not self.regions.isdisjoint(clitic_forms(key))

    def is_time(self, key: str) -> bool:
        return not self.time_words.isdisjoint(clitic_forms(key))

    # --- reading -----------------------------------------------------------------------

    def read(self, doc: Doc, start: int, limit: int, *, stop_at: frozenset[int] = frozenset(),
             lam_is_object: bool = False) -> Phrase:
        """The list that starts at ``start`` and ends at the latest at ``limit``."""
        tokens = doc.tokens
        places = doc.index("place_mentions")
        actors = doc.index("actor_mentions")
        phrase = Phrase(end=start)
        i = doc.token_index(start)
        in_context = False
        landmark = False  # the context is a landmark ("قرب X"), not where the items are
        conjunct = True  # the next word opens an item of the list
        joined_since = True  # a coordinator, comma or elaboration since the last item
        unconfirmed = False  # an item that opened with an unknown word (a name, or a verb)
        name_words = 0  # the words of that item so far ("وبستان الديوان": two)
        names_in_row = 0  # such items since the last item the reader knows
        named = False  # English: a capitalised unknown word in this item ("the Baba Amr district")
        of_context = False  # "... district of": the place after "of" is where the item is
        gap = unknown_before_first = 0
        previous_end = start
        last: Mention | None = None
        while i < len(tokens) and tokens[i].start < limit:
            t = tokens[i]
            between = doc.text[previous_end:t.start]
            if i and t.start in stop_at and t.start > start:
                break
            comma = bool(between.strip()) and any(c in between for c in _PUNCT_LIST)
            opens = conjunct or comma
            if comma:
                in_context, joined_since = False, True
            place = _first(places.overlapping(t.start, t.end))
            if place is not None and place is last:
                i += 1
                previous_end = t.end
                continue
            if place is not None:
                proclitic = doc.text[t.start:place.start] if place.start > t.start else \
                    self._head_proclitic(doc, i)
                opens_here = opens or "و" in proclitic
                if unconfirmed and name_words > 1 and not opens_here:
                    break  # "وقصف الطيران X": a clause with its own object, not a name in the list
                first = place.start > t.start or not (phrase.items or phrase.context)
                # "دخلت قوات النظام لحي X": the verb's object, not "X المجاور لحي Y"
                located = any(c in proclitic for c in "بك") or (
                    "ل" in proclitic and not (lam_is_object and first))
                entry = doc.places.get(place.key)
                if opens_here and entry is not None and entry.level == "site":
                    in_context = False  # "بريف حلب ومطار كويرس": a facility opens a new item
                region = self.is_region(doc.tokens[doc.token_at(place.start)].key)
                if not opens_here and self.located_after(doc, place):
                    located = True  # "مطار كويرس العسكري شرق حلب": where the item before is
                if in_context or located or of_context or region or self.possessive(doc, place):
                    (phrase.near if landmark and not located else phrase.context).append(place)
                    in_context = in_context or located or of_context or region
                else:
                    phrase.items.append(place)
                    phrase.end = place.end
                last, gap, conjunct, unconfirmed, named, of_context = place, 0, False, False, False, False
                names_in_row = 0
                joined_since = False
                previous_end = place.end
                i = max(i + 1, doc.token_index(place.end))
                continue
            category, n, joined = self.category(doc, i)
            opens = opens or joined
            if category is None and _overlaps_date(doc, t):
                category = TIME
            if category == CONTEXT and not phrase.items and not phrase.counted and i + n < len(tokens) and (
                    self.is_time(tokens[i + n].key) or _overlaps_date(doc, tokens[i + n])):
                category = TIME  # "دخلت الكتائب في اليوم الأول أحياء X": when, before the object
            if category == STOP and not phrase.items and not phrase.counted and self.is_time(t.key):
                category = TIME  # "صباح اليوم" before the object is when, not the end of the list
            if category == STOP or (category == TIME and (phrase.items or phrase.counted)):
                break
            if unconfirmed and not opens and category in (HEAD, GENERIC):
                break
            if category is None:
                actor = _first(actors.overlapping(t.start, t.end))
                if actor is not None:  # a subject after the verb, or a party inside the list
                    name_words += 1 if unconfirmed else 0  # "وقصف الطيران الحربي": a clause
                    previous_end = actor.end
                    i = max(i + 1, doc.token_index(actor.end))
                    continue
            conjunct = False
            if category in (CONTEXT, NEAR):
                in_context, landmark = True, category == NEAR
            elif category in (ELABORATION, COORDINATOR):
                conjunct = joined_since = True
                phrase.counted = phrase.counted or category == ELABORATION
                phrase.elaborated = phrase.elaborated or category == ELABORATION
                if category == ELABORATION or n > 1 or joined:
                    in_context = False  # "أبرزها", "إضافة إلى", "as well as": a new item
            elif category is not None:  # a head noun, a generic noun, a filler, a possessive
                if opens and (category in (HEAD, GENERIC) or self.capitalised):
                    in_context = False  # "، وقرية X", "and the town of X": a new item
                if category == HEAD and self.capitalised and i + 1 < len(tokens) and \
                        tokens[i + 1].key == "of" and (named or (
                            phrase.items and last is phrase.items[-1] and not joined_since)):
                    of_context = True  # "the Baba Amr district of Homs": Homs is where it is
                if category == HEAD and t.key in self.regions and phrase.items and \
                        last is phrase.items[-1] and not joined_since and not doc.text[last.end:t.start].strip():
                    phrase.context.append(phrase.items.pop())  # "the Idlib countryside", right after
                    # the name; not "قرية X في ريف عفرين" nor "مدينة X بريف الرقة", where the
                    # countryside (after its preposition) is X's
                elif category == HEAD and self.is_region(t.key):
                    in_context = True  # "the countryside of Hama", "ريف حلب"
                if category == GENERIC or t.key.lstrip("و").isdigit() or (
                        category == HEAD and not self.settlements.isdisjoint(clitic_forms(t.key))):
                    phrase.counted = True  # "عدة مواقع", "11 قرية", "بلدات عدة": items announced
                if category in (HEAD, GENERIC):
                    gap = 0
            else:  # a word the reader cannot place: a name it lacks, an adverb, or a verb
                capital = self.capitalised and doc.text[t.start:t.start + 1].isupper()
                if not phrase.items and not phrase.counted:
                    pass  # before the first item: the subject after the verb ("هذه القوات"), an adverb
                elif opens or (not self.capitalised and t.key.startswith("و") and len(t.key) >= 3):
                    if self.capitalised and not capital:
                        break  # "and pushed": a new clause
                    if not self.capitalised and t.key.endswith("ت") and not t.key.endswith("ات"):
                        break  # "وقصفت": a verb in the past tense opens a new clause
                    unconfirmed, name_words = not capital, 1
                    if phrase.items and names_in_row < MAX_UNKNOWN_NAMES:
                        gap, names_in_row = 0, names_in_row + 1  # "وتلمنس والغدفة والدير الشرقي وبابيلا"
                elif unconfirmed and name_words < MAX_NAME_WORDS:
                    name_words += 1  # "وبستان الديوان", "ووادي السايح": a name of more than one word
                elif unconfirmed:
                    break
                named = named or capital
                if self.capitalised and not capital and i + 1 < len(tokens) and tokens[i + 1].key == "of":
                    of_context = True  # "the governor of Raqqa": Raqqa is where he is, not an item
                gap += 1
                if not phrase.items:
                    unknown_before_first += 1
                if gap > MAX_GAP or unknown_before_first > FIRST_WITHIN:
                    break
            previous_end = tokens[i + n - 1].end
            i += n
        if self.capitalised and phrase.counted and phrase.items and phrase.context:
            self._promote_listed(doc, phrase)
        return phrase

    def _promote_listed(self, doc: Doc, phrase: Phrase) -> None:
        """English: "seized checkpoints in Tafas, Jasim and Inkhil", "deployed at points in
        the A neighborhood and the B camp": the place after the locative opens the list of
        the items after it, not where they are; not "the town of A in Daraa and B", where an
        item stands before it."""
        first, item = phrase.context[0], phrase.items[0]
        if first.end > item.start or (len(phrase.context) > 1 and phrase.context[1].start < item.start):
            return
        i, stop = doc.token_index(first.end), doc.token_index(item.start)
        joined = False
        while i < stop:
            category, n, _ = self.category(doc, i)
            if category == COORDINATOR:
                joined = True
            elif category not in (HEAD, FILLER):
                return
            i += n
        if joined or "," in doc.text[first.end:item.start]:
            phrase.context.remove(first)
            phrase.items.insert(0, first)

    def preceding(self, doc: Doc, start: int, end: int) -> list[Mention]:
        """The list of places that ends last in ``[start, end)`` (the antecedent of "عليها",
        the subject of "fell to"): its last item that is not context, and the items
        coordinated before it."""
        mentions = [m for m in doc.index("place_mentions").starting(start, end) if m.end <= end]
        chosen: list[Mention] = []
        for m in reversed(mentions):
            if not chosen:
                if not self.is_context(doc, m) and not self.located_past_fillers(doc, m):
                    chosen.append(m)
                continue
            gap = doc.text[m.end:chosen[0].start]
            if self._joins(gap):
                chosen.insert(0, m)
            else:
                break
        return chosen

    def is_context(self, doc: Doc, m: Mention) -> bool:
        i = doc.token_at(m.start)
        t = doc.tokens[i]
        proclitic = doc.text[t.start:m.start] if m.start > t.start else self._head_proclitic(doc, i)
        if any(c in proclitic for c in "بكل") or self.possessive(doc, m) or self.located_after(doc, m):
            return True
        return i > 0 and (self.category(doc, i - 1)[0] == CONTEXT or any(
            self.category(doc, k)[:2] == (CONTEXT, i - k) for k in range(max(0, i - 3), i - 1)))
        # "north of Aleppo", "to the east of": a phrase of direction of several words

    def located_past_fillers(self, doc: Doc, m: Mention) -> bool:
        """English: whether a name follows a locative word past articles and adjectives ("X in
        the Hama countryside", "in northern Idlib"): where the place before it is, as a name
        right after "in" would be; not past "of" ("in the town of X")."""
        if not self.capitalised:
            return False
        i = doc.token_at(m.start)
        for k in range(i - 1, max(-1, i - 1 - LOCATIVE_FILLERS), -1):
            category = self.category(doc, k)[0]
            if category == CONTEXT and k < i - 1:
                return True
            if category != FILLER or doc.tokens[k].key == "of":
                return False
        return False

    def located_after(self, doc: Doc, m: Mention) -> bool:
        """Whether a name that opens with a word of direction ("شرق حلب") follows another place
        with at most an adjective between them and nothing that joins them ("مطار كويرس العسكري
        شرق حلب"): it says where that place is, as "شرق" before "حلب" would."""
        i = doc.token_at(m.start)
        if self.capitalised or doc.tokens[i].start != m.start or self.category(doc, i)[0] != CONTEXT:
            return False
        before = [p for p in doc.index("place_mentions").starting(max(0, m.start - LOCATED_REACH), m.start)
                  if p.end <= m.start][-1:]
        if not before:
            return False
        gap = doc.tokens_between(before[0].end, m.start)
        return len(gap) <= 1 and not any(c in doc.text[before[0].end:m.start] for c in _PUNCT_LIST) and \
            not any(t.key.startswith("و") for t in gap)

    def _head_proclitic(self, doc: Doc, i: int) -> str:
        """The prepositions joined to the head noun right before the name at token ``i``
        ("المجاور لحي الشيخ مقصود", "بمدينة حلب"): the name is where something is, as it
        would be with them joined to it; the conjunctions ("وبلدة") are no preposition."""
        if self.capitalised or i == 0:
            return ""
        head = doc.tokens[i - 1]
        if doc.text[head.end:doc.tokens[i].start].strip():
            return ""  # a comma or a quote between them: no head of this name
        for form in clitic_forms(head.key)[1:]:
            if head.key.endswith(form) and any(
                    category == HEAD for words, category in self._words.get(form, ()) if len(words) == 1):
                return clitics().without_conjunctions(head.key[:len(head.key) - len(form)])
        return ""

    def _joins(self, gap: str) -> bool:
        """Whether the text between two places only joins them ("، و", " and the town of "),
        past another name of the first in brackets ("al-Tabqa (al-Thawra) and the dam")."""
        gap = re.sub(r"\([^()]{1,40}\)", " ", gap)
        for word in gap.replace("،", " ").replace(",", " ").replace("(", " ").replace(")", " ").split():
            key = normalize_key(word)
            if self.capitalised and word[:1].isupper():
                continue  # a name the gazetteer lacks, in a list of names
            if key and key != "و" and not any(
                    cat in (COORDINATOR, HEAD, FILLER, GENERIC) for form in clitic_forms(key)
                    for words, cat in self._words.get(form, ()) if len(words) == 1):
                return False
        return True

    def possessive(self, doc: Doc, place: Mention) -> bool:
        """"Aleppo's Sheikh Maqsoud": the owner of what follows is where it is."""
        after = doc.text[place.end:place.end + 3]
        return bool(after) and after[0] in _APOSTROPHES and after[1:2].lower() == "s"


def _first(items: list[Mention]) -> Mention | None:
    return items[0] if items else None


def _overlaps_date(doc: Doc, t: Token) -> bool:
    return bool(doc.dates_overlapping(t.start, t.end))
