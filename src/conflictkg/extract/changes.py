"""Captures as events: a capture with its own date that no event tells of.

The event readers look for a trigger and its place in one clause; a control claim finds
places they do not reach (a relative clause, "which they took from IS on Oct. 16", a
clause of time, "a week after IS captured the town on May 14", a state since a month).
A capture dated where it is told is a happening of its own, so a place that such a claim
names and no event holds on that day (nor a capture of the claim's own sentence) gets a
capture event, with the claim's evidence, day and party, and the claim tells of it (the
fighting told over the month at the same place, "معارك ... أبرزها في بلدة X التي سيطرت
عليها قوات النظام في الثامن من أيار", stays beside it). The date must stand by the
change (in the last words of its evidence or just after it): a date that belongs to the
sentence's main verb ("أحرقت القوات اليوم المنازل في البلدة التي سيطرت عليها") dates no
capture told in passing.
Withdrawals, entries and sieges are left to the event readers: measured, events made of
them were more often episodes the reports tell in passing than happenings of their own.
"""

from __future__ import annotations

from typing import ClassVar

from conflictkg.extract.doc import Doc
from conflictkg.extract.model import ControlClaim, Event
from conflictkg.extract.patterns import Patterns
from conflictkg.reference.gazetteers import Gazetteers

DATE_BEFORE = 5  # last words of a claim's evidence in which its date may stand
DATE_AFTER = 8  # words after it, in its sentence, in which its date may stand


class ChangeEvents:
    """Adds to ``events`` the dated captures of places no event holds on their day."""

    name: ClassVar[str] = "changes"
    requires: ClassVar[tuple[str, ...]] = ("events", "control_claims", "dates")
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        pass

    def __call__(self, doc: Doc) -> None:
        placed = {(p, e.start) for e in doc.events for p in e.places}
        told = {(p, _sentence_start(doc, e.evidence.start)) for e in doc.events for p in e.places
                if e.kind == "capture"}  # the readers told this capture, on a day of their own
        keys = {e.key for e in doc.events}
        for claim in doc.control_claims:
            if claim.stance != "asserted" or not claim.start or (claim.place, claim.start) in placed \
                    or (claim.place, _sentence_start(doc, claim.evidence.start)) in told \
                    or claim.change != "captured" or not _dated_by_it(doc, claim):
                continue  # a denial tells of no happening; an undated one of no day
            key = f"{claim.evidence.start}-{claim.evidence.end}"
            while key in keys:
                key += "-c"
            keys.add(key)
            placed.add((claim.place, claim.start))
            claim.event = key
            doc.events.append(Event(key=key, kind="capture", evidence=claim.evidence,
                                    start=claim.start, places=[claim.place],
                                    actors=[claim.actor] if claim.actor else []))


def _sentence_start(doc: Doc, offset: int) -> int:
    sentence = doc.sentence_at(offset)
    return sentence.start if sentence is not None else offset


def _dated_by_it(doc: Doc, claim: ControlClaim) -> bool:
    """Whether a date of the claim's year stands by the change it tells."""
    inside = doc.tokens_between(claim.evidence.start, claim.evidence.end)
    begin = inside[-DATE_BEFORE].start if len(inside) >= DATE_BEFORE else claim.evidence.start
    after = doc.tokens_after(claim.evidence.end, DATE_AFTER)
    end = after[-1].end if after else claim.evidence.end
    sentence = doc.sentence_at(claim.evidence.start)
    if sentence is not None:
        end = min(end, sentence.end)
    return any(begin <= d.span.start < end and d.value.startswith(claim.start[:4])
               for d in doc.dates)
