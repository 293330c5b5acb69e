"""What a page says about itself: JSON-LD objects and ``<meta>`` tags, read once from the parsed page.

:class:`PageMeta` holds the values as the page declares them, keyed by lower-cased name, so that
the title, author and date rules (:mod:`.titles`, :mod:`.authors`, :mod:`.pubdate`) can ask for
them in their own order of preference. JSON-LD that does not parse is skipped (logged), never
fatal; ``@graph`` containers and lists are walked.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree

from ..datafiles import read_tsv

log = logging.getLogger(__name__)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
_SPACE = re.compile(r"\s+")


def collapse(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


@dataclass(slots=True)
class PageMeta:
    """``meta``: lower-cased name/property/itemprop -> values in page order; ``ld``: JSON-LD article objects."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    ld: list[dict[str, Any]] = field(default_factory=list)
    html_title: str | None = None
    h1: list[str] = field(default_factory=list)

    def first(self, *names: str) -> str | None:
        """The first non-empty value of the first name that has one."""
        for name in names:
            for value in self.meta.get(name, ()):
                if value:
                    return value
        return None

    def ld_values(self, key: str) -> Iterator[Any]:
        """The values of ``key`` in the JSON-LD article objects, most specific type first."""
        for obj in sorted(self.ld, key=_type_rank):
            if key in obj and obj[key]:
                yield obj[key]


@lru_cache(maxsize=1)
def article_types() -> frozenset[str]:
    """JSON-LD types that describe the article itself (``article-type`` rows of ``meta_names.tsv``)."""
    return frozenset(row["name"].lower() for row in read_tsv("extract/meta_names.tsv") if row["field"] == "article-type")


def _type_rank(obj: dict[str, Any]) -> int:
    types = {t.lower() for t in _types(obj)}
    return 1 if types <= {"webpage", "itempage"} else 0


def _types(obj: dict[str, Any]) -> list[str]:
    value = obj.get("@type", [])
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def read_meta(tree: etree._Element) -> PageMeta:
    """Collect the meta tags, JSON-LD article objects, ``<title>`` and ``<h1>`` texts of a page."""
    page = PageMeta()
    for element in tree.iter("meta"):
        content = element.get("content")
        if content is None:
            continue
        content = collapse(content)
        for attribute in ("property", "name", "itemprop"):
            for name in (element.get(attribute) or "").lower().split():
                page.meta.setdefault(name, []).append(content)
    for element in tree.iter("script"):
        if (element.get("type") or "").strip().lower() == "application/ld+json" and element.text:
            page.ld.extend(_ld_articles(element.text))
    title = tree.find(".//title")
    if title is not None:
        page.html_title = collapse(title.text_content() if hasattr(title, "text_content") else title.text) or None
    for h1 in tree.iter("h1"):
        text = collapse(h1.text_content() if hasattr(h1, "text_content") else "".join(h1.itertext()))
        if text:
            page.h1.append(text)
    return page


def _ld_articles(text: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(_CONTROL.sub(" ", _WRAPPER.sub("", text.strip()).strip().rstrip(";")))
    except ValueError as exc:
        log.debug("JSON-LD block skipped: %s", exc)
        return []
    out: list[dict[str, Any]] = []
    stack: list[Any] = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            if "@graph" in item:
                stack.append(item["@graph"])
            if any(t.lower() in article_types() for t in _types(item)):
                out.append(item)
            main = item.get("mainEntity") or item.get("mainEntityOfPage")
            if isinstance(main, dict) and main.get("@type"):
                stack.append(main)
    return out


def ld_names(value: Any) -> list[str]:
    """Names in a JSON-LD person/organisation value: a string, an object with ``name``, or a list of them."""
    if isinstance(value, str):
        return [collapse(value)] if collapse(value) else []
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            return [collapse(n) for n in name if isinstance(n, str) and collapse(n)]
        return [collapse(name)] if isinstance(name, str) and collapse(name) else []
    if isinstance(value, list):
        return [n for v in value for n in ld_names(v)]
    return []
