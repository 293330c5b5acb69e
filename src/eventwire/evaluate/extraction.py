"""Article extraction and plain-text scrape evaluation: eventwire beside trafilatura, readability-lxml and newspaper4k."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import EventwireError
from ..extract import extract_article
from ..extract.html import decode_html
from ..records import RawDocument
from .scoring import Report, read_jsonl, shingle_prf, shingle_tp_fp_fn

log = logging.getLogger(__name__)

Extracted = dict[str, Any]  # {"body", "title", "authors"}


def gold_rows(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    return read_jsonl(path, limit)


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip()).casefold()


def title_ok(gold: str | None, pred: str | None) -> bool:
    return _norm(gold) == _norm(pred)


def author_ok(gold: str | None, preds: list[str]) -> bool:
    """Authors compared by containment (gold bylines are raw: "By X", dates, several names)."""
    if not gold:
        return not preds
    g = _norm(gold)
    return any(_norm(p) and (_norm(p) in g or g in _norm(p)) for p in preds)


def _eventwire(html: bytes, url: str | None, source: str) -> Extracted:
    meta = (("url", url),) if url else ()
    article = extract_article(RawDocument(source, html, "text/html", metadata=meta))
    return {"body": article.body, "title": article.title, "authors": list(article.authors)}


def _trafilatura(precision: bool) -> Callable[[bytes, str | None, str], Extracted]:
    import trafilatura

    def run(html: bytes, url: str | None, source: str) -> Extracted:
        doc = trafilatura.bare_extraction(decode_html(html), url=url, with_metadata=True, favor_precision=precision)
        if doc is None:
            return {"body": "", "title": None, "authors": []}
        author = getattr(doc, "author", None)
        authors = [a.strip() for a in re.split(r";|,", author) if a.strip()] if author else []
        return {"body": getattr(doc, "text", "") or "", "title": getattr(doc, "title", None), "authors": authors}

    return run


def _readability(html: bytes, url: str | None, source: str) -> Extracted:
    from lxml import html as lxml_html
    from readability import Document

    doc = Document(decode_html(html), url=url)
    tree = lxml_html.fromstring(doc.summary(html_partial=True) or "<div></div>")
    blocks = [re.sub(r"\s+", " ", el.text_content()).strip() for el in tree.iter("p", "h1", "h2", "h3", "h4", "li", "pre", "blockquote", "td")]
    body = "\n\n".join(b for b in blocks if b) or re.sub(r"\s+", " ", tree.text_content()).strip()
    return {"body": body, "title": doc.short_title(), "authors": []}


def _newspaper(html: bytes, url: str | None, source: str) -> Extracted:
    from newspaper import Article as NArticle
    from newspaper import Config

    config = Config()
    config.fetch_images = False
    config.memoize_articles = False
    config.request_timeout = 1
    art = NArticle(url or "http://example.com/", config=config)
    art.download(input_html=decode_html(html))
    art.parse()
    return {"body": art.text or "", "title": art.title, "authors": list(art.authors)}


def _systems(baselines: bool) -> dict[str, Callable[[bytes, str | None, str], Extracted]]:
    systems: dict[str, Callable[[bytes, str | None, str], Extracted]] = {"eventwire": _eventwire}
    if not baselines:
        return systems
    systems["trafilatura"] = _trafilatura(False)
    systems["trafilatura-precision"] = _trafilatura(True)
    for name, fn in (("readability-lxml", _readability), ("newspaper4k", _newspaper)):
        try:
            fn(b"<html><body><p>probe text for the extractor</p></body></html>", None, "probe")
        except ImportError:
            log.warning("%s is not installed: left out of the comparison", name)
            continue
        except Exception:  # noqa: BLE001 - a baseline failing on the probe still runs on real pages
            pass
        systems[name] = fn
    return systems


def evaluate_extraction(path: Path, *, limit: int | None = None, baselines: bool = True) -> Report:
    rows = list(gold_rows(path, limit))
    systems = _systems(baselines)
    report = Report("extraction", str(path), len(rows))
    for name, fn in systems.items():
        shingles: list[tuple[float, float, float]] = []
        titles = authors = with_title = with_author = failures = 0
        started = time.perf_counter()
        for row in rows:
            html = (path / row["file"]).read_bytes()
            try:
                got = fn(html, row.get("url"), row["file"])
            except EventwireError:
                got = {"body": "", "title": None, "authors": []}
                failures += 1
            except Exception as exc:  # noqa: BLE001 - a third-party baseline crashing on a page scores zero there
                log.info("%s failed on %s: %s", name, row["id"], exc)
                got = {"body": "", "title": None, "authors": []}
                failures += 1
            shingles.append(shingle_tp_fp_fn(row.get("body"), got["body"]))
            if "title" in row and row["title"] is not None:
                with_title += 1
                titles += title_ok(row["title"], got["title"])
            if "author" in row and (row["author"] is not None or row.get("title") is not None):
                with_author += 1
                authors += author_ok(row["author"], got["authors"])
        scores: dict[str, float] = shingle_prf(shingles)
        scores["seconds"] = time.perf_counter() - started
        scores["failures"] = failures
        if with_title:
            scores["title_accuracy"] = titles / with_title
        if with_author:
            scores["author_accuracy"] = authors / with_author
        report.systems[name] = scores
    report.notes.append("body: precision/recall/F1 over word 4-gram shingles as in scrapinghub's evaluate.py")
    return report


def evaluate_scrapes(path: Path, *, limit: int | None = None) -> Report:
    rows = list(gold_rows(path, limit))
    report = Report("scrapes", str(path), len(rows))
    shingles = []
    for row in rows:
        raw = RawDocument(row["file"], (path / row["file"]).read_bytes(), "text/plain")
        try:
            body = extract_article(raw).body
        except EventwireError:
            body = ""
        shingles.append(shingle_tp_fp_fn(row.get("body"), body))
    report.systems["eventwire"] = shingle_prf(shingles)
    return report
