"""Articles for the event and document views: the stored body cut into marked segments.

The dashboard highlights an event's sentence, trigger, actors and place in the article body. The
offsets are Python character offsets (code points) while browsers count UTF-16 units, so the cut
is made here and the page only puts each segment's text into the page as text.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import NotFound
from ..store import Store

ARTICLE_COLUMNS = ("title", "authors", "published", "published_precision", "page_date", "site", "language", "body",
                   "captions", "credit", "author_bio", "extractor")  # fmt: skip


def document(store: Store, document_id: int) -> dict[str, Any]:
    """A stored document with its article (or ``article: null`` when none was extracted)."""
    row = store.conn.execute(
        "SELECT id, source, url, media_type, fetched, ingested, coded, metadata FROM documents WHERE id = ?",
        (document_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"no document with id {document_id}")
    data = dict(row)
    data["coded"] = bool(data["coded"])
    data["metadata"] = json.loads(data["metadata"] or "{}")
    data["article"] = article(store, document_id)
    return data


def article(store: Store, document_id: int) -> dict[str, Any] | None:
    row = store.conn.execute(
        f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE document_id = ?",  # column names are constants
        (document_id,),
    ).fetchone()
    if row is None:
        return None
    data = dict(row)
    data["authors"] = json.loads(data["authors"] or "[]")
    data["captions"] = json.loads(data["captions"] or "[]")
    return data


def event_marks(event: dict[str, Any], body: str) -> list[tuple[int, int, str]]:
    """The spans of one event in ``body``: sentence, trigger, source and target actors, place.

    Offsets that do not point at the expected text (an event coded from other text) are dropped;
    the sentence is then looked up by its text.
    """
    evidence = event.get("evidence") or {}
    marks: list[tuple[int, int, str]] = []
    sentence = evidence.get("sentence") or ""
    start, end = evidence.get("start", -1), evidence.get("end", -1)
    shift = 0
    if not _points_at(body, start, end, sentence):
        found = body.find(sentence) if sentence else -1
        if found < 0:
            return []
        shift = found - start
        start, end = found, found + len(sentence)
    marks.append((start, end, "sentence"))
    trigger = evidence.get("trigger") or {}
    candidates = [(trigger, "trigger")]
    candidates += [(a, "source") for a in event.get("source") or []]
    candidates += [(a, "target") for a in event.get("target") or []]
    if event.get("location"):
        candidates.append((event["location"], "place"))
    for span, kind in candidates:
        s, e = span.get("start", -1) + shift, span.get("end", -1) + shift
        if _points_at(body, s, e, span.get("text") or ""):
            marks.append((s, e, kind))
    return marks


def segments(body: str, marks: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """``body`` cut at every mark boundary: ``[{"text", "marks": [kind, ...]}, ...]``, in order."""
    cuts = sorted({0, len(body), *(p for s, e, _ in marks for p in (s, e))})
    out: list[dict[str, Any]] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        if left >= right:
            continue
        kinds = [kind for s, e, kind in marks if s <= left and right <= e]
        out.append({"text": body[left:right], "marks": kinds})
    return out


def event_detail(store: Store, event: dict[str, Any]) -> dict[str, Any]:
    """The event with its article: body, metadata and the body cut into highlighted segments."""
    data = dict(event)
    art = article(store, int(event["document_id"]))
    if art is not None:
        marks = event_marks(event, art["body"])
        art["segments"] = segments(art["body"], marks)
        art["highlighted"] = bool(marks)
    data["article"] = art
    return data


def _points_at(body: str, start: int, end: int, text: str) -> bool:
    return 0 <= start <= end <= len(body) and bool(text) and body[start:end] == text
