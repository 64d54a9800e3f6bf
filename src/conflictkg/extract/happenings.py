"""Which tellings are one happening: retellings of an episode across sentences, and the
days of an archive record (one episode a dated paragraph, one for each place taken).
"""

from __future__ import annotations

from conflictkg.extract.doc import Doc, Sentence
from conflictkg.extract.model import Event


def record_days(doc: Doc, episodes: list[tuple[Event, Sentence]], towns: set[str],
                 ) -> list[tuple[Event, Sentence]]:
    """An archive record tells a day of fighting in a dated paragraph: each place taken,
    left or besieged there (``towns``: the keys of those events) is a happening of its
    own, and the rest of what it tells that day (clashes, shelling, raids) is the fighting
    of the first of those when there is one ("اقتحم الجيش الحر محطة القطارات في حي القدم
    ... في حين دارت اشتباكات على جبهة أوتوستراد درعا"), else one episode."""
    days: dict[tuple[int, str], list[tuple[Event, Sentence]]] = {}
    out: list[tuple[Event, Sentence]] = []
    for event, sentence in episodes:
        if event.start:
            days.setdefault((sentence.paragraph, event.start), []).append((event, sentence))
        else:
            out.append((event, sentence))
    for told in days.values():
        taken = [(e, s) for e, s in told if e.key in towns]
        rest = [(e, s) for e, s in told if e.key not in towns]
        into = (taken or rest)[0][0]
        for event, _ in rest:
            if event is not into:
                into.places = list(dict.fromkeys([*into.places, *event.places]))
                into.actors = list(dict.fromkeys([*into.actors, *event.actors]))
        out += taken or rest[:1]
    return sorted(out, key=lambda p: p[0].evidence.start)


def merge(episodes: list[tuple[Event, Sentence]]) -> list[tuple[Event, list[Sentence]]]:
    """Tellings of one happening make one event: the same kind at the same place, on the
    same day or one date within the other ("2020-02" and "2020-02-05"), or told with no
    date at all ("the fighting centred around X"); an episode with no place of its own
    joins the one of the same day it follows."""
    out: list[tuple[Event, list[Sentence]]] = []
    for event, sentence in episodes:
        for other, sentences in out:
            if same_happening(other, event):
                other.places = list(dict.fromkeys([*other.places, *event.places]))
                other.actors = list(dict.fromkeys([*other.actors, *event.actors]))
                if event.start and (not other.start or len(event.start) > len(other.start)):
                    other.start, other.end = event.start, event.end
                sentences.append(sentence)
                break
        else:
            out.append((event, [sentence]))
    return out


def same_happening(a: Event, b: Event) -> bool:
    """Whether ``b`` tells again what ``a`` told: with no place, on the same day; else of
    the same kind, at its places or some of them (a capture of "مدينة إزرع" is not one of
    "إزرع والشيخ مسكين" merged into one), on the same day or one date within the other."""
    if not b.places:
        return bool(a.start) and a.start == b.start
    if a.kind != b.kind or not (set(a.places) <= set(b.places) or set(b.places) <= set(a.places)):
        return False
    if not a.start or not b.start:
        return True
    return a.start.startswith(b.start) or b.start.startswith(a.start)
