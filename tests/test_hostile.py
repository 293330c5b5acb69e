"""Hostile inputs: each ends as an error record naming its path, or as a clean article, and the batch goes on.

Each test ingests a folder holding the hostile file next to a good article and checks that the good
one is stored and the bad one is recorded as an error with its path.
"""

from __future__ import annotations

import gzip
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.ingest import IngestSummary, ingest_paths
from eventwire.readers import read_inputs
from eventwire.records import IngestError, RawDocument
from eventwire.settings import Settings
from eventwire.store import Store

from .conftest import GOOD_ARTICLE_1, GOOD_ARTICLE_2
from .test_warc import _warc

MB = 1024 * 1024
PARAGRAPH = "<p>Iran fired more than a dozen ballistic missiles at two Iraqi bases hosting American troops, the Pentagon said.</p>"


def _ingest_with_good_article(tmp_path: Path, name: str, write: Callable[[Path], None],
                              settings: Settings | None = None) -> tuple[IngestSummary, Store, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE_1)
    hostile = folder / name
    write(hostile)
    store = Store(tmp_path / "test.db")
    summary = ingest_paths([str(folder)], store, settings)
    sources = [r[0] for r in store.conn.execute("SELECT source FROM documents")]
    assert str(folder / "good.txt") in sources, "the good article is stored: the batch went on"
    return summary, store, hostile


def _error_for(store: Store, path: Path) -> dict:
    errors = [e for e in store.errors() if e["source"] == str(path)]
    assert errors, f"an error record names {path}: {store.errors()}"
    return errors[0]


def _bytes(data: bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(data)

    return write


def _high_bytes(seed: int, n: int) -> bytes:
    """Bytes 0x80-0xff: no control characters (not 'binary'), and not valid UTF-8."""
    rng = random.Random(seed)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(n))


