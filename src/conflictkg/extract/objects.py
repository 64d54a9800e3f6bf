"""What a change of control is about: the places its object names.

The object of a change is read as a list by :mod:`.phrases` ("على قرى A وB، وعلى بلدة C",
"عدة مواقع، أبرزها A وB", "the villages of A, B and C"); it goes on past a clause that
interrupts it ("على حرستا بعد خروج المقاتلين منها، وعلى بلدات ...", "on Tuesday, and then
the town of X"). A pronoun object ("سيطرت عليها", "منهما", "دخلتها") or an anaphor ("the
town", "البلدتين") stands for the list named before it, the town rather than the
governorate after it; a relative clause's object is the place its pronoun stands for
("بلدة كفرنبودة التي سيطرت عليها"). What is taken that is not a place ("حواجز في ريف
درعا") is a claim on the place it is in, unless it is a count of villages, arms or people.
"""

from __future__ import annotations

from conflictkg.extract.control_rules import ControlRules
from conflictkg.extract.doc import Doc, Mention, Sentence, Token, clitic_forms, word_forms
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.matcher import Match
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.phrases import Phrase
from conflictkg.extract.units import CLOSING_QUOTES, MAX_QUOTED, OPENING_QUOTES

SINCE_REACH = 4  # Arabic: words before a change in which the word that opens its clause of time stands
DUAL_REACH = 6  # words between a dual head ("معسكري") and the second place it names
PREPOSITION_WINDOW = 8  # tokens after the verb in which the preposition of its object stands
RESUME_REACH = 25  # tokens after a list in which a clause that interrupts it may end
LOCALS_REACH = 8  # tokens before a verb in which "أبناء X" names the subject's place
IMPLIED_REACH = 3  # words after a withdrawal verb, to the end of its clause, that leave its place implied
PEOPLE_REACH = 8  # words of a siege's object in which the people besieged and "في" stand
ZERO_RELATIVE_REACH = 8  # words before a verb over which the noun of places its subject follows stands
APPOSITION_REACH = 5  # words between an apposition's comma and the place of direction after it
RELATIVE_WINDOW = 3  # tokens before a change in which a relative pronoun makes it a relative clause
RELATIVE_SUBJECT_REACH = 7  # tokens of a subject and its auxiliaries between "which" and its verb
THERE_REACH = 3  # words of an object that names no place before a pronoun of place ("نقاطها فيها")
WIDE_LEVELS = frozenset({"governorate", "district"})
ADJECTIVES = 3  # English: adjectives between an anaphor's article and its noun ("the strategic northern town")
ARTICLES = frozenset({"the", "this", "that"})
LISTED_OBJECT_WORDS = 10  # English: words after a change in which its plural noun of places stands
LISTED_OPENING = 4  # English: words of the next sentence in which its verb of naming stands
INDEFINITE = frozenset({"a", "an", "another"})  # English: the article of a place not yet named
APPOSED_OPENERS = frozenset({"which", "a", "an", "where", "located", "home", "once"})  # English:
# the first word of an aside on the place a sentence opens with ("Nairab, which ...")
CIVILIAN_REACH = 4  # words before a withdrawal, in its clause, in which its subject may be people
HEADING_REACH = 2  # words that say which way between a withdrawal and where it went ("fled south towards")
ASIDE_REACH = 14  # Arabic: words of a subject after its verb and a relative clause between commas
FILLERS_AHEAD = 5  # words that may open a coordinated item before its name ("as well as much of the X")
PART_REACH = 2  # Arabic: words of a part ("أجزاء", "معظم") before a pronoun of the place ("منها")


