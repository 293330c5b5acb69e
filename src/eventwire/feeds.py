"""RSS 0.9x/1.0/2.0 and Atom feeds -> one RawDocument per entry (feedparser).

An entry that carries its article (``content:encoded``, Atom ``<content>``, or a long description)
becomes a document built from that content; otherwise its link is fetched and the page becomes the
document. Either way the feed, its title, the entry's title, author, dates and link are kept as
metadata. Entries whose link is already stored (``ReadOptions.seen``) are skipped unread, so that a
feed read again does not fetch its old entries again. A feed with more than
``ReadOptions.max_feed_entries`` entries is cut there, with one error record saying so.
"""

from __future__ import annotations

import calendar
import html
import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from .readers import ReadOptions, read_url
from .records import IngestError, RawDocument

log = logging.getLogger(__name__)

#: A description at least this long (in characters of text) is taken as the whole article.
FULL_SUMMARY_CHARS = 1000
_ENTRY_END = re.compile(rb"</(?:[\w-]+:)?(?:item|entry)\s*>", re.I)
_TAGS = re.compile(r"<[^>]+>")


def read_feed(
    source: str,
    data: bytes,
    *,
    fetched: datetime | None = None,
    base_url: str | None = None,
    options: ReadOptions | None = None,
) -> Iterator[RawDocument | IngestError]:
    """The documents of one feed; ``base_url`` (where it was fetched from) resolves relative links."""
    opts = options or ReadOptions()
    data, total = _cut_entries(data, opts.max_feed_entries)
    headers = {"content-location": base_url} if base_url else None
    try:
        parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    except (ValueError, RecursionError) as exc:  # feedparser is tolerant; this is for the truly broken
        yield IngestError(source, "read", "MalformedFeed", f"not a readable RSS/Atom feed: {exc}")
        return
    if not any(entry.get("link") or entry.get("content") or entry.get("summary") for entry in parsed.entries):
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else "it has no entries"
        kind = "MalformedFeed" if parsed.get("bozo") or not parsed.get("version") else "EmptyInput"
        yield IngestError(source, "read", kind, f"not a readable RSS/Atom feed: {reason}")
        return
    if total > opts.max_feed_entries:
        yield IngestError(
            source, "read", "TooManyEntries",
            f"the feed has {total} entries; only the first {opts.max_feed_entries} are read (max_feed_entries)",
        )
    feed_title = str(parsed.feed.get("title", "") or "")
    for index, entry in enumerate(parsed.entries[: opts.max_feed_entries]):
        yield from _read_entry(source, index, entry, feed_title, fetched, opts)


def _read_entry(
    source: str, index: int, entry: Any, feed_title: str, fetched: datetime | None, opts: ReadOptions
) -> Iterator[RawDocument | IngestError]:
    link = str(entry.get("link") or "")
    where = link or f"{source}#entry{index + 1}"
    if link and opts.seen is not None and opts.seen(link):
        log.debug("%s: already stored, skipped", link)
        return
    meta = _metadata(source, entry, feed_title, link)
    body, full = _entry_body(entry)
    if not full and link.lower().startswith(("http://", "https://")):
        yield from read_url(link, options=opts, metadata=meta, pages_only=True)
        return
    if not body.strip():
        yield IngestError(where, "read", "EmptyInput", "feed entry carries no content and no link to fetch")
        return
    title = html.escape(str(entry.get("title", "") or ""))
    page = f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
    yield RawDocument(source=where, content=page, media_type="text/html", fetched=fetched, metadata=meta)


def _entry_body(entry: Any) -> tuple[str, bool]:
    """The entry's content as HTML, and whether it is the whole article (not a teaser)."""
    best = ""
    for content in entry.get("content") or []:
        value = str(content.get("value", "") or "")
        if str(content.get("type", "")).startswith("text/plain"):
            value = _paragraphs(value)
        if len(value) > len(best):
            best = value
    if best.strip():
        return best, True
    summary = str(entry.get("summary", "") or "")
    detail = entry.get("summary_detail") or {}
    if str(detail.get("type", "")).startswith("text/plain"):
        summary = _paragraphs(summary)
    return summary, len(_TAGS.sub("", summary).strip()) >= FULL_SUMMARY_CHARS


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in re.split(r"\n\s*\n", text) if p.strip())


def _metadata(source: str, entry: Any, feed_title: str, link: str) -> tuple[tuple[str, str], ...]:
    meta: list[tuple[str, str]] = [("feed", source)]
    if feed_title:
        meta.append(("feed_title", feed_title))
    if entry.get("title"):
        meta.append(("title", str(entry.get("title"))))
    if entry.get("author"):
        meta.append(("author", str(entry.get("author"))))
    if link:
        meta.append(("url", link))
    published = _stamp(dict.get(entry, "published_parsed"))  # dict.get: no feedparser fallback (and warning)
    updated = _stamp(dict.get(entry, "updated_parsed"))
    if published or updated:
        meta.append(("published", published or updated or ""))
    if updated and updated != published:
        meta.append(("updated", updated))
    if entry.get("id") and entry.get("id") != link:
        meta.append(("entry_id", str(entry.get("id"))))
    return tuple(meta)


def _stamp(value: Any) -> str | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).isoformat(timespec="minutes")
    except (TypeError, ValueError, OverflowError):
        return None


def _cut_entries(data: bytes, limit: int) -> tuple[bytes, int]:
    """The feed without its entries past ``limit`` (cut out before parsing, which is slow), and the entry count."""
    ends = list(_ENTRY_END.finditer(data))
    limit = max(limit, 1)
    if len(ends) <= limit:
        return data, len(ends)
    return data[: ends[limit - 1].end()] + data[ends[-1].end():], len(ends)
