"""HTML pages -> Article, built on trafilatura (body, metadata) and htmldate (publication date)."""

from __future__ import annotations

import logging
import re

import trafilatura
from charset_normalizer import from_bytes

from ..errors import DecodeError, ExtractionFailed
from ..records import Article
from .dates import parse_gregorian

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def decode_html(data: bytes | str) -> str:
    """Decode page bytes: valid UTF-8 first, then the declared charset, then detection."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("cannot decode the page: not valid in any known encoding")
    return str(best)


def extract_html(source: str, data: bytes | str, *, url: str | None = None) -> Article:
    html = decode_html(data)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=False,
        deduplicate=False,
    )
    if doc is None:
        raise ExtractionFailed("no article text found in the HTML page")
    text = str(getattr(doc, "text", "") or "")
    title = getattr(doc, "title", None)
    paragraphs = tuple(p.strip() for p in text.split("\n") if p.strip())
    if title and paragraphs and paragraphs[0].strip().lower() == str(title).strip().lower():
        paragraphs = paragraphs[1:]  # the headline repeated at the top of the body
    if not paragraphs:
        raise ExtractionFailed("the HTML page has no article body")
    date = getattr(doc, "date", None)
    published = None
    precision = "unknown"
    if date:
        found = parse_gregorian(str(date))
        if found:
            published, precision = found.value, found.precision
    author = getattr(doc, "author", None)
    authors = tuple(a.strip() for a in re.split(r";|\band\b|,", str(author)) if a.strip()) if author else ()
    return Article(
        source=source,
        title=title,
        authors=authors,
        published=published,
        published_precision=precision,
        page_date=None,
        site=getattr(doc, "sitename", None),
        language=getattr(doc, "language", None),
        paragraphs=paragraphs,
        extractor="html:trafilatura",
    )