class ObjectReader:
    """Finds the places a change is about, in one document at a time (no state)."""

    def relative(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> list[Mention] | None:
        """When the change is told in a relative clause, the places its pronoun stands for
        (empty when it stands for something else); None outside a relative clause."""
        i = doc.token_at(cue.start)
        window = [n for n in range(max(0, i - RELATIVE_WINDOW), i)
                  if doc.tokens[n].start >= sentence.start
                  and not rules.relatives.isdisjoint(clitic_forms(doc.tokens[n].key))]
        if not window:
            window = self._relative_over_subject(doc, i, sentence, rules)
        if not window:
            return None
        pronoun = doc.tokens[window[-1]]
        if not rules.english and _aside_closed(doc, pronoun, cue):
            return None  # "قوات النظام، التي تدعمها روسيا، سيطرت على": the clause closed before it
        over_subject = rules.english and bool(doc.index("actor_mentions").overlapping(pronoun.end, cue.start)) \
            and "," in doc.text[pronoun.start - 3:pronoun.start]
        # "living in X, which regime forces have surrounded": a subject of its own, the pronoun is
        # the object and stands for the place before the comma, though it follows "in"
        places = doc.index("place_mentions").overlapping(pronoun.start - 3, pronoun.start)
        if not places:
            before = doc.tokens[window[-1] - 1] if window[-1] > 0 else None
            places = doc.index("place_mentions").overlapping(before.start, before.end) if before else []
        if places and rules.phrases.is_context(doc, places[-1]) and not over_subject:
            places = self._located_after_place(doc, places[-1], sentence, rules)
        if not places:  # "المطار الذي دخله الجيش", "the prison which IS stormed": a site's anaphor
            ahead = doc.tokens_between(sentence.start, pronoun.start)[-2:]
            named, end = self._antecedent_at(doc, ahead, sentence, rules)
            if named and ahead and end == ahead[-1].end and any(
                    m.key in doc.places and doc.places[m.key].level == "site" for m in named):
                return named
        if not places:
            return []  # "اللواء العامل في برزة والذي دخل": the brigade, not Barzeh
        if over_subject:
            return places[-1:]
        return rules.phrases.preceding(doc, sentence.start, places[-1].end) or places[-1:]

    def _located_after_place(self, doc: Doc, context: Mention, sentence: Sentence,
                             rules: ControlRules) -> list[Mention]:
        """"بلدة خان العسل غرب حلب، التي خسرتها": the place a locative phrase follows, which
        the relative clause describes; none after another noun ("اللواء العامل في برزة")."""
        i = doc.token_at(context.start)
        if i > 0 and rules.phrases.category(doc, i - 1)[0] == "context" and \
                not doc.index("place_mentions").overlapping(doc.tokens[i - 1].start, doc.tokens[i - 1].end):
            i -= 1  # "غرب حلب": the locative word before the name
        if i == 0 or doc.tokens[i - 1].start < sentence.start:
            return []
        before = doc.tokens[i - 1]
        found = [m for m in doc.index("place_mentions").overlapping(before.start, before.end)
                 if not rules.phrases.is_context(doc, m)][-1:]
        return found or self._apposed(doc, i, sentence, rules)

    def _people_in(self, doc: Doc, start: int, sentence: Sentence, rules: ControlRules,
                   starts: frozenset[int]) -> tuple[list[Mention], int, int] | None:
        """The places after "في" / "in" when the object of a siege is people ("آلاف المدنيين في
        مدينة داريا", "thousands of families in X")."""
        ahead = doc.tokens_between(start, sentence.end)[:PEOPLE_REACH]
        for n, t in enumerate(ahead):
            if t.start in starts:
                return None
            if t.key in rules.locatives_in and n and any(
                    not rules.civilians.isdisjoint(clitic_forms(u.key)) for u in ahead[:n]):
                phrase = rules.phrases.read(doc, t.end, sentence.end, stop_at=starts)
                return (phrase.items, t.end, phrase.end) if phrase.items and not phrase.context else None
        return None

    def _apposed(self, doc: Doc, i: int, sentence: Sentence, rules: ControlRules) -> list[Mention]:
        """"Nubl and Zahraa, two towns north of Aleppo that rebels besieged", "نبل والزهراء،
        البلدتين شمال حلب، اللتين": a noun of places in apposition to the list before its comma
        stands for that list."""
        words = doc.tokens_between(sentence.start, doc.tokens[i].start)[-APPOSITION_REACH - 1:]
        comma = max(doc.text.rfind(c, sentence.start, doc.tokens[i].start) for c in ",،")
        inside = [t for t in words if t.start > comma]
        if comma <= sentence.start or not inside or len(inside) == len(words) or not any(
                rules.phrases.category(doc, doc.token_at(t.start))[0] in ("generic", "head") for t in inside):
            return []
        if any(doc.index("place_mentions").overlapping(t.start, t.end) for t in inside):
            return []
        listed = rules.phrases.preceding(doc, sentence.start, comma)
        return listed if listed and not doc.text[listed[-1].end:comma].strip() else []

    def _relative_over_subject(self, doc: Doc, i: int, sentence: Sentence, rules: ControlRules) -> list[int]:
        """"al-Waer, which regime forces have surrounded since 2013": a relative pronoun
        before the subject of the change and its auxiliaries, in English."""
        if not rules.english:
            return []
        parties = doc.index("actor_mentions")
        # "which the terror group had occupied": a collective noun, perhaps after an adjective,
        # is a subject as a party's name is
        heads = rules.words.collective_heads

        def collective(n: int) -> bool:
            return doc.tokens[n].key in heads or (
                n + 1 < i and doc.tokens[n + 1].key in heads and doc.tokens[n - 1].key == "the"
                and doc.text[doc.tokens[n].start:doc.tokens[n].end].islower())

        n = i - 1
        while n >= 0 and doc.tokens[n].start >= sentence.start and i - n <= RELATIVE_SUBJECT_REACH and (
                doc.tokens[n].key in rules.words.subject_gap or doc.tokens[n].key == "the"
                or parties.overlapping(doc.tokens[n].start, doc.tokens[n].end) or collective(n)):
            n -= 1
        if n < 0 or n == i - 1 or doc.tokens[n].start < sentence.start or \
                doc.tokens[n].key not in rules.relatives or not (
                    parties.overlapping(doc.tokens[n].end, doc.tokens[i].start)
                    or any(doc.tokens[k].key in heads for k in range(n + 1, i))):
            return []
        return [n]

    def objects(self, doc: Doc, cue: Match, change: str, sentence: Sentence, rules: ControlRules,
                 starts: frozenset[int], context: list[Mention], *, relative: bool = False,
                 changes: dict[int, str] | None = None) -> tuple[list[Mention], int, int] | None:
        """The places the change is about, where its object starts and where it ends."""
        prepositions = rules.prepositions[change]
        start = cue.end
        if cue.key in rules.suffixed_keys:  # "دخلتها": the pronoun joined to the verb
            if relative:
                return None  # the relative pronoun's antecedent
            suffix = next(x for x in rules.phrases.suffixes if cue.key.endswith(x))
            return self.anaphor(doc, cue, Token(cue.end, cue.end, suffix), sentence, rules, starts,
                                 context)
        if change == "withdrew" and context and cue.key in rules.direct[change]:
            heading = self.heading(doc, cue.end, sentence, rules, rules.headings)
            clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
            subject = doc.tokens_between(clause[0], cue.start)[-CIVILIAN_REACH:]
            if heading is not None and rules.civilians.isdisjoint(word_forms(subject)):
                return context, cue.end, heading  # "fled south towards al-Bab": from where they
                # were; not "fighters and civilians fled north toward"
        if prepositions and cue.key not in rules.direct[change]:
            start, heading = -1, cue.end
            partitive: Token | None = None  # "من" before the party that left
            for t in self._ahead(doc, cue.end, sentence)[:PREPOSITION_WINDOW]:
                forms = set(clitic_forms(t.key))
                preposition = t.key in prepositions or bool(forms & prepositions)
                if preposition and partitive is not None:  # another "من" after it: read as the
                    t = partitive  # object's, as a withdrawal with a place of its own is
                    start = t.end if t.key in prepositions or len(t.key) <= 3 else t.start
                    break
                if (t.key in rules.pronoun_objects or forms & rules.pronoun_objects) and preposition:
                    if relative:
                        return None  # the relative pronoun's antecedent
                    return self.anaphor(doc, cue, t, sentence, rules, starts, context)
                if preposition and change == "withdrew" and self._partitive(doc, t, rules):
                    partitive = t  # "إخراج آخر دفعة من المسلحين باتجاه": who left, not whence
                    continue
                if preposition:
                    start = t.end if t.key in prepositions or len(t.key) <= 3 else t.start
                    inside = doc.tokens_between(start, sentence.end)[:1]
                    if change in rules.vicinity_changes and inside and inside[0].key in rules.insides:
                        start = inside[0].end  # "انسحبوا من داخل قرية X": X itself
                    break
                if forms & rules.destinations:
                    heading = t.start
                    break
            if start < 0:
                where = [m for m in doc.index("place_mentions").starting(cue.end, heading)
                         if m.end <= heading and not quoted(doc, m) and self._where_from(doc, m, rules)
                         ] if change == "withdrew" else []
                if where:  # "فر عناصر حواجز أخرى في محيط بلدة جلين باتجاه": where they were
                    return where[-1:], cue.end, heading
                clause_end = (doc.clause_at(cue.start) or (sentence.start, sentence.end))[1]
                rest = [t for t in doc.tokens_between(cue.end, clause_end) if not rules.english or not (
                    rules.phrases.is_time(t.key) or doc.dates_overlapping(t.start, t.end))]
                bare = len(rest) <= IMPLIED_REACH  # "after rebels pulled out in the early hours"
                if change == "withdrew" and context and (heading > cue.end or (
                        bare and cue.payloads[0].form == "verbs")):
                    # "فرت عناصر النظام باتجاه", "fled toward": from where they were
                    return context, cue.end, heading if heading > cue.end else clause_end
                return None
            ahead = doc.tokens_between(start, sentence.end)[:2]
            for n in (2, 1):  # "على كامل ما خسرته": what the pronoun stands for
                if len(ahead) >= n and " ".join(t.key for t in ahead[:n]) in rules.pronoun_objects:
                    return self.anaphor(doc, cue, ahead[n - 1], sentence, rules, starts, context)
            part = doc.tokens_between(start, sentence.end)[:PART_REACH + 1]
            k = 0
            while k < len(part) - 1 and k < PART_REACH and \
                    rules.phrases.category(doc, doc.token_index(part[k].start))[0] == "filler":
                k += 1
            if k and not relative and part[k].key in rules.pronoun_objects:
                # "تمكن من السيطرة على أجزاء منها": parts of the place the pronoun stands for
                return self.anaphor(doc, cue, part[k], sentence, rules, starts, context)
        else:
            first = doc.tokens_between(cue.end, sentence.end)[:1]
            if first and (first[0].key in rules.pronoun_objects or (
                    rules.english and first[0].key in ("it", "them"))):
                return self.anaphor(doc, cue, first[0], sentence, rules, starts, context)
        if change in rules.vicinity_changes and not relative and not rules.english:
            first = doc.tokens_between(start, sentence.end)[:1]
            if first and _vicinity_with_pronoun(first[0].key, rules):
                # "قبل أن تدخل أطرافها", "انسحبوا من محيطها": the place the pronoun stands for
                return self.anaphor(doc, cue, first[0], sentence, rules, starts, context)
        phrase = rules.phrases.read(doc, start, sentence.end, stop_at=starts - {cue.start},
                                    lam_is_object=change == "entered")
        resumed = self._past_aside(doc, start, sentence, rules) if not phrase.items and not relative else None
        if resumed is not None:  # "تسلم الجيش الوطني، الذي تدعمه تركيا، مدينة تل أبيض"
            phrase = rules.phrases.read(doc, resumed, sentence.end, stop_at=starts - {cue.start},
                                        lam_is_object=change == "entered")
        more = self._continued(doc, cue, phrase, sentence, rules, starts, changes or {})
        if more is not None:
            phrase.items += more.items
            phrase.end = more.end
        if phrase.items:
            return phrase.items, start, phrase.end
        if change == "besieged" and not relative:
            held = self._people_in(doc, start, sentence, rules, starts)
            if held is not None:  # "تفرض حصاراً على نحو 11 ألف عائلة في درعا البلد", "besieged
                # thousands of civilians in X": the place they are in
                return held
        if change in rules.vicinity_changes and cue.key not in rules.needs_party and phrase.near and \
                self._in_vicinity(doc, phrase.near[0], start, rules):
            # "تراجعوا من محيط حي الصناعة", "entered the outskirts of X": that place; not a
            # deployment around it ("انتشرت عناصر الهيئة في محيط مبنى السرايا")
            return phrase.near[:1], start, phrase.near[0].end
        if change == "withdrew" and phrase.near and not phrase.context and \
                self._own_positions_near(doc, phrase.near[0], start, rules):
            # "غادرت قواعدها قرب عين عيسى وصرين", "left their bases near X": the places it held
            return phrase.near, start, phrase.near[-1].end
        there = self._there(doc, start, sentence, rules) if not relative and not phrase.context else None
        if there is not None:  # "انسحاب عناصر قسد من نقاطها فيها": the places "فيها" stands for,
            # those the sentence's change before is about ("X fell to them after Y pulled out of
            # its positions there")
            if context and all(m.start >= sentence.start for m in context):
                return context, there.start, there.end
            return self.anaphor(doc, cue, there, sentence, rules, starts, context)
        if prepositions and not relative and not phrase.context:
            for t in doc.tokens_between(start, sentence.end)[:PREPOSITION_WINDOW]:
                if t.start in starts:
                    break
                forms = set(clitic_forms(t.key))
                if (t.key in rules.pronoun_objects or forms & rules.pronoun_objects) and (
                        t.key in prepositions or forms & prepositions) and doc.index(
                        "actor_mentions").overlapping(start, t.start):
                    # "ودخول وحدات الجيش إليها": the subject, then the pronoun of the place
                    return self.anaphor(doc, cue, t, sentence, rules, starts, context)
        if not phrase.context:  # "recaptured the town", "took both cities", "the strategic northern town"
            words = doc.tokens_between(start, sentence.end)[:3 + ADJECTIVES]
            named, end = self._antecedent_at(doc, self._without_adjectives(doc, words, rules)[:3], sentence, rules)
            if not named:  # "abandoned the capital": an anaphor whose noun reads as an adjective
                named, end = self._antecedent_at(doc, words[:2], sentence, rules)
            if named:
                return named, start, max(cue.end, end)
        located = self._located(doc, phrase, cue, sentence, rules)
        return (located, start, max(located[0].end, cue.end)) if located else None

    def _partitive(self, doc: Doc, t: Token, rules: ControlRules) -> bool:
        """Whether "من" after a withdrawal takes the party that left, or the count of its men
        and the party ("من المسلحين", "إخراج آخر دفعة من المسلحين"), not the place they left."""
        following = doc.tokens_after(t.end, 3)
        if not following or t.key not in rules.words.partitives:
            return False
        if doc.index("actor_mentions").overlapping(following[0].start, following[0].end):
            return True
        return len(following) == 3 and not rules.words.quantities.isdisjoint(clitic_forms(following[0].key)) \
            and following[1].key in rules.words.partitives \
            and bool(doc.index("actor_mentions").overlapping(following[2].start, following[2].end))

    def heading(self, doc: Doc, at: int, sentence: Sentence, rules: ControlRules,
                destinations: frozenset[str]) -> int | None:
        """Where one of ``destinations``, a word that says where a party went ("towards",
        "باتجاه"), stands right after a withdrawal, past the words that say which way ("fled
        south towards"), if one does."""
        for t in doc.tokens_between(at, sentence.end)[:HEADING_REACH + 1]:
            if t.key in destinations or not destinations.isdisjoint(clitic_forms(t.key)):
                return t.start
            if t.key not in rules.ways and rules.phrases.category(doc, doc.token_index(t.start))[0] != "filler":
                return None
        return None

    def _past_aside(self, doc: Doc, start: int, sentence: Sentence, rules: ControlRules) -> int | None:
        """Arabic: where a direct object resumes after the subject that follows the verb and a
        relative clause set between commas after it ("تسلم الجيش الوطني، الذي تدعمه تركيا،
        مدينة تل أبيض"); None when no such aside stands there."""
        if rules.english:
            return None
        parties = doc.index("actor_mentions")
        tokens = doc.tokens_between(start, sentence.end)[:ASIDE_REACH]
        n = 0
        while n < len(tokens) and parties.overlapping(tokens[n].start, tokens[n].end):
            n += 1
        if n == 0 or n == len(tokens) or rules.relatives.isdisjoint(clitic_forms(tokens[n].key)) or \
                not any(c in doc.text[tokens[n - 1].end:tokens[n].start] for c in ",،"):
            return None
        for a, b in zip(tokens[n:], tokens[n + 1:], strict=False):
            if any(c in doc.text[a.end:b.start] for c in ",،"):
                return b.start
        return None

    def _without_adjectives(self, doc: Doc, tokens: list[Token], rules: ControlRules) -> list[Token]:
        """English: the words of an object less the adjectives between its article and its noun
        ("the northern Syrian town": "the town"), so that an anaphor is read past them."""
        if not rules.english or len(tokens) < 3 or tokens[0].key not in ARTICLES:
            return tokens
        k = 1
        while k < len(tokens) - 1 and k <= ADJECTIVES and tokens[k].key not in ARTICLES and \
                rules.phrases.category(doc, doc.token_index(tokens[k].start))[0] == "filler":
            k += 1
        return [tokens[0], *tokens[k:]]

    def _own_positions_near(self, doc: Doc, place: Mention, start: int, rules: ControlRules) -> bool:
        """Whether a withdrawal's object is the party's own positions near a place ("من قواعدها
        قرب", "their bases near", after the subject in Arabic): a noun of positions with a pronoun
        of its own, then a word of nearness that says no way it went."""
        words = [t for t in doc.tokens_between(start, place.start)
                 if rules.phrases.category(doc, doc.token_index(t.start))[0] not in ("head", "filler")][-2:]
        if len(words) != 2 or doc.index("place_mentions").overlapping(start, words[0].start) or \
                rules.phrases.category(doc, doc.token_index(words[1].start))[0] != "near" \
                or not rules.destinations.isdisjoint(clitic_forms(words[1].key)) or words[1].key in rules.headings:
            return False
        before = doc.tokens_between(start, words[0].start)
        owned = rules.phrases.possessed_generic(words[0].key) or (
            bool(before) and before[-1].key in rules.words.possessives
            and rules.phrases.category(doc, doc.token_index(words[0].start))[0] == "generic")
        return owned

    def _in_vicinity(self, doc: Doc, place: Mention, start: int, rules: ControlRules) -> bool:
        """Whether the word before a landmark (past head nouns) says around it ("محيط", "أطراف",
        "the outskirts of"), not where a party went ("باتجاه", "towards") or near it ("قرب")."""
        words = [t for t in doc.tokens_between(start, place.start)
                 if rules.phrases.category(doc, doc.token_index(t.start))[0] not in ("head", "filler")
                 or not rules.vicinity.isdisjoint(clitic_forms(t.key))]
        # right after the preposition: not "من مواقع تقدمها في أطراف دمشق", positions around it
        return len(words) == 1 and not rules.vicinity.isdisjoint(clitic_forms(words[0].key))

    def _where_from(self, doc: Doc, m: Mention, rules: ControlRules) -> bool:
        """Whether a place between a withdrawal and where it went is where the party was: after
        "في" / "من" / "محيط" ("فر عناصر حواجز في محيط بلدة جلين باتجاه"), not on a road or
        where they went ("عبر طريق تدمر – حمص", "withdrew towards Homs")."""
        i = doc.token_at(m.start)
        t = doc.tokens[i]
        proclitic = doc.text[t.start:m.start] if m.start > t.start else ""
        if proclitic and not set(clitic_forms(t.key)) & rules.destinations:
            return any(c in proclitic for c in "بف") or "من" in proclitic
        i -= 1
        while i > 0 and rules.phrases.category(doc, i)[0] in ("head", "filler"):
            i -= 1  # "في محيط بلدة جلين"
        if i < 0 or not rules.destinations.isdisjoint(clitic_forms(doc.tokens[i].key)):
            return False
        category = rules.phrases.category(doc, i)[0]
        if category == "near" and i > 0:  # "في محيط", not "عبر", "باتجاه"
            category = rules.phrases.category(doc, i - 1)[0]
        return category == "context" or bool(set(clitic_forms(doc.tokens[i].key)) & rules.prepositions["withdrew"])

    def _ahead(self, doc: Doc, at: int, sentence: Sentence) -> list[Token]:
        """The words after ``at`` in its sentence, less those of dates and parties ("سيطرة جيش
        الفتح في الـ 28 من آذار الفائت على"): where the preposition of an object is looked for."""
        window = doc.tokens_between(at, sentence.end)[:3 * PREPOSITION_WINDOW]
        if not window:
            return window
        lo, hi = window[0].start, window[-1].end  # the dates and parties of the window, looked up once
        spans = [(d.span.start, d.span.end) for d in doc.dates_overlapping(lo, hi)] + [
            (m.start, m.end) for m in doc.index("actor_mentions").overlapping(lo, hi)]
        if not spans:
            return window
        return [t for t in window if not any(a < t.end and t.start < b for a, b in spans)]

    def _continued(self, doc: Doc, cue: Match, phrase: Phrase, sentence: Sentence, rules: ControlRules,
                   starts: frozenset[int], changes: dict[int, str]) -> Phrase | None:
        """The object resumed after a clause that interrupts it: a second preposition of the
        same verb ("استعادت السيطرة على حرستا بعد خروج المقاتلين منها، وعلى بلدات عربين
        وزملكا") or the items a generic noun announced ("دخلت بلدات عدة بموجب اتفاقات، أبرزها
        الحراك وصيدا", "seized several villages on Tuesday, including A and B")."""
        prepositions = set(rules.prepositions[cue.payloads[0].change])
        direct = not prepositions or cue.key in rules.direct[cue.payloads[0].change]
        tokens = doc.tokens_between(max(phrase.end, cue.end), sentence.end)[:RESUME_REACH]
        stop = starts - {cue.start}
        for n, t in enumerate(tokens):
            if t.start in changes:  # another change: a preposition of its own is its object
                prepositions -= rules.prepositions[changes[t.start]]
                direct = False
            gap = doc.text[tokens[n - 1].end if n else t.start:t.start]
            if phrase.counted and not phrase.items and _announcing(gap):
                return rules.phrases.read(doc, t.start, sentence.end, stop_at=stop)  # "on Monday: A, B"
            if not (gap.strip() and any(c in gap for c in "،,;")) and not (
                    n > 0 and t.key in rules.resumers and (rules.phrases.is_time(tokens[n - 1].key) or bool(
                        doc.dates_overlapping(tokens[n - 1].start, tokens[n - 1].end)))):
                continue  # neither a comma nor "and then" after a time ("on Tuesday and then")
            bare = clitics().without_conjunctions(t.key)
            if bare != t.key and bare in prepositions:
                return rules.phrases.read(doc, t.end, sentence.end, stop_at=stop)
            if phrase.counted and not phrase.items and rules.phrases.category(
                    doc, doc.token_index(t.start))[0] == "elaboration":
                return rules.phrases.read(doc, t.start, sentence.end, stop_at=stop)
            if direct and phrase.items and bare != t.key and self._opens_item(doc, [t], rules):
                return rules.phrases.read(doc, t.start, sentence.end, stop_at=stop)  # "، وبلدة X"
            k, coordinated = n, False
            while k < len(tokens) and k - n < 3:
                if tokens[k].key in rules.resumers:
                    k += 1  # "، ثم على", ", and then the town of"
                    continue
                category, width, _ = rules.phrases.category(doc, doc.token_index(tokens[k].start))
                if category != "coordinator" or width < 2:
                    break
                k, coordinated = k + width, True  # "، إضافة إلى قرية X", ", as well as the village of X"
            if k == n or k >= len(tokens) or tokens[k].start in changes:
                continue
            if tokens[k].key in prepositions:
                return rules.phrases.read(doc, tokens[k].end, sentence.end, stop_at=stop)
            if (direct or coordinated) and phrase.items and self._opens_item(doc, tokens[k:k + FILLERS_AHEAD], rules):
                return rules.phrases.read(doc, tokens[k].start, sentence.end, stop_at=stop)
        return None

    def _there(self, doc: Doc, start: int, sentence: Sentence, rules: ControlRules) -> Token | None:
        """A pronoun of place right after an object that names no place ("من نقاطها فيها",
        "out of their positions there"): the pronoun, standing for the places named before."""
        ahead = doc.tokens_between(start, sentence.end)[:THERE_REACH + 2]
        for n, t in enumerate(ahead[:THERE_REACH + 1]):
            pair = " ".join(u.key for u in ahead[n:n + 2]) if n + 1 < len(ahead) else ""
            if n and (t.key in rules.locative_pronouns or pair in rules.locative_pronouns):
                if any(doc.index(name).overlapping(start, t.start) for name in ("place_mentions", "actor_mentions")):
                    return None
                end = ahead[n + 1].end if pair in rules.locative_pronouns else t.end
                return Token(t.start, end, t.key)
            if rules.phrases.category(doc, doc.token_index(t.start))[0] not in (None, "generic", "filler"):
                return None
        return None

    def _opens_item(self, doc: Doc, tokens: list[Token], rules: ControlRules) -> bool:
        """Whether the words open another place of a list: a head noun or a place, after
        determiners and adjectives ("the neighbouring town of", "قرية")."""
        for t in tokens:
            if doc.index("place_mentions").overlapping(t.start, t.end):
                return not rules.english or doc.text[t.start:t.start + 1].isupper()
            category = rules.phrases.category(doc, doc.token_index(t.start))[0]
            if category in ("head", "generic"):
                return True
            if category != "filler":
                return False
        return False

    def anaphor(self, doc: Doc, cue: Match, pronoun: Token, sentence: Sentence, rules: ControlRules,
                 starts: frozenset[int], context: list[Mention]) -> tuple[list[Mention], int, int] | None:
        """"سيطرت عليها، ومن بينها A وB": the list after the pronoun; else the places the
        pronoun stands for: the list named last before the cue, or the last claim's."""
        phrase = rules.phrases.read(doc, pronoun.end, sentence.end, stop_at=starts - {cue.start})
        listed: list[Mention] = []
        if phrase.items and phrase.counted and phrase.elaborated:
            following = doc.tokens_between(pronoun.end, sentence.end)[:1]
            if not (following and following[0].key.startswith("و") and
                    following[0].key[1:] in rules.prepositions[cue.payloads[0].change]):
                return phrase.items, pronoun.end, phrase.end  # "سيطرت عليها، ومن بينها A وB"; not
                # "withdrew from them towards the districts of A and B", where they went
            listed = phrase.items  # "سيطرت عليه وعلى الحواجز المحيطة به، ومن بينها A": the
            # items are the second object's; the pronoun still stands for the place before
        if pronoun.key in rules.pronoun_objects and not (set(clitic_forms(pronoun.key)) - {pronoun.key}) \
                and not rules.english and not pronoun.key.startswith(("عل", "من", clitics().article)):
            named = [m for m in doc.index("place_mentions").starting(sentence.start, cue.start)
                     if m.end <= cue.start and not quoted(doc, m)
                     and not rules.phrases.located_after(doc, m)][-1:]  # "كامل ما خسرته"
        else:
            named = [m for m in rules.phrases.preceding(doc, sentence.start, cue.start)
                     if not quoted(doc, m)]
        if named and context and not rules.english and self._left_after_taken(doc, cue, sentence, rules,
                                                                              starts, context, named):
            named = []  # "دخلت الحي من جهة السلطانية بعد ساعات من خروج آخر مجموعات الكتيبة منه":
            # the place the change just told is about, not one named on the way to it
        if rules.english and named:  # "al-Waer, the last district of the city until rebels left it"
            named = self._apposed_to_complement(doc, named[-1], sentence, rules) or named
        if named and is_wide(doc, named[-1]):  # "معرة النعمان ثاني أكبر مدن محافظة إدلب، اقتحمتها"
            town = [m for m in doc.index("place_mentions").starting(sentence.start, named[0].start)
                    if not is_wide(doc, m) and not rules.phrases.is_context(doc, m) and not quoted(doc, m)]
            named = town[-1:] or named
        if named:
            single = pronoun.key.endswith(("ه", "it")) and not pronoun.key.endswith("ها")
            if listed:
                return (named[-1:] if single else named) + listed, pronoun.start, phrase.end
            return (named[-1:] if single else named), pronoun.start, pronoun.end
        if context:
            return context, pronoun.start, pronoun.end
        if doc.focus_place:
            return [Mention(cue.start, cue.end, doc.text[cue.start:cue.end], doc.focus_place)], \
                pronoun.start, pronoun.end
        return None

    def _left_after_taken(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                          starts: frozenset[int], context: list[Mention], named: list[Mention]) -> bool:
        """Arabic: whether a pronoun after a change told in a clause of time ("بعد خروج آخر
        مجموعات الكتيبة منه", "إثر انسحاب الفصائل منها") stands for the places of the change
        told before it in the sentence, past places named with no change of their own between
        them ("دخلت الحي من جهة السلطانية وكفرعايا")."""
        if not all(sentence.start <= m.start < cue.start for m in context) or \
                any(m.key == named[-1].key for m in context):
            return False
        if any(context[-1].end <= s < named[-1].start for s in starts):
            return False  # "بعد انسحاب قوات النظام من بلدة Y وفرار عناصرها منها": Y
        i = doc.token_at(cue.start)
        before = [t for t in doc.tokens[max(0, i - SINCE_REACH):i] if t.start >= sentence.start]
        return any(set(clitic_forms(t.key)) & rules.since for t in before)

    def elaborated_later(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                         starts: frozenset[int]) -> tuple[list[Mention], int, int] | None:
        """English: "the areas the army and the FSA have taken since January stand at 282, among
        them A, B and C": a verb with no object after it, whose object is a noun of places right
        before its subject (a relative clause with no pronoun), takes the places that noun is
        elaborated by later in the sentence."""
        before = doc.tokens_between(sentence.start, cue.start)[-ZERO_RELATIVE_REACH:]
        heads = [n for n, t in enumerate(before)
                 if rules.phrases.category(doc, doc.token_index(t.start))[0] == "generic"]
        if not heads:
            return None
        subject = [t for t in before[heads[-1] + 1:] if t.key != "the"][:1]
        places = doc.index("place_mentions")
        if not subject or not doc.index("actor_mentions").overlapping(subject[0].start, subject[0].end) \
                or places.overlapping(before[heads[-1]].start, cue.start):
            return None
        for t in doc.tokens_between(cue.end, sentence.end):
            if t.start in starts or places.overlapping(t.start, t.end):
                return None  # another change, or a place before the elaboration: not this one's
            end = self._elaboration_end(doc, t, rules)
            if end is not None:
                return self._listed_from(doc, end, cue, sentence, rules, starts)
        return None

    def named_next(self, doc: Doc, cue: Match, sentence: Sentence,
                   rules: ControlRules) -> tuple[list[Mention], int, int] | None:
        """English: "took control of a town south of Idlib city. The town, Maarat al-Numan,
        ...", "seized a village near X. Nairab, which ...": an object that is a noun of a
        place with "a" and no name, whose name the next sentence opens with, as the
        apposition of that noun with "the" or as its subject with an aside after a comma."""
        words = doc.tokens_between(cue.end, sentence.end)[:2 + ADJECTIVES]
        if not words or words[0].key not in INDEFINITE:
            return None
        noun = next((t for t in words[1:] if f"the {t.key}" in rules.anaphors), None)
        places = doc.index("place_mentions")
        if noun is None or places.overlapping(words[0].start, noun.end) or any(
                not t.key.isalpha() for t in words[1:words.index(noun)]):
            return None  # "a town called X": named here; "a town, X": read as a list
        after = doc.tokens_after(noun.end, 1)
        if (after and after[0].key == "of") or doc.text[noun.end:noun.end + 1] == ",":
            return None
        following = doc.tokens_after(sentence.end, 4)
        nxt = doc.sentence_at(following[0].start) if following else None
        if nxt is None or nxt.paragraph - sentence.paragraph > 1:
            return None
        opening = doc.tokens_between(nxt.start, nxt.end)
        named = [m for m in places.starting(nxt.start, nxt.end) if not m.weak]
        if len(opening) > 3 and opening[0].key == "the" and opening[1].key == noun.key and \
                doc.text[opening[1].end:opening[2].start].strip() == "," and named and \
                named[0].start == opening[2].start and doc.text[named[0].end:].lstrip().startswith(","):
            return named[:1], cue.end, noun.end  # "The town, Maarat al-Numan, had been ..."
        told = {m.key for m in places.starting(sentence.start, sentence.end)}
        if named and named[0].start == nxt.start and named[0].key not in told:
            rest = doc.tokens_after(named[0].end, 1)
            if doc.text[named[0].end:].startswith(",") and rest and rest[0].key in APPOSED_OPENERS:
                return named[:1], cue.end, noun.end  # "Nairab, which lies on the highway, ..."
        return None

    def listed_next(self, doc: Doc, cue: Match, sentence: Sentence,
                    rules: ControlRules) -> tuple[list[Mention], int, int] | None:
        """English: "had cleansed the town and a string of surrounding villages ... He named X
        and the villages of A and B": an object of a plural noun of places with no names, whose
        names the next sentence gives after a verb of naming near its start."""
        words = doc.tokens_between(cue.end, sentence.end)[:LISTED_OBJECT_WORDS]
        noun = next((t for t in words if t.key in rules.listed_nouns), None)
        if noun is None:
            return None
        after = doc.tokens_after(noun.end, 2)
        places = doc.index("place_mentions")
        if after and after[0].key == "of" and len(after) > 1 and places.overlapping(after[1].start, after[1].end):
            return None  # "the villages of A and B": named here
        following = doc.tokens_after(sentence.end, 4)
        nxt = doc.sentence_at(following[0].start) if following else None
        if nxt is None or nxt.paragraph - sentence.paragraph > 1:
            return None
        opening = doc.tokens_between(nxt.start, nxt.end)[:LISTED_OPENING]
        verb = next((t for t in opening if t.key in rules.naming_verbs), None)
        if verb is None or places.overlapping(nxt.start, verb.start) or doc.index(
                "actor_mentions").overlapping(nxt.start, verb.start):
            return None  # "Rebels named ...": a party's own change; the list must follow the verb
        phrase = rules.phrases.read(doc, verb.end, nxt.end)
        items = [m for m in phrase.items if not m.weak]
        return (items, cue.end, noun.end) if items else None

    def fronted_place(self, doc: Doc, cue: Match, sentence: Sentence,
                      rules: ControlRules) -> tuple[list[Mention], int, int] | None:
        """English: "In al-Musayfra and al-Jiza, the gunmen handed over the checkpoints ...",
        "In Tafas, rebels seized several positions": an object of a generic noun (positions,
        checkpoints) that names no place is in the places the sentence opens with, after "in"
        and before a comma."""
        opening = doc.tokens_between(sentence.start, cue.start)[:1]
        comma = doc.text.find(",", sentence.start, cue.start)
        if not opening or opening[0].key not in rules.locatives_in or comma < 0:
            return None
        k = doc.token_index(cue.end)
        n = 0
        while k + n < len(doc.tokens) and doc.tokens[k + n].start < sentence.end and n < ADJECTIVES and \
                rules.phrases.category(doc, k + n)[0] == "filler":
            n += 1
        if k + n >= len(doc.tokens) or doc.tokens[k + n].start >= sentence.end or \
                rules.phrases.category(doc, k + n)[0] != "generic":
            return None
        head = doc.tokens[k + n]
        places = [m for m in doc.index("place_mentions").starting(opening[0].end, comma) if not m.weak]
        between = doc.text[opening[0].end:comma]
        for m in reversed(places):
            between = between[:m.start - opening[0].end] + between[m.end - opening[0].end:]
        if not places or {w.lower() for w in between.replace(",", " ").split()} - {"and", "the"}:
            return None  # "In a statement, ...", "In the countryside of X": no list of places alone
        return places, cue.end, head.end

    def passive_elaborated(self, doc: Doc, cue: Match, reach: list[Token], sentence: Sentence,
                           rules: ControlRules) -> list[Mention]:
        """English: "the number of villages taken by regime forces since Sunday rose to five:
        A, B and C", "the villages captured by the army on Monday are A and B": a participle
        right after a noun of places that names none takes the places that noun is elaborated
        by later in the sentence (after a word of elaboration, "are", "were" or a colon), past
        no other place but one that says where."""
        if not reach or rules.phrases.category(doc, doc.token_index(reach[-1].start))[0] != "generic":
            return []
        places = doc.index("place_mentions")
        tokens = doc.tokens_between(cue.end, sentence.end)
        for n, t in enumerate(tokens):
            end = t.start if n and ":" in doc.text[tokens[n - 1].end:t.start] else None
            found = places.overlapping(t.start, t.end) if end is None else []
            if found and not all(self._where(doc, m, rules) for m in found):
                return []  # a place before the elaboration: not the noun's
            end = end if end is not None else self._elaboration_end(doc, t, rules)
            if end is None and t.key in rules.listing_verbs:
                end = t.end
            if end is not None:
                return rules.phrases.read(doc, end, sentence.end, stop_at=frozenset()).items
        return []

    @staticmethod
    def _where(doc: Doc, m: Mention, rules: ControlRules) -> bool:
        """Whether a place says where ("in Idlib", "in southern Idlib"): a word of context
        right before it or before the filler that precedes it."""
        i = doc.token_at(m.start)
        before = [k for k in (i - 1, i - 2) if k >= 0]
        return rules.phrases.is_context(doc, m) or any(
            rules.phrases.category(doc, k)[0] == "context" for k in before)

    @staticmethod
    def _elaboration_end(doc: Doc, t: Token, rules: ControlRules) -> int | None:
        """Where a word of elaboration at ``t`` ("وهي", "أبرزها", "including") ends, or None."""
        category, n, _ = rules.phrases.category(doc, doc.token_index(t.start))
        return doc.tokens[doc.token_index(t.start) + n - 1].end if category == "elaboration" else None

    @staticmethod
    def _listed_from(doc: Doc, start: int, cue: Match, sentence: Sentence, rules: ControlRules,
                     starts: frozenset[int]) -> tuple[list[Mention], int, int] | None:
        """The places of the phrase that starts at ``start``, where it starts and ends; None
        when it names none."""
        phrase = rules.phrases.read(doc, start, sentence.end, stop_at=starts - {cue.start})
        return (phrase.items, start, phrase.end) if phrase.items else None

    def relative_elaborated(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                            starts: frozenset[int]) -> tuple[list[Mention], int, int] | None:
        """Arabic: "ليرتفع عدد المناطق التي سيطرت عليها إلى خمس مناطق، وهي A وB وC": a change
        told in a relative clause whose pronoun stands for a noun of places that names none
        takes the places that noun is elaborated by later in the sentence, before any other
        change and any place that is not where the places are."""
        i = doc.token_at(cue.start)
        window = [n for n in range(max(0, i - RELATIVE_WINDOW), i) if doc.tokens[n].start >= sentence.start
                  and not rules.relatives.isdisjoint(clitic_forms(doc.tokens[n].key))]
        if not window or window[-1] == 0 or doc.tokens[window[-1] - 1].start < sentence.start \
                or rules.phrases.category(doc, window[-1] - 1)[0] != "generic":
            return None
        places = doc.index("place_mentions")
        ahead = doc.tokens_between(cue.end, sentence.end)
        if ahead and ahead[0].key in rules.pronoun_objects:
            ahead = ahead[1:]  # "انسحبت منها": the pronoun, no elaboration
        noun = window[-1] - 1
        named = doc.index("actor_mentions")
        after = ahead
        while after and named.overlapping(after[0].start, after[0].end):
            after = after[1:]  # "التي انسحبت منها الفصائل A": past the subject
        if after and noun > 0 and doc.tokens[noun - 1].start >= sentence.start and not \
                rules.elaborating_prepositions.isdisjoint(clitic_forms(doc.tokens[noun - 1].key)) \
                and places.overlapping(after[0].start, after[0].end):
            # "ومن بين القرى التي تمت السيطرة عليها A وB": the noun is elaborated by what follows
            return self._listed_from(doc, after[0].start, cue, sentence, rules, starts)
        for t in ahead:
            if t.start in starts:
                return None
            if any(not rules.phrases.is_context(doc, m) for m in places.overlapping(t.start, t.end)):
                return None
            end = self._elaboration_end(doc, t, rules)
            if end is not None:
                return self._listed_from(doc, end, cue, sentence, rules, starts)
        return None

    def _apposed_to_complement(self, doc: Doc, m: Mention, sentence: Sentence,
                               rules: ControlRules) -> list[Mention]:
        """"al-Waer, the last rebel-held district of the city until rebels pulled out of it": a
        place named as what a noun of places is part of ("of the city"), that noun in apposition
        to a name before its comma, is not what a pronoun after it stands for: the name is."""
        before = doc.tokens_between(sentence.start, m.start)
        if len(before) < 2 or before[-1].key != "of" or rules.phrases.category(
                doc, doc.token_at(before[-2].start))[0] not in ("generic", "head"):
            return []
        comma = doc.text.rfind(",", sentence.start, before[-2].start)
        if comma <= sentence.start or len(doc.tokens_between(comma, before[-2].start)) > APPOSITION_REACH \
                or doc.index("place_mentions").overlapping(comma, before[-2].start):
            return []
        named = [x for x in doc.index("place_mentions").starting(sentence.start, comma) if x.end <= comma]
        return named[-1:] if named and not doc.text[named[-1].end:comma].strip() else []

    def _bearing_before(self, doc: Doc, place: Mention, rules: ControlRules) -> bool:
        """Whether a word of bearing ("شمال", "جنوب غرب") sets a place apart from what
        stands before it, past the place's head nouns ("شمال بلدة X")."""
        i = doc.token_at(place.start) - 1
        while i >= 0 and rules.bearings and rules.phrases.category(doc, i)[0] == "head":
            i -= 1  # "شمال بلدة X": past the place's head noun
        return i >= 0 and bool(rules.bearings) and \
            not rules.bearings.isdisjoint(clitic_forms(doc.tokens[i].key))

    def _located(self, doc: Doc, phrase: Phrase, cue: Match, sentence: Sentence,
                 rules: ControlRules) -> list[Mention]:
        """What was taken is not a place ("حواجز عسكرية في ريفي درعا", "the IS encampment
        in the village of Baghouz"): the place where it is; but an unnamed count of
        villages is no claim on the area they are in ("أربع قرى في ريف حماة")."""
        if phrase.elaborated:
            return []  # "عدة مواقع في ريف حماة، من بينها A وB": the items, named but not known
        if phrase.context:
            if rules.english and rules.phrases.possessive(doc, phrase.context[0]):
                if self._own_centre(doc, phrase.context[0], sentence, rules):
                    return phrase.context[:1]  # "took Afrin's town centre": the town itself
                return []  # "retook Aleppo's Salaheddine", "seized Palmyra's airport": a part of
                # the place that owns it, not named here, is what was taken
            head: list[Token] = []
            for t in doc.tokens_between(cue.end, phrase.context[0].start):
                if rules.phrases.category(doc, doc.token_index(t.start))[0] in ("context", "near"):
                    break
                head.append(t)
            if any(not rules.phrases.settlements.isdisjoint(clitic_forms(t.key)) for t in head):
                return []  # "أربع قرى في ريف حماة": the villages, not the governorate
            if any(rules.phrases.is_region(t.key) for t in head):
                return []  # "sealed off the northern countryside of Hama": the countryside, not the city
            people = rules.words.members | rules.civilians
            if cue.payloads[0].change == "besieged" and any(
                    {f for form in clitic_forms(t.key) for f in (form, clitics().without_article(form))} & people
                    for t in head):
                return phrase.context[:1]  # "يحاصر عشرات العناصر في المشفى", "besieged hundreds of
                # fighters in the prison": the place they are besieged in
            if head and not any(rules.phrases.category(doc, doc.token_index(t.start))[0] in (
                    "generic", "head") for t in head):
                return []  # "فقد ارتفع عدد الشهداء في درعا": no thing taken, no claim
            if is_wide(doc, phrase.context[0]) and any(rules.phrases.possessed_generic(t.key) for t in head):
                return []  # "انسحبت من مواقعها في ريف حماة": its positions somewhere in an area
            if self._bearing_before(doc, phrase.context[0], rules):
                return []  # "سيطرت على مواقع شمال بلدة X": positions off X, not in it
            return self._coordinated(doc, phrase.context, rules) if rules.english else phrase.context[:1]
        reach = doc.tokens_between(sentence.start, cue.start)[-LOCALS_REACH:]
        earlier = doc.index("place_mentions").starting(reach[0].start, cue.start) if reach else []
        for m in reversed(earlier):  # "أبناء بلدة X ... سيطروا على حاجزين": the locals' place
            before = doc.tokens_between(sentence.start, m.start)[-3:]
            if any(set(clitic_forms(b.key)) & rules.locals for b in before):
                # "Armed locals in A, B and C seized": the places of the list the locals are of
                first = (rules.phrases.preceding(doc, reach[0].start, m.end) or [m])[0]
                return rules.phrases.read(doc, first.start, cue.start).items or [m]
        return []

    @staticmethod
    def _own_centre(doc: Doc, owner: Mention, sentence: Sentence, rules: ControlRules) -> bool:
        """English: whether what a place owns is its centre ("Afrin's town centre", "Raqqa's
        city center", "the town's heart"): the place taken, as "the centre of Afrin" is."""
        after = [t for t in doc.tokens_between(owner.end, sentence.end) if t.key not in ("s", "'s", "’s")]
        words = []
        for t in after[:3]:
            if t.key not in rules.centres:
                break
            words.append(t.key)
        return bool(words) and words[-1] in rules.centre_heads

    @staticmethod
    def _coordinated(doc: Doc, context: list[Mention], rules: ControlRules) -> list[Mention]:
        """English: the place where what was taken is, and the places coordinated right after
        it ("seized checkpoints in Tafas and Jasim", "deployed at points in the A neighborhood
        and the B camp"): each is a place where it was taken; not "in Tafas in Daraa
        province", where the second is where the first is."""
        out = context[:1]
        for m in context[1:]:
            between = doc.tokens_between(out[-1].end, m.start)
            kinds = [rules.phrases.category(doc, doc.token_index(t.start))[0] for t in between]
            if "coordinator" not in kinds or any(k not in ("coordinator", "head", "filler") for k in kinds):
                break
            out.append(m)
        return out

    def antecedent(self, doc: Doc, tokens: list[Token], sentence: Sentence, rules: ControlRules) -> list[Mention]:
        """"The town", "both cities", "البلدتين" among ``tokens`` that no place stands for:
        the place (or the list, for a plural) named last before, in this paragraph or the one
        before it."""
        return self._antecedent_at(doc, tokens, sentence, rules)[0]

    @staticmethod
    def _site(doc: Doc, start: int, noun: str) -> list[Mention]:
        """The site last named before ``start`` with ``noun`` in its name ("المطار" ->
        "مطار منغ العسكري"), any site for no noun ("the facility"); none if none was."""
        for m in reversed(doc.index("place_mentions").before(start)):
            place = doc.places.get(m.key)
            if m.end <= start and place is not None and place.level == "site" and (
                    not noun or f" {noun} " in f" {normalize_key(m.text)} "):
                return [m]
        return []

    @staticmethod
    def _two_sites(doc: Doc, start: int, sentence: Sentence, noun: str) -> list[Mention]:
        """Arabic: the last two places named before ``start``, in this paragraph or the three
        sentences before it, with ``noun`` (or it with the article) among the words of their
        name ("كلية المدفعية والكلية الفنية الجوية" for "الكليتين"); none unless two are."""
        since = paragraph_start(doc, doc.sentences[max(0, doc.sentences.index(sentence) - 3)])
        places = doc.index("place_mentions").starting(since, start)
        for t in reversed(doc.tokens_between(since, start)):
            if t.key == f"{noun}ي":  # "معسكري وادي الضيف والحامدية": the two named after the dual
                pair = [m for m in places if m.start >= t.start and m.end <= start][:2]
                if len(pair) == 2 and len(doc.tokens_between(t.end, pair[1].start)) <= DUAL_REACH:
                    return pair
                break
        found: list[Mention] = []
        for m in reversed(places):
            words = normalize_key(m.text).split()
            if m.end <= start and (noun in words or f"ال{noun}" in words) and \
                    all(m.key != f.key for f in found):
                found.insert(0, m)
            if len(found) == 2:
                return found
        return []

    def _antecedent_at(self, doc: Doc, tokens: list[Token], sentence: Sentence,
                       rules: ControlRules) -> tuple[list[Mention], int]:
        """:meth:`antecedent`, and where the anaphor ends."""
        for n in range(len(tokens) - 1, -1, -1):
            pair = " ".join(t.key for t in tokens[max(0, n - 1):n + 1])
            single = tokens[n].key in rules.anaphors or pair in rules.anaphors
            plural = tokens[n].key in rules.plural_anaphors or pair in rules.plural_anaphors
            site = rules.site_anaphors.get(pair, rules.site_anaphors.get(tokens[n].key))
            if site is not None and not (single or plural):
                start = tokens[n - 1].start if pair in rules.site_anaphors else tokens[n].start
                after = doc.tokens_after(tokens[n].end, 1)
                if doc.index("place_mentions").overlapping(start, tokens[n].end) or (
                        after and after[0].key in ("of", "ب")):
                    return [], 0
                return self._site(doc, start, site), tokens[n].end
            dual = rules.dual_sites.get(tokens[n].key)
            if dual is not None and not (single or plural):
                named = self._two_sites(doc, tokens[n].start, sentence, dual)
                return named, (tokens[n].end if named else 0)  # "استعادت الكليتين"
            if not (single or plural):
                continue
            start = tokens[n - 1].start if pair in rules.anaphors | rules.plural_anaphors else tokens[n].start
            after = doc.tokens_after(tokens[n].end, 1)
            if doc.index("place_mentions").overlapping(start, tokens[n].end) or (
                    after and after[0].key in ("of", "ب")):
                return [], 0  # a place the places reader resolved, or a name after a head noun
            since = paragraph_start(doc, doc.sentences[max(0, doc.sentences.index(sentence) - 3)])
            named = [m for m in rules.phrases.preceding(doc, since, start) if not is_wide(doc, m)]
            return (named if plural else named[-1:]), tokens[n].end
        return [], 0


def _vicinity_with_pronoun(key: str, rules: ControlRules) -> bool:
    """Arabic: whether a word is a noun of vicinity with a pronoun joined to it ("أطرافها",
    "محيطه", "مشارفهما")."""
    return any(key.endswith(suffix) and key[:-len(suffix)] in rules.vicinity for suffix in ("هما", "هم", "ها", "ه"))


def is_wide(doc: Doc, m: Mention) -> bool:
    """A governorate or a district: an area a pronoun rarely stands for when a town was named."""
    entry = doc.places.get(m.key)
    return entry is not None and entry.level in WIDE_LEVELS


def paragraph_start(doc: Doc, sentence: Sentence) -> int:
    """Where the paragraph of ``sentence`` starts."""
    if 0 <= sentence.paragraph < len(doc.paragraphs):
        return doc.paragraphs[sentence.paragraph][0]
    return sentence.start


def quoted(doc: Doc, m: Mention) -> bool:
    """Whether a place is named inside a quotation opened on its line (a name, a slogan); in
    Arabic, not inside a quotation longer than a name, a statement quoted ("أن "مدينة حمص
    أصبحت خالية من المسلحين، باستثناء حي الوعر الذي لا يزال تحت سيطرة المسلحين"")."""
    line_start = doc.text.rfind("\n", 0, m.start) + 1
    before = doc.text[line_start:m.start]
    opens = sum(before.count(q) for q in "“«")
    closes = sum(before.count(q) for q in "”»")
    plain = before.count("\"")
    right_after = m.start > 0 and doc.text[m.start - 1] in OPENING_QUOTES
    if not (right_after or opens > closes or plain % 2 == 1):
        return False
    if doc.language == "en":
        return True
    opened = m.start - 1 if right_after else line_start + max(before.rfind(q) for q in "“«\"")
    line_end = doc.text.find("\n", m.end)
    line_end = len(doc.text) if line_end < 0 else line_end
    closing = [k for k in (doc.text.find(c, m.end, line_end) for c in CLOSING_QUOTES.get(
        doc.text[opened], "\"”»")) if k >= 0]
    return min(closing, default=line_end) - opened <= MAX_QUOTED


def _announcing(gap: str) -> bool:
    """A colon, or a dash set apart, between an unnamed count of places and what follows
    ("seized three villages on Monday: A, B and C", "five villages on Monday - A, B"): the
    places it stands for follow."""
    mark = gap.strip()
    return mark == ":" or (mark in ("-", "–", "—") and gap != mark)


def _aside_closed(doc: Doc, pronoun: Token, cue: Match) -> bool:
    """Whether a relative clause set between commas ends before the change ("قوات النظام،
    التي تدعمها روسيا، سيطرت على"): one comma before its pronoun and one alone between it
    and the change, the change right after that one; the change is the main clause's."""
    if not any(c in doc.text[max(0, pronoun.start - 3):pronoun.start] for c in ",،"):
        return False
    between = doc.text[pronoun.end:cue.start]
    commas = [k for k, c in enumerate(between) if c in ",،"]
    return len(commas) == 1 and not between[commas[0] + 1:].strip() and bool(between[:commas[0]].strip())
