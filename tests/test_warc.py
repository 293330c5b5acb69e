"""WARC, WARC.gz, Common Crawl WET and ARC files: page records become documents; broken files, error records."""

from __future__ import annotations

import gzip
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import ingest_paths
from eventwire.readers import read_bytes, read_inputs
from eventwire.records import IngestError, RawDocument
from eventwire.store import Store

from .conftest import EVAL, GOOD_ARTICLE_1, GOOD_ARTICLE_2, need_shared

ROBUSTNESS = EVAL / "robustness" / "warc"

# what each sample (see its README.md) must give: the URIs of its documents, the types of its errors
EXPECTED: dict[str, tuple[list[str], list[str]]] = {
    "bad.arc": ([], ["EmptyInput"]),  # its three responses have no HTTP status line and 0-1 byte bodies
    "example-bad-non-chunked.warc.gz": (["http://example.com/"], []),  # one gzip member: read again through gunzip
    "example-bad.warc.gz.bad": (["http://example.com?example=1"], []),  # the 302 and the revisit are not pages
    "example-digest.warc": ([], ["EmptyInput"]),  # request records only
    "example-iana.org-chunked.warc": (["http://www.iana.org/"], []),
    "example-resource.warc.gz": (["http://example.com/"], []),
    "example-space-in-target-uri.warc.gz": ([], ["EmptyInput"]),  # a PNG resource
    "example-space-in-url.arc": (
        ["http://example.com/index.cfm?FuseAction=Email&EmailTitle=Examples%20From%20The%20Live%20Web&IsPopUp=False"], []),
    "example-trunc.warc": ([], ["MalformedArchive"]),  # the response's Content-Length lies: left out, with the reason
    "example-wget-bad-target-uri.warc.gz": (["http://example.com/"], []),  # <brackets> stripped, wget's log left out
    "example-wrong-chunks.warc.gz": (["http://example.com/"], []),
    "example.arc": (["http://example.com/"], []),
    "example.arc.gz": (["http://example.com/"], []),
    "example.warc": (["http://example.com/"], []),
    "example.warc.gz": (["http://example.com/"], []),
    "post-test.warc.gz": ([], ["EmptyInput"]),  # JSON responses
}


def _samples() -> list[str]:
    if not ROBUSTNESS.exists():
        return sorted(EXPECTED)
    return sorted(p.name for p in ROBUSTNESS.iterdir() if p.name != "README.md")


@pytest.mark.parametrize("name", _samples())
def test_robustness_sample(name: str) -> None:
    path = need_shared(ROBUSTNESS / name)
    items = list(read_inputs([str(path)]))  # never raises
    assert items, "every file gives documents or an error record"
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, IngestError)]
    for error in errors:
        assert error.source == str(path) and error.message and error.stage == "read"
    for doc in docs:
        assert doc.fetched is not None and doc.meta("url") == doc.source and doc.meta("warc_file") == str(path)
        assert doc.media_type in ("text/html", "text/plain") and doc.content
    if name in EXPECTED:
        uris, error_types = EXPECTED[name]
        assert [d.source for d in docs] == uris
        assert [e.error_type for e in errors] == error_types


def test_robustness_folder_ingests_without_a_traceback(db_path: Path) -> None:
    folder = need_shared(ROBUSTNESS)
    store = Store(db_path)
    summary = ingest_paths([str(folder)], store)
    assert summary.added >= 5
    assert all(e.source.startswith(str(folder)) or e.source.startswith("http") for e in summary.errors)
    captured = store.conn.execute("SELECT fetched FROM documents WHERE url = 'http://www.iana.org/'").fetchone()
    assert captured[0].startswith("2017-03-06")


def test_example_arc_capture_date() -> None:
    path = need_shared(ROBUSTNESS / "example.arc")
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, RawDocument) and doc.fetched == datetime(2014, 2, 16, 5, 2, 21, tzinfo=UTC)
    assert doc.meta("warc_record") == "response" and b"Example Domain" in doc.content  # type: ignore[operator]


# -- hand-made archives ------------------------------------------------------------------------


def _warc(records: list[tuple[str, str, bytes, dict[str, str]]], *, gz: bool = True) -> bytes:
    """A WARC file of (uri, record type, payload, options) records; options: content_type, status, date."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for uri, kind, payload, opts in records:
        headers = {"WARC-Date": opts.get("date", "2020-01-08T10:00:00Z")}
        http = None
        if kind == "response":
            http = StatusAndHeaders(opts.get("status", "200 OK"), [("Content-Type", opts.get("content_type", "text/html"))],
                                    protocol="HTTP/1.1")
        else:
            headers["Content-Type"] = opts.get("content_type", "text/plain")
        record = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=http, warc_headers_dict=headers)
        writer.write_record(record)
    return buffer.getvalue()


FRENCH = """Le ministre irakien des Affaires étrangères a condamné lundi la frappe américaine contre l'aéroport de Bagdad.

