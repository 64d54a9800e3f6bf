"""How the tolls of one report relate: breakdowns, chains, restatements and revisions.

The casualty reader finds counts sentence by sentence; this module says which of them
are parts of a total ("47 قتيلاً، بينهم 29 من قوات النظام"), which step of a chain
revises the one before ("ارتفع إلى 40 ثم إلى 57"), which state again a toll already
told (a headline, a quote), and which new toll supersedes an earlier one ("حصيلة جديدة"
after "حصيلة سابقة").
"""

from __future__ import annotations

from dataclasses import dataclass

from conflictkg.extract.doc import Doc, Token, clitic_forms
from conflictkg.extract.model import CasualtyClaim

CHAIN_GAP = 6  # tokens between two steps of a chain ("إلى 40 ثم إلى 57", "من 80 إلى 120")


@dataclass
class Count:
    """A count of victims found in a sentence: its phrase, its number and what it counts."""

    start: int  # the claim's phrase: count, victims and whose
    end: int
    count: int
    qualifier: str
    outcome: str
    category: str | None
    victim: str | None
    count_start: int = -1  # the number itself
    count_end: int = -1


def relate(doc: Doc, made: list[tuple[Count, CasualtyClaim]], parts: list, chains: list,
           parts_after: frozenset[str]) -> None:
    """Parts and chains among the counts of one sentence, in text order.

    A count after a part marker ("بينهم", "including") or followed by one ("20 منهم",
    "29 of them") is a part of the nearest total before it that is larger; counts joined
    to a part ("و18 من الهيئة") are parts of the same total. A count after a chain word
    ("ثم", "then", "before rising to") revises the larger-to-be count before it.
    """
    if len(made) < 2:
        return
    text = doc.text
    total: CasualtyClaim | None = None
    parts_sum = 0
    for i, (found, claim) in enumerate(made):
        if i == 0:
            total = claim
            continue
        previous_found, previous = made[i - 1]
        gap = (previous_found.count_end, found.count_start)
        marked = any(gap[0] <= m.start and m.end <= gap[1] for m in parts)
        marked = marked or marks_part(doc.tokens_after(found.count_end, 2), parts_after)
        joined = previous.part_of is not None and _joined(text[previous_found.end:found.start])
        chained = any(gap[0] <= m.start and m.end <= gap[1] for m in chains) and len(
            doc.tokens_between(*gap)) <= CHAIN_GAP
        if chained and claim.count > previous.count and claim.outcome == previous.outcome:
            claim.supersedes = claim.supersedes or previous.key
            total = claim
        elif (marked or joined) and total is not None and claim.outcome == total.outcome \
                and claim.count < total.count and parts_sum + claim.count <= total.count:
            claim.part_of = total.key
            parts_sum += claim.count
            if claim.event is None:
                claim.event = total.event
        elif not joined:
            total, parts_sum = claim, 0


def marks_part(following: list[Token], parts_after: frozenset[str]) -> bool:
    """Whether the words right after a count make it a part of a toll ("20 منهم", "29 of
    them"): a marker as the first word, or the two words together."""
    return bool(following) and (not parts_after.isdisjoint(clitic_forms(following[0].key))
                                or " ".join(t.key for t in following) in parts_after)


def _joined(gap: str) -> bool:
    """Whether two counts are coordinated: only "و", a comma or "and" between the first's
    phrase and the second number."""
    words = gap.replace("،", " ").replace(",", " ").split()
    return all(w in ("و", "and", "a", "an") for w in words)  # "a child and a woman"


def fold_repeats(doc: Doc, claims: list[tuple[CasualtyClaim, str | None]],
                  ) -> list[tuple[CasualtyClaim, str | None]]:
    """One claim for a toll a report states more than once (its headline, its lead, a
    quote): the same count, outcome and source, with no victims or event that tell the
    two apart. The claim keeps the span of its first statement in the body of the text,
    and lists every statement in ``mentions``."""
    kept: list[tuple[CasualtyClaim, str | None]] = []
    folded: dict[str, str] = {}  # the key of a claim folded into another -> that one's key
    for claim, toll in claims:
        same = next((k for k in kept if _restates(k[0], claim, folded if _in_heading(doc, k[0]) else {})
                     and not _new_incident(doc, k[0], claim)), None)
        if same is None:
            kept.append((claim, toll))
            continue
        first, first_toll = same
        heading = doc.sentence_at(first.evidence.start)
        if heading is not None and heading.heading:  # the body's statement stands for both
            claim.mentions = [*first.mentions, *claim.mentions] or [first.evidence, claim.evidence]
            claim.qualifier = claim.qualifier if claim.qualifier != "exact" else first.qualifier
            kept[kept.index(same)] = (claim, toll or first_toll)
            folded[first.key] = claim.key
        else:
            first.mentions = [*(first.mentions or [first.evidence]), claim.evidence]
            if first.qualifier == "exact":
                first.qualifier = claim.qualifier
            kept[kept.index(same)] = (first, first_toll or toll)
            folded[claim.key] = first.key
    for claim, _ in kept:
        claim.mentions.sort()
        # a part of a restatement ("43 had died, among them five children") is a part of the
        # toll kept for it; a revision of one revises it
        claim.part_of = _kept_key(claim.part_of, folded)
        claim.supersedes = _kept_key(claim.supersedes, folded)
    return kept


