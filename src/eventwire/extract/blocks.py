"""HTML element -> paragraphs: every block element and every ``<br>`` starts a new paragraph.

This is the reading a browser's "copy all text" gives, and the rule the evaluation sets use to
turn HTML into paragraphs (``../shared/eval/README.md``, ``scrapes/``). It is used to read the
readability-lxml candidate and by tests that build pages by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul",
))  # fmt: skip
SKIP_TAGS = frozenset((
    "script", "style", "noscript", "template", "svg", "iframe", "head", "title", "button", "select", "option",
    "textarea",
))  # fmt: skip
FIGURE_TAGS = frozenset(("figure", "figcaption"))
_FIGURE_CLASS = re.compile(r"caption|credit|wp-caption|image-?desc|photo-?desc", re.I)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of a page; ``figure`` when it lies in a figure, a caption or a photo credit."""

    text: str
    figure: bool = False


def _is_figure(element: etree._Element, tag: str) -> bool:
    if tag in FIGURE_TAGS:
        return True
    if tag not in BLOCK_TAGS:
        return False
    marker = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(marker.strip()) and bool(_FIGURE_CLASS.search(marker))


def block_paragraphs(root: etree._Element) -> list[str]:
    """Text of ``root`` cut at block boundaries, whitespace collapsed, empty and repeated paragraphs dropped."""
    return [block.text for block in blocks(root)]


def blocks(root: etree._Element) -> list[Block]:
    """Like :func:`block_paragraphs`, each paragraph marked when it lies in a figure or caption."""
    out: list[Block] = []
    buffer: list[str] = []
    figures: list[etree._Element] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(buffer)).strip()
        buffer.clear()
        if text and (not out or out[-1].text != text):
            out.append(Block(text, bool(figures)))

    skipping: etree._Element | None = None
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event in ("comment", "pi"):
            if skipping is None and element.tail:
                buffer.append(element.tail)
            continue
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if skipping is not None:
            if event == "end" and element is skipping:
                skipping = None
                if element.tail:
                    buffer.append(element.tail)
            continue
        if event == "start":
            if tag in SKIP_TAGS:
                skipping = element
                continue
            if tag in BLOCK_TAGS or tag == "br":
                flush()
            if _is_figure(element, tag):
                flush()
                figures.append(element)
            if element.text:
                buffer.append(element.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            if figures and figures[-1] is element:
                flush()
                figures.pop()
            if element.tail:
                buffer.append(element.tail)
    flush()
    return out


def html_paragraphs(fragment: str) -> list[str]:
    """Paragraphs of an HTML string (a page or a fragment)."""
    return [block.text for block in html_blocks(fragment)]


def html_blocks(fragment: str) -> list[Block]:
    """Blocks of an HTML string (a page or a fragment); [] when it does not parse."""
    if not fragment.strip():
        return []
    try:
        root = lxml_html.fromstring(fragment)
    except (etree.ParserError, ValueError):
        return []
    return blocks(root)
