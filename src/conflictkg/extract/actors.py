"""Armed groups named in the text: curated groups, and units found by their shape.

A curated group carries the kind and side its gazetteer entry gives; a unit found by
pattern ("كتيبة البراء بن مالك") gets a key from its normalised name, so the same unit
has the same key in every document, a kind from the words of its name or from the
group the text says it belongs to ("كتيبة X من لواء Y", "التابعة لـ"), and rebel
otherwise. A foreign state's forces named by nationality ("طائرات روسية") are read by
:mod:`.forces`. All mentions of one group, under any of its names, make one Actor.

A name is not a mention of a party where the text uses it otherwise (:mod:`.roles`: a
country's own name as a place, "فرّ إلى تركيا", "the Britain-based monitor"; a numbered
formation as its base, "مقر الفرقة 17"), nor an acronym written in small letters ("is" is
no IS). A name several groups share ("القوات الحكومية" before and
after December 2024) goes to the one active in the year of the report. Names also
match with a space lost between their words ("الولاياتالمتحدة").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import ClassVar

from conflictkg.extract import roles
from conflictkg.extract.dating import report_year
from conflictkg.extract.doc import Doc, Mention, SpanIndex
from conflictkg.extract.forces import ForceRules, find_forces
from conflictkg.extract.matcher import Match, Matcher
from conflictkg.extract.model import Actor
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import PatternError, Patterns
from conflictkg.extract.roles import LIST_JOINS, RoleRules
from conflictkg.extract.units import Unit, UnitRules, find_units
from conflictkg.iris import slugify
from conflictkg.reference.gazetteers import ActorEntry, Gazetteers

SIDE_OF_KIND = {"state_force": "government"}
PARENT_GAP = 40  # characters between a unit and the group it belongs to ("التابعة لـ")


@dataclass
class _New:
    """A unit no gazetteer lists, as this document describes it."""

    label: str
    kind: str | None = None
    parent: str | None = None
    numbered: bool = False
    aliases: list[str] = field(default_factory=list)


class _Rules:
    def __init__(self, patterns: Patterns, language: str) -> None:
        s = patterns.section("actors", language)
        self.units = UnitRules(patterns, language)
        self.parent_links = s.keys("parent_links")
        self.state_words = s.keys("state_words")
        self.militia_words = s.keys("militia_words")
        self.jihadist_words = s.keys("jihadist_words")
        self.former = s.keys("former_name_markers")
        self.roles = RoleRules(s)
        self.forces = ForceRules(s)
        self.non_party_sides = frozenset(s.words("non_party_sides"))


class ActorFinder:
    """Fills ``actor_mentions`` and ``actors`` from the gazetteer, unit patterns and records."""

    name: ClassVar[str] = "actors"
    requires: ClassVar[tuple[str, ...]] = ("tokens", "sentences", "dates", "record_parties")
    assigns: ClassVar[tuple[str, ...]] = ("actor_mentions", "actors", "non_party_actors")

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._entries = gazetteers.actors
        entries: list[tuple[str, tuple[str, bool]]] = []
        for entry in gazetteers.actors.values():
            entries += [(name, (entry.key, False)) for name in (*entry.names_ar, *entry.names_en)]
            entries += [(name, (entry.key, True))
                        for name in (*entry.weak_aliases_ar, *entry.weak_aliases_en)]
        entries += [(glued, payload) for name, payload in entries for glued in _glued(name)]
        self._matcher: Matcher[tuple[str, bool]] = Matcher(entries)
        # an acronym ("IS", "UN", "U.S.") names its group only in capitals, and a name
        # written only in capitals ("Southern Front") is a common phrase in small letters
        self._acronyms: dict[str, set[str]] = {}
        spellings: dict[str, list[str]] = {}
        for name, _ in entries:
            spellings.setdefault(normalize_key(name), []).append(name)
            if _is_acronym(name):
                self._acronyms.setdefault(normalize_key(name), set()).add(_letters(name))
        self._proper = frozenset(k for k, names in spellings.items()
                                 if all(_capitalised(n) for n in names))
        # a unit-shaped name that is a reporting outlet's ("تجمع أحرار حوران") is a source
        self._source_names = frozenset(normalize_key(n) for e in gazetteers.sources.values()
                                       for n in (*e.names_ar, *e.names_en))
        self._country_names = frozenset(normalize_key(n) for e in self._entries.values()
                                        for n in e.country_names)
        # the groups an entry belongs to and the names it had or took: what supports a weak name
        self._kin: dict[str, set[str]] = {k: set(self._ancestors(k)) for k in self._entries}
        for key, entry in self._entries.items():
            later = entry.renamed_to
            while later and later in self._entries and later not in self._kin[key]:
                self._kin[key].add(later)
                self._kin[later].add(key)
                later = self._entries[later].renamed_to
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("actors")}
        unknown = {k for r in self._rules.values() for k in r.forces.keys} - set(self._entries)
        if unknown:
            raise PatternError(f"actors.yaml: nationalities name unknown actors {sorted(unknown)}")

    def lookup(self, name: str) -> ActorEntry | None:
        """The curated group whose (strong) name is ``name``."""
        for key, weak in self._matcher.payloads(name):
            if not weak:
                return self._entries[key]
        return None

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        found: list[Mention] = []
        year = _year(doc)
        # the groups a weak name may denote, and the name (its key, as the gazetteer has it)
        senses: dict[tuple[int, int], tuple[list[str], str]] = {}
        matches = [m for m in self._matcher.find(doc.norm)
                   if not doc.in_boilerplate(m.start) and self._as_written(m)]
        listed = self._country_lists(doc, matches)
        for i, m in enumerate(matches):
            if m.key in self._country_names and (
                    i in listed or roles.place_role(doc, m.start, m.end, rules.roles)):
                continue
            if roles.attribute(doc, m.end, rules.roles):
                continue
            keys, weak = self._resolve(m.payloads, year)
            found.append(Mention(m.start, m.end, m.text, keys[0], weak=weak))
            if weak:
                senses[(m.start, m.end)] = keys, m.key
        found = self._with_forces(doc, found, rules)
        new: dict[str, _New] = {}
        parties = [self._party(doc, span.start, span.end, rules) for span in doc.record_parties]
        units = [*parties, *(u for u in find_units(doc, rules.units)
                            if not any(p and p.start < u.end and u.start < p.end
                                       for p in parties))]
        for unit in units:
            if unit is None or any(_within(unit, m) or m.start == unit.start
                                   for m in found if not m.weak):
                continue  # a curated name covers it ("جيش الإسلام") or begins it: the
                # words the shape ran on into are not the name ("غرفة عمليات الفتح المبين صد")
            found = [m for m in found if not _within(m, unit)]
            curated = self.lookup(unit.label)
            if curated is None and normalize_key(unit.label) in self._source_names:
                continue
            if curated is not None:
                found.append(Mention(unit.start, unit.end, doc.text[unit.start:unit.end],
                                     curated.key))
                continue
            key = _unit_key(rules.units.key_name(unit.label))
            entry = new.setdefault(key, _New(unit.label, numbered=unit.numbered))
            if unit.label not in (entry.label, *entry.aliases):
                entry.aliases.append(unit.label)
            found.append(Mention(unit.start, unit.end, doc.text[unit.start:unit.end], key))
        found = [m for m in found if not roles.base(doc, m, rules.roles)]
        found = _defined_abbreviations(doc, found)
        found.sort(key=lambda m: (m.start, -m.end))
        doc.actor_mentions = self._supported(
            doc, rules, _former_names(doc, _non_overlapping(found), rules), senses)
        self._link_parents(doc, new, rules)
        doc.actors = {}
        for mention in doc.actor_mentions:
            self._add(doc, mention, new, rules)
        members = {a for k in doc.actors if k in self._entries and not self._entries[k].generic
                   for a in self._ancestors(k)}
        doc.non_party_actors = {k for k in doc.actors if k in self._entries and (
            self._entries[k].side in rules.non_party_sides
            or (self._entries[k].generic and k in members))}

    def _anaphors(self, mentions: list[Mention], rules: _Rules) -> list[Mention]:
        """"الفصائل الإسلامية", "مقاتلي الفصائل" in a document that names groups of their
        side stand for those groups ("الفصائل الإسلامية المؤلفة من هيئة تحرير الشام..."),
        not for a party of their own: weak mentions."""
        sides = {e.side for m in mentions if not m.weak
                 and (e := self._entries.get(m.key)) is not None and not e.generic}
        return [Mention(m.start, m.end, m.text, m.key, weak=True)
                if not m.weak and (e := self._entries.get(m.key)) is not None and e.generic
                and e.side in sides and roles.anaphoric(m.text, rules.roles) else m
                for m in mentions]

    def _supported(self, doc: Doc, rules: _Rules, mentions: list[Mention],
                   senses: dict[tuple[int, int], tuple[list[str], str]]) -> list[Mention]:
        """A weak name of one organisation ("الوحدات", "النصرة") denotes it only in a
        document that names it, a group it belongs to, one of its units or one of its
        former or later names outright, or right after a member word ("مقاتلي النصرة",
        "عناصر الهيئة"), which also makes it a party of the report; a few stand alone
        (``standalone_weak_names``: "الجيش", "النظام"). One of a collective
        ("الفصائل", "الإرهابيين") stands on its own, and is the party itself where the
        document names nobody else of its side outright (state media naming the rebels
        only "الإرهابيين"), unless it stands in a quotation (another's word: 'زاعمة أنها
        تستهدف "معاقل الإرهابيين"')."""
        mentions = self._anaphors(mentions, rules)
        named = {m.key for m in mentions if not m.weak}
        family = set(named)
        for key in named:
            family |= self._kin.get(key, set())
        sides = {self._entries[k].side for k in named if k in self._entries}
        out: list[Mention] = []
        for i, m in enumerate(mentions):
            if m.weak and out and not out[-1].weak and not doc.text[out[-1].end:m.start].strip():
                continue  # "Daesh terrorists", "Nusra fighters": the group named before it
            after = mentions[i + 1] if i + 1 < len(mentions) else None
            if m.weak and after is not None and not after.weak and \
                    normalize_key(doc.text[m.end:after.start]) in rules.parent_links:
                continue  # "المقاتلين من هيئة تحرير الشام": the members of the group after it
            if m.weak:
                member = roles.after_member_word(doc, m.start, rules.roles)
                keys, name = senses.get((m.start, m.end), ([m.key], ""))
                alone = name in rules.roles.standalone
                key = next((k for k in keys
                            if member or alone or k in family or self._entries[k].generic
                            or not named.isdisjoint(self._kin[k])), None)
                if key is None:
                    continue
                entry = self._entries[key]
                if alone and not member and key not in named and entry.parent in named and doc.language != "en":
                    key, entry = entry.parent, self._entries[entry.parent]  # "الجيش" in a report that
                    # names "قوات النظام" outright: the state's forces it names, one party
                stands_for = entry.generic and entry.side in sides  # the groups named
                party = (member and not (stands_for and roles.anaphoric(m.text, rules.roles))) \
                    or (entry.generic and not stands_for and not roles.in_quotes(doc, m.start))
                m = Mention(m.start, m.end, m.text, key, weak=not party)
            out.append(m)
        return out

    def _ancestors(self, key: str) -> list[str]:
        out: list[str] = []
        while key in self._entries and (parent := self._entries[key].parent) and parent not in out:
            out.append(parent)
            key = parent
        return out

    def _as_written(self, m: Match[tuple[str, bool]]) -> bool:
        """False for an acronym written otherwise than in capitals ("is" for "IS"), and for
        a proper name written all in small letters ("the southern front")."""
        spellings = self._acronyms.get(m.key)
        if spellings is not None:
            return _letters(m.text) in spellings
        return m.key not in self._proper or not m.text.islower()

    def _resolve(self, payloads: tuple[tuple[str, bool], ...],
                 year: int | None) -> tuple[list[str], bool]:
        """The groups a name may denote in a report of ``year``, and whether the name is
        weak: its strong senses active that year, else its weak ones, else any; of several
        active ones, the latest formed first ("Kurdish fighters" in 2019: the SDF)."""
        strong = [key for key, weak in payloads if not weak]
        weak = [key for key, weak in payloads if weak]
        for keys, is_weak in ((strong, False), (weak, True)):
            active = [k for k in keys if year is None or self._active(k, year)]
            if active:
                return sorted(active, key=lambda k: -(self._entries[k].active_from or 0)), is_weak
        return (strong, False) if strong else (weak, True)

    def _active(self, key: str, year: int) -> bool:
        entry = self._entries[key]
        return (entry.active_from or year) <= year <= (entry.active_to or year)

    def _with_forces(self, doc: Doc, found: list[Mention], rules: _Rules) -> list[Mention]:
        """Add the forces named by nationality. A curated name inside the phrase wins: one
        that holds the nationality ("الطيران الحربي الروسي") or names a force of the same
        state ("Iranian Revolutionary Guards officers"), unless it is weak or only the
        country's name ("رتلاً عسكرياً تركياً" holds "تركيا"); one of another state, ending
        before the nationality, is a common phrase read wrongly ("جيش الاحتلال" of "جيش
        الاحتلال التركي")."""
        forces = find_forces(doc, rules.forces)
        if not forces:
            return found
        index = SpanIndex(found)
        dropped: set[tuple[int, int]] = set()
        kept = []
        for force in forces:
            senses = tuple((k, False) for k in force.key.split("|"))  # "a|b": by the year
            force = Mention(force.start, force.end, force.text,
                            self._resolve(senses, _year(doc))[0][0])
            inside = index.overlapping(force.start, force.end)
            if any(not m.weak and normalize_key(m.text) not in self._country_names
                   and (m.end >= force.end or self._state_of(m.key) == self._state_of(force.key))
                   for m in inside):
                continue
            dropped |= {(m.start, m.end) for m in inside}
            start = min([force.start, *(m.start for m in inside)])
            kept.append(Mention(start, force.end, doc.text[start:force.end], force.key))
        return [m for m in found if (m.start, m.end) not in dropped] + kept

    def _country_lists(self, doc: Doc, matches: list[Match[tuple[str, bool]]]) -> set[int]:
        """The countries named in a list of countries ("بضمانة تركيا وروسيا وإيران", "the
        guarantors Russia, Turkey and Iran"): sponsors or addressees, not parties."""
        listed: set[int] = set()
        for i in range(1, len(matches)):
            a, b = matches[i - 1], matches[i]
            if a.key in self._country_names and b.key in self._country_names \
                    and normalize_key(doc.text[a.end:b.start]) in LIST_JOINS:
                listed |= {i - 1, i}
        return listed

    def _state_of(self, key: str) -> str:
        """The outermost group an entry belongs to (a state for its forces)."""
        chain = self._ancestors(key)
        return chain[-1] if chain else key

    def _party(self, doc: Doc, start: int, end: int, rules: _Rules) -> Unit | None:
        label = " ".join(doc.text[start:end].split())
        return Unit(start, end, label, normalize_key(label.split()[0])) if label else None

    def _link_parents(self, doc: Doc, new: dict[str, _New], rules: _Rules) -> None:
        """"كتيبة X من لواء Y", "X التابعة لـY": Y is the group X belongs to."""
        mentions = doc.actor_mentions
        for a, b in itertools.pairwise(mentions):
            if a.key in new and a.key != b.key and new[a.key].parent is None \
                    and b.start - a.end <= PARENT_GAP:
                between = normalize_key(doc.text[a.end:b.start])
                if between in rules.parent_links:
                    new[a.key].parent = b.key

    def _add(self, doc: Doc, mention: Mention, new: dict[str, _New], rules: _Rules) -> None:
        actor = doc.actors.get(mention.key)
        if actor is None:
            actor = self._curated(mention.key) or self._unit(mention.key, new, doc, rules)
            doc.actors[mention.key] = actor
        actor.mentions.append(mention.span)
        if not mention.weak and actor.labels.get(doc.language) is None:
            actor.labels[doc.language] = " ".join(mention.text.split())

    def _curated(self, key: str) -> Actor | None:
        entry = self._entries.get(key)
        return curated_actor(entry) if entry is not None else None

    def _unit(self, key: str, new: dict[str, _New], doc: Doc, rules: _Rules) -> Actor:
        unit = new[key]
        parent = self._entries.get(unit.parent) if unit.parent else None
        parent_new = new.get(unit.parent) if unit.parent else None
        kind = _kind(unit, rules) or (parent.kind if parent else None) or (
            _kind(parent_new, rules) if parent_new else None) or "rebel_group"
        side = SIDE_OF_KIND.get(kind) or (parent.side if parent else None)
        labels: dict[str, str | None] = {"ar": None, "en": None}
        labels[doc.language] = unit.label
        return Actor(key=key, labels=labels, kind=kind, side=side, parent=unit.parent,
                     aliases=list(unit.aliases), curated=False)


def curated_actor(entry: ActorEntry) -> Actor:
    """The Actor of a gazetteer entry, without mentions yet."""
    return Actor(key=entry.key, labels={"ar": entry.name_ar, "en": entry.name_en},
                 kind=entry.kind, side=entry.side, parent=entry.parent,
                 aliases=[*entry.aliases_ar, *entry.aliases_en], curated=True)


def _unit_key(name: str) -> str:
    """The key of a unit no gazetteer lists: its slug, or for a name in Arabic letters the
    hash slugify gives such names, taken over the whole name even when it holds digits
    ("اللواء 52" and "الفوج 52" must not both be "52"): its ASCII digits are written in
    Arabic-Indic ones, which slugify leaves out of the slug."""
    if any("\u0600" <= c <= "\u06ff" for c in name):
        name = name.translate(ARABIC_INDIC)
    return slugify(name)


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _glued(name: str) -> list[str]:
    """An Arabic name of several words as written with a space lost between two of them
    ("الولاياتالمتحدة", "قواتالنظام"), each word at least three letters long."""
    words = name.split()
    if len(words) < 2 or not any("\u0600" <= c <= "\u06ff" for c in name):
        return []
    return [" ".join([*words[:i - 1], words[i - 1] + words[i], *words[i + 1:]])
            for i in range(1, len(words)) if len(words[i - 1]) >= 3 and len(words[i]) >= 3]


PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "ar", "az", "at", "bin", "ibn", "of", "the",
                       "and", "wal", "for", "in", "de", "fi", "min"})


