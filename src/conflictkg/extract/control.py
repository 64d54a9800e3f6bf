"""Control claims: who took, entered, left, lost or besieged which place, and who says so.

A claim is a control verb or verbal noun ("سيطرت", "سيطرة", "انسحب", "captured") with
its place: the place after the verb's preposition ("على مدينة حمص"), a list of them
("مدينتي تدمر والقريتين"), the place a pronoun or "الحي" stands for, or the place of
what was taken ("حواجز عسكرية في ريفي درعا"). The actor is the verb's subject, after
it ("سيطرت فصائل المعارضة") or before it ("أن الفصائل المؤلفة من هيئة تحرير الشام
وفيلق الرحمن ... انسحبت": the head of the list). Attempts ("تحاول اقتحام"), purposes
("لاستعادة السيطرة"), negations and relative clauses are not claims; a denial before
the verb ("نفت الصحيفة سيطرة ...") makes the claim a denied one.
"""

from __future__ import annotations

from typing import ClassVar

from conflictkg.extract.attribution import attribution_at
from conflictkg.extract.doc import (
    Doc,
    Mention,
    Sentence,
    SpanIndex,
    Token,
    clitic_forms,
    word_forms,
)
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.matcher import Match, Matcher
from conflictkg.extract.model import Attribution, ControlClaim
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
from conflictkg.extract.units import OPENING_QUOTES
from conflictkg.reference.gazetteers import Gazetteers

OBJECT_WINDOW = 12  # tokens after the verb in which its place is looked for
SUBJECT_WINDOW = 5  # tokens after the verb in which its subject stands (VSO)
NEGATION_WINDOW = 2
ATTEMPT_WINDOW = 3
ATTEMPT_REACH = 8  # tokens before a change, in its clause, over which an attempt word reaches


class _Rules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("control", language)
        changes = s.section("changes")
        entries: list[tuple[str, tuple[str, bool]]] = []
        self.prepositions: dict[str, frozenset[str]] = {}
        self.direct: dict[str, frozenset[str]] = {}
        for change in changes.names():
            spec = changes.section(change)
            entries += [(w, (change, False)) for w in spec.words("verbs")]
            entries += [(w, (change, True)) for w in spec.words("nouns")]
            self.prepositions[change] = spec.keys("objects")
            self.direct[change] = spec.keys("direct_object")
        self.cues: Matcher[tuple[str, bool]] = Matcher(entries)
        self.denials: Matcher[str] = s.matcher(denial=s.words("denials"))
        self.denial_words = s.keys("denials")
        for name in ("attempts", "negations", "clause_negations", "enablers", "pronoun_objects", "object_fillers",
                     "elaborations", "locals", "relatives", "destinations", "opponents"):
            setattr(self, name, s.keys(name))
        places = patterns.section("places", language)
        self.qualifiers = frozenset(normalize_key(q) for q in places.groups("qualifiers"))
        self.anaphors = frozenset(normalize_key(k) for k in places.groups("anaphors"))
        self.proximity = places.keys("proximity")
        self.locatives = places.keys("locatives")
        events = patterns.section("events", language).groups("kinds")
        self.verb_like = frozenset(normalize_key(w) for words in events.values() for w in words
                                   if " " not in w) | frozenset(
            normalize_key(w) for w, _ in entries if " " not in w)
        self.partitives = s.keys("partitives")
        actors = patterns.section("actors", language)
        self.members = actors.keys("member_words")
        self.collectives = actors.keys("collective_anaphors")


