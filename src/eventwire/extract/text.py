"""Plain-text page scrapes -> Article.

A scrape is a whole page copied as text: paragraphs separated by blank lines, page chrome
included (every block element of the page became a paragraph, so a menu is a run of short
paragraphs). Each paragraph is classified: date line, byline, caption, prose, running text,
short line, boilerplate, related-items heading, teaser, or the heading that opens the comments
(cues in ``data/extract/boilerplate.tsv``, shared with :mod:`.cleanup`). The body is the
best-scoring contiguous run (:func:`_body_window`): running text earns its words, a paragraph
of prose with no running text next to it (a teaser in a list of teasers) earns a quarter, chrome
costs, and nothing after the comments heading is a candidate. Inside the window the article
keeps its running text and short lines (headings, list items) and loses chrome and the link
lines of related-items blocks. Title, authors, dates, captions, author bio and site are read
from the paragraphs around it; syndication credits glued to the first word ("JNS.orgUS and
Iraqi officials") are split off into ``credit``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..records import Article
from .body import is_prose, words
from .cleanup import SCRAPE_SHORT, cue_kind, is_caption, title_variants
from .dates import FoundDate, is_date_only, parse_dateline

_BYLINE = re.compile(r"^(?:avatar\s+)?by[:\s]+(?P<names>[^\n]{2,120}?)\s*/?\s*$", re.I)
_GLUED_CREDIT = re.compile(r"^(?P<credit>[A-Za-z][\w-]*(?:\.[A-Za-z]{2,4})+)(?=[A-Z][a-z]|[A-Z]{2}\b|[A-Z]\.)")
_AGENCY_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .,'-]{1,40})?\s*\((?P<credit>Reuters|AP|AFP|Xinhua|dpa|Bloomberg)\)\s*[-\u2014\u2013]+\s*")

#: A paragraph of prose has at least this many words and ends like a sentence.
PROSE_WORDS = 12
#: A paragraph with at least this many words that does not end like a sentence is still running text
#: (a language or site that leaves off the full stop, a long list item).
TEXT_WORDS = 20
#: Teasers (a headline and the start of its story, cut with "...") are shorter than this.
TEASER_WORDS = 60


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    text: str
    kind: str  # date/byline/caption/prose/text/short/boilerplate/related/teaser/end


def split_paragraphs(text: str) -> list[str]:
    parts = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [re.sub(r"[ \t]*\n[ \t]*", " ", p).strip() for p in parts if p.strip()]


def _kind(text: str) -> str:
    n_words = len(text.split())
    cue = cue_kind(text, short=SCRAPE_SHORT)
    if is_date_only(text):
        return "date"
    if _BYLINE.match(text) and n_words <= 12:
        return "byline"
    if cue == "end":
        return "end"
    if cue == "related" and n_words <= 8:
        return "related"
    if cue in ("boilerplate", "line") or (cue == "lead" and n_words < TEASER_WORDS):
        return "boilerplate"
    if is_caption(text) and n_words < 90:
        return "caption"
    if cue == "tail" or (text.rstrip().endswith(("...", "\u2026")) and n_words < TEASER_WORDS):
        return "teaser"
    if is_prose(text, PROSE_WORDS):
        return "prose"
    if n_words >= TEXT_WORDS and not text.isupper():
        return "text"
    return "short"


def classify(paragraphs: list[str]) -> list[Paragraph]:
    return [Paragraph(index, text, _kind(text)) for index, text in enumerate(paragraphs)]


#: Score of a paragraph for the body window: running text earns its words, chrome costs.
_GAIN = {"prose": 1.0, "text": 1.0}
_COST = {"caption": 2.0, "date": 4.0, "byline": 4.0, "teaser": 6.0, "related": 10.0, "boilerplate": 30.0, "end": 1000.0}
SHORT_COST, SHORT_COST_PER_WORD = 2.0, 0.25
#: A paragraph of prose with no prose next to it (a teaser in a list of teasers) earns this share.
ISOLATED_PROSE = 0.25


def _score(p: Paragraph, isolated: bool = False) -> float:
    n_words = len(p.text.split())
    if p.kind in _GAIN:
        return _GAIN[p.kind] * n_words * (ISOLATED_PROSE if isolated else 1.0)
    if p.kind == "short":
        return -(SHORT_COST + SHORT_COST_PER_WORD * n_words)
    return -_COST[p.kind]


#: Words of prose that must come before a comments heading for it to close the article (one paragraph).
END_AFTER_WORDS = PROSE_WORDS


def _body_window(paras: list[Paragraph]) -> tuple[int, int]:
    """Best contiguous run by score (max-subarray): running text counts its words, chrome costs.

    Nothing after the comments heading that follows the first prose is a candidate.
    """
    best, best_range = 0.0, (0, -1)
    current, start = 0.0, 0
    prose_words = 0
    running = [p.kind in _GAIN for p in paras]
    for i, p in enumerate(paras):
        if p.kind == "end" and prose_words >= END_AFTER_WORDS:
            break
        if p.kind == "prose":
            prose_words += len(p.text.split())
        isolated = not ((i > 0 and running[i - 1]) or (i + 1 < len(paras) and running[i + 1]))
        score = _score(p, isolated)
        if current <= 0:
            current, start = score, i
        else:
            current += score
        if current > best:
            best, best_range = current, (start, i)
    return best_range


def _body(window: list[Paragraph]) -> list[Paragraph]:
    """The article's paragraphs in the window: running text and short lines (headings, list items),
    without chrome and without the link lines of a related block (heading to next prose)."""
    body: list[Paragraph] = []
    in_related = False
    for p in window:
        if p.kind == "related":
            in_related = True
            continue
        if in_related:
            if p.kind not in ("prose", "text"):
                continue
            in_related = False
        if p.kind in ("prose", "text", "short"):
            body.append(p)
    return body


def extract_text(source: str, text: str, *, title_hint: str | None = None,
                 published_hint: str | None = None) -> Article:
    paras = classify(split_paragraphs(text))
    lo, hi = _body_window(paras)
    window = paras[lo : hi + 1] if hi >= lo else []

    body = _body(window)

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
    if title:
        headline = title_variants([title])
        body = [p for p in body if p.index > body[0].index + 2 or " ".join(words(p.text)) not in headline]
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
