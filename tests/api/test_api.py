"""The HTTP API against a real uvicorn server on loopback, over a database built by hand."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from eventwire import query
from eventwire.api import create_app
from eventwire.cli import app
from eventwire.settings import Settings
from eventwire.store import Store

from ..conftest import GOOD_ARTICLE_1, GOOD_ARTICLE_2
from .helpers import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_TITLE, build_database, running

TOKEN = "test-token-1234"
MAX_UPLOAD = 64 * 1024


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("api") / "api.db"
    return path, build_database(path)


@pytest.fixture(scope="module")
def base(database: tuple[Path, dict[str, Any]]) -> Iterator[str]:
    app = create_app(Settings(db=database[0], allow_private=True), token=TOKEN, max_upload_bytes=MAX_UPLOAD)
    with running(app) as url:
        yield url


@pytest.fixture(scope="module")
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=60) as c:
        yield c


@pytest.fixture
def ids(database: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    return database[1]


def assert_error(response: httpx.Response, status: int) -> dict[str, Any]:
    """The one error shape: exactly {"ok": false, "error": str, "status": int}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    return body


# -- reads ---------------------------------------------------------------------------------------


def test_events_list_with_total_and_paging(client: httpx.Client) -> None:
    body = client.get("/api/events", params={"limit": 3, "order": "date"}).json()
    assert set(body) == {"items", "total", "limit", "offset"}
    assert body["total"] == 7  # the negated event is left out by default
    assert len(body["items"]) == 3 and body["limit"] == 3 and body["offset"] == 0
    dates = [e["date"] for e in body["items"]]
    assert dates == sorted(dates)
    page2 = client.get("/api/events", params={"limit": 3, "offset": 3, "order": "date"}).json()
    assert {e["id"] for e in page2["items"]}.isdisjoint(e["id"] for e in body["items"])
    everything = client.get("/api/events", params={"include_modal": "true"}).json()
    assert everything["total"] == 8


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"plover": "ASSAULT"}, {"airstrike", "fired"}),
        ({"dyad": "USA-IRQ"}, {"airstrike", "met", "sent", "urged"}),
        ({"dyad": "USA-IRQ", "undirected": "true"}, {"airstrike", "met", "sent", "urged", "condemned"}),
        ({"actor": "IRN"}, {"fired", "threatened"}),
        ({"quad": "1"}, {"met", "urged"}),
        ({"since": "2020-03", "until": "2020-03"}, {"urged", "threatened"}),
        ({"text": "ballistic"}, {"fired"}),
        ({"plover": ["AID", "CONSULT"]}, {"met", "sent"}),
    ],
)
def test_event_filters(client: httpx.Client, params: dict[str, Any], expected: set[str]) -> None:
    body = client.get("/api/events", params=params).json()
    assert {e["evidence"]["trigger"]["text"] for e in body["items"]} == expected
    assert body["total"] == len(expected)


def test_event_detail_has_article_and_highlight(client: httpx.Client, ids: dict[str, Any]) -> None:
    event = client.get(f"/api/events/{ids['events']['airstrike']}").json()
    assert event["document"]["title"] == "US strike near Baghdad airport"
    article = event["article"]
    assert article["highlighted"] is True
    body = article["body"]
    assert "".join(s["text"] for s in article["segments"]) == body
    ev = event["evidence"]
    assert body[ev["start"] : ev["end"]] == ev["sentence"]
    marked = {kind: "".join(s["text"] for s in article["segments"] if kind in s["marks"]) for kind in ("sentence", "trigger", "source", "target", "place")}
    assert marked["sentence"] == ev["sentence"]
    assert marked == {"sentence": ev["sentence"], "trigger": "airstrike", "source": "US forces", "target": "convoy", "place": "Baghdad"}


def test_timeseries_equals_the_query_library(client: httpx.Client, database: tuple[Path, dict[str, Any]]) -> None:
    body = client.get("/api/timeseries", params={"dyad": "USA-IRQ", "by": "month"}).json()
    store = Store(database[0], readonly=True)
    expected = query.timeseries(store, query.parse_filter({"dyad": "USA-IRQ"}), by="month")
    store.close()
    assert body == {"items": expected, "by": "month"}
    assert [row["period"] for row in expected] == ["2020-01", "2020-03", "2020-06"]