class ControlFinder:
    """Fills ``control_claims``."""

    name: ClassVar[str] = "control"
    requires: ClassVar[tuple[str, ...]] = (
        "sentences", "place_mentions", "actor_mentions", "source_mentions", "attributions",
        "publisher", "events", "sentence_events", "focus_place")
    assigns: ClassVar[tuple[str, ...]] = ("control_claims",)

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._places = gazetteers.places
        self._actors = gazetteers.actors
        self._first: dict[str, frozenset[str]] = {}
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("control")}

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        denials = rules.denials.find(doc.norm)
        claims: dict[str, ControlClaim] = {}
        previous_actor: tuple[int, str] | None = None  # (paragraph, actor) of the last claim
        for cue in rules.cues.find(doc.norm):
            sentence = doc.sentence_at(cue.start)
            if sentence is None or sentence.boilerplate or self._not_done(doc, cue, rules):
                continue
            if any(not m.weak for name in ("actor_mentions", "source_mentions", "place_mentions")
                   for m in doc.index(name).overlapping(cue.start, cue.end)):
                continue  # "تحرير" in "هيئة تحرير الشام"
            change = cue.payloads[0][0]
            where = (sentence.start, sentence.end)
            found = doc.attempt(self.name, where, None, self._objects, doc, cue, change, sentence, rules)
            if not found:
                continue
            places, object_end = found
            actor, agent = doc.attempt(self.name, where, (None, False), self._subject,
                                       doc, cue, sentence, places[0], object_end, rules)
            if cue.payloads[0][1] and not agent:
                continue  # "السيطرة على أحياء المدينة": a topic, nobody said to take it
            if actor is None and previous_actor and sentence.paragraph - previous_actor[0] <= 1:
                actor = previous_actor[1]
            if actor is not None:
                previous_actor = (sentence.paragraph, actor)
            denial = next((d for d in denials if sentence.start <= d.start < cue.start), None)
            attributed = self._denier(doc, denial) if denial else None
            clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
            start = clause[0] if denial is None else min(clause[0], denial.start)
            date = _date(doc, clause) or _event_start(doc, sentence)
            for place in places:
                end = max(cue.end, place.end if place.start > cue.start else object_end)
                key = f"control-{start}-{end}"
                if key in claims or place.key == actor:
                    continue
                claims[key] = ControlClaim(
                    key=key, place=place.key, change=change,
                    attributed_to=attributed or attribution_at(doc, cue.start, end, doc.publisher),
                    evidence=doc.span(start, end), actor=actor,
                    stance="denied" if denial else "asserted", start=date,
                    event=doc.sentence_events.get(sentence.start))
        doc.control_claims = list(claims.values())

    def _not_done(self, doc: Doc, cue: Match, rules: _Rules) -> bool:
        """An attempt, a purpose, a negation or a relative clause: no change is claimed."""
        i = doc.token_at(cue.start)
        token = doc.tokens[i] if doc.tokens else None
        if token is not None and token.start < cue.start and "ل" in doc.text[token.start:cue.start]:
            return True  # "لاستعادة السيطرة", "للسيطرة": a purpose
        clause = doc.clause_at(cue.start) or (cue.start, cue.end)
        sentence = doc.sentence_at(cue.start)
        before = doc.tokens_between(clause[0], cue.start)[-ATTEMPT_REACH:]
        near = [t for t in doc.tokens[max(0, i - ATTEMPT_WINDOW):i]
                if sentence is None or t.start >= sentence.start]
        denied = [n for n, t in enumerate(before) if set(clitic_forms(t.key)) & rules.denial_words]
        if denied:  # "repelled the attack and denied that rebels entered": the denial governs
            before, near = before[denied[-1] + 1:], []
        if not rules.attempts.isdisjoint(word_forms([*before, *near])):
            return True
        if not rules.relatives.isdisjoint(word_forms(near)):
            return True
        return not rules.negations.isdisjoint(word_forms(near[-NEGATION_WINDOW:]))

    def _objects(self, doc: Doc, cue: Match, change: str, sentence: Sentence,
                 rules: _Rules) -> tuple[list[Mention], int] | None:
        """The places the change is about, and where the object ends in the text."""
        prepositions = rules.prepositions[change]
        needs_preposition = bool(prepositions) and cue.key not in rules.direct[change]
        seen = not needs_preposition
        tokens = doc.tokens_between(cue.end, sentence.end)[:OBJECT_WINDOW]
        subject = 0  # after "أبناء": 1 its place is due, 2 it was named, 3 an apposition is due
        skipped: Mention | None = None
        skip_place = False
        qualified = False  # a head noun for a place ("مدينة", "town") was just passed
        for n, t in enumerate(tokens):
            forms = set(clitic_forms(t.key))
            place = _mention_at(doc, "place_mentions", t)
            if forms & rules.locals:
                subject = 1
                continue
            if _mention_at(doc, "actor_mentions", t) or forms & (rules.members | rules.collectives):
                continue
            if subject and place is not None and place is skipped:
                continue  # the rest of a name of several words
            if subject in (1, 3):  # "أبناء صيدا، شرقي درعا،": the subject's place
                if place is not None:
                    subject, skipped = 2, place
                    continue
                if forms & rules.qualifiers:
                    continue
                subject = 0
            elif subject == 2:
                if forms & rules.locatives:
                    subject = 3
                    continue
                subject = 0
            if not seen:
                if t.key in prepositions or forms & prepositions:
                    seen = True
                    if t.key in rules.pronoun_objects:
                        return self._anaphor(doc, cue, sentence, rules), t.end
                    if place is None:
                        continue
                elif forms & rules.destinations:
                    return None
                elif place is not None and change == "entered" and t.start < place.start:
                    seen = True  # "للحي", "لمدينة": ل joined to the place
                else:
                    continue
            if place is not None:
                if skip_place:
                    skip_place = False
                    continue
                return _listed(doc, place, rules), place.end
            if forms & rules.proximity:
                skip_place = True
                continue
            if forms & rules.destinations and change == "withdrew":
                return None
            if forms & rules.anaphors:
                return None  # "الحي" with no neighbourhood named before it
            if t.key in rules.pronoun_objects or forms & rules.pronoun_objects:
                return self._anaphor(doc, cue, sentence, rules), t.end
            if forms & rules.qualifiers:
                qualified = True
                continue
            if forms & rules.object_fillers:
                continue
            if qualified:
                return None  # "بلدة X", "the town of X" with X unknown: not the next place
            return self._located(doc, tokens[n:], sentence, cue, rules)
        return None

    def _located(self, doc: Doc, rest: list[Token], sentence: Sentence, cue: Match,
                 rules: _Rules) -> tuple[list[Mention], int] | None:
        """What was taken is not a place: "حواجز عسكرية في ريفي درعا", "أبناء بلدة X"."""
        clause = doc.clause_at(rest[0].start) or (sentence.start, sentence.end)
        limit = clause[1]
        nxt = doc.clause_at(limit + 1) if limit + 1 < sentence.end else None
        first = doc.tokens_between(*nxt)[:1] if nxt else []  # a clause may hold no word
        if first and set(clitic_forms(first[0].key)) & rules.elaborations:
            limit = nxt[1]  # "من عدة قواعد، منها مطاري الثعلة والضمير"
        previous = None
        skip: Mention | None = None
        for t in doc.tokens_between(rest[0].start, limit):
            place = _mention_at(doc, "place_mentions", t)
            forms = set(clitic_forms(t.key))
            if place is not None and place is skip:
                continue
            if place is not None and previous is not None and (
                    previous & (rules.locatives | rules.elaborations | rules.qualifiers)):
                return _listed(doc, place, rules), place.end
            if forms & (rules.destinations | rules.proximity):
                skip = _mention_at(doc, "place_mentions", doc.tokens[doc.token_index(t.end)]) \
                    if doc.token_index(t.end) < len(doc.tokens) else None
            if place is None:
                previous = forms
        earlier = doc.index("place_mentions").starting(sentence.start, cue.start)
        for m in reversed(earlier):
            before = doc.tokens_between(sentence.start, m.start)[-3:]
            if any(set(clitic_forms(b.key)) & rules.locals for b in before):
                return [m], cue.end
        return None

    def _anaphor(self, doc: Doc, cue: Match, sentence: Sentence, rules: _Rules) -> list[Mention]:
        """The place a pronoun stands for: the last one named before in the sentence."""
        for m in reversed([m for m in doc.index("place_mentions").starting(sentence.start,
                                                                          cue.start)
                           if m.end <= cue.start]):
            if not _quoted(doc, m):
                return [m]
        if doc.focus_place:
            return [Mention(cue.start, cue.end, doc.text[cue.start:cue.end], doc.focus_place)]
        return []

    def _subject(self, doc: Doc, cue: Match, sentence: Sentence, place: Mention,
                 object_end: int, rules: _Rules) -> tuple[str | None, bool]:
        """The actor that makes the change, and whether the clause names an agent at all."""
        victims = SpanIndex(c.evidence for c in doc.casualty_claims if c.victim_actor)
        victim_keys = {c.evidence: c.victim_actor for c in doc.casualty_claims}
        mentions = doc.index("actor_mentions").starting(sentence.start, sentence.end)
        sources = doc.index("source_mentions")
        candidates = [m for m in mentions if not sources.overlapping(m.start, m.end)
                      and not _opposed(doc, m, rules) and m.key != place.key
                      and not any(victim_keys.get(v) == m.key
                                  for v in victims.overlapping(m.start, m.end))]
        bound = place.start if place.start >= cue.end else object_end  # "انسحاب X منها"
        after = [m for m in candidates if cue.end <= m.start < bound
                 and len(doc.tokens_between(cue.end, m.start)) <= SUBJECT_WINDOW]
        if after:
            return after[0].key, True
        following = doc.tokens_between(cue.end, sentence.end)[:2]
        if any(set(clitic_forms(t.key)) & rules.locals for t in following):
            return None, True  # "سيطرة أبناء المنطقة على": locals, no group
        collective = self._collective(doc, cue, sentence, rules)
        if collective:
            return collective, True
        before = [m for m in candidates if m.end <= cue.start]
        clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
        enabled = any(set(clitic_forms(t.key)) & rules.enablers
                      for t in doc.tokens_between(clause[0], cue.start))
        if not before:
            return None, enabled
        placed = [m for m in before if _after_verb(doc, m, rules)]
        head = (placed or before)[-1]
        for m in reversed([m for m in mentions if m.end <= head.start]):
            gap = doc.text[m.end:head.start].strip()  # "هيئة تحرير الشام وفيلق الرحمن و..."
            if gap in ("و", "،", ",", "and", ", and") or (gap.startswith("و") and len(gap) <= 2):
                head = m
            else:
                break
        return head.key, enabled or head.start >= clause[0]

    def _collective(self, doc: Doc, cue: Match, sentence: Sentence, rules: _Rules) -> str | None:
        """"سيطرت الفصائل", "تمكن التنظيم": the group of that kind the text named before."""
        near = doc.tokens_between(cue.end, sentence.end)[:2] + \
            doc.tokens_between(sentence.start, cue.start)[-SUBJECT_WINDOW:]
        words = rules.collectives.intersection(word_forms(near))
        if not words:
            return None
        heads = set(map(clitics().without_article, words))
        for m in reversed(doc.index("actor_mentions").before(cue.start)):
            entry = self._actors.get(m.key)
            if entry is None:
                continue
            if entry.generic or self._first_words(entry.key) & heads:
                return m.key
        return None

    def _first_words(self, key: str) -> frozenset[str]:
        """The first words of a group's Arabic names, without the article ("تنظيم")."""
        if key not in self._first:
            self._first[key] = frozenset(clitics().without_article(normalize_key(n).split()[0])
                                         for n in self._actors[key].names_ar)
        return self._first[key]

    def _denier(self, doc: Doc, denial: Match) -> Attribution | None:
        """"نفت الصحيفة", "the army denied": who denies, as the attribution of the denial."""
        found = attribution_at(doc, denial.start, denial.end, doc.publisher)
        return found if found is not doc.publisher else None


