"""Who made a change of control: the subject of the verb, wherever the text puts it.

The subject stands after the verb ("سيطرت فصائل المعارضة على", VSO) or before it ("أن
الفصائل ... انسحبت", "the SDF captured"); after a verbal noun as its genitive ("انسحاب
قوات النظام من") or after a passive's agent word ("fell to IS", "سقطت بيد التنظيم").
A member word before "من" names the group ("مقاتلون من حزب الله", "fighters from
Hezbollah"). A verb with no subject of its own ("سيطروا", "تمكنا", "they", "it") stands
for the last party named; a demonstrative or a collective noun ("هذه الوحدات", "القوات",
"الفصائل", "these units"), named or not, for the last party named with that noun ("وحدات
من الجيش", "قوات سوريا الديمقراطية"), and "the latter" ("سيطرت الأخيرة") for the last
party named. A collective stands for the groups it is made of only when the text says so
("الفصائل المؤلفة من ..."), not for the party its verb acts on ("هاجمت الفصائل مواقع قوات
النظام ... وسيطرت"). In English the subject is the party right before the verb ("after
the SNA captured"), or one in subject place behind an article, not one in an aside
between commas ("The regime forces, with Hezbollah ..., took"); a relative pronoun
before the verb stands for the party named before it ("led by HTS, which captured").
A party inside a relative clause that describes another ("قسد، التي تشكل وحدات حماية
الشعب عمودها") is not the subject, and a command's bare title before a party
("القيادة العامة لوحدات حماية الشعب") is that party. A command or ministry whose own
statement announces its gains ("أعلنت القيادة العامة للجيش ... أن وحداتنا", "the SDF said
its fighters") is the agent: its entry in the sources gazetteer names the actor it speaks
for (`actor`), and first-person words ("قواتنا", "our forces") stand for it. A member word
with a possessive ("بخروج مقاتليه") stands for the party named just before it. A helper
("with the support of the Russian Aerospace Forces") is never the party a later
sentence goes on with.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from itertools import pairwise

from conflictkg.extract.attribution import attribution_at
from conflictkg.extract.doc import Doc, Mention, Sentence, SpanIndex, Token, clitic_forms, word_forms
from conflictkg.extract.lexicon import clitics
from conflictkg.extract.matcher import Match
from conflictkg.extract.normalize import normalize_key
from conflictkg.reference.gazetteers import Gazetteers

OBJECT_MARKERS = frozenset({"على", "علي"})  # Arabic: the preposition of a change's object ("سيطر على")
LINKS = frozenset({"من", "في"})  # Arabic: an enabler's preposition before its change ("تمكنت من", "نجحت في")
PREPOSITIONS = frozenset({"في", "من", "على", "عن", "مع", "الى", "الي", "ب", "ل", "حسب", "بحسب"})
UNNAMED = ""  # the subject the text gives is no party it names ("سيطرت القوات" with none before)
SUBJECT_WINDOW = 5  # tokens after the verb in which its subject stands (VSO)
AGENT_WINDOW = 4  # tokens after a passive's cue in which its agent stands
ANNOUNCER_REACH = 6  # tokens before a subject in which the verb that announces its change stands
RELATIVE_REACH = 5  # tokens before a party in which a relative pronoun makes it part of a description
SPEECH_REACH = 160  # characters before a quoted sentence in which its speaker is named
ACCOMPANIMENT_REACH = 5  # tokens before a party in which "بمؤازرة", "with the support of" makes it a helper
# "its fighters", "the troops": the party named before, not a subject of their own
DETERMINERS = frozenset({"the", "these", "those", "its", "their", "his", "her", "our"})
ARTICLES = frozenset({"the", "a", "an"})
GROUP_WORDS = 2  # English: words after an article that name a party as a noun ("the terror group")


@dataclass(frozen=True)
class AgentWords:
    """The word lists agent resolution reads (from control.yaml and actors.yaml)."""

    locals: frozenset[str]
    collectives: frozenset[str]
    members: frozenset[str]
    opponents: frozenset[str]
    partitives: frozenset[str]
    enablers: frozenset[str]
    verb_like: frozenset[str]
    first_person: frozenset[str]
    demonstratives: frozenset[str]
    accompaniments: frozenset[str]
    complementizers: frozenset[str]
    relatives: frozenset[str] = frozenset()
    compositions: frozenset[str] = frozenset()  # "المؤلفة من": the groups a collective is made of
    memberships: frozenset[str] = frozenset()  # "المنضوية في": the party a collective's members are of
    gerund_openers: frozenset[str] = frozenset()  # "after", "before": a gerund's clause ("after seizing X")
    latter: frozenset[str] = frozenset()  # "الأخيرة", "the latter": the last party named
    compulsions: frozenset[str] = frozenset()  # "اضطرت", "أجبر": a verb that makes its subject or object change
    compelled_to: frozenset[str] = frozenset()  # "إلى", "على": the preposition after one, before the change
    subject_gap: frozenset[str] = frozenset()  # "also", "had": between an English subject and its verb
    possessives: frozenset[str] = frozenset()  # "its", "their": a noun of forces owned by the party named
    pronouns: frozenset[str] = frozenset()  # "They", "It": a subject that stands for a party, no name
    speaker_nouns: frozenset[str] = frozenset()  # "قيادي في الهيئة": the party he speaks for
    commands: frozenset[str] = frozenset()  # "القيادة العامة لـ": a command's title, in its party's place
    locals_party: str = ""  # "local fighters": the group that locals in arms are
    tribes: frozenset[str] = frozenset()  # "tribe": men of a tribe as a subject ("fighters loyal to the X tribe")
    tribes_party: str = ""  # "tribal fighters": the group the men of a tribe are
    quantities: frozenset[str] = frozenset()  # "عشرات": a count before a party, in its place
    remnants: frozenset[str] = frozenset()  # "من تبقى من": those of a party who remained, in its place
    army: frozenset[str] = frozenset()  # "army", "troops": an unqualified noun of the state's forces
    heads: frozenset[str] = frozenset()  # "القوات": the last party named with it at its head
    armed: frozenset[str] = frozenset()  # "armed": locals in arms ("Armed locals seized") are local fighters
    complements: frozenset[str] = frozenset()  # "in", "of": "its allies in the SNA", a noun's complement
    cues: tuple[tuple[int, int], ...] = ()  # spans of control cues ("الأمن" in "الأمن والاستقرار إلى")
    verb_first: bool = True  # Arabic: a subject may follow its verb

    @functools.cached_property
    def collective_heads(self) -> frozenset[str]:
        """The last word of each collective ("the terror group" -> "group"): its noun."""
        return frozenset(w.split()[-1] for w in self.collectives)


class Agents:
    """Finds the party that makes a change, per document."""

    def __init__(self, gazetteers: Gazetteers, non_party_sides: frozenset[str] = frozenset()) -> None:
        self._actors = gazetteers.actors
        self._non_party_sides = non_party_sides  # the UN, a rescue service: never the party a pronoun is
        self._sources = gazetteers.sources
        self._first: dict[str, frozenset[str]] = {}
        self._victims_of: tuple[list, int, SpanIndex, dict] | None = None  # of the last document
        self._opposed_of: tuple[Doc, AgentWords, dict[Mention, bool]] | None = None  # of the last document
        self._named = {normalize_key(name): key for key, entry in self._actors.items()  # its names
                       for name in (entry.name_en, entry.name_ar) if name}

    # --- candidates --------------------------------------------------------------------

    def parties(self, doc: Doc, start: int, end: int, cues: tuple[tuple[int, int], ...] = (), *,
                in_sources: bool = False) -> list[Mention]:
        """The parties named in ``[start, end)``: actor mentions, and sources that speak
        for an armed party (a command, a ministry, a group's agency) as that party; with
        ``in_sources``, a party named inside a source the gazetteer lacks ("أعلنت وسائل إعلام
        النظام السيطرة على") too, as the subject that source speaks for."""
        sources = doc.index("source_mentions")
        out = [m for m in doc.index("actor_mentions").starting(start, end)
               if not any(self._speaks(s) is None and (s.key in self._sources or not in_sources)
                          for s in sources.overlapping(m.start, m.end))
               and not any(a < m.end and m.start < b for a, b in cues)]
        heads = [m for m in out if m.weak]
        for s in sources.starting(start, end):
            actor = self._speaks(s)
            if actor is not None and actor in self._actors:
                out.append(Mention(s.start, s.end, s.text, actor))
                heads.append(out[-1])
        out.sort(key=lambda m: (m.start, -m.end))
        if heads:  # "القيادة العامة لوحدات حماية الشعب": the command of the party after it
            out = [m for m in out if not (m in heads and any(
                m.end <= n.start and doc.text[m.end:n.start].strip() in ("", "ل", "لـ")
                for n in out))]
        return out

    def _speaks(self, source: Mention) -> str | None:
        entry = self._sources.get(source.key)
        return entry.actor if entry is not None else None

    def speaker(self, doc: Doc, at: int) -> str | None:
        """The armed party the source credited at ``at`` speaks for, or the publisher's."""
        credited = attribution_at(doc, at, at + 1, doc.publisher)
        if credited.source is None and credited is not doc.publisher:  # a party credited
            named = next((m.key for m in doc.actor_mentions  # by its name ("the YPG General
                          if not m.weak and m.text == credited.label), None)  # Command said")
            if named is not None:
                return named
        for key in (credited.source, doc.publisher.source, doc.info.publisher_key):
            entry = self._sources.get(key) if key else None
            if entry is not None and entry.actor:
                return entry.actor
        for name in (doc.info.publisher, doc.info.publisher_ar):  # a statement a party publishes
            # in its own name ("Syrian Democratic Forces"): "our forces" are its own
            if name and normalize_key(name) in self._named:
                return self._named[normalize_key(name)]
        return None

    def _we_before(self, doc: Doc, cue: Match, sentence: Sentence, words: AgentWords) -> bool:
        """Whether a first-person pronoun is the word right before the cue ("we are pulling
        out of", the auxiliary a word of the cue)."""
        own = doc.tokens_between(sentence.start, cue.start)[-1:]
        return bool(own) and own[0].key in words.first_person

    def _armed_locals(self, doc: Doc, cue: Match, sentence: Sentence, words: AgentWords) -> bool:
        """Whether the subject after the verb is armed men of the locals ("مقاتلون من أبناء
        ريف درعا"), not the locals themselves ("أبناء المنطقة"), who are no group."""
        following = doc.tokens_between(cue.end, sentence.end)[:3]
        return len(following) == 3 and following[0].key in words.members \
            and following[1].key in words.partitives \
            and bool(set(clitic_forms(following[2].key)) & words.locals)

    def spoken_for(self, doc: Doc, sentence: Sentence, cue: Match, words: AgentWords) -> str | None:
        """The party a speaker named in the sentence belongs to ("قال قيادي ميداني في الهيئة
        إن قواتنا", "a commander of the SNA said our forces"): first-person words are his."""
        start = max(paragraph_of(doc, sentence), sentence.start - SPEECH_REACH)
        named = doc.index("actor_mentions").starting(start, cue.start)  # inside the speaker's title too
        quote = not words.verb_first and doc.text[sentence.start:sentence.start + 1] in '"“'
        for m in reversed([m for m in named if m.end <= cue.start]):
            if any(c in doc.text[m.end:cue.start] for c in ".!?؟") and not (
                    quote and m.start < sentence.start and not any(
                        c in doc.text[m.end:sentence.start].rstrip()[:-1] for c in ".!?")):
                break  # but "SDF spokesman X denied it. \"Our forces have surrounded ...,\" he said"
            title = doc.tokens_between(max(start, m.start - 60), m.start)[-3:]
            if not words.verb_first:  # "SDF spokesman X": the title after the party's name
                title += doc.tokens_between(m.end, cue.start)[:1]
            if any(set(clitic_forms(t.key)) & words.speaker_nouns for t in title):
                return self._resolved(doc, m, words)
        return None

    # --- the subject -------------------------------------------------------------------

    def _fronted_gerund(self, doc: Doc, cue: Match, sentence: Sentence, candidates: list[Mention],
                        words: AgentWords) -> str | None:
        """English: the party of a gerund's clause that opens the sentence ("After capturing X,
        the SDF ...", "Having seized X, ...", "Upon retaking X, ..."): the subject of the main
        clause, named right after the comma that closes it."""
        comma = fronted_gerund_end(doc, cue, sentence, words)
        if comma is None:
            return None
        after = [m for m in candidates if m.start > comma and not self.opposed(doc, m, words)]
        if not after or not all(t.key in ARTICLES for t in doc.tokens_between(comma, after[0].start)):
            return None  # "After capturing X, which IS had held, ...": a relative, not the subject
        return self._resolved(doc, after[0], words)

    def _victims(self, doc: Doc) -> tuple[SpanIndex, dict]:
        """The tolls of a document that name their victims' party, and the party each names:
        indexed once a document, not once a change."""
        claims = doc.casualty_claims
        cached = self._victims_of
        if cached is None or cached[0] is not claims or cached[1] != len(claims):
            cached = self._victims_of = (claims, len(claims), SpanIndex(
                c.evidence for c in claims if c.victim_actor), {c.evidence: c.victim_actor for c in claims})
        return cached[2], cached[3]

    def subject(self, doc: Doc, cue: Match, sentence: Sentence, object_start: int,
                words: AgentWords, *, noun: bool = False) -> tuple[str | None, bool]:
        """The party that makes the change at ``cue``, and whether the clause names one."""
        victims, victim_keys = self._victims(doc)
        mentions = self.parties(doc, sentence.start, sentence.end, words.cues, in_sources=True)
        helpers = self.helpers(doc, mentions, words)
        candidates = [m for m in mentions if m not in helpers
                      and not self.described(doc, m, cue, words)
                      and not any(victim_keys.get(v) == m.key and v.start >= sentence.start
                                  for v in victims.overlapping(m.start, m.end))]  # victims told
        # in this sentence ("killing five IS fighters"), not in a toll that ends in it
        if words.verb_first or noun:  # "سيطرت فصائل المعارضة", "انسحاب قوات النظام", "the capture by"
            after = [m for m in candidates if cue.end <= m.start < max(object_start, cue.end + 1)
                     and len(doc.tokens_between(cue.end, m.start)) <= SUBJECT_WINDOW
                     and not (_owner(doc, m) and any(t.key in OBJECT_MARKERS for t in doc.tokens_between(
                         cue.end, m.start)))]  # "سيطروا على مقرين لـ"قسد"": the owner of the object
            if after:
                return self._resolved(doc, after[0], words), True
        if not words.verb_first and not noun and words.tribes_party:
            clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
            own = doc.tokens_between(clause[0], cue.start)
            if 2 < len(own) <= SUBJECT_WINDOW + 2 and own[0].key in words.members and any(
                    t.key in words.tribes for t in own[-2:]) and not any(
                    clause[0] <= m.start < cue.start and words.tribes.isdisjoint(
                        t.key for t in doc.tokens_between(m.start, m.end)) for m in mentions):
                # "Fighters loyal to the X tribe seized": the tribes' fighters, a tribe named or not
                return self.state_forces(words.tribes_party, None) or UNNAMED, True
        fronted = self._fronted_gerund(doc, cue, sentence, candidates, words) \
            if not words.verb_first and not noun else None
        if fronted is not None:  # "After capturing X, the SDF advanced", "Having seized X, the
            return fronted, True  # army pushed on": the subject of the main clause after it
        if not words.verb_first and not noun and cue.text.split()[0].lower().endswith("ing"):
            i = doc.token_at(cue.start)
            opener = doc.tokens[i - 1] if i > 0 and doc.tokens[i - 1].start >= sentence.start else None
            if opener is not None and opener.key in words.gerund_openers:
                main = [m for m in candidates if m.end <= opener.start and not self.opposed(doc, m, words)
                        and not self._complement(doc, m, sentence, words)]
                if main:  # "The SDF attacked IS positions before capturing X": the main clause's subject
                    return self._resolved(doc, main[0], words), True
        if not words.verb_first and not noun:
            described = self._antecedent(doc, cue, sentence, mentions, words)
            if described is not None:
                return described, True  # "led by HTS, which captured Aleppo"
            head = self._relative_head(doc, cue, sentence, mentions, words)
            if head is not None:
                return head, True  # "The militias which had entered X to support Y also withdrew"
        if not words.verb_first and not noun:
            clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
            own = doc.tokens_between(clause[0], cue.start)
            while own and own[-1].key in words.subject_gap:
                own = own[:-1]  # "which the terror group had occupied"
            for n in range(max(0, len(own) - 1 - GROUP_WORDS), len(own) - 1):
                if own[n].key in ARTICLES and not any(own[n].start <= m.start < cue.start for m in mentions):
                    named = self.named_as(doc, own[n:], own[n].start)
                    if named is not None:
                        return named, True
                    break
        demonstrated = self.demonstrated(doc, cue, sentence, mentions, words)
        if demonstrated is not None:
            return demonstrated, True  # "أعادت هذه الوحدات", "these forces took", "سيطرت الأخيرة"
        following = doc.tokens_between(cue.end, sentence.end)[:2]
        if words.verb_first and following and _owned_member(following[0].key, words.members):
            owners = [m for m in mentions if m.end <= cue.start]  # "بخروج مقاتليه": its owner's
            if owners:
                return self._resolved(doc, owners[-1], words), True
        if not words.verb_first and not noun and words.armed:
            own = doc.tokens_between(sentence.start, cue.start)
            armed = [n for n, (a, b) in enumerate(pairwise(own))
                     if a.key in words.armed and b.key in words.locals]
            if armed and not any(own[armed[-1]].start <= m.start < cue.start for m in mentions):
                return self.state_forces(words.locals_party, None) or UNNAMED, True  # "Armed locals in
                # X seized": armed men of the place, its local fighters
        if any(set(clitic_forms(t.key)) & words.locals for t in following):
            return UNNAMED, True  # "سيطرة أبناء المنطقة على": locals, no group
        if self._armed_locals(doc, cue, sentence, words):
            return self.state_forces(words.locals_party, None) or UNNAMED, True  # "سيطر مقاتلون
            # من أبناء ريف درعا على": armed men of the place, its local fighters
        clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
        own = doc.tokens_between(clause[0], cue.start)[-3:]
        if not words.verb_first and not noun and own and own[-1].key not in DETERMINERS | words.pronouns and \
                doc.text[own[-1].start:own[-1].start + 1].isupper() and not any(
                m.start < own[-1].end and own[-1].start < m.end for m in mentions) and not (
                doc.dates_overlapping(own[-1].start, own[-1].end) or doc.index("place_mentions").overlapping(
                    own[-1].start, own[-1].end)):
            return UNNAMED, True  # "The SOR seized": a name right before the verb, of no party known
        if not words.verb_first and len(own) >= 2 and own[-1].key in words.members and not any(
                c in doc.text[own[-1].end:cue.start] for c in ",;:") and not any(
                clause[0] <= m.start < cue.start for m in mentions) and not any(
                t.key in DETERMINERS for t in own) and doc.text[own[-2].start:own[-2].end].islower():
            return UNNAMED, True  # "while government troops fled": a subject of its own, not named
        near = doc.tokens_between(sentence.start, cue.start)[-SUBJECT_WINDOW:] + \
            doc.tokens_between(cue.end, sentence.end)[:2]
        before = [m for m in candidates if m.end <= cue.start]
        if has_phrase(words.first_person, near) or (
                not before and has_phrase(
                    words.first_person, doc.tokens_between(sentence.start, cue.start))):
            spoken = self.spoken_for(doc, sentence, cue, words)
            if spoken is not None:
                return spoken, True  # "قال قيادي في الهيئة إن قواتنا دخلت"
            speaker = self.speaker(doc, cue.start)
            if speaker is not None:
                return speaker, True
            if not words.verb_first and not before and self._we_before(doc, cue, sentence, words):
                # ""We are pulling out of X," said an activist": a speaker of no party speaks
                # for the side the text named last before his words
                return self.last_party(doc, sentence.start, 0, words), True
        placed = [m for m in before if self.in_subject_place(doc, m, sentence, words, until=cue.start)]
        collective = self.collective(doc, cue, sentence, words)
        if words.verb_first and not (words.collectives | words.heads).isdisjoint(word_forms(following)):
            return collective or UNNAMED, True  # "سيطرت هذه القوات": the subject after the verb
        if collective and not (placed and placed[-1].key != collective and any(
                m.key == collective for m in before if m not in placed)):
            return collective, True  # "سيطرت الفصائل", unless it is only a complement ("مواقع الفصائل")
        enabled = any(set(clitic_forms(t.key)) & words.enablers
                      for t in doc.tokens_between(clause[0], cue.start))
        if not before:
            return None, enabled
        if not words.verb_first and not noun and self._unnamed_subject(doc, before[-1], cue, words):
            return UNNAMED, True  # "The SDF took X after the last fighters left": not the SDF
        head = (placed or before)[-1]
        apposed = self._before_aside(doc, cue, sentence, before, words)
        if apposed is not None and not noun:
            head = self._owner_of(doc, apposed, before, sentence, words)  # "after the Third Legion,
            # one of the largest coalitions of the SNA, pulled out": the party before the aside,
            # not one named inside it; "HTS and its allies in the SNA, X and Y, seized": HTS
        if not words.verb_first and not noun and doc.text[:before[-1].start].rstrip()[-1:] != "(" and not any(
                c in doc.text[before[-1].end:cue.start] for c in ",;:") and all(
                t.key in words.members or t.key in words.subject_gap
                for t in doc.tokens_between(before[-1].end, cue.start)):
            head = self._owner_of(doc, before[-1], before, sentence, words)  # "after the last IS
            # militants left", "the SNA captured": right before the verb
        entry = self._actors.get(head.key)
        if entry is not None and entry.generic and before[-1].start > head.start and not any(
                c in doc.text[head.end:before[-1].start] for c in "،,:") and has_phrase(
                words.compositions, doc.tokens_between(head.end, before[-1].start)):
            head = before[-1]  # "الفصائل المؤلفة من هيئة تحرير الشام وفيلق الرحمن": the groups named,
            # not "مواقع قوات النظام", the object of the collective's own verb
        for m in reversed([m for m in mentions if m.end <= head.start]):
            if _coordinated(doc.text[m.end:head.start]) and not (
                    m in helpers and doc.text[m.end:head.start].strip() in (",", "،")):
                # "هيئة تحرير الشام وفيلق الرحمن"; not "According to the SDF, rebels": a source
                head = m
            else:
                break
        announced = any(set(clitic_forms(t.key)) & words.enablers or any(
            a <= t.start < b for a, b in words.cues) for t in doc.tokens_between(
                sentence.start, head.start)[-ANNOUNCER_REACH:])
        # "أعلنت قيادة X، ...، السيطرة", "استعادت فصائل المعارضة، الخميس، السيطرة": the verb's subject
        return self._resolved(doc, head, words), enabled or announced or head.start >= clause[0]

    def _before_aside(self, doc: Doc, cue: Match, sentence: Sentence, before: list[Mention],
                      words: AgentWords) -> Mention | None:
        """The party right before an aside between commas that ends right before the verb ("X,
        the largest coalition of Y, withdrew", "قسد، أكبر قوة في المنطقة، سيطرت"), if any."""
        closing = max(doc.text.rfind(c, sentence.start, cue.start) for c in ",،")
        if closing <= sentence.start or not all(
                t.key in words.subject_gap for t in doc.tokens_between(closing, cue.start)):
            return None
        opening = max(doc.text.rfind(c, sentence.start, closing) for c in ",،")
        if opening <= sentence.start:
            return None
        apposed = [m for m in before if m.end <= opening and not doc.text[m.end:opening].strip(" \"'”»")]
        return apposed[-1] if apposed else None

    def _unnamed_subject(self, doc: Doc, party: Mention, cue: Match, words: AgentWords) -> bool:
        """English: a clause opens after the last party named ("after", "while", "and") and its
        subject is a noun of forces that names none ("the last fighters", "troops")."""
        between = doc.tokens_between(party.end, cue.start)
        opened = [n for n, t in enumerate(between) if t.key in words.complementizers]
        if not opened:
            return False
        subject = between[opened[-1] + 1:]
        if subject and (any(c in doc.text[subject[-1].end:cue.start] for c in ",;:") or doc.index(
                "actor_mentions").overlapping(subject[0].start, subject[-1].end)):
            return False  # "X, backed by Y and Arab tribal fighters, took": a party named, in an aside
        return bool(subject) and any(t.key in words.members or t.key in words.army for t in subject) and all(
            t.key not in words.verb_like and t.key not in words.possessives for t in subject)  # not "its fighters"

    def helpers(self, doc: Doc, mentions: list[Mention], words: AgentWords) -> list[Mention]:
        """The parties that are not a subject (:meth:`opposed`), and those coordinated with
        one of them ("إلى جانب ألوية صقور الشام وجبهة النصرة", "alongside X and Y")."""
        out: list[Mention] = []
        helping: Mention | None = None  # the last helper, to which a party coordinated is one too
        for m in mentions:
            if helping is not None and _coordinated(doc.text[helping.end:m.start]):
                out.append(m)
                helping = m
            elif self.opposed(doc, m, words):
                out.append(m)
                helping = m if self.accompanying(doc, m, words) else None
            else:
                helping = None
        return out

    def _antecedent(self, doc: Doc, cue: Match, sentence: Sentence, mentions: list[Mention],
                    words: AgentWords) -> str | None:
        """In English, the party a relative pronoun right before the verb stands for ("an
        offensive led by HTS, which captured Aleppo"): the one named just before it."""
        own = doc.tokens_between(sentence.start, cue.start)[-3:]
        at = [n for n, t in enumerate(own) if t.key in words.relatives and all(
            u.key in words.subject_gap for u in own[n + 1:])]
        if not at:
            return None
        pronoun = own[at[-1]]
        named = [m for m in mentions if m.end <= pronoun.start
                 and not doc.text[m.end:pronoun.start].strip(" ,()")]
        if not named:
            return None
        before = [m for m in mentions if m.end <= named[-1].start]
        # "Jaish al-Fatah, the coalition of Islamist factions that had taken Idlib": the party the
        # noun before the complement is said of, not the complement
        return self._resolved(doc, self._owner_of(doc, named[-1], before, sentence, words), words)

    def _relative_head(self, doc: Doc, cue: Match, sentence: Sentence, mentions: list[Mention],
                       words: AgentWords) -> str | None:
        """English: the party that opens the sentence when a relative clause with a change of its
        own stands between it and the verb ("The militias which had entered Afrin to support
        the YPG also withdrew"): the subject, not a party named inside the clause."""
        first = next((m for m in mentions if m.start >= sentence.start), None)
        if first is None or first.end > cue.start or any(
                t.key not in DETERMINERS for t in doc.tokens_between(sentence.start, first.start)):
            return None
        after = doc.tokens_after(first.end, 1)
        if not after or after[0].key not in words.relatives - words.complementizers:
            return None
        between = doc.tokens_between(after[0].end, cue.start)
        if any(t.key in words.complementizers or t.key in words.speaker_nouns for t in between) or \
                any(c in doc.text[after[0].end:cue.start] for c in ",;:") or not any(
                after[0].end <= a < cue.start for a, _ in words.cues):
            return None
        return self._resolved(doc, first, words)

    def demonstrated(self, doc: Doc, cue: Match, sentence: Sentence, mentions: list[Mention],
                     words: AgentWords) -> str | None:
        """A subject that is a demonstrative and a noun of forces, no party's name ("أعادت
        هذه الوحدات الأمن", "these troops seized"), or "the latter" ("سيطرت الأخيرة"): the
        party named before it with that noun, else the last party named."""
        clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
        near = doc.tokens_between(clause[0], cue.start)[-SUBJECT_WINDOW:]
        if words.verb_first:
            near += doc.tokens_between(cue.end, clause[1])[:2]
        forces = words.members | {clitics().without_article(w.split()[-1]) for w in words.collectives | words.heads}
        for n, t in enumerate(near):
            latter = t.key in words.latter and (not (doc.tokens_between(t.end, cue.start) if t.end <= cue.start
                                                     else doc.tokens_between(cue.end, t.start))
                                                or self._latter_made(doc, t, cue, words))
            if not latter and (words.demonstratives.isdisjoint(clitic_forms(t.key)) or n + 1 == len(near)):
                continue
            noun = near[n + 1] if not latter else t
            if not latter and not _bare(noun.key) & forces:
                continue  # "هذه المدينة", "this town": no party
            if any(m.start < noun.end and noun.start < m.end for m in mentions):
                return None  # "هذه قوات النظام": a party named, resolved as a name
            if any(noun.end <= m.start < cue.start for m in mentions):
                continue  # another subject stands between it and the change
            paragraph = paragraph_of(doc, sentence)
            earlier = [e for e in self.parties(doc, paragraph, t.start, words.cues)
                       if e.end <= t.start and not self.opposed(doc, e, words)
                       and "ل" not in _glued(doc, e)]
            if not latter:
                bare = _bare(noun.key)
                for e in reversed(earlier):
                    if any(bare & _bare(w.key) for w in _with_head(doc, e)):
                        return e.key
            return earlier[-1].key if earlier else None
        return None

    @staticmethod
    def _latter_made(doc: Doc, latter: Token, cue: Match, words: AgentWords) -> bool:
        """Whether "the latter" is the one an enabler or a compulsion says made the change,
        its preposition alone between them ("وتمكنت الأخيرة من استعادة", "ونجحت الأخيرة في
        السيطرة", "ما اضطر الأخيرة إلى الانسحاب", "أجبرت الأخيرة على الانسحاب")."""
        if latter.end > cue.start:
            return False
        gap = doc.tokens_between(latter.end, cue.start)
        if len(gap) != 1 or gap[0].key not in words.compelled_to | LINKS:
            return False
        i = doc.token_at(latter.start)
        if i < 1:
            return False
        forms = set(clitic_forms(doc.tokens[i - 1].key))
        return bool(forms & (words.enablers | words.compulsions))

    def in_subject_place(self, doc: Doc, m: Mention, sentence: Sentence, words: AgentWords,
                         until: int | None = None) -> bool:
        """Whether a party stands where a subject does: after a verb or a complementizer
        ("أن قوات النظام", "استأنفت قوات الأسد", "that the SDF"), or first in its
        sentence; not as the complement of a noun ("مواقع قوات النظام"). In English, an
        article may stand before it ("The regime forces"), and a party after a comma is
        an aside when another comma stands between it and the verb at ``until`` ("X, with
        Y and Z, took")."""
        i = doc.token_at(m.start)
        if i > 0 and not words.demonstratives.isdisjoint(clitic_forms(doc.tokens[i - 1].key)):
            i -= 1  # "أعادت هذه الوحدات": the place of the demonstrative's phrase
        if i > 0 and doc.tokens[i - 1].start >= sentence.start and \
                not words.quantities.isdisjoint(clitic_forms(doc.tokens[i - 1].key)):
            i -= 1  # "وأن عشرات المسلحين فروا": the place of the counted phrase
        elif i > 1 and doc.tokens[i - 2].start >= sentence.start and \
                not words.partitives.isdisjoint(clitic_forms(doc.tokens[i - 1].key)) and \
                not words.quantities.isdisjoint(clitic_forms(doc.tokens[i - 2].key)):
            i -= 2  # "وإن عدداً من المسلحين فروا": the place of the count they are taken from
        elif words.verb_first and until is not None and i > 1 and doc.tokens[i - 1].start >= sentence.start and \
                doc.tokens[i - 1].key in words.members and not doc.index("actor_mentions").starting(m.end, until):
            i -= 1  # "أن عناصر تنظيم داعش انسحبوا": the place of the phrase of its men, the last
            # party before the verb
        while not words.verb_first and i > 0 and doc.tokens[i - 1].start >= sentence.start and \
                doc.tokens[i - 1].key in ARTICLES:
            i -= 1
        while i > 0 and doc.tokens[i - 1].start >= sentence.start and \
                not words.commands.isdisjoint(clitic_forms(doc.tokens[i - 1].key)):
            i -= 1  # "وأعلنت القيادة العامة لجيش النظام": the place of the command's title
        if i == 0 or doc.tokens[i - 1].start < sentence.start:
            return True
        previous = doc.tokens[i - 1]
        if words.verb_first and (i < 2 or doc.tokens[i - 2].start < sentence.start) and \
                clitics().without_conjunctions(previous.key) != previous.key and len(previous.key) >= 4 and not set(
                    clitic_forms(previous.key)) - {previous.key} & PREPOSITIONS:
            return True  # "وأطلق الجيش الوطني": a verb opens the sentence, its subject follows
        forms = set(clitic_forms(previous.key))
        if forms & words.verb_like or forms & words.enablers:
            return True
        if forms & words.complementizers or any(c in doc.text[previous.end:doc.tokens[i].start] for c in "،,:"):
            return words.verb_first or until is None or not any(c in doc.text[m.end:until] for c in ",:;")
        bare = clitics().without_conjunctions(previous.key)
        past = bare.endswith("ت") and not bare.endswith("ات")  # "استأنفت قوات الأسد"
        present = bare.startswith(("ت", "ي")) and not bare.endswith(("ه", "ات"))  # "تعاود قوات النظام"
        return words.verb_first and (past or present) and len(bare) >= 4

    def _owner_of(self, doc: Doc, m: Mention, before: list[Mention], sentence: Sentence,
                  words: AgentWords) -> Mention:
        """English: the party a party named as a noun's complement belongs to ("HTS and its allies
        in the SNA": HTS), the last named before it that is no complement itself; else itself."""
        if not self._complement(doc, m, sentence, words):
            return m
        owners = [n for n in before if n.end <= m.start and not self._complement(doc, n, sentence, words)]
        return owners[-1] if owners else m

    def _complement(self, doc: Doc, m: Mention, sentence: Sentence, words: AgentWords) -> bool:
        """English: whether a party is the complement of a noun before it ("HTS and its allies in
        the SNA", "fighters of the group"): a preposition of such complements, past articles,
        stands right before it."""
        i = doc.token_at(m.start) - 1
        while i >= 0 and doc.tokens[i].start >= sentence.start and doc.tokens[i].key in ARTICLES:
            i -= 1
        return i >= 0 and doc.tokens[i].start >= sentence.start and doc.tokens[i].key in words.complements

    def described(self, doc: Doc, m: Mention, cue: Match, words: AgentWords) -> bool:
        """Whether a party is named inside a relative clause that does not hold the change
        ("قوات سوريا الديمقراطية، التي تشكل وحدات حماية الشعب عمودها، طوقت", "the SDF,
        which the YPG leads, took"): it describes another party."""
        window = doc.tokens_between(max(0, m.start - 80), m.start)[-RELATIVE_REACH:]
        cut = [n for n, t in enumerate(window) if any(c in doc.text[t.end:m.start] for c in "،,:(")]
        window = window[cut[-1] + 1:] if cut else window
        relatives = words.relatives - words.complementizers
        if not any(not relatives.isdisjoint(clitic_forms(t.key)) for t in window):
            return False
        low, high = sorted((m.end, cue.start))
        return any(c in doc.text[low:high] for c in "،,:()") or cue.start < window[0].start

    def agent_after(self, doc: Doc, at: int, sentence: Sentence, words: AgentWords) -> str | None:
        """The party right after a passive's cue ("fell to IS", "تحت سيطرة قسد")."""
        window = doc.tokens_between(at, sentence.end)[:AGENT_WINDOW]
        if not window:
            return None
        for m in self.parties(doc, at, window[-1].end, words.cues):
            return self._resolved(doc, m, words)
        if not words.verb_first:  # "handed over X to the terror group": the party named so before
            return self.named_as(doc, window[:GROUP_WORDS + 1], at)
        if words.verb_first:  # "باتت المدينة تحت سيطرة القوات": the party named before with that noun
            return self._named_with(doc, at, set(word_forms(window[:1])), words)
        return None

    def joined_after(self, doc: Doc, at: int, sentence: Sentence, words: AgentWords) -> list[str]:
        """Arabic: the parties joined by "و" to the one right after a state's cue ("تحت سيطرة
        قوات النظام وحزب الله"): each holds the place with it."""
        window = doc.tokens_between(at, sentence.end)[:AGENT_WINDOW]
        found = self.parties(doc, at, sentence.end, words.cues) if window else []
        if not found or found[0].start >= window[-1].end:
            return []
        joined: list[str] = []
        last = found[0]
        for m in found[1:]:
            if doc.text[last.end:m.start].strip() != "و":
                break
            key = self._resolved(doc, m, words)
            if key and key not in joined:
                joined.append(key)
            last = m
        return joined

    def named_as(self, doc: Doc, phrase: list[Token], before: int) -> str | None:
        """English: a noun phrase that names no party ("the terror group", "the jihadist group")
        stands for the last party the text named with its words right after the name ("the
        PKK/YPG terror group", "HTS, the jihadist group"), if any."""
        if not phrase or phrase[0].key not in ARTICLES or not all(
                doc.text[t.start:t.end].islower() for t in phrase[1:GROUP_WORDS + 1]):
            return None  # "the SOR": a name the gazetteer lacks, no noun
        for size in range(min(len(phrase), GROUP_WORDS + 1), 1, -1):  # "the group on Monday": "the group"
            found = self._named_with_words(doc, [t.key for t in phrase[1:size]], before)
            if found is not None:
                return found
        return None

    def _named_with_words(self, doc: Doc, words: list[str], before: int) -> str | None:
        """The last party named before ``before`` with ``words`` right after its name."""
        for m in reversed(doc.index("actor_mentions").before(before)):
            if m.end > before:
                continue
            following = [t.key for t in doc.tokens_after(m.end, len(words) + 2)
                         if t.key not in ARTICLES][:len(words)]
            gap = doc.text[m.end:doc.tokens_after(m.end, 1)[0].start] if doc.tokens_after(m.end, 1) else ""
            if following == words and not any(c in gap for c in ".;:()"):
                entry = self._actors.get(m.key)
                if entry is not None and entry.side in self._non_party_sides:
                    continue
                return m.key
        return None

    def state_forces(self, name: str, year: int | None) -> str | None:
        """The state's forces of ``year`` (or the latest), as the gazetteer names them with
        ``name`` ("government forces"): what an unqualified "troops" or "the army" stands for."""
        wanted = normalize_key(name)
        keys = [e for e in self._actors.values() if any(normalize_key(a) == wanted for a in e.aliases_en)]
        active = [e for e in keys if year is None or (e.active_from or year) <= year <= (e.active_to or year)]
        chosen = sorted(active or keys, key=lambda e: -(e.active_from or 0))
        return chosen[0].key if chosen else None

    def last_party(self, doc: Doc, before: int, paragraph_start: int, words: AgentWords | None = None) -> str | None:
        """The last party named before ``before`` in its paragraph ("سيطروا", "they"), not
        one named as a helper ("with the support of the Russian air force"), nor one of no
        side in the war ("التي تشرف عليها قوة الأمم المتحدة، وباتت القمة تحت سيطرتها")."""
        for m in reversed(self.parties(doc, paragraph_start, before)):
            entry = self._actors.get(m.key)
            if entry is not None and entry.side in self._non_party_sides:
                continue
            if m.end <= before and (words is None or not has_phrase(
                    words.accompaniments, doc.tokens_between(max(0, m.start - 60), m.start)[-ACCOMPANIMENT_REACH:])):
                return m.key
        return None

    def adversary(self, doc: Doc, taker: str, before: int, paragraph_start: int, fallback: str | None,
                  ignored: frozenset[str] = frozenset()) -> str | None:
        """The side a place was taken from when the men who left it are named by no party
        ("بعد فرار عناصر الحاجز", "فرّ آخرون", "the garrison fled"): the last party named
        before ``before`` whose camp is not the taker's, in its paragraph, else in the text
        before it; else ``fallback`` (the state's forces) when the taker is not of them."""
        camp = self._camp(taker)
        if camp is None:
            return None
        for start in (paragraph_start, 0):
            for m in reversed(self.parties(doc, start, before)):
                other = self._camp(m.key)
                if m.end <= before and other is not None and other != camp and m.key not in ignored \
                        and normalize_key(m.text) not in ignored:
                    return m.key
        if fallback and camp != self._camp(fallback):
            return fallback
        return None

    def _camp(self, key: str) -> str | None:
        """The side a party fights on, its foreign backers with it; None for a side of no
        party (the UN, rescuers, civilians)."""
        entry = self._actors.get(key)
        if entry is None or not entry.side or entry.side in self._non_party_sides:
            return None
        return entry.side.removeprefix("foreign-pro-")

    def last_pair(self, doc: Doc, before: int, paragraph_start: int, words: AgentWords) -> list[str]:
        """The last two parties named joined by "و" before ``before`` in its paragraph ("الجيش
        التركي والجيش الوطني السوري"): the subject a verb in the dual stands for."""
        named = [m for m in self.parties(doc, paragraph_start, before, words.cues) if m.end <= before]
        for first, second in zip(reversed(named[:-1]), reversed(named[1:]), strict=True):
            if _coordinated(doc.text[first.end:second.start]) and first.key != second.key:
                return [self._resolved(doc, first, words), self._resolved(doc, second, words)]
        return []

    def _resolved(self, doc: Doc, m: Mention, words: AgentWords) -> str:
        """A party after a demonstrative ("هذه الوحدات", "these forces") is the one named
        before it: the last whose words hold the demonstrative's noun ("وحدات من الجيش"),
        else the last named."""
        i = doc.token_at(m.start)
        if i > 0 and not words.demonstratives.isdisjoint(clitic_forms(doc.tokens[i - 1].key)):
            sentence = doc.sentence_at(m.start)
            paragraph = doc.paragraphs[sentence.paragraph][0] if sentence is not None and \
                sentence.paragraph < len(doc.paragraphs) else 0
            before = doc.tokens[i - 1].start
            earlier = [e for e in self.parties(doc, paragraph, before, words.cues) if e.end <= before]
            noun = _bare(doc.tokens[i].key)
            for e in reversed(earlier):
                if e.key != m.key and any(noun & _bare(t.key) for t in _with_head(doc, e)):
                    return e.key
            if earlier:
                return earlier[-1].key
        return m.key

    def opposed(self, doc: Doc, m: Mention, words: AgentWords) -> bool:
        """Not the subject: the other party ("مع قوات النظام"), a complement ("بقوات
        النظام"), or a part of something ("عنصراً من قوات النظام"); a member word before
        "من" makes the party the subject ("مقاتلون من حزب الله"). Read once a party of a
        document: every change of its sentence asks."""
        cached = self._opposed_of
        if cached is None or cached[0] is not doc or cached[1] is not words:
            cached = self._opposed_of = (doc, words, {})
        found = cached[2].get(m)
        if found is None:
            found = cached[2][m] = self._opposed(doc, m, words)
        return found

    def _opposed(self, doc: Doc, m: Mention, words: AgentWords) -> bool:
        if any(c in _glued(doc, m) for c in "بك"):
            return True
        i = doc.token_at(m.start)
        if set(clitic_forms(doc.tokens[i].key)) & words.opponents and doc.token_index(m.end) > i + 1:
            return True  # "عملية فجر الحرية" named as a party: the operation launched, not its maker
        if i > 0 and doc.tokens[i - 1].key in ("ب", "ك") and not doc.text[doc.tokens[i - 1].end:m.start].strip(
                " \"'«“ـ"):
            return True  # "بـ\"الشبيحة\"": the preposition written apart before a quote
        window = self._window(doc, m)
        if has_phrase(words.accompaniments, window):
            return True  # "ومعها مقاتلون من حزب الله", "backed by the Turkish army"
        before = window[-2:]
        if not before:
            return False
        last = set(clitic_forms(before[-1].key))
        if last & words.partitives:  # "عدداً من المسلحين فروا": a count of them, in their place
            counts = window[-2:-1]
            if len(window) > 2 and clitics().has_article(window[-2].key) and (
                    clitics().has_article(window[-3].key)
                    or not words.members.isdisjoint(clitic_forms(window[-3].key))):
                counts.append(window[-3])  # "الدفعة الأخيرة من المسلحين": the count before its adjective;
                # "مجموعات المشاة من قوات النمر": a noun of men before the noun it is of
            return not any({f for form in clitic_forms(t.key) for f in (
                form, clitics().without_article(form))} & (words.members | words.quantities | words.remnants)
                for t in counts)  # "المقاتلين من", "من تبقى من"
        if len(before) == 2 and before[-1].key in ARTICLES and not words.verb_first:
            last = {before[0].key}  # "under the Military Operations Command"
        return bool(last & words.opponents)

    def accompanying(self, doc: Doc, m: Mention, words: AgentWords) -> bool:
        """Whether a party is named as a helper ("بمساندة حزب الله", "backed by the Turkish army")."""
        return has_phrase(words.accompaniments, self._window(doc, m))

    def _window(self, doc: Doc, m: Mention) -> list[Token]:
        """The few words before a party, not past a comma."""
        window = doc.tokens_between(max(0, m.start - 60), m.start)[-ACCOMPANIMENT_REACH:]
        # the last comma before the party (asked of every party): the words up to it are cut
        comma = max((doc.text.rfind(c, window[0].end, m.start) for c in "،,:"), default=-1) if window else -1
        cut = [n for n, t in enumerate(window) if t.end <= comma]
        return window[cut[-1] + 1:] if cut else window

    def after_verb(self, doc: Doc, m: Mention, words: AgentWords) -> bool:
        """Whether a party stands right after a verb or an action noun ("استهدف الجيش
        الحر", "هجوم لتنظيم الدولة"): where a subject or an agent stands."""
        i = doc.token_at(m.start)
        return i > 0 and any(f in words.verb_like for f in clitic_forms(doc.tokens[i - 1].key))

    def collective(self, doc: Doc, cue: Match, sentence: Sentence, words: AgentWords) -> str | None:
        """"سيطرت الفصائل", "تمكن التنظيم": the group of that kind the text named before."""
        clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
        near = doc.tokens_between(cue.end, sentence.end)[:2] + \
            doc.tokens_between(clause[0], cue.start)[-SUBJECT_WINDOW:]
        named = [m for m in doc.index("actor_mentions").overlapping(
            min(t.start for t in near), max(t.end for t in near)) if len(m.text.split()) > 1] if near else []
        near = [t for t in near if not any(m.start <= t.start < m.end for m in named)]
        # "قالت فصائل المعارضة إن قوات النظام انسحبت": the noun of a party named in full is
        # part of its name, no collective that stands for it
        return self._named_with(doc, cue.start, set(word_forms(near)), words)

    def _named_with(self, doc: Doc, before: int, forms: set[str], words: AgentWords) -> str | None:
        """The last party named before ``before`` with the collective or head noun among
        ``forms`` ("القوات" after "قوات سوريا الديمقراطية"), else one whose name opens with it."""
        found = words.collectives & forms
        named = set(map(clitics().without_article, found | (words.heads & forms)))
        if not named:
            return None
        earlier = doc.index("actor_mentions").before(before)
        member = next((m for m in reversed(earlier) if self._members_of(doc, m, named, words)), None)
        for m in reversed(earlier):  # "القوات" after "قوات سوريا الديمقراطية"
            if member is not None and (m is member or _bare_collective(doc, m, named)):
                return member.key  # "وكانت الفصائل قد سيطرت" after "الفصائل المنضوية في جيش الفتح"
            if any(named & _bare(t.key) for t in _with_head(doc, m)[-len(m.text.split()) - 2:][:3]):
                return m.key
        heads = set(map(clitics().without_article, found))
        for m in reversed(earlier):
            entry = self._actors.get(m.key)
            if entry is None:
                continue
            if self._first_words(entry.key) & heads:
                return m.key
        return None

    def _members_of(self, doc: Doc, m: Mention, named: set[str], words: AgentWords) -> bool:
        """Whether a party is named as the one a collective's members are of: the collective
        among ``named``, then a word of membership, right before it ("الفصائل المنضوية في X")."""
        before = doc.tokens_between(max(0, m.start - 60), m.start)[-4:]
        for k in (1, 2, 3):
            if len(before) > k and " ".join(t.key for t in before[-k:]) in words.memberships and \
                    named & _bare(before[-k - 1].key) and not any(
                        c in doc.text[before[-k - 1].end:m.start] for c in ".,،:;"):
                return True
        return False

    def _first_words(self, key: str) -> frozenset[str]:
        """The first words of a group's Arabic names, without the article ("تنظيم")."""
        if key not in self._first:
            self._first[key] = frozenset(clitics().without_article(normalize_key(n).split()[0])
                                         for n in self._actors[key].names_ar)
        return self._first[key]


def _coordinated(gap: str) -> bool:
    """Whether the text between two parties only joins them ("و", "، و", "and", quotes)."""
    gap = " ".join(gap.replace("\"", " ").replace("«", " ").replace("»", " ").split())
    return gap in ("و", "،", ",", "and", ", and", "، و") or (gap.startswith("و") and len(gap) <= 2)


def paragraph_of(doc: Doc, sentence: Sentence) -> int:
    """Where the paragraph of ``sentence`` starts."""
    return doc.paragraphs[sentence.paragraph][0] if sentence.paragraph < len(doc.paragraphs) else 0


def _owned_member(key: str, members: frozenset[str]) -> bool:
    """A member word with a possessive pronoun ("مقاتليه", "عناصرها", "قواتهم")."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            return key[:-len(suffix)] in members
    return False


def _bare(key: str) -> set[str]:
    """A word's forms without its article and the proclitics before it ("والوحدات": "وحدات")."""
    article = clitics().article
    return {clitics().without_article(f) if f.startswith(article) and len(f) > len(article) + 2 else f
            for f in clitic_forms(key)}


def _with_head(doc: Doc, m: Mention) -> list[Token]:
    """A party's words and the three before it ("وحدات من" of "وحدات من الجيش", "units of
    the" of "units of the Syrian army")."""
    i = doc.token_at(m.start)
    return doc.tokens[max(0, i - 3):doc.token_index(m.end)]


def _owner(doc: Doc, m: Mention) -> bool:
    """Arabic: a party written after "ل" ("لقسد", "لـ"قسد""): the owner of the noun before it."""
    i = doc.token_at(m.start)
    start = doc.tokens[i].start
    before = doc.text[max(0, start - 3) if start == m.start else start:m.start]
    return before.rstrip(" \"'«“").endswith(("ل", "لـ"))


def _glued(doc: Doc, m: Mention) -> str:
    """The proclitics written joined to a mention ("ب" of "بقوات")."""
    return doc.text[doc.tokens[doc.token_at(m.start)].start:m.start]


def phrases_of(tokens: list[Token]) -> set[str]:
    """Every word and run of up to four words among ``tokens``, the words under their
    proclitics ("with the support of")."""
    out = set(word_forms(tokens))
    keys = [t.key for t in tokens]
    for n in (2, 3, 4):
        out.update(" ".join(keys[i:i + n]) for i in range(len(keys) - n + 1))
    return out


def has_phrase(phrases: frozenset[str], tokens: list[Token]) -> bool:
    """Whether one of ``phrases`` is among :func:`phrases_of` ``tokens``, read without
    building them all: a run of words is joined only where a phrase's first word stands
    (asked for every change and every party, many times a document)."""
    if not phrases.isdisjoint(word_forms(tokens)):
        return True
    heads = _heads(phrases)
    if not heads:
        return False
    keys = [t.key for t in tokens]
    count = len(keys)
    return any(" ".join(keys[i:i + n]) in phrases for i, key in enumerate(keys) if key in heads
               for n in (2, 3, 4) if i + n <= count)


@functools.cache
def _heads(phrases: frozenset[str]) -> frozenset[str]:
    """The first words of the phrases of several words (a word has no space)."""
    return frozenset(p.split(" ", 1)[0] for p in phrases if " " in p)


def _bare_collective(doc: Doc, m: Mention, named: set[str]) -> bool:
    """Whether a party is named by nothing but a collective noun among ``named`` ("الفصائل",
    "القوات"): the anaphor, not the party it stands for."""
    tokens = doc.tokens[doc.token_at(m.start):doc.token_index(m.end)]
    return len(tokens) == 1 and bool(named & _bare(tokens[0].key))


def fronted_gerund_end(doc: Doc, cue: Match, sentence: Sentence, words: AgentWords) -> int | None:
    """English: the comma that closes a gerund's clause opening the sentence with the cue
    ("After capturing X, ...", "Having seized X, ...", "Upon retaking X, ..."), if it does."""
    opening = doc.tokens_between(sentence.start, cue.start)
    gerund = cue.text.split()[0].lower().endswith("ing")
    if len(opening) == 1 and opening[0].key.endswith("ing"):  # "Having seized"
        opening, gerund = [], True
    if not gerund or len(opening) > 1 or (opening and opening[0].key not in words.gerund_openers):
        return None
    comma = doc.text.find(",", cue.end, sentence.end)
    return comma if comma >= 0 else None
