"""The query page and the API docs, served by the real server on loopback over the sample
corpus as ``conflictkg demo`` ingests it: the HTML, then headless Chromium driving the page.

The browser tests need /usr/bin/chromium (Debian package ``chromium``) and the PyPI
package ``playwright`` (its driver only; the browser is the system one), and skip
without them. The browser runs with the network shut off: every host name but the
loopback address fails to resolve, and any request to another address is aborted and
counted, so a page that needs the internet fails here. Screenshots of each view are kept
in pytest's temporary folder (``views/``) and checked to be no blank picture; the ones
in docs/screenshots/ were taken the same way.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from markupsafe import escape

from conflictkg.config import Settings
from conflictkg.reference import load_bundle

from .conftest import serve

CHROMIUM = Path("/usr/bin/chromium")
ARABIC = re.compile(r"[\u0600-\u06FF]")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
EXAMPLES = load_bundle().examples

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(corpus_store: Settings) -> Iterator[str]:
    with serve(Settings(store=corpus_store.store, query_workers=2)) as live:
        yield live.url


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
def page(browser, server):
    """A page that may reach the server and nothing else; script errors fail the test."""
    page = browser.new_page()
    errors: list[str] = []
    elsewhere: list[str] = []

    def only_the_server(route) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_server)
    page.on("pageerror", lambda error: errors.append(str(error)))
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield page
    page.close()
    assert not errors, f"script errors on the page: {errors}"
    assert not refused, f"the page did what its policy forbids: {refused}"
    assert not elsewhere, f"the page asked for what is not on this server: {elsewhere}"


def editor_text(page) -> str:
    return page.evaluate("window.ckgEditor.state.doc.toString()")


def type_query(page, text: str) -> None:
    page.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.type(text)
    page.keyboard.press("Escape")  # close a completion list the typing opened


def run_and_wait(page) -> str:
    page.keyboard.press("Control+Enter")
    page.wait_for_function("""() => { const s = document.getElementById('status').textContent;
        return s && !s.startsWith('Running'); }""")
    return page.locator("#status").inner_text()


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


# --- the HTML --------------------------------------------------------------------------------

def test_page_html_lists_every_example_and_escapes_the_editor(server):
    html = httpx.get(server + "/").text
    for example in EXAMPLES:
        assert f'data-example="{example.name}"' in html and f'data-view="{example.view}"' in html
        assert escape(example.question_ar) in html
    evil = "SELECT * {} </textarea><script>alert(1)</script>"
    html = httpx.get(server + "/", params={"query": evil}).text
    assert "<script>alert(1)" not in html and escape(evil) in html
    assert 'data-run="1"' in html  # ?query= runs it


def test_page_assets_are_served_here_and_unknown_ones_are_404(server):
    html = httpx.get(server + "/", params={"example": "denied-claims"}).text
    assert escape("ckg:stance ckgv:denied") in html.split("<textarea")[1]
    assets = re.findall(r'(?:href|src)="([^"]+\.(?:js|css))"', html)
    assert len(assets) >= 8 and all(a.startswith("/static/") for a in assets)
    for asset in assets:
        assert httpx.get(server + asset).status_code == 200, asset
    assert httpx.get(server + "/", params={"example": "nope"}).status_code == 404
    assert httpx.get(server + "/static/../app.py").status_code == 404
    assert httpx.get(server + "/query/boundaries.geojson").json()["features"][0]["geometry"]["type"] in {
        "Polygon", "MultiPolygon"}


@pytest.mark.parametrize("example", [e for e in EXAMPLES if "SERVICE" not in e.query], ids=lambda e: e.name)
def test_every_example_runs_on_the_endpoint(server, example):
    """Through the protocol and the query workers: extension functions and the union graph."""
    response = httpx.post(server + "/sparql", data={"query": example.query}, timeout=60, headers={
        "Accept": "application/sparql-results+json, application/n-triples;q=0.9"})
    assert response.status_code == 200, response.text
    if response.headers["content-type"].startswith("application/n-triples"):
        assert response.text.count("\n") >= 2, example.name
        return
    body = response.json()
    if "rows == 0" in example.expect:  # an example whose header says the sample corpus has no answer
        assert body["results"]["bindings"] == [], example.name
        return
    assert body.get("boolean") is True or body["results"]["bindings"], f"{example.name}: no answer"


# --- the editor --------------------------------------------------------------------------------

def test_an_undeclared_prefix_is_declared_in_the_editor_and_the_query_runs(server, page):
    page.goto(server + "/")
    type_query(page, "SELECT ?battle WHERE { ?battle a ckg:Battle ; sem:hasPlace ?place }")
    status = run_and_wait(page)
    assert re.match(r"\d+ results", status), status
    text = editor_text(page)
    assert text.startswith("PREFIX ckg: <https://conflictkg.org/ontology#>\n"
                           "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>\n")
    assert page.locator("#prefix-note").is_visible()
    assert "ckg:" in page.locator("#prefix-note").inner_text()
    assert page.locator("#results tbody tr").count() >= 5
    # The URL holds the query that ran, prefixes and all, and running it again gives the same.
    shared = page.url
    assert parse_qs(urlsplit(shared).query)["query"] == [text]
    other = page.context.new_page()
    other.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server) else route.abort())
    other.goto(shared)
    other.wait_for_function("() => document.getElementById('status').textContent.includes('results')")
    assert other.evaluate("window.ckgEditor.state.doc.toString()") == text
    assert other.locator("#status").inner_text().split(" (")[0] == status.split(" (")[0]
    other.close()


def test_completion_offers_the_ontologys_terms_and_the_stores_names(server, page):
    page.goto(server + "/")
    type_query(page, "SELECT * WHERE { ?e a ckg:Batt")
    page.keyboard.press("Control+Space")
    options = page.locator(".cm-tooltip-autocomplete li")
    options.first.wait_for()
    assert "ckg:Battle" in page.locator(".cm-tooltip-autocomplete").inner_text()
    page.wait_for_timeout(150)  # the editor takes no Enter in a list just opened
    page.keyboard.press("Enter")
    assert editor_text(page).startswith("PREFIX ckg: <https://conflictkg.org/ontology#>")
    assert "?e a ckg:Battle" in editor_text(page)
    page.keyboard.type(' ; rdfs:label "حمص')
    page.keyboard.press("Control+Space")
    page.locator(".cm-tooltip-autocomplete li").first.wait_for()
    offered = page.locator(".cm-tooltip-autocomplete").inner_text()
    assert '"حمص"@ar' in offered and "place" in offered
    page.keyboard.press("Escape")
    type_query(page, "SELECT * WHERE { ?e a ckg:")
    page.keyboard.press("Control+Space")
    page.locator(".cm-tooltip-autocomplete li").first.wait_for()
    assert page.locator(".cm-tooltip-autocomplete li").count() >= 20


def test_a_syntax_error_is_one_line_with_its_place_marked(server, page):
    page.goto(server + "/")
    type_query(page, "SELECT * WHERE { ?s ?p }")
    status = run_and_wait(page)
    assert status == "Error 400: line 1, column 25: expected LATERAL or SERVICE"
    assert page.locator(".cm-lintRange-error").count() == 1
    assert page.locator("#results tr").count() == 0


def test_ask_answers_and_history_keeps_what_ran(server, page):
    page.goto(server + "/?example=is-there-a-denied-claim")
    page.locator("#run").click()
    page.wait_for_function("() => document.getElementById('status').textContent.startsWith('Answer')")
    assert page.locator("#status").inner_text().startswith("Answer: true")
    page.goto(server + "/")
    assert page.locator("#history li").count() >= 1
    assert "ASK" in page.locator("#history li button").first.get_attribute("title")
    page.locator("#history-box summary").click()
    page.locator("#history li button").first.click()
    page.wait_for_function("() => document.getElementById('status').textContent.startsWith('Answer')")
    assert editor_text(page).lstrip().startswith("#defaultView:Table")


# --- the views -------------------------------------------------------------------------------------

VIEWS = [
    ("Map", "events-within-governorate-boundaries", "#map path.boundary", 14),
    ("Map", "events-with-coordinates", "#map .marker-cluster, #map path.point", 1),
    ("Timeline", "battles-in-date-range", "#timeline rect.tl-item", 2),
    ("BarChart", "claims-per-source", "#barchart rect.bar", 2),
    ("LineChart", "events-by-kind-per-month", "#linechart path.line", 2),
    ("Graph", "battles-and-their-groups", "#graph g.node", 5),
    ("Table", "denied-claims", "#results tbody tr", 1),
]


@pytest.mark.parametrize(("view", "example", "selector", "least"), VIEWS, ids=[f"{v[0]}-{v[1]}" for v in VIEWS])
def test_each_view_draws_its_elements(server, page, tmp_path_factory, view, example, selector, least):
    page.goto(f"{server}/?example={example}")
    assert f"#defaultView:{view}" in editor_text(page)
    page.locator("#run").click()
    page.wait_for_function("() => document.getElementById('status').textContent.match(/result|triple/)")
    assert page.locator(f'#views button[data-view="{view}"]').get_attribute("aria-pressed") == "true"
    page.wait_for_selector(selector)
    page.wait_for_timeout(400)  # Leaflet's zoom animation and the outlines' fetch settle
    assert page.locator(selector).count() >= least
    if example == "events-within-governorate-boundaries":
        assert page.locator("#map path.area").count() >= 2  # the result's own polygons
    pane = page.locator(f"#view-{view}")
    shot = pane.screenshot()
    width, height, colours = picture_facts(page, shot)
    assert width >= 600 and height >= 40
    assert colours > 12, f"the {view} view looks blank"
    folder = tmp_path_factory.getbasetemp() / "views"
    folder.mkdir(exist_ok=True)
    (folder / f"{view.lower()}-{example}.png").write_bytes(shot)


def test_picking_a_view_redraws_the_same_answer(server, page):
    page.goto(f"{server}/?example=battles-in-date-range")
    page.locator("#run").click()
    page.wait_for_selector("#timeline rect.tl-item")
    page.locator('#views button[data-view="Table"]').click()
    assert page.locator("#results tbody tr").count() == page.locator("#timeline rect.tl-item").count()
    page.locator('#views button[data-view="BarChart"]').click()
    assert page.locator("#barchart text.empty").count() == 1  # no numbers: said, not drawn blank


def test_follow_a_point_on_the_map_to_its_page(server, page):
    page.goto(f"{server}/?example=events-with-coordinates")
    page.locator("#run").click()
    page.wait_for_selector("#map .marker-cluster, #map path.point")
    for _ in range(8):  # open clusters until single points show
        if page.locator("#map path.point").count():
            break
        page.locator("#map .marker-cluster").first.click()
        page.wait_for_timeout(500)
    point = page.locator("#map path.point").first
    point.click(force=True)
    link = page.locator(".leaflet-popup a.point-link")
    link.wait_for()
    target = link.get_attribute("href")
    assert target.startswith("/id/event/")
    with page.expect_navigation():
        link.click()
    assert urlsplit(page.url).path == target
    assert page.locator("h1").count() == 1 and page.locator("table.claims, section").count() >= 1


def test_a_page_link_to_a_query_opens_it_run(server, page):
    query = "PREFIX ckg: <https://conflictkg.org/ontology#>\nSELECT ?e WHERE { ?e a ckg:Attack }"
    page.goto(f"{server}/?{httpx.QueryParams({'query': query})}")
    page.wait_for_function("() => document.getElementById('status').textContent.includes('results')")
    assert editor_text(page) == query
    assert page.locator("#results tbody tr").count() >= 2


# --- the API docs, offline ----------------------------------------------------------------------------

def test_the_api_docs_render_with_the_network_shut_off(server, page):
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert page.locator(".swagger-ui .opblock").count() >= 10
    assert "/api/v1/events" in page.locator(".swagger-ui").inner_text()
    page.goto(server + "/redoc")
    page.wait_for_selector('text="/api/v1/stats"', timeout=30_000)
    assert "ConflictKG" in page.locator("body").inner_text()


# --- no one's script but the server's ---------------------------------------------------------

def test_every_html_response_carries_a_policy_with_no_inline_script(server):
    event = httpx.post(server + "/sparql", data={"query": "PREFIX ckg: <https://conflictkg.org/ontology#> "
                                                 "SELECT ?e WHERE { ?e a ckg:Attack } LIMIT 1"},
                       headers={"Accept": "application/sparql-results+json"}).json()
    path = urlsplit(event["results"]["bindings"][0]["e"]["value"]).path
    for url in ("/", "/ontology", path, "/no/such/page", "/docs", "/redoc"):
        answer = httpx.get(server + url, headers={"Accept": "text/html"})
        policy = answer.headers["content-security-policy"]
        scripts = re.search(r"script-src ([^;]*)", policy).group(1)
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, (url, policy)
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert answer.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in httpx.get(server + "/api/v1/events").headers


def test_an_inline_script_is_refused_by_the_browser(server, browser):
    """The policy is in force, not only sent: a script slipped into a page would not run."""
    page = browser.new_page()
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text))
    page.goto(server + "/ontology")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.ran = true'; document.body.appendChild(s); }""")
    assert page.evaluate("window.ran === undefined")
    assert any("Content Security Policy" in text for text in refused)
    page.close()


def test_an_iri_of_another_scheme_in_the_answer_is_not_a_link(server, page):
    query = "SELECT ?x WHERE { VALUES ?x { <javascript:alert(1)> <https://example.org/a> } }"
    page.goto(f"{server}/?{httpx.QueryParams({'query': query})}")
    page.wait_for_function("() => document.getElementById('status').textContent.includes('results')")
    assert page.locator("#results tbody tr").count() == 2
    hrefs = page.eval_on_selector_all("#results a", "links => links.map(a => a.getAttribute('href'))")
    assert "https://example.org/a" in hrefs
    assert not [h for h in hrefs if h and not h.startswith(("http", "/"))], hrefs
