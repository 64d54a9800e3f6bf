"""Captures as events: a dated capture no event tells of.

The event readers look for a trigger and its place in one clause; a control claim finds
places they do not reach (a relative clause, "which was taken from IS on Oct. 16", a list
after a pronoun, "سيطرت عليها، ومن بينها …"). A capture with its day is a happening of
its own, so a place that such a claim names and no event holds gets a capture event, with
the claim's evidence, day and party, and the claim tells of it. Withdrawals, entries and
sieges are left to the event readers: measured, events made of them were more often
episodes the reports tell in passing than happenings of their own.
"""

from __future__ import annotations

from typing import ClassVar

from conflictkg.extract.doc import Doc
from conflictkg.extract.model import Event
from conflictkg.extract.patterns import Patterns
from conflictkg.reference.gazetteers import Gazetteers


class ChangeEvents:
    """Adds to ``events`` the dated captures of places no event holds."""

    name: ClassVar[str] = "changes"
    requires: ClassVar[tuple[str, ...]] = ("events", "control_claims")
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, gazetteers: Gazetteers, patterns: Patterns) -> None:
        pass

    def __call__(self, doc: Doc) -> None:
        placed = {p for e in doc.events for p in e.places}
        keys = {e.key for e in doc.events}
        for claim in doc.control_claims:
            if claim.stance != "asserted" or not claim.start or claim.place in placed \
                    or claim.change != "captured":
                continue  # a denial tells of no happening; an undated one of no day
            key = f"{claim.evidence.start}-{claim.evidence.end}"
            while key in keys:
                key += "-c"
            keys.add(key)
            placed.add(claim.place)
            claim.event = key
            doc.events.append(Event(key=key, kind="capture", evidence=claim.evidence,
                                    start=claim.start, places=[claim.place],
                                    actors=[claim.actor] if claim.actor else []))
