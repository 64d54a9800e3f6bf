"""Who made a change of control: the subject of the verb, wherever the text puts it.

The subject stands after the verb ("سيطرت فصائل المعارضة على", VSO) or before it ("أن
الفصائل ... انسحبت", "the SDF captured"); after a verbal noun as its genitive ("انسحاب
قوات النظام من") or after a passive's agent word ("fell to IS", "سقطت بيد التنظيم").
A member word before "من" names the group ("مقاتلون من حزب الله", "fighters from
Hezbollah"). A verb with no subject of its own ("سيطروا", "تمكنا", "they", "it"), a
demonstrative ("هذه القوات") or a collective ("الفصائل") stands for the last party
named. A command or ministry whose own statement announces its gains ("أعلنت القيادة
العامة للجيش ... أن وحداتنا", "the SDF said its fighters") is the agent: its entry in
the sources gazetteer names the actor it speaks for (`actor`), and first-person words
("قواتنا", "our forces") stand for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from conflictkg.extract.attribution import attribution_at
from conflictkg.extract.doc import Doc, Mention, Sentence, SpanIndex, Token, clitic_forms, word_forms
from conflictkg.extract.matcher import Match
from conflictkg.extract.normalize import normalize_key
from conflictkg.gazetteers import Gazetteers

SUBJECT_WINDOW = 5  # tokens after the verb in which its subject stands (VSO)
AGENT_WINDOW = 4  # tokens after a passive's cue in which its agent stands


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
    cues: tuple[tuple[int, int], ...] = ()  # spans of control cues ("الأمن" in "الأمن والاستقرار إلى")
    verb_first: bool = True  # Arabic: a subject may follow its verb


class Agents:
    """Finds the party that makes a change, per document."""

    def __init__(self, gazetteers: Gazetteers) -> None:
        self._actors = gazetteers.actors
        self._sources = gazetteers.sources
        self._first: dict[str, frozenset[str]] = {}

    # --- candidates --------------------------------------------------------------------

    def parties(self, doc: Doc, start: int, end: int, cues: tuple[tuple[int, int], ...] = ()) -> list[Mention]:
        """The parties named in ``[start, end)``: actor mentions, and sources that speak
        for an armed party (a command, a ministry, a group's agency) as that party."""
        sources = doc.index("source_mentions")
        out = [m for m in doc.index("actor_mentions").starting(start, end)
               if not any(self._speaks(s) is None for s in sources.overlapping(m.start, m.end))
               and not any(a < m.end and m.start < b for a, b in cues)]
        for s in sources.starting(start, end):
            actor = self._speaks(s)
            if actor is not None and actor in self._actors:
                out.append(Mention(s.start, s.end, s.text, actor))
        return sorted(out, key=lambda m: (m.start, -m.end))

    def _speaks(self, source: Mention) -> str | None:
        entry = self._sources.get(source.key)
        return entry.actor if entry is not None else None

    def speaker(self, doc: Doc, at: int) -> str | None:
        """The armed party the source credited at ``at`` speaks for, or the publisher's."""
        credited = attribution_at(doc, at, at + 1, doc.publisher)
        for key in (credited.source, doc.publisher.source, doc.info.publisher_key):
            entry = self._sources.get(key) if key else None
            if entry is not None and entry.actor:
                return entry.actor
        return None

    # --- the subject -------------------------------------------------------------------

    def subject(self, doc: Doc, cue: Match, sentence: Sentence, object_start: int,
                words: AgentWords, *, noun: bool = False) -> tuple[str | None, bool]:
        """The party that makes the change at ``cue``, and whether the clause names one."""
        victims = SpanIndex(c.evidence for c in doc.casualty_claims if c.victim_actor)
        victim_keys = {c.evidence: c.victim_actor for c in doc.casualty_claims}
        mentions = self.parties(doc, sentence.start, sentence.end, words.cues)
        candidates = [m for m in mentions if not self.opposed(doc, m, words)
                      and not any(victim_keys.get(v) == m.key
                                  for v in victims.overlapping(m.start, m.end))]
        if words.verb_first or noun:  # "سيطرت فصائل المعارضة", "انسحاب قوات النظام", "the capture by"
            after = [m for m in candidates if cue.end <= m.start < max(object_start, cue.end + 1)
                     and len(doc.tokens_between(cue.end, m.start)) <= SUBJECT_WINDOW]
            if after:
                return self._resolved(doc, after[0], words), True
        following = doc.tokens_between(cue.end, sentence.end)[:2]
        if any(set(clitic_forms(t.key)) & words.locals for t in following):
            return None, True  # "سيطرة أبناء المنطقة على": locals, no group
        clause = doc.clause_at(cue.start) or (sentence.start, sentence.end)
        near = doc.tokens_between(sentence.start, cue.start)[-SUBJECT_WINDOW:] + \
            doc.tokens_between(cue.end, sentence.end)[:2]
        before = [m for m in candidates if m.end <= cue.start]
        if not words.first_person.isdisjoint(phrases_of(near)) or (
                not before and not words.first_person.isdisjoint(
                    phrases_of(doc.tokens_between(sentence.start, cue.start)))):
            speaker = self.speaker(doc, cue.start)
            if speaker is not None:
                return speaker, True
        placed = [m for m in before if self.in_subject_place(doc, m, sentence, words)]
        collective = self.collective(doc, cue, sentence, words)
        if collective and not (placed and placed[-1].key != collective and any(
                m.key == collective for m in before if m not in placed)):
            return collective, True  # "سيطرت الفصائل", unless it is only a complement ("مواقع الفصائل")
        enabled = any(set(clitic_forms(t.key)) & words.enablers
                      for t in doc.tokens_between(clause[0], cue.start))
        if not before:
            return None, enabled
        head = (placed or before)[-1]
        entry = self._actors.get(head.key)
        if entry is not None and entry.generic and before[-1].start > head.start and not any(
                c in doc.text[head.end:before[-1].start] for c in "،,:"):
            head = before[-1]  # "الفصائل المؤلفة من هيئة تحرير الشام وفيلق الرحمن": the groups named
        for m in reversed([m for m in mentions if m.end <= head.start]):
            gap = doc.text[m.end:head.start].strip()  # "هيئة تحرير الشام وفيلق الرحمن و..."
            if gap in ("و", "،", ",", "and", ", and") or (gap.startswith("و") and len(gap) <= 2):
                head = m
            else:
                break
        return self._resolved(doc, head, words), enabled or head.start >= clause[0]

    def in_subject_place(self, doc: Doc, m: Mention, sentence: Sentence, words: AgentWords) -> bool:
        """Whether a party stands where a subject does: after a verb or a complementizer
        ("أن قوات النظام", "استأنفت قوات الأسد", "that the SDF"), or first in its
        sentence; not as the complement of a noun ("مواقع قوات النظام")."""
        i = doc.token_at(m.start)
        if i == 0 or doc.tokens[i - 1].start < sentence.start:
            return True
        if self.after_verb(doc, m, words):
            return True
        previous = doc.tokens[i - 1]
        forms = set(clitic_forms(previous.key))
        if forms & words.complementizers or any(c in doc.text[previous.end:m.start] for c in "،,:"):
            return True
        bare = previous.key.removeprefix("و").removeprefix("ف")
        past = bare.endswith("ت") and not bare.endswith("ات")  # "استأنفت قوات الأسد"
        present = bare.startswith(("ت", "ي")) and not bare.endswith(("ه", "ات"))  # "تعاود قوات النظام"
        return words.verb_first and (past or present) and len(bare) >= 4

    def agent_after(self, doc: Doc, at: int, sentence: Sentence, words: AgentWords) -> str | None:
        """The party right after a passive's cue ("fell to IS", "تحت سيطرة قسد")."""
        window = doc.tokens_between(at, sentence.end)[:AGENT_WINDOW]
        if not window:
            return None
        for m in self.parties(doc, at, window[-1].end, words.cues):
            return self._resolved(doc, m, words)
        return None

    def last_party(self, doc: Doc, before: int, paragraph_start: int) -> str | None:
        """The last party named before ``before`` in its paragraph ("سيطروا", "they")."""
        for m in reversed(self.parties(doc, paragraph_start, before)):
            if m.end <= before:
                return m.key
        return None

    def _resolved(self, doc: Doc, m: Mention, words: AgentWords) -> str:
        """A party after a demonstrative ("هذه الوحدات") is the one named before it."""
        i = doc.token_at(m.start)
        if i > 0 and not words.demonstratives.isdisjoint(clitic_forms(doc.tokens[i - 1].key)):
            sentence = doc.sentence_at(m.start)
            paragraph = doc.paragraphs[sentence.paragraph][0] if sentence is not None and \
                sentence.paragraph < len(doc.paragraphs) else 0
            earlier = self.last_party(doc, doc.tokens[i - 1].start, paragraph)
            if earlier is not None:
                return earlier
        return m.key

    def opposed(self, doc: Doc, m: Mention, words: AgentWords) -> bool:
        """Not the subject: the other party ("مع قوات النظام"), a complement ("بقوات
        النظام"), or a part of something ("عنصراً من قوات النظام"); a member word before
        "من" makes the party the subject ("مقاتلون من حزب الله")."""
        if any(c in _glued(doc, m) for c in "بك"):
            return True
        window = doc.tokens_between(max(0, m.start - 60), m.start)[-4:]
        cut = [n for n, t in enumerate(window) if any(c in doc.text[t.end:m.start] for c in "،,:")]
        window = window[cut[-1] + 1:] if cut else window  # not past a comma
        if not words.accompaniments.isdisjoint(phrases_of(window)):
            return True  # "ومعها مقاتلون من حزب الله", "backed by the Turkish army"
        before = window[-2:]
        if not before:
            return False
        last = set(clitic_forms(before[-1].key))
        if last & words.partitives:
            return not (len(before) == 2 and set(clitic_forms(before[0].key)) & words.members)
        return bool(last & words.opponents)

    def after_verb(self, doc: Doc, m: Mention, words: AgentWords) -> bool:
        """Whether a party stands right after a verb or an action noun ("استهدف الجيش
        الحر", "هجوم لتنظيم الدولة"): where a subject or an agent stands."""
        i = doc.token_at(m.start)
        return i > 0 and any(f in words.verb_like for f in clitic_forms(doc.tokens[i - 1].key))

    def collective(self, doc: Doc, cue: Match, sentence: Sentence, words: AgentWords) -> str | None:
        """"سيطرت الفصائل", "تمكن التنظيم": the group of that kind the text named before."""
        near = doc.tokens_between(cue.end, sentence.end)[:2] + \
            doc.tokens_between(sentence.start, cue.start)[-SUBJECT_WINDOW:]
        found = words.collectives.intersection(word_forms(near))
        if not found:
            return None
        heads = {w.removeprefix("ال") for w in found}
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
            self._first[key] = frozenset(normalize_key(n).split()[0].removeprefix("ال")
                                         for n in self._actors[key].names_ar)
        return self._first[key]


def _glued(doc: Doc, m: Mention) -> str:
    """The proclitics written joined to a mention ("ب" of "بقوات")."""
    return doc.text[doc.tokens[doc.token_at(m.start)].start:m.start]


def phrases_of(tokens: list[Token]) -> set[str]:
    """Every word and pair of words among ``tokens``, under their proclitics."""
    out = set(word_forms(tokens))
    out.update(f"{a} {b}" for a, b in pairwise(t.key for t in tokens))
    return out
