"""Readers: every input becomes documents or an error record naming the path and the reason."""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.extract import extract_article
from eventwire.fetch import Fetcher
from eventwire.readers import ReadOptions, html_content, read_bytes, read_inputs, sniff
from eventwire.records import IngestError, RawDocument

from .conftest import GOOD_ARTICLE_1, GOOD_ARTICLE_2
from .test_fetch import LoopbackServer, loopback


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    yield from loopback()


def _items(*paths: Path | str, **kw: Any) -> list[RawDocument | IngestError]:
    return list(read_inputs([str(p) for p in paths], **kw))


def _text(doc: RawDocument | IngestError) -> str:
    assert isinstance(doc, RawDocument), doc
    return doc.content if isinstance(doc.content, str) else doc.content.decode("utf-8")


def _local(**kw: object) -> ReadOptions:
    return ReadOptions(fetcher=Fetcher(allow_private=True), **kw)  # type: ignore[arg-type]


# -- files, directories, stdin -----------------------------------------------------------------


def test_directory_with_good_and_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE_1)
    (tmp_path / "b.html").write_text(GOOD_ARTICLE_2)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 40)
    items = _items(tmp_path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = {Path(i.source).name: i for i in items if isinstance(i, IngestError)}
    assert sorted(Path(d.source).name for d in docs) == ["a.txt", "b.html"]
    assert {d.media_type for d in docs} == {"text/plain", "text/html"}
    assert set(errors) == {"empty.txt", "blob.bin"}
    assert errors["empty.txt"].error_type == "EmptyInput"
    assert "binary" in errors["blob.bin"].message


def test_directories_are_read_recursively_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "2020" / "01").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "2020" / "01" / "a.txt").write_text(GOOD_ARTICLE_1)
    (tmp_path / "2020" / "b.html").write_text(GOOD_ARTICLE_2)
    (tmp_path / "2020" / "b.html.gz").write_bytes(gzip.compress(GOOD_ARTICLE_2.replace("Iran", "Tehran").encode()))
    (tmp_path / ".git" / "config.txt").write_text(GOOD_ARTICLE_1)
    (tmp_path / ".hidden.txt").write_text(GOOD_ARTICLE_1)
    items = _items(tmp_path)
    assert [Path(i.source).relative_to(tmp_path).as_posix() for i in items] == ["2020/b.html", "2020/b.html.gz", "2020/01/a.txt"]
    assert [i.media_type for i in items if isinstance(i, RawDocument)] == ["text/html", "text/html", "text/plain"]
    names = [Path(i.source).name for i in read_inputs([str(tmp_path)], include=("*.txt",))]
    assert names == ["a.txt"]  # a glob without a slash also matches the file name in a sub-folder
    names = [Path(i.source).name for i in read_inputs([str(tmp_path)], include=("2020/*",), exclude=("*.gz",))]
    assert names == ["b.html", "a.txt"]


def test_include_exclude_globs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE_1)
    (tmp_path / "b.html").write_text(GOOD_ARTICLE_2)
    names = [Path(i.source).name for i in read_inputs([str(tmp_path)], include=("*.html",))]
    assert names == ["b.html"]
    names = [Path(i.source).name for i in read_inputs([str(tmp_path)], exclude=("*.html",))]
    assert names == ["a.txt"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD_ARTICLE_2.encode())))
    (doc,) = _items("-")
    assert isinstance(doc, RawDocument) and doc.source == "<stdin>" and doc.media_type == "text/html"


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    items = _items(tmp_path / "nope.txt")
    assert isinstance(items[0], IngestError) and items[0].error_type == "FileNotFoundError"


def test_gzip_past_the_cap_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "big.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5_000_000))
    (tmp_path / "ok.txt").write_text(GOOD_ARTICLE_1)
    items = _items(tmp_path, max_bytes=1_000_000)
    kinds = {Path(i.source).name: type(i).__name__ for i in items}
    assert kinds == {"big.txt.gz": "IngestError", "ok.txt": "RawDocument"}


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.txt", GOOD_ARTICLE_1.encode(), "text/plain"),
        ("page", GOOD_ARTICLE_2.encode(), "text/html"),
        ("feed.xml", b'<?xml version="1.0"?>\n<!-- a comment --><rss version="2.0"><channel><description><![CDATA[<html>]]>', "feed"),
        ("atom", b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("rdf", b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "feed"),
        ("x.jsonl", b'{"text": "a"}', "jsonl"),
        ("notes.md", b"{curly} start of a note", "text/plain"),
    ],
)
def test_sniff(name: str, data: bytes, kind: str) -> None:
    assert sniff(name, data) == kind


def test_sniff_uses_the_http_content_type() -> None:
    assert sniff("https://example.org/feed", b"<?xml version='1.0'?><channel/>", "application/rss+xml") == "feed"
    assert sniff("https://example.org/a", b"<div>text</div>", "text/html") == "text/html"


# -- JSON Lines --------------------------------------------------------------------------------