def test_timeseries_agrees_with_the_stats_command(client: httpx.Client, database: tuple[Path, dict[str, Any]]) -> None:
    result = CliRunner().invoke(app, ["stats", "--db", str(database[0]), "--dyad", "USA-IRQ", "--by", "month", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    from_cli = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert client.get("/api/timeseries", params={"dyad": "USA-IRQ", "by": "month"}).json()["items"] == from_cli


@pytest.mark.parametrize(
    ("path", "check"),
    [
        ("/api/dyads", lambda b: b["items"][0]["source"] == "USA" and b["items"][0]["target"] == "IRQ"),
        ("/api/types", lambda b: {t["plover"] for t in b["items"]} >= {"ASSAULT", "CONSULT", "THREATEN"}),
        ("/api/network", lambda b: {n["id"] for n in b["nodes"]} == {"USA", "IRQ", "IRN"} and b["edges"]),
        ("/api/actors?n=2", lambda b: len(b["items"]) == 2),
        ("/api/claims", lambda b: b["items"][0]["count"] == 2),
        ("/api/documents", lambda b: len(b["items"]) == 5),
        ("/api/documents?q=ballistic", lambda b: [d["title"] for d in b["items"]] == ["Iran fires missiles at US base"]),
        ("/api/errors", lambda b: b["total"] == 2),
        ("/api/stats/overview", lambda b: (b["documents"], b["events"], b["errors"], len(b["recent_errors"])) == (5, 8, 2, 2)),
    ],
)
def test_read_endpoints(client: httpx.Client, path: str, check: Any) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert check(response.json())


def test_document_detail_lists_its_events(client: httpx.Client, ids: dict[str, Any]) -> None:
    doc = client.get(f"/api/documents/{ids['meeting.txt']}").json()
    assert doc["article"]["title"] == "Kadhimi meets US officials"
    assert {e["evidence"]["trigger"]["text"] for e in doc["events"]} == {"met", "sent"}


def test_hostile_text_is_returned_as_data(client: httpx.Client, ids: dict[str, Any]) -> None:
    event = client.get(f"/api/events/{ids['events']['threatened']}").json()
    assert event["article"]["title"] == HOSTILE_TITLE
    assert HOSTILE_SCRIPT in event["article"]["body"] and HOSTILE_IMG in event["evidence"]["sentence"]


def test_dashboard_is_served_with_a_strict_content_security_policy(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    csp = page.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'none'" and directives["connect-src"] == "'self'"
    assert "unsafe-inline" not in csp and "http" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    for asset in ("app.js", "app.css", "world-110m.json"):
        assert client.get(f"/{asset}").status_code == 200
    assert client.get("/api/openapi.json").json()["info"]["title"] == "eventwire"


# -- the error shape -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "needle"),
    [
        ("GET", "/api/events/99999", {}, 404, "no event with id 99999"),
        ("GET", "/api/documents/99999", {}, 404, "no document"),
        ("GET", "/api/no-such-endpoint", {}, 404, "not found"),
        ("GET", "/no-such-file.png", {}, 404, "not found"),
        ("GET", "/api/events?quad=9", {}, 400, "quad"),
        ("GET", "/api/events?dyad=USA", {}, 400, "dyad"),
        ("GET", "/api/events?order=sideways", {}, 400, "order"),
        ("GET", "/api/timeseries?by=fortnight", {}, 400, "by"),
        ("GET", "/api/events?limit=abc", {}, 400, "limit"),  # FastAPI's 422 becomes 400
        ("GET", "/api/events?limit=0", {}, 400, "limit"),
        ("GET", "/api/events/abc", {}, 400, "event_id"),
        ("DELETE", "/api/events", {}, 405, "Method Not Allowed"),
        ("POST", "/api/ingest", {}, 401, "Authorization: Bearer"),
        ("POST", "/api/ingest", {"headers": {"Authorization": "Bearer wrong"}}, 401, "invalid token"),
        ("POST", "/api/ingest", {"headers": {"Authorization": f"Bearer {TOKEN}"}, "json": {}}, 400, "nothing to ingest"),
        ("POST", "/api/ingest", {"headers": {"Authorization": f"Bearer {TOKEN}"}, "content": b"x", }, 415, "multipart"),
        ("POST", "/api/ingest", {"headers": {"Authorization": f"Bearer {TOKEN}"}, "files": {"files": ("big.txt", b"a" * (MAX_UPLOAD + 1))}}, 413, "upload limit"),
    ],
)
def test_every_error_has_one_shape(client: httpx.Client, method: str, path: str, kwargs: dict[str, Any], status: int, needle: str) -> None:
    body = assert_error(client.request(method, path, **kwargs), status)
    assert needle in body["error"]


def test_a_chunked_body_over_the_limit_is_refused_with_413(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:  # a valid multipart body, sent without Content-Length
        yield b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n'
        for _ in range(MAX_UPLOAD // 1024 + 8):
            yield b"a" * 1024
        yield b"\r\n--xyz--\r\n"

    response = client.post("/api/ingest", content=chunks(),
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "multipart/form-data; boundary=xyz"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert_error(response, 413)


def test_missing_token_is_401_with_www_authenticate(client: httpx.Client) -> None:
    response = client.post("/api/ingest", files={"files": ("a.txt", GOOD_ARTICLE_1.encode())})
    assert_error(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_without_a_configured_token_writes_are_refused_with_403(database: tuple[Path, dict[str, Any]]) -> None:
    with running(create_app(Settings(db=database[0]), token=None)) as url:
        response = httpx.post(f"{url}/api/ingest", files={"files": ("a.txt", GOOD_ARTICLE_1.encode())},
                              headers={"Authorization": "Bearer anything"})
        body = assert_error(response, 403)
        assert "--token" in body["error"] and "EVENTWIRE_TOKEN" in body["error"]
        assert httpx.get(f"{url}/api/events").status_code == 200


def test_reads_can_require_the_token(database: tuple[Path, dict[str, Any]]) -> None:
    with running(create_app(Settings(db=database[0]), token=TOKEN, require_token_for_reads=True)) as url:
        assert_error(httpx.get(f"{url}/api/events"), 401)
        assert httpx.get(f"{url}/api/events", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert httpx.get(f"{url}/").status_code == 200  # the page itself; it asks for the token


def test_serve_refuses_to_require_a_token_for_reads_without_one() -> None:
    result = CliRunner().invoke(app, ["serve", "--require-token-for-reads"], env={"EVENTWIRE_TOKEN": ""})
    assert result.exit_code == 2
    assert "--require-token-for-reads needs --token" in result.output


def test_a_broken_database_is_a_500_in_the_error_shape(tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    app = create_app(Settings(db=db), token=None)
    with running(app) as url:
        for extra in (db.with_name("broken.db-wal"), db.with_name("broken.db-shm")):
            extra.unlink(missing_ok=True)
        db.write_bytes(b"this is not a database file at all " * 200)
        body = assert_error(httpx.get(f"{url}/api/events"), 500)
        assert "database" in body["error"]


# -- writes --------------------------------------------------------------------------------------


def test_ingest_with_the_token_stores_the_document(client: httpx.Client) -> None:
    response = client.post(
        "/api/ingest",
        headers={"Authorization": f"Bearer {TOKEN}"},
        files=[("files", ("good1.txt", GOOD_ARTICLE_1.encode())), ("files", ("empty.txt", b""))],
        data={"urls": "https://example.org/story\nftp://example.org/x"},
    )
    assert response.status_code == 200, response.text
    summary = response.json()
    assert summary["ok"] is True and summary["failed"] is True
    assert summary["added"] == 1 and summary["events"] >= 1
    by_name = {f["name"]: f for f in summary["files"]}
    assert by_name["good1.txt"]["errors"] == [] and len(by_name["good1.txt"]["documents"]) == 1
    assert by_name["empty.txt"]["errors"][0]["error_type"] == "EmptyInput"
    url_messages = {u["url"]: u["errors"][0]["message"] for u in summary["urls"]}
    assert url_messages["https://example.org/story"]  # no route to the internet here: a fetch error, with its reason
    assert "http" in url_messages["ftp://example.org/x"]
    doc_id = by_name["good1.txt"]["documents"][0]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["article"]["title"] == "Iraqi Premier Meets US Envoy in Baghdad"
    assert doc["events"] and all(e["document_id"] == doc_id for e in doc["events"])
    assert any(e["source"] == "upload:empty.txt" for e in client.get("/api/errors").json()["items"])
    again = client.post("/api/ingest", headers={"Authorization": f"Bearer {TOKEN}"}, files={"files": ("good1.txt", GOOD_ARTICLE_1.encode())})
    assert again.json()["added"] == 0 and again.json()["skipped"] == 1


def test_json_urls_are_fetched_and_ingested(client: httpx.Client) -> None:
    """A page on a real loopback HTTP server is fetched (private addresses allowed for the test), coded and stored."""
    import http.server
    import threading

    page = GOOD_ARTICLE_2.replace("Wednesday", "Saturday").encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story.html"
        response = client.post("/api/ingest", headers={"Authorization": f"Bearer {TOKEN}"}, json={"urls": [url, "https://example.org/a"]})
    finally:
        server.shutdown()
    assert response.status_code == 200
    by_url = {u["url"]: u for u in response.json()["urls"]}
    assert by_url[url]["errors"] == [] and by_url[url]["added"] == 1 and by_url[url]["documents"]
    assert by_url["https://example.org/a"]["errors"], "an unreachable URL is reported, not dropped"
    doc = client.get(f"/api/documents/{by_url[url]['documents'][0]}").json()
    assert doc["article"]["title"] == "Iran fires missiles at US bases"


def test_reads_go_on_while_an_ingest_writes(client: httpx.Client, base: str) -> None:
    """One thread ingests several documents through the API while 200+ reads run from other threads (WAL)."""
    variants = [GOOD_ARTICLE_2.replace("Wednesday", day) for day in ("Monday", "Tuesday", "Thursday", "Friday")]
    before = client.get("/api/stats/overview").json()["documents"]
    window: dict[str, float] = {}
    ingest_result: dict[str, Any] = {}

    def ingest() -> None:
        window["start"] = time.monotonic()
        with httpx.Client(base_url=base, timeout=300) as writer:
            for i, html in enumerate(variants):
                r = writer.post("/api/ingest", headers={"Authorization": f"Bearer {TOKEN}"}, files={"files": (f"v{i}.html", html.encode())})
                ingest_result[f"v{i}"] = (r.status_code, r.json())
        window["end"] = time.monotonic()

    paths = ["/api/events?limit=20", "/api/timeseries?dyad=USA-IRQ", "/api/stats/overview", "/api/network", "/api/dyads",
             "/api/documents", "/api/types", "/api/actors", "/api/events?text=Baghdad"]

    def read(i: int) -> tuple[int, float]:
        with httpx.Client(base_url=base, timeout=60) as reader:
            return reader.get(paths[i % len(paths)]).status_code, time.monotonic()

    writer = threading.Thread(target=ingest)
    writer.start()
    results: list[tuple[int, float]] = []
    deadline = time.monotonic() + 240
    with ThreadPoolExecutor(max_workers=8) as pool:
        while (len(results) < 200 or writer.is_alive()) and len(results) < 4000 and time.monotonic() < deadline:
            results += pool.map(read, range(len(results), len(results) + 40))
    writer.join(timeout=300)
    assert not writer.is_alive()
    assert len(results) >= 200
    assert [status for status, _ in results if status != 200] == []
    assert all(status == 200 and body["errors"] == [] for status, body in ingest_result.values())
    during = [t for _, t in results if window["start"] <= t <= window["end"]]
    print(f"{len(results)} reads, {len(during)} while the ingest ran ({window['end'] - window['start']:.1f} s)")
    assert during, "no read ran while the ingest was writing"
    assert client.get("/api/stats/overview").json()["documents"] == before + len(variants)
