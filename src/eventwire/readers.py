"""Input readers: paths, directories, stdin, http(s) URLs, JSON Lines, feeds and WARC files -> RawDocument.

A reader never raises for a bad input: it yields an :class:`IngestError` naming the path (or URL)
and the reason, and goes on with the next input. Formats are recognised by name and by content
(:func:`sniff`); gzip is opened up to the size cap; HTML in another encoding than UTF-8 is decoded
here (BOM, then the HTTP charset, then the ``<meta>`` charset, each checked against the bytes,
then detection), so that a wrongly declared page is read in the encoding it really has.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from .errors import DecodeError, EmptyInput, EventwireError, InputTooLarge, UnsupportedInput
from .fetch import Fetcher, looks_like_url
from .records import IngestError, RawDocument

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
WARC_SUFFIXES = {".warc", ".arc", ".wet", ".wat"}
FEED_MEDIA = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
#: Deeper HTML is flattened before extraction (libxml2 gives up at 256 levels and drops the page).
MAX_HTML_DEPTH = 200

ReadItem = RawDocument | IngestError


@dataclass(slots=True)
class ReadOptions:
    """How readers treat inputs: size cap, feed entry cap, the fetcher for URLs, and URLs already stored.

    ``fetcher`` None means a default :class:`Fetcher` (public addresses only), made when first needed.
    ``seen(url)`` true means a feed entry with that link is already stored: it is skipped unread.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_feed_entries: int = 1000
    fetcher: Fetcher | None = None
    seen: Callable[[str], bool] | None = None
    _default_fetcher: Fetcher | None = field(default=None, repr=False)

    def get_fetcher(self) -> Fetcher:
        if self.fetcher is not None:
            return self.fetcher
        if self._default_fetcher is None:
            self._default_fetcher = Fetcher(max_bytes=self.max_bytes)
        return self._default_fetcher


def read_inputs(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    options: ReadOptions | None = None,
) -> Iterator[ReadItem]:
    """Yield a RawDocument or an IngestError for every document found under ``paths``.

    Each path is a file, a directory (read recursively; hidden files and folders are left out;
    ``include``/``exclude`` are globs on the path relative to the directory), ``-`` for stdin,
    or an http(s) URL.
    """
    opts = options or ReadOptions(max_bytes=max_bytes)
    for item in paths:
        if item == "-":
            data = sys.stdin.buffer.read(opts.max_bytes + 1)
            yield from read_bytes("<stdin>", data, options=opts)
        elif looks_like_url(item):
            yield from read_url(item, options=opts)
        else:
            path = Path(item)
            if path.is_dir():
                for file in _walk(path, include, exclude):
                    yield from read_file(file, options=opts)
            elif path.is_file():
                yield from read_file(path, options=opts)
            else:
                yield IngestError(str(path), "read", "FileNotFoundError", "no such file or directory")


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            file = Path(folder) / name
            rel = file.relative_to(root).as_posix()
            if include and not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in include):
                continue
            if exclude and any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in exclude):
                continue
            yield file


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, options: ReadOptions | None = None) -> Iterator[ReadItem]:
    """Documents of one file. WARC/ARC files are streamed (the size cap applies to each record)."""
    opts = options or ReadOptions(max_bytes=max_bytes)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        yield _error(str(path), "read", exc)
        return
    if head and is_warc(path.name, head):
        from .warc import read_warc

        yield from read_warc(str(path), lambda: path.open("rb"), max_bytes=opts.max_bytes)
        return
    try:
        if size > opts.max_bytes:
            raise InputTooLarge(f"{size} bytes is over the {opts.max_bytes}-byte cap (max_bytes)")
        with path.open("rb") as handle:
            data = handle.read(opts.max_bytes + 1)
    except (OSError, UnsupportedInput) as exc:
        yield _error(str(path), "read", exc)
        return
    yield from read_bytes(str(path), data, fetched=_mtime(path), options=opts)


def read_url(url: str, *, options: ReadOptions | None = None, metadata: tuple[tuple[str, str], ...] = (),
             pages_only: bool = False) -> Iterator[ReadItem]:
    """Documents of one http(s) URL (a page, a feed, a WARC file, ...). ``pages_only``: HTML or text only."""
    opts = options or ReadOptions()
    try:
        response = opts.get_fetcher().get(url)
    except EventwireError as exc:
        yield _error(url, "fetch", exc)
        return
    meta = metadata if any(k == "url" for k, _ in metadata) else (("url", response.final_url), *metadata)
    yield from read_bytes(url, response.content, fetched=response.fetched, options=opts, media_hint=response.content_type,
                          charset=response.charset, metadata=meta, base_url=response.final_url, pages_only=pages_only)