def _mention_at(doc: Doc, name: str, token: Token) -> Mention | None:
    """The first mention of the list ``name`` that shares a character with ``token``."""
    return next(iter(doc.index(name).overlapping(token.start, token.end)), None)


def _listed(doc: Doc, first: Mention, rules: _Rules) -> list[Mention]:
    """A place and those joined to it by "و" or a comma ("مدينتي تدمر والقريتين")."""
    out = [first]
    for m in doc.index("place_mentions").starting(first.end, len(doc.text)):
        if m.start < out[-1].end:
            continue
        gap = doc.text[out[-1].end:m.start]
        words = [w for w in gap.replace("،", " ").replace(",", " ").split()
                 if w not in ("و", "and")]
        bare = [w.removeprefix("و") for w in words]
        if (gap.strip() and all(normalize_key(w) in rules.qualifiers for w in bare) and (
                "و" in gap or "،" in gap or "and" in gap)) or gap.strip() in ("و", "،", "، و", ",", "and", ", and"):
            out.append(m)
        else:
            break
    return out


def _opposed(doc: Doc, m: Mention, rules: _Rules) -> bool:
    """Not the subject: the other party ("مع قوات النظام"), a complement ("بقوات النظام"),
    or a part of something ("عنصراً من قوات النظام")."""
    glued = doc.text[doc.tokens[doc.token_at(m.start)].start:m.start]
    if any(c in glued for c in "بك"):
        return True
    before = doc.tokens_between(max(0, m.start - 30), m.start)[-1:]
    return any(set(clitic_forms(t.key)) & (rules.opponents | rules.partitives) for t in before)


def _after_verb(doc: Doc, m: Mention, rules: _Rules) -> bool:
    """Whether an actor stands right after a verb or an action noun ("استهدف الجيش الحر",
    "هجوم لتنظيم الدولة"): where a subject or an agent stands."""
    i = doc.token_at(m.start)
    return i > 0 and any(f in rules.verb_like for f in clitic_forms(doc.tokens[i - 1].key))


def _quoted(doc: Doc, m: Mention) -> bool:
    line_start = doc.text.rfind("\n", 0, m.start) + 1
    before = doc.text[line_start:m.start]
    opens = sum(before.count(q) for q in "“«")
    closes = sum(before.count(q) for q in "”»")
    plain = before.count("\"")
    return opens > closes or plain % 2 == 1 or (
        m.start > 0 and doc.text[m.start - 1] in OPENING_QUOTES)


def _date(doc: Doc, clause: tuple[int, int]) -> str | None:
    return next((d.value for d in doc.dates_between(*clause) if d.precision != "year"), None)


def _event_start(doc: Doc, sentence: Sentence) -> str | None:
    key = doc.sentence_events.get(sentence.start)
    event = next((e for e in doc.events if e.key == key), None) if key else None
    return event.start if event else None
