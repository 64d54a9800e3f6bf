"""Lanes by guessed cost: the static look at a query, its shape, the correction by what
the shape took before, and the lanes' shares of the workers."""

from __future__ import annotations

import asyncio

import pytest

from conflictkg import sparqltext
from conflictkg.server import cost

EVENT = "SELECT ?p ?o WHERE { <https://conflictkg.org/id/event/doc77-e2> ?p ?o }"
TOP = ("SELECT ?s (COUNT(?c) AS ?n) WHERE { ?c <http://www.w3.org/ns/prov#wasAttributedTo> ?s } "
       "GROUP BY ?s ORDER BY DESC(?n) LIMIT 10")


def guess(query: str) -> cost.Estimate:
    return cost.estimate(sparqltext.read(query, max_length=1 << 20, max_depth=1000))


@pytest.mark.parametrize(("query", "lane"), [
    (EVENT, cost.CHEAP),
    ('SELECT ?e WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> "place 7"@en . '
     "?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace> ?p }", cost.CHEAP),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 10", cost.CHEAP),
    ("ASK { ?s ?p ?o }", cost.CHEAP),
    ("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", cost.HEAVY),
    (TOP, cost.HEAVY),
    ("PREFIX s: <https://schema.org/> SELECT ?x WHERE { ?x s:containedInPlace+ ?y FILTER(regex(?y, 'a')) }",
     cost.HEAVY),
    ("SELECT ?e ?d WHERE { ?e <urn:p> ?d FILTER(?d > 3) } ORDER BY ?d", cost.MEDIUM),
])
def test_the_static_look_puts_lookups_in_the_cheap_lane_and_scans_in_the_heavy_one(query, lane):
    assert guess(query).lane == lane


def test_a_shape_is_the_query_but_its_constants_and_comments():
    assert guess(EVENT).shape == guess(EVENT.replace("doc77-e2", "doc5-e0") + "\n# run 12").shape
    assert guess('SELECT ?e WHERE { ?e <urn:l> "place 7" }').shape == \
        guess('SELECT ?e WHERE { ?e <urn:l> "place 42" }').shape
    assert guess(EVENT).shape != guess(EVENT.replace("?p ?o", "<urn:p> ?o")).shape


def test_what_a_shape_took_before_decides_its_lane():
    history = cost.History(kept=2)
    cheap_looking = guess(EVENT)
    assert history.lane(cheap_looking) == cost.CHEAP
    history.record(cheap_looking.shape, 3.0)
    assert history.lane(cheap_looking) == cost.HEAVY
    heavy_looking = guess(TOP)
    history.record(heavy_looking.shape, 0.001)
    assert history.lane(heavy_looking) == cost.CHEAP
    history.record("another", 0.2)
    history.record("and another", 0.2)  # only the two most recent shapes are kept
    assert history.lane(heavy_looking) == cost.HEAVY


def test_costly_lanes_leave_a_worker_to_cheap_queries_and_waits_are_bounded():
    async def run() -> None:
        lanes = cost.Lanes(3)
        await lanes.acquire(cost.HEAVY, 1)
        with pytest.raises(TimeoutError):  # a third of three: one heavy at a time
            await lanes.acquire(cost.HEAVY, 0.05)
        await lanes.acquire(cost.MEDIUM, 1)
        with pytest.raises(TimeoutError):  # costly ones hold all but one
            await lanes.acquire(cost.MEDIUM, 0.05)
        await lanes.acquire(cost.CHEAP, 1)
        with pytest.raises(TimeoutError):  # every worker busy
            await lanes.acquire(cost.CHEAP, 0.05)
        waiting = asyncio.create_task(lanes.acquire(cost.MEDIUM, 5))
        await asyncio.sleep(0)
        await lanes.release(cost.HEAVY)
        await waiting  # a freed place goes to a query waiting for it
        assert lanes.busy == {cost.HEAVY: 0, cost.MEDIUM: 2, cost.CHEAP: 1}

    asyncio.run(run())


def test_heavy_queries_wait_longer_while_few_wait_and_borrow_idle_costly_places():
    async def run() -> None:
        lanes = cost.Lanes(4, patient_heavy=1, borrow=True)  # heavy cap 1, costly cap 3
        await lanes.acquire(cost.HEAVY, 1)
        await lanes.acquire(cost.HEAVY, 0.05)  # no medium query waits: a heavy one borrows
        await lanes.acquire(cost.MEDIUM, 1)
        patient = asyncio.create_task(lanes.acquire(cost.HEAVY, 0.05, patient_wait=5))
        await asyncio.sleep(0.1)
        with pytest.raises(TimeoutError):  # one heavy query waits already: the usual bound
            await lanes.acquire(cost.HEAVY, 0.05, patient_wait=5)
        assert not patient.done()  # the first waits on, past queue_wait
        await lanes.release(cost.MEDIUM)
        await patient
        assert (lanes.busy[cost.HEAVY], lanes.busy[cost.MEDIUM]) == (3, 0)

    asyncio.run(run())


def test_heavy_queries_do_not_borrow_while_a_medium_query_waits():
    async def run() -> None:
        lanes = cost.Lanes(4, borrow=True)
        await lanes.acquire(cost.HEAVY, 1)
        await lanes.acquire(cost.MEDIUM, 1)
        await lanes.acquire(cost.MEDIUM, 1)
        medium = asyncio.create_task(lanes.acquire(cost.MEDIUM, 5))
        await asyncio.sleep(0)
        heavy = asyncio.create_task(lanes.acquire(cost.HEAVY, 5))
        await asyncio.sleep(0)
        await lanes.release(cost.MEDIUM)
        await medium  # the freed costly place goes to the medium query, not the heavy one
        assert not heavy.done()
        heavy.cancel()

    asyncio.run(run())
