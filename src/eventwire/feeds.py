"""RSS 1.0/2.0 and Atom feeds -> one RawDocument per entry (feedparser)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime

import feedparser

from .records import IngestError, RawDocument


def read_feed(
    source: str, data: bytes, *, fetched: datetime | None = None
) -> Iterator[RawDocument | IngestError]:
    parsed = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        yield IngestError(source, "read", "MalformedFeed", f"not a readable RSS/Atom feed: {reason}")
        return
    feed_title = str(parsed.feed.get("title", "") or "")
    for index, entry in enumerate(parsed.entries):
        link = str(entry.get("link") or "")
        where = link or f"{source}#entry{index + 1}"
        html = ""
        contents = entry.get("content") or []
        if contents:
            html = max((str(c.get("value", "")) for c in contents), key=len)
        summary = str(entry.get("summary", "") or "")
        if len(summary) > len(html):
            html = summary
        if not html.strip():
            yield IngestError(where, "read", "EmptyInput", "feed entry carries no content")
            continue
        meta: list[tuple[str, str]] = [("feed", source)]
        if feed_title:
            meta.append(("feed_title", feed_title))
        if entry.get("title"):
            meta.append(("title", str(entry.get("title"))))
        if entry.get("author"):
            meta.append(("author", str(entry.get("author"))))
        if link:
            meta.append(("url", link))
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            when = datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC)
            meta.append(("published", when.isoformat(timespec="minutes")))
        page = f"<html><head><title>{entry.get('title', '')}</title></head><body><article>{html}</article></body></html>"
        yield RawDocument(
            source=where, content=page, media_type="text/html", fetched=fetched, metadata=tuple(meta)
        )
