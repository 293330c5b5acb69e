"""``eventwire watch``: a real loopback server serving a feed that changes, 304s, a broken feed, a page that is down."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.fetch import Fetcher
from eventwire.settings import Settings
from eventwire.store import Store
from eventwire.watch import WatchRound, parse_every, poll_once, watch

from .conftest import GOOD_ARTICLE_2
from .test_fetch import LoopbackServer, loopback


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    yield from loopback()

ENTRIES = [
    ("Iraq's parliament votes to expel US troops", "Iraq's parliament voted on Sunday to expel US troops from the country."),
    ("Iran fires missiles at Ain al-Asad", "Iran fired ballistic missiles at the Ain al-Asad air base in Iraq on Wednesday."),
    ("Trump threatens sanctions on Iraq", "President Donald Trump threatened to impose sanctions on Iraq on Monday."),
]


class ChangingFeed:
    """A feed served with an ETag; it answers 304 when the client's validator matches."""

    def __init__(self, server: LoopbackServer, path: str = "/feed.rss") -> None:
        self.server, self.path = server, path
        self.entries = 2
        self.extra_links: list[str] = []
        server.routes[path] = self.answer

    @property
    def etag(self) -> str:
        return f'"v{self.entries}-{len(self.extra_links)}"'

    def body(self) -> bytes:
        items = "".join(
            f"<item><title>{title}</title><link>https://news.example/{n}</link><pubDate>Wed, 0{n + 1} Jan 2020 10:00:00 GMT</pubDate>"
            f"<content:encoded><![CDATA[<p>{text}</p><p>{text} Officials confirmed it.</p>]]></content:encoded></item>"
            for n, (title, text) in enumerate(ENTRIES[: self.entries])
        )
        items += "".join(f"<item><title>Linked</title><link>{link}</link><description>Teaser.</description></item>"
                         for link in self.extra_links)
        return (f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                f"<channel><title>Loopback Wire</title>{items}</channel></rss>").encode()

    def answer(self, handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        if handler.headers.get("If-None-Match") == self.etag:
            return 304, {"ETag": self.etag}, b""
        return 200, {"ETag": self.etag, "Content-Type": "application/rss+xml"}, self.body()

    @property
    def url(self) -> str:
        return self.server.url(self.path)


@pytest.fixture
def settings() -> Settings:
    return Settings(allow_private=True)


def _urls(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT url FROM documents ORDER BY id")]


def test_new_entries_only_and_304_when_unchanged(server: LoopbackServer, db_path: Path, settings: Settings) -> None:
    feed = ChangingFeed(server)
    store = Store(db_path)
    first = poll_once([feed.url], store, settings)
    assert (first.added, first.failed) == (2, False) and first.events > 0
    assert _urls(store) == ["https://news.example/0", "https://news.example/1"]
    state = store.watch_state(feed.url)
    assert state is not None and state.etag == '"v2-0"' and state.last_status == 200 and state.last_error is None

    second = poll_once([feed.url], store, settings)
    assert second.outcomes[0].not_modified and second.added == 0
    assert server.requests[-1][1]["if-none-match"] == '"v2-0"'  # a conditional GET
    assert store.watch_state(feed.url).last_status == 304  # type: ignore[union-attr]

    feed.entries = 3  # the feed changes: one new entry
    third = poll_once([feed.url], store, settings)
    assert third.added == 1 and _urls(store)[-1] == "https://news.example/2"
    assert third.outcomes[0].summary.skipped == 2  # the two old entries, skipped by their link before any work
    assert store.watch_state(feed.url).etag == '"v3-0"'  # type: ignore[union-attr]
    assert store.counts()["documents"] == 3


def test_linked_entries_are_fetched_once(server: LoopbackServer, db_path: Path, settings: Settings) -> None:
    feed = ChangingFeed(server)
    server.serve("/story", GOOD_ARTICLE_2)
    feed.extra_links = [server.url("/story")]
    store = Store(db_path)
    assert poll_once([feed.url], store, settings).added == 3
    assert server.hits("/story") == 1
    feed.entries = 3  # a new entry; the linked one is still in the feed
    assert poll_once([feed.url], store, settings).added == 1
    assert server.hits("/story") == 1  # already stored: not fetched again
    row = store.conn.execute("SELECT metadata FROM documents WHERE url = ?", (server.url("/story"),)).fetchone()
    assert '"feed_title": "Loopback Wire"' in row[0]


def test_broken_and_down_feeds_are_recorded_and_the_round_goes_on(server: LoopbackServer, db_path: Path, settings: Settings) -> None:
    feed = ChangingFeed(server)
    server.serve("/broken.rss", b"<rss version='2.0'><channel><item><title>cut", content_type="application/rss+xml",
                 headers={"ETag": '"broken"'})
    server.serve("/down", "Service Unavailable", status=503)
    urls = [server.url("/broken.rss"), server.url("/down"), feed.url]
    store = Store(db_path)
    round_ = poll_once(urls, store, settings)
    assert round_.failed and round_.added == 2  # the good feed, polled after the two bad URLs
    broken, down, good = round_.outcomes
    assert broken.status == 200 and broken.summary.errors[0].error_type == "MalformedFeed"
    assert down.status == 503 and down.summary.errors[0].stage == "fetch" and "HTTP 503" in down.summary.errors[0].message
    assert not good.failed
    errors = {e["source"]: e for e in store.errors()}
    assert set(errors) == {server.url("/broken.rss"), server.url("/down")}
    state = store.watch_state(server.url("/broken.rss"))
    assert state is not None and state.etag is None and "feed" in (state.last_error or "")  # read in full next time
    assert store.watch_state(server.url("/down")).last_status == 503  # type: ignore[union-attr]

    server.serve("/down", GOOD_ARTICLE_2)  # back up: the next round ingests it
    again = poll_once(urls, store, settings)
    assert again.outcomes[1].summary.added == 1 and again.outcomes[2].not_modified
    assert server.requests[-3][1].get("if-none-match") is None  # the broken feed's ETag was not kept
    assert store.watch_state(server.url("/down")).last_error is None  # type: ignore[union-attr]
    assert len(store.errors()) == 2  # the same error is not recorded twice


def test_last_modified_is_sent_back(server: LoopbackServer, db_path: Path, settings: Settings) -> None:
    def page(handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        if handler.headers.get("If-Modified-Since") == "Wed, 08 Jan 2020 09:00:00 GMT":
            return 304, {}, b""
        return 200, {"Last-Modified": "Wed, 08 Jan 2020 09:00:00 GMT", "Content-Type": "text/html"}, GOOD_ARTICLE_2.encode()

    server.routes["/page"] = page
    store = Store(db_path)
    assert poll_once([server.url("/page")], store, settings).added == 1
    assert poll_once([server.url("/page")], store, settings).outcomes[0].not_modified


def test_private_addresses_are_refused_without_the_flag(server: LoopbackServer, db_path: Path) -> None:
    feed = ChangingFeed(server)
    store = Store(db_path)
    round_ = poll_once([feed.url], store, Settings())
    assert round_.failed and round_.errors[0].error_type == "AddressNotAllowed"
    assert server.requests == []


def test_watch_loop_runs_rounds_and_sleeps_between(server: LoopbackServer, db_path: Path, settings: Settings) -> None:
    feed = ChangingFeed(server)
    rounds: list[WatchRound] = []
    sleeps: list[float] = []

    def on_round(round_: WatchRound) -> None:
        rounds.append(round_)
        feed.entries = 3

    watch([feed.url], Store(db_path), settings, every_s=60, rounds=2, on_round=on_round, sleep=sleeps.append,
          fetcher=Fetcher(allow_private=True))
    assert [r.added for r in rounds] == [2, 1]
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 60


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400), ("0.5m", 30)])
def test_parse_every(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "-5m", "soon", "15 minutes", "nan", "inf"])
def test_parse_every_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_every(text)


def test_cli_watch_once(server: LoopbackServer, db_path: Path) -> None:
    feed = ChangingFeed(server)
    runner = CliRunner()
    refused = runner.invoke(app, ["watch", feed.url, "--once", "--db", str(db_path)])
    assert refused.exit_code == 1 and "AddressNotAllowed" in refused.output
    result = runner.invoke(app, ["watch", feed.url, "--once", "--allow-private", "--db", str(db_path), "--every", "1m"])
    assert result.exit_code == 0, result.output
    assert "2 new documents" in result.output
    result = runner.invoke(app, ["watch", feed.url, "--once", "--allow-private", "--db", str(db_path)])
    assert result.exit_code == 0 and "not modified (304)" in result.output


@pytest.mark.parametrize("args", [["file:///etc/passwd", "--once"], ["notes.txt", "--once"], ["https://example.org/", "--every", "soon"]])
def test_cli_watch_usage_errors(args: list[str], db_path: Path) -> None:
    result = CliRunner().invoke(app, ["watch", *args, "--db", str(db_path)])
    assert result.exit_code == 2