def read_bytes(
    source: str,
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetched: datetime | None = None,
    options: ReadOptions | None = None,
    media_hint: str | None = None,
    charset: str | None = None,
    metadata: tuple[tuple[str, str], ...] = (),
    base_url: str | None = None,
    pages_only: bool = False,
) -> Iterator[ReadItem]:
    """Sniff the format of ``data`` and yield its documents.

    ``media_hint`` and ``charset`` come from an HTTP Content-Type; ``metadata`` is added to pages
    and scrapes (a feed entry's title and date when its link was fetched); ``base_url`` resolves a
    feed's relative links.
    """
    opts = options or ReadOptions(max_bytes=max_bytes)
    try:
        if not data.strip():
            raise EmptyInput("the input is empty (0 bytes or only whitespace)")
        if len(data) > opts.max_bytes:
            raise InputTooLarge(f"over the {opts.max_bytes}-byte cap (max_bytes)")
        if not pages_only and is_warc(source, data[:4096]):
            from .warc import read_warc

            yield from read_warc(source, lambda: io.BytesIO(data), max_bytes=opts.max_bytes)
            return
        name = source.lower()
        if data[:2] == b"\x1f\x8b":
            data = _gunzip(data, opts.max_bytes)
            name = name.removesuffix(".gz")
            if not data.strip():
                raise EmptyInput("the gzip file holds no data")
        data = _utf16_to_utf8(data)
        kind = sniff(name, data, media_hint)
        if pages_only and kind not in ("text/html", "text/plain"):
            raise UnsupportedInput(f"expected an HTML page or text, got {kind} ({media_hint or 'no Content-Type'})")
    except UnsupportedInput as exc:
        yield _error(source, "read", exc)
        return
    if kind == "jsonl":
        yield from _read_jsonl(source, data, fetched)
    elif kind == "feed":
        from .feeds import read_feed

        yield from read_feed(source, data, fetched=fetched, base_url=base_url, options=opts)
    else:
        try:
            content = html_content(data, charset) if kind == "text/html" else data
        except UnsupportedInput as exc:
            yield _error(source, "read", exc)
            return
        yield RawDocument(source=source, content=content, media_type=kind, fetched=fetched, metadata=metadata)


def is_warc(name: str, head: bytes) -> bool:
    """A WARC, ARC, WET or WAT file (plain or gzip), by its name or its first bytes."""
    lower = name.lower().removesuffix(".gz")
    if Path(lower).suffix in WARC_SUFFIXES:
        return True
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip().startswith((b"WARC/", b"filedesc://"))


def sniff(name: str, data: bytes, media_hint: str | None = None) -> str:
    """Media type of an input from its name, its first bytes and an HTTP Content-Type.

    One of ``text/html``, ``text/plain``, ``feed``, ``jsonl``; raises UnsupportedInput for binaries.
    """
    suffix = Path(name.split("?", 1)[0]).suffix
    head = data[:4096].lstrip()
    if _looks_binary(data[:8192]):
        raise UnsupportedInput("binary content (not text, HTML, a feed or a WARC file)")
    low = head[:1024].lower()
    root = _root_element(head)
    hint = (media_hint or "").lower()
    if suffix in JSONL_SUFFIXES or hint in ("application/jsonl", "application/x-ndjson", "application/jsonlines"):
        return "jsonl"
    if root in ("rss", "feed", "rdf:rdf") or hint in FEED_MEDIA:
        return "feed"
    if root == "html" or suffix in HTML_SUFFIXES or hint in ("text/html", "application/xhtml+xml"):
        return "text/html"
    if low.startswith(b"<!doctype html") or b"<html" in low:
        return "text/html"
    if suffix in FEED_SUFFIXES or b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low:
        return "feed"
    if head.startswith(b"{") and suffix not in TEXT_SUFFIXES:
        return "jsonl"
    return "text/plain"


_ROOT = re.compile(rb"<([A-Za-z_][\w:.-]*)")
_SKIP_PROLOG = re.compile(rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)


def _root_element(head: bytes) -> str | None:
    """Name of the first element of an XML/HTML document (after the prolog), lowercased."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    prolog = _SKIP_PROLOG.match(head)
    rest = head[prolog.end() if prolog else 0:]
    found = _ROOT.match(rest)
    return found.group(1).decode("ascii", "replace").lower() if found else None


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > 0.05


def _utf16_to_utf8(data: bytes) -> bytes:
    """UTF-16 (with a BOM, or without one but plainly so) re-encoded as UTF-8; other data unchanged."""
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        encoding = "utf-32"
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    else:
        sample = data[:2048]
        if len(sample) < 16:
            return data
        even, odd = sample[0::2].count(0) / len(sample[0::2]), sample[1::2].count(0) / len(sample[1::2])
        if odd >= 0.7 and even <= 0.05:
            encoding = "utf-16-le"
        elif even >= 0.7 and odd <= 0.05:
            encoding = "utf-16-be"
        else:
            return data
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return data
    sample_text = text[:4096]
    if sum(1 for c in sample_text if c.isprintable() or c.isspace()) < 0.95 * len(sample_text):
        return data
    return text.encode("utf-8")


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise UnsupportedInput(f"broken gzip data: {exc}") from exc
    if len(out) > max_bytes:
        raise InputTooLarge(f"gzip expands past the {max_bytes}-byte cap (max_bytes)")
    return out


# -- encodings -------------------------------------------------------------------------------
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)""", re.I)
#: A declared charset is believed when its text is no messier than this (charset_normalizer's mess ratio).
_MAX_MESS = 0.2


