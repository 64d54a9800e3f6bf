"""Control claims: who took, entered, left, lost or besieged which places, and who says so.

A claim is a control verb or verbal noun ("سيطرت", "سيطرة", "انسحب", "captured") with
its object, read as a list by :mod:`.phrases` ("على قرى A وB، وعلى بلدة C", "عدة مواقع،
أبرزها A وB", "the villages of A, B and C", "the northern town of A"), where places in a
locative modifier ("بريف حلب", "north of Raqqa") are only context; a pronoun object
("سيطرت عليها", "منهما") stands for the list named before it, unless a list follows it
("عليها، ومن بينها A وB"). Some constructions put the place first and the party after
(passives and states: "سقطت بيد", "تحت سيطرة", "fell to", "was captured by"); some
name two parties (expulsions: "طرد التنظيم من", "drove IS out of": the subject takes
the place and the party driven out leaves it; handovers: "سلم X المدينة إلى Y", "handed
over X to Y"). The agent is found by :mod:`.agents`. Attempts ("تحاول اقتحام"),
purposes ("لاستعادة السيطرة", "to retake"), conditions, intentions, negations, questions
and relative clauses are not claims, nor is control by fire ("سيطرة نارية"); a denial
before the change ("نفت الصحيفة سيطرة ...", "denied that") makes the claim a denied one,
credited to the denier.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise
from typing import ClassVar

from conflictkg.extract.agents import Agents, AgentWords, phrases_of
from conflictkg.extract.attribution import attribution_at
from conflictkg.extract.doc import Doc, Mention, Sentence, Token, clitic_forms, word_forms
from conflictkg.extract.matcher import Match, Matcher
from conflictkg.extract.model import Attribution, ControlClaim
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
from conflictkg.extract.phrases import Phrase, PhraseReader
from conflictkg.extract.units import OPENING_QUOTES
from conflictkg.gazetteers import Gazetteers

PREPOSITION_WINDOW = 8  # tokens after the verb in which the preposition of its object stands
PASSIVE_REACH = 10  # tokens before a passive's cue in which its place stands
LOCALS_REACH = 8  # tokens before a verb in which "أبناء X" names the subject's place
NEGATION_WINDOW = 2
DENIED_REACH = 6  # words after a denial in which "ذلك" / "the reports" stands for the claim denied
OPENING = 2  # first words of a sentence whose main verb may be an attempt ("تحاول", "تصدى")
ATTEMPT_WINDOW = 3
ATTEMPT_REACH = 8  # tokens before a change, in its clause, over which an attempt word reaches
FORMS = ("verbs", "nouns", "passives", "expels", "handovers")


@dataclass(frozen=True)
class Cue:
    change: str
    form: str  # verbs, nouns, passives, expels, handovers


@dataclass
class Reading:
    """One claim a cue makes before it is dated and credited."""

    change: str
    places: list[Mention]
    actor: str | None
    end: int


class _Rules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("control", language)
        changes = s.section("changes")
        entries: list[tuple[str, Cue]] = []
        self.prepositions: dict[str, frozenset[str]] = {}
        self.direct: dict[str, frozenset[str]] = {}
        for change in changes.names():
            spec = changes.section(change)
            for form in FORMS:
                entries += [(w, Cue(change, form)) for w in spec.words(form)]
            self.prepositions[change] = spec.keys("objects")
            self.direct[change] = spec.keys("direct_object")
        self.cues: Matcher[Cue] = Matcher(entries)
        self.denials: Matcher[str] = s.matcher(denial=s.words("denials"))
        self.denial_words = s.keys("denials")
        for name in ("attempts", "negations", "clause_negations", "pronoun_objects",
                     "elaborations", "locals", "relatives", "destinations", "continuatives",
                     "fire_control", "denied_claims"):
            setattr(self, name, s.keys(name))
        self.continuative_words = frozenset(w for k in self.continuatives for w in k.split())
        self.bare_passives = s.keys("needs_agent")
        self.people_relatives = s.keys("people_relatives")
        places = patterns.section("places", language)
        self.qualifiers = frozenset(normalize_key(q) for q in places.groups("qualifiers"))
        events = patterns.section("events", language).groups("kinds")
        actors = patterns.section("actors", language)
        self.words = AgentWords(
            locals=self.locals, collectives=actors.keys("collective_anaphors"),
            members=actors.keys("member_words"), opponents=s.keys("opponents"),
            partitives=s.keys("partitives"), enablers=s.keys("enablers"),
            verb_like=frozenset(normalize_key(w) for words in events.values() for w in words
                                if " " not in w) | frozenset(
                normalize_key(w) for w, _ in entries if " " not in w),
            first_person=s.keys("first_person"), demonstratives=s.keys("demonstratives"),
            accompaniments=s.keys("accompaniments"), complementizers=s.keys("complementizers"),
            verb_first=language != "en")
        self.phrases = PhraseReader(patterns, language)
        self.english = language == "en"


class ControlFinder:
    """Fills ``control_claims``."""

    name: ClassVar[str] = "control"
    requires: ClassVar[tuple[str, ...]] = (
        "sentences", "place_mentions", "actor_mentions", "source_mentions", "attributions",
        "publisher", "events", "sentence_events", "focus_place")
    assigns: ClassVar[tuple[str, ...]] = ("control_claims",)

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._agents = Agents(gazetteers)
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("control")}

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        denials = rules.denials.find(doc.norm)
        cues = [c for c in rules.cues.find(doc.norm) if not any(
            not m.weak for name in ("actor_mentions", "source_mentions", "place_mentions")
            for m in doc.index(name).overlapping(c.start, c.end))]  # "تحرير" in "هيئة تحرير الشام"
        starts = frozenset(c.start for c in cues)
        words = replace(rules.words, cues=tuple((c.start, c.end) for c in cues))
        claims: dict[str, ControlClaim] = {}
        nouns: set[str] = set()  # keys of claims made by a verbal noun
        previous: tuple[int, str] | None = None  # (paragraph, actor) of the last claim
        last_places: tuple[int, list[Mention], str] | None = None  # paragraph, places, change
        for cue in cues:
            sentence = doc.sentence_at(cue.start)
            if sentence is None or sentence.boilerplate or self._not_done(doc, cue, sentence, rules):
                continue
            where = (sentence.start, sentence.end)
            context = last_places[1] if last_places and sentence.paragraph - last_places[0] <= 1 \
                and last_places[2] != "withdrew" else []
            readings = doc.attempt(self.name, where, [], self._read, doc, cue, sentence, rules,
                                   words, starts, context)
            denial = next((d for d in denials if sentence.start <= d.start < cue.start), None)
            attributed = self._denier(doc, denial) if denial else None
            clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
            date = _date(doc, clause) or _event_start(doc, sentence)
            for reading in readings:
                actor = reading.actor
                if actor is None and previous and sentence.paragraph - previous[0] <= 1:
                    actor = previous[1]
                if actor is None:
                    actor = self._agents.last_party(doc, sentence.start, _paragraph_start(doc, sentence))
                if actor is not None:
                    previous = (sentence.paragraph, actor)
                last_places = (sentence.paragraph, reading.places, reading.change)
                for place in reading.places:
                    start = min(clause[0], denial.start if denial else clause[0])
                    start = start if place.start >= start else place.start
                    end = max(cue.end, place.end) if place.start > cue.start else max(cue.end, reading.end)
                    key = f"control-{start}-{end}" if place.start > cue.start else f"control-{place.start}-{end}"
                    key += "" if reading is readings[0] else f"-{reading.change}"
                    if key in claims or place.key == actor:
                        continue
                    claims[key] = ControlClaim(
                        key=key, place=place.key, change=reading.change,
                        attributed_to=attributed or attribution_at(doc, cue.start, end, doc.publisher),
                        evidence=doc.span(start, end), actor=actor,
                        stance="denied" if denial else "asserted", start=date,
                        event=doc.sentence_events.get(sentence.start))
                    if cue.payloads[0].form == "nouns":
                        nouns.add(key)
        for denial in denials:
            doc.attempt(self.name, (denial.start, denial.end), None, self._denied_before,
                        doc, denial, claims, starts, rules)
        doc.control_claims = _merged(doc, list(claims.values()), nouns)

    # --- what is not a claim -------------------------------------------------------------

    def _not_done(self, doc: Doc, cue: Match, sentence: Sentence, rules: _Rules) -> bool:
        """An attempt, a purpose, a condition, a negation, a question, a relative clause or
        control by fire: no change is claimed."""
        i = doc.token_at(cue.start)
        token = doc.tokens[i] if doc.tokens else None
        if token is not None and token.start < cue.start and "ل" in doc.text[token.start:cue.start]:
            return True  # "لاستعادة السيطرة", "للسيطرة": a purpose
        if rules.english and i > 0 and doc.tokens[i - 1].key == "to":
            return True  # "to retake", "to capture": a purpose
        if doc.text[sentence.start:sentence.end].rstrip().endswith(("?", "؟")):
            return True
        after = doc.tokens_between(cue.end, sentence.end)[:2]
        if not rules.fire_control.isdisjoint(word_forms(after)) or (
                rules.english and " ".join(t.key for t in after[:2]) in rules.fire_control):
            return True
        opening = [t for t in doc.tokens_between(sentence.start, cue.start)[:OPENING + 8]
                   if not doc.dates_overlapping(t.start, t.end) and not t.key.isdigit()][:OPENING]
        if not rules.attempts.isdisjoint(word_forms(opening)) and not rules.phrases.opener_between(
                doc, opening[-1].end if opening else sentence.start, cue.start):
            return True  # "وتحاول قوات النظام ... المحاصرة": the sentence tells an attempt
        clause = doc.clause_at(cue.start) or (cue.start, cue.end)
        before = doc.tokens_between(clause[0], cue.start)[-ATTEMPT_REACH:]
        near = [t for t in doc.tokens[max(0, i - ATTEMPT_WINDOW):i] if t.start >= sentence.start]
        denied = [n for n, t in enumerate(before) if set(clitic_forms(t.key)) & rules.denial_words]
        if denied:  # "repelled the attack and denied that rebels entered": the denial governs
            before, near = before[denied[-1] + 1:], []
        if not rules.attempts.isdisjoint(phrases_of(before + near)):
            return True
        for a, b in pairwise(before):  # "لم تتمكن قوات النظام من دخول", "failed to"
            if not rules.negations.isdisjoint(clitic_forms(a.key)) and \
                    not rules.words.enablers.isdisjoint(clitic_forms(b.key)):
                return True
        negators = near[-NEGATION_WINDOW:]
        if not rules.continuative_words.isdisjoint(word_forms(negators)):
            return False  # "لا تزال تحت سيطرة": still
        return not rules.negations.isdisjoint(word_forms(negators))

    # --- readings ------------------------------------------------------------------------

    def _read(self, doc: Doc, cue: Match, sentence: Sentence, rules: _Rules, words: AgentWords,
              starts: frozenset[int], context: list[Mention]) -> list[Reading]:
        spec: Cue = cue.payloads[0]
        if spec.form == "passives":
            return self._passive(doc, cue, spec, sentence, rules, words)
        if spec.form == "expels":
            return self._expel(doc, cue, sentence, rules, words, starts)
        relative = self._relative(doc, cue, sentence, rules)
        if relative == [] and (not rules.english or _after(doc, cue, sentence, rules.people_relatives)):
            return []  # "المقاتلين الذين دخلوا إلى الحي", "اللواء الذي دخل": said in passing
        found = self._objects(doc, cue, spec.change, sentence, rules, starts,
                              context, relative=relative is not None)
        if relative is not None and (not found or found[1] < cue.end):
            # "بلدة كفرنبودة التي سيطرت عليها قوات النظام", "Khan Sheikhoun, which rebels have
            # held": the place the relative pronoun stands for; "المناطق التي سيطرت عليها": none
            if not relative:
                return []
            found = (relative, cue.end, cue.end)
        if not found:
            return []
        places, _, object_end = found
        bound = places[0].start if places[0].start >= cue.end else object_end  # "انسحاب X منها"
        if relative:
            bound = sentence.end  # "التي سيطرت عليها قوات النظام": the subject after the pronoun
        actor, agent = self._agents.subject(doc, cue, sentence, bound, words, noun=spec.form == "nouns")
        if spec.form == "nouns" and not agent and not _possessed(cue):
            return []  # "السيطرة على أحياء المدينة": a topic, nobody said to take it
        readings = [Reading(spec.change, places, actor, object_end)]
        if spec.form == "handovers":
            to = self._recipient(doc, object_end, sentence, rules, words)
            if to is not None:
                readings.append(Reading("captured", places, to, object_end))
        return readings

    def _relative(self, doc: Doc, cue: Match, sentence: Sentence, rules: _Rules) -> list[Mention] | None:
        """When the change is told in a relative clause, the places its pronoun stands for
        (empty when it stands for something else); None outside a relative clause."""
        i = doc.token_at(cue.start)
        window = [n for n in range(max(0, i - ATTEMPT_WINDOW), i)
                  if doc.tokens[n].start >= sentence.start
                  and not rules.relatives.isdisjoint(clitic_forms(doc.tokens[n].key))]
        if not window:
            return None
        pronoun = doc.tokens[window[-1]]
        places = doc.index("place_mentions").overlapping(pronoun.start - 3, pronoun.start)
        if not places:
            before = doc.tokens[window[-1] - 1] if window[-1] > 0 else None
            places = doc.index("place_mentions").overlapping(before.start, before.end) if before else []
        if not places or rules.phrases.is_context(doc, places[-1]):
            return []  # "اللواء العامل في برزة والذي دخل": the brigade, not Barzeh
        return rules.phrases.preceding(doc, sentence.start, places[-1].end) or places[-1:]

    def _objects(self, doc: Doc, cue: Match, change: str, sentence: Sentence, rules: _Rules,
                 starts: frozenset[int], context: list[Mention], *, relative: bool = False
                 ) -> tuple[list[Mention], int, int] | None:
        """The places the change is about, where its object starts and where it ends."""
        prepositions = rules.prepositions[change]
        start = cue.end
        if prepositions and cue.key not in rules.direct[change]:
            start = -1
            for t in doc.tokens_between(cue.end, sentence.end)[:PREPOSITION_WINDOW]:
                forms = set(clitic_forms(t.key))
                if (t.key in rules.pronoun_objects or forms & rules.pronoun_objects) and (
                        t.key in prepositions or forms & prepositions):
                    if relative:
                        return None  # the relative pronoun's antecedent
                    return self._anaphor(doc, cue, t, sentence, rules, starts, context)
                if t.key in prepositions or forms & prepositions:
                    start = t.end if t.key in prepositions or len(t.key) <= 3 else t.start
                    break
                if forms & rules.destinations:
                    break
            if start < 0:
                if change == "withdrew" and context:  # "فروا باتجاه", "fled toward": from where they were
                    return context, cue.end, cue.end
                return None
            ahead = doc.tokens_between(start, sentence.end)[:2]
            for n in (2, 1):  # "على كامل ما خسرته": what the pronoun stands for
                if len(ahead) >= n and " ".join(t.key for t in ahead[:n]) in rules.pronoun_objects:
                    return self._anaphor(doc, cue, ahead[n - 1], sentence, rules, starts, context)
        else:
            first = doc.tokens_between(cue.end, sentence.end)[:1]
            if first and (first[0].key in rules.pronoun_objects or (
                    rules.english and first[0].key in ("it", "them"))):
                return self._anaphor(doc, cue, first[0], sentence, rules, starts, context)
        phrase = rules.phrases.read(doc, start, sentence.end, stop_at=starts - {cue.start},
                                    lam_is_object=change == "entered")
        if phrase.items:
            return phrase.items, start, phrase.end
        located = self._located(doc, phrase, cue, sentence, rules)
        return (located, start, max(located[0].end, cue.end)) if located else None

    def _anaphor(self, doc: Doc, cue: Match, pronoun: Token, sentence: Sentence, rules: _Rules,
                 starts: frozenset[int], context: list[Mention]) -> tuple[list[Mention], int, int] | None:
        """"سيطرت عليها، ومن بينها A وB": the list after the pronoun; else the places the
        pronoun stands for: the list named last before the cue, or the last claim's."""
        phrase = rules.phrases.read(doc, pronoun.end, sentence.end, stop_at=starts - {cue.start})
        if phrase.items and phrase.counted:
            return phrase.items, pronoun.end, phrase.end
        if pronoun.key in rules.pronoun_objects and not (set(clitic_forms(pronoun.key)) - {pronoun.key}) \
                and not rules.english and not pronoun.key.startswith(("عل", "من", "ال")):
            named = [m for m in doc.index("place_mentions").starting(sentence.start, cue.start)
                     if m.end <= cue.start and not _quoted(doc, m)][-1:]  # "كامل ما خسرته"
        else:
            named = [m for m in rules.phrases.preceding(doc, sentence.start, cue.start)
                     if not _quoted(doc, m)]
        if named:
            single = pronoun.key.endswith(("ه", "it")) and not pronoun.key.endswith("ها")
            return (named[-1:] if single else named), pronoun.start, pronoun.end
        if context:
            return context, pronoun.start, pronoun.end
        if doc.focus_place:
            return [Mention(cue.start, cue.end, doc.text[cue.start:cue.end], doc.focus_place)], \
                pronoun.start, pronoun.end
        return None

    def _located(self, doc: Doc, phrase: Phrase, cue: Match, sentence: Sentence,
                 rules: _Rules) -> list[Mention]:
        """What was taken is not a place ("حواجز عسكرية في ريفي درعا", "the IS encampment
        in the village of Baghouz"): the place where it is; but an unnamed count of
        villages is no claim on the area they are in ("أربع قرى في ريف حماة")."""
        if phrase.elaborated:
            return []  # "عدة مواقع في ريف حماة، من بينها A وB": the items, named but not known
        if phrase.context:
            head: list[Token] = []
            for t in doc.tokens_between(cue.end, phrase.context[0].start):
                if rules.phrases.category(doc, doc.token_index(t.start))[0] in ("context", "near"):
                    break
                head.append(t)
            if any(not rules.phrases.settlements.isdisjoint(clitic_forms(t.key)) for t in head):
                return []  # "أربع قرى في ريف حماة": the villages, not the governorate
            return phrase.context[:1]
        reach = doc.tokens_between(sentence.start, cue.start)[-LOCALS_REACH:]
        earlier = doc.index("place_mentions").starting(reach[0].start, cue.start) if reach else []
        for m in reversed(earlier):  # "أبناء بلدة X ... سيطروا على حاجزين": the locals' place
            before = doc.tokens_between(sentence.start, m.start)[-3:]
            if any(set(clitic_forms(b.key)) & rules.locals for b in before):
                return [m]
        return []

    def _passive(self, doc: Doc, cue: Match, spec: Cue, sentence: Sentence,
                 rules: _Rules, words: AgentWords) -> list[Reading]:
        """"X fell to Y", "سقطت X بيد Y", "X تحت سيطرة Y": the place before, the party after."""
        reach = doc.tokens_between(sentence.start, cue.start)[-PASSIVE_REACH:]
        if not reach:
            return []
        places = [m for m in rules.phrases.preceding(doc, reach[0].start, cue.start) if not _quoted(doc, m)]
        if not places:
            return []
        actor = self._agents.agent_after(doc, cue.end, sentence, words)
        pronoun = cue.text.endswith(("ه", "ها", "هم"))
        if actor is None and not pronoun and cue.key in rules.bare_passives:
            return []  # "الموجود بيد بعض الأشخاص": in someone's hands, not a party's
        if actor is None and pronoun:
            actor = self._agents.last_party(doc, places[0].start, sentence.start) or \
                self._agents.last_party(doc, cue.start, _paragraph_start(doc, sentence))
        return [Reading(spec.change, places, actor, cue.end)]

    def _expel(self, doc: Doc, cue: Match, sentence: Sentence, rules: _Rules, words: AgentWords,
               starts: frozenset[int]) -> list[Reading]:
        """"طرد التنظيم من البلدة", "drove IS out of X": the subject takes X and the party
        driven out leaves it."""
        tokens = doc.tokens_between(cue.end, sentence.end)[:PREPOSITION_WINDOW]
        froms = rules.prepositions["withdrew"] | {"out"}
        named: list[Mention] = []  # the parties between the verb and "من": (subject,) object
        for n, t in enumerate(tokens):
            named += [m for m in self._agents.parties(doc, t.start, t.end + 1, words.cues)
                      if m.start >= t.start and all(m.start != x.start for x in named)]
            subject_after = words.verb_first and len(named) > 1
            loser = named[1 if subject_after else 0].key if named else None
            if t.key in froms or set(clitic_forms(t.key)) & froms:
                start = tokens[n + 1].start if t.key == "out" and n + 1 < len(tokens) and \
                    tokens[n + 1].key == "of" else (t.end if t.key in froms else t.start)
                phrase = rules.phrases.read(doc, start, sentence.end, stop_at=starts - {cue.start})
                if not phrase.items or loser is None:
                    return []
                actor = named[0].key if subject_after else \
                    self._agents.subject(doc, cue, sentence, cue.start, words)[0]
                return [Reading("captured", phrase.items, actor, phrase.end),
                        Reading("withdrew", phrase.items, loser, phrase.end)]
        return []

    def _recipient(self, doc: Doc, at: int, sentence: Sentence, rules: _Rules,
                   words: AgentWords) -> str | None:
        """"سلم المدينة إلى الشرطة الروسية", "handed over X to Y": who takes it."""
        for t in doc.tokens_between(at, sentence.end)[:6]:
            if set(clitic_forms(t.key)) & (rules.destinations | {"ل"}):
                return self._agents.agent_after(doc, t.end if t.key in rules.destinations else t.start,
                                                sentence, words)
        return None

    def _denied_before(self, doc: Doc, denial: Match, claims: dict[str, ControlClaim],
                       starts: frozenset[int], rules: _Rules) -> None:
        """"أعلن النظام السيطرة على تلمنس، ونفت الجبهة ذلك", "the army denied it": the
        claims just made, denied by the denier."""
        sentence = doc.sentence_at(denial.start)
        if sentence is None or any(denial.end <= s < sentence.end for s in starts):
            return
        ahead = doc.tokens_between(denial.end, sentence.end)[:DENIED_REACH]
        if not any(" ".join(t.key for t in ahead[n:n + k]) in rules.denied_claims
                   for n in range(len(ahead)) for k in (1, 2, 3)):
            return
        earlier = [c for c in claims.values() if c.evidence.start < denial.start and c.stance == "asserted"]
        if not earlier:
            return
        last = max(c.evidence.start for c in earlier)
        group = [c for c in earlier if doc.sentence_at(c.evidence.start) is doc.sentence_at(last)]
        previous = doc.sentence_at(last)
        if previous is None or (previous is not sentence and doc.sentences.index(sentence) -
                                doc.sentences.index(previous) > 1):
            return
        credited = self._denier(doc, denial) or attribution_at(doc, denial.start, denial.end, doc.publisher)
        for claim in group:
            key = f"{claim.key}-denied-{denial.start}"
            claims[key] = replace(claim, key=key, stance="denied", attributed_to=credited,
                                  evidence=doc.span(min(claim.evidence.start, denial.start),
                                                    max(claim.evidence.end, denial.end)))

    def _denier(self, doc: Doc, denial: Match) -> Attribution | None:
        """"نفت الصحيفة", "the army denied": who denies, as the attribution of the denial."""
        found = attribution_at(doc, denial.start, denial.end, doc.publisher)
        return found if found is not doc.publisher else None