def _kept_key(key: str | None, folded: dict[str, str]) -> str | None:
    while key in folded:
        key = folded[key]
    return key


def _new_incident(doc: Doc, a: CasualtyClaim, b: CasualtyClaim) -> bool:
    """Whether ``b`` is told in a sentence that dates it to a day ``a``'s sentence does not
    name ("On July 15, a bomb killed 2 civilians", "بتاريخ 20 نيسان قُتل مدنيان"): an
    incident of that day, not a restatement of a toll told before (unless that was a
    heading, which the body restates with its details)."""
    first = doc.sentence_at(a.evidence.start)
    second = doc.sentence_at(b.evidence.start)
    if first is None or second is None or first is second or first.heading:
        return False
    dates = doc.dates_overlapping(second.start, second.end)
    if not dates:
        return False
    told = {d.value for d in doc.dates_overlapping(first.start, first.end)}
    return not any(d.value in told for d in dates)


def _restates(a: CasualtyClaim, b: CasualtyClaim, folded: dict[str, str]) -> bool:
    """Whether ``b`` says again what ``a`` says (an unqualified count may restate a
    qualified one: "62" after "at least 62"); a headline's part restates the body's part
    of the same toll ("373 Civilians Killed, Including 95 Children", then the lead)."""
    return (a.count == b.count and a.outcome == b.outcome
            and _same_source(a, b)
            and (a.qualifier == b.qualifier or "exact" in (a.qualifier, b.qualifier))
            and _compatible(a.victim_actor, b.victim_actor) and _compatible(a.event, b.event)
            and _compatible(a.victim_category, b.victim_category)
            and _same_total(a.part_of, b.part_of, folded))


def _same_total(a: str | None, b: str | None, folded: dict[str, str]) -> bool:
    """Two totals, or parts of a headline's toll and of the body's statement of it
    (``folded`` is empty but for a headline's parts)."""
    if a is None or b is None:
        return a is None and b is None
    return a != b and _kept_key(a, folded) == _kept_key(b, folded)


def _in_heading(doc: Doc, claim: CasualtyClaim) -> bool:
    sentence = doc.sentence_at(claim.evidence.start)
    return sentence is not None and sentence.heading


def _same_source(a: CasualtyClaim, b: CasualtyClaim) -> bool:
    """The same source, by key, or by a name that has no key whose words the other's
    name holds ("SDF says it killed 41" and "The Syrian Democratic Forces (SDF) said")."""
    x, y = a.attributed_to, b.attributed_to
    if x.source or y.source:
        return x.source == y.source
    wx, wy = _label_words(x.label), _label_words(y.label)
    return wx == wy or bool(wx and wy and (wx <= wy or wy <= wx))


def _label_words(label: str | None) -> frozenset[str]:
    return frozenset("".join(c if c.isalnum() else " " for c in (label or "").lower()).split())


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def supersede(claims: list[tuple[CasualtyClaim, str | None]]) -> None:
    """A new toll supersedes an earlier, smaller one of the same outcome.

    Both count the same dead: a toll told with no event of its own ("أشار في حصيلة
    سابقة الى مقتل 36") is about the event of the toll it revises or is revised by.
    """
    old = [c for c, toll in claims if toll == "old"]
    for claim, toll in claims:
        if toll != "new":
            continue
        earlier = [o for o in old if o.outcome == claim.outcome and o.count < claim.count]
        if earlier:
            claim.supersedes = earlier[0].key
            if earlier[0].event is None:
                earlier[0].event = claim.event
    for claim, _ in claims:
        if claim.supersedes and claim.event is None:
            claim.event = next(c.event for c, _ in claims if c.key == claim.supersedes)