def html_content(data: bytes, declared: str | None = None) -> bytes | str:
    """Page bytes as they are when they are UTF-8, else the page decoded to text.

    The encoding is the BOM's, else the first declared one (HTTP charset, then ``<meta>`` or the
    XML declaration) that decodes the bytes into text that is not a mess, else the one detected.
    Raises DecodeError when nothing fits.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    candidates = [declared] if declared else []
    for pattern in (_META_CHARSET, _XML_ENCODING):
        found = pattern.search(data[:8192])
        if found:
            candidates.append(found.group(1).decode("ascii", "replace"))
    for encoding in candidates:
        if encoding is None or encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
            continue
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            log.info("declared charset %s does not fit the page; detecting", encoding)
            continue
        if mess_ratio(text[:100_000], 1.0) <= _MAX_MESS:
            return text
        log.info("declared charset %s gives garbled text; detecting", encoding)
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError("cannot decode the page: it fits no known encoding")
    for match in matches:  # among equally good guesses, the web's legacy default
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            return str(match)
    return str(best)


# -- HTML depth ------------------------------------------------------------------------------
#: Void elements, and those whose end tag may be left out: they do not nest reliably, so they are not counted.
_FLAT = frozenset((
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp",
))  # fmt: skip
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")


def flatten_deep_html(raw: RawDocument, max_depth: int = MAX_HTML_DEPTH) -> RawDocument:
    """The document with the tags nested deeper than ``max_depth`` removed (their text is kept).

    libxml2, under trafilatura, stops at 256 levels and loses the whole page; a page nested
    100,000 levels deep is hostile. Returns ``raw`` itself when it is shallow enough.
    """
    if raw.media_type != "text/html":
        return raw
    is_text = isinstance(raw.content, str)
    data = raw.content.encode("utf-8") if isinstance(raw.content, str) else raw.content
    if data.count(b"<") <= max_depth:
        return raw
    drop: list[tuple[int, int]] = []
    depth = deepest = 0
    for match in _TAG.finditer(data):
        closing, name, selfclosing = match.groups()
        if selfclosing or name.lower().decode("ascii") in _FLAT:
            continue
        if closing:
            if depth > max_depth:
                drop.append(match.span())
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
            if depth > max_depth:
                drop.append(match.span())
    if not drop:
        return raw
    log.warning("%s: HTML nested %d levels deep; %d tags past level %d removed", raw.source, deepest, len(drop), max_depth)
    pieces = []
    last = 0
    for start, end in drop:
        pieces.append(data[last:start])
        last = end
    pieces.append(data[last:])
    flat = b"".join(pieces)
    return replace(raw, content=flat.decode("utf-8") if is_text else flat)


# -- JSON Lines ------------------------------------------------------------------------------
def _read_jsonl(source: str, data: bytes, fetched: datetime | None) -> Iterator[ReadItem]:
    for number, line in enumerate(data.splitlines(), start=1):
        where = f"{source}#L{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
            yield IngestError(where, "read", "JSONDecodeError", f"line {number} is not JSON: {exc}")
            continue
        if not isinstance(record, dict):
            yield IngestError(where, "read", "UnsupportedInput", "a JSON Lines record must be an object")
            continue
        html, text = record.get("html"), record.get("text")
        if not isinstance(html, str) and not isinstance(text, str):
            yield IngestError(where, "read", "UnsupportedInput", 'record has neither "html" nor "text"')
            continue
        meta = tuple(
            (k, str(record[k])) for k in ("url", "title", "published", "author") if record.get(k)
        )
        url = record.get("url")
        content = html if isinstance(html, str) else str(text)
        yield RawDocument(
            source=url if isinstance(url, str) and url else where,
            content=content.encode("utf-8", "replace").decode("utf-8"),  # "\ud800" escapes decode to lone surrogates
            media_type="text/html" if isinstance(html, str) else "text/plain",
            fetched=fetched,
            metadata=meta,
        )


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    except OSError:
        return None


def _error(source: str, stage: str, exc: Exception) -> IngestError:
    return IngestError(source=source, stage=stage, error_type=type(exc).__name__, message=str(exc))

