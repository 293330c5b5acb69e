"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

The server is a real uvicorn on loopback over a database built by hand that holds a hostile article.
Screenshots of every view go to test-artifacts/. Without Chromium these tests fail (they never skip):
install it with `apt-get install -y chromium`.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, FilePayload, Page, expect, sync_playwright

from eventwire.api import create_app
from eventwire.settings import Settings

from ..api.helpers import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_SENTENCE, HOSTILE_TITLE, build_database, free_port, running
from ..conftest import GOOD_ARTICLE_1, ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"
TOKEN = "dashboard-token"
VIEWS = ["overview", "events", "dyad", "network", "map", "ingest"]


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("web") / "web.db"
    return path, build_database(path)


@pytest.fixture(scope="module")
def base(database: tuple[Path, dict[str, Any]]) -> Iterator[str]:
    with running(create_app(Settings(db=database[0]), token=TOKEN)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's Chromium (apt-get install -y chromium)", pytrace=False)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Watched:
    """A page with its console errors, page errors, dialogs and off-site requests recorded."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.offsite: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("dialog", self._dialog)
        page.on("request", lambda request: None if request.url.startswith((base, "data:")) else self.offsite.append(request.url))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, route: str) -> Page:
        """Go to a hash route and wait until its view has rendered."""
        name = route.lstrip("#/").split("?")[0].split("/")[0]
        self.page.goto(f"{self.base}/{route}")
        expect(self.page.locator(f'main[data-ready="{name}"]')).to_be_attached(timeout=15_000)
        return self.page

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def watched(browser: Browser, base: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    w = Watched(page, base)
    yield w
    context.close()


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_loads_without_errors(watched: Watched, view: str) -> None:
    page = watched.open(f"#/{view}")
    expect(page.locator("main .message.error")).to_have_count(0)
    checks = {
        "overview": lambda: expect(page.locator("#count-events .value")).to_have_text("8"),
        "events": lambda: expect(page.locator("tr.event-row")).to_have_count(7),
        "dyad": lambda: expect(page.locator("svg.time-chart")).to_have_count(2),
        "network": lambda: expect(page.locator("svg.network g.node")).to_have_count(3),
        "map": lambda: expect(page.locator("svg.map circle.point")).to_have_count(4),
        "ingest": lambda: expect(page.locator("#ingest-form")).to_be_visible(),
    }
    checks[view]()
    watched.shot(view)
    assert watched.errors == []
    assert watched.offsite == []


def test_overview_chart_shows_conflict_and_cooperation(watched: Watched) -> None:
    page = watched.open("#/overview")
    legend = page.locator("figure.chart-figure ul.legend").first
    expect(legend).to_contain_text("cooperation (quad 1+2)")
    expect(legend).to_contain_text("conflict (quad 3+4)")
    # 2020-01 .. 2020-06: six months, gaps filled, one point per month and series
    expect(page.locator("svg.time-chart circle.point")).to_have_count(12)


def test_a_filter_changes_the_table(watched: Watched) -> None:
    page = watched.open("#/events")
    expect(page.locator("tr.event-row")).to_have_count(7)
    page.select_option("#f-plover", "ASSAULT")
    page.click("#event-filters button[type=submit]")
    expect(page.locator("tr.event-row")).to_have_count(2)
    expect(page.locator("#event-count")).to_contain_text("2 events")
    assert all("ASSAULT" in text for text in page.locator("tr.event-row td:nth-child(4)").all_inner_texts())
    page.fill("#f-dyad", "USA-IRQ")
    page.click("#event-filters button[type=submit]")
    expect(page.locator("tr.event-row")).to_have_count(1)
    assert "dyad=USA-IRQ" in page.url and "plover=ASSAULT" in page.url
    page.click("#event-filters button[type=reset]")
    expect(page.locator("tr.event-row")).to_have_count(7)
    assert watched.errors == []


def test_sorting_by_a_column(watched: Watched) -> None:
    page = watched.open("#/events?order=date")
    first = page.locator("tr.event-row td:nth-child(2)").all_inner_texts()
    assert first == sorted(first)
    page.click("button.sort[data-sort=date]")
    expect(page.locator('th[aria-sort="descending"]')).to_have_count(1)
    second = page.locator("tr.event-row td:nth-child(2)").all_inner_texts()
    assert second == sorted(first, reverse=True)


def test_clicking_a_row_shows_the_highlighted_sentence(watched: Watched, database: tuple[Path, dict[str, Any]]) -> None:
    page = watched.open("#/events")
    event_id = database[1]["events"]["fired"]
    page.click(f'tr.event-row[data-id="{event_id}"]')
    detail = page.locator(f'#event-detail article.event-detail[data-id="{event_id}"]')
    expect(detail).to_be_visible()
    expect(detail.locator(".article-body mark.m-sentence").first).to_be_visible()
    sentence = "".join(detail.locator(".article-body .m-sentence").all_text_contents())
    assert sentence == "Iran fired ballistic missiles at Ain al-Asad air base on Wednesday."
    expect(detail.locator(".article-body .m-trigger")).to_have_text("fired")
    expect(detail.locator(".article-body .m-source")).to_have_text("Iran")
    expect(detail.locator(".article-body .m-place")).to_have_text("Ain al-Asad")
    facts = detail.locator("dl.facts")
    expect(facts).to_contain_text("IRN")
    expect(facts).to_contain_text("test:actor:Iran")  # each actor with its rule
    expect(facts).to_contain_text("2020-01-08")
    expect(facts).to_contain_text("test:timex")  # the date with its rule
    expect(facts).to_contain_text("test:geo")  # the place with its rule
    expect(page.locator(f'tr.event-row[data-id="{event_id}"]')).to_have_class(re.compile("selected"))
    watched.shot("event-detail")
    assert watched.errors == []


def test_dyad_view_lists_events_under_the_chart(watched: Watched) -> None:
    page = watched.open("#/dyad?dyad=USA-IRQ")
    expect(page.locator("#dyad-name")).to_have_text("USA-IRQ")
    expect(page.locator("svg.time-chart rect.bar")).to_have_count(3)
    expect(page.locator("tr.event-row")).to_have_count(4)
    page.fill("#dyad-input", "IRN-USA")
    page.click("#dyad-form button[type=submit]")
    expect(page.locator("#dyad-name")).to_have_text("IRN-USA")
    expect(page.locator("tr.event-row")).to_have_count(2)
    assert watched.errors == []


def test_network_node_opens_its_events(watched: Watched) -> None:
    page = watched.open("#/network")
    expect(page.locator("svg.network path.edge")).not_to_have_count(0)
    page.click('svg.network g.node[data-id="IRN"] circle')
    expect(page.locator('main[data-ready="events"]')).to_be_attached()
    expect(page.locator("tr.event-row")).to_have_count(2)


def test_map_point_opens_its_event(watched: Watched, database: tuple[Path, dict[str, Any]]) -> None:
    page = watched.open("#/map")
    expect(page.locator("svg.map .land path")).not_to_have_count(0)
    event_id = database[1]["events"]["fired"]
    page.locator(f'svg.map circle.point[data-id="{event_id}"]').dispatch_event("click")
    expect(page.locator(f'article.event-detail[data-id="{event_id}"]')).to_be_visible()
    page.goto(f"{watched.base}/#/map?world=true")
    expect(page.locator("svg.map")).to_have_attribute("viewBox", "-180 -90 360 180")
    watched.shot("map-world")
    assert watched.errors == []


@pytest.mark.parametrize("route", ["#/events?text=alert", "#/event/{id}", "#/overview", "#/map", "#/dyad?dyad=IRN-USA"])
def test_hostile_article_is_shown_as_text(watched: Watched, database: tuple[Path, dict[str, Any]], route: str) -> None:
    event_id = database[1]["events"]["threatened"]
    page = watched.open(route.format(id=event_id))
    if "text=alert" in route or "dyad" in route:
        page.click(f'tr.event-row[data-id="{event_id}"]')
    if route != "#/overview" and route != "#/map":
        detail = page.locator(f'article.event-detail[data-id="{event_id}"]')
        expect(detail).to_be_visible()
        expect(detail.locator("h3.article-title")).to_have_text(HOSTILE_TITLE)
        expect(detail.locator("blockquote.evidence")).to_have_text(HOSTILE_SENTENCE)
        body = detail.locator(".article-body").text_content() or ""
        assert HOSTILE_SCRIPT in body and HOSTILE_IMG in body
        expect(detail.locator(".article-body .m-place")).to_have_text(HOSTILE_SCRIPT)
    if route == "#/overview":  # the hostile error record
        expect(page.locator("table.errors")).to_contain_text(HOSTILE_SCRIPT)
        expect(page.locator("table.errors")).to_contain_text(HOSTILE_IMG)
    if route == "#/map":
        title = page.locator(f'svg.map circle.point[data-id="{event_id}"] title').text_content() or ""
        assert HOSTILE_IMG in title
    page.wait_for_timeout(300)  # let any injected handler (onerror, script) have its chance
    assert watched.dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("main script, main iframe, main object").count() == 0
    assert page.evaluate("document.querySelectorAll('[onerror]').length") == 0
    watched.shot("hostile-" + re.sub(r"[^a-z]+", "-", route.split("?")[0].strip("#/").replace("{id}", "")).strip("-"))
    assert watched.errors == []


def test_ingest_view_uploads_with_the_token(watched: Watched) -> None:
    page = watched.open("#/ingest")
    page.fill("#ingest-token", TOKEN)
    page.set_input_files("#ingest-files", [
        FilePayload(name="premier.txt", mimeType="text/plain", buffer=GOOD_ARTICLE_1.replace("Saturday", "Sunday").encode()),
        FilePayload(name="empty.txt", mimeType="text/plain", buffer=b""),
    ])  # fmt: skip
    page.fill("#ingest-urls", "https://example.org/news")
    page.click("#ingest-submit")
    summary = page.locator("#ingest-summary")
    expect(summary).to_be_visible(timeout=120_000)
    expect(summary.locator("p.counts")).to_contain_text("1 new documents")
    expect(summary.locator("tr.failed")).to_have_count(2)  # the empty file and the URL
    expect(summary).to_contain_text("EmptyInput")
    expect(summary).to_contain_text("example.org")  # the unreachable URL is listed with its fetch error
    watched.shot("ingest-done")
    page.click("#ingest-summary a.doc-link")
    expect(page.locator('main[data-ready="events"]')).to_be_attached()
    expect(page.locator("tr.event-row")).not_to_have_count(0)
    assert watched.errors == []


def test_ingest_view_shows_the_error_message_without_the_token(watched: Watched) -> None:
    page = watched.open("#/ingest")
    page.set_input_files("#ingest-files", [FilePayload(name="a.txt", mimeType="text/plain", buffer=b"Some text.")])
    page.click("#ingest-submit")
    expect(page.locator("#ingest-status .message.error")).to_contain_text("401")
    expect(page.locator("#ingest-status .message.error")).to_contain_text("Authorization: Bearer")


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`eventwire demo`, then `eventwire serve` as a subprocess, as a person would run them."""
    folder = tmp_path_factory.mktemp("demo")
    db = folder / "demo.db"
    demo = subprocess.run([sys.executable, "-m", "eventwire.cli", "demo", "--db", str(db)], capture_output=True, text=True, timeout=600)
    assert demo.returncode == 0, demo.stderr
    port = free_port()
    log = (folder / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/stats/overview", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"eventwire serve did not start: {(folder / 'serve.log').read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()


@pytest.mark.parametrize("view", VIEWS)
def test_demo_database_served_by_eventwire_serve(browser: Browser, demo_server: str, view: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    watched = Watched(context.new_page(), demo_server)
    try:
        page = watched.open(f"#/{view}")
        expect(page.locator("main .message.error")).to_have_count(0)
        if view == "events":
            expect(page.locator("tr.event-row")).to_have_count(50)
            page.locator("tr.event-row").first.click()
            expect(page.locator("#event-detail .article-body mark.m-sentence").first).to_be_visible()
        if view == "overview":
            expect(page.locator("#count-documents .value")).to_have_text("32")
        if view == "map":
            expect(page.locator("svg.map circle.point")).not_to_have_count(0)
        if view == "network":
            expect(page.locator("svg.network g.node")).not_to_have_count(0)
        watched.shot(f"demo-{view}")
        assert watched.errors == []
        assert watched.offsite == []
    finally:
        context.close()