def _capitalised(name: str) -> bool:
    """A Latin name whose every word but the particles begins with a capital."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in PARTICLES]
    return bool(words) and all(w[0].isupper() for w in words if w[0].isalpha()) \
        and any(w[0].isalpha() and w[0].isascii() for w in words)


def _is_acronym(name: str) -> bool:
    return " " not in name and not any(c.islower() for c in name) \
        and sum(c.isupper() for c in name) >= 2


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _year(doc: Doc) -> int | None:
    return report_year(doc)


def _kind(unit: _New, rules: _Rules) -> str | None:
    words = f" {normalize_key(unit.label)} "
    if unit.numbered or any(f" {w} " in words for w in rules.state_words):
        return "state_force"
    if any(f" {w} " in words for w in rules.militia_words):
        return "militia"
    if any(f" {w} " in words for w in rules.jihadist_words):
        return "jihadist_group"
    return None


def _within(inner: Unit | Mention, outer: Unit | Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _former_names(doc: Doc, mentions: list[Mention], rules: _Rules) -> list[Mention]:
    """"هيئة تحرير الشام (النصرة سابقاً)": a former name is a mention of the group before it."""
    out = list(mentions)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        opening = doc.text[a.end:b.start].strip()
        closing = doc.text[b.end:doc.text.find(")", b.end) if ")" in doc.text[b.end:b.end + 20]
                           else b.end]
        if opening == "(" and normalize_key(closing) in rules.former:
            out[i] = Mention(b.start, b.end, b.text, a.key, a.weak)
    return out


def _defined_abbreviations(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"The Southern Operations Room (SOR) ... the SOR seized": an acronym the text defines
    in parentheses right after a group's name names that group wherever it stands later,
    whatever else the gazetteer gives it."""
    defined: list[Mention] = []
    for m in mentions:
        if m.weak:
            continue
        found = DEFINED_ACRONYM.match(doc.text, m.end)
        if found is None or not _is_acronym(found.group(1)):
            continue
        acronym = found.group(1)
        later = re.compile(rf"(?<![\w.]){re.escape(acronym)}(?![\w])")
        defined += [Mention(use.start(), use.end(), acronym, m.key)
                    for use in later.finditer(doc.text, found.end())]
    if not defined:
        return mentions
    index = SpanIndex(defined)
    return [m for m in mentions if not index.overlapping(m.start, m.end)] + defined


DEFINED_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9.&-]{1,9})\s*\)")


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            if (m.end - m.start) > (out[-1].end - out[-1].start):
                out[-1] = m
            continue
        out.append(m)
    return out
