"""What a SPARQL query will cost, guessed before it runs: the lane it waits in.

The endpoint's workers take queries in lanes (:class:`Lanes`), so that a cheap query
never waits behind heavy ones: heavy queries may hold at most a third of the workers,
heavy and medium ones together all but one, and cheap ones any. The lane comes from two
looks at the query:

* a static one, at the tokens of the one reading the server already makes of every
  request (:mod:`conflictkg.sparqltext`): what makes Oxigraph visit much of the
  store or hold it (aggregates and GROUP BY, ORDER BY, DISTINCT, property paths with
  ``+`` or ``*``, a pattern of three variables, text filters, OPTIONAL), against what
  bounds it (a small LIMIT with nothing that needs every solution first);
* what queries of the same shape cost before: the same tokens with strings, numbers
  and the digits in IRIs blanked, so that "events at place 7" and "at place 42" are one
  shape. Once a shape has been seen, the CPU time its queries took in their worker (a
  moving average; it does not grow with the machine's load as wall time does) decides.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections import Counter, OrderedDict
from dataclasses import dataclass

from conflictkg.sparqltext import Reading

CHEAP, MEDIUM, HEAVY = "cheap", "medium", "heavy"
LANES = (CHEAP, MEDIUM, HEAVY)
CHEAP_SECONDS = 0.05  # a shape whose queries took less CPU time than this is cheap
HEAVY_SECONDS = 0.5  # and this much or more, heavy
SMALL_LIMIT = 1000
SHAPES_KEPT = 4096
_DIGITS = re.compile(r"[0-9]+")
_AGGREGATES = frozenset({"count", "sum", "avg", "min", "max", "group_concat", "sample"})
_TEXT_FILTERS = frozenset({"regex", "contains", "strstarts", "strends", "lcase", "ucase", "replace"})


@dataclass(frozen=True)
class Estimate:
    shape: str  # what queries of the same shape share
    points: int  # the static look: 0 is a lookup, more is more of the store

    @property
    def lane(self) -> str:
        return CHEAP if self.points < 4 else MEDIUM if self.points < 9 else HEAVY


def estimate(reading: Reading) -> Estimate:
    """The static look at a query's tokens, and its shape."""
    kinds, n = reading.kinds, len(reading.kinds)
    words = Counter()
    shape_parts: list[str] = []
    points, paths, all_variables = 0, 0, 0
    for i in range(n):
        kind, value = kinds[i], reading.value(i)
        if kind == "word":
            words[value.lower()] += 1
        if kind in ("string", "number", "langtag"):
            shape_parts.append(kind)
        elif kind in ("iri", "pname"):
            shape_parts.append(_DIGITS.sub("0", value))
        else:
            shape_parts.append(value)
        if value in ("+", "*") and i > 0 and i + 1 < n and kinds[i - 1] in ("iri", "pname") \
                and kinds[i + 1] in ("var", "iri", "pname", "bnode"):
            paths += 1
        if kind == "var" and i + 2 < n and kinds[i + 1] == "var" and kinds[i + 2] == "var":
            all_variables += 1
    grouped = words["group"] + sum(words[a] for a in _AGGREGATES)
    ordered = words["order"]
    points += 4 * min(grouped, 2) + 4 * ordered + 2 * words["distinct"] + 8 * paths
    points += 8 * all_variables + 2 * sum(words[f] for f in _TEXT_FILTERS) + words["optional"]
    points += words["union"] + words["minus"] + 2 * words["exists"]
    points += sum(1 for k, v in zip(kinds, (reading.value(i) for i in range(n)), strict=True)
                  if k == "other" and v in (".", ";")) // 3
    limit = _limit(reading)
    bounded = words["ask"] or (limit is not None and limit <= SMALL_LIMIT)  # ASK: one solution
    if bounded and not (grouped or ordered or words["distinct"]):
        points //= 3
    shape = hashlib.blake2b(" ".join(shape_parts).encode(), digest_size=12).hexdigest()
    return Estimate(shape, points)


def _limit(reading: Reading) -> int | None:
    for i in range(len(reading.kinds) - 1, 0, -1):
        if reading.kinds[i] == "number" and reading.is_word(i - 1, "limit"):
            try:
                return int(reading.value(i))
            except ValueError:
                return None
    return None


class History:
    """CPU seconds that queries of each shape took (a moving average), the most recent shapes."""

    def __init__(self, kept: int = SHAPES_KEPT) -> None:
        self.kept = kept
        self.seconds: OrderedDict[str, float] = OrderedDict()

    def lane(self, guess: Estimate) -> str:
        took = self.seconds.get(guess.shape)
        if took is None:
            return guess.lane
        self.seconds.move_to_end(guess.shape)
        return CHEAP if took < CHEAP_SECONDS else MEDIUM if took < HEAVY_SECONDS else HEAVY

    def record(self, shape: str, seconds: float) -> None:
        before = self.seconds.get(shape)
        self.seconds[shape] = seconds if before is None else 0.7 * before + 0.3 * seconds
        self.seconds.move_to_end(shape)
        while len(self.seconds) > self.kept:
            self.seconds.popitem(last=False)


class Lanes:
    """The endpoint's workers, shared by lane: heavy queries may hold a third of them (at
    least one), heavy and medium together all but one (when there are two or more), and
    cheap ones any. A query waits its turn at most ``wait`` seconds (TimeoutError).

    Refusing a heavy query after a short wait wastes the capacity that cheap and medium
    queries leave: so a heavy query that finds fewer than ``patient_heavy`` heavy queries
    already waiting may wait up to ``patient_wait`` instead (the query timeout), and, when
    ``borrow`` is on, heavy queries may take the costly lanes' places beyond their third
    while no medium query waits for one (the worker kept for cheap queries stays theirs)."""

    def __init__(self, workers: int, patient_heavy: int = 0, borrow: bool = False) -> None:
        self.workers = max(1, workers)
        self.heavy_cap = max(1, self.workers // 3)
        self.costly_cap = max(1, self.workers - 1)
        self.patient_heavy = max(0, patient_heavy)
        self.borrow = borrow
        self.busy: Counter[str] = Counter()
        self.waiting: Counter[str] = Counter()
        self._changed = asyncio.Condition()

    def _free_for(self, lane: str) -> bool:
        if sum(self.busy.values()) >= self.workers:
            return False
        if lane == CHEAP:
            return True
        if self.busy[HEAVY] + self.busy[MEDIUM] >= self.costly_cap:
            return False
        return lane == MEDIUM or self.busy[HEAVY] < self.heavy_cap or (
            self.borrow and not self.waiting[MEDIUM])

    async def acquire(self, lane: str, wait: float, patient_wait: float = 0.0) -> None:
        if lane == HEAVY and self.waiting[HEAVY] < self.patient_heavy:
            wait = max(wait, patient_wait)
        async with self._changed:
            self.waiting[lane] += 1
            try:
                await asyncio.wait_for(self._changed.wait_for(lambda: self._free_for(lane)), wait)
                self.busy[lane] += 1
            finally:
                self.waiting[lane] -= 1
                if lane == MEDIUM and self.borrow:  # heavy queries may borrow again
                    self._changed.notify_all()

    async def release(self, lane: str) -> None:
        async with self._changed:
            self.busy[lane] -= 1
            self._changed.notify_all()
