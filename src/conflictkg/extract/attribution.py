"""Who the text credits: sources named with a crediting word, and what each covers.

"بحسب المرصد" and "according to SOHR" credit their whole sentence; "وثق المرصد" and
"ناشطون أفادوا" credit what follows the verb; a sentence opening with "وأضاف" goes on
crediting the source before it; "الصحيفة" stands for the newspaper last named. A
spokesman credits the group he speaks for ("قال المتحدث باسم قسد"), a monitor's
activists or an outlet's correspondent the monitor or the outlet ("ناشطو المرصد").
A source once credited stays the source of what follows until another is credited;
a claim before any credit is the publisher's own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from itertools import compress
from operator import attrgetter
from typing import ClassVar

from conflictkg.extract.doc import Attributed, Doc, Mention, Sentence, SpanIndex, Token, clitic_forms
from conflictkg.extract.matcher import Matcher
from conflictkg.extract.model import Attribution, SourceNames
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
from conflictkg.extract.speakers import SpeakerRules, find_speakers
from conflictkg.reference.gazetteers import Gazetteers

AFTER_PREPOSITION = 6  # tokens between "بحسب"/"وفق" and the source it credits
AFTER_VERB = 3  # tokens between a verb and its subject ("قال مدير المرصد")
BEFORE_VERB = 6  # tokens between a subject and its verb ("المرصد ... رصد")
_ACRONYM = re.compile(r"[A-Z]{2,6}")  # "SOHR", "ANHA": the short name wire copy uses
_DEMONYM_EN = re.compile(r"(?:ese|ish|ian|an|i)$")  # "Lebanese", "Kurdish", "Syrian", "Iraqi"
_NISBA_AR = ("يه", "ية", "ي", "يون", "يين")  # "لبنانية", "سوريون" (keys: ة as ه)
_QUOTES = str.maketrans(dict.fromkeys("\"“”«»", " "))
# a comma or a stop between a verb and a name after it: the name opens another clause
# ("…, the rescuers said, while the Observatory put the toll at 15"), it is not the verb's
# subject ("said the Observatory")
_CLAUSE_BREAK = re.compile(r"[,،;؛.:]")
CLOSING_VERB = 3  # words after "said" that still leave it closing its sentence ("on Monday")
CHRONICLE_KINDS = ("archive-record", "chronicle")  # entries that each stand alone
TOLD_US_REACH = 4  # words between sources of a kind and "لوكالتنا" / "told our correspondent"
PRONOUN_FILLERS = 2  # words between a pronoun and its verb ("it had earlier reported")
GROUP_PRONOUNS = frozenset({"it", "they"})  # pronouns that may stand for a group that speaks
SUBJECT_WORDS = 3  # first words of a sentence in which its subject, a group, stands
TITLE_REACH = 4  # tokens between a verb and a speaker's title ("قال فرهاد شامي المتحدث باسم")
TITLE_OPENING = 2  # words between an apposition's comma and the title ("a field commander with")
NAME_WORDS = 5  # words of a person's name in an apposition ("Issam al-Rayyes")
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "umm", "de", "van", "von"})
SOURCE_LINE_CHARS = 120  # a line that names the text's source ("المصدر: سانا") is short
_LINE = re.compile(r"[^\n]+")
DATELINE_CHARS = 400  # a dateline opens the text, after a headline at most
# "BEIRUT (Reuters) -", "AMMAN, Jordan (AP) —": the agency in brackets before the dash
_DATELINE_EN = re.compile(r"(?m)^[A-Z][^\n()]{0,60}\((?P<name>[^()\n]{2,40})\)\s*[-–—]")
# "حماة-سانا", "الحسكة - هاوار": a place, a dash and the agency, on a line of their own
_DATELINE_AR = re.compile(r"(?m)^[^\n\-–]{2,30}\s*[-–]\s*(?P<name>[^\n\-–:]{2,30}?)\s*:?\s*$")
_LINE_BRACKETS = " \t()[]{}.-–—*_«»\"“”"  # around a source line: "(المصدر: سانا)", "- Source: AFP."


class _Rules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("attribution", language)
        self.cues: Matcher[str] = s.matcher(preposition=s.words("prepositions"),
                                            verb=s.words("verbs"))
        self.continuations = s.keys("continuations")
        self.background = s.keys("background_openers")
        self.contrast: Matcher[str] = s.matcher(contrast=s.words("contrast_openers"))
        self.pronouns = s.keys("pronoun_subjects")
        self.fillers = s.keys("pronoun_fillers")
        self.reported = frozenset(w for w in s.keys("verbs") if " " not in w)
        self.generic: Matcher[str] = s.matcher(generic=s.words("generic_sources"))
        # "المكتب الإعلامي ل": the "ل" is written on the group's name ("لوحدات"), so the
        # title is matched without it and the name is looked for in the word after
        self.titles: Matcher[str] = s.matcher(title=[w.removesuffix(" ل") for w in s.words("speaker_titles")])
        self.speakers = SpeakerRules(patterns, language)
        self.own = s.keys("own_sources")
        self.told_us: Matcher[str] = s.matcher(us=s.words("own_recipients"))
        self.links = s.keys("source_links")
        self.recipients = s.keys("recipient_verbs")  # "told Reuters": who heard, not who said
        self.speaker_nouns = s.keys("speaker_nouns")
        self.content_openers = s.keys("content_openers")
        self.apposition_openers = s.keys("apposition_openers")
        self.statements: Matcher[str] = s.matcher(statement=s.words("statement_nouns"))
        self.statement_keys = s.keys("statement_nouns")
        self.source_line_labels = s.keys("source_line_labels")
        self.what = s.keys("relative_what")  # "بحسب ما ذكرته": the relative before a verb
        self.unnamed_sources = s.keys("unnamed_sources")
        self.unnamed_modifiers = s.keys("unnamed_modifiers")
        self.anaphors = {normalize_key(k): frozenset(v) for k, v in s.groups("anaphors").items()}
        self.anaphor_types = functools.lru_cache(maxsize=65536)(self._anaphor_types)
        self.anaphor_words = frozenset(k for k, v in self.anaphors.items() if v)  # a form of one
        # "the newspaper", "the group": anaphors of several words, found as phrases
        self.phrase_anaphors: Matcher[str] = s.matcher(
            anaphor=[k for k in s.groups("anaphors") if " " in k.strip()])

    def _anaphor_types(self, key: str) -> frozenset[str] | None:
        """The source types a word refers back to ("المرصد" to an observatory), if any."""
        return next((self.anaphors[f] for f in clitic_forms(key) if self.anaphors.get(f)), None)


class AttributionFinder:
    """Fills ``source_mentions`` and ``attributions``."""

    name: ClassVar[str] = "attribution"
    requires: ClassVar[tuple[str, ...]] = ("tokens", "sentences", "actor_mentions")
    assigns: ClassVar[tuple[str, ...]] = ("source_mentions", "attributions", "publisher", "source_names")

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._sources = gazetteers.sources
        self._matcher: Matcher[str] = Matcher(
            (name, entry.key) for entry in gazetteers.sources.values()
            for name in (*entry.names_ar, *entry.names_en))
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("attribution")}
        # collective terms ("الفصائل", "the rebels"): no speaker by a name known only in context
        self._collectives = frozenset(k for k, e in gazetteers.actors.items() if e.generic)

    def source_key(self, *names: str | None) -> str | None:
        """The sources-gazetteer key of the first of ``names`` it knows."""
        for name in names:
            if name:
                keys = self._matcher.payloads(name)
                if keys:
                    return keys[0]
        return None

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        doc.publisher = publisher_attribution(
            doc, self.source_key(doc.info.publisher, doc.info.publisher_ar))
        doc.source_mentions = self._mentions(doc, rules)
        doc.attributions = []
        cues = [m for m in rules.cues.find(doc.norm) if not doc.in_boilerplate(m.start)]
        titles = SpanIndex(rules.titles.find(doc.norm))
        contrasts = SpanIndex(rules.contrast.find(doc.norm))
        # "وكان دوغان أعلن", "وكان المرصد قد وثق": a background sentence that opens on a
        # credit is someone's statement, though of a name no list knows
        cued = SpanIndex(cues)
        by_sentence: dict[int, list[Attributed]] = {}
        for cue in cues:
            sentence = doc.sentence_at(cue.start)
            if sentence is None:
                continue
            found = doc.attempt(self.name, (sentence.start, sentence.end), None, self._credit,
                                doc, sentence, cue.start, cue.end, cue.payloads[0], rules, titles, contrasts)
            if found is not None:
                by_sentence.setdefault(sentence.start, []).append(found)
        # "..., it added.", "he said": where a pronoun is followed by a continuation verb
        tokens = doc.tokens
        pronouns = compress(range(len(tokens) - 1),
                            map(rules.pronouns.__contains__, map(attrgetter("key"), tokens)))
        said = [(tokens[i].start, tokens[j].start) for i in pronouns
                if (j := _said_after(tokens, i + 1, rules)) is not None]
        said_by_it = {a for a, _ in said if tokens[doc.token_index(a)].key in GROUP_PRONOUNS}
        _resolve_statements(by_sentence, rules.statement_keys)
        previous: Attributed | None = None
        for sentence in doc.sentences:
            own = by_sentence.get(sentence.start, [])
            words = doc.tokens_between(sentence.start, sentence.end)
            continues = bool(words) and any(f in rules.continuations
                                            for f in clitic_forms(words[0].key))
            continues = continues or any(sentence.start <= a and b < sentence.end
                                         for a, b in said)
            if continues and previous is not None and not any(
                    a.scope_start <= sentence.start for a in own):
                doc.attributions.append(Attributed(
                    previous.start, previous.end, sentence.start, sentence.end,
                    previous.label, previous.source, continuation=True))
            elif previous is None and not own and any(
                    sentence.start <= a < sentence.end for a in said_by_it):
                # "The army pushed into the town. It said 20 were killed": no source named
                # before, "it" is the group the paragraph told of last
                group = self._group_before(doc, sentence)
                if group is not None:
                    own = [Attributed(group.start, group.end, sentence.start, sentence.end,
                                      group.text, self.source_key(group.text))]
            if not own and not continues and words and words[0].key in rules.background \
                    and not cued.starting(sentence.start, words[min(len(words), 4) - 1].end):
                doc.attributions.append(Attributed(  # the outlet's own background
                    sentence.start, sentence.start, sentence.start, sentence.end,
                    doc.publisher.label, doc.publisher.source, carries=False, aside=True))
            doc.attributions.extend(own)
            if own:
                previous = own[-1]
            elif not continues and sentence.paragraph != _paragraph(doc, previous):
                previous = None
        doc.attributions.extend(self._headline_credits(doc))
        line = self._source_line(doc, rules) or self._dateline(doc)
        if line is not None:
            doc.attributions.append(line)
        doc.attributions.sort(key=lambda a: (a.scope_start, a.start))
        credited = {doc.publisher.source} | {a.source for a in doc.attributions}
        doc.source_names = {key: self._names(key) for key in credited if key in self._sources}

    def _source_line(self, doc: Doc, rules: _Rules) -> Attributed | None:
        """A line of its own that names the source of the whole text ("المصدر: وكالة أنباء
        هاوار", "(المصدر: سانا)", "Source: SOHR"), as archives and outlets that copy a
        report print it at its end or its head: the source of what the text credits to
        no one, in place of the publisher."""
        if not rules.source_line_labels:
            return None
        for match in _LINE.finditer(doc.text):
            line = match.group(0)
            if (":" not in line and "：" not in line) or len(line) > SOURCE_LINE_CHARS:
                continue
            head, _, named = line.replace("：", ":").partition(":")
            if normalize_key(head.strip(_LINE_BRACKETS)) not in rules.source_line_labels:
                continue
            label = " ".join(named.strip().strip(_LINE_BRACKETS).split())
            if not label:
                continue
            start = match.start() + len(head) + 1  # the source's name, after the colon
            sources = doc.index("source_mentions").starting(start, match.end())
            key = next((m.key for m in sources if m.key), None) or self.source_key(label)
            return Attributed(start, match.end(), start, start, label, key, carries=False,
                              aside=True, whole_text=True)
        return None

    @staticmethod
    def _headline_credits(doc: Doc) -> list[Attributed]:
        """A headline that names its source before a colon ("المرصد: مقتل 12 عنصراً",
        "سانا: استشهاد 3 مدنيين") or after a colon or a dash at its end ("Toll rises to 96:
        monitor", "12 killed in Idlib strikes - SOHR"): the source of that headline only."""
        out: list[Attributed] = []
        sources = doc.index("source_mentions")
        for n, sentence in enumerate(doc.sentences):
            text = doc.text[sentence.start:sentence.end].rstrip()
            if not (sentence.heading or (n == 0 and not text.endswith((".", "。")))):
                continue  # a title: flagged so, or the opening line with no full stop
            found = [m for m in sources.starting(sentence.start, sentence.end) if m.key]
            first = next((m for m in found if not doc.text[sentence.start:m.start].strip()
                          and doc.text[m.end:sentence.end].lstrip().startswith((":", "："))), None)
            last = next((m for m in reversed(found) if sentence.start + len(text) <= m.end
                         and doc.text[sentence.start:m.start].rstrip().endswith(
                             (":", "：", "-", "–", "—"))), None)
            credit = first or last
            if credit is not None:
                out.append(Attributed(credit.start, credit.end, sentence.start, sentence.end,
                                      " ".join((credit.label or credit.text).split()), credit.key,
                                      carries=False, aside=True))
        return out

    def _dateline(self, doc: Doc) -> Attributed | None:
        """The agency a dateline names ("BEIRUT (Reuters) -", "AMMAN, Jordan (AP) —",
        "حماة-سانا" on a line of its own) at the head of a text: the text is its copy, and
        what the text credits to no one is the agency's, whoever publishes it."""
        head = doc.text[:DATELINE_CHARS]
        found = _DATELINE_EN.search(head) if doc.language == "en" else _DATELINE_AR.search(head)
        if found is None:
            return None
        name = found.group("name").strip()
        key = self.source_key(name)
        if key is None:
            return None
        start = found.start("name")
        return Attributed(start, start + len(name), start, start, name, key, carries=False,
                          aside=True, whole_text=True)

    @staticmethod
    def _group_before(doc: Doc, sentence: Sentence) -> Mention | None:
        """The one group named outright before a sentence in its paragraph (none where
        the paragraph named two: "clashes between the SDF and IS. They said")."""
        paragraph_start, _ = doc.paragraphs[sentence.paragraph]
        earlier = [m for m in doc.index("actor_mentions").starting(paragraph_start, sentence.start)
                   if not m.weak and m.end <= sentence.start]
        return earlier[-1] if len({m.key for m in earlier}) == 1 else None

    def _names(self, key: str) -> SourceNames:
        entry = self._sources[key]
        short = next((a for a in entry.aliases_en if _ACRONYM.fullmatch(a)), None)
        return SourceNames(entry.name_ar, entry.name_en, (*entry.aliases_en, *entry.aliases_ar),
                           short)

    def _mentions(self, doc: Doc, rules: _Rules) -> list[Mention]:
        found = [Mention(m.start, m.end, m.text, m.payloads[0])
                 for m in self._matcher.find(doc.norm) if not doc.in_boilerplate(m.start)]
        generic = [Mention(m.start, m.end, m.text, "", weak=True)
                   for m in rules.generic.find(doc.norm) if not doc.in_boilerplate(m.start)]
        found += generic
        found += [Mention(m.start, m.end, m.text, "") for m in rules.statements.find(doc.norm)]
        named = SpanIndex(found)
        actors = doc.index("actor_mentions")
        found += [m for m in find_speakers(doc, rules.speakers)  # a ministry, a governor...
                  if not named.overlapping(m.start, m.end) and not any(
                      not a.weak for a in actors.overlapping(m.start, m.end))]
        # the words that may refer back to a source: the tokens one of whose forms is an
        # anaphor, found in C (the document's words are read once for every word list)
        tokens = doc.tokens
        words: list[tuple[Mention | Token, frozenset[str]]] = [
            (tokens[i], rules.anaphor_types(tokens[i].key))
            for i in doc.tokens_bearing(rules.anaphor_words)]
        words += [(Mention(m.start, m.end, m.text, ""), rules.anaphors[m.key])
                  for m in rules.phrase_anaphors.find(doc.norm) if m.key in rules.anaphors]
        for token, types in words:
            if not named.at(token.start):
                earlier = next((m for m in reversed(named.before(token.start)) if m.key
                                and m.end <= token.start
                                and self._sources[m.key].type in types), None)
                if earlier is None:  # "a war monitor said" in a lead, the monitor named later
                    earlier = next((m for m in named.items if m.key and m.start > token.end
                                    and self._sources[m.key].type in types), None)
                if earlier:
                    found.append(Mention(token.start, token.end,
                                         doc.text[token.start:token.end], earlier.key))
                elif normalize_key(doc.text[token.start:token.end]) in rules.unnamed_sources:
                    found.append(_unnamed(doc, token, rules))
        found.sort(key=lambda m: (m.start, -m.end))
        out: list[Mention] = []
        starts = {m.start for m in found}
        for m in found:
            if not out or m.start >= out[-1].end:
                out.append(_of_country(doc, m, starts) if self._generic(m) else m)
        return self._of_named(doc, out, rules)

    def _generic(self, m: Mention) -> bool:
        """A source of a kind (activists, local sources), not a named one."""
        return m.weak if not m.key else self._sources[m.key].type == "generic"

    def _of_named(self, doc: Doc, mentions: list[Mention], rules: _Rules) -> list[Mention]:
        """"ناشطو المرصد", "مراسل عنب بلدي", "مصدر في قيادة شرطة حلب": a generic source
        that belongs to a named one is that one."""
        out: list[Mention] = []
        for m in mentions:
            previous = out[-1] if out else None
            between = doc.tokens_between(previous.end, m.start) if previous else []
            if previous is not None and self._generic(previous) and not self._generic(m) \
                    and len(between) <= 1 and all(t.key in rules.links or (  # "لوكالة سانا": the
                        t.end > m.start and normalize_key(doc.text[t.start:m.start]) in rules.links)
                        for t in between):  # link written on the name
                out[-1] = Mention(previous.start, m.end, doc.text[previous.start:m.end], m.key)
            elif previous is not None and doc.language == "en" and previous.key \
                    and not self._generic(previous) and self._generic(m) and not between \
                    and not doc.text[previous.end:m.start].strip():
                # "SOHR activists", "a Reuters correspondent": the named source's own people
                out[-1] = Mention(previous.start, m.end, doc.text[previous.start:m.end], previous.key,
                                  label=previous.label or previous.text)
            else:
                out.append(m)
        return out

    def _credit(self, doc: Doc, sentence: Sentence, start: int, end: int,
                kind: str, rules: _Rules, titles: SpanIndex,
                contrasts: SpanIndex) -> Attributed | None:
        """The source a crediting word points at, and the text it credits."""
        sources = doc.index("source_mentions")
        told = kind == "verb" and normalize_key(doc.text[start:end]) in rules.recipients
        after = [] if told else sources.starting(end, sentence.end)
        window = AFTER_PREPOSITION if kind == "preposition" else AFTER_VERB
        near = window if kind == "preposition" else 1  # an institution right after its verb
        source = next((m for m in after if len(doc.tokens_between(end, m.start)) <= (
            window if m.key or m.weak else near)
            and not (kind == "verb" and _CLAUSE_BREAK.search(doc.text, end, m.start))), None)
        if source is None and kind == "verb":
            before = [m for m in sources.starting(sentence.start, start) if m.end <= start
                      and not _in_dateline(doc, m)]
            source = _before_apposition(doc, sentence, start, before, rules.apposition_openers)
            if source is None and before and \
                    len(doc.tokens_between(before[-1].end, start)) <= BEFORE_VERB:
                source = before[-1]
                if len(before) > 1 and doc.language == "en" and [
                        t.key for t in doc.tokens_between(before[-2].end, source.start) if t.key != "the"] == ["and"]:
                    source = before[-2]  # "a war monitor and state media said": the first credited
        if source is not None and doc.language == "en" and (
                office := _office_of(doc, source, rules.speaker_nouns)):
            source = replace(office, key=self.source_key(office.text) or "")
        group = None  # an armed group credited: "according to the Manbij Military Council"
        if source is None and kind == "preposition":
            group = next((m for m in doc.index("actor_mentions").starting(end, sentence.end)
                          if not m.weak and _credited_after(doc, end, m.start, rules)), None)
        if source is None and kind == "verb":  # "أعلنت هيئة تحرير الشام": a group speaks
            group = _speaker(doc, sentence, start, end, titles, rules.speaker_nouns,
                             rules.content_openers) or _weak_subject(
                doc, sentence, start, end, self._collectives)
        if group is not None:
            source = Mention(group.start, group.end, group.text,
                             self.source_key(group.text) or "")
        if source is None:
            return None
        label = " ".join((source.label or source.text).translate(_QUOTES).split())
        key: str | None = source.key or None
        if key and any(f in rules.anaphors for f in clitic_forms(normalize_key(label))):
            entry = self._sources[key]  # "الصحيفة": name the newspaper it stands for
            label = entry.name_ar if doc.language == "ar" else entry.name_en
        # activists, witnesses, sources of a kind: credited where named, not beyond
        carries = not (source.weak or (key and self._sources[key].type == "generic"))
        if normalize_key(label) in rules.own or (not carries and _told_us(doc, sentence, source, rules)):
            # "مراسلنا", "sources": the outlet's own word; "مصادر عسكرية لوكالتنا": told it
            label, key, carries = doc.publisher.label, doc.publisher.source, True
        elif not carries and told:  # "a military source told SANA": the outlet that heard it
            heard = next((m for m in sources.starting(end, sentence.end) if m.key
                          and self._sources[m.key].type != "generic"
                          and len(doc.tokens_between(end, m.start)) <= AFTER_VERB
                          and not _CLAUSE_BREAK.search(doc.text, end, m.start)), None)
            key = heard.key if heard is not None else key
        aside = key != doc.publisher.source and _contrasted(  # the outlet's own carries on
            doc, sentence, min(start, source.start), end, contrasts)
        closing = len(doc.tokens_between(end, sentence.end)) <= CLOSING_VERB
        # "..., said the Observatory.", "…، قال المرصد.": a verb and its subject closing the
        # sentence credit what came before them
        inverted_closing = end <= source.start and (
            len(doc.tokens_between(source.end, sentence.end)) <= CLOSING_VERB
            # '"…," said Abu Hamza, a commander with X, which fought …': after a quote or
            # a comma the verb credits what came before it, however long its subject runs
            or (doc.language == "en" and _inverted(doc, sentence, start)))
        if kind == "preposition" or inverted_closing or (
                source.end <= start and (closing or doc.language == "en")):
            # "بحسب المرصد" anywhere; "..., the Observatory said, ..." in English word order
            return Attributed(start, source.end, sentence.start, sentence.end, label, key,
                              carries=carries, aside=aside)
        return Attributed(start, source.end, min(start, source.start), sentence.end, label, key,
                          carries=carries, aside=aside)


def _in_dateline(doc: Doc, m: Mention) -> bool:
    """Whether a source is the agency of the dateline that opens the text ("BEIRUT
    (Reuters) – The SDF said"): the copy's, never the subject of the lead's verb."""
    found = (_DATELINE_EN if doc.language == "en" else _DATELINE_AR).search(doc.text[:DATELINE_CHARS])
    return found is not None and found.start("name") <= m.start < found.end()


def _unnamed(doc: Doc, word: Mention | Token, rules: _Rules) -> Mention:
    """"a war monitor said" where no monitor is named: a source of its own, with the word
    before it that says which kind ("war monitor", "rights monitor"), credited as written."""
    start = word.start
    i = doc.token_index(word.start)
    if i > 0 and doc.tokens[i - 1].key in rules.unnamed_modifiers \
            and not doc.text[doc.tokens[i - 1].end:word.start].strip():
        start = doc.tokens[i - 1].start
    return Mention(start, word.end, doc.text[start:word.end], "")


def _said_after(tokens: list[Token], i: int, rules: _Rules) -> int | None:
    """The continuation verb after a pronoun, past its auxiliaries and adverbs ("it added",
    "It had earlier reported"), or None."""
    for j in range(i, min(i + 1 + PRONOUN_FILLERS, len(tokens))):
        key = tokens[j].key
        if key in rules.continuations or (j > i and key in rules.reported):
            return j
        if key not in rules.fillers:
            return None
    return None


def _told_us(doc: Doc, sentence: Sentence, source: Mention, rules: _Rules) -> bool:
    """Whether sources of a kind told the outlet itself ("أكدته مصادر عسكرية لوكالتنا",
    "sources told our correspondent"): within a few words after them, before the sentence
    ends."""
    words = doc.tokens_between(source.end, sentence.end)[:TOLD_US_REACH]
    if not words:
        return False
    return bool(rules.told_us.find(doc.text[source.end:words[-1].end]))


def _contrasted(doc: Doc, sentence: Sentence, start: int, end: int, contrasts: SpanIndex) -> bool:
    """"…، في حين تقدر الهيئة العامة الضحايا بأكثر من 450", "while the Observatory put the
    toll at 438": a credit opened inside its sentence by a word that sets it against what
    the sentence said before. It is an aside: it credits its own words, and the source
    before it goes on crediting the sentences after."""
    first = doc.tokens_between(sentence.start, sentence.end)[:1]
    for m in contrasts.starting(sentence.start, end):
        if first and m.start <= first[0].start:
            continue  # "بينما قال المرصد" opening a sentence credits it as any other
        if (m.end <= start + 1 and len(doc.tokens_between(m.end, start)) <= 1) or start <= m.start < end:
            return True
    return False


def _of_country(doc: Doc, m: Mention, named: set[int]) -> Mention:
    """"Lebanese security sources", "مصادر أمنية لبنانية": a source of a kind with the
    nationality that says whose sources they are, kept in its label (not a word that
    opens another source's name: "مراسل بلدي نيوز")."""
    if doc.language == "en":
        i = doc.token_index(m.start) - 1
        if i < 0:
            return m
        t = doc.tokens[i]
        word = doc.text[t.start:t.end]
        if doc.text[t.end:m.start].strip() or not word[:1].isupper() or t.start in named \
                or not _DEMONYM_EN.search(word):
            return m
        return replace(m, start=t.start, text=doc.text[t.start:m.end])
    after = doc.tokens_after(m.end, 1)
    if not after or doc.text[m.end:after[0].start].strip():
        return m
    t = after[0]
    if t.start in named or t.key.startswith("ال") or len(t.key) < 4 or not t.key.endswith(_NISBA_AR):
        return m
    return replace(m, end=t.end, text=doc.text[m.start:t.end])


def _resolve_statements(by_sentence: dict[int, list[Attributed]], nouns: frozenset[str]) -> None:
    """"وجاء في البيان", "according to the statement": credited to the last party credited
    before, whose statement it is (left as written when none was)."""
    last: Attributed | None = None
    for start in sorted(by_sentence):
        for n, a in enumerate(by_sentence[start]):
            if normalize_key(a.label) not in nouns:
                last = a if a.carries else last
            elif last is not None:
                by_sentence[start][n] = replace(a, label=last.label, source=last.source)


def _speaker(doc: Doc, sentence: Sentence, start: int, end: int, titles: SpanIndex,
             nouns: frozenset[str] = frozenset(), openers: frozenset[str] = frozenset(),
             ) -> Mention | None:
    """The group that speaks: right after the verb in Arabic ("أعلنت هيئة تحرير الشام"),
    shortly before it in English ("The Syrian army said", "YPG spokesman Azad Sino
    said"), or the group of a speaker's title on either side ("قال المتحدث باسم قوات
    سوريا الديمقراطية", "said a spokesman for the SDF")."""
    actors = doc.index("actor_mentions")
    if doc.language == "en" and (titled := _title_before(doc, sentence, start, titles)):
        return titled  # "Col. X, a commander of the Sultan Murad Division, told"
    if doc.language == "en":  # not across a comma or "and": "X, a group of Y, said"
        found = [m for m in actors.starting(sentence.start, start) if not m.weak
                 and m.end <= start and (len(doc.tokens_between(m.end, start)) <= 1 or _titled(
                     doc, m.end, start, nouns))
                 and "," not in doc.text[m.end:start]
                 and not {"and", "or"} & {t.key for t in doc.tokens_between(m.end, start)}]
        if found:
            return found[-1]
        subject = _apposed(doc, sentence, start) or _coordinated_subject(doc, sentence, start)
        if subject is not None:
            return subject
    near = doc.tokens_between(end, sentence.end)[:TITLE_REACH]
    title = next((t for t in titles.starting(end, near[-1].end) if t.end <= sentence.end),
                 None) if near else None
    if title is None and doc.language == "en":
        title = _title_after_name(doc, sentence, end, titles)
    if doc.language == "en" and title is None and not _inverted(doc, sentence, start):
        return None  # "He said 30 ISIS militants...": what follows is what was said
    if title is None and near and near[0].key in openers:
        return None  # "وأضاف أن قوات الأسد فرت": the group is what was told of
    reach = len(doc.tokens_between(end, title.end)) + 1 if title else 1
    return next((m for m in actors.starting(end, sentence.end) if not m.weak
                 and len(doc.tokens_between(end, m.start)) <= reach), None)


def _office_of(doc: Doc, source: Mention, nouns: frozenset[str]) -> Mention | None:
    """English "the SDF press office", "the YPG general command": an office named by its
    words alone, right after a group's name, is that group's: the group speaks."""
    words = doc.tokens_between(source.start, source.end)
    if not words or any(t.key not in nouns for t in words):
        return None
    start, i = source.start, doc.token_index(source.start)
    while i > 0 and doc.tokens[i - 1].key in nouns:  # "press office": the office's other words
        i -= 1
        start = doc.tokens[i].start
    group = next((m for m in doc.index("actor_mentions").starting(max(0, start - 80), start)
                  if not m.weak and m.end <= start and not doc.text[m.end:start].strip(" ’'s")),
                 None)
    return Mention(group.start, group.end, group.text, "") if group else None


def _credited_after(doc: Doc, end: int, start: int, rules: _Rules) -> bool:
    """Whether a group at ``start`` is the one a preposition ending at ``end`` credits:
    right after it, or after "ما" and the verb that tells of it ("وفق ما أعلنته غرفة
    العمليات", "بحسب ما ذكرته الفصائل")."""
    between = doc.tokens_between(end, start)
    if len(between) <= 1:
        return True
    return len(between) == 2 and between[0].key in rules.what \
        and any(between[1].key.startswith(v) for v in rules.reported)


def _weak_subject(doc: Doc, sentence: Sentence, start: int, end: int,
                  collectives: frozenset[str]) -> Mention | None:
    """"وقال الجيش إن", "وأعلن النظام مقتل", "The regime said": a name that denotes one
    party only in context, as the subject right next to a reporting verb (after it in
    Arabic, before it in English), is the party that speaks (not a collective term, which
    may stand for several groups the report named)."""
    actors = doc.index("actor_mentions")
    if doc.language == "en":
        return next((m for m in actors.starting(sentence.start, start) if m.weak
                     and m.key not in collectives
                     and m.end <= start and not doc.tokens_between(m.end, start)), None)
    return next((m for m in actors.starting(end, sentence.end) if m.weak
                 and m.key not in collectives and not doc.tokens_between(end, m.start)), None)


def _coordinated_subject(doc: Doc, sentence: Sentence, start: int) -> Mention | None:
    """English "The SDF captured the town and said it had killed 20": a verb after "and"
    has the subject of the sentence, a group named in its first words."""
    before = doc.tokens_between(sentence.start, start)
    if len(before) < 2 or before[-1].key != "and":
        return None
    opening = before[:SUBJECT_WORDS]
    return next((m for m in doc.index("actor_mentions").starting(sentence.start, opening[-1].end)
                 if not m.weak and m.end <= before[-1].start), None)


def _before_apposition(doc: Doc, sentence: Sentence, start: int, before: list[Mention],
                       openers: frozenset[str]) -> Mention | None:
    """"The Local Coordination Committees, a network of activists, said": the source named
    right before an apposition that closes just before the verb, not a word inside it."""
    text = doc.text[sentence.start:start].rstrip()
    if not text.endswith((",", "،")):
        return None
    commas = [sentence.start + n for n, c in enumerate(text[:-1]) if c in ",،"]
    # an apposition with commas of its own opens with a relative word ("SOHR, which
    # relies on doctors, activists and others, said"); else it opens at the last comma
    opened = [c for c in commas if (after := doc.tokens_after(c + 1, 1))
              and after[0].key in openers]
    for comma in [*opened[:1], *commas[-1:]]:
        named = [m for m in before if m.end <= comma]
        if named and not doc.tokens_between(named[-1].end, comma):
            return named[-1]
    return None


def _apposed(doc: Doc, sentence: Sentence, start: int) -> Mention | None:
    """English "The Jarabulus Military Council, an SDF-allied group, said": the group that
    opens the sentence, when a comma follows it and another ends just before the verb."""
    if not doc.text[sentence.start:start].rstrip().endswith(","):
        return None
    first = next((m for m in doc.index("actor_mentions").starting(sentence.start, start)
                  if not m.weak), None)
    if first is None or len(doc.tokens_between(sentence.start, first.start)) > 1:
        return None
    return first if doc.text[first.end:start].lstrip().startswith(",") \
        and doc.text[first.end:start].count(",") == 2 else None


def _title_before(doc: Doc, sentence: Sentence, start: int, titles: SpanIndex) -> Mention | None:
    """The group of a title in the apposition right before an English verb ("…, a
    commander of the Sultan Murad Division, told")."""
    before = doc.text[sentence.start:start].rstrip()
    if not before.endswith(","):
        return None
    opening = before.rfind(",", 0, len(before) - 1)
    segment = sentence.start + (opening + 1 if opening >= 0 else 0)
    title = next(iter(titles.starting(segment, start)), None)
    if title is None and opening > 0 and _person_name(doc.text[segment:start]):
        # "A spokesman for the Southern Front, Issam al-Rayyes, told": the apposition is
        # the speaker's name, his title before it
        earlier = before.rfind(",", 0, opening)
        title = next(iter(titles.starting(sentence.start + (earlier + 1 if earlier >= 0 else 0),
                                          sentence.start + opening)), None)
    if title is None:
        return None
    return next((m for m in doc.index("actor_mentions").starting(title.end, start)
                 if not m.weak and len(doc.tokens_between(title.end, m.start)) <= 1), None)


def _title_after_name(doc: Doc, sentence: Sentence, end: int, titles: SpanIndex) -> Mention | None:
    """English "…," said Abu Hamza, a field commander with Ahrar al-Sham": the title that
    opens the apposition after the name of the speaker a verb names."""
    comma = doc.text.find(",", end, sentence.end)
    if comma < 0 or not _person_name(doc.text[end:comma]):
        return None
    return next((t for t in titles.starting(comma, sentence.end)
                 if len(doc.tokens_between(comma, t.start)) <= TITLE_OPENING), None)


def _person_name(text: str) -> bool:
    """Whether an apposition is a person's name: a few capitalised words and particles."""
    words = text.strip(" ,").replace("-", " ").split()
    return 0 < len(words) <= NAME_WORDS and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def _titled(doc: Doc, end: int, verb: int, nouns: frozenset[str]) -> bool:
    """"YPG spokesman Azad Sino said": a speaker's noun right after the group, then his
    name (capitalised words) up to the verb."""
    between = doc.tokens_between(end, verb)
    if not between or between[0].key not in nouns or len(between) > TITLE_REACH:
        return False
    # "SDF media center said": an office's words, lower case, as much as a name
    return all(doc.text[t.start:t.start + 1].isupper() or t.key in nouns for t in between[1:])


def _inverted(doc: Doc, sentence: Sentence, start: int) -> bool:
    """English "..., said the army": the verb after a comma or a closing quote."""
    before = doc.text[sentence.start:start].rstrip()
    return before.endswith((",", "”", "\"", "’"))


def _paragraph(doc: Doc, a: Attributed | None) -> int | None:
    if a is None:
        return None
    sentence = doc.sentence_at(a.start)
    return sentence.paragraph if sentence else None


def publisher_attribution(doc: Doc, source_key: str | None) -> Attribution:
    """The publisher, for what the text credits to no one."""
    info = doc.info
    label = (info.publisher_ar if doc.language == "ar" else None) or info.publisher \
        or info.publisher_ar or "unknown"
    return Attribution(label=label, source=source_key)


def attribution_at(doc: Doc, start: int, end: int, fallback: Attribution) -> Attribution:
    """The source credited for the claim at ``start:end``: the nearest crediting before it
    in its sentence, a sentence-wide "بحسب", a continued attribution, else the last
    source credited before it (in its paragraph only, in a chronicle of entries), a
    headline's the first source of the body that is named (not passers-by the lead
    quotes in passing), else ``fallback``."""
    best: Attributed | None = None
    carried: Attributed | None = None
    for a in doc.attributions:
        if a.whole_text:
            continue
        if a.scope_start <= start < a.scope_end:
            if best is None or _rank(a, start) > _rank(best, start):
                best = a
        elif a.scope_end <= start and not a.aside and (carried is None or a.start > carried.start):
            carried = a
    if carried is not None and not carried.carries:
        carried = None
    sentence = doc.sentence_at(start)
    if best is None and carried is not None and not _carries(doc, carried, sentence):
        carried = None
    if best is None and carried is None and sentence is not None and sentence.heading:
        carried = next((a for a in doc.attributions if a.scope_start >= sentence.end
                        and a.carries), None)
    best = best or carried
    if best is None:  # "المصدر: سانا" on a line of its own: the whole text's source
        best = next((a for a in doc.attributions if a.whole_text), None)
    if best is None:
        return fallback
    return Attribution(label=best.label, source=best.source)


def _carries(doc: Doc, credit: Attributed, sentence: Sentence | None) -> bool:
    """Whether a credit reaches a later sentence that credits no one: always in its own
    paragraph; beyond it in a report, not in a chronicle whose entries each stand alone."""
    if sentence is None:
        return False
    if doc.record is None and (doc.info.kind or "") not in CHRONICLE_KINDS:
        return True
    return _paragraph(doc, credit) == sentence.paragraph


def _rank(a: Attributed, start: int) -> tuple[int, int]:
    # a crediting word before the claim beats one after it; nearer beats farther
    before = a.start <= start
    return (1 if before else 0, a.start if before else -a.start)
