"""Publication-date evaluation: eventwire beside htmldate (original_date=True)."""

from __future__ import annotations

import logging
from pathlib import Path

from ..errors import EventwireError
from ..extract import extract_article
from ..records import RawDocument
from .extraction import gold_rows
from .scoring import Report

log = logging.getLogger(__name__)


def evaluate_dates(path: Path, *, limit: int | None = None, baselines: bool = True) -> Report:
    rows = list(gold_rows(path, limit))
    report = Report("dates", str(path), len(rows))
    ours = theirs = 0
    misses: list[dict[str, str | None]] = []
    for row in rows:
        html = (path / row["file"]).read_bytes()
        meta = (("url", row["url"]),) if row.get("url") else ()
        try:
            article = extract_article(RawDocument(row["file"], html, "text/html", metadata=meta))
            got = article.published[:10] if article.published else None
        except EventwireError:
            got = None
        ours += got == row["published"]
        if got != row["published"]:
            misses.append({"id": row["id"], "gold": row["published"], "eventwire": got})
        if baselines:
            from htmldate import find_date

            try:
                found = find_date(html, url=row.get("url"), original_date=True)
            except Exception as exc:  # noqa: BLE001 - a baseline crash counts as no date
                log.info("htmldate failed on %s: %s", row["id"], exc)
                found = None
            theirs += found == row["published"]
    report.systems["eventwire"] = {"day_accuracy": ours / len(rows) if rows else 0.0}
    if baselines:
        report.systems["htmldate"] = {"day_accuracy": theirs / len(rows) if rows else 0.0}
    report.details["misses"] = misses
    return report
