"""The article body of an HTML page by agreement between three extractors.

trafilatura's default run finds the most text but keeps some page chrome; its precision run
(``favor_precision``) drops chrome but also headings and the odd paragraph; readability-lxml
scores the DOM differently again. :func:`vote` keeps the default run's paragraphs inside the
span the precision run confirms, and outside it the long paragraphs of prose readability-lxml
also found. :func:`rescue` then adds the prose that readability-lxml found right after the voted
body when trafilatura stopped early (a page that splits its article in two containers), and
:func:`fill_gaps` the lists and headings readability-lxml has between two consecutive body
paragraphs.

Paragraphs are compared by word n-grams (lower case), so a paragraph that one extractor
trimmed (trafilatura's precision run drops some link text) still matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"\w+", re.UNICODE)
SENTENCE_END = (".", "!", "?", "\u201d", '"', "'", "\u2019", ")", "\u2026", ":", "\u00bb", "\u3002")

#: Share of a paragraph's word trigrams another extractor must hold for the two to agree.
AGREE = 0.9
#: A paragraph of prose with at least this many words is kept on readability-lxml's word alone.
LONG_PROSE = 20
#: Rescue: readability-lxml's paragraphs after the voted body are added when they hold at least
#: this many words of prose, and at least this share of the voted body's words.
RESCUE_MIN_WORDS = 150
RESCUE_MIN_SHARE = 0.3
#: Gap filling: at most this many readability-lxml paragraphs are put back between two body paragraphs.
MAX_GAP = 12


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def is_prose(text: str, min_words: int = 8) -> bool:
    """A paragraph of running text: enough words, ends like a sentence, not shouted in capitals."""
    stripped = text.rstrip()
    return len(stripped.split()) >= min_words and stripped.endswith(SENTENCE_END) and not stripped.isupper()


def _grams(paragraph: str) -> set[tuple[str, ...]]:
    tokens = words(paragraph)
    n = min(3, len(tokens))
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)} if tokens else set()


class GramSet:
    """Word 1-, 2- and 3-grams of a text, to ask how much of a paragraph the text holds."""

    __slots__ = ("grams",)

    def __init__(self, paragraphs: Iterable[str]) -> None:
        self.grams: set[tuple[str, ...]] = set()
        for paragraph in paragraphs:
            tokens = words(paragraph)
            for n in (1, 2, 3):
                self.grams.update(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))

    def share(self, paragraph: str) -> float:
        """Share of the paragraph's word trigrams (bigrams, words for shorter ones) found here."""
        grams = _grams(paragraph)
        if not grams:
            return 1.0
        return sum(1 for g in grams if g in self.grams) / len(grams)


def vote(default: Sequence[str], precise: Sequence[str], readable: Sequence[str]) -> list[str]:
    """The default run's paragraphs within the span the precision run confirms, plus confirmed prose outside it.

    The first and last paragraphs that the precision run also found bound the article; inside
    that span every paragraph of the default run is kept (the precision run drops headings and
    short lines of the article too). Outside it a paragraph stays only when it is a long
    paragraph of prose that readability-lxml has too.
    """
    if not precise:
        return list(default)
    in_precise, in_readable = GramSet(precise), GramSet(readable)
    confirmed = [i for i, paragraph in enumerate(default) if in_precise.share(paragraph) >= AGREE]
    if not confirmed:
        return list(default)
    first, last = confirmed[0], confirmed[-1]
    return [
        paragraph
        for i, paragraph in enumerate(default)
        if first <= i <= last or (is_prose(paragraph, LONG_PROSE) and in_readable.share(paragraph) >= AGREE)
    ]


def rescue(body: Sequence[str], readable: Sequence[str]) -> list[str]:
    """Add readability-lxml's prose that continues the body where trafilatura stopped.

    The body's last paragraph is found in readability-lxml's paragraphs; what follows it there,
    up to readability-lxml's last paragraph of prose, is added when it is a substantial amount
    of prose the body does not already hold; lines of one to three words that are not sentences
    (buttons, labels) are left out.
    """
    if not body or not readable:
        return list(body)
    have = GramSet(body)
    tail_at = None
    last = GramSet([body[-1]])
    for i, paragraph in enumerate(readable):
        if have.share(paragraph) >= AGREE and last.share(paragraph) >= AGREE:
            tail_at = i
    if tail_at is None:
        return list(body)
    added = [p for p in readable[tail_at + 1 :] if have.share(p) < AGREE]
    while added and not is_prose(added[-1]):
        added.pop()
    prose_words = sum(len(p.split()) for p in added if is_prose(p))
    body_words = sum(len(p.split()) for p in body)
    if prose_words < RESCUE_MIN_WORDS or prose_words < RESCUE_MIN_SHARE * body_words:
        return list(body)
    return [*body, *(p for p in added if is_prose(p, 4) or len(p.split()) > 3)]


def locate(paragraphs: Sequence[str], others: Sequence[str]) -> list[int | None]:
    """For each of ``others``, the index of the paragraph in ``paragraphs`` that holds it, or None."""
    index: dict[tuple[str, ...], set[int]] = {}
    for j, paragraph in enumerate(paragraphs):
        tokens = words(paragraph)
        for n in (1, 2, 3):
            for i in range(len(tokens) - n + 1):
                index.setdefault(tuple(tokens[i : i + n]), set()).add(j)
    out: list[int | None] = []
    for other in others:
        grams = _grams(other)
        if not grams:
            out.append(None)
            continue
        hits: dict[int, int] = {}
        for gram in grams:
            for j in index.get(gram, ()):
                hits[j] = hits.get(j, 0) + 1
        best = max(hits, key=lambda j: (hits[j], -j), default=None)
        out.append(best if best is not None and hits[best] / len(grams) >= AGREE else None)
    return out


def fill_gaps(body: Sequence[str], readable: Sequence[str], *, max_run: int = MAX_GAP) -> list[str]:
    """Add what readability-lxml has between two consecutive body paragraphs (lists, headings).

    Runs of readability-lxml paragraphs that the body lacks, lying between two paragraphs that
    follow each other in the body, are put back between them.
    """
    if len(body) < 2 or not readable:
        return list(body)
    position = locate(body, readable)
    inserts: dict[int, list[str]] = {}
    last_at, last_j = None, None
    for i, j in enumerate(position):
        if j is None:
            continue
        if last_j is not None and last_at is not None and j == last_j + 1 and 0 < i - last_at - 1 <= max_run:
            inserts[last_j] = list(readable[last_at + 1 : i])
        last_at, last_j = i, j
    out: list[str] = []
    for j, paragraph in enumerate(body):
        out.append(paragraph)
        out.extend(inserts.get(j, ()))
    return out