Selon le porte-parole du gouvernement, la frappe constitue une violation de la souveraineté du pays et de l'accord
sur la présence des troupes étrangères. Le parlement doit se réunir dimanche pour en débattre.
"""


def test_common_crawl_wet_conversion_records(tmp_path: Path, db_path: Path) -> None:
    wet = tmp_path / "CC-MAIN-20200117-00000.warc.wet.gz"
    wet.write_bytes(_warc([
        ("", "warcinfo", b"software: test\r\n", {"content_type": "application/warc-fields"}),
        ("https://news.example/a", "conversion", GOOD_ARTICLE_1.encode(), {"date": "2020-03-09T11:00:00Z"}),
        ("https://news.example/b", "conversion", FRENCH.encode(), {}),
    ]))
    docs = list(read_inputs([str(wet)]))
    assert [(d.source, d.media_type) for d in docs if isinstance(d, RawDocument)] == [
        ("https://news.example/a", "text/plain"), ("https://news.example/b", "text/plain")]
    first = docs[0]
    assert isinstance(first, RawDocument) and first.fetched == datetime(2020, 3, 9, 11, tzinfo=UTC)
    assert first.meta("warc_record") == "conversion" and first.meta("captured") == "2020-03-09T11:00:00+00:00"
    summary = ingest_paths([str(wet)], Store(db_path))
    assert summary.added == 2 and summary.events > 0 and summary.not_coded == 1, summary.errors


def test_response_records_pages_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    russian = "<html><body><p>Министр иностранных дел России заявил, что Москва осуждает удар.</p></body></html>"
    path.write_bytes(_warc([
        ("https://news.example/ok", "response", GOOD_ARTICLE_2.encode(), {}),
        ("https://news.example/ru", "response", russian.encode("cp1251"), {"content_type": "text/html; charset=windows-1251"}),
        ("https://news.example/missing", "response", b"<html><body>Not found</body></html>", {"status": "404 Not Found"}),
        ("https://news.example/moved", "response", b"", {"status": "301 Moved Permanently"}),
        ("https://news.example/logo.png", "response", b"\x89PNG\r\n\x1a\n", {"content_type": "image/png"}),
        ("https://news.example/ok", "request", b"GET /ok HTTP/1.1\r\nHost: news.example\r\n\r\n",
         {"content_type": "application/http; msgtype=request"}),
        ("metadata://crawler/log.txt", "resource", b"crawler log line", {}),
        ("https://news.example/notes.txt", "resource", GOOD_ARTICLE_1.encode(), {"content_type": "text/plain"}),
    ]))
    docs = list(read_inputs([str(path)]))
    assert [d.source for d in docs] == ["https://news.example/ok", "https://news.example/ru", "https://news.example/notes.txt"]
    assert all(isinstance(d, RawDocument) for d in docs)
    russian_doc = docs[1]
    assert isinstance(russian_doc, RawDocument) and "Министр" in str(russian_doc.content)  # decoded with the HTTP charset


def test_the_size_cap_applies_to_each_record_not_to_the_file(tmp_path: Path) -> None:
    page = GOOD_ARTICLE_2.encode()
    records: list[tuple[str, str, bytes, dict[str, str]]] = [(f"https://news.example/{n}", "response", page.replace(b"Iran", f"Iran{n}".encode()), {}) for n in range(5)]
    records.append(("https://news.example/huge", "response", b"<p>" + b"x" * 20_000 + b"</p>", {}))
    path = tmp_path / "big.warc"
    path.write_bytes(_warc(records, gz=False))
    assert path.stat().st_size > 5_000
    items = list(read_inputs([str(path)], max_bytes=5_000))
    assert [type(i).__name__ for i in items] == ["RawDocument"] * 5 + ["IngestError"]
    assert isinstance(items[-1], IngestError) and items[-1].source == "https://news.example/huge"
    assert items[-1].error_type == "InputTooLarge"


def test_single_gzip_member_warc_is_read(tmp_path: Path) -> None:
    plain = _warc([("https://news.example/a", "response", GOOD_ARTICLE_2.encode(), {}),
                   ("https://news.example/b", "resource", GOOD_ARTICLE_1.encode(), {"content_type": "text/plain"})], gz=False)
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(plain))  # one member for the whole file, as some tools write it
    assert [i.source for i in read_inputs([str(path)])] == ["https://news.example/a", "https://news.example/b"]


def test_warc_bytes_from_an_upload_or_stdin() -> None:
    data = _warc([("https://news.example/a", "response", GOOD_ARTICLE_2.encode(), {})])
    (doc,) = read_bytes("upload:crawl.warc.gz", data)
    assert isinstance(doc, RawDocument) and doc.source == "https://news.example/a"
    (doc,) = read_bytes("<stdin>", data)  # no name: recognised by its first bytes
    assert isinstance(doc, RawDocument) and doc.source == "https://news.example/a"


@pytest.mark.parametrize("data", [b"this is not a WARC file\n" * 10, b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n"])
def test_not_a_warc_is_an_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(data)
    items = list(read_inputs([str(path)]))
    assert items and all(isinstance(i, IngestError) and i.source == str(path) for i in items)
