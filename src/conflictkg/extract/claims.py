"""Casualty claims: how many were killed, wounded or went missing, whose, and who says so.

A claim is a count next to a victim noun ("82 عنصراً على الأقل من قوات النظام"), a
count right before an outcome verb ("أكثر من 200 قتلوا"), a toll ("ارتفع عدد القتلى
إلى 62") or an outcome noun before a singular victim ("مقتل شخص آخر"), in a clause
that says people were killed, wounded or went missing. Tanks, checkpoints and days
are counted too, but not as people. A revised toll ("حصيلة جديدة") supersedes the
earlier one ("حصيلة سابقة"), and so does each later step of a chain ("ارتفع إلى 40 ثم
إلى 57"). A breakdown ("47 قتيلاً، بينهم 29 من قوات النظام و18 من الهيئة", "20 of whom
were children") makes its counts parts of the total, not tolls beside it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import ClassVar, TypeVar, cast

from conflictkg.extract.actors import curated_actor
from conflictkg.extract.attribution import attribution_at
from conflictkg.extract.doc import Doc, Sentence, SpanIndex, Token, clitic_forms, word_forms
from conflictkg.extract.lexicon import clitics, read_tsv
from conflictkg.extract.matcher import Match, Matcher
from conflictkg.extract.model import CasualtyClaim
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.numbers import dual_value, find_numbers
from conflictkg.extract.patterns import PatternError, Patterns
from conflictkg.extract.tolls import Count, fold_repeats, marks_part, relate, supersede
from conflictkg.reference.gazetteers import Gazetteers

NOUN_WINDOW = 3  # tokens after a count in which its victim noun stands
FORMS_KEPT = 100_000  # words whose victim form is remembered
_UNREAD = object()  # a word not looked up yet
T = TypeVar("T")
WINDOW_BEFORE_NOUN, WINDOW_AFTER_NOUN = 8, 3  # where counts are read around a victim noun
WINDOW_BEFORE_CUE, WINDOW_AFTER_CUE = 3, 6  # ... and around an outcome word
PASSIVE_REACH = 12  # tokens from an English count to the passive verb of its clause
SINGULAR_REACH = 5  # tokens before a passive outcome word where "a woman (was)" stands
LIST_ITEM = 300  # characters: a longer line is prose, not an item of a list
WINDOW_AFTER_MARK = 14  # ... and after "بينهم", "ثم": a breakdown's parts, a chain's steps
DUAL_ENDINGS = ("ين", "ان")  # "عنصرين", "جنديان": a dual counts two
ACTOR_WINDOW = 4  # tokens after the victim noun in which whose dead they are is named
TOLL_WINDOW = 4  # tokens between "عدد القتلى" and "إلى 62"
PART_ITEMS = 6  # tokens after "بينهم" / "among them" in which singular victims are listed
RISE = "rise"  # the outcome group of words that raise a toll said before them
CATEGORY_OF = {"bodies": None, "dead": None, "others": None, "nationals": None}  # nouns that say nothing of who died


class _Rules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("casualties", language)
        self.language = language
        self.outcomes: Matcher[str] = s.matcher(**s.groups("outcomes"))
        self.dead = s.keys("dead_nouns")
        self.victims = {normalize_key(w): category for category, words
                        in s.groups("victims").items() for w in words}
        self.singular = s.keys("singular_victims")
        self.not_victims = s.keys("not_victims")
        self.tolls: Matcher[str] = s.matcher(new=s.words("new_toll"), old=s.words("old_toll"))
        self.sides: Matcher[str] = s.matcher(**s.groups("sides"))
        self.count_nouns = s.keys("count_nouns")
        self.side_actors = s.mapping("side_actors")
        self.victim_links = s.keys("victim_links")
        self.parts_before: Matcher[str] = s.matcher(part=s.words("part_markers_before"))
        self.parts_after = s.keys("part_markers_after")
        self.partitive_links = s.keys("partitive_links")
        self.chain: Matcher[str] = s.matcher(chain=s.words("chain_markers"))
        self.rise_from, self.rise_to = s.keys("rise_from"), s.keys("rise_to")
        self.one_adjectives = s.keys("one_adjectives")
        self.part_words = s.keys("part_markers_before")
        self.one_words = s.keys("one_words")
        self.part_skips = self.one_words | {"and"}  # "including a child and a woman"
        self.estimate_openers = s.keys("estimate_openers")
        # the same words right before a count, in the normalised text: "بـ60", "ب أكثر من 60", "at 60"
        openers = "|".join(re.escape(w) for w in sorted(self.estimate_openers, key=len, reverse=True))
        self.estimated_at = re.compile(rf"(?:^|\s)(?:{openers})\s*$")
        self.auxiliaries = s.keys("auxiliaries")
        self.passive_auxiliaries = s.keys("passive_auxiliaries")
        self.captures = s.keys("capture_words")  # "أسر 12": the count after them was taken
        self.relatives = s.keys("relative_pronouns")  # "16 who were killed", "15 ممن قتلوا"
        self.relative_verbs = self.relatives | self.auxiliaries
        self.relative_words = frozenset(w for phrase in self.parts_after for w in phrase.split()) \
            | self.auxiliaries
        self.forms: dict[str, str] = {}  # word -> its victim form, as words recur
        self.sides_of: dict[str, str | None] = {}  # word -> the side it names, as words recur


class CasualtyFinder:
    """Fills ``casualty_claims``."""

    name: ClassVar[str] = "casualties"
    requires: ClassVar[tuple[str, ...]] = (
        "sentences", "actor_mentions", "attributions", "publisher", "sentence_events")
    assigns: ClassVar[tuple[str, ...]] = ("casualty_claims", "actors")

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._actors = gazetteers.actors
        self._number_words = frozenset(
            normalize_key(row["word"])
            for row in read_tsv("numbers.tsv", ("word", "value", "role", "lang")))
        self._numerics: dict[str, bool] = {}  # word -> whether it is a number
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("casualties")}
        for rules in self._rules.values():
            unknown = set(rules.side_actors.values()) - set(gazetteers.actors)
            if unknown:
                raise PatternError(f"casualties.yaml: side_actors names unknown actors {unknown}")

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        outcomes = SpanIndex(m for m in rules.outcomes.find(doc.norm)
                             if not doc.in_boilerplate(m.start))
        tolls = SpanIndex(rules.tolls.find(doc.norm))
        parts, chains = SpanIndex(rules.parts_before.find(doc.norm)), SpanIndex(rules.chain.find(doc.norm))
        fallback = doc.publisher
        claims: list[tuple[CasualtyClaim, str | None]] = []
        used: set[str] = set()
        listing: str | None = None  # the outcome of a line that opens a list ("… as follows:")
        told: tuple[int, str] | None = None  # (paragraph, outcome) of the last toll told
        for sentence in doc.sentences:
            cues = outcomes.starting(sentence.start, sentence.end)
            # "The count later reached 71": a rise revises the toll of the sentence before
            carried = told[1] if told and told[0] == sentence.paragraph else None
            said = [c.payloads[0] for c in cues if c.payloads[0] != RISE]
            told = (sentence.paragraph, said[-1]) if said else None
            if all(c.payloads[0] == RISE for c in cues) and carried is None:
                cues = []  # "rose to" with no toll said
            inherited = listing if not cues and _list_item(doc, sentence) else None
            listing = cues[-1].payloads[0] if cues and _opens_list(doc, sentence) else inherited
            if not cues and inherited is None and carried is not None \
                    and self._breakdown_of(doc, sentence, rules):
                inherited = carried  # "Four of them were children": the toll told before
            if sentence.boilerplate or not (cues or inherited):
                continue
            marks = [*parts.starting(sentence.start, sentence.end),
                     *chains.starting(sentence.start, sentence.end)]
            found = doc.attempt(self.name, (sentence.start, sentence.end), [],
                                self._in_sentence, doc, sentence, cues, marks, rules, inherited,
                                carried)
            made: list[tuple[Count, CasualtyClaim]] = []
            for f in found:
                clause = doc.clause_at(f.start) or (sentence.start, sentence.end)
                start = min(clause[0], f.start)
                key = f"casualties-{start}-{f.end}"
                if key in used:
                    continue
                used.add(key)
                evidence = doc.span(start, f.end)
                near = tolls.starting(sentence.start, sentence.end)
                toll = min(near, key=lambda t: abs(t.start - f.start)).payloads[0] if near \
                    else None  # the toll word nearest the count says which toll it is
                claim = CasualtyClaim(
                    key=key, count=f.count, qualifier=f.qualifier,
                    attributed_to=attribution_at(doc, f.start, f.end, fallback),
                    evidence=evidence, victim_actor=f.victim, victim_category=f.category,
                    outcome=f.outcome, event=doc.sentence_events.get(sentence.start))
                claims.append((claim, toll))
                made.append((f, claim))
            doc.attempt(self.name, (sentence.start, sentence.end), None, relate, doc, made,
                        parts.starting(sentence.start, sentence.end),
                        chains.starting(sentence.start, sentence.end), rules.parts_after)
        claims = fold_repeats(doc, claims)
        supersede(claims)
        doc.casualty_claims = [c for c, _ in claims]
        for claim in doc.casualty_claims:  # a side named only by a word ("جنود النظام")
            if claim.victim_actor and claim.victim_actor not in doc.actors:
                doc.actors[claim.victim_actor] = curated_actor(self._actors[claim.victim_actor])

    def _in_sentence(self, doc: Doc, sentence: Sentence, cues: list, marks: list,
                     rules: _Rules, inherited: str | None = None,
                     carried: str | None = None) -> list[Count]:
        out: list[Count] = []
        taken: list[tuple[int, int]] = []
        for a, b in _windows(doc, sentence, cues, marks, rules):
            if not self._may_count(doc, a, b):
                continue
            dates = [(d.span.start - a, d.span.end - a) for d in doc.dates_overlapping(a, b)]
            for n in find_numbers(doc.text[a:b], dates=dates):
                start, end = a + n.span.start, a + n.span.end
                found = self._counted(doc, sentence, start, end, n.value, n.qualifier, cues,
                                      rules, inherited, carried)
                if found is None and out:
                    found = self._elided(doc, sentence, start, end, n.value, n.qualifier, out[-1],
                                         marks, rules)
                if found is None and out and any(out[-1].end <= m.start and m.end <= start
                                                 for m in marks if m.payloads[0] == "chain"):
                    last = out[-1]  # "إلى 40 ثم إلى 57": the chain's next step
                    found = Count(start, end, n.value, n.qualifier, last.outcome, last.category,
                                   last.victim)
                if found is not None:
                    found.count_start, found.count_end = start, end
                    out.append(found)
                    taken.append((start, end))
        for one in [*self._singular_parts(doc, sentence, marks, out, rules),
                    *self._joined_singulars(doc, sentence, out, rules)]:
            if not any(s <= one.start < e or s < one.end <= e for s, e in taken):
                out.append(one)
                taken.append((one.start, one.end))
        for cue in cues:  # "مقتل شخص آخر", "killing a civilian", "a woman was killed"
            if cue.payloads[0] in ("killed", "wounded", "missing"):
                one = self._singular(doc, sentence, cue, rules)
                if one is not None and not any(s <= one.start < e or s < one.end <= e
                                               for s, e in taken):
                    out.append(one)
                    taken.append((one.start, one.end))
        return sorted(out, key=lambda c: c.start)  # in text order, as parts are related

    def _breakdown_of(self, doc: Doc, sentence: Sentence, rules: _Rules) -> bool:
        """Whether a sentence with no outcome word breaks down the toll of the sentence
        before: a count then "of them", "منهم" ("Four of them were children", "8 منهم
        أطفال")."""
        tokens = doc.tokens_between(sentence.start, sentence.end)
        return any(self._numeric(token) and marks_part(tokens[n + 1:n + 3], rules.parts_after)
                   for n, token in enumerate(tokens[:-1]))

    def _elided(self, doc: Doc, sentence: Sentence, start: int, end: int, value: int,
                qualifier: str, last: Count, marks: list, rules: _Rules) -> Count | None:
        """A count of people whose noun is left out, told as "N من X" / "N of X" after
        another count of the sentence: a part of a breakdown ("بينهم 24 من جنسيات غير
        سورية", "including 14 of non-Syrian nationalities") or the next toll of a list
        ("23 عنصراً من قوات النظام، و31 من الفصائل"). It has the last count's outcome; X
        says whose they were when it names a group."""
        after = [t for t in doc.tokens_after(end, 3) if t.end <= sentence.end]
        if len(after) < 2 or after[0].key not in rules.partitive_links:
            return None
        if _victim_form(after[1].key, rules) in rules.not_victims or any(map(self._numeric, after[1:])):
            return None  # "12 من الآليات", "40 من أصل 60"
        between = doc.text[last.end:start]
        part = any(last.end <= m.start and m.end <= start for m in marks if m.payloads[0] == "part")
        listed = not part and len(doc.tokens_between(last.end, start)) <= 1 and (
            "،" in between or "," in between or _joined(doc, start, rules))
        if not (part or listed):
            return None
        members = self._members(doc, after, rules)
        victim, phrase_end = members if members else (None, after[1].end)
        return Count(start, phrase_end, value, qualifier, last.outcome,
                     last.category if part else None, victim)

    def _singular_parts(self, doc: Doc, sentence: Sentence, marks: list, counts: list[Count],
                        rules: _Rules) -> list[Count]:
        """"بينهم امرأة وطفل", "among them a rescue volunteer": the singular victims a
        breakdown names after a count, one each, with that count's outcome."""
        out: list[Count] = []
        for mark in marks:
            whole = [c for c in counts if c.end <= mark.start]
            if mark.payloads[0] != "part" or not whole:
                continue
            items = doc.tokens_after(mark.end, PART_ITEMS)
            for n, token in enumerate(items):
                if token.start >= sentence.end or token.key in rules.part_skips:
                    continue
                form = self._singular_form(token, rules)
                if form is None and rules.language == "en" and n + 1 < len(items) \
                        and self._singular_form(items[n + 1], rules):
                    continue  # "a rescue volunteer": a word that says which, before the noun
                if form is None:
                    break
                one = Count(token.start, token.end, 1, "exact", whole[-1].outcome, _category(form, rules), None)
                one.count_start, one.count_end = token.start, token.end
                out.append(one)
        return out

    def _joined_singulars(self, doc: Doc, sentence: Sentence, counts: list[Count],
                          rules: _Rules) -> list[Count]:
        """"مقتل طفلين وسيدة", "ثلاثة رجال وطفل": a singular victim joined by "و" right
        after a count's noun is one more victim, with that count's outcome."""
        out: list[Count] = []
        for count in counts:
            after = [t for t in doc.tokens_after(count.end, 1) if t.end <= sentence.end]
            if not after or not after[0].key.startswith("و") or len(after[0].key) < 3:
                continue
            token = after[0]
            form = self._singular_form(token, rules)
            if form is None or (token.key[1:] != form and token.key[1:] != "ال" + form):
                continue  # only the word itself after its "و", not a dual or plural
            one = Count(token.start, token.end, 1, "exact", count.outcome, _category(form, rules), None)
            one.count_start, one.count_end = token.start, token.end
            out.append(one)
        return out

    @staticmethod
    def _singular_form(token: Token, rules: _Rules) -> str | None:
        """The singular victim noun a word is, under its proclitics ("وطفل"), not its dual."""
        return next((f for f in clitic_forms(token.key) if f in rules.singular), None)

    def _singular(self, doc: Doc, sentence: Sentence, cue: Match, rules: _Rules) -> Count | None:
        """One victim named by a singular noun, with "a"/"one"/"another" or none, right
        after the outcome word or, in a passive, right before it."""
        after = [t for t in doc.tokens_after(cue.end, 2) if t.end <= sentence.end]
        if after and after[0].key in rules.one_words:
            after = after[1:]
        if after and _victim_form(after[0].key, rules) in rules.singular:
            noun = after[0]
            return Count(cue.start, noun.end, 1, "exact", cue.payloads[0],
                          _category(_victim_form(noun.key, rules), rules), self._whose(doc, noun, rules))
        before = [t for t in doc.tokens_between(sentence.start, cue.start)][-SINGULAR_REACH:]
        while before and before[-1].key in rules.auxiliaries:
            before.pop()
        if before and _victim_form(before[-1].key, rules) in rules.singular:
            noun = before[-1]
            one = next((t for t in reversed(before[-4:-1]) if t.key in rules.one_words), None)
            if one is not None:  # "a woman", "a Russian officer"
                return Count(one.start, cue.end, 1, "exact", cue.payloads[0],
                              _category(_victim_form(noun.key, rules), rules), None)
        return None

    def _may_count(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a stretch holds a digit, a number word or a dual: the numbers reader is
        the slowest step, so it reads only where a count may be."""
        if any(c.isdigit() for c in doc.text[start:end]):
            return True
        return any(f in self._number_words or f.endswith(DUAL_ENDINGS)
                   for f in word_forms(doc.tokens_between(start, end)))

    def _numeric(self, token: Token) -> bool:
        """A token that is a number: digits, a number word, a dual count noun (read once a
        word, as words recur)."""
        return _remembered(self._numerics, token.key, lambda key: key[:1].isdigit() or any(
            f in self._number_words or dual_value(f) for f in clitic_forms(key)))

    def _counted(self, doc: Doc, sentence: Sentence, start: int, end: int, value: int,
                 qualifier: str, cues: list, rules: _Rules, inherited: str | None = None,
                 carried: str | None = None) -> Count | None:
        """A count that counts people, with what happened to them and whose they were;
        ``inherited`` is the outcome of the list the sentence is an item of, ``carried``
        that of the toll told in the sentence before, which a rise here revises."""
        first = doc.tokens[doc.token_at(start)] if doc.tokens else None
        holder = first.start if first is not None and first.start < start < first.end else start
        if self._one_after_noun(doc, sentence, holder, end, cues, rules):
            return None  # "من عائلة واحدة", "دفعة واحدة": "one" agreeing with its noun
        taker = doc.tokens_between(sentence.start, holder)[-1:]
        taken = bool(taker) and not rules.captures.isdisjoint(clitic_forms(taker[0].key))
        tokens = doc.tokens_between(holder, sentence.end)  # "وامرأتان": the count after its "و"
        number_tokens = [t for t in tokens if t.start < end]
        relative = 0  # "eight of whom were children", "20 منهم أطفال": the noun comes later
        for t in tokens[len(number_tokens):len(number_tokens) + 4]:
            if t.key not in rules.relative_words:
                break
            relative += 1
        window = tokens[:len(number_tokens) + NOUN_WINDOW + relative]
        noun: Token | None = None
        rising = self._rising(doc, sentence, holder, tokens[len(number_tokens):], rules)
        if rising:  # "ارتفعت من 80 إلى 120 شهيداً": the first step has the noun of the second
            window = tokens[:len(number_tokens) + rising + NOUN_WINDOW]
        for n, t in enumerate(window):
            if n >= len(number_tokens) and self._numeric(t) and not rising:
                break  # "بين 80 و120 شهيداً": the noun after another count is that count's
            form = _victim_form(t.key, rules)
            if form in rules.not_victims:
                return None
            if form in rules.victims:
                noun = t
                break
        outcome = self._outcome(doc, start, noun, cues, rules) or inherited
        if taken and outcome is not None:  # "أسر 12 عنصراً ومقتل آخرين": taken, not killed
            outcome = "captured"
        members = self._members(doc, tokens[len(number_tokens):], rules) if noun is None else None
        if members is not None and outcome is not None:  # "29 من قوات النظام"
            victim, phrase_end = members
            return Count(start, phrase_end, value, qualifier, outcome, "fighters", victim)
        if noun is None:
            following = tokens[len(number_tokens):][:TOLL_WINDOW]
            cue_after = bool(following) and any(c.start == following[0].start for c in cues)
            said = next((t for t in following if t.key not in rules.relative_verbs), None)
            if said is not None and said is not following[0] and following[0].key in rules.relatives:
                cue_after = any(following[1].start <= c.start <= said.start  # "16 who were
                                for c in cues)  # killed": "were killed" is an outcome too
            if following and following[0].key in rules.count_nouns:  # "1250 عدد الذين قتلوا"
                cue_after = any(following[1].start <= c.start <= following[-1].start
                                for c in cues) if len(following) > 1 else False
            # "the deaths of 18 people under torture, 16 of whom died": a part of a toll
            # the sentence told before it, however far back its outcome word stands
            part = marks_part(following[:2], rules.parts_after) and any(
                sentence.start <= c.start and c.end <= start for c in cues)
            if not (cue_after or part or self._toll_before(doc, sentence, start, cues, rules, carried)):
                return None
            if outcome is None:
                outcome = carried or "killed"
        if outcome is None:
            return None
        form = _victim_form(noun.key, rules) if noun else ""
        category = _category(form, rules) if noun else None
        phrase_end = max(end, noun.end) if noun and not rising else end  # the step's own
        victim = self._whose(doc, noun, rules) if noun else None
        if victim and noun and not rising:  # "... من قوات النظام": the phrase runs to the group's name
            mention = next((m for m in doc.index("actor_mentions").starting(
                noun.end, len(doc.text)) if m.key == victim), None)
            phrase_end = max(phrase_end, mention.end if mention else phrase_end)
        if noun and victim is None and category in ("fighters", "officers"):
            victim = self._side(doc, start, noun, rules)
        return Count(start, phrase_end, value, qualifier, outcome, category, victim)

    def _one_after_noun(self, doc: Doc, sentence: Sentence, holder: int, end: int, cues: list,
                        rules: _Rules) -> bool:
        """"عائلة واحدة", "مرة واحدة": the word for one after a noun it qualifies, not a
        count; after an outcome word ("قتل واحد منهم"), a breakdown's word ("بينهم واحد") or
        a victim noun ("مدني واحد") it still counts."""
        if normalize_key(doc.text[holder:end]) not in rules.one_adjectives:
            return False
        before = doc.tokens_between(sentence.start, holder)[-1:]
        if not before or not before[0].key.isalpha() or self._numeric(before[0]):
            return False
        word = before[0]
        if any(c.start <= word.start < c.end for c in cues) or _victim_form(word.key, rules) in rules.victims:
            return False
        return not (set(clitic_forms(word.key)) & (rules.parts_after | rules.part_words | rules.victim_links))

    def _rising(self, doc: Doc, sentence: Sentence, holder: int, after: list[Token],
                rules: _Rules) -> int:
        """"من 80 إلى 120", "from 80 to 120": a count after the word "from", then the word
        "to" and another count; the number of tokens up to that count's end, else 0."""
        before = doc.tokens_between(sentence.start, holder)[-1:]
        if not before or not set(clitic_forms(before[0].key)) & rules.rise_from:
            return 0
        if len(after) < 2 or after[0].key not in rules.rise_to or not self._numeric(after[1]):
            return 0
        return 2

    def _outcome(self, doc: Doc, start: int, noun: Token | None, cues: list,
                 rules: _Rules) -> str | None:
        """What happened: the outcome word of the clause, or a dead-body noun."""
        if noun is not None and _victim_form(noun.key, rules) in rules.dead:
            return "killed"
        cues = [c for c in cues if c.payloads[0] != RISE]
        clause = doc.clause_at(start)
        near = [c for c in cues if clause and clause[0] <= c.start < clause[1]]
        sentence = doc.sentence_at(start)
        subject_of = self._passive_after(doc, sentence, start, cues, rules)
        if subject_of is not None:
            return subject_of
        if sentence is not None and all(
                c.start < start and self._passive(doc, sentence, c, rules) for c in near):
            # a passive's verb after the victims' phrase is theirs ("14 civilians, eight of
            # whom…, were killed"; "four were killed and 9 others, among them a child, were
            # wounded"), before an earlier clause's verb; in English, a later verb within reach
            after = [c for c in cues if start < c.start < sentence.end
                     and self._within_reach(doc.tokens_between(start, c.start))][:1]
            passive = [c for c in after if self._passive(doc, sentence, c, rules)]
            near = passive or near or [c for c in cues if sentence.start <= c.start < start]
            if not near and rules.language == "en":
                near = after
        if not near:
            return None
        if rules.language == "ar" and any(c.start < start for c in near):
            near = [c for c in near if c.start < start]  # the verb comes first: "استشهد مدنيان"
        # the nearest by the gap between them ("killed 3 and wounded 10": 3 were killed)
        best = min(near, key=lambda c: start - c.end if c.end <= start else abs(c.start - start))
        return best.payloads[0]

    def _passive_after(self, doc: Doc, sentence: Sentence | None, start: int, cues: list,
                       rules: _Rules) -> str | None:
        """English: the outcome of a passive verb after the count, when the count is its
        subject ("four were killed and 9 others, among them a child, were wounded";
        "killed 3 in Ariha and 4 were wounded"): the first outcome word after the count
        is a passive's, within reach, and no active verb right before the count takes it
        as its object ("killed 6 soldiers and 2 civilians were hurt": the 6 were killed)."""
        if rules.language != "en" or sentence is None:
            return None

        def passive(cue: Match) -> bool:  # "were wounded", the cue itself "were killed"
            return self._passive(doc, sentence, cue, rules) or \
                cue.key.split(" ", 1)[0] in rules.passive_auxiliaries
        later = next((c for c in cues if start < c.start < sentence.end), None)
        if later is None or not passive(later) \
                or not self._within_reach(doc.tokens_between(start, later.start)):
            return None
        earlier = [c for c in cues if sentence.start <= c.start and c.end <= start]
        between = doc.tokens_between(earlier[-1].end, start) if earlier else []
        if earlier and not passive(earlier[-1]) and (
                not between or (len(between) == 1 and between[0].key != "and")):
            return None  # "killed 6 soldiers", "the death of 3": the verb's (or noun's) object
        return later.payloads[0]

    @staticmethod
    def _passive(doc: Doc, sentence: Sentence, cue: Match, rules: _Rules) -> bool:
        """Whether an outcome word is a passive's, right after "were", "was", "been"...: its
        subject is the count before it, not the object of an earlier clause's verb ("killed
        5, 3 of them children, and wounded 12": the 3 were killed)."""
        before = doc.tokens_between(sentence.start, cue.start)[-1:]
        return bool(before) and before[0].key in rules.passive_auxiliaries

    def _within_reach(self, tokens: list[Token]) -> bool:
        """Whether a passive verb after ``tokens`` is the verb of the count that opens them:
        near it, or near the last count of a list it opens ("28 members of the security
        forces and prison guards, 51 jihadists and five civilians had been killed"), each
        count near the one before."""
        last = 0
        for n, token in enumerate(tokens):
            if self._numeric(token):
                if n - last > PASSIVE_REACH:
                    return False
                last = n
        return len(tokens) - last <= PASSIVE_REACH

    def _toll_before(self, doc: Doc, sentence: Sentence, start: int, cues: list,
                     rules: _Rules, carried: str | None = None) -> bool:
        """"ارتفع عدد القتلى الى 62": a toll word shortly before the count; or a word of
        rising ("rose to", "up from", "ارتفعت إلى") after an outcome word in the sentence;
        or a toll estimated at the count ("قدّر عدد قتلى داعش في معارك تل أبيض بأكثر من
        60", "put the toll at 60") anywhere before it in the sentence. A rise with no
        outcome word before it revises the toll of the sentence before (``carried``)."""
        if rules.estimated_at.search(normalize_key(doc.text[max(sentence.start, start - 12):start])) and any(
                sentence.start <= c.start and c.end <= start and c.payloads[0] != RISE
                for c in cues):
            return True
        return any(
            sentence.start <= c.end <= start and len(doc.tokens_between(c.end, start)) <= TOLL_WINDOW
            and (c.payloads[0] != RISE or carried is not None
                 or any(o.payloads[0] != RISE and o.end <= c.start for o in cues))
            for c in cues)

    def _whose(self, doc: Doc, noun: Token, rules: _Rules) -> str | None:
        """The group the victims belong to, named in the phrase right after them ("من قوات
        النظام", "على الأقل من الفصائل", "للنظام", "of the SDF"); the phrase ends at the
        first word that is none of these."""
        found = self._members(doc, doc.tokens_after(noun.end, ACTOR_WINDOW + 2), rules)
        return found[0] if found else None

    def _members(self, doc: Doc, after: list[Token], rules: _Rules) -> tuple[str, int] | None:
        """(group, end of its name) when ``after`` opens with a group's name, past linking
        words ("من", "في صفوف", "at least", "of the") and a side's word ("المعارضة")."""
        sentence = doc.sentence_at(after[0].start) if after else None
        actors = doc.index("actor_mentions")
        for n, t in enumerate(after[:ACTOR_WINDOW + 2]):
            if sentence is None or t.start >= sentence.end:
                return None
            mention = next(iter(actors.overlapping(t.start, t.end)), None)
            if mention is not None:
                return mention.key, mention.end
            side = _side_of(doc.text[t.start:t.end], rules)
            if side is not None and rules.side_actors.get(side):
                return rules.side_actors[side], t.end
            if rules.victim_links.isdisjoint(clitic_forms(t.key)) or n > ACTOR_WINDOW:
                return None
        return None

    def _side(self, doc: Doc, start: int, noun: Token, rules: _Rules) -> str | None:
        """"23 Syrian soldiers", "جنود النظام": whose dead, by a word for a side."""
        after = doc.tokens_after(noun.end, 2)
        end = after[-1].end if after else noun.end
        for m in rules.sides.find(doc.text[start:end]):
            actor = rules.side_actors.get(m.payloads[0])
            if actor:
                return actor
        return None


def _opens_list(doc: Doc, sentence: Sentence) -> bool:
    """A line that ends with a colon: the lines after it are its items."""
    return doc.text[sentence.start:sentence.end].rstrip().endswith((":", "："))


def _list_item(doc: Doc, sentence: Sentence) -> bool:
    """A short line of its own, as a list's items are ("ISIS: 3 civilians.", "- 6 مدنيين")."""
    line_start = doc.text.rfind("\n", 0, sentence.start) + 1
    line_end = doc.text.find("\n", sentence.start)
    line_end = len(doc.text) if line_end < 0 else line_end
    return not doc.text[line_start:sentence.start].strip() and line_end - line_start <= LIST_ITEM


def _windows(doc: Doc, sentence: Sentence, cues: list, marks: list,
             rules: _Rules) -> list[tuple[int, int]]:
    """Where in a sentence a count of victims can stand: before a victim noun, around an
    outcome word, after a breakdown's or a chain's word. Reading numbers only there keeps
    the numbers reader off the rest."""
    tokens = doc.tokens_between(sentence.start, sentence.end)
    starts = [t.start for t in tokens]
    spans = []
    forms, victims = rules.forms, rules.victims  # every word of the sentence: looked up inline
    openers, links = rules.estimate_openers, rules.partitive_links
    for j, key in enumerate([t.key for t in tokens]):
        form = forms.get(key)
        if (form if form is not None else _victim_form(key, rules)) in victims:
            spans.append((j - WINDOW_BEFORE_NOUN, j + WINDOW_AFTER_NOUN))
        if key in openers or (key[:1] == "ب" and key[1:2].isdigit()):
            spans.append((j, j + 3))  # "بأكثر من 60", "بـ60", "at 60": a toll put at a count
        if j and key in links and tokens[j - 1].key[-1:].isdigit():
            spans.append((j - 1, j))  # "و31 من الفصائل": a count whose noun is left out
    for cue in cues:
        j = bisect.bisect_right(starts, cue.start) - 1
        spans.append((j - WINDOW_BEFORE_CUE, j + WINDOW_AFTER_CUE))
    for mark in marks:
        j = bisect.bisect_right(starts, mark.start) - 1
        spans.append((j - 1, j + WINDOW_AFTER_MARK))
    merged: list[list[int]] = []
    for a, b in sorted((max(0, a), min(len(tokens) - 1, b)) for a, b in spans):
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(tokens[a].start, tokens[b].end) for a, b in merged if tokens]


def _joined(doc: Doc, start: int, rules: _Rules) -> bool:
    """Whether the count at ``start`` is joined to what comes before by "و" or "and"."""
    token = doc.tokens[doc.token_at(start)] if doc.tokens else None
    if token is not None and token.start < start and doc.text[token.start:start] in ("و", "و "):
        return True  # "و31"
    before = doc.tokens_between(max(0, start - 6), start)
    return bool(before) and before[-1].key in ("و", "and")


def _remembered(cache: dict[str, T], key: str, read: Callable[[str], T]) -> T:
    """``read(key)``, remembered in ``cache`` (emptied past FORMS_KEPT words): the words of
    reports recur, and each is asked about many times."""
    found = cache.get(key, _UNREAD)
    if found is _UNREAD:
        if len(cache) > FORMS_KEPT:
            cache.clear()
        found = cache[key] = read(key)
    return cast(T, found)


def _victim_form(key: str, rules: _Rules) -> str:
    """The victim noun a word is, under its proclitics and article."""
    return _remembered(rules.forms, key, lambda k: _read_victim_form(k, rules))


def _side_of(word: str, rules: _Rules) -> str | None:
    """The side a word of the text names ("المعارضة", "regime"), if any: read once a word,
    as words recur (the words after every count are looked up)."""
    return _remembered(rules.sides_of, word, lambda w: next((m.payloads[0] for m in rules.sides.find(w)), None))


def _read_victim_form(key: str, rules: _Rules) -> str:
    for form in clitic_forms(key):
        for candidate in (form, clitics().without_article(form)):
            if candidate in rules.victims or candidate in rules.not_victims:
                return candidate
            for ending in DUAL_ENDINGS:  # "شهيدان", "امرأتين": the dual of a victim noun
                stem = candidate.removesuffix(ending)
                if stem != candidate and len(stem) >= 3:
                    for single in (stem, stem[:-1] + "ه" if stem.endswith("ت") else stem):
                        if single in rules.victims:
                            return single
    return key


def _category(form: str, rules: _Rules) -> str | None:
    category = rules.victims.get(form)
    return CATEGORY_OF.get(category, category) if category else None
