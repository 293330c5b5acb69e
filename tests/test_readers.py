"""Readers: every input becomes documents or an error record naming the path and the reason."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from eventwire.readers import read_inputs
from eventwire.records import IngestError, RawDocument

from .conftest import GOOD_ARTICLE_1, GOOD_ARTICLE_2


def _items(*paths: Path, **kw) -> list[RawDocument | IngestError]:
    return list(read_inputs([str(p) for p in paths], **kw))


def test_directory_with_good_and_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE_1)
    (tmp_path / "b.html").write_text(GOOD_ARTICLE_2)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 40)
    items = _items(tmp_path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = {Path(i.source).name: i for i in items if isinstance(i, IngestError)}
    assert sorted(Path(d.source).name for d in docs) == ["a.txt", "b.html"]
    assert set(errors) == {"empty.txt", "blob.bin"}
    assert errors["empty.txt"].error_type == "EmptyInput"
    assert "binary" in errors["blob.bin"].message


def test_jsonl_lines_become_documents_and_bad_lines_errors(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"url": "https://example.org/a", "text": "Iran condemned the strike.", "published": "2020-01-03", "title": "A"}),
        "{not json",
        json.dumps({"url": "https://example.org/b", "html": "<html><body><p>x</p></body></html>"}),
        json.dumps({"url": "https://example.org/c"}),
    ]
    path.write_text("\n".join(lines))
    items = _items(path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "IngestError", "RawDocument", "IngestError"]
    first = items[0]
    assert isinstance(first, RawDocument) and first.meta("published") == "2020-01-03" and first.source == "https://example.org/a"
    assert isinstance(items[1], IngestError) and items[1].source.endswith("#L2")


def test_rss_feed_entries(tmp_path: Path) -> None:
    feed = tmp_path / "f.rss"
    feed.write_text(
        """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
        <title>Wire</title><item><title>One</title><link>https://example.org/1</link>
        <pubDate>Wed, 08 Jan 2020 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>Iran fired missiles at a base.</p>]]></content:encoded></item>
        <item><title>Two</title><link>https://example.org/2</link><description>Talks resumed.</description></item>
        </channel></rss>"""
    )
    items = _items(feed)
    assert all(isinstance(i, RawDocument) for i in items)
    assert [i.source for i in items] == ["https://example.org/1", "https://example.org/2"]
    assert items[0].meta("feed_title") == "Wire" and items[0].meta("published", ) == "2020-01-08T10:00+00:00"


def test_gzip_past_the_cap_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "big.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5_000_000))
    (tmp_path / "ok.txt").write_text(GOOD_ARTICLE_1)
    items = _items(tmp_path, max_bytes=1_000_000)
    kinds = {Path(i.source).name: type(i).__name__ for i in items}
    assert kinds == {"big.txt.gz": "IngestError", "ok.txt": "RawDocument"}


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    items = _items(tmp_path / "nope.txt")
    assert isinstance(items[0], IngestError) and items[0].error_type == "FileNotFoundError"


def test_include_exclude_globs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE_1)
    (tmp_path / "b.html").write_text(GOOD_ARTICLE_2)
    names = [Path(i.source).name for i in read_inputs([str(tmp_path)], include=("*.html",))]
    assert names == ["b.html"]
    names = [Path(i.source).name for i in read_inputs([str(tmp_path)], exclude=("*.html",))]
    assert names == ["a.txt"]