@pytest.mark.parametrize(
    ("name", "write", "error_type", "words"),
    [
        ("empty.txt", _bytes(b""), "EmptyInput", "empty"),
        ("whitespace.html", _bytes(b" \n\t\r\n" * 100), "EmptyInput", "empty"),
        ("blob.txt", _bytes(random.Random(7).randbytes(30_000)), "UnsupportedInput", "binary"),
        ("page-with-nul.html", _bytes(GOOD_ARTICLE_2.encode().replace(b"<p>", b"<p>\x00\x00")), "UnsupportedInput", "binary"),
        ("garbage.txt", _bytes(_high_bytes(3, 20_000)),
         "DecodeError|ExtractionFailed", ""),
        ("garbage.html", _bytes(b"<html><body>" + _high_bytes(5, 20_000)),
         "DecodeError|ExtractionFailed", ""),
        ("bomb.txt.gz", _bytes(gzip.compress(b"\n" + b"a" * (25 * MB))), "InputTooLarge", "cap"),
        ("deep.jsonl", _bytes(b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"), "JSONDecodeError", "not JSON"),
    ],
)
def test_hostile_file_is_an_error_record(tmp_path: Path, name: str, write: Callable[[Path], None], error_type: str, words: str) -> None:
    summary, store, hostile = _ingest_with_good_article(tmp_path, name, write)
    source = str(hostile) + ("#L1" if name.endswith(".jsonl") else "")
    error = _error_for(store, Path(source))
    assert error["error_type"] in error_type.split("|") and words in error["message"]
    assert summary.added == 1 and summary.failed


def test_50_mb_text_file_is_over_the_default_cap(tmp_path: Path) -> None:
    def write(path: Path) -> None:
        line = b"Iraqi officials said the talks in Baghdad would resume next week.\n"
        with path.open("wb") as handle:
            for _ in range(50 * MB // len(line) + 1):
                handle.write(line)

    summary, store, hostile = _ingest_with_good_article(tmp_path, "huge.txt", write)
    assert hostile.stat().st_size > 50 * MB > Settings().max_bytes
    error = _error_for(store, hostile)
    assert error["error_type"] == "InputTooLarge" and "20971520-byte cap" in error["message"]


def test_invalid_utf8_in_an_article_gives_a_clean_article_or_an_error(tmp_path: Path) -> None:
    text = GOOD_ARTICLE_1.encode().replace(b"Baghdad", b"Bagh\xffdad").replace(b"troops", b"tro\xc3\x28ops")
    summary, store, hostile = _ingest_with_good_article(tmp_path, "stray-bytes.txt", _bytes(text))
    row = store.conn.execute("SELECT a.body FROM documents d JOIN articles a ON a.document_id = d.id WHERE d.source = ?",
                             (str(hostile),)).fetchone()
    if row is None:
        _error_for(store, hostile)
    else:
        assert "\ufffd" not in row[0] and "Iraqi Prime Minister" in row[0]


def test_html_nested_100000_levels_is_flattened(tmp_path: Path) -> None:
    depth = 100_000
    page = "<html><head><title>Deep</title></head><body>" + "<div>" * depth + PARAGRAPH * 3 + "</div>" * depth + "</body></html>"
    summary, store, hostile = _ingest_with_good_article(tmp_path, "deep.html", _bytes(page.encode()))
    row = store.conn.execute("SELECT a.body FROM documents d JOIN articles a ON a.document_id = d.id WHERE d.source = ?",
                             (str(hostile),)).fetchone()
    assert row is not None and "ballistic missiles" in row[0], store.errors()
    assert not summary.failed


def test_unclosed_tags_100000_deep_are_flattened(tmp_path: Path) -> None:
    page = "<html><body>" + "<span><b><i>" * 33_000 + PARAGRAPH * 3
    summary, store, hostile = _ingest_with_good_article(tmp_path, "unclosed.html", _bytes(page.encode()))
    sources = [r[0] for r in store.conn.execute("SELECT source FROM documents")]
    assert str(hostile) in sources or _error_for(store, hostile)


def _feed(entries: int) -> bytes:
    items = "".join(
        f"<item><title>Entry {n}</title><link>https://news.example/{n}</link><pubDate>Wed, 08 Jan 2020 10:00:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[<p>Entry {n}: Iraqi officials met the US envoy in Baghdad on Tuesday to discuss troops.</p>]]>"
        "</content:encoded></item>"
        for n in range(entries)
    )
    return (f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>Flood</title>{items}</channel></rss>").encode()


def test_feed_with_10000_entries_is_capped_with_an_error(tmp_path: Path) -> None:
    settings = Settings(max_feed_entries=25)
    summary, store, hostile = _ingest_with_good_article(tmp_path, "flood.rss", _bytes(_feed(10_000)), settings)
    error = _error_for(store, hostile)
    assert error["error_type"] == "TooManyEntries" and "10000 entries" in error["message"]
    assert summary.added == 1 + 25


def test_feed_with_10000_entries_at_the_default_cap(tmp_path: Path) -> None:
    path = tmp_path / "flood.rss"
    path.write_bytes(_feed(10_000))
    items = list(read_inputs([str(path)]))
    errors = [i for i in items if isinstance(i, IngestError)]
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert len(docs) == Settings().max_feed_entries == 1000
    assert [e.error_type for e in errors] == ["TooManyEntries"]
    assert docs[-1].source == "https://news.example/999"


def test_feed_with_an_entity_expansion_bomb(tmp_path: Path) -> None:
    lol = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
    for n in range(1, 10):
        lol += f'<!ENTITY a{n} "{("&a" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
    lol += ']><rss version="2.0"><channel><title>&a9;</title><item><title>x</title><description>&a9;</description></item></channel></rss>'
    summary, store, hostile = _ingest_with_good_article(tmp_path, "lol.rss", _bytes(lol.encode()))
    sizes = [len(r[0] or "") for r in store.conn.execute("SELECT metadata FROM documents")]
    assert max(sizes) < 1_000_000  # the entities were not expanded into a billion characters


@pytest.mark.parametrize("delta", [-200, 200, 100_000])
def test_warc_record_with_a_lying_content_length(tmp_path: Path, delta: int) -> None:
    data = _warc([("https://news.example/a", "response", GOOD_ARTICLE_2.encode(), {}),
                  ("https://news.example/b", "resource", GOOD_ARTICLE_1.replace("Iraqi", "Iraq's").encode(),
                   {"content_type": "text/plain"})], gz=False)
    declared = next(re.finditer(rb"Content-Length: (\d+)", data))
    lie = str(int(declared.group(1)) + delta).encode()
    data = data[: declared.start(1)] + lie + data[declared.end(1):]
    summary, store, hostile = _ingest_with_good_article(tmp_path, "lying.warc", _bytes(data))
    error = _error_for(store, hostile)
    assert error["error_type"] == "MalformedArchive" and "Content-Length" in error["message"]
    urls = [r[0] for r in store.conn.execute("SELECT url FROM documents")]
    assert "https://news.example/a" not in urls  # the record that lies is left out, never stored half or with junk
