"""Fetching: a real HTTP server on loopback (started by the tests), limits, redirects, private addresses."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import InputTooLarge
from eventwire.fetch import (
    AddressNotAllowed,
    Fetcher,
    FetchFailed,
    FetchTimeout,
    TooManyRedirects,
    UnsupportedURL,
    is_public_address,
    looks_like_url,
)
from eventwire.readers import ReadOptions, read_inputs
from eventwire.records import IngestError, RawDocument
from eventwire.store import Store

from .conftest import GOOD_ARTICLE_2

Response = tuple[int, dict[str, str], bytes]
Route = Callable[[BaseHTTPRequestHandler], Response | None]


class LoopbackServer:
    """An HTTP server on 127.0.0.1 with routes set by the test; it records every request's headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                answer: Response | None = (404, {}, b"not found") if route is None else route(self)
                if answer is None:  # the route wrote its own answer
                    return
                status, headers, body = answer
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):  # the client hung up (a size cap, a timeout): expected
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (quiet)
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def serve(self, path: str, body: bytes | str, *, status: int = 200, content_type: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = lambda _h: (status, {"Content-Type": content_type, **(headers or {})}, data)

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.routes[path] = lambda _h: (status, {"Location": location}, b"")

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


def loopback() -> Iterator[LoopbackServer]:
    """A started LoopbackServer, shut down when the generator is closed (for fixtures in other test modules)."""
    srv = LoopbackServer()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    yield from loopback()


def local(**kw: object) -> Fetcher:
    return Fetcher(allow_private=True, **kw)  # type: ignore[arg-type]


def test_fetches_a_page_with_its_headers(server: LoopbackServer) -> None:
    server.serve("/a", GOOD_ARTICLE_2, headers={"ETag": '"v1"', "Last-Modified": "Wed, 08 Jan 2020 09:00:00 GMT"})
    response = local().get(server.url("/a"))
    assert response.status == 200 and response.content == GOOD_ARTICLE_2.encode()
    assert (response.content_type, response.charset) == ("text/html", "utf-8")
    assert response.etag == '"v1"' and response.last_modified == "Wed, 08 Jan 2020 09:00:00 GMT"
    assert server.requests[0][1]["user-agent"].startswith("eventwire/")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_is_refused_unless_allowed(server: LoopbackServer, host: str) -> None:
    server.serve("/a", GOOD_ARTICLE_2)
    url = f"http://{host}:{server.port}/a"
    with pytest.raises(AddressNotAllowed, match="--allow-private"):
        Fetcher().get(url)
    assert server.requests == []  # refused before connecting
    assert local().get(url).status == 200


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
        ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
        ("::1", False), ("fc00::1", False), ("fe80::1", False), ("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False),
        ("8.8.8.8", True), ("93.184.216.34", True), ("2001:4860:4860::8888", True), ("not an address", False),
    ],
)  # fmt: skip
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_a_name_resolving_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_getaddrinfo(host: str, port: int, *args: object, **kw: object) -> list[tuple]:
        addresses = {"intranet.example": ["10.0.0.5"], "mixed.example": ["93.184.216.34", "127.0.0.1"]}[host]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in addresses]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    for host in ("intranet.example", "mixed.example"):
        with pytest.raises(AddressNotAllowed):
            Fetcher().get(f"https://{host}/news")


