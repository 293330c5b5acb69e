"""Title, authors and site name of an HTML page, from what the page declares and what the extractors saw.

Order of preference, most explicit first:

* **title**: the JSON-LD article ``headline``, then the title meta tags (Dublin Core, Open Graph,
  ``title``, Twitter, Parse.ly) as the publisher wrote them; otherwise the ``<title>`` element with
  its site-name part cut off, the part being chosen by agreement with the page's ``<h1>`` and
  site name; otherwise the ``<h1>``, then trafilatura's title.
* **authors**: JSON-LD ``author`` names, then the author meta tags, then trafilatura's author
  (bylines in the page), each value checked to look like a name (no URL, digits, widget words).
* **site**: the site-name meta tags, then the JSON-LD publisher, then trafilatura's site name.

Meta tag names and their order are data (``data/extract/meta_names.tsv``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import read_lines, read_tsv
from .meta import PageMeta, collapse, ld_names

_SEPARATOR = re.compile(r"\s+(?:[|\u2013\u2014\\/>\u00bb\u00b7:~*-]|::|-{2})\s+|\s+_")
_NAME_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*")
_BY = re.compile(r"^(?:by|par|por|von|di|door)\s+", re.I)
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_NAME_WORDS = 6


@lru_cache(maxsize=1)
def meta_names() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in read_tsv("extract/meta_names.tsv"):
        out.setdefault(row["field"], []).append(row["name"].lower())
    return {field: tuple(names) for field, names in out.items()}


@lru_cache(maxsize=1)
def _junk() -> re.Pattern[str]:
    words = [re.escape(w.lower()) for w in read_lines("extract/author_junk.txt")]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I) if words else re.compile(r"(?!x)x")


def _norm(text: str | None) -> str:
    return " ".join(_WORD.findall((text or "").lower()))


def choose_title(page: PageMeta, *, site: str | None = None, fallback: str | None = None) -> str | None:
    for value in page.ld_values("headline"):
        if isinstance(value, str) and collapse(value):
            return collapse(value)
    declared = page.first(*meta_names().get("title", ()))
    if declared:
        return declared
    if page.html_title:
        return strip_site_name(page.html_title, h1=page.h1, site=site)
    if page.h1:
        return page.h1[0]
    return fallback


def strip_site_name(title: str, *, h1: list[str] = [], site: str | None = None) -> str:
    """The headline part of a ``<title>`` such as "Headline | Site" or "Site - Headline".

    A part that equals an ``<h1>`` wins; otherwise a part that is the site name is cut off;
    otherwise the part before the last separator is kept when it has three words or more
    (the usual "Headline - Section - Site"), else the part after the first separator.
    """
    matches = list(_SEPARATOR.finditer(title))
    if not matches:
        return title
    bounds = [0, *(x for m in matches for x in (m.start(), m.end())), len(title)]
    parts = [title[bounds[i] : bounds[i + 1]].strip() for i in range(0, len(bounds), 2)]
    headings = {_norm(h) for h in h1}
    for part in parts:
        if _norm(part) and _norm(part) in headings:
            return part
    for i in range(1, len(matches) + 1):
        head, tail = title[: matches[i - 1].start()].strip(), title[matches[i - 1].end() :].strip()
        if site and _norm(tail) == _norm(site):
            return head
        if site and _norm(head) == _norm(site) and i == 1:
            return tail
    head = title[: matches[-1].start()].strip()
    if len(head.split()) >= 3:
        return head
    tail = title[matches[0].end() :].strip()
    return tail if len(tail.split()) >= 3 else title


def looks_like_name(value: str) -> bool:
    """A person's or organisation's name: short, no digits, no URL, no widget words."""
    value = value.strip()
    return (
        2 <= len(value) <= 80
        and len(value.split()) <= MAX_NAME_WORDS
        and not any(ch.isdigit() for ch in value)
        and "http" not in value.lower()
        and "www." not in value.lower()
        and "@" not in value
        and not _junk().search(value)
    )


def split_names(value: str) -> list[str]:
    """"By Jane Doe and John Roe" -> ["Jane Doe", "John Roe"]."""
    value = _BY.sub("", collapse(value))
    return [n.strip(" .,|/") for n in _NAME_SPLIT.split(value) if n.strip(" .,|/")]


def choose_authors(page: PageMeta, *, fallback: str | None = None) -> tuple[str, ...]:
    for value in page.ld_values("author"):
        names = [n for n in ld_names(value) if looks_like_name(n)]
        if names:
            return tuple(dict.fromkeys(names))
    for name in meta_names().get("author", ()):
        for value in page.meta.get(name, ()):
            if not value or value.lower().startswith(("http", "www.")):
                continue
            names = split_names(value)
            if names and all(looks_like_name(n) for n in names):
                return tuple(dict.fromkeys(names))
    if fallback:
        names = split_names(fallback)
        if names and all(looks_like_name(n) for n in names):
            return tuple(dict.fromkeys(names))
    return ()


def choose_site(page: PageMeta, *, fallback: str | None = None) -> str | None:
    declared = page.first(*meta_names().get("site", ()))
    if declared and not declared.startswith("@"):
        return declared
    for value in page.ld_values("publisher"):
        names = ld_names(value)
        if names:
            return names[0]
    return fallback
