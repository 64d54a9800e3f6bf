"""Armed groups named in the text: curated groups, and units found by their shape.

A curated group carries the kind and side its gazetteer entry gives; a unit found by
pattern ("كتيبة البراء بن مالك") gets a key from its normalised name, so the same unit
has the same key in every document, a kind from the words of its name or from the
group the text says it belongs to ("كتيبة X من لواء Y", "التابعة لـ"), and rebel
otherwise. All mentions of one group, under any of its names, make one Actor.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import ClassVar

from conflictkg.extract.doc import Doc, Mention
from conflictkg.extract.matcher import Matcher
from conflictkg.extract.model import Actor
from conflictkg.extract.normalize import normalize_key
from conflictkg.extract.patterns import Patterns
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


class ActorFinder:
    """Fills ``actor_mentions`` and ``actors`` from the gazetteer, unit patterns and records."""

    name: ClassVar[str] = "actors"
    requires: ClassVar[tuple[str, ...]] = ("tokens", "sentences", "record_parties")
    assigns: ClassVar[tuple[str, ...]] = ("actor_mentions", "actors", "collective_actors")

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        self._entries = gazetteers.actors
        entries: list[tuple[str, tuple[str, bool]]] = []
        for entry in gazetteers.actors.values():
            entries += [(name, (entry.key, False)) for name in (*entry.names_ar, *entry.names_en)]
            entries += [(name, (entry.key, True)) for name in entry.weak_aliases_ar]
        self._matcher: Matcher[tuple[str, bool]] = Matcher(entries)
        self._rules = {lang: _Rules(patterns, lang) for lang in patterns.languages("actors")}

    def lookup(self, name: str) -> ActorEntry | None:
        """The curated group whose (strong) name is ``name``."""
        for key, weak in self._matcher.payloads(name):
            if not weak:
                return self._entries[key]
        return None

    def __call__(self, doc: Doc) -> None:
        rules = self._rules.get(doc.language) or self._rules["ar"]
        found: list[Mention] = []
        for m in self._matcher.find(doc.norm):
            if doc.in_boilerplate(m.start):
                continue
            strong = [key for key, weak in m.payloads if not weak]
            key = strong[0] if strong else m.payloads[0][0]
            found.append(Mention(m.start, m.end, m.text, key, weak=not strong))
        new: dict[str, _New] = {}
        parties = [self._party(doc, span.start, span.end, rules) for span in doc.record_parties]
        units = [*parties, *(u for u in find_units(doc, rules.units)
                            if not any(p and p.start < u.end and u.start < p.end
                                       for p in parties))]
        for unit in units:
            if unit is None or any(_within(unit, m) for m in found if not m.weak):
                continue  # a curated name covers it ("جيش الإسلام")
            found = [m for m in found if not _within(m, unit)]
            curated = self.lookup(unit.label)
            if curated is not None:
                found.append(Mention(unit.start, unit.end, doc.text[unit.start:unit.end],
                                     curated.key))
                continue
            key = slugify(rules.units.key_name(unit.label))
            entry = new.setdefault(key, _New(unit.label, numbered=unit.numbered))
            if unit.label not in (entry.label, *entry.aliases):
                entry.aliases.append(unit.label)
            found.append(Mention(unit.start, unit.end, doc.text[unit.start:unit.end], key))
        found.sort(key=lambda m: (m.start, -m.end))
        doc.actor_mentions = _former_names(doc, _non_overlapping(found), rules)
        self._link_parents(doc, new, rules)
        doc.actors = {}
        for mention in doc.actor_mentions:
            self._add(doc, mention, new, rules)
        doc.collective_actors = {k for k in doc.actors
                                 if k in self._entries and self._entries[k].generic}

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


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            if (m.end - m.start) > (out[-1].end - out[-1].start):
                out[-1] = m
            continue
        out.append(m)
    return out