def _merged(doc: Doc, claims: list[ControlClaim], nouns: set[str]) -> list[ControlClaim]:
    """A claim a report states twice (a headline and its lead, a lead and a later
    sentence of the same source) is one claim: the first statement in the body stands."""
    out: list[ControlClaim] = []
    seen: dict[tuple, int] = {}
    body_first = sorted(claims, key=lambda c: (_is_heading(doc, c), c.evidence.start))
    for claim in body_first:
        same = (claim.actor, claim.change, claim.place, claim.stance)
        source = claim.attributed_to.source or claim.attributed_to.label
        restated = same in {k[:4] for k in seen}
        if restated and (_is_heading(doc, claim) or claim.attributed_to == doc.publisher
                         or claim.key in nouns):
            continue  # a headline, the report restating in its own voice what a source said,
            # or a verbal noun that refers back to the change ("سيطرة الفصائل على حمص تقسم ...")
        if (*same, source) in seen:
            continue
        seen[(*same, source)] = len(out)
        out.append(claim)
    return sorted(out, key=lambda c: (c.evidence.start, c.evidence.end))


def _after(doc: Doc, cue: Match, sentence: Sentence, words: frozenset[str]) -> bool:
    """Whether one of ``words`` stands among the few words before the cue in its sentence."""
    i = doc.token_at(cue.start)
    return any(not words.isdisjoint(clitic_forms(t.key)) for t in doc.tokens[max(0, i - ATTEMPT_WINDOW):i]
               if t.start >= sentence.start)


def _is_heading(doc: Doc, claim: ControlClaim) -> bool:
    sentence = doc.sentence_at(claim.evidence.start)
    return sentence is not None and sentence.heading


def _possessed(cue: Match) -> bool:
    """A verbal noun with a pronoun of its own ("سيطرتها", "انسحابه"): its agent is named."""
    return cue.text.endswith(("ها", "ه", "هم", "هما"))


def _paragraph_start(doc: Doc, sentence: Sentence) -> int:
    if 0 <= sentence.paragraph < len(doc.paragraphs):
        return doc.paragraphs[sentence.paragraph][0]
    return sentence.start


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
