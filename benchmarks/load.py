"""A bounded asyncio load client: ``clients`` requests in flight for ``seconds``, on loopback.

Each client sends its next request as soon as the last is answered (a closed loop, as wrk
and locust do), over keep-alive connections of one ``httpx.AsyncClient``; every request is
built by the caller (``make``), which says its class (say cheap, medium, heavy). The run
stops by itself at the deadline or after ``max_requests``; what was answered is recorded
per request: class, status, seconds, whether a 503 carried Retry-After, and why it was
refused (the endpoint's message says whether the query waited too long for a worker, ran
past its time, or met the flood guard).
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import httpx

MAX_REQUESTS = 1_000_000


@dataclass(frozen=True)
class Request:
    kind: str
    method: str
    url: str
    content: bytes | None = None
    headers: dict[str, str] | None = None
    params: dict[str, str] | None = None


@dataclass(frozen=True)
class Outcome:
    kind: str
    status: int  # 0: no answer (a transport error or the client's own timeout)
    seconds: float
    retry_after: bool
    refusal: str = ""  # of a 503: "wait", "timeout", "flood" or "other"


# The beginnings of the endpoint's 503 messages (server/engine.py), by cause.
REFUSALS = {"wait": ("the endpoint's query workers", "every query worker stayed busy"),
            "timeout": ("the query ran longer", "the update ran longer"),
            "flood": ("too many queries at once",)}


def refusal(body: bytes) -> str:
    """The cause of a 503 by its message: the benchmark tells a wait that ran out from a
    query stopped at its time limit."""
    text = body.decode("utf-8", "replace").lstrip()
    for cause, starts in REFUSALS.items():
        if any(start in text[:200] for start in starts):
            return cause
    return "other"


def run(make: Callable[[random.Random], Request], *, clients: int, seconds: float, seed: int = 1,
        timeout: float = 120.0, max_requests: int = MAX_REQUESTS) -> tuple[list[Outcome], float]:
    """(what each request got, the seconds the run took)."""
    return asyncio.run(_run(make, clients, seconds, seed, timeout, max_requests))


async def _run(make: Callable[[random.Random], Request], clients: int, seconds: float, seed: int,
               timeout: float, max_requests: int) -> tuple[list[Outcome], float]:
    outcomes: list[Outcome] = []
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(index: int, http: httpx.AsyncClient) -> None:
        rng = random.Random(seed * 1000 + index)
        while time.monotonic() < deadline and len(outcomes) < max_requests:
            request = make(rng)
            started = time.perf_counter()
            try:
                response = await http.request(request.method, request.url, content=request.content,
                                              headers=request.headers, params=request.params)
                await response.aread()
                status, retry = response.status_code, "retry-after" in response.headers
                why = refusal(response.content) if status == 503 else ""
            except httpx.HTTPError:
                status, retry, why = 0, False, ""
            outcomes.append(Outcome(request.kind, status, time.perf_counter() - started, retry, why))

    started = time.monotonic()
    async with httpx.AsyncClient(timeout=timeout, limits=limits) as http:
        await asyncio.gather(*(client(i, http) for i in range(clients)))
    return outcomes, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


@dataclass(frozen=True)
class Summary:
    good_per_second: float  # 2xx answers a second
    p50: dict[str, float]  # seconds, of the good answers of each class
    p95: dict[str, float]
    refused: dict[str, int]  # 503s by class
    refused_without_retry_after: int
    refused_by_cause: dict[str, int]  # 503s by what the endpoint said
    failed: int  # any other status, or none


def summarize(outcomes: list[Outcome], took: float) -> Summary:
    kinds = sorted({o.kind for o in outcomes})
    good = [o for o in outcomes if 200 <= o.status < 300]
    return Summary(
        good_per_second=len(good) / took if took else 0.0,
        p50={k: percentile([o.seconds for o in good if o.kind == k], 0.5) for k in kinds},
        p95={k: percentile([o.seconds for o in good if o.kind == k], 0.95) for k in kinds},
        refused={k: sum(1 for o in outcomes if o.kind == k and o.status == 503) for k in kinds},
        refused_without_retry_after=sum(1 for o in outcomes if o.status == 503 and not o.retry_after),
        refused_by_cause=dict(Counter(o.refusal for o in outcomes if o.status == 503)),
        failed=sum(1 for o in outcomes if not (200 <= o.status < 300 or o.status == 503)),
    )
