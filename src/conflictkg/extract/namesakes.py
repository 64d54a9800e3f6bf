"""Which of several places a name denotes, and whether anything vouches for it at all.

A name is a candidate with the gazetteer entries that bear it. The document's places
that are not in doubt (strong names of one location) are anchors; a namesake near them
(or in the governorate they name) is supported. A name with one entry and something
vouching for it (a head noun, a city's prominence, several words) stands; a village
name nothing supports is dropped, since it is likely a common word or a namesake
elsewhere. Once context has settled a name, it keeps that sense in the document.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from conflictkg.extract.matcher import Match
from conflictkg.reference.gazetteers import PlaceEntry

STRONG_PROMINENCE = 45  # quarters of Damascus, towns, districts and above
CITY_PROMINENCE = 80  # a community this prominent is a city: a bare name means it
NEAR_KM = 40.0  # a place this close to another of the document supports it
CLUSTER_KM = 15.0  # namesakes this close are one place at different levels
FAR_KM = 80.0  # a place this far from a governorate's centre is no place of its edge


@dataclass
class Candidate:
    match: Match[str]
    entries: list[PlaceEntry]
    levels: tuple[str, ...] | None  # what a head noun before the name allows
    admin1: frozenset[str] = frozenset()  # governorates that context names
    chosen: PlaceEntry | None = None
    listed: bool = False  # a record's field says it is a place
    elsewhere: bool = False  # every entry lies far from the governorates context names
    taken: bool = False  # a verb of taking a place has it for its object ("entered Tafas")

    @property
    def multiword(self) -> bool:
        return " " in self.match.key


def far_from(c: Candidate, governorates: list[PlaceEntry]) -> bool:
    """Whether no entry of a name lies in, or near, the governorates its context names (a
    village at a governorate's edge is often said to be in its neighbour's countryside)."""
    return bool(governorates) and not any(e.admin1 in c.admin1 for e in c.entries) and not any(
        near_governorate(e, g) for e in c.entries for g in governorates)


def near_governorate(entry: PlaceEntry, governorate: PlaceEntry) -> bool:
    return entry.admin1 == governorate.key or _distance(entry, governorate) <= FAR_KM


def _distance(a: PlaceEntry, b: PlaceEntry) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return 0.0 if a.admin1 and a.admin1 == b.admin1 else math.inf
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def _strong(c: Candidate) -> bool:
    return c.levels is not None or c.multiword or any(
        e.prominence >= STRONG_PROMINENCE for e in c.entries)


class Anchors:
    """Places of the document that are not in doubt (strong names of one location), and
    how many other mentions name a place near a given one."""

    def __init__(self, candidates: list[Candidate]) -> None:
        self.own: dict[int, str] = {}  # candidate index -> the anchor it is
        self.counts: Counter[str] = Counter()
        self.entries: dict[str, PlaceEntry] = {}
        self._near: dict[tuple[str, str], bool] = {}
        self._support: dict[tuple[str, str | None], int] = {}
        for i, c in enumerate(candidates):
            entries = _allowed(c)
            capital = _governorate_and_capital(entries)
            if _strong(c) and (capital or all(_distance(entries[0], e) <= CLUSTER_KM
                                              for e in entries)):
                anchor = max((e for e in entries if not capital or e.level != "governorate"),
                             key=lambda e: e.prominence)
                self.own[i] = anchor.key
                self.counts[anchor.key] += 1
                self.entries[anchor.key] = anchor

    def others(self, i: int) -> int:
        return sum(self.counts.values()) - (1 if i in self.own else 0)

    def support(self, entry: PlaceEntry, i: int) -> int:
        """How many mentions other than the i-th name a place near ``entry``."""
        own = self.own.get(i)
        found = self._support.get((entry.key, own))  # a name comes back, with its namesakes
        if found is None:
            found = self._support[entry.key, own] = sum(
                others for key, count in self.counts.items()
                if (others := count - (key == own)) and self._is_near(entry, key))
        return found

    def _is_near(self, entry: PlaceEntry, key: str) -> bool:
        """Near on the map; a governorate is near every place in it (its centroid may be
        far from its capital)."""
        pair = (entry.key, key)
        if pair not in self._near:
            anchor = self.entries[key]
            wide = "governorate" in (entry.level, anchor.level)
            self._near[pair] = (entry.admin1 == anchor.admin1) if wide and entry.admin1 \
                else _distance(entry, anchor) <= NEAR_KM
        return self._near[pair]


def _governorate_and_capital(entries: list[PlaceEntry]) -> bool:
    """"حلب": a governorate and places in it of its name (its capital, its district): the
    capital, as an anchor, supports the places near it."""
    levels = {e.level == "governorate" for e in entries}
    return levels == {True, False} and len({e.admin1 for e in entries}) == 1


def _allowed(c: Candidate) -> list[PlaceEntry]:
    entries = c.entries
    if c.levels and "any" not in c.levels:
        entries = [e for e in entries if e.level in c.levels] or entries
    if c.admin1:
        entries = [e for e in entries if e.admin1 in c.admin1] or entries
    return entries


def choose(c: Candidate, anchors: Anchors, i: int) -> PlaceEntry | None:
    """The namesake the clues favour, or None when nothing vouches for the name."""
    entries = _allowed(c)
    if c.elsewhere and all(e.prominence < STRONG_PROMINENCE for e in entries):
        return None  # "al-Jubaila ... neighborhoods of Deir ez-Zor": a namesake it lacks
    if len(entries) == 1 and (c.levels is not None or (
            (_strong(c) or c.listed or c.taken) and not c.multiword)):
        return entries[0]  # one place of that name, and something vouches for it
    explicit = bool(c.admin1) and any(e.admin1 in c.admin1 for e in entries)

    supports: dict[int, int] = {}

    def rank(e: PlaceEntry) -> tuple[int, int, int]:
        level = c.levels.index(e.level) if c.levels and e.level in c.levels else 9
        city = 20 if e.level == "community" and e.prominence >= CITY_PROMINENCE else 0
        supports[id(e)] = anchors.support(e, i)
        return (supports[id(e)], -level, e.prominence + city)

    best = max(entries, key=rank)
    support = supports[id(best)]
    if explicit or support or c.listed:
        return best
    if c.levels is not None or c.multiword:
        # a qualified village far from every other place of the document is a namesake
        return best if not anchors.others(i) or best.prominence >= STRONG_PROMINENCE else None
    return best if best.prominence >= STRONG_PROMINENCE else None


def one_sense(candidates: list[Candidate]) -> None:
    """One name, one place in a document: a mention whose context settled which namesake
    it is (a governorate beside it, a head noun) decides for the others."""
    decided: dict[str, PlaceEntry] = {}
    for c in candidates:
        if c.chosen is not None and (c.admin1 or c.levels) and c.match.key not in decided:
            decided[c.match.key] = c.chosen
    for c in candidates:
        settled = decided.get(c.match.key)
        if c.chosen is not None and settled is not None and c.chosen.key != settled.key \
                and settled in c.entries and not c.admin1:
            c.chosen = settled


def near_siblings(c: Candidate, siblings: list[PlaceEntry]) -> PlaceEntry | None:
    """"السيطرة على كل من أم جلال والخريبة والربيعة": the namesake of a name nothing vouched
    for that lies near the most places of its list, if one does and no other as many."""
    if not siblings or c.elsewhere:
        return None
    counts = sorted(((sum(_distance(e, s) <= NEAR_KM for s in siblings), e) for e in _allowed(c)),
                    key=lambda pair: -pair[0])
    if not counts or counts[0][0] == 0 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]