@pytest.mark.parametrize("url", ["ftp://example.org/a.html", "file:///etc/passwd", "gopher://example.org/", "http:///nohost"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(UnsupportedURL):
        Fetcher().get(url)


def test_redirects_are_followed_and_capped(server: LoopbackServer) -> None:
    server.serve("/end", GOOD_ARTICLE_2)
    server.redirect("/r2", "/end", 301)
    server.redirect("/r1", server.url("/r2"), 307)
    response = local().get(server.url("/r1"))
    assert response.final_url == server.url("/end") and response.redirects == 2 and response.url == server.url("/r1")
    for n in range(6):
        server.redirect(f"/loop{n}", f"/loop{n + 1}")
    with pytest.raises(TooManyRedirects, match="more than 3 redirects"):
        local(max_redirects=3).get(server.url("/loop0"))
    server.redirect("/to-file", "file:///etc/passwd")
    with pytest.raises(UnsupportedURL):
        local().get(server.url("/to-file"))


def test_redirect_to_loopback_is_checked_again(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each hop is checked: a public page that redirects to a private address is refused."""
    server.redirect("/r", f"http://127.0.0.1:{server.port}/secret")
    fetcher = Fetcher()
    real = fetcher._resolve
    calls: list[str] = []

    def first_hop_public(host: str, port: int) -> list[str]:
        calls.append(host)
        if len(calls) == 1:
            return ["127.0.0.1"]  # pretend the first host was a public one that passed the check
        return real(host, port)

    monkeypatch.setattr(fetcher, "_resolve", first_hop_public)
    with pytest.raises(AddressNotAllowed):
        fetcher.get(server.url("/r"))
    assert server.hits("/secret") == 0


def test_http_errors(server: LoopbackServer) -> None:
    server.serve("/gone", "gone", status=410)
    server.serve("/boom", "boom", status=500)
    with pytest.raises(FetchFailed, match="HTTP 404") as info:
        local().get(server.url("/nothing"))
    assert info.value.status == 404
    with pytest.raises(FetchFailed, match="HTTP 410"):
        local().get(server.url("/gone"))
    with pytest.raises(FetchFailed, match="HTTP 500"):
        local().get(server.url("/boom"))


def test_nothing_listening_is_a_fetch_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchFailed, match="cannot connect"):
        local().get(f"http://127.0.0.1:{port}/")


def test_size_caps(server: LoopbackServer) -> None:
    big = b"<p>" + b"x" * 200_000 + b"</p>"
    server.serve("/declared", big)

    def undeclared(handler: BaseHTTPRequestHandler) -> None:  # no Content-Length: read until the cap
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        with contextlib.suppress(OSError):
            for _ in range(20):
                handler.wfile.write(b"y" * 20_000)

    server.routes["/undeclared"] = undeclared
    server.serve("/bomb", gzip.compress(b"z" * 5_000_000), headers={"Content-Encoding": "gzip"})
    server.serve("/small-gzip", gzip.compress(GOOD_ARTICLE_2.encode()), headers={"Content-Encoding": "gzip"})
    fetcher = local(max_bytes=100_000)
    for path in ("/declared", "/undeclared", "/bomb"):
        with pytest.raises(InputTooLarge, match="100000-byte cap"):
            fetcher.get(server.url(path))
    assert fetcher.get(server.url("/small-gzip")).content == GOOD_ARTICLE_2.encode()


def test_timeouts(server: LoopbackServer) -> None:
    def slow_headers(handler: BaseHTTPRequestHandler) -> Response:
        time.sleep(1.5)
        return 200, {}, b"late"

    def drip(handler: BaseHTTPRequestHandler) -> None:  # each byte in time, the whole far too late
        handler.send_response(200)
        handler.send_header("Content-Length", "100")
        handler.end_headers()
        with contextlib.suppress(OSError):
            for _ in range(100):
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(0.05)

    server.routes["/slow"] = slow_headers
    server.routes["/drip"] = drip
    for path in ("/slow", "/drip"):
        started = time.monotonic()
        with pytest.raises(FetchTimeout, match="0.5 s"):
            local(timeout_s=0.5).get(server.url(path))
        assert time.monotonic() - started < 1.4


def test_conditional_get(server: LoopbackServer) -> None:
    def page(handler: BaseHTTPRequestHandler) -> Response:
        if handler.headers.get("If-None-Match") == '"v1"' or handler.headers.get("If-Modified-Since"):
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"ETag": '"v1"', "Content-Type": "text/html"}, GOOD_ARTICLE_2.encode()

    server.routes["/c"] = page
    assert local().get(server.url("/c"), etag='"v0"').status == 200
    again = local().get(server.url("/c"), etag='"v1"')
    assert again.not_modified and again.content == b"" and again.etag == '"v1"'
    assert local().get(server.url("/c"), last_modified="Wed, 08 Jan 2020 09:00:00 GMT").not_modified


def test_looks_like_url() -> None:
    assert looks_like_url("https://example.org/a") and looks_like_url("ftp://x/y")
    assert not looks_like_url("page.html") and not looks_like_url("C:\\news\\a.html") and not looks_like_url("-")


# -- URLs as reader inputs and on the command line ---------------------------------------------


def test_read_inputs_reads_urls(server: LoopbackServer) -> None:
    server.serve("/story", GOOD_ARTICLE_2)  # no suffix: the Content-Type says HTML
    items = list(read_inputs([server.url("/story"), server.url("/missing")], options=ReadOptions(fetcher=local())))
    doc, error = items
    assert isinstance(doc, RawDocument) and doc.media_type == "text/html" and doc.meta("url") == server.url("/story")
    assert doc.fetched is not None
    assert isinstance(error, IngestError) and error.stage == "fetch" and error.source == server.url("/missing")
    assert "HTTP 404" in error.message


def test_read_inputs_refuses_loopback_by_default(server: LoopbackServer) -> None:
    server.serve("/story", GOOD_ARTICLE_2)
    (item,) = read_inputs([server.url("/story")])
    assert isinstance(item, IngestError) and item.error_type == "AddressNotAllowed" and item.stage == "fetch"


def test_cli_ingest_url(server: LoopbackServer, db_path: Path) -> None:
    server.serve("/story", GOOD_ARTICLE_2)
    url = server.url("/story")
    refused = CliRunner().invoke(app, ["ingest", url, "--db", str(db_path)])
    assert refused.exit_code == 1
    assert Store(db_path).errors()[0]["error_type"] == "AddressNotAllowed"
    result = CliRunner().invoke(app, ["ingest", url, "--db", str(db_path), "--allow-private"])
    assert result.exit_code == 0, result.output
    rows = Store(db_path).conn.execute("SELECT source, url FROM documents").fetchall()
    assert [tuple(r) for r in rows] == [(url, url)]
    assert Store(db_path).conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] > 0


def test_paths_with_spaces_and_non_ascii_are_escaped(server: LoopbackServer) -> None:
    server.serve("/wiki/%D8%A7%DB%8C%D8%B1%D8%A7%D9%86%20news?q=%C3%A9", GOOD_ARTICLE_2)
    response = local().get(server.url("/wiki/ایران news?q=é"))
    assert response.status == 200 and response.content == GOOD_ARTICLE_2.encode()
