"""Plain-text page scrapes -> Article.

A scrape is a whole page copied as text: paragraphs separated by blank lines, page chrome
included. Each paragraph is classified (title, dateline, byline, caption, body, related teaser,
author bio, boilerplate), the body is the best-scoring contiguous run of prose paragraphs, and
the article is rebuilt from the parts. Syndication credits glued to the first word
("JNS.orgUS and Iraqi officials") are split off into ``credit``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import read_tsv
from ..records import Article
from .dates import FoundDate, is_date_only, parse_dateline

_BYLINE = re.compile(r"^(?:avatar\s+)?by[:\s]+(?P<names>[^\n]{2,120}?)\s*/?\s*$", re.I)
_CAPTION = re.compile(r"\b(?:photo|image|picture|credit|file photo)s?\s*(?:credit)?\s*:|\bvia reuters\b|\bgetty images\b|/\s*(?:reuters|afp|ap)\.?$", re.I)
_GLUED_CREDIT = re.compile(r"^(?P<credit>[A-Za-z][\w-]*(?:\.[A-Za-z]{2,4})+)(?=[A-Z][a-z]|[A-Z]{2}\b|[A-Z]\.)")
_AGENCY_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .,'-]{1,40})?\s*\((?P<credit>Reuters|AP|AFP|Xinhua|dpa|Bloomberg)\)\s*[-—–]+\s*")
_SENTENCE_END = ("." , "!", "?", "\u201d", '"', "'", "\u2019", ")", "\u2026")
_SITE = re.compile(r"\b(?:[Tt]he\s+)?([A-Z][\w'&-]+(?:\s+[A-Z][\w'&-]+){0,3})")


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    text: str
    kind: str  # title/date/byline/caption/prose/short/boilerplate/related/teaser/bio


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, str], ...]:
    return tuple((row["cue"].lower(), row["kind"]) for row in read_tsv("extract/boilerplate.tsv"))


def split_paragraphs(text: str) -> list[str]:
    parts = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [re.sub(r"[ \t]*\n[ \t]*", " ", p).strip() for p in parts if p.strip()]


def _is_prose(text: str) -> bool:
    words = text.split()
    return len(words) >= 12 and text.rstrip().endswith(_SENTENCE_END)


def classify(paragraphs: list[str]) -> list[Paragraph]:
    out: list[Paragraph] = []
    for index, text in enumerate(paragraphs):
        lowered = text.lower()
        kind = "short"
        cue_kind = next((k for cue, k in _cues() if cue in lowered), None)
        if is_date_only(text):
            kind = "date"
        elif _BYLINE.match(text) and len(text.split()) <= 12:
            kind = "byline"
        elif cue_kind and (cue_kind == "related" and len(text.split()) <= 6):
            kind = "related"
        elif cue_kind == "boilerplate" and (len(text.split()) < 60):
            kind = "boilerplate"
        elif _CAPTION.search(text) and len(text.split()) < 90:
            kind = "caption"
        elif text.rstrip().endswith(("...", "\u2026")) and len(text.split()) < 60:
            kind = "teaser"
        elif _is_prose(text):
            kind = "prose"
        out.append(Paragraph(index, text, kind))
    return out


_SCORES = {"prose": 1.0, "caption": -2.0, "short": -4.0, "date": -4.0, "byline": -4.0,
           "teaser": -6.0, "related": -10.0, "boilerplate": -40.0}  # fmt: skip


def _body_window(paras: list[Paragraph]) -> tuple[int, int]:
    """Best contiguous run by score (max-subarray): prose counts its words, chrome costs."""
    best, best_range = 0.0, (0, -1)
    current, start = 0.0, 0
    for i, p in enumerate(paras):
        score = _SCORES[p.kind] * (len(p.text.split()) if p.kind == "prose" else 1)
        if p.kind == "short":
            score -= len(p.text.split()) * 0.5
        if current <= 0:
            current, start = score, i
        else:
            current += score
        if current > best:
            best, best_range = current, (start, i)
    return best_range


def extract_text(source: str, text: str, *, title_hint: str | None = None,
                 published_hint: str | None = None) -> Article:
    paras = classify(split_paragraphs(text))
    lo, hi = _body_window(paras)
    window = paras[lo : hi + 1] if hi >= lo else []

    # Within the body window: a related block runs from its heading to the next prose paragraph.
    body: list[Paragraph] = []
    in_related = False
    for p in window:
        if p.kind == "related":
            in_related = True
            continue
        if in_related:
            if p.kind == "prose":
                in_related = False
            else:
                continue
        if p.kind == "prose":
            body.append(p)

    before = paras[:lo]
    authors = _authors(paras[: (body[0].index if body else len(paras))])
    bio: str | None = None
    if body and authors:
        last = body[-1]
        surname_first = authors[0].split()[0]
        if last.text.startswith((authors[0], surname_first)) and re.search(r"\bis (?:an?|the)\b", last.text[:120]):
            bio = last.text
            body = body[:-1]
    if bio is None and authors:
        for p in paras[hi + 1 :]:
            if p.text.startswith(authors[0]) and " is " in p.text[:80]:
                bio = p.text
                break

    dates = [(p, parse_dateline(p.text)) for p in before if p.kind == "date"]
    dated = [(p, d) for p, d in dates if d is not None]
    published: FoundDate | None = None
    page_date: FoundDate | None = None
    if len(dated) >= 2:
        page_date, published = dated[0][1], dated[-1][1]
    elif len(dated) == 1:
        p, d = dated[0]
        if p.index == 0 and (d.calendar != "gregorian" or not d.has_year):
            page_date = d
        else:
            published = d
    if published is not None and not published.has_year:
        published = None

    title = title_hint or _title(before, paras)
    captions = tuple(p.text for p in paras[: (hi + 1)] if p.kind == "caption")
    paragraphs = [p.text for p in body]
    credit: str | None = None
    if paragraphs:
        paragraphs[0], credit = _split_credit(paragraphs[0])

    pub_value = published.value if published else published_hint
    precision = published.precision if published else ("day" if published_hint else "unknown")
    return Article(
        source=source,
        title=title,
        authors=tuple(authors),
        published=pub_value,
        published_precision=precision,
        page_date=page_date.day if page_date else None,
        site=_site(paras[hi + 1 :] if hi >= 0 else paras),
        language=None,
        paragraphs=tuple(paragraphs),
        captions=captions,
        credit=credit,
        author_bio=bio,
        published_text=published.text if published else None,
        extractor="text",
    )


def _authors(paras: list[Paragraph]) -> list[str]:
    for p in paras:
        if p.kind == "byline":
            match = _BYLINE.match(p.text)
            if match:
                names = re.split(r"\s*(?:,|\band\b|&)\s*", match.group("names").strip(" /"))
                return [n.strip() for n in names if n.strip() and len(n.split()) <= 5]
    return []


def _title(before: list[Paragraph], paras: list[Paragraph]) -> str | None:
    candidates = [
        p for p in before
        if p.kind == "short" and 2 <= len(p.text.split()) <= 25 and not p.text.endswith((".", ":"))
    ]
    if not candidates:
        return None
    anchors = {p.index for p in paras if p.kind in ("date", "byline")}

    def closeness(p: Paragraph) -> tuple[int, int]:
        near = min((abs(p.index - a) for a in anchors), default=99)
        return (near, -len(p.text.split()))

    return min(candidates, key=closeness).text


def _split_credit(first: str) -> tuple[str, str | None]:
    match = _GLUED_CREDIT.match(first)
    if match:
        return first[match.end() :], match.group("credit")
    match = _AGENCY_DATELINE.match(first)
    if match:
        return first[match.end() :], match.group("credit")
    return first, None


def _site(tail: list[Paragraph]) -> str | None:
    names: Counter[str] = Counter()
    for p in tail:
        if p.kind not in ("boilerplate", "prose", "short"):
            continue
        for match in re.finditer(r"\b(?:[Tt]he|[Jj]oin the|©\s*\d{4})\s+([A-Z][\w'&-]+(?:\s+[A-Z][\w'&-]+){0,2})", p.text):
            name = match.group(1)
            if name.split()[0] in ("Google", "Facebook", "Twitter", "Privacy", "Terms"):
                continue
            names["The " + name if match.group(0).lower().startswith(("the", "join")) else name] += 1
    if not names:
        return None
    name, count = names.most_common(1)[0]
    return name if count >= 2 else None