def test_jsonl_lines_become_documents_and_bad_lines_errors(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"url": "https://example.org/a", "text": "Iran condemned the strike.", "published": "2020-01-03", "title": "A"}),
        "{not json",
        json.dumps({"url": "https://example.org/b", "html": "<html><body><p>x</p></body></html>"}),
        json.dumps({"url": "https://example.org/c"}),
        '{"text": "a lone surrogate \\ud800 in the text"}',
        "[1, 2]",
    ]
    path.write_text("\n".join(lines))
    items = _items(path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "IngestError", "RawDocument", "IngestError", "RawDocument", "IngestError"]
    first = items[0]
    assert isinstance(first, RawDocument) and first.meta("published") == "2020-01-03" and first.source == "https://example.org/a"
    assert isinstance(items[1], IngestError) and items[1].source.endswith("#L2")
    assert isinstance(items[4], RawDocument) and items[4].content_hash  # hashable: the surrogate was replaced


# -- feeds -------------------------------------------------------------------------------------

RSS = """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Wire &amp; Co</title><item><title>One &lt;b&gt;</title><link>https://example.org/1</link><author>lena@example.org (Lena Hartmann)</author>
<pubDate>Wed, 08 Jan 2020 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>Iran fired missiles at a base.</p>]]></content:encoded></item>
<item><title>Two</title><link>{link}</link><pubDate>Thu, 09 Jan 2020 08:30:00 GMT</pubDate><description>Talks resumed.</description></item>
</channel></rss>"""


def test_rss_entries_full_content_or_fetched_link(tmp_path: Path, server: LoopbackServer) -> None:
    server.serve("/two", GOOD_ARTICLE_2)
    feed = tmp_path / "f.rss"
    feed.write_text(RSS.format(link=server.url("/two")))
    one, two = _items(feed, options=_local())
    assert isinstance(one, RawDocument) and isinstance(two, RawDocument)
    assert one.source == "https://example.org/1" and "<p>Iran fired missiles at a base.</p>" in _text(one)
    assert "<title>One &lt;b&gt;</title>" in _text(one)  # the entry title is escaped in the page built for it
    assert one.meta("feed_title") == "Wire & Co" and one.meta("published") == "2020-01-08T10:00+00:00"
    assert one.meta("feed") == str(feed) and one.meta("url") == "https://example.org/1"
    # entry two carries only a teaser: its link was fetched, the feed's metadata kept
    assert two.source == server.url("/two") and _text(two) == GOOD_ARTICLE_2
    assert two.meta("title") == "Two" and two.meta("feed_title") == "Wire & Co" and two.meta("published") == "2020-01-09T08:30+00:00"
    assert two.meta("url") == server.url("/two")


def test_feed_entry_link_that_fails_is_an_error_and_the_feed_goes_on(tmp_path: Path, server: LoopbackServer) -> None:
    feed = tmp_path / "f.rss"
    feed.write_text(RSS.format(link=server.url("/missing")))
    one, two = _items(feed, options=_local())
    assert isinstance(one, RawDocument)
    assert isinstance(two, IngestError) and two.source == server.url("/missing") and two.stage == "fetch"


def test_feed_entries_already_stored_are_not_read(tmp_path: Path, server: LoopbackServer) -> None:
    server.serve("/two", GOOD_ARTICLE_2)
    feed = tmp_path / "f.rss"
    feed.write_text(RSS.format(link=server.url("/two")))
    items = _items(feed, options=_local(seen=lambda url: url == server.url("/two")))
    assert [i.source for i in items] == ["https://example.org/1"]
    assert server.hits("/two") == 0


def test_long_description_is_the_article(tmp_path: Path) -> None:
    body = "".join(f"<p>Paragraph {n}: Iraqi officials said the talks in Baghdad would resume next week.</p>" for n in range(20))
    feed = tmp_path / "f.rss"
    feed.write_text(RSS.format(link="https://example.invalid/never-fetched").replace("Talks resumed.", f"<![CDATA[{body}]]>"))
    one, two = _items(feed)
    assert isinstance(two, RawDocument) and "Paragraph 19" in _text(two)


def test_atom_feed_from_a_url(server: LoopbackServer) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
    <id>urn:x</id><updated>2020-01-09T00:00:00Z</updated>
    <entry><title>Html</title><link href="/news/1"/><id>urn:1</id><published>2020-01-08T09:00:00Z</published><updated>2020-01-08T12:00:00Z</updated>
    <content type="html">&lt;p&gt;Iran fired missiles at two bases.&lt;/p&gt;</content></entry>
    <entry><title>Text</title><link href="https://example.org/2"/><id>urn:2</id><updated>2020-01-09T00:00:00Z</updated>
    <content type="text">First paragraph &amp; more.

Second paragraph.</content></entry></feed>"""
    server.serve("/atom", atom, content_type="application/atom+xml")
    first, second = _items(server.url("/atom"), options=_local())
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.source == server.url("/news/1")  # relative link resolved against the feed's URL
    assert first.meta("feed_title") == "Atom Wire" and first.meta("feed") == server.url("/atom")
    assert first.meta("published") == "2020-01-08T09:00+00:00" and first.meta("updated") == "2020-01-08T12:00+00:00"
    assert first.meta("entry_id") == "urn:1"
    assert "<p>First paragraph &amp; more.</p><p>Second paragraph.</p>" in _text(second)


def test_rss_1_0_feed(tmp_path: Path) -> None:
    feed = tmp_path / "wire.rdf"
    feed.write_text("""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="https://example.org/"><title>RDF Wire</title><link>https://example.org/</link><description>d</description></channel>
