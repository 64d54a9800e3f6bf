"""Exports and aggregates for analysts, on the sample corpus as ``conflictkg demo`` serves it:
the events table as CSV (read back with pandas and with the csv module), its agreement with
the JSON list on the same filters, /api/v1/stats, dates at any precision, claims by date,
and ``conflictkg export --format csv``."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pandas
import pytest

from conflictkg.config import Settings
from conflictkg.server.api.table import COLUMNS

from .conftest import serve

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(corpus_store: Settings) -> Iterator[httpx.Client]:
    with serve(Settings(store=corpus_store.store, query_workers=2)) as server, server.client() as c:
        yield c


def every_event(client: httpx.Client, **params: str) -> list[dict]:
    """The JSON list followed to its end."""
    items, url = [], "/api/v1/events"
    query: dict[str, str] | None = {**params, "limit": "7"}
    while url:
        page = client.get(url, params=query)
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        url, query = page.json()["links"]["next"], None
    return items


def csv_rows(client: httpx.Client, **params: str) -> list[dict[str, str]]:
    response = client.get("/api/v1/events", params={**params, "format": "csv"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.parametrize("filters", [{}, {"kind": "battle"}, {"from": "2017", "to": "2018-03"},
                                     {"place": "Damascus"}, {"actor": "syrian-government-forces"}])
def test_the_csv_rows_agree_with_the_json_list(client: httpx.Client, filters: dict[str, str]) -> None:
    rows, items = csv_rows(client, **filters), every_event(client, **filters)
    assert rows and [r["iri"] for r in rows] == [e["id"] for e in items]
    for r, e in zip(rows, items, strict=True):
        assert r["event_date"] == (e["start"] or "") and r["kind"] == e["kind"]
        assert r["date_precision"] == (e["date_precision"] or "")
        assert r["admin1_pcode"] == (e["admin1"]["key"] if e["admin1"] else "")
        assert r["event_type"] == (e["acled_event_type"] or "")
        figures = e["fatalities"]
        assert r["fatalities"] == (str(figures["conservative"]) if figures else "")
        assert r["fatalities_best"] == (str(figures["best"]) if figures else "")
        place = e["places"][0] if e["places"] else None
        assert r["latitude"] == (str(place["lat"]) if place and place["lat"] is not None else "")


def test_the_csv_opens_with_pandas_and_holds_acled_like_columns(client: httpx.Client) -> None:
    response = client.get("/api/v1/events", params={"format": "csv"})
    frame = pandas.read_csv(io.BytesIO(response.content))
    assert tuple(frame.columns) == COLUMNS
    assert len(frame) == len(every_event(client)) >= 20
    for column in ("event_date", "event_type", "actor1", "admin1", "admin2", "admin3", "latitude",
                   "longitude", "geo_precision", "fatalities", "sources", "quote"):
        assert frame[column].notna().any(), column
    assert set(frame["date_precision"].dropna()) <= {"day", "month", "year"}
    assert (frame["admin1_pcode"].dropna().str.match(r"^SY\d{2}$")).all()


def test_a_revised_toll_gives_low_best_high_and_the_conservative_figure(client: httpx.Client) -> None:
    """al-Qadam, March 2018: SOHR's 36 dead, revised to 62; the 36 stays as a deprecated claim."""
    (qadam,) = [e for e in every_event(client, **{"from": "2018-03", "to": "2018-03"}) if e["kind"] == "attack"]
    assert qadam["fatalities"] == {"low": 36, "best": 62, "high": 62, "conservative": 62, "claims": 2}


def test_stats_count_what_the_list_holds(client: httpx.Client) -> None:
    for filters in ({}, {"from": "2017"}, {"kind": "battle"}):
        stats = client.get("/api/v1/stats", params=filters).json()
        items = every_event(client, **filters)
        assert stats["events"] == len(items)
        assert stats["fatalities"] == sum(e["fatalities"]["conservative"] for e in items if e["fatalities"])
        assert sum(c["events"] for c in stats["by_kind"]) == len(items)
        assert sum(c["events"] for c in stats["by_governorate"]) == len(items)
        months = [c["key"] for c in stats["by_month"]]
        assert months == sorted(months)
    everything = client.get("/api/v1/stats").json()
    damascus = next(c for c in everything["by_governorate"] if c["key"].endswith("/SY01"))
    assert damascus["ref"]["labels"]["en"] == "Damascus" and damascus["events"] >= 5
    regime = next(c for c in everything["by_group"] if c["key"].endswith("/syrian-government-forces"))
    assert regime["fatalities"] > 0
    assert any(c["key"].endswith("/sohr") for c in everything["by_source"])


@pytest.mark.parametrize(("value", "ok"), [("2019", True), ("2019-07", True), ("2019-07-04", True),
                                           ("2019-13", False), ("2019-02-30", False), ("19", False)])
def test_dates_at_any_precision(client: httpx.Client, value: str, ok: bool) -> None:
    for path in ("/api/v1/events", "/api/v1/claims", "/api/v1/stats"):
        response = client.get(path, params={"from": value})
        assert (response.status_code == 200) is ok, (path, response.text)
        if not ok:
            assert response.json()["detail"][0]["loc"] == ["query", "from"]


def test_a_year_or_month_means_all_of_it(client: httpx.Client) -> None:
    year = every_event(client, **{"from": "2017", "to": "2017"})
    days = every_event(client, **{"from": "2017-01-01", "to": "2017-12-31"})
    assert year == days and year
    assert all(e["start"].startswith("2017") for e in year)


def test_claims_filter_by_date(client: httpx.Client) -> None:
    march = client.get("/api/v1/claims", params={"from": "2018-03", "to": "2018-03", "limit": 100}).json()["items"]
    assert march and all(c["event"] is None or "c6e51e28a965c351" in c["event"] for c in march)
    assert any(c["count"] == 62 for c in march)
    everything = client.get("/api/v1/claims", params={"limit": 1000}).json()["items"]
    assert len(march) < len(everything)


def test_the_command_line_writes_the_same_table(client: httpx.Client, corpus_store: Settings,
                                                tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    done = subprocess.run([Path(sys.executable).with_name("conflictkg"), "export", str(target), "--format",
                           "csv", "--store", str(corpus_store.store), "--from", "2017"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    written = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert written == csv_rows(client, **{"from": "2017"})
