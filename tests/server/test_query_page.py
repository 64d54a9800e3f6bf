"""The query page, served by the real server on loopback: its HTML, then in headless Chromium.

The browser tests need /usr/bin/chromium (Debian package ``chromium``) and the PyPI
package ``playwright`` (its driver only; the browser is the system one), and skip
without them. The screenshot is kept in pytest's temporary folder
(``query-page.png``) for a person to look at.
"""

from __future__ import annotations

import base64
import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from markupsafe import escape
from pyoxigraph import RdfFormat

from conflictkg import store
from conflictkg.config import Settings
from conflictkg.reference import load_bundle

CHROMIUM = Path("/usr/bin/chromium")
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample-graph.trig"
ARABIC = re.compile(r"[\u0600-\u06FF]")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.slow


def page_app(settings: Settings):
    """The real app, which serves the query page at ``/``."""
    from conflictkg.server.app import create_app

    return create_app(settings)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("page") / "store"
    with store.writing(path) as writer:
        writer.load(SAMPLE.read_bytes(), format=RdfFormat.TRIG)
    config = uvicorn.Config(page_app(Settings(store=path, query_workers=1)), host="127.0.0.1",
                            port=0, log_level="warning")
    runner = uvicorn.Server(config)
    thread = threading.Thread(target=runner.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not runner.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    (sock,) = runner.servers[0].sockets
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    runner.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("headless Chromium is not installed (apt-get install chromium gives /usr/bin/chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the PyPI package playwright is needed")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 1000}, locale="ar")
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert not errors, f"script errors on the page: {errors}"


def test_page_html_lists_every_example_and_escapes_the_editor(server):
    examples = load_bundle().examples
    html = httpx.get(server + "/").text
    for example in examples:
        assert f'data-example="{example.name}"' in html
        assert escape(example.question_ar) in html
    evil = "SELECT * {} </textarea><script>alert(1)</script>"
    html = httpx.get(server + "/", params={"query": evil}).text
    assert "<script>alert(1)" not in html and escape(evil) in html


def test_page_assets_and_unknown_example(server):
    html = httpx.get(server + "/", params={"example": "denied-claims"}).text
    assert escape("ckg:stance ckgv:denied") in html.split("<textarea")[1]
    for asset in re.findall(r'(?:href|src)="([^"]+\.(?:js|css))"', html):
        assert httpx.get(asset).status_code == 200, asset
    assert httpx.get(server + "/", params={"example": "nope"}).status_code == 404
    assert httpx.get(server + "/assets/query/secret.txt").status_code == 404


def test_page_lists_every_example_with_both_questions(server, page):
    page.goto(server + "/")
    items = page.locator("#examples li")
    assert items.count() == len(load_bundle().examples) >= 15
    assert ARABIC.search(items.first.locator(".q-ar").inner_text())
    assert page.locator("#query").input_value().lstrip().startswith("PREFIX")


def test_running_an_example_shows_arabic_rows_map_and_downloads(server, page, tmp_path,
                                                                 tmp_path_factory):
    page.goto(server + "/")
    page.locator('[data-example="events-with-coordinates"]').click()
    assert "geo:asWKT" in page.locator("#query").input_value()
    assert "example=events-with-coordinates" in page.url

    page.locator("#run").click()
    page.wait_for_selector("#results tbody tr")
    rows = page.locator("#results tbody tr")
    assert rows.count() >= 5
    arabic_cells = [td for td in page.locator("#results td").all() if ARABIC.search(td.inner_text())]
    assert arabic_cells, "no cell holds Arabic text"
    assert arabic_cells[0].evaluate("td => getComputedStyle(td).direction") == "rtl"
    assert re.match(r"\d+ results", page.locator("#status").inner_text())
    event_link = page.locator("#results tbody tr").first.locator("a").first
    assert event_link.inner_text().startswith("event:")
    assert event_link.get_attribute("href").startswith("/id/event/")

    assert page.locator("#map").is_visible()
    assert page.locator("#map-svg circle.pt").count() >= 5

    csv_href = page.locator('.downloads a[data-format="csv"]').get_attribute("href")
    response = page.request.get(csv_href)
    assert response.ok and response.headers["content-type"].startswith("text/csv")
    assert ARABIC.search(response.text()) and len(response.text().splitlines()) == rows.count() + 1

    shot = tmp_path / "query-page.png"
    page.screenshot(path=str(shot), full_page=True)
    width, height, colours = picture_facts(page, shot.read_bytes())
    assert width == 1280 and height >= 1000
    assert colours > 50, "the screenshot is (nearly) blank"
    shutil.copy(shot, tmp_path_factory.getbasetemp() / "query-page.png")


def test_ask_and_errors_are_reported(server, page):
    page.goto(server + "/?example=is-there-a-denied-claim")
    page.locator("#run").click()
    page.wait_for_function("document.getElementById('status').textContent.startsWith('Answer')")
    assert page.locator("#status").inner_text().startswith("Answer: true")

    page.locator("#query").fill("SELECT * WHERE { ?s ?p }")
    page.locator("#query").press("Control+Enter")
    page.wait_for_selector("#status.error")
    assert "400" in page.locator("#status").inner_text()
    assert page.locator("#results tr").count() == 0


def test_unknown_example_is_a_404(server, page):
    response = page.goto(server + "/?example=no-such-query")
    assert response.status == 404


def picture_facts(page, png: bytes) -> tuple[int, int, int]:
    """(width, height, distinct colours in a sample) of a PNG, decoded by the browser itself."""
    data = base64.b64encode(png).decode()
    return tuple(page.evaluate("""async (data) => {
        const img = new Image();
        img.src = "data:image/png;base64," + data;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.width; canvas.height = img.height;
        const ctx = canvas.getContext("2d");
        ctx.drawImage(img, 0, 0);
        const pixels = ctx.getImageData(0, 0, img.width, img.height).data;
        const seen = new Set();
        for (let i = 0; i < pixels.length; i += 4 * 97) {
            seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
        }
        return [img.width, img.height, seen.size];
    }""", data))



@pytest.mark.parametrize("example", [e for e in load_bundle().examples if "SERVICE" not in e.query],
                         ids=lambda e: e.name)
def test_every_example_runs_on_the_endpoint(server, example):
    """Through the protocol and the query workers: extension functions and the union graph."""
    response = httpx.post(server + "/sparql", data={"query": example.query},
                          headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body.get("boolean") is True or body["results"]["bindings"], f"{example.name}: no answer"
