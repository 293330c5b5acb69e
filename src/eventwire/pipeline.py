"""The per-document pipeline: RawDocument -> Article -> [Event], free of database and global state.

``process_document`` is a plain function of its inputs (plus a once-loaded spaCy model), so it
runs unchanged in a worker process or on a Dask cluster. Each stage's output type is checked.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

from .coder import Coder, CodingResult
from .errors import EventwireError
from .extract import extract_article
from .nlp import load_model
from .readers import flatten_deep_html
from .records import Article, DocumentResult, IngestError, RawDocument
from .settings import Settings
from .timex import parse_day

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def get_coder(model: str) -> Coder:
    """The coder for a spaCy pipeline name, built once per process."""
    return Coder(load_model(model))


def _checked(stage: str, value: object, expected: type) -> None:
    if not isinstance(value, expected):
        raise TypeError(f"pipeline stage {stage!r} returned {type(value).__name__}, expected {expected.__name__}")


def process_document(raw: RawDocument, settings: Settings | None = None) -> DocumentResult:
    """Run extraction and coding on one document. Errors become an IngestError in the result."""
    settings = settings or Settings()
    timings: list[tuple[str, float]] = []
    started = time.perf_counter()
    try:
        article = extract_article(flatten_deep_html(raw))  # hostile nesting would lose the page in libxml2
        _checked("extract", article, Article)
    except EventwireError as exc:
        return DocumentResult(raw, None, error=IngestError(raw.source, "extract", type(exc).__name__, str(exc)))
    timings.append(("extract", time.perf_counter() - started))
    if article.language not in ("en", "und"):
        return DocumentResult(raw, article, coded=False, timings=tuple(timings))
    started = time.perf_counter()
    try:
        result = code_article(article, settings)
    except EventwireError as exc:
        return DocumentResult(raw, article, error=IngestError(raw.source, "code", type(exc).__name__, str(exc)))
    _checked("code", result, CodingResult)
    timings.append(("code", time.perf_counter() - started))
    events = tuple(e for e in result.events if e.confidence >= settings.min_confidence)
    return DocumentResult(raw, article, events, result.claims, timings=tuple(timings))


def code_article(article: Article, settings: Settings | None = None) -> CodingResult:
    """Code the events of an article body; offsets point into ``article.body``."""
    settings = settings or Settings()
    coder = get_coder(settings.model)
    return coder.code_text(article.body, published=parse_day(article.published))


def code_text(text: str, *, published: date | None = None, settings: Settings | None = None) -> CodingResult:
    """Code the events of a piece of text; offsets point into ``text``."""
    settings = settings or Settings()
    return get_coder(settings.model).code_text(text, published=published)


def process_all(items: Iterable[RawDocument | IngestError], settings: Settings | None = None) -> Iterator[DocumentResult | IngestError]:
    """Process a stream of reader outputs; reader errors pass through unchanged."""
    for item in items:
        if isinstance(item, IngestError):
            yield item
        else:
            yield process_document(item, settings)
