"""HTML pages -> Article: the body by agreement between extractors, metadata from what the page declares.

* **body**: trafilatura (default and ``favor_precision``) and readability-lxml each read the page;
  :func:`.body.vote` keeps what they agree on, :func:`.body.rescue` and :func:`.body.fill_gaps`
  put back prose and list items that trafilatura missed, and :func:`.cleanup.clean_paragraphs`
  drops the chrome that all of them kept (the headline again, bylines, date lines, cue lines,
  related-link blocks). When trafilatura finds nothing, readability-lxml's text is used.
* **captions**: figure captions and photo credits (readability-lxml's figures, and caption lines
  the extractors put in the body), kept apart from the body.
* **title, authors, site**: :mod:`.fields`; **publication date**: :mod:`.pubdate`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura
from charset_normalizer import from_bytes
from lxml import etree
from lxml import html as lxml_html

from ..errors import DecodeError, ExtractionFailed
from ..records import Article
from . import body as voting
from .blocks import Block, html_blocks
from .cleanup import clean_paragraphs, is_caption
from .fields import choose_authors, choose_site, choose_title
from .meta import PageMeta, read_meta
from .pubdate import publication_date

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_PARSER = lxml_html.HTMLParser(encoding="utf-8", remove_comments=False)


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


def parse_html(html: str) -> etree._Element:
    """The page as an lxml HTML tree (a decoded string, whatever charset it declares)."""
    try:
        return lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionFailed(f"the HTML page cannot be parsed: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Candidates:
    """What each extractor read as the article: trafilatura default and precise runs, readability-lxml."""

    default: tuple[str, ...]
    precise: tuple[str, ...]
    readable: tuple[Block, ...]
    title: str | None = None
    author: str | None = None
    site: str | None = None
    language: str | None = None


def read_candidates(html: str, url: str | None) -> Candidates:
    # trafilatura's own date is not used (see .pubdate); markup-only keeps its htmldate call cheap.
    default = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_precision=False, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    precise = trafilatura.bare_extraction(
        html, url=url, include_comments=False, favor_precision=True, deduplicate=False,
    )
    return Candidates(
        default=_lines(default),
        precise=_lines(precise),
        readable=tuple(_readability_blocks(html)),
        title=_attr(default, "title"),
        author=_attr(default, "author"),
        site=_attr(default, "sitename"),
        language=_attr(default, "language"),
    )


def _attr(doc: object, name: str) -> str | None:
    value = getattr(doc, name, None) if doc is not None else None
    return str(value) if value else None


def _lines(doc: object) -> tuple[str, ...]:
    text = str(getattr(doc, "text", "") or "") if doc is not None else ""
    return tuple(line.strip() for line in text.split("\n") if line.strip())


def _readability_blocks(html: str) -> list[Block]:
    """readability-lxml's article, as blocks (no URL: its links are not needed, and making them
    absolute is a third of its running time)."""
    from readability import Document
    from readability.readability import Unparseable

    try:
        return html_blocks(Document(html).summary(html_partial=True))
    except (Unparseable, etree.ParserError, ValueError, TypeError) as exc:
        log.debug("readability-lxml found no article: %s", exc)
        return []


def combine(candidates: Candidates, *, titles: list[str | None]) -> tuple[list[str], tuple[str, ...]]:
    """Body paragraphs and captions from the three extractors' candidates (see the module docstring)."""
    readable = [b.text for b in candidates.readable]
    body_text = [b.text for b in candidates.readable if not b.figure and not is_caption(b.text)]
    if candidates.default:
        paragraphs = voting.vote(candidates.default, candidates.precise, readable)
        paragraphs = voting.rescue(paragraphs, body_text)
        paragraphs = voting.fill_gaps(paragraphs, body_text)
    else:
        paragraphs = body_text
    captions = [b.text for b in candidates.readable if b.figure or is_caption(b.text)]
    captions += [p for p in paragraphs if is_caption(p)]
    body = clean_paragraphs([p for p in paragraphs if not is_caption(p)], titles=titles)
    return body, tuple(dict.fromkeys(captions))


def extract_html(source: str, data: bytes | str, *, url: str | None = None) -> Article:
    html = decode_html(data)
    tree = parse_html(html)
    page: PageMeta = read_meta(tree)
    candidates = read_candidates(html, url)
    site = choose_site(page, fallback=candidates.site)
    title = choose_title(page, site=site, fallback=candidates.title)
    paragraphs, captions = combine(candidates, titles=[title, candidates.title, page.html_title, *page.h1[:1]])
    if not paragraphs:
        raise ExtractionFailed("the HTML page has no article body")
    published = publication_date(page, tree, html, url, title=title, site=site)
    if published:
        log.debug("%s: published %s by %s (%r)", source, published.value, published.rule, published.text)
    return Article(
        source=source,
        title=title,
        authors=choose_authors(page, fallback=candidates.author),
        published=published.value if published else None,
        published_precision=published.precision if published else "unknown",
        page_date=None,
        site=site,
        language=candidates.language,
        paragraphs=tuple(paragraphs),
        captions=captions,
        published_text=published.text if published else None,
        extractor="html:trafilatura+readability",
    )
