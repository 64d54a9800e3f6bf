"""Whether two reported events tell of one happening: each piece of evidence scored and kept.

Two reports are never one happening when (a veto, whatever else agrees):

- they come from one document (a document tells each happening once), unless they are
  one telling's facets (:func:`facets`: the capture of a town, the assault on it and the
  fighting there, on one day);
- their kinds may not describe one happening (``ckg:compatibleKind`` in the ontology:
  a capture and the battle for the place may, two airstrikes always may, an airstrike
  and a capture may not);
- the ranges of days they allow, each at its own precision, do not overlap, unless both
  give the same battle name within ``NAME_DAYS`` (a named battle lasts weeks);
- both name places and none of one's is the same as, inside, around or near one of the
  other's (two towns of one name in two governorates, two towns struck the same day);
- both give a name and the names differ.

Otherwise the score is a weighted sum of the evidence, each weight times a strength in
[0, 1], plus two bonuses; it is capped at 1:

    places  0.35  how well the two sets of places cover each other (below)
    dates   0.30  1 the same day; 0.7 ranges within a week; 0.5 a month; 0.3 wider
    kinds   0.20  1 the same kind; 0.5 compatible kinds
    actors  0.15  1 a group both name (0.5 when it is a whole side or coalition, with
                  groups part of it: the government forces take part in half the war);
                  0.7 a unit one names and its group the other does
    name   +0.25  the same battle or operation name
    revision +0.25  the two documents are versions of one page

A place and another are the same (1; a site stands for its town, 0.9), one inside the
other by the admin chain (the outer place's level says how much: a city 0.8, a
governorate 0.4), or near (towns within ``NEAR_KM``: 0.6). A place the gazetteer lacks
(found in the text, put in the district or governorate the sentence names) is known only
as that wider place: it may be any town there, so it neither matches nor rules out one.
A district or subdistrict named after its seat town is that town (``SAME_TOWN``). A
region known by name alone (no admin chain, no point: "North and East Syria") is left out
of a comparison unless both reports name it. A report that names towns,
quarters or sites is compared by those (the governorate it also names is background):
two reports of different towns differ, whatever governorate they share; a report that
names only a wider place ("the Hama countryside") is compared by it. Reports name
several places (where it happened, and where the attackers came from), so the place
strength is the mean, both ways, of each place's best relation to the other report's
places: a report of the same town scores high, one that shares only one of several low. A report joins
an incident when its score against one of the incident's reports reaches
``LINK_THRESHOLD`` and no report of the incident vetoes it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from conflictkg.geo import haversine_m
from conflictkg.linking.model import Actor, Match, Place, Reason, Report
from conflictkg.reference.kinds import Kinds

WEIGHTS = {"places": 0.35, "dates": 0.30, "kinds": 0.20, "actors": 0.15}
NAME_BONUS = 0.25
REVISION_BONUS = 0.25
LINK_THRESHOLD = 0.6
NEAR_KM = 3.0
NAME_DAYS = 60
# How much "one inside the other" says, by the level of the outer place.
WITHIN = {"neighbourhood": 0.9, "site": 0.9, "community": 0.8, "subdistrict": 0.6,
          "district": 0.5, "governorate": 0.4, "country": 0.2}
WITHIN_UNKNOWN = 0.3
SAME_TOWN = 0.9
SAME_WIDE = 0.6  # the least two reports naming one district or governorate share
NEAR = 0.6
BROAD = 0.5  # a side both reports name (the government forces) says less than a unit would
SPECIFIC = {"community", "neighbourhood", "site"}  # a town, a quarter, a named site
SEATED = {"district", "subdistrict"}  # levels named after their seat town
ASSAULT_DAYS = 7  # at most this many days of fighting before a capture or withdrawal (ckg:endsFighting)


@dataclass(frozen=True)
class Known:
    """What comparing reports needs besides them: places, groups, kinds, revisions."""

    places: Mapping[str, Place]
    actors: Mapping[str, Actor]
    kinds: Kinds
    revisions: Callable[[str, str], bool]  # whether two documents are versions of one page


def compare(a: Report, b: Report, known: Known) -> Match | None:
    """The evidence that ``b`` tells of what ``a`` does, or None when something rules it out."""
    if a.document == b.document or not known.kinds.may_be_one(a.kind, b.kind):
        return None
    if a.name_key and b.name_key and a.name_key != b.name_key:
        return None
    same_name = bool(a.name_key) and a.name_key == b.name_key
    dates = _dates(a, b, same_name)
    places = _places(a, b, known.places)
    if dates is None or places is None:
        return None
    reasons = [r for r in (places, dates, _kinds(a, b), _actors(a, b, known.actors)) if r]
    if same_name:
        reasons.append(Reason("same_name", NAME_BONUS, a.name or ""))
    if known.revisions(a.document, b.document):
        reasons.append(Reason("revision", REVISION_BONUS, "versions of one page"))
    score = min(1.0, sum(r.score for r in reasons))
    return Match(other=a.iri, score=round(score, 3), reasons=reasons)


def _assault(outcome: Report, fighting: Report, ending: frozenset[str]) -> bool:
    """Whether ``fighting`` is days of fighting that ended on the day of ``outcome``, an
    event of a type that ends a fight (``ending``: a capture, a withdrawal; "took Abu Dali
    after two days of fighting")."""
    return (outcome.kind in ending and outcome.span == 1 and fighting.kind not in ending
            and fighting.span is not None and 1 < fighting.span <= ASSAULT_DAYS
            and fighting.last == outcome.first)


def facets(a: Report, b: Report, known: Known) -> Match | None:
    """The evidence that two events of one document are facets of one happening, or None.

    A report often tells one happening as several events: "the forces took the town after
    an assault, and fighting went on there all day" is read as a capture, an assault and
    clashes. They are one happening when they fall on one and the same day, or are days of
    fighting that ended on the day a town was taken or left ("took the town after two days
    of fighting"), at the same towns, quarters or sites (the governorate is background),
    with kinds that may be one, neither an episode of the other, and no two different
    names; ACLED codes one event per place, day and kind in the same way. Anything looser
    (a week, a district, two towns, fighting that went on after the fall) stays apart: in
    one document those are most often two happenings.
    """
    if a.document != b.document or not known.kinds.may_be_one(a.kind, b.kind):
        return None
    ending = known.kinds.ends_fighting
    if not (a.span == 1 and b.span == 1 and a.first == b.first) and not _assault(a, b, ending) \
            and not _assault(b, a, ending):
        return None
    if a.parent == b.iri or b.parent == a.iri or (a.name_key and b.name_key and a.name_key != b.name_key):
        return None
    mine, theirs = _focus(a, known.places), _focus(b, known.places)
    towns = {known.places.get(p.town, p).iri for p in mine}
    if not towns or towns != {known.places.get(p.town, p).iri for p in theirs} or any(
            known.places.get(p.town, p).level not in SPECIFIC for p in mine + theirs):
        return None
    where = ", ".join(sorted(p.label for p in mine))
    return Match(other=a.iri, score=1.0,
                 reasons=[Reason("same_telling", 1.0, f"one document's {a.kind} and {b.kind} at {where} "
                                                      f"on {_day(a.first)}")])  # type: ignore[arg-type]


def _dates(a: Report, b: Report, same_name: bool) -> Reason | bool | None:
    """The date evidence; None rules the pair out, False says nothing."""
    if a.first is None or a.last is None or b.first is None or b.last is None:
        return None
    if max(a.first, b.first) > min(a.last, b.last):
        gap = max(a.first, b.first) - min(a.last, b.last)
        return False if same_name and gap <= NAME_DAYS else None
    wider = max(a.span or 1, b.span or 1)
    if wider == 1:
        return Reason("same_day", WEIGHTS["dates"], _day(a.first))
    strength = 0.7 if wider <= 7 else 0.5 if wider <= 31 else 0.3
    note = f"{_day(max(a.first, b.first))} to {_day(min(a.last, b.last))}"
    return Reason("dates_overlap", round(WEIGHTS["dates"] * strength, 3), note)


def _day(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def _kinds(a: Report, b: Report) -> Reason:
    if a.kind == b.kind:
        return Reason("same_kind", WEIGHTS["kinds"], a.kind)
    return Reason("compatible_kind", round(WEIGHTS["kinds"] * 0.5, 3), f"{a.kind} ~ {b.kind}")


def relation(p: Place, q: Place, places: Mapping[str, Place]) -> tuple[float, str, str]:
    """How two places relate: (strength, reason kind, note); strength 0 when they do not.

    A site, or a place the gazetteer lacks, is compared by the place it stands for.
    """
    if p.iri == q.iri:  # a governorate both name says no more than a town in it would
        return (1.0 if p.level in SPECIFIC or p.level is None else max(_within(p), SAME_WIDE),
                "same_place", p.label)
    tp, tq = places.get(p.town, p), places.get(q.town, q)
    if tp.iri == tq.iri:
        if tp.level in SPECIFIC:
            return SAME_TOWN, "same_place", f"{p.label} ~ {q.label}"
        return _within(tp), "place_within", f"{p.label} ~ {q.label}, both in {tp.label}"
    for inner, outer in ((tp, tq), (tq, tp)):
        if outer.iri in inner.chain:
            if _seat(inner, outer):
                return SAME_TOWN, "same_place", f"{inner.label} ~ {outer.label}"
            return _within(outer), "place_within", f"{inner.label} in {outer.label}"
    near = tp.level in SPECIFIC and tq.level in SPECIFIC and tp.point and tq.point
    if near and haversine_m(*tp.point, *tq.point) <= NEAR_KM * 1000:  # type: ignore[misc]
        return NEAR, "place_near", f"{tp.label} near {tq.label}"
    return 0.0, "", ""


def _seat(inner: Place, outer: Place) -> bool:
    """Whether ``outer`` is a district or subdistrict named after ``inner``, the town it
    lies in: a report's "Atareb" read as the subdistrict is the town that gives it its name."""
    return (outer.level in SEATED and inner.level == "community"
            and _name(inner.label) == _name(outer.label))


def _name(label: str) -> str:
    return "".join(ch for ch in label.casefold() if ch.isalnum())


def _within(outer: Place) -> float:
    return WITHIN.get(outer.level or "", WITHIN_UNKNOWN)


def _places(a: Report, b: Report, places: Mapping[str, Place]) -> Reason | bool | None:
    """The place evidence; None rules the pair out, False says nothing (a side names none)."""
    mine, theirs = _focus(a, places, b), _focus(b, places, a)
    if not mine or not theirs:
        return False
    table = [[relation(p, q, places) for q in theirs] for p in mine]
    best = max((r for row in table for r in row), key=lambda r: r[0])
    if best[0] == 0:
        return None
    one_way = sum(max(r[0] for r in row) for row in table) / len(mine)
    other_way = sum(max(row[j][0] for row in table) for j in range(len(theirs))) / len(theirs)
    strength = (one_way + other_way) / 2
    return Reason(best[1], round(WEIGHTS["places"] * strength, 3), best[2])


def _focus(report: Report, places: Mapping[str, Place], other: Report | None = None) -> list[Place]:
    """The places a report is compared by: those that stand for towns, quarters or sites
    when it names any (a governorate it also names is the background), else all. Compared
    with ``other``, a region known by its name alone (no admin chain, no point: "North and
    East Syria") is left out unless both name it: it may hold any place, so it neither
    matches nor rules out another."""
    named = [places[p] for p in report.places if p in places]
    if other is not None:
        named = [p for p in named if p.chain or p.point or p.iri in other.places]
    specific = [p for p in named if places.get(p.town, p).level in SPECIFIC]
    return specific or named


def _actors(a: Report, b: Report, actors: Mapping[str, Actor]) -> Reason | None:
    shared = sorted(set(a.actors) & set(b.actors), key=lambda x: (_broad(actors, x), x))
    if shared:
        strength = BROAD if _broad(actors, shared[0]) else 1.0
        return Reason("shared_actor", round(WEIGHTS["actors"] * strength, 3), _label(actors, shared[0]))
    for x in a.actors:
        for y in b.actors:
            chain_x = actors[x].chain if x in actors else ()
            chain_y = actors[y].chain if y in actors else ()
            if y in chain_x or x in chain_y:
                return Reason("related_actor", round(WEIGHTS["actors"] * 0.7, 3),
                              f"{_label(actors, x)} ~ {_label(actors, y)}")
    return None


def _broad(actors: Mapping[str, Actor], iri: str) -> bool:
    return iri in actors and actors[iri].broad


def _label(actors: Mapping[str, Actor], iri: str) -> str:
    return actors[iri].label if iri in actors else iri.rsplit("/", 1)[-1]