<item rdf:about="https://example.org/a"><title>A</title><link>https://example.org/a</link><dc:date>2020-01-08T10:00:00Z</dc:date>
<content:encoded><![CDATA[<p>Iraq's parliament voted to expel foreign troops.</p>]]></content:encoded></item>
</rdf:RDF>""")
    (doc,) = _items(feed)
    assert isinstance(doc, RawDocument) and doc.source == "https://example.org/a"
    assert doc.meta("feed_title") == "RDF Wire" and doc.meta("published") == "2020-01-08T10:00+00:00"
    assert "expel foreign troops" in _text(doc)


@pytest.mark.parametrize("data", [b"<rss version='2.0'><channel><item><title>x</tit", b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>"])
def test_malformed_or_empty_feed_is_an_error(tmp_path: Path, data: bytes) -> None:
    feed = tmp_path / "bad.xml"
    feed.write_bytes(data)
    (error,) = _items(feed)
    assert isinstance(error, IngestError) and error.source == str(feed) and "feed" in error.message


# -- encodings ---------------------------------------------------------------------------------

RUSSIAN = "Министр иностранных дел России заявил в понедельник, что Москва осуждает удар по Багдаду."
FRENCH = "Le ministre français a condamné la frappe contre l'ambassade à Bagdad, a déclaré le porte-parole."
JAPANESE = "イラン政府は月曜日、バグダッドでの米軍の攻撃を非難したと外務省の報道官が述べた。"


def _page(text: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><article><p>{text}</p><p>{text}</p></article></body></html>"


@pytest.mark.parametrize(
    ("case", "data", "expected"),
    [
        ("utf-8 declared", _page(RUSSIAN, '<meta charset="utf-8">').encode("utf-8"), RUSSIAN),
        ("cp1251 declared", _page(RUSSIAN, '<meta charset="windows-1251">').encode("cp1251"), RUSSIAN),
        ("cp1251 in http-equiv", _page(RUSSIAN, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">').encode("cp1251"), RUSSIAN),
        ("cp1251 undeclared", _page(RUSSIAN).encode("cp1251"), RUSSIAN),
        ("cp1251 declared as latin-1", _page(RUSSIAN, '<meta charset="iso-8859-1">').encode("cp1251"), RUSSIAN),
        ("latin-1 declared as utf-8", _page(FRENCH, '<meta charset="utf-8">').encode("latin-1"), FRENCH),
        ("cp1252 undeclared", _page(FRENCH).encode("cp1252"), FRENCH),
        ("unknown charset name", _page(FRENCH, '<meta charset="x-no-such-charset">').encode("cp1252"), FRENCH),
        ("shift_jis declared", _page(JAPANESE, '<meta charset="shift_jis">').encode("shift_jis"), JAPANESE),
        ("utf-16 with BOM", _page(FRENCH, '<meta charset="utf-16">').encode("utf-16"), FRENCH),
        ("utf-16-le without BOM", _page(FRENCH).encode("utf-16-le"), FRENCH),
        ("utf-8 with BOM", b"\xef\xbb\xbf" + _page(RUSSIAN).encode("utf-8"), RUSSIAN),
        ("xhtml with an xml declaration", ('<?xml version="1.0" encoding="iso-8859-1"?>' + _page(FRENCH)).encode("latin-1"), FRENCH),
    ],
)
def test_html_in_any_encoding(tmp_path: Path, case: str, data: bytes, expected: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    (doc,) = _items(path)
    assert isinstance(doc, RawDocument) and doc.media_type == "text/html", case
    assert expected in _text(doc), case


def test_http_charset_is_used(server: LoopbackServer) -> None:
    server.serve("/ru", _page(RUSSIAN).encode("koi8-r"), content_type="text/html; charset=koi8-r")
    (doc,) = _items(server.url("/ru"), options=_local())
    assert RUSSIAN in _text(doc)


def test_wrongly_declared_page_is_extracted_in_its_real_encoding(tmp_path: Path) -> None:
    path = tmp_path / "ru.html"
    path.write_bytes(_page(RUSSIAN, '<meta charset="iso-8859-1">').encode("cp1251"))
    (doc,) = _items(path)
    assert isinstance(doc, RawDocument)
    assert RUSSIAN in extract_article(doc).body


def test_html_content_keeps_utf8_bytes_as_they_are() -> None:
    data = _page(RUSSIAN).encode("utf-8")
    assert html_content(data) is data


def test_read_bytes_of_an_upload_is_capped() -> None:
    (error,) = read_bytes("upload:x.txt", b"x" * 2000, max_bytes=1000)
    assert isinstance(error, IngestError) and error.error_type == "InputTooLarge"
