"""Page chrome left in an extracted body: cue lines, related-link blocks, the headline repeated,
bylines and date lines.

Cues are data (``data/extract/boilerplate.tsv``), one per row with a kind:

* ``boilerplate``: a short paragraph that contains the cue is page chrome ("Sign up for our
  newsletter", "All rights reserved");
* ``related``: a paragraph that is only the cue ("Related coverage", "You may also like") heads
  a block of links: it goes, and so do the link lines (short, not prose) right after it;
* ``lead``: a paragraph that starts with the cue is a link to another page ("Read more: ...",
  "Related: ...", "See also ...");
* ``line``: a paragraph that is only the cue is a widget label ("Advertisement", "Share");
* ``tail``: a paragraph that ends with the cue is a teaser ("... Read more");
* ``notice``: a paragraph of any length that holds the cue is a site notice ("This website uses cookies");
* ``end``: a short paragraph that holds the cue opens the comments ("34 responses to ..."); here it
  goes like a related-items heading, in a scrape nothing after it is the article.

The same cues classify the paragraphs of plain-text scrapes (:mod:`eventwire.extract.text`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import read_tsv
from ..errors import DataFileError
from .body import is_prose, words
from .dates import is_date_only

#: Only a paragraph shorter than this is dropped for a ``boilerplate`` cue. In HTML the extractors
#: have already dropped most chrome, so a cue convicts only a shorter paragraph than in a raw
#: scrape, where nothing has been filtered (:data:`SCRAPE_SHORT`).
SHORT = 40
SCRAPE_SHORT = 60
#: A related-block heading has at most this many words besides the cue.
HEADING_WORDS = 6
_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014\u00b7\u2022:\-/\u00bb]+\s+|\s*[|\u00bb]\s*")
BYLINE = re.compile(r"^(?i:by|par|por|di|von|door)\s+(?:[A-Z\u00c0-\u00de][\w.'\u2019-]*\s*(?:,|and|&|y|et|und)?\s*){1,8}\S*$")
_OPENERS = "[(\u201c\"'\u2018 -\u2013\u2014*\u2022"


KINDS = ("boilerplate", "related", "lead", "line", "tail", "notice", "end")


@dataclass(frozen=True, slots=True)
class Cues:
    boilerplate: tuple[str, ...]
    related: tuple[str, ...]
    lead: tuple[str, ...]
    line: frozenset[str]
    tail: tuple[str, ...]
    notice: tuple[str, ...]
    end: tuple[str, ...]


@lru_cache(maxsize=1)
def cues() -> Cues:
    kinds: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for row in read_tsv("extract/boilerplate.tsv"):
        if row["kind"] not in kinds:
            raise DataFileError(f"extract/boilerplate.tsv: unknown kind {row['kind']!r} for cue {row['cue']!r}; use one of {', '.join(KINDS)}")
        kinds[row["kind"]].append(" ".join(row["cue"].lower().split()))
    return Cues(
        tuple(kinds["boilerplate"]), tuple(kinds["related"]), tuple(kinds["lead"]),
        frozenset(" ".join(words(cue)) for cue in kinds["line"]), tuple(kinds["tail"]),
        tuple(kinds["notice"]), tuple(kinds["end"]),
    )


def cue_kind(text: str, *, short: int = SHORT) -> str | None:
    """The kind of the first cue that says the paragraph is page chrome, else None."""
    lowered = " ".join(text.lower().split())
    n_words = len(lowered.split())
    bare = lowered.lstrip(_OPENERS)
    c = cues()
    if n_words <= 4 and " ".join(words(lowered)) in c.line:
        return "line"
    for cue in c.lead:
        if bare.startswith(cue):
            return "lead"
    stripped = lowered.rstrip(" .\u2026>\u203a\u00bb\u2192")
    if any(stripped.endswith(cue) for cue in c.tail):
        return "tail"
    for cue in c.related:
        if bare.startswith(cue) and n_words <= len(cue.split()) + HEADING_WORDS:
            return "related"
    for cue in c.end:
        if cue in lowered and n_words <= len(cue.split()) + 2 * HEADING_WORDS:
            return "end"
    if any(cue in lowered for cue in c.notice):
        return "boilerplate"
    if n_words < short and any(cue in lowered for cue in c.boilerplate):
        return "boilerplate"
    return None


def is_byline(text: str) -> bool:
    """A short "By Jane Doe and John Roe" line (no sentence: a line of names)."""
    stripped = text.strip()
    return len(stripped.split()) <= 10 and not stripped.endswith((".", "!", "?")) and bool(BYLINE.match(stripped))


def title_variants(titles: Iterable[str | None]) -> set[str]:
    """Normalised headlines: each title and its parts around a site-name separator (3+ words)."""
    out: set[str] = set()
    for title in titles:
        if not title:
            continue
        whole = " ".join(words(title))
        if whole:
            out.add(whole)
        for part in _TITLE_SEPARATORS.split(title):
            norm = " ".join(words(part))
            if len(norm.split()) >= 3:
                out.add(norm)
    return out


def clean_paragraphs(paragraphs: Sequence[str], *, titles: Iterable[str | None] = ()) -> list[str]:
    """Drop the headline repeated at the top, cue paragraphs, related-link blocks, bylines and date lines."""
    headlines = title_variants(titles)
    out: list[str] = []
    in_related = False
    for index, paragraph in enumerate(paragraphs):
        if index < 3 and not out and " ".join(words(paragraph)) in headlines:
            continue
        kind = cue_kind(paragraph)
        if kind in ("related", "end"):
            in_related = True
            continue
        if in_related:
            if not is_prose(paragraph):
                continue
            in_related = False
        if kind is not None or is_date_only(paragraph) or is_byline(paragraph):
            continue
        out.append(paragraph)
    return out


_CAPTION = re.compile(
    r"^(?:image|media|photo|video) ?(?:caption|copyright)\b|^\(?(?:file )?(?:image|photo|picture)s?(?: credit)?:"
    r"|\b(?:photo )?credit:|\(ap photo\b|\bphoto:|\bvia reuters\b|\bgetty images\b"
    r"|(?-i:[/|(]\s*(?:Reuters|REUTERS|AFP|AP|EPA|Shutterstock|iStock)\)?\.?\s*$|\b(?:REUTERS|AFP|EPA|AP)/\s?[A-Z])",
    re.I,
)


def is_caption(text: str) -> bool:
    """A photo caption or credit line ("Image caption ...", "... (AP Photo/...)", "Credit: Getty")."""
    return bool(_CAPTION.search(text.strip()))
