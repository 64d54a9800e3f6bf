"""Control claims: who took, entered, left, lost or besieged which places, and who says so.

A claim is a control verb or verbal noun ("سيطرت", "سيطرة", "انسحب", "captured") with
its object: the places it names, found by :mod:`.objects` (lists, pronouns, anaphors,
what is taken in a place), and the party that makes the change, found by :mod:`.agents`;
the words are :mod:`.control_rules`. Some constructions put the place first and the
party after (passives and states: "سقطت بيد", "تحت سيطرة", "fell to", "was captured
by"); some name two parties (expulsions: "طرد التنظيم من", "drove IS out of": the
subject takes the place and the party driven out leaves it; handovers: "سلم X المدينة
إلى Y", "handed over X to Y"). A verbal noun is a claim when a party stands before it
as its subject, after its object ("the fall of X to Y"), or when it is said to be done
("تم تطهير", "استعادت السيطرة", "تمكنت من تحرير"). Attempts ("تحاول اقتحام"), purposes
("لاستعادة السيطرة", "to retake"), plans ("اتفاق يقضي بخروج"), conditions, intentions,
negations, questions and relative clauses said in passing are not claims, nor is
control by fire ("سيطرة نارية"), nor people fleeing; a denial before the change ("نفت
الصحيفة سيطرة ...", "denied that") makes the claim a denied one, credited to the denier.
A change told in a clause of time ("منذ سيطرة", "after the capture of") is told as done,
and no attempt before it reaches it. A fall told of no party ("denied that X had fallen")
is a capture by a party not named; the subject of a state may be a place after "في" ("في
محافظة إدلب، الخاضعة لسيطرة"); a verbal noun a verb of loss governs ("فقدت ... السيطرة
على") is a loss; an unqualified "troops" is the state's forces of the year told; rivers
are held by no one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import ClassVar

from conflictkg.extract.actors import curated_actor
from conflictkg.extract.agents import UNNAMED, Agents, AgentWords, fronted_gerund_end, has_phrase
from conflictkg.extract.attribution import attribution_at
from conflictkg.extract.control_rules import ControlRules, Cue
from conflictkg.extract.doc import Doc, Mention, Sentence, Token, clitic_forms, word_forms
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.matcher import Match
from conflictkg.extract.model import Attribution, ControlClaim
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.objects import ObjectReader, paragraph_start, quoted
from conflictkg.extract.patterns import Patterns
from conflictkg.extract.phrases import LOCATIVE_FILLERS
from conflictkg.reference.gazetteers import Gazetteers

LATE_DENIAL_OPENING = 6  # words of a sentence before the verb of saying whose reports are "false"
CIVILIAN_REACH = 4  # words before a change, in its clause, in which its subject may be people
CIVILIAN_AFTER = 3  # Arabic: words after a change in which its subject may be people
CIVILIAN_SUBJECT_REACH = 9  # words before a change over which people and where they are from reach
PASSIVE_REACH = 10  # tokens before a passive's cue in which its place stands
PASSIVE_LIST_REACH = 40  # tokens before it over which the list of that place may run
PREPOSITION_WINDOW = 8  # tokens after an expulsion's verb in which "من" / "out of" stands
NEGATION_WINDOW = 2
DENIED_REACH = 6  # words after a denial in which "ذلك" / "the reports" stands for the claim denied
OPENING = 2  # first words of a sentence whose main verb may be an attempt ("تحاول", "تصدى")
ATTEMPT_WINDOW = 3
ATTEMPT_REACH = 8  # tokens before a change, in its clause, over which an attempt word reaches
PASSIVE_AGENT_REACH = 5  # tokens after a passive's object in which "من قبل" / "by" stands
GOVERNING_REACH = 8  # tokens before a verbal noun over which the verb it is the object of stands
NOUN_AGENT_REACH = 6  # tokens after a verbal noun's object, over its date, in which "to" / "by" stands
COMPELLED_REACH = 5  # tokens before a change in which the word that says a party was made to do it stands
COMPANION_REACH = 12  # tokens after an entry's object, over its date, in which "accompanied by" stands
HOW_REACH = 3  # words after a capture's object that say how fully or when, before "من" / "from"
HELD_BY_REACH = 6  # tokens after a capture's object in which "من" / "from" and the party that held it stand
RELATIVE_REACH = 3  # tokens before a withdrawal in which the relative pronoun of its party stands
GONE_OUT_REACH = 7  # Arabic: tokens after "خرجت" in which its place and "عن سيطرة" stand
RECIPIENT_NEAR = 6  # tokens after a handover's object in which "إلى" / "to" and its recipient stand
RECIPIENT_REACH = 16  # ... or after a comma that ends an aside on the object ("as well as X, to Y")
PARTY_AFTER_REACH = 2  # Arabic: words after a verb said only of parties in which its party stands
FRAME_PARTY_WORDS = 3  # words between a frame's words ("under ... control") that name its party
ARMY_AFTER_REACH = 4  # words after a passive's agent marker in which its army noun stands ("the Syrian army")
ASIDE_WORDS = 4  # Arabic: words of an aside between a verb's subject and its verbal noun ("، الجمعة،")
COMMAS = (",", "،")
REPORTED_REACH = 6  # English: tokens before a change over which "said (that) the army" stands
PAIR_WORDS = 6  # English: words of a subject of two members before its verb ("army and allied militias")
LOCATIVE_REACH = 3  # English: words after "in" over which the place it governs starts ("in the northern Hama")
BACKWARD = frozenset({"withdrew", "lost"})  # changes by which a party leaves a place
NOUN_PREDICATE_REACH = 5  # English: tokens after a verbal noun's object in which its predicate and a modal stand
DENIED_NOUN_REACH = 4  # English: tokens before a verbal noun in which the denial of it stands
SAID_NOT_REACH = 6  # English: words between a verb of saying and the auxiliary of a change it denies
DENIER_OPENERS = frozenset({"but", "and", "while", "whereas", "though", "although"})  # English:
# words opening the clause of a denial's subject


@dataclass
class Reading:
    """One claim a cue makes before it is dated and credited."""

    change: str
    places: list[Mention]
    actor: str | None
    end: int


class ControlFinder:
    """Fills ``control_claims``."""

    name: ClassVar[str] = "control"
    requires: ClassVar[tuple[str, ...]] = (
        "sentences", "place_mentions", "actor_mentions", "source_mentions", "attributions",
        "publisher", "events", "sentence_events", "focus_place")
    assigns: ClassVar[tuple[str, ...]] = ("control_claims",)

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._actors = gazetteers.actors
        self._non_party_sides = frozenset(  # the UN, a rescue service: never a claim's party
            side for lang in patterns.languages("actors")
            for side in patterns.section("actors", lang).words("non_party_sides"))
        self._agents = Agents(gazetteers, self._non_party_sides)
        self._objects = ObjectReader()
        self._rules = {lang: ControlRules(patterns, lang) for lang in patterns.languages("control")}

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        denials = rules.denials.find(doc.norm)
        late = rules.late_denials.find(doc.norm) if rules.late_denials_words else []
        arabic = not rules.english
        named = [doc.index(name) for name in ("actor_mentions", "source_mentions", "place_mentions")]
        cues = [c for c in rules.cues.find(doc.norm) if not any(
            not m.weak and m.key and not (arabic and _within(m, c))
            for index in named for m in index.overlapping(c.start, c.end))]  # "تحرير" in "هيئة تحرير الشام"; but
        # "الأمن" in "أعادت الأمن والاستقرار إلى" is a word of the cue, no party
        if rules.held_frames:
            cues = self._framed(doc, cues, rules)
        if rules.annexations:
            cues = self._annexed(doc, cues, rules)
        cues = [c for c in cues if not self._of_areas(doc, c, rules)]
        if rules.gone_back or rules.gone_under or rules.gone_outside:
            cues = self._gone_back_cues(doc, cues, rules)
        # "withdrew from the besieged town of X": a participle after an article is an adjective,
        # no verb whose object ends the object of the verb before it
        starts = frozenset(c.start for c in cues if not _adjectival(doc, c, rules))
        changes = {c.start: c.payloads[0].change for c in cues}
        words = replace(rules.words, cues=tuple((c.start, c.end) for c in cues))
        claims: dict[str, ControlClaim] = {}
        nouns: set[str] = set()  # keys of claims made by a verbal noun
        previous: tuple[int, str, bool, set[str]] | None = None  # the last claim's paragraph,
        # actor, direction and places
        last_places: tuple[int, list[Mention], str] | None = None  # paragraph, places, change
        for cue in cues:
            sentence = doc.sentence_at(cue.start)
            said_not = _said_not(doc, cue, sentence, rules) if sentence is not None and rules.english else None
            if sentence is None or sentence.boilerplate or (said_not is None and
                    self._not_done(doc, cue, sentence, rules) and not self._lifted(doc, cue, rules)):
                continue  # "بهدف فك الحصار عن X", "to break the siege of X": X is besieged all the same
            where = (sentence.start, sentence.end)
            context = last_places[1] if last_places and sentence.paragraph - last_places[0] <= 1 \
                and last_places[2] != "withdrew" else []
            readings = doc.attempt(self.name, where, [], self._read, doc, cue, sentence, rules,
                                   words, starts, context, changes)
            denial = next((d for d in denials if sentence.start <= d.start < cue.start
                           and not _aside_between(doc, d.end, cue.start, rules)
                           and not (cue.payloads[0].form != "passives"  # a state told after it is
                                    # the denial's own ground ("denied it fell, saying it is still held")
                                    and _affirmed_between(doc, d.end, cue.start, rules))), None)
            attributed = self._denier(doc, denial) if denial else None
            clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
            date = _date(doc, clause) or _event_start(doc, sentence)
            for reading in readings:
                actor = reading.actor
                forward = reading.change not in BACKWARD
                if actor is None and denial is not None and not forward and rules.english:
                    # "the army denied losing X", "SDF officials denied that X had been lost":
                    # the loss denied is the denier's own
                    actor = self._denying_party(doc, denial, sentence, rules, _year(date or doc.info.published))
                if actor is None and denial is None and not forward and rules.english:
                    actor = self._admitting_party(doc, cue, sentence, rules, _year(date or doc.info.published))
                if actor is None and said_not is not None and not forward:
                    # "a Tawhid spokesman insisted the district had not been lost": its own loss
                    actor = self._denying_party(doc, said_not, sentence, rules, _year(date or doc.info.published))
                keys = {p.key for p in reading.places}
                contrary = previous is not None and previous[2] != forward and not keys.isdisjoint(previous[3])
                if actor is None and cue.key in rules.falls and reading.change == "captured":
                    # "the army took X ... a commander denied the town had fallen": a fall told
                    # of no party is one to the party the report told first taking the place
                    actor = _taker(claims.values(), keys)
                if actor is None and previous and sentence.paragraph - previous[0] <= 1 and not contrary:
                    actor = previous[1]  # "سيطروا على X ثم دخلوا Y": the same party goes on
                if actor == UNNAMED:
                    actor = None  # a subject of its own that names no party: none borrowed
                elif actor is None:
                    actor = self._agents.last_party(doc, sentence.start, paragraph_start(doc, sentence), words)
                    if contrary and previous and actor == previous[1]:
                        actor = None  # "took X while (unnamed) troops fled X": not the same party
                if actor is None and reading is readings[0] and self._army_subject(
                        doc, _governing_verb(doc, cue, cues, rules) or cue, sentence, rules):
                    actor = self._agents.state_forces(rules.state_forces, _year(date or doc.info.published))
                if reading is readings[0] and not forward and previous and \
                        sentence.paragraph - previous[0] <= 1 and self._holders_left(doc, cue, sentence, rules):
                    # "سيطرت الفصائل على البلدة بعد فرار عناصر الحاجز منها", "after the garrison
                    # fled": the men who left are of the side the taker took it from; after a
                    # withdrawal ("انسحبت قوات النظام ... في حين فرّ عشرات العناصر"), of its party
                    actor = previous[1] if not previous[2] else self._agents.adversary(
                        doc, previous[1], cue.start, paragraph_start(doc, sentence),
                        self._agents.state_forces(rules.holders_party, _year(date or doc.info.published)),
                        rules.holders) or actor
                if actor is not None and reading is readings[0]:  # not the party driven out
                    previous = (sentence.paragraph, actor, forward, keys)
                last_places = (sentence.paragraph, reading.places, reading.change)
                for place in reading.places:
                    start = min(clause[0], denial.start if denial else clause[0])
                    start = start if place.start >= start else place.start
                    end = max(cue.end, place.end) if place.start > cue.start else max(cue.end, reading.end)
                    key = f"control-{start}-{end}" if place.start > cue.start else f"control-{place.start}-{end}"
                    key += "" if reading is readings[0] else f"-{reading.change}"
                    key += f"-{reading.actor}" if reading is not readings[0] and \
                        reading.change == readings[0].change else ""  # the second of a dual subject
                    if key in claims or place.key == actor or _unheld(doc, place, rules):
                        continue
                    claims[key] = ControlClaim(
                        key=key, place=place.key, change=reading.change,
                        attributed_to=attributed or attribution_at(doc, cue.start, end, doc.publisher),
                        evidence=doc.span(start, end), actor=actor,
                        stance="denied" if denial or said_not is not None else "asserted", start=date,
                        event=doc.sentence_events.get(sentence.start))
                    if cue.payloads[0].form == "nouns":
                        nouns.add(key)
        for cue in cues:  # "السيطرة على منبج، بعد شهرين على إطلاق حملة لطرد داعش منها"
            sentence = doc.sentence_at(cue.start)
            if cue.payloads[0].form == "expels" and sentence is not None and not sentence.boilerplate \
                    and self._not_done(doc, cue, sentence, rules):
                doc.attempt(self.name, (cue.start, cue.end), None, self._expelled_from_taken,
                            doc, cue, sentence, rules, words, starts, claims)
        for denial in denials:
            doc.attempt(self.name, (denial.start, denial.end), None, self._denied_before,
                        doc, denial, claims, starts, rules)
        for denial in late:
            doc.attempt(self.name, (denial.start, denial.end), None, self._denied_after,
                        doc, denial, claims, rules)
        for denial in rules.relative_denials.find(doc.norm) if rules.relative_denials_words else []:
            doc.attempt(self.name, (denial.start, denial.end), None, self._denied_as_relative,
                        doc, denial, claims, rules)
        doc.control_claims = _merged(doc, list(claims.values()), nouns)
        for claim in doc.control_claims:  # a party named by no name of its own ("أبناء البلدة",
            # "troops"): listed all the same, so that the claim's party is one the output names
            if claim.actor and claim.actor not in doc.actors and claim.actor in self._actors \
                    and self._actors[claim.actor].side not in self._non_party_sides:
                doc.actors[claim.actor] = curated_actor(self._actors[claim.actor])

    def _framed(self, doc: Doc, cues: list[Match], rules: ControlRules) -> list[Match]:
        """"The town is under IS control", "in rebel hands": a frame with a party between its
        words ("under ... control") is a passive cue of its own, in place of the cues inside it."""
        frames: list[Match] = []
        tokens = doc.tokens
        for i, t in enumerate(tokens):
            for opener, closers, change in rules.frames:
                words = opener.split()
                if [x.key for x in tokens[i:i + len(words)]] != words:
                    continue
                k = i + len(words)
                for closer in closers:
                    for j in range(k + 1, k + 1 + FRAME_PARTY_WORDS):
                        if [x.key for x in tokens[j:j + len(closer)]] != closer:
                            continue
                        end = tokens[j + len(closer) - 1].end
                        if self._frame_party(doc, tokens[k].start, tokens[j - 1].end, rules):
                            frames.append(Match(t.start, end, doc.text[t.start:end], (Cue(change, "passives"),),
                                                " ".join(x.key for x in tokens[i:j + len(closer)])))
                        break
        if not frames:
            return cues
        kept = [c for c in cues if not any(f.start < c.end and c.start < f.end for f in frames)]
        return sorted(kept + frames, key=lambda c: c.start)

    def _annexed(self, doc: Doc, cues: list[Match], rules: ControlRules) -> list[Match]:
        """"ضمت قوات النظام X إلى مناطق سيطرتها", "ضمت الفصائل لنفوذها قريتي A وB": a verb of
        joining is a capture only with the words of the subject's own control after it in its
        sentence ("تضم المدينة عشرات الآلاف": none); those words are no cue of their own."""
        joining = [c for c in cues if not rules.annexations.isdisjoint(clitic_forms(c.key))]
        into = [i for i in rules.annexed_into.find(doc.norm) if any(  # after a verb of joining
            c.end <= i.start and doc.sentence_at(c.start) is doc.sentence_at(i.start) for c in joining)]
        kept: list[Match] = []
        for cue in cues:
            if any(i.start < cue.end and cue.start < i.end for i in into):
                continue
            if cue in joining:
                sentence = doc.sentence_at(cue.start)
                if sentence is None or not any(cue.end <= i.start < sentence.end for i in into):
                    continue
            kept.append(cue)
        return kept

    def _of_areas(self, doc: Doc, cue: Match, rules: ControlRules) -> bool:
        """"مناطق سيطرتها", "نقاط سيطرته": the noun of control is the last word of a generic
        noun of places ("its areas of control"), no change of its own."""
        if cue.payloads[0].form != "nouns" or " " in cue.key:
            return False
        i = doc.token_at(cue.start)
        if i < 1 or doc.tokens[i].start != cue.start:
            return False
        category, n, _ = rules.phrases.category(doc, i - 1)
        return category == "generic" and n == 2

    def _framed_party(self, doc: Doc, cue: Match, rules: ControlRules) -> str | None:
        """The party between the words of a frame cue ("under IS control"), if it is one."""
        keys = cue.key.split()
        for opener, closers, _ in rules.frames:
            words = opener.split()
            for closer in closers:
                if keys[:len(words)] == words and keys[-len(closer):] == closer \
                        and len(keys) > len(words) + len(closer):
                    inner = doc.tokens_between(cue.start, cue.end)[len(words):-len(closer)]
                    return self._frame_party(doc, inner[0].start, inner[-1].end, rules)
        return None

    def _frame_party(self, doc: Doc, start: int, end: int, rules: ControlRules) -> str | None:
        """The party named by the words ``[start, end)`` alone ("IS", "the SDF's"), or by a word
        for one ("rebel", "government")."""
        named = [m for m in self._agents.parties(doc, start, end) if m.end <= end]
        if len(named) == 1:
            return named[0].key
        words = normalize_key(doc.text[start:end]).split()
        if rules.english and words[:1] in (["a"], ["an"], ["the"]):  # "under a government siege"
            words = words[1:]
        alias = rules.held_frame_parties.get(" ".join(words))
        return self._agents.state_forces(alias, _year(doc.info.published)) if alias else None

    # --- what is not a claim -------------------------------------------------------------

    def _not_done(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
        """An attempt, a purpose, a condition, a negation, a question, a relative clause or
        control by fire: no change is claimed."""
        i = doc.token_at(cue.start)
        token = doc.tokens[i] if doc.tokens else None
        compelled = i > 0 and _compelled(doc, i - 1, rules)  # "اضطرت للانسحاب", "were forced to withdraw"
        if token is not None and token.start < cue.start and "ل" in doc.text[token.start:cue.start] \
                and not compelled and not _consequence(doc, token, cue, sentence, rules):
            return True  # "لاستعادة السيطرة", "للسيطرة": a purpose
        before = i - 1
        if rules.english and before > 0 and doc.tokens[before].key in rules.adverbs:
            before -= 1  # "to temporarily regain", "to fully capture"
        if rules.english and before >= 0 and doc.tokens[before].key == "to" and not _perfect(cue, rules) \
                and not (before > 0 and doc.tokens[before - 1].key in rules.inceptives
                         and doc.tokens[before - 1].start >= sentence.start) and not any(
                _compelled(doc, k, rules) for k in range(max(0, before - COMPELLED_REACH), before)
                if doc.tokens[k].start >= sentence.start):
            return True  # "to retake", "to capture": a purpose; not "forced IS fighters to leave"
        if cue.start > 0 and doc.text[cue.start - 1] == "-":
            return True  # "rebel-held", "regime-controlled": an adjective
        if rules.english and cue.key.endswith("ing") and i > 0 and doc.tokens[i - 1].start >= sentence.start \
                and rules.phrases.category(doc, i - 1)[0] in ("head", "generic"):
            return True  # "the area surrounding Khan al-Asal", "the hills overlooking": where, not a change
        if cue.key in rules.suffixed_keys and i > 0 and doc.tokens[i - 1].key in rules.what:
            return True  # "كامل ما خسرته": what it had lost, said of something else
        if doc.text[sentence.start:sentence.end].rstrip().endswith(("?", "؟")):
            return True
        if cue.payloads[0].form == "nouns" and _campaign_before(doc, i, sentence, rules):
            return True  # "أطلقت معركة تحرير الرقة", "the battle for the capture of": a campaign's name
        if cue.key in rules.particles:  # "فقد استهدفت طائرة": "فقد" before a verb is a particle
            following = doc.tokens_between(cue.end, sentence.end)[:1]
            if following and not rules.words.verb_like.isdisjoint(clitic_forms(following[0].key)):
                return True
        after = doc.tokens_between(cue.end, sentence.end)[:2]
        if not rules.fire_control.isdisjoint(word_forms(after)) or (
                rules.english and " ".join(t.key for t in after[:2]) in rules.fire_control):
            return True
        opening: list[Token] = []  # the first words of the sentence, past its date
        for t in doc.tokens_between(sentence.start, cue.start)[:OPENING + 8]:
            if len(opening) == OPENING:
                break
            if not t.key.isdigit() and not doc.dates_overlapping(t.start, t.end):
                opening.append(t)
        if not rules.attempts.isdisjoint(word_forms(opening)) and not rules.phrases.opener_between(
                doc, opening[-1].end if opening else sentence.start, cue.start):
            return True  # "وتحاول قوات النظام ... المحاصرة": the sentence tells an attempt
        clause = doc.clause_at(cue.start) or (cue.start, cue.end)
        before = doc.tokens_between(clause[0], cue.start)[-ATTEMPT_REACH:]
        near = [t for t in doc.tokens[max(0, i - ATTEMPT_WINDOW):i] if t.start >= sentence.start]
        forms = [clitic_forms(t.key) for t in before]  # each word's forms, read once for the three lists
        denied = [n for n, f in enumerate(forms) if not rules.denial_words.isdisjoint(f)]
        if denied:  # "repelled the attack and denied that rebels entered": the denial governs
            before, near, forms = before[denied[-1] + 1:], [], forms[denied[-1] + 1:]
        related = [n for n, f in enumerate(forms) if not rules.relatives.isdisjoint(f)]
        if related and before[-1].key in rules.aim_links and not rules.attempts.isdisjoint(
                w for f in forms[:related[-1]] for w in f):
            return True  # "وتهدف العملية التي أطلقها الجيش إلى تطهير X": the aim of the
            # noun the relative clause describes, after it
        if related and rules.english and related[-1] > 0 and before[related[-1]].key == "that" \
                and before[related[-1] - 1].key in rules.mandates:
            return True  # "Turkey demanded that the SDF withdraw from X": what one asks for
        if related:  # "تواصل محاولاتها استعادة البلدة، التي خسرتها": a clause of its own
            before, near = before[related[-1] + 1:], [t for t in near if t.start > before[related[-1]].start]
            forms = forms[related[-1] + 1:]
        since = [n for n, f in enumerate(forms) if not rules.since.isdisjoint(f)]
        if since:  # "بهدف فك الحصار المفروض منذ سيطرة قوات النظام على العتيبة", "aiming to ...
            # after IS took X": a change told as past, in a clause of time of its own
            before, near = before[since[-1] + 1:], [t for t in near if t.start > before[since[-1]].start]
        # "in May 2017", "on May 5", "mid-May": the month, not the hedge "may"
        before, near = _undated(doc, before, rules), _undated(doc, near, rules)
        if has_phrase(rules.attempts, before + near) or not rules.attempts.isdisjoint(
                rules.phrases.unsuffixed(f) for f in word_forms(before[-2:] + near[-2:])):
            return True  # "بهدف السيطرة", "تواصل محاولاتها استعادة البلدة": its attempts
        for a, b in pairwise([*before, doc.tokens[i]]):  # "قد تصبح ... تخرج عن سيطرة": may
            if clitics().without_conjunctions(a.key) in rules.modals and _present(b.key, rules):
                return True
        for n, a in enumerate(before):  # "لم تتمكن قوات النظام من دخول", "failed to", "have
            # not been able to"
            if not rules.negations.isdisjoint(clitic_forms(a.key)) and any(
                    not rules.words.enablers.isdisjoint(clitic_forms(b.key))
                    for b in before[n + 1:n + (3 if rules.english else 2)]):
                return True
        negators = near[-NEGATION_WINDOW:]
        if not rules.continuative_words.isdisjoint(word_forms(negators)):
            return False  # "لا تزال تحت سيطرة": still
        return not rules.negations.isdisjoint(word_forms(negators))

    # --- readings ------------------------------------------------------------------------

    def _read(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules, words: AgentWords,
              starts: frozenset[int], context: list[Mention], changes: dict[int, str]) -> list[Reading]:
        spec: Cue = cue.payloads[0]
        if spec.form == "verbs" and any(p.form == "expels" for p in cue.payloads[1:]):
            expelled = self._expel(doc, cue, sentence, rules, words, starts, context)
            if expelled:  # "cleared IS from X": a verb of taking that drives a party out
                return expelled
        if spec.form == "nouns" and spec.change == "captured":
            governing = self._governing(doc, cue, sentence, rules, changes)
            if governing in BACKWARD:  # "فقدت قوات النظام السيطرة على": control lost
                spec = Cue(governing, "nouns")
        if cue.key in rules.collapses:
            collapsed = self._collapsed(doc, cue, sentence, rules, words, starts)
            if collapsed is not None:
                return collapsed
        if spec.form == "passives":
            return self._passive(doc, cue, spec, sentence, rules, words) or \
                self._passive_elaborated(doc, cue, spec, sentence, rules, words, starts)
        if cue.payloads[0].form == "gone_back":
            return self._gone_back(doc, cue, sentence, rules, words)
        if spec.change == "withdrew" and not rules.gone_out.isdisjoint(clitic_forms(cue.key)):
            lost = self._gone_out(doc, cue, sentence, rules, words)
            if lost:
                return lost
        if spec.form == "expels":
            return self._expel(doc, cue, sentence, rules, words, starts, context)
        denied = spec.form == "nouns" and self._denied_taking(doc, cue, sentence, rules, starts, words)
        relative = None if denied else self._objects.relative(doc, cue, sentence, rules)  # "نفى
        # الأنباء التي تحدثت عن سقوط المدينة": what the reports told, denied, not said in passing
        if relative == [] and spec.change == "withdrew":
            left = self._left_as_taken(doc, cue, sentence, rules, words, context)
            if left:
                return left
        later = self._objects.relative_elaborated(doc, cue, sentence, rules, starts) \
            if relative == [] and not rules.english else None  # "عدد المناطق التي سيطرت عليها
        # ... إلى خمس مناطق، وهي A وB": the places the noun of the pronoun is elaborated by
        if relative == [] and not later and (not rules.english or _after(doc, cue, sentence, rules.people_relatives)):
            return []  # "المقاتلين الذين دخلوا إلى الحي", "اللواء الذي دخل": said in passing
        found = later or self._objects.objects(doc, cue, spec.change, sentence, rules, starts,
                              context, relative=relative is not None, changes=changes)
        if not found and relative is None and rules.english and spec.form == "verbs":
            found = self._objects.elaborated_later(doc, cue, sentence, rules, starts)  # "the areas
            # the army has taken ..., among them A and B"
        if not found and relative is None and rules.english and spec.form == "verbs":
            found = self._objects.named_next(doc, cue, sentence, rules)  # "took a town south of
            # Idlib city. The town, Maarat al-Numan, ..."
        if not found and relative is None and rules.english and spec.form in ("verbs", "handovers"):
            found = self._objects.fronted_place(doc, cue, sentence, rules)  # "In X and Y, the
            # gunmen handed over the checkpoints"
        if relative is None and rules.english and spec.form == "verbs" and spec.change == "captured":
            listed = self._objects.listed_next(doc, cue, sentence, rules)  # "cleansed the town and
            # a string of villages. He named A and the villages of B and C": their names too
            if listed and found:
                keys = {m.key for m in found[0]}
                found = ([*found[0], *(m for m in listed[0] if m.key not in keys)], found[1],
                         max(found[2], listed[2]))
            elif listed:
                found = listed
        if relative is not None and not later and (not found or found[1] < cue.end):
            # "بلدة كفرنبودة التي سيطرت عليها قوات النظام", "Khan Sheikhoun, which rebels have
            # held": the place the relative pronoun stands for; "المناطق التي سيطرت عليها": none
            if not relative:
                return []
            found = (relative, cue.end, cue.end)
        if not found:
            return []
        places, object_start, object_end = found
        bound = places[0].start if cue.end <= places[0].start < sentence.end else object_end  # "انسحاب X منها"
        if relative or cue.key in rules.suffixed_keys or self._pronoun_right_after(
                doc, cue, object_start, object_end, rules):  # "دخلتها قوات الجيش": the subject after
            bound = sentence.end  # "التي سيطرت عليها قوات النظام", "بعد أن سيطرت عليها قوات
            # النظام": the subject after the pronoun
        actor, agent = self._agents.subject(doc, cue, sentence, bound, words, noun=spec.form == "nouns")
        if actor is None and spec.form == "verbs" and words.verb_first and cue.end <= places[0].start:
            # "دخلت مدينة منبج قوات النظام": the subject right after the verb's object
            actor = self._agents.agent_after(doc, object_end, sentence, words) \
                if self._party_right_after_at(doc, object_end, sentence) else None
            agent = agent or actor is not None
        if spec.form == "verbs" and (self._army_first_of_pair(doc, cue, sentence, rules) or (
                actor and self._army_reported(doc, cue, sentence, rules))):
            # "The army and its allies captured", "The army and allied militias encircled": the
            # first of a pair of subjects, as with two parties named
            actor, agent = self._state_forces(doc, sentence, rules), True
        if cue.key in rules.fall_nouns and self._party_right_after(doc, cue, sentence):
            return []  # "سقوط نظام الأسد في دمشق": the party fell, no place was taken
        denied = denied and not any(cue.end <= m.start < bound
                                    for m in self._agents.parties(doc, cue.end, bound, words.cues))
        partners: list[str] = []
        if (spec.form == "verbs" and self._dual(cue, rules)) or (
                spec.form == "nouns" and self._governed_by_dual(doc, cue, sentence, rules)):
            # its subject is two parties, never one ("قد أعلنا تحرير", "تمكنتا من السيطرة")
            pair = self._agents.last_pair(doc, cue.start, paragraph_start(doc, sentence), words)
            if pair:  # "أعلن الجيش التركي والجيش الوطني ... كما حررا": the two parties named last
                actor, partners = pair[0], pair[1:]
        made = self._made_to(doc, cue, sentence, rules, words)
        if made is not None:  # "أجبرت الفصائل قوات النظام على الانسحاب": the party made to change
            actor, agent = made, True
        if cue.key in rules.needs_party and ((not actor and not self._army_subject(doc, cue, sentence, rules)) or (
                words.verb_first and not self._party_follows(doc, cue, sentence, rules))):
            return []  # "انتشرت الأخبار في المدينة", "وصلت الاشتباكات إلى": said of no party
        if (not actor or self._people_after(doc, cue, sentence, rules)) and self._civilian(doc, cue, sentence, rules):
            return []  # "آلاف العائلات هرباً من تلكلخ", "thousands of people have fled": no party
        done = self._done(doc, cue, sentence, rules, starts) or self._done_past_aside(doc, cue, sentence, rules, starts)
        if spec.form == "nouns" and (not agent or denied):  # "the fall of Palmyra to IS", "the capture of X by Y"
            marker = [t for t in doc.tokens_after(object_end, NOUN_AGENT_REACH) if not (
                doc.dates_overlapping(t.start, t.end) or rules.phrases.is_time(t.key)
                or self._locating(doc, t, rules))][:1]  # "the fall of X in Idlib province to"
            if marker and marker[0].key in rules.noun_agents and marker[0].start < sentence.end:  # "on April 25 to"
                by = self._agents.agent_after(doc, marker[0].end, sentence, words)
                actor, agent = (by, True) if by is not None else (actor, agent)
                denied = denied and by is None
        if not agent and (spec.form == "nouns" or done or not actor):
            by = self._by(doc, object_end, sentence, rules, words)  # "تمت السيطرة عليها من قبل X"
            actor, agent = (by, True) if by is not None else (actor, agent)
            denied = denied and by is None
        if denied:  # "نفت المحافظة سقوط المدينة": the denier denies that another took the
            # place, named by no party after the noun; a capture by a party not named
            actor, agent = UNNAMED, True
        lifted = spec.change == "besieged" and spec.form == "nouns" and self._lifted(doc, cue, rules)
        if lifted:  # "تمكنت القوات من فك الحصار عن X", "the army broke the siege of X": the
            # other side besieged it, the party named last of it; "الحصار المفروض على X": none said
            by = self._by(doc, object_end, sentence, rules, words) if not rules.english else None
            # "فك الحصار المفروض على X من قبل التنظيم": the besieger named after the object
            actor = by or (self._agents.adversary(doc, actor, cue.start, paragraph_start(doc, sentence), None)
                           if actor is not None and actor != UNNAMED and agent else None)
            if actor is None and not self._imposed(doc, cue, rules):
                return []  # the besieger unknown: the claim is left to the words that name it
                # ("broke the siege of X, which the terrorists had blockaded")
            agent = True
        if spec.form == "nouns" and not agent and rules.english and self._owned_noun(doc, cue, sentence, rules):
            # "the army tightened its siege of X", "IS consolidated their capture of": the owner
            # of the pronoun is the clause's subject
            owner, _ = self._agents.subject(doc, cue, sentence, bound, words)
            if owner is None and self._army_opens(doc, cue, sentence, rules):  # "The army tightened its siege"
                owner = self._agents.state_forces(rules.state_forces, _year(doc.info.published))
            actor, agent = (owner, True) if owner is not None and owner != UNNAMED else (actor, agent)
        if spec.form == "nouns" and not agent and rules.english and spec.change in ("withdrew", "entered") \
                and cue.key.endswith(" of") and not places[0].start < cue.end + 2:
            # "the withdrawal of HTS fighters from X", "the entry of Turkish troops into X": the
            # party after "of" is the one that leaves or enters
            by = self._agents.agent_after(doc, cue.end, sentence, words)
            actor, agent = (by, True) if by is not None else (actor, agent)
        if spec.form == "nouns" and not agent and rules.english and (
                _army_owner(doc, cue, sentence, rules) or _army_announces(doc, cue, sentence, rules)):
            # "the army's seizure of Jobar", "government troops' capture of": the state's forces
            actor, agent = self._state_forces(doc, sentence, rules), True
        if spec.form == "nouns" and not agent and not done and rules.english and \
                _noun_opens_told(doc, cue, sentence, object_end, rules):
            done = True  # "The recapture of X came after weeks of fighting": told as done, by
            # the party the report names before
        if spec.form == "nouns" and not agent and not _possessed(cue) and not done:
            return []  # "السيطرة على أحياء المدينة": a topic, nobody said to take it
        if _adjectival(doc, cue, rules):  # "the besieged town of X": besieged by a party the
            # sentence does not name, not by its subject
            actor, partners = None, []
        readings = [Reading(spec.change, places, actor, object_end)]
        readings += [Reading(spec.change, places, partner, object_end) for partner in partners]
        companion = self._companion(doc, object_end, sentence, rules, words) \
            if spec.form == "verbs" and spec.change in ("entered", "captured") else None
        if companion is not None and companion != actor:  # "entered X, accompanied by Y": Y too
            readings.append(Reading(spec.change, places, companion, object_end))
        if spec.form == "handovers" or (spec.form == "verbs" and cue.key in rules.lost_to):
            # "handed over X to Y", "IS lost X to government forces": Y takes it
            to = self._recipient(doc, object_end, sentence, rules, words)
            if to is not None and to == actor and not rules.english and cue.key in rules.suffixed_keys:
                # "انسحبت قسد من منبج وسلمتها إلى قوات النظام": the recipient is no subject; the
                # party that hands it over is the one named before in the sentence
                actor = self._agents.last_party(doc, cue.start, sentence.start, words)
                readings[0] = Reading(spec.change, places, actor if actor != to else None, object_end)
            if to is not None:
                readings.append(Reading("captured", places, to, object_end))
        elif spec.form == "verbs" and spec.change == "withdrew" and rules.left_to:
            # "انسحبت قسد من بلدة العريمة لصالح قوات النظام": the party it was left to takes it
            to = self._left_to(doc, object_end, sentence, rules, words)
            if to is not None and to != actor:
                readings.append(Reading("captured", places, to, object_end))
        if spec.change == "captured":
            held = self._held_by(doc, object_end, sentence, rules, words)
            if held is not None and held != actor:
                readings.append(Reading("lost", places, held, object_end))
        return readings

    def _state_forces(self, doc: Doc, sentence: Sentence, rules: ControlRules) -> str | None:
        """The state's forces of the year the sentence's event (or else the report) is in:
        the party "the army", "government troops" stand for."""
        return self._agents.state_forces(rules.state_forces, _year(
            _event_start(doc, sentence) or doc.info.published))

    def _party_right_after(self, doc: Doc, cue: Match, sentence: Sentence,
                           members: frozenset[str] = frozenset()) -> bool:
        """Whether a party is named by the word right after a cue, or by the one after a noun
        of its men when ``members`` are given ("خالية من عناصر التنظيم")."""
        following = doc.tokens_between(cue.end, sentence.end)[:2]
        if len(following) > 1 and not members.isdisjoint(clitic_forms(following[0].key)):
            following = following[1:]
        return bool(following) and bool(doc.index("actor_mentions").overlapping(following[0].start, following[0].end))

    def _party_right_after_at(self, doc: Doc, at: int, sentence: Sentence) -> bool:
        """Whether the word right after ``at`` names a party."""
        following = doc.tokens_between(at, sentence.end)[:1]
        return bool(following) and any(  # not "وفصائل المعارضة": a clause of its own
            m.start == following[0].start for m in doc.index("actor_mentions").overlapping(
                following[0].start, following[0].end))

    def _pronoun_right_after(self, doc: Doc, cue: Match, start: int, end: int, rules: ControlRules) -> bool:
        """Arabic: whether the object of a verb is a pronoun right after it ("سيطرت عليها",
        "انسحبت منها"), which stands before the subject ("بعد أن سيطرت عليها قوات النظام")."""
        if rules.english or cue.payloads[0].form != "verbs":
            return False
        following = doc.tokens_between(cue.end, end)
        return len(following) == 1 and following[0].start == start and following[0].key in rules.pronoun_objects

    def _denied_taking(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                       starts: frozenset[int], words: AgentWords) -> bool:
        """Whether a verbal noun of capture or entry, with no pronoun of its agent, is what a
        denial before it in its sentence (in English, right before it) denies ("نفت المحافظة
        سقوط المدينة", "The army denied the capture of X", "نفى المصدر
        الأنباء التي تحدثت عن سقوط المدينة"), with no other change between them: the party
        before it is the denier, who denies another's change, unless a relative clause between
        names those who told it ("نفى المصدر ما تداولته صفحات الفصائل عن استعادة البلدة")."""
        if cue.payloads[0].change not in ("captured", "entered") or _possessed(cue):
            return False
        between = doc.tokens_between(sentence.start, cue.start)
        if rules.english:  # "The army denied the capture of X", "denied reports of the fall of X"
            between = between[-DENIED_NOUN_REACH:]
        for n in range(len(between) - 1, -1, -1):
            t = between[n]
            if t.start in starts:
                return False
            if not rules.denial_words.isdisjoint(clitic_forms(t.key)):
                told = next((u for u in between[n + 1:] if not (rules.relatives | rules.what).isdisjoint(
                    clitic_forms(u.key))), None)
                return told is None or not self._agents.parties(doc, told.end, cue.start, words.cues)
        return False

    def _left_as_taken(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                       words: AgentWords, context: list[Mention]) -> list[Reading]:
        """"سيطرت الفصائل على البلدة بعد معارك مع قوات النظام التي تراجعت إلى معسكر X", "took
        the town from government forces, who retreated towards Y": a party that went somewhere,
        told of in a relative clause after the change just told in the sentence, left the
        place taken (not the one it went to)."""
        if not context or any(m.start < sentence.start or m.end > cue.start for m in context):
            return []
        heading = cue.end if cue.key.split()[-1] in rules.destinations else \
            self._objects.heading(doc, cue.end, sentence, rules, rules.destinations)  # "withdrew towards"
        if heading is None:
            return []
        i = doc.token_at(cue.start)
        pronouns = [n for n in range(max(0, i - RELATIVE_REACH), i) if doc.tokens[n].start >= sentence.start
                    and not rules.relatives.isdisjoint(clitic_forms(doc.tokens[n].key))]
        if not pronouns:
            return []
        pronoun = doc.tokens[pronouns[-1]]
        named = self._agents.parties(doc, sentence.start, pronoun.start, words.cues)
        if not named or named[-1].weak or not all(
                t.key in words.members or t.key in words.subject_gap
                for t in doc.tokens_between(named[-1].end, pronoun.start)):
            return []  # "المقاتلين الذين فروا إلى": men of no party named right before; but
            # "IS militants, who fled": the party and a noun of its men
        return [Reading("withdrew", context, named[-1].key, heading)]

    def _gone_out(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                  words: AgentWords) -> list[Reading]:
        """Arabic: a verb of going out with its place right after it as the subject and the party
        after "عن سيطرة" ("وخرجت مدينة سراقب عن سيطرة قوات النظام"): that party lost the place."""
        after = doc.tokens_between(cue.end, sentence.end)[:GONE_OUT_REACH]
        for n in range(1, len(after) - 1):
            if f"{after[n].key} {after[n + 1].key}" not in rules.gone_out_from:
                continue
            places = rules.phrases.preceding(doc, cue.end, after[n].start)
            if not places or len(doc.tokens_between(cue.end, places[0].start)) > 1:
                return []  # "خرجت الأمور عن سيطرة": no place named as the subject
            actor = self._agents.agent_after(doc, after[n + 1].end, sentence, words)
            return [Reading("lost", places, actor, after[n + 1].end)] if actor else []
        return []

    @staticmethod
    def _going(rules: ControlRules) -> tuple[tuple[frozenset[str], frozenset[str], str], ...]:
        """The verbs whose place is their subject, the words after it before the party, and
        the change they tell: going back to a party's control, undergoing its siege, becoming
        outside its control."""
        return ((rules.gone_back, rules.gone_back_to, "captured"),
                (rules.gone_under, rules.gone_under_to, "besieged"),
                (rules.gone_outside, rules.gone_outside_to, "lost"))

    @staticmethod
    def _back_to(doc: Doc, tokens: list[Token], to: frozenset[str]) -> int | None:
        """The index in ``tokens`` after which the words of ``to`` end ("إلى سيطرة", "لحصار"), if any."""
        for n, t in enumerate(tokens):
            if t.key in to:
                return n
            if n + 1 < len(tokens) and f"{t.key} {tokens[n + 1].key}" in to:
                return n + 1
        return None

    @staticmethod
    def _back_places(doc: Doc, start: int, after: list[Token], k: int, rules: ControlRules,
                     to: frozenset[str]) -> list[Mention]:
        """The places named right after a verb of going back or undergoing (at ``start``),
        before the words of ``to`` that end at ``after[k]``; none if the subject is no place
        ("عادت الحياة")."""
        first = after[k - 1] if k > 0 and f"{after[k - 1].key} {after[k].key}" in to else after[k]
        places = rules.phrases.preceding(doc, start, first.start)
        if not places or len(doc.tokens_between(start, places[0].start)) > 1:
            return []
        return places

    def _gone_back_cues(self, doc: Doc, cues: list[Match], rules: ControlRules) -> list[Match]:
        """"وعادت بلدة كفرنبل إلى سيطرة قوات النظام": a verb of going back, with the words of
        gone_back_to a few words after it in its sentence, is a cue of its own (and the noun of
        control in those words none)."""
        added: list[Match] = []
        spans: list[tuple[int, int]] = []
        for verbs, to, change in self._going(rules):
            for i in doc.tokens_bearing(verbs) if verbs else ():
                t = doc.tokens[i]
                sentence = doc.sentence_at(t.start)
                ahead = [x for x in doc.tokens[i + 1:i + 1 + GONE_OUT_REACH] if sentence and x.start < sentence.end]
                k = self._back_to(doc, ahead, to)
                if k is None or not self._back_places(doc, t.end, ahead, k, rules, to):
                    continue
                added.append(Match(t.start, t.end, doc.text[t.start:t.end], (Cue(change, "gone_back"),), t.key))
                spans.append((ahead[0].start, ahead[k].end))
        if not added:
            return cues
        kept = [c for c in cues if not any(a < c.end and c.start < b for a, b in spans)]
        return sorted(kept + added, key=lambda c: c.start)

    def _gone_back(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                   words: AgentWords) -> list[Reading]:
        """Arabic: a verb of going back with its place right after it as the subject and the
        party after "إلى سيطرة" ("وعادت بلدة كفرنبل إلى سيطرة قوات النظام"): that party took it."""
        change = cue.payloads[0].change  # "captured" after "إلى سيطرة", "besieged" after "لحصار"
        to = next(to for _, to, c in self._going(rules) if c == change)
        after = doc.tokens_between(cue.end, sentence.end)[:GONE_OUT_REACH]
        k = self._back_to(doc, after, to)
        places = self._back_places(doc, cue.end, after, k, rules, to) if k is not None else []
        if not places or k is None:
            return []
        actor = self._agents.agent_after(doc, after[k].end, sentence, words)
        if actor is None and change == "besieged":
            actor = self._by(doc, after[k].end, sentence, rules, words)  # "لحصار خانق من قبل X"
        return [Reading(change, places, actor, after[k].end)] if actor else []

    def _holders_left(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
        """Whether the subject of a withdrawal is men named by no party of their own: a word
        of holders ("الحامية", "آخرون", "the garrison", "its defenders"), or in Arabic a noun
        of men after the verb and before no party ("فرار عناصر الحاجز", "فرّ عشرات العناصر
        من السجن", "عناصر العدو"; not "فرار عناصر قوات النظام", "عناصر من التنظيم")."""
        words = rules.words
        parties = doc.index("actor_mentions")

        def named(t: Token) -> bool:
            return any(normalize_key(m.text) not in rules.holders for m in parties.overlapping(t.start, t.end))

        if rules.english:
            clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
            own = doc.tokens_between(clause[0], cue.start)
            opened = [n for n, t in enumerate(own) if t.key in words.complementizers]
            subject = own[opened[-1] + 1:] if opened else own
            return bool(subject) and len(subject) <= 3 and any(t.key in rules.holders for t in subject) \
                and not any(named(t) for t in subject)
        def forms(t: Token) -> set[str]:
            return {f for form in clitic_forms(t.key) for f in (form, clitics().without_article(form))}

        following = doc.tokens_between(cue.end, sentence.end)[:4]
        while following and forms(following[0]) & words.quantities:
            following = following[1:]
        if not following or named(following[0]):
            return False
        if forms(following[0]) & rules.holders:
            return True
        if not forms(following[0]) & words.members or \
                not (words.collectives | words.heads).isdisjoint(word_forms(following[:1])):
            return False
        rest = following[1:3]
        if rest and set(clitic_forms(rest[0].key)) & words.partitives:
            rest = rest[1:2]  # "عناصر من التنظيم": the party after "من"
        return not any(named(t) for t in rest)

    def _dual(self, cue: Match, rules: ControlRules) -> bool:
        """Arabic: a verb in the dual ("حررا", "سيطرتا"): the verb of the same change without
        its ending of the dual is a cue too."""
        if rules.english or " " in cue.key:
            return False
        single = _without_dual_ending(cue.key)
        return single is not None and normalize_key(single) in rules.verb_keys[cue.payloads[0].change]

    def _governed_by_dual(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
        """Arabic: whether a verbal noun is the object of a verb of success or announcement in
        the dual ("أعلنا تحرير", "تمكنتا من السيطرة"), past the words that say when."""
        if rules.english:
            return False
        tokens = doc.tokens_between(sentence.start, cue.start)
        dated = [bool(doc.dates_overlapping(t.start, t.end)) for t in tokens]
        before = [t for n, t in enumerate(tokens) if not (
            rules.phrases.is_time(t.key) or dated[n] or (n + 1 < len(tokens) and dated[n + 1]))]
        # "أعلنا في 13 تشرين الأول الجاري تحرير": past the date and the word that opens it
        if before and before[-1].key == "من":
            before = before[:-1]
        if not before:
            return False
        single = _without_dual_ending(clitics().without_conjunctions(before[-1].key))
        return single is not None and single in rules.words.enablers

    def _party_follows(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
        """Arabic: whether a party is named right after the verb, past the words that say when
        and a noun of its men ("وصلت أرتال الهيئة إلى", not "وصلت الاشتباكات إلى")."""
        parties = doc.index("actor_mentions")
        ahead = [t for t in doc.tokens_between(cue.end, sentence.end)[:PARTY_AFTER_REACH + 4]
                 if not (rules.phrases.is_time(t.key) or doc.dates_overlapping(t.start, t.end))]
        return any(parties.overlapping(t.start, t.end) for t in ahead[:PARTY_AFTER_REACH])

    def _made_to(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                 words: AgentWords) -> str | None:
        """The party made to change ("أجبرت الفصائل قوات النظام على الانسحاب", "forced IS
        fighters to leave"): the last named between a word of compulsion and the change."""
        i = doc.token_at(cue.start)
        mentions = doc.index("actor_mentions")
        reach = COMPELLED_REACH
        for k in range(i - 1, -1, -1):
            if doc.tokens[k].start < sentence.start:
                return None
            if mentions.overlapping(doc.tokens[k].start, doc.tokens[k].end):
                reach += 1  # "أجبرت فصائل المعارضة قوات النظام على": a party's words are not counted
            if k < i - 1 - reach:
                return None
            if _compelled(doc, k, rules):
                named = [m for m in self._agents.parties(doc, doc.tokens[k].end, cue.start, words.cues)
                         if m.end <= cue.start]
                return named[-1].key if named else None
        return None

    def _companion(self, doc: Doc, at: int, sentence: Sentence, rules: ControlRules,
                   words: AgentWords) -> str | None:
        """English: the party that went with the subject into the place, named after its object
        and the words that say when ("entered X on Wednesday morning, accompanied by Y")."""
        if not rules.companions:
            return None
        ahead = [t for t in doc.tokens_between(at, sentence.end)[:COMPANION_REACH]
                 if not (doc.dates_overlapping(t.start, t.end) or rules.phrases.is_time(t.key))]
        for n in range(len(ahead) - 1):
            if f"{ahead[n].key} {ahead[n + 1].key}" in rules.companions:
                return self._agents.agent_after(doc, ahead[n + 1].end, sentence, words)
        return None

    def _by(self, doc: Doc, at: int, sentence: Sentence, rules: ControlRules, words: AgentWords) -> str | None:
        """The agent of a change told in the passive, after its object and the words that say
        when or again ("تمت السيطرة عليها مجدداً من قبل قوات النظام", "was retaken ... by")."""
        ahead = [t for t in doc.tokens_between(at, sentence.end)[:PASSIVE_AGENT_REACH]
                 if not doc.dates_overlapping(t.start, t.end)]
        for n, t in enumerate(ahead):
            for k in (2, 1):
                if " ".join(u.key for u in ahead[n:n + k]) in rules.passive_agents:
                    return self._agents.agent_after(doc, ahead[n + k - 1].end, sentence, words)
            if not (rules.phrases.is_time(t.key) or rules.phrases.category(
                    doc, doc.token_index(t.start))[0] == "filler"):
                return None
        return None

    def _held_by(self, doc: Doc, at: int, sentence: Sentence, rules: ControlRules,
                 words: AgentWords) -> str | None:
        """"انتزعت البلدة من التنظيم", "seized Jarablus from IS": the party named right after
        the object of a capture, that held the place and lost it, past the words that say how
        fully or when ("تحرير مدينة كري سبي بشكل كامل من مرتزقة داعش", "took X completely from")."""
        ahead = doc.tokens_between(at, sentence.end)[:HELD_BY_REACH + HOW_REACH]
        skipped = 0
        while skipped < HOW_REACH and skipped < len(ahead) and ahead[skipped].key not in rules.held_by and (
                rules.phrases.is_time(ahead[skipped].key) or doc.dates_overlapping(
                    ahead[skipped].start, ahead[skipped].end) or rules.phrases.category(
                    doc, doc.token_index(ahead[skipped].start))[0] == "filler"):
            skipped += 1
        ahead = ahead[skipped:skipped + HELD_BY_REACH]
        for n in range(min(3, len(ahead)), 0, -1):
            if " ".join(t.key for t in ahead[:n]) not in rules.held_by:
                continue
            rest = [t for t in ahead[n:] if t.key not in ("the", "a")][:2]
            if not rest:
                return None
            last = rest[1] if rest[0].key in words.members and len(rest) > 1 else rest[0]  # "من مرتزقة داعش"
            for m in self._agents.parties(doc, ahead[n - 1].end, last.end, words.cues):
                if m.start >= rest[0].start:
                    return m.key
            return None
        return None

    def _done(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules, starts: frozenset[int]) -> bool:
        """Whether a verbal noun is said to be done though no party stands before it: after
        a verb of change ("استعادت السيطرة"), a passive auxiliary ("تم خلال اليوم تطهير"), or
        "من" after a verb of success ("تمكنت وحداتنا، خلال الأيام الماضية، من تحرير")."""
        clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
        before = [t for t in doc.tokens_between(clause[0], cue.start)
                  if not rules.phrases.is_time(t.key) and not doc.dates_overlapping(t.start, t.end)]
        if not before:
            return False
        if before[-1].start in starts or not rules.done_markers.isdisjoint(clitic_forms(before[-1].key)):
            return True
        if rules.english and _verb_past_fillers(doc, cue, before, rules, starts):
            return True  # "took complete control of", "regained full control of": the verb's
        if _compelled(doc, doc.token_index(before[-1].start), rules) or (
                len(before) > 1 and before[-1].key in rules.compelled_to
                and _compelled(doc, doc.token_index(before[-2].start), rules)):
            return True  # "اضطرت إلى الانسحاب", "أجبرت على الخروج": made to, and so done
        k = len(before) - 1
        while k > 0 and rules.phrases.category(doc, doc.token_index(before[k].start))[0] == "filler":
            k -= 1  # "after the"
        if set(clitic_forms(before[k].key)) & rules.since:
            return True  # "بعد تحرير بلدة سلوك", "after the capture of Tabqa": told as past
        return before[-1].key == "من" and any(
            set(clitic_forms(t.key)) & rules.words.enablers
            for t in doc.tokens_between(sentence.start, before[-1].start))

    def _done_past_aside(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                         starts: frozenset[int]) -> bool:
        """Arabic: whether a verbal noun right after an aside set off by commas is the object
        of the verb of change before the aside, past that verb's subject ("واستعادت الفصائل،
        الجمعة، السيطرة على", "أحكمت قوات النظام، بعد معارك عنيفة، سيطرتها على")."""
        if rules.english:
            return False
        head = doc.text[sentence.start:cue.start].rstrip()
        if not head.endswith(COMMAS):
            return False
        close = sentence.start + len(head) - 1
        opening = max(doc.text.rfind(c, sentence.start, close) for c in COMMAS)
        if opening < sentence.start:
            return False
        aside = doc.tokens_between(opening + 1, close)
        if not aside or len(aside) > ASIDE_WORDS or any(k in starts for t in aside for k in range(t.start, t.end)):
            return False
        parties = doc.index("actor_mentions")
        before = [t for t in doc.tokens_between(sentence.start, opening) if not (
            parties.overlapping(t.start, t.end) or rules.phrases.is_time(t.key)
            or doc.dates_overlapping(t.start, t.end))]
        return bool(before) and any(k in starts for k in range(before[-1].start, before[-1].end))

    def _governing(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                   changes: dict[int, str]) -> str | None:
        """The change of the verb a verbal noun is the object of, past its subject and the words
        that say when ("فقدت قوات النظام صباح اليوم السيطرة على"), if any."""
        parties = doc.index("actor_mentions")
        for t in reversed(doc.tokens_between(sentence.start, cue.start)[-GOVERNING_REACH:]):
            at = next((k for k in range(t.start, t.end) if k in changes), None)  # "وخسرت"
            if at is not None:
                return changes[at]
            if not (parties.overlapping(t.start, t.end) or rules.phrases.is_time(t.key)
                    or doc.dates_overlapping(t.start, t.end)):
                return None
        return None

    def _denied_after(self, doc: Doc, denial: Match, claims: dict[str, ControlClaim],
                      rules: ControlRules) -> None:
        """"Reports claiming that IDF forces entered Qatana are false": a sentence that opens
        with the reports and says after the change that they are false; the reports' claims
        stand, and the same claims are denied by whoever says so."""
        sentence = doc.sentence_at(denial.start)
        if sentence is None:
            return
        before = doc.tokens_between(sentence.start, denial.start)
        opens = [0] + [k + 1 for k, t in enumerate(before[:LATE_DENIAL_OPENING])
                       if t.key in rules.negated_sayings or (t.key == "that" and k and (
                           before[k - 1].key in rules.negated_sayings))]
        # "Reports that ... are false", "The SDF said reports that ... were false"
        if not any(" ".join(t.key for t in before[k:k + n]) in rules.denied_claims
                   for k in opens for n in (1, 2)):
            return
        credited = attribution_at(doc, denial.start, denial.end, doc.publisher)
        for claim in [c for c in claims.values() if sentence.start <= c.evidence.start < denial.start
                      and c.stance == "asserted"]:
            key = f"{claim.key}-denied-{denial.start}"
            claims[key] = replace(claim, key=key, stance="denied", attributed_to=credited,
                                  evidence=doc.span(claim.evidence.start, denial.end))

    def _denied_as_relative(self, doc: Doc, denial: Match, claims: dict[str, ControlClaim],
                            rules: ControlRules) -> None:
        """"انسحبت الوحدات من الحي، وهو ما نفاه ناشطون", "took X, a claim denied by the SDF": the
        changes told before it in its sentence stand, and are denied by whoever says so."""
        sentence = doc.sentence_at(denial.start)
        if sentence is None:
            return
        told = [c for c in claims.values() if sentence.start <= c.evidence.start < denial.start
                and c.stance == "asserted"]
        if not told:
            return
        last = max(c.evidence.start for c in told)  # the change of the clause right before it, not
        # one told earlier in the sentence ("دخلت الوحدات درعا، وزعم أنها انسحبت ..., وهو ما نفاه")
        clause = doc.clause_at(last) or (sentence.start, sentence.end)
        credited = attribution_at(doc, denial.start, denial.end, doc.publisher)
        for claim in [c for c in told if c.evidence.start >= clause[0]]:
            key = f"{claim.key}-denied-{denial.start}"
            claims[key] = replace(claim, key=key, stance="denied", attributed_to=credited,
                                  evidence=doc.span(claim.evidence.start, denial.end))

    def _army_subject(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
        """English: the subject is an unqualified noun of the army ("troops took", "Army units on
        Monday restored security to", "Army restores", "said troops now controlled"), which
        names the state's forces."""
        if not rules.army_nouns:
            return False
        comma = fronted_gerund_end(doc, cue, sentence, rules.words)
        if comma is not None:  # "Having seized X, the army pushed on": the noun after the clause
            following = _unqualified(doc.tokens_between(comma, sentence.end)[:3], rules)
            return bool(following) and following[0].key in rules.army_nouns
        clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
        end = cue.start
        closing = doc.text.rfind(",", sentence.start, cue.start)
        if closing > sentence.start and not doc.text[closing + 1:cue.start].strip():
            # "The army, backed by Russian jets, seized": the subject stands before the aside
            opening = doc.text.rfind(",", sentence.start, closing)
            if opening > sentence.start and not doc.index("place_mentions").overlapping(opening, closing):
                clause, end = (sentence.start, opening), opening
        before = [t for t in doc.tokens_between(clause[0], end)
                  if not (doc.dates_overlapping(t.start, t.end) or rules.phrases.is_time(t.key))]
        while before and (before[-1].key in rules.words.subject_gap or before[-1].key in rules.adverbs) \
                and before[-1].key not in rules.army_nouns:  # "the army has completely liberated"
            before.pop()
        if len(before) > 2 and before[-1].key in rules.army_companions and before[-2].key == "and" \
                and before[-3].key in rules.army_nouns:
            del before[-2:]  # "soldiers and police entering": the army noun is the subject's head
        if len(before) > 2 and before[-1].key in rules.words.pronouns and before[-2].key in rules.reporting \
                and before[-3].key in rules.army_nouns:
            del before[-2:]  # "the army said it had captured": the pronoun is the army that says so
        main = [t for t in doc.tokens_between(sentence.start, cue.start)
                if not (doc.dates_overlapping(t.start, t.end) or rules.phrases.is_time(t.key))]
        if cue.text.split()[0].lower().endswith("ing") and len(main) > 2 \
                and main[-1].key in rules.words.gerund_openers and main[-2].key not in rules.army_nouns:
            # "Troops regrouped after evacuating X", "the army had pulled back before
            # abandoning X": the gerund's subject is the main verb's, before it
            k = len(main) - 2
            while k > 0 and (main[k - 1].key in rules.words.subject_gap or main[k - 1].key in rules.adverbs) \
                    and main[k - 1].key not in rules.army_nouns:
                k -= 1
            before = main[:k]
        if not before or before[-1].key not in rules.army_nouns:
            return False
        qualifier = before[-2].key if len(before) > 1 else None
        # "and troops entered", "as the army entered": a clause of its own opens before the noun
        return qualifier is None or qualifier in rules.army_qualifiers or qualifier in rules.words.complementizers \
            or qualifier in rules.reporting

    def _army_reported(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
        """English: whether the subject of the cue is an unqualified army noun right after a verb
        of saying or "that" ("a rebel commander said the army had entered"): the army, not the
        party of the one who says so."""
        if not self._army_subject(doc, cue, sentence, rules):
            return False
        i = doc.token_at(cue.start)
        near = [t for t in doc.tokens[max(0, i - REPORTED_REACH):i] if t.start >= sentence.start]
        army = [n for n, t in enumerate(near) if t.key in rules.army_nouns]
        return bool(army) and any(t.key in rules.reporting or (
            t.key in rules.words.complementizers and t.key not in rules.resumers)  # not "X and the army"
            for t in near[:army[-1]])

    def _army_first_of_pair(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
        """English: whether the subject right before the cue opens its clause with an unqualified
        army noun and "and" ("The army and its allies captured")."""
        if not rules.army_nouns:
            return False
        clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
        words = doc.tokens_between(clause[0], cue.start)
        own = _unqualified(words, rules)
        return len(own) > 2 and len(own) <= PAIR_WORDS and own[0].key in rules.army_nouns \
            and own[1].key == "and" and not doc.index("actor_mentions").overlapping(words[0].start, own[0].end) \
            and not doc.dates_between(own[0].start, cue.start)

    def _army_opens(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
        """English: the clause of the cue opens with an unqualified army noun ("The army ...")."""
        clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
        own = _unqualified(doc.tokens_between(clause[0], cue.start), rules)
        return bool(own) and own[0].key in rules.army_nouns

    def _owned_noun(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
        """English: a verbal noun right after a possessive pronoun ("its siege of")."""
        i = doc.token_at(cue.start)
        return i > 0 and doc.tokens[i - 1].start >= sentence.start and doc.tokens[i - 1].key in rules.words.possessives

    def _army_after(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
        """English: an unqualified noun of the army right after a passive that ends with its
        agent marker ("captured by the army", "retaken by Syrian troops", "fell to the army")."""
        if not rules.army_nouns or not cue.key.endswith(
                tuple(" " + a for a in rules.passive_agents | rules.noun_agents)):
            return False
        following = _unqualified(doc.tokens_between(cue.end, sentence.end)[:ARMY_AFTER_REACH], rules)
        return bool(following) and following[0].key in rules.army_nouns and not (
            len(following) > 1 and following[1].key in rules.words.complements
            and not _locative_after(doc, following[1], sentence))  # "units of the SDF"; not
        # "fell to the army in Idlib province", where the place is where it fell

    def _people_after(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
        """Arabic: people right after the verb, before any party, are its subject ("خرج فيه مئات
        المحتجين"), whatever party was named before it."""
        if rules.english:
            return False
        parties = doc.index("actor_mentions")
        for t in doc.tokens_between(cue.end, sentence.end)[:CIVILIAN_AFTER]:
            if parties.overlapping(t.start, t.end):
                return False
            if not rules.civilians.isdisjoint(word_forms([t])):
                return True
        return False

    def _civilian(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
        """Whether the subject of a change is people, not a party: civilians, families,
        residents, before the verb or (in Arabic) right after it."""
        clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
        near = doc.tokens_between(clause[0], cue.start)[-CIVILIAN_REACH:]
        if not rules.english:
            near += doc.tokens_between(cue.end, clause[1])[:CIVILIAN_AFTER]  # "خرج فيه مئات المحتجين"
        else:  # "rebels and their families left X": people who go with the party named before
            near = [t for t in near if not _owned_by_party(doc, t, clause[0], rules)]
        if not rules.civilians.isdisjoint(word_forms(near)):
            return True
        # "200,000 people from the Kobane region have fled": the people, then where they are
        # from; but no party named between them and the verb ("residents said IS fighters fled")
        wider = doc.tokens_between(clause[0], cue.start)[-CIVILIAN_SUBJECT_REACH:]
        people = [t for t in wider if not rules.civilians.isdisjoint(word_forms([t]))]
        if not people:
            return False
        between = doc.tokens_between(people[-1].end, cue.start)
        return bool(between) and between[0].key in rules.words.partitives and not doc.index(
            "actor_mentions").overlapping(people[-1].end, cue.start)

    def _passive(self, doc: Doc, cue: Match, spec: Cue, sentence: Sentence,
                 rules: ControlRules, words: AgentWords) -> list[Reading]:
        """"X fell to Y", "سقطت X بيد Y", "X تحت سيطرة Y": the place before, the party after."""
        reach = doc.tokens_between(sentence.start, cue.start)[-PASSIVE_REACH:]
        if not reach:
            return []
        if clitics().has_article(cue.key) and not self._described_noun(doc, reach[-1], rules):
            return []  # "القوات المحاصرة", "الأحياء المحاصرة": an adjective of a noun that names no place
        end = cue.start
        closing = max(doc.text.rfind(c, sentence.start, cue.start) for c in ",،")
        if closing > sentence.start and all(set(clitic_forms(t.key)) & (rules.modals | words.subject_gap)
                                            for t in doc.tokens_between(closing, cue.start)):
            # "the town of X, at the confluence of the two rivers, fell to", "X، الواقعة شمال حماة،
            # قد سقطت بيد": the subject stands before the aside between commas
            opening = max(doc.text.rfind(c, sentence.start, closing) for c in ",،")
            if opening > sentence.start:
                end = opening
                reach = doc.tokens_between(sentence.start, end)[-PASSIVE_REACH:] or reach
        wide = doc.tokens_between(sentence.start, end)[-PASSIVE_LIST_REACH:]
        places = [m for m in rules.phrases.preceding(doc, wide[0].start, end) if not quoted(doc, m)]
        nearest = places[-1].end if places else None  # the place named last before the cue
        if rules.english and places and self._landmark(doc, places[-1], rules):
            # "the bases near X remain in army hands": what is near the place is held, not the place
            places = [m for m in rules.phrases.preceding(doc, wide[0].start, places[-1].start)
                      if not quoted(doc, m) and m.end < places[-1].start - 6]
            if not places:
                return []
        if rules.english and places and self._complement_place(doc, places[0], rules):
            return []  # "two IS fighters from Raqqa were captured by the SDF": people were taken
        if places and places[-1].start < reach[0].start:  # the list runs back past the reach
            # ("the towns of A, B and C and the villages of D, E and F are now surrounded"); its
            # last item must stand within it
            places = []
        if not places:
            places = self._objects.antecedent(doc, reach, sentence, rules)
        if not places:
            places = self._described(doc, end, sentence, rules) or self._described(
                doc, cue.start, sentence, rules)  # ", الخاضعة لسيطرة" right after a comma
        if not places and rules.english:  # "the villages taken by the army since Sunday rose
            # to five: A, B and C": the places the noun before is elaborated by later
            places = self._objects.passive_elaborated(doc, cue, reach, sentence, rules)
        if not places:
            return []
        if rules.english and len(places) > 1 and cue.key.split()[0] in rules.singular_auxiliaries \
                and reach[-1].key in rules.relatives and reach[-1].end <= cue.start:
            places = places[-1:]  # "al-Rai and Dabiq, which was taken from IS": Dabiq alone
        if cue.key in rules.agentless_passives and all(rules.phrases.is_context(doc, m) for m in places):
            return []  # "Zuqqarbat in Idlib province was captured": the province only says where
        if cue.key in rules.falls and not self._fallen(doc, cue, rules, words):
            return []  # "shells fell", "prices fell in Idlib": no place fell
        # a fall told of no party has none after it ("Palmyra fell as troops withdrew"); a frame
        # names its own ("returned to government control on Thursday after rebels agreed")
        if cue.key in rules.cleared_passives:  # "the villages were cleared of IS": taken by a
            # party not named, from the one after ("cleared of mines": no party, no change)
            loser = self._agents.agent_after(doc, cue.end, sentence, words)
            return [Reading("captured", places, None, cue.end),
                    Reading("withdrew", places, loser, cue.end)] if loser else []
        framed = self._framed_party(doc, cue, rules) if rules.held_frames else None
        actor = None if cue.key in rules.falls else framed or self._agents.agent_after(doc, cue.end, sentence, words)
        if actor is None and not rules.english and self._first_person_after(doc, cue, sentence, words):
            # "المربع الأمني تحت سيطرة وحداتنا": the party whose statement it is
            actor = self._agents.spoken_for(doc, sentence, cue, words) or self._agents.speaker(doc, cue.start)
        if actor is None and cue.key not in rules.falls and self._army_after(doc, cue, sentence, rules):
            # "was recaptured by the army", "taken by government troops": the state's forces
            actor = self._state_forces(doc, sentence, rules)
        if actor is not None and actor == framed and not all(
                t.key in rules.held_frame_links or t.key in rules.qualifiers or self._locating(doc, t, rules)
                for t in doc.tokens_between(nearest or places[-1].end, cue.start)):
            return []  # "the areas under regime control": the frame is said of no place named
        following = doc.tokens_between(cue.end, sentence.end)[:1]
        pronoun = cue.text.endswith(("ه", "ها", "هم")) or (
            rules.english and bool(following) and following[0].key in rules.pronoun_objects)  # "fell to them"
        if actor is None and not pronoun and cue.key in rules.bare_passives:
            return []  # "الموجود بيد بعض الأشخاص": in someone's hands, not a party's
        if cue.key in rules.agent_right_after and not self._party_right_after(doc, cue, sentence, words.members):
            return []  # "خالية من السكان", "خالية من السلاح والمسلحين": empty of people or
            # arms, not left by a party
        if actor is None and pronoun:
            actor = self._agents.last_party(doc, places[0].start, sentence.start, words) or \
                self._agents.last_party(doc, cue.start, paragraph_start(doc, sentence), words)
        if actor is None and spec.change == "besieged":  # "the regime forces have sealed off the
            # countryside, where the towns of X and Y are now surrounded": the party named before
            # in the sentence besieges them, not the last that made a change
            actor = self._agents.last_party(doc, places[0].start, sentence.start, words)
        opening = doc.tokens_between(sentence.start, places[0].start)[-3:]
        if spec.change == "captured" and actor is not None and any(
                f"{clitics().without_conjunctions(a.key)} {b.key}" in rules.no_longer
                for a, b in pairwise(opening)):
            return [Reading("lost", places, actor, cue.end)]  # "لم تعد بلدة X تحت سيطرة Y": Y lost it
        joined = [] if rules.english or actor is None or actor == framed or pronoun or len(places) > 1 else [
            key for key in self._agents.joined_after(doc, cue.end, sentence, words) if key != actor]
        # "قرية أم الحوش الواقعة تحت سيطرة قوات النظام وقوات تحرير عفرين": each party holds the
        # one place; places listed under two parties may be shared out between them
        return [Reading(spec.change, places, key, cue.end) for key in [actor, *joined]]

    def _collapsed(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                   words: AgentWords, starts: frozenset[int]) -> list[Reading] | None:
        """"انهارت خطوط الفصائل في منطقة اللجاة", "انهيار دفاعات التنظيم في X": the party whose
        lines collapsed, right after them, lost the places after "في"; None if the words
        after the cue are not so."""
        ahead = doc.tokens_between(cue.end, sentence.end)
        while ahead and ahead[0].key in rules.collapse_fillers:
            ahead = ahead[1:]  # "خطوط دفاع الفصائل"
        if not ahead:
            return None
        party = next(iter(self._agents.parties(doc, ahead[0].start, sentence.end, words.cues)), None)
        if party is None or party.start != ahead[0].start:
            return None
        rest = doc.tokens_between(party.end, sentence.end)
        if not rest or rules.locatives_in.isdisjoint(clitic_forms(rest[0].key)):
            return None
        actor = self._agents.agent_after(doc, party.start, sentence, words)
        phrase = rules.phrases.read(doc, rest[0].end, sentence.end, stop_at=starts)
        places = phrase.items or phrase.context[:1]
        return [Reading(cue.payloads[0].change, places, actor, phrase.end)] if places and actor else []

    def _passive_elaborated(self, doc: Doc, cue: Match, spec: Cue, sentence: Sentence, rules: ControlRules,
                            words: AgentWords, starts: frozenset[int]) -> list[Reading]:
        """Arabic: "يرتفع تعداد المناطق التي خضعت لسيطرة قوات النظام إلى 37 بلدة وقرية، وهي A
        وB": a passive in a relative clause on a noun of places that names none is said of the
        places that noun is elaborated by later in the sentence, by the party right after it."""
        if rules.english:
            return []
        later = self._objects.relative_elaborated(doc, cue, sentence, rules, starts)
        actor = self._agents.agent_after(doc, cue.end, sentence, words) if later else None
        return [Reading(spec.change, later[0], actor, later[2])] if later and actor else []

    def _complement_place(self, doc: Doc, m: Mention, rules: ControlRules) -> bool:
        """English: whether a place right after a noun of people and a preposition of origin
        ("fighters from Raqqa", "civilians from Douma") is that noun's complement, not a subject
        of its own; not after a verb ("after advancing from X, which fell to them")."""
        i = doc.token_at(m.start)
        return i > 1 and doc.tokens[i - 1].key in rules.origins and (
            doc.tokens[i - 2].key in rules.words.members or doc.tokens[i - 2].key in rules.civilians)

    def _locating(self, doc: Doc, t: Token, rules: ControlRules) -> bool:
        """English: whether a word between a place and a frame after it says where the place is
        ("Rastan in Homs province came under"): a locative, an article or adjective, a place
        noun, or a place's name."""
        if not rules.english:
            return False
        category = rules.phrases.category(doc, doc.token_at(t.start))[0]
        return category in ("context", "filler", "head") or bool(
            doc.index("place_mentions").overlapping(t.start, t.end))

    def _landmark(self, doc: Doc, m: Mention, rules: ControlRules) -> bool:
        """English: whether a place is named as what something else is near ("the bases near X")."""
        i = doc.token_at(m.start)
        return any(rules.phrases.category(doc, j)[:2] == ("near", i - j) for j in (i - 1, i - 2) if j >= 0)

    def _first_person_after(self, doc: Doc, cue: Match, sentence: Sentence, words: AgentWords) -> bool:
        """Arabic: whether the party right after a passive's cue is a word of the speaker's own
        forces ("تحت سيطرة قواتنا", "بيد مقاتلينا")."""
        following = doc.tokens_between(cue.end, sentence.end)[:2]
        return bool(following) and has_phrase(words.first_person, following)

    def _lifted(self, doc: Doc, cue: Match, rules: ControlRules) -> bool:
        """Whether a siege is named as one ended ("فك الحصار", "لكسر الحصار", "broke the siege of")
        or as imposed ("الحصار المفروض على"): a besieged place, not an act."""
        if cue.payloads[0].change != "besieged" or cue.payloads[0].form != "nouns":
            return False
        i = doc.token_at(cue.start)
        while i > 0 and (rules.phrases.is_time(doc.tokens[i - 1].key)
                         or doc.dates_overlapping(doc.tokens[i - 1].start, doc.tokens[i - 1].end)):
            i -= 1  # "فكت قوات النظام، اليوم الثلاثاء، الحصار عن X": past the words that say when
        named = doc.index("actor_mentions").overlapping(doc.tokens[i - 1].start, doc.tokens[i - 1].end) \
            if i > 0 and not rules.english else []
        if named:  # "فكت قوات النظام الحصار عن X": the verb before its subject
            i = doc.token_at(min(m.start for m in named))
        before = [t for t in doc.tokens[max(0, i - 3):i] if t.key not in ("the", "a")][-1:]
        if before and not rules.lifts.isdisjoint(clitic_forms(before[0].key)):
            return True
        return self._imposed(doc, cue, rules)

    def _imposed(self, doc: Doc, cue: Match, rules: ControlRules) -> bool:
        """"الحصار المفروض على X", "the siege imposed on X": a siege told as a state."""
        after = doc.tokens_after(cue.end, 1)
        return bool(after) and after[0].key in rules.imposed

    def _described_noun(self, doc: Doc, noun: Token, rules: ControlRules) -> bool:
        """Whether the noun an adjective of state follows ("نبل والزهراء المحاصرتين", "المدينة
        المحاصرة") is a place: a name, or a noun that stands for one."""
        if doc.index("place_mentions").overlapping(noun.start, noun.end):
            return True
        return not set(clitic_forms(noun.key)).isdisjoint(rules.anaphors | rules.plural_anaphors)

    def _described(self, doc: Doc, end: int, sentence: Sentence, rules: ControlRules) -> list[Mention]:
        """"قصفت بلدات في محافظة إدلب، الخاضعة لسيطرة الهيئة", "killed in Sarmin, which is held
        by rebels": the place right before a state, though it says where something else is."""
        k = doc.token_at(end)
        k -= 1 if doc.tokens[k].start >= end else 0
        while k >= 0 and doc.tokens[k].start >= sentence.start and doc.tokens[k].end <= end and (
                doc.tokens[k].key in rules.relatives or doc.tokens[k].key in rules.state_links):
            k -= 1
        if k < 0 or doc.tokens[k].start < sentence.start:
            return []
        t = doc.tokens[k]
        return [m for m in doc.index("place_mentions").overlapping(t.start, t.end)
                if not quoted(doc, m) and not any(rules.phrases.is_region(u.key) for u in doc.tokens[
                    max(0, doc.token_at(m.start) - 1):k + 1])][-1:]  # not "the Idlib countryside"

    def _fallen(self, doc: Doc, cue: Match, rules: ControlRules, words: AgentWords) -> bool:
        """"Saraqeb had fallen", "the village had fallen": a fall told of no party is one only of
        the place right before it, its subject (a name or an anaphor), past auxiliaries; not
        of a place that says where ("in Idlib, prices fell")."""
        k = doc.token_at(cue.start) - 1
        while k >= 0 and (doc.tokens[k].key in words.subject_gap or doc.tokens[k].key in rules.negations):
            k -= 1  # "Saraqeb had not fallen": the subject past the negation
        if k < 0:
            return False
        t = doc.tokens[k]
        named = doc.index("place_mentions").overlapping(t.start, t.end)
        if named and rules.phrases.is_context(doc, named[-1]):
            # "Saraqeb in Idlib province had fallen": the subject is the place before the one
            # that says where it is
            where = named[-1]
            named = [m for m in doc.index("place_mentions").overlapping(max(0, where.start - 40), where.start)
                     if m.end <= where.start and _says_where(doc, m.end, where.start, rules)]
        if named:
            return not rules.phrases.is_context(doc, named[-1])
        pair = f"{doc.tokens[k - 1].key} {t.key}" if k else t.key
        return bool({t.key, pair} & (rules.anaphors | rules.plural_anaphors))

    def _expel(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules, words: AgentWords,
               starts: frozenset[int], context: list[Mention]) -> list[Reading]:
        """"طرد التنظيم من البلدة", "drove IS out of X": the subject takes X and the party
        driven out leaves it; a pronoun of place ("بعد طرد قوات النظام منها", "after driving
        IS out of it") stands for the places named before, as the object of any change."""
        tokens = doc.tokens_between(cue.end, sentence.end)[:PREPOSITION_WINDOW]
        froms = rules.prepositions["withdrew"] | {"out"}
        named: list[Mention] = []  # the parties between the verb and "من": (subject,) object
        carried = cue.key in rules.carriers  # "buses carrying rebels out of X": they leave X
        for n, t in enumerate(tokens):
            if not rules.civilians.isdisjoint(clitic_forms(t.key)) and not (carried and named):
                return []  # "طردت الفصائل المدنيين منها", "expelled residents from": people, no party
                # (but "carrying fighters and their families out of": the fighters leave)
            named += [m for m in self._agents.parties(doc, t.start, t.end + 1, words.cues)
                      if m.start >= t.start and all(m.start != x.start for x in named)]
            subject_after = words.verb_first and len(named) > 1
            loser = named[1 if subject_after else 0].key if named else None
            if t.key in froms or set(clitic_forms(t.key)) & froms:
                of = t.key == "out" and n + 1 < len(tokens) and tokens[n + 1].key == "of"
                start = tokens[n + 1].start if of else (t.end if t.key in froms else t.start)
                after = tokens[n + 2 if of else n + 1:][:1]
                pronoun = t if t.key in rules.pronoun_objects else \
                    after[0] if rules.english and after and after[0].key in rules.pronoun_objects else None
                if pronoun is not None:
                    found = self._objects.anaphor(doc, cue, pronoun, sentence, rules, starts, context)
                    places, end = (found[0], found[2]) if found else ([], pronoun.end)
                else:
                    phrase = rules.phrases.read(doc, start, sentence.end, stop_at=starts - {cue.start})
                    places, end = phrase.items, phrase.end
                between = tokens[:n]
                if loser is None and rules.english and any(b.key in rules.army_nouns for b in between):
                    # "drove the army out of X": the state's forces
                    loser = self._state_forces(doc, sentence, rules)
                unnamed = loser is None and bool(between) and between[-1].key in rules.expelled_nouns
                if not places or (loser is None and not unnamed):
                    return []
                actor = named[0].key if subject_after else \
                    self._agents.subject(doc, cue, sentence, cue.start, words)[0]
                if unnamed:  # "drove the militants out of X": X taken from a party not named
                    return [Reading("captured", places, actor, end)]
                if carried:  # no one takes X from those carried out of it
                    return [Reading("withdrew", places, loser, end)] if loser else []
                if not actor and words.verb_first and self._enabled(doc, cue, sentence, words):
                    # "تمكنت قسد من طرد عناصر التنظيم من X": a verbal noun, the party driven out
                    # after it; the taker is the subject of the verb of ability, named before
                    actor = self._agents.last_party(doc, cue.start, sentence.start, words) or actor
                return [Reading("captured", places, actor, end), Reading("withdrew", places, loser, end)]
        return []

    @staticmethod
    def _enabled(doc: Doc, cue: Match, sentence: Sentence, words: AgentWords) -> bool:
        """Whether a verb of ability ("تمكنت", "نجحت") stands before ``cue`` in its clause."""
        clause = doc.clause_at(cue.start) or (sentence.start, cue.start)
        return any(not words.enablers.isdisjoint(clitic_forms(t.key))
                   for t in doc.tokens_between(clause[0], cue.start))

    def _expelled_from_taken(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                             words: AgentWords, starts: frozenset[int], claims: dict[str, ControlClaim]) -> None:
        """"أعلن المجلس السيطرة الكاملة على منبج، بعد شهرين على إطلاق حملة لطرد داعش منها", "took
        the town in a campaign to drive IS out of it": an expulsion told as the aim of a campaign
        whose place the sentence told taken before it by another party is a loss of the party
        it names."""
        readings = self._expel(doc, cue, sentence, rules, words, starts, [])
        if len(readings) != 2 or not readings[1].actor:
            return
        loser, places = readings[1].actor, {p.key for p in readings[1].places}
        for taken in [c for c in list(claims.values()) if sentence.start <= c.evidence.start < cue.start
                      and c.change == "captured" and c.stance == "asserted" and c.place in places
                      and c.actor and c.actor != loser]:
            key = f"{taken.key}-lost-{cue.start}"
            if key not in claims:
                claims[key] = replace(taken, key=key, change="lost", actor=loser,
                                      evidence=doc.span(taken.evidence.start, max(taken.evidence.end, readings[1].end)))

    def _recipient(self, doc: Doc, at: int, sentence: Sentence, rules: ControlRules,
                   words: AgentWords) -> str | None:
        """"سلم المدينة إلى الشرطة الروسية", "handed over X to Y": who takes it."""
        tokens = doc.tokens_between(at, sentence.end)[:RECIPIENT_REACH]
        for n, t in enumerate(tokens):
            if any(a <= t.start < b for a, b in words.cues):
                break  # another change: its own object
            joined = not rules.english and t.key.startswith("ل") and any(  # "سلمتها للجيش الوطني"
                m.start > t.start for m in doc.index("actor_mentions").overlapping(t.start, t.end))
            if (joined or set(clitic_forms(t.key)) & (rules.destinations | rules.loss_recipients | {"ل"})) and (
                    n < RECIPIENT_NEAR or doc.text[max(at, t.start - 2):t.start].rstrip().endswith((",", "،"))):
                # "handed over A and B, as well as positions around C, to Y": past an aside
                to = self._agents.agent_after(
                    doc, t.end if t.key in rules.destinations or t.key in rules.loss_recipients else t.start,
                    sentence, words)
                after = tokens[n + 1:n + 3]
                if to is None and rules.english and any(a.key in rules.army_nouns for a in after) and all(
                        a.key in rules.army_qualifiers or a.key in rules.army_nouns for a in after[:2]):
                    # "surrendered X to the army", "handed over X to government troops"
                    to = self._state_forces(doc, sentence, rules)
                return to
        return None

    def _left_to(self, doc: Doc, at: int, sentence: Sentence, rules: ControlRules,
                 words: AgentWords) -> str | None:
        """The party a place was left to, right after a withdrawal's object ("أخلت قوات النظام
        البلدة لصالح الفصائل"), past the words that say when."""
        for t in doc.tokens_between(at, sentence.end)[:RECIPIENT_NEAR]:
            if any(a <= t.start < b for a, b in words.cues):
                return None  # another change: its own object
            if not rules.left_to.isdisjoint(clitic_forms(t.key)):
                return self._agents.agent_after(doc, t.end, sentence, words)
            if not (rules.phrases.is_time(t.key) or doc.dates_overlapping(t.start, t.end)):
                return None
        return None

    def _denied_before(self, doc: Doc, denial: Match, claims: dict[str, ControlClaim],
                       starts: frozenset[int], rules: ControlRules) -> None:
        """"أعلن النظام السيطرة على تلمنس، ونفت الجبهة ذلك", "the army denied it": the
        claims just made, denied by the denier."""
        sentence = doc.sentence_at(denial.start)
        if sentence is None:
            return
        ahead = doc.tokens_between(denial.end, sentence.end)[:DENIED_REACH]
        said = next((ahead[n] for n in range(len(ahead)) for k in (1, 2, 3)
                     if " ".join(t.key for t in ahead[n:n + k]) in rules.denied_claims), None)
        if said is None or any(denial.end <= s < sentence.end and not _affirmed_between(doc, said.end, s, rules)
                               for s in starts):
            return  # a change told after the denial is the one it denies ("نفى الأنباء عن انسحاب");
            # not one the denier tells as its ground ("نفت الجبهة ذلك، مؤكدة ... ولم يدخلها العدو")
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

    def _denying_party(self, doc: Doc, denial: Match, sentence: Sentence, rules: ControlRules,
                       year: int | None) -> str | None:
        """English: the party that is the subject of a denial: the one party named in the words
        before it ("SDF officials denied"), or the state's forces for an unqualified army noun
        ("The army denied")."""
        clause = doc.clause_at(denial.start) or (sentence.start, sentence.end)
        start = max(clause[0], sentence.start)
        for t in reversed(doc.tokens_between(start, denial.start)):  # "X said ... but the army denied"
            if t.key in DENIER_OPENERS:
                start = t.end
                break
        named = [m for m in self._agents.parties(doc, start, denial.start) if m.end <= denial.start]
        if len(named) == 1:
            return named[0].key
        if named:
            return None
        before = _unqualified(doc.tokens_between(start, denial.start), rules)
        if len(before) == 1 and before[0].key in rules.army_nouns and rules.state_forces:
            return self._agents.state_forces(rules.state_forces, year)
        return None

    def _admitting_party(self, doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules,
                         year: int | None) -> str | None:
        """English: "the army admitted losing X", "rebels acknowledged losing X": the loss is
        owned to by the subject of the verb of admission right before it, or before the verb
        of loss that governs it ("admitted losing control of X")."""
        i = doc.token_at(cue.start)
        if i is not None and i > 1 and doc.tokens[i - 1].key in rules.verb_keys.get("lost", ()):
            i -= 1
        if i is None or i == 0 or doc.tokens[i - 1].key not in rules.admissions \
                or doc.tokens[i - 1].start < sentence.start:
            return None
        return self._denying_party(doc, doc.tokens[i - 1], sentence, rules, year)

    def _denier(self, doc: Doc, denial: Match) -> Attribution | None:
        """"نفت الصحيفة", "the army denied": who denies, as the attribution of the denial."""
        found = attribution_at(doc, denial.start, denial.end, doc.publisher)
        return found if found is not doc.publisher else None


def _merged(doc: Doc, claims: list[ControlClaim], nouns: set[str]) -> list[ControlClaim]:
    """A claim a report states twice (a headline and its lead, a lead and a later
    sentence of the same source) is one claim: the first statement in the body stands."""
    out: list[ControlClaim] = []
    seen: dict[tuple, int] = {}
    told: set[tuple] = set()  # change, place, stance and source of the claims kept
    stated: set[tuple] = set()  # actor, change, place and stance of the claims kept
    denied: set[tuple] = set()  # sentence, direction and place of the denied claims kept
    days: dict[tuple, set[str | None]] = {}  # the dates of the claims kept, by actor, change, place, stance
    placed: set[tuple] = set()  # change, place and stance of the claims kept, whatever their party
    body_first = sorted(claims, key=lambda c: (_is_heading(doc, c), c.evidence.start))
    for claim in body_first:
        same = (claim.actor, "withdrew" if claim.change in BACKWARD else claim.change, claim.place,
                claim.stance)  # a party that lost a place and left it: one claim of its leaving
        source = claim.attributed_to.source or claim.attributed_to.label
        restated = same in stated and not (doc.language != "en" and _dated_apart(claim, days.get(same, set())))
        if restated and (_is_heading(doc, claim) or claim.attributed_to == doc.publisher
                         or claim.key in nouns or claim.change in BACKWARD):
            continue  # a headline, the report restating in its own voice what a source said,
            # a verbal noun that refers back to the change ("سيطرة الفصائل على حمص تقسم ..."), or
            # a party's leaving told again by another source: one claim of it
        if (*same, source) in seen:
            continue
        if doc.language == "en" and _is_heading(doc, claim) and same[1:] in placed:
            continue  # "Turkish army, FSA take X": a headline of a change the body tells, with
            # the party the body names
        if claim.stance == "denied" and doc.language != "en":
            told_in = doc.sentence_at(claim.evidence.end - 1)
            one = (told_in.start if told_in else None, same[1], claim.place)
            if one in denied:
                continue  # "نفت الصحيفة سقوط المطار، مؤكدة أنه لا يزال بيد الجيش": one denial
            denied.add(one)
        if claim.actor is None and (*same[1:], source) in told:
            continue  # the same change told again with its party left unnamed ("after the army
            # had liberated it", "pulled out of the city")
        seen[(*same, source)] = len(out)
        told.add((*same[1:], source))
        stated.add(same)
        placed.add(same[1:])
        days.setdefault(same, set()).add(claim.start)
        out.append(claim)
    return sorted(out, key=lambda c: (c.evidence.start, c.evidence.end))


def _locative_after(doc: Doc, preposition: Token, sentence: Sentence) -> bool:
    """Whether a place, past its articles and adjectives, is what the preposition governs
    ("in northern Idlib", "in the Hama countryside"), rather than a party ("of the SDF")."""
    for t in doc.tokens_between(preposition.end, sentence.end)[:LOCATIVE_REACH]:
        if doc.index("place_mentions").overlapping(t.start, t.end):
            return True
        if doc.index("actor_mentions").overlapping(t.start, t.end) or not doc.text[t.start:t.end].islower():
            return False
    return False


def _owned_by_party(doc: Doc, t: Token, start: int, rules: ControlRules) -> bool:
    """English: whether a word after a possessive pronoun is owned by a party named before it
    since ``start`` ("rebels and their families"): people going with that party."""
    i = doc.token_index(t.start)
    return i > 0 and doc.tokens[i - 1].key in rules.words.possessives and bool(
        doc.index("actor_mentions").overlapping(start, doc.tokens[i - 1].start))


def _within(m: Mention, cue: Match) -> bool:
    """Whether a name lies inside a cue of several words and is shorter than it ("الأمن" in
    "الأمن والاستقرار إلى"): a word of the cue."""
    return cue.start <= m.start and m.end <= cue.end and m.end - m.start < cue.end - cue.start and " " in cue.key


def _dated_apart(claim: ControlClaim, days: set[str | None]) -> bool:
    """Arabic: whether a claim is told on a day of its own, other than that of each claim of the
    same party, change and place kept before it ("أحكمت سيطرتها على البوكمال" today, "وكان الجيش
    قد أعلن في التاسع من الشهر السيطرة على البوكمال"): the place was taken twice."""
    return bool(days) and claim.start is not None and len(claim.start) >= 10 and all(
        d is not None and len(d) >= 10 and d[:10] != claim.start[:10] for d in days)


def _after(doc: Doc, cue: Match, sentence: Sentence, words: frozenset[str]) -> bool:
    """Whether one of ``words`` stands among the few words before the cue in its sentence."""
    i = doc.token_at(cue.start)
    return any(not words.isdisjoint(clitic_forms(t.key)) for t in doc.tokens[max(0, i - ATTEMPT_WINDOW):i]
               if t.start >= sentence.start)


def _unqualified(tokens: list[Token], rules: ControlRules) -> list[Token]:
    """The tokens from the first that is no qualifier of an army noun ("the Syrian army",
    "government troops": from "army", "troops")."""
    n = 0
    while n < len(tokens) and tokens[n].key in rules.army_qualifiers and tokens[n].key not in rules.army_nouns:
        n += 1
    return tokens[n:]


def _noun_opens_told(doc: Doc, cue: Match, sentence: Sentence, object_end: int, rules: ControlRules) -> bool:
    """English: whether a verbal noun with "the" opens its sentence as the subject of a verb
    told as past ("The recapture of X came after", "The capture of X was announced"): the
    change is told as done; not with a modal or an attempt after it ("The capture of X would
    mark"), nor a fall, told of no party ("The fall of Aleppo was a turning point")."""
    before = [t for t in doc.tokens_between(sentence.start, cue.start)
              if not doc.dates_overlapping(t.start, t.end)]
    after = doc.tokens_between(object_end, sentence.end)[:NOUN_PREDICATE_REACH]
    return [t.key for t in before] == ["the"] and len(after) > 1 and not sentence.heading and \
        cue.key not in rules.partyless_nouns and \
        after[0].key in rules.predicates and not any(
            t.key in rules.attempts or t.key in rules.negations for t in after)


def _army_announces(doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
    """English: whether an unqualified noun of the army announces the verbal noun right after
    its verb ("The army announced the capture of X", "Syrian troops on Monday confirmed the
    recapture of X"): the state's forces own the change."""
    before = [t for t in doc.tokens_between(sentence.start, cue.start)
              if not (doc.dates_overlapping(t.start, t.end) or rules.phrases.is_time(t.key))]
    if len(before) < 3 or before[-1].key != "the" or before[-2].key not in rules.reporting or \
            before[-2].key in rules.denial_words:
        return False
    k = len(before) - 3
    while k > 0 and (before[k].key in rules.adverbs or before[k].key in rules.words.subject_gap) \
            and before[k].key not in rules.army_nouns:
        k -= 1
    if before[k].key not in rules.army_nouns or doc.index("actor_mentions").overlapping(
            before[k].start, before[k].end):
        return False
    return k == 0 or before[k - 1].key in rules.army_qualifiers


def _army_owner(doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
    """English: whether a verbal noun is owned by an unqualified noun of the army ("the army's
    seizure of", "Syrian troops' capture of")."""
    before = doc.tokens_between(sentence.start, cue.start)
    if len(before) > 1 and before[-1].key == "s" and doc.text[before[-2].end:before[-1].start] in ("'", "’"):
        before = before[:-1]  # "army's"
    elif not before or doc.text[before[-1].end:cue.start].strip() not in ("'", "’"):
        return False  # no possessive ("troops'")
    if before[-1].key not in rules.army_nouns or doc.index("actor_mentions").overlapping(
            before[-1].start, before[-1].end):
        return False
    qualifier = before[-2].key if len(before) > 1 else None  # "the Syrian army's", not "IS army's"
    return qualifier is None or qualifier in rules.army_qualifiers or qualifier in rules.words.complementizers


def _governing_verb(doc: Doc, cue: Match, cues: list[Match], rules: ControlRules) -> Match | None:
    """English: the verb cue a verbal noun cue stands after, past the words that only qualify
    it ("Troops took complete control of"): the subject is the verb's."""
    if not rules.english or cue.payloads[0].form != "nouns":
        return None
    return next((c for c in cues if c.end <= cue.start and c.payloads[0].form == "verbs" and all(
        rules.phrases.category(doc, doc.token_index(t.start))[0] == "filler"
        for t in doc.tokens_between(c.end, cue.start))), None)


def _verb_past_fillers(doc: Doc, cue: Match, before: list[Token], rules: ControlRules,
                       starts: frozenset[int]) -> bool:
    """Whether a change's cue stands right before a verbal noun past the words that only
    qualify it ("took complete control of", "have regained full control of"), not one cue
    with it ("took full control of": that cue claims it)."""
    k = len(before) - 1
    while k > 0 and rules.phrases.category(doc, doc.token_index(before[k].start))[0] == "filler":
        k -= 1
    if k == len(before) - 1:
        return False
    opening = {before[k].start}
    while k > 0 and (before[k - 1].key in rules.auxiliaries or before[k - 1].key in rules.adverbs):
        k -= 1  # "have taken", "had now seized": the cue opens with its auxiliary
        opening.add(before[k].start)
    return any(normalize_key(doc.text[o:cue.end]) not in rules.all_verb_keys for o in opening & starts)


def _adjectival(doc: Doc, cue: Match, rules: ControlRules) -> bool:
    """English: a participle of a siege right after an article ("the besieged town of X",
    "the encircled pocket") or before a plural noun of places ("surrounding villages"): an
    adjective, not a verb with a subject."""
    if not rules.english or cue.payloads[0].change != "besieged" or cue.payloads[0].form != "verbs":
        return False
    i = doc.token_index(cue.start)
    following = doc.tokens_after(cue.end, 1)  # "a string of surrounding villages"
    return (i > 0 and doc.tokens[i - 1].key in ("the", "a", "an")) or (
        bool(following) and following[0].key in rules.listed_nouns and cue.key.endswith("ing"))


def _said_not(doc: Doc, cue: Match, sentence: Sentence, rules: ControlRules) -> Token | None:
    """English: the verb of saying before a change its auxiliary negates ("insisted the
    district had not been lost", "said Saraqeb has not fallen"): a denial by who says so."""
    i = doc.token_at(cue.start)
    k = i - 1
    if k > 0 and doc.tokens[k].key == "been":
        k -= 1  # "had not been lost"
    if k < 2 or doc.tokens[k].key not in rules.negations or doc.tokens[k - 1].key not in rules.auxiliaries \
            or doc.tokens[k - 1].start < sentence.start:
        return None
    before = doc.tokens_between(sentence.start, doc.tokens[k - 1].start)[-SAID_NOT_REACH:]
    return next((t for t in reversed(before) if t.key in rules.negated_sayings), None)


def _says_where(doc: Doc, start: int, end: int, rules: ControlRules) -> bool:
    """Whether only a locative, its articles and adjectives stand between ``start`` and ``end``
    ("X in northern Y", "X, in the Y"): the words that say where the place before them is."""
    gap = doc.tokens_between(start, end)
    if not gap or doc.text[start:gap[0].start].strip(" ,"):
        return False
    category, n, _ = rules.phrases.category(doc, doc.token_index(gap[0].start))
    return category == "context" and len(gap) - n <= LOCATIVE_FILLERS and all(
        rules.phrases.category(doc, doc.token_index(t.start))[0] == "filler" for t in gap[n:])


def _perfect(cue: Match, rules: ControlRules) -> bool:
    """A change told by a perfect infinitive ("claimed to have captured", "is said to have
    taken"): done by the time it is told, not a purpose as "to capture" is."""
    return cue.key.split(" ", 1)[0] in rules.auxiliaries


def _undated(doc: Doc, tokens: list[Token], rules: ControlRules) -> list[Token]:
    """The tokens but a word of attempt that is a month inside a date ("in May 2017", "on May
    5"): the month, not the hedge "may"."""
    return [t for t in tokens if t.key not in rules.attempts or not doc.dates_overlapping(t.start, t.end)]


def _consequence(doc: Doc, token: Token, cue: Match, sentence: Sentence, rules: ControlRules) -> bool:
    """Arabic: whether "ل" joined to a verb in the present after a comma tells what followed
    the change told in the clause before, not a purpose ("انسحب الجيش الحر من البلدة،
    لتدخلها قوات النظام"; not "حشدت تعزيزات، لتسيطر على")."""
    if rules.english or doc.text[token.start:cue.start] != "ل" or not _present(cue.key, rules) \
            or not doc.text[sentence.start:token.start].rstrip().endswith(COMMAS):
        return False
    return any(not rules.all_verb_keys.isdisjoint(clitic_forms(t.key))
               for t in doc.tokens_between(sentence.start, token.start))


def _present(key: str, rules: ControlRules) -> bool:
    """Whether a word is a verb in the present ("تصبح", "يسقط"), not in the past ("تمكنت",
    "تمكنتا", "تم"): it opens with a prefix of the present and is no past form of the second
    measures."""
    return bool(rules.present_prefixes) and key.startswith(rules.present_prefixes) and len(key) >= 4 \
        and not key.endswith(("ت", "تا")) and key not in rules.done_markers


def _is_heading(doc: Doc, claim: ControlClaim) -> bool:
    sentence = doc.sentence_at(claim.evidence.start)
    return sentence is not None and sentence.heading


def _possessed(cue: Match) -> bool:
    """A verbal noun with a pronoun of its own ("سيطرتها", "انسحابه"): its agent is named."""
    return cue.text.endswith(("ها", "ه", "هم", "هما"))


def _aside_between(doc: Doc, start: int, end: int, rules: ControlRules) -> bool:
    """Whether a relative clause after a comma opens between a denial and a change ("denied
    reports that IS retook al-Mayadin, which Syrian troops liberated"): it is said, not denied."""
    relatives = rules.relatives - rules.words.complementizers  # not ", that armed groups had taken"
    return any(t.key in relatives and doc.text[max(start, t.start - 3):t.start].rstrip().endswith((",", "،"))
               and not any(c in doc.text[t.end:end] for c in ",،")  # not an aside closed before it
               for t in doc.tokens_between(start, end))


def _affirmed_between(doc: Doc, start: int, end: int, rules: ControlRules) -> bool:
    """Whether the denier's own statement opens after a comma between a denial and a change
    ("نفى سقوط المدينة، مؤكدا أن الوحدات أعادت تموضعها", "denied it, saying its forces had
    withdrawn"): the change is what the denier asserts."""
    tokens = doc.tokens_between(start, end)
    for n, t in enumerate(tokens):
        pair = f"{t.key} {tokens[n + 1].key}" if n + 1 < len(tokens) else ""
        if (t.key in rules.affirmations or pair in rules.affirmations) and \
                doc.text[max(start, t.start - 3):t.start].rstrip().endswith((",", "،")):
            return True
    return False


def _campaign_before(doc: Doc, i: int, sentence: Sentence, rules: ControlRules) -> bool:
    """Whether the words right before token ``i`` name a campaign ("معركة", "the battle for
    the"), of which the verbal noun at ``i`` is the goal."""
    before = [t for t in doc.tokens[max(0, i - 3):i] if t.start >= sentence.start]
    if before and not rules.campaigns.isdisjoint(clitic_forms(before[-1].key)):
        return True
    return any(" ".join(t.key for t in before[-n:]) in rules.campaigns for n in (2, 3) if len(before) >= n)


def _compelled(doc: Doc, k: int, rules: ControlRules) -> bool:
    """Whether the word at token ``k`` says a party was made to do what follows ("اضطرت",
    "أجبرت", "forced", "had"): a change done, not an attempt or a purpose."""
    if not 0 <= k < len(doc.tokens):
        return False
    pair = f"{doc.tokens[k].key} {doc.tokens[k + 1].key}" if k + 1 < len(doc.tokens) else ""
    return pair in rules.compulsions or not rules.compulsions.isdisjoint(clitic_forms(doc.tokens[k].key))


def _taker(claims: Iterable[ControlClaim], places: set[str]) -> str | None:
    """The party of the first capture told of one of ``places``: the news a report leads
    with, not a state told after it ("which rebels had held since 2012")."""
    taken = [c for c in claims if c.place in places and c.change == "captured" and c.actor
             and c.stance == "asserted"]
    return min(taken, key=lambda c: c.evidence.start).actor if taken else None


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _unheld(doc: Doc, place: Mention, rules: ControlRules) -> bool:
    """A place no party holds: a river, named by its head word in the gazetteer ("نهر
    العاصي", "Orontes River"), which no governorate holds either; a country, named beside
    the place a change is about ("على الحدود مع العراق")."""
    entry = doc.places.get(place.key)
    if entry is not None and entry.level in rules.unheld_levels:
        return True
    if entry is None or entry.admin1 or not entry.curated:
        return False
    return any(not rules.unheld_heads.isdisjoint(normalize_key(label).split())
               for label in entry.labels.values() if label)


def _date(doc: Doc, clause: tuple[int, int]) -> str | None:
    return next((d.value for d in doc.dates_between(*clause) if d.precision != "year"), None)


def _event_start(doc: Doc, sentence: Sentence) -> str | None:
    key = doc.sentence_events.get(sentence.start)
    event = next((e for e in doc.events if e.key == key), None) if key else None
    return event.start if event else None


def _without_dual_ending(key: str) -> str | None:
    """An Arabic verb without its ending of the dual ("حررا" → "حرر", "سيطرتا" → "سيطرت"), or
    None when the word has no such ending (a plural in "وا", a word too short)."""
    for ending, stem in (("تا", "ت"), ("ا", "")):
        if key.endswith(ending) and not key.endswith("وا") and len(key) > len(ending) + 2:
            return key[:-len(ending)] + stem
    return None
