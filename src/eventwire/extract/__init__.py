"""Article extraction stage: RawDocument -> Article (HTML or plain-text scrape)."""

from __future__ import annotations

from dataclasses import replace

from ..errors import DecodeError, ExtractionFailed, UnsupportedInput
from ..records import Article, RawDocument
from .dates import parse_gregorian
from .html import extract_html
from .language import detect_language
from .text import extract_text

__all__ = ["extract_article", "detect_language"]


def extract_article(raw: RawDocument) -> Article:
    """Extract the article from one document; raises an EventwireError naming the reason."""
    title_hint = raw.meta("title")
    if raw.media_type == "text/html":
        article = extract_html(raw.source, raw.content, url=raw.meta("url"))
    elif raw.media_type == "text/plain":
        article = extract_text(raw.source, _decode_text(raw.content), title_hint=title_hint)
    else:
        raise UnsupportedInput(f"no extractor for media type {raw.media_type!r}")
    if not article.paragraphs:
        raise ExtractionFailed("no article body found (no paragraph of running prose)")
    changes: dict[str, object] = {}
    if title_hint and not article.title:
        changes["title"] = title_hint
    if not article.authors and raw.meta("author"):
        changes["authors"] = (str(raw.meta("author")),)
    published = raw.meta("published")
    if published and (article.published is None or raw.media_type == "text/plain"):
        found = parse_gregorian(published)
        if found:
            changes["published"] = found.value
            changes["published_precision"] = found.precision
    if article.language is None or len(article.language) != 2:
        changes["language"] = detect_language(article.body)
    return replace(article, **changes) if changes else article  # type: ignore[arg-type]


def _decode_text(content: bytes | str) -> str:
    if isinstance(content, str):
        return content
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(content).best()
    if best is None or best.encoding is None:
        raise DecodeError("the text is not valid UTF-8 and no other encoding fits it")
    text = str(best)
    if text.count("\ufffd") > len(text) / 100:
        raise DecodeError("the text is not valid UTF-8 and decodes to replacement characters")
    return text
