"""Which tellings are one happening: retellings of an episode across sentences, and the
days of an archive record (one episode a dated paragraph, one for each place taken).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from conflictkg.extract.doc import Doc, Sentence
from conflictkg.extract.model import Event

PLACE_KINDS = ("capture", "withdrawal", "siege")  # a place taken, left or besieged


def record_days(doc: Doc, episodes: list[tuple[Event, Sentence]], towns: set[str],
                 ) -> list[tuple[Event, Sentence]]:
    """An archive record tells a day of fighting in a dated paragraph: each place taken,
    left or besieged there (``towns``: the keys of those events) is a happening of its
    own, and so, one for each kind, are the places taken, left or besieged there that
    no gazetteer knows (checkpoints, posts: "سيطروا على حاجزي الصوامع والمداجن");
    the rest of what it tells that day (clashes, shelling, raids) is the fighting of the
    first of those when there is one ("اقتحم الجيش الحر محطة القطارات في حي القدم ...
    في حين دارت اشتباكات على جبهة أوتوستراد درعا"), else one episode."""
    days: dict[tuple[int, str], list[tuple[Event, Sentence]]] = {}
    out: list[tuple[Event, Sentence]] = []
    for event, sentence in episodes:
        if event.start:
            days.setdefault((sentence.paragraph, event.start), []).append((event, sentence))
        else:
            out.append((event, sentence))
    for told in days.values():
        taken: list[tuple[Event, Sentence]] = []
        for event, sentence in told:  # one happening a town a day: taken, then besieged;
            if event.key not in towns:  # its defenders' withdrawal is another
                continue
            same = next((e for e, _ in taken if not set(e.places).isdisjoint(event.places)
                         and (e.kind == "withdrawal") == (event.kind == "withdrawal")), None)
            if same is None:
                taken.append((event, sentence))
            else:
                same.places = list(dict.fromkeys([*same.places, *event.places]))
        rest = [(e, s) for e, s in told if e.key not in towns]
        into = (taken or rest)[0][0]
        kept: list[tuple[Event, Sentence]] = []
        for event, sentence in rest:
            if event is into:
                continue
            # a place taken, left or besieged that no gazetteer knows (checkpoints, posts)
            # is a happening of that day of its own, one for each kind
            same = into if event.kind not in PLACE_KINDS else next(
                (e for e, _ in kept if e.kind == event.kind), None)
            if same is None:
                kept.append((event, sentence))
                continue
            same.places = list(dict.fromkeys([*same.places, *event.places]))
            same.actors = list(dict.fromkeys([*same.actors, *event.actors]))
        out += (taken or rest[:1]) + kept
    return sorted(out, key=lambda p: p[0].evidence.start)


@dataclass(frozen=True)
class Redating:
    """A sentence that names an event already told by a word referring back to it and
    gives its day ("ووقعت المجزرة ... يوم 19 من نيسان", "the massacre took place on")."""

    kind: str
    day: str
    sentence: Sentence


def redate(episodes: list[tuple[Event, list[Sentence]]], redatings: list[Redating],
           around: Callable[[str], set[str]]) -> list[tuple[Event, list[Sentence]]]:
    """The last event of the referred kind told before a re-dating sentence, in its
    paragraph or the one before, takes the day that sentence gives; what that sentence
    tells at the same places, or at none of its own, is that event again. ``around(key)``: the place and the
    places that hold it."""
    for r in redatings:
        told = [(e, s) for e, s in episodes if e.kind == r.kind and s[0].start < r.sentence.start
                and r.sentence.paragraph - s[0].paragraph <= 1]
        if not told:
            continue
        event, sentences = told[-1]
        event.start, event.end = r.day, None
        near = {k for key in event.places for k in around(key)}
        again = [(e, s) for e, s in episodes if e is not event and s[0] is r.sentence
                 and set(e.places) <= near]
        for other, said in again:
            event.places = list(dict.fromkeys([*event.places, *other.places]))
            sentences += said
        episodes = [(e, s) for e, s in episodes if all(e is not o for o, _ in again)]
    return episodes


def merge(episodes: list[tuple[Event, Sentence]],
          holds: Callable[[str, str], bool] = lambda a, b: False,
          ) -> list[tuple[Event, list[Sentence]]]:
    """Tellings of one happening make one event: the same kind at the same place, on the
    same day or one date within the other ("2020-02" and "2020-02-05"), or told with no
    date at all ("the fighting centred around X"); an episode with no place of its own
    joins the one of its kind that day it follows, else the first of that day; one told only by the area that holds the
    places of another of the same kind and day is that one again ("بدء عملية عسكرية في
    درعا" after the assault on Daraa al-Balad). ``holds(a, b)``: whether place ``a``
    holds place ``b``."""
    out: list[tuple[Event, list[Sentence]]] = []
    for event, sentence in episodes:
        matches = [(o, s) for o, s in out if same_happening(o, event) or coarser(o, event, holds)]
        # a telling with no place joins the happening of its kind that day, if there is one
        told = next(((o, s) for o, s in matches if o.kind == event.kind), None) \
            if not event.places else None
        if told is None and matches:
            told = matches[0]
        if told is None:
            out.append((event, [sentence]))
            continue
        other, sentences = told
        other.places = list(dict.fromkeys([*other.places, *event.places]))
        other.actors = list(dict.fromkeys([*other.actors, *event.actors]))
        if event.start and (not other.start or len(event.start) > len(other.start)):
            other.start, other.end = event.start, event.end
        sentences.append(sentence)
    return out


def same_happening(a: Event, b: Event) -> bool:
    """Whether ``b`` tells again what ``a`` told: with no place, on the same day; else of
    the same kind, at its places or some of them (a capture of "مدينة إزرع" is not one of
    "إزرع والشيخ مسكين" merged into one) or in the same town first named (a town taken,
    with the facilities or the setting each telling names), on the same day or one date
    within the other."""
    if not b.places:
        return bool(a.start) and a.start == b.start
    if a.kind != b.kind or not (set(a.places) <= set(b.places) or set(b.places) <= set(a.places)
                                or (a.places and b.places and a.places[0] == b.places[0])):
        return False
    if not a.start or not b.start:
        return True
    return a.start.startswith(b.start) or b.start.startswith(a.start)


def coarser(a: Event, b: Event, holds: Callable[[str, str], bool]) -> bool:
    """Whether one of two tellings of the same kind and day names only areas that hold
    the places of the other."""
    if a.kind != b.kind or not a.start or a.start != b.start or not a.places or not b.places:
        return False
    return all(any(holds(x, y) for y in a.places) for x in b.places) or all(
        any(holds(x, y) for y in b.places) for x in a.places)


def share_sides(episodes: list[tuple[Event, list[Sentence]]], scoped: set[str]) -> None:
    """The two sides of one change of hands happen on one day: a capture and a withdrawal
    at the same place, one dated by its own sentence and the other only by its paragraph
    or lead ("سيطرت مساء أمس على جرجناز ... وانسحبت الفصائل من جرجناز نحو تلمنس"), or
    not at all, take the day of the one that is dated."""
    sides = ("capture", "withdrawal")
    own = [e for e, _ in episodes if e.kind in sides and e.start and e.key not in scoped]
    for event, _ in episodes:
        if event.kind not in sides or (event.start and event.key not in scoped):
            continue
        other = next((o for o in own if o.kind != event.kind
                      and not set(o.places).isdisjoint(event.places)), None)
        if other is not None:
            event.start, event.end = other.start, other.end


def same_day(a: Event, b: Event) -> bool:
    """Whether two tellings may be one happening by their dates: either undated, or one
    date within the other ("2019-10" and "2019-10-09"): a named operation a sentence
    measures a later deed against ("أول غارة منذ عملية “نبع السلام” في تشرين الأول 2019")
    on a day of its own is not that deed."""
    return not a.start or not b.start or a.start.startswith(b.start) or b.start.startswith(a.start)
