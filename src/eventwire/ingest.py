"""Batch ingest: read inputs, run the pipeline on new documents, store results and errors.

A bad document never stops the batch: it becomes an error record with its source and reason.
Documents already stored (same content hash) are skipped before any work is done on them, and
feed entries whose link is already stored are not read (or fetched) again. Documents that are
not in English are stored with their article and ``coded = 0``; the English coder never sees them.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .fetch import Fetcher, looks_like_url
from .pipeline import process_document
from .readers import ReadItem, ReadOptions, read_inputs
from .records import IngestError, RawDocument
from .settings import Settings
from .store import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestSummary:
    documents: int = 0  # documents read (good ones)
    added: int = 0  # newly stored
    skipped: int = 0  # already stored before this run
    events: int = 0  # events added
    not_coded: int = 0  # newly stored documents not coded (not in English)
    errors: list[IngestError] = field(default_factory=list)
    run_id: int | None = None

    @property
    def failed(self) -> bool:
        return bool(self.errors)


Progress = Callable[[str], None]


def input_hash(paths: Sequence[str]) -> str:
    keys = sorted(p if p == "-" or looks_like_url(p) else str(Path(p).resolve()) for p in paths)
    return hashlib.sha256("\0".join(keys).encode("utf-8")).hexdigest()


def read_options(
    settings: Settings, store: Store | None = None, *, fetcher: Fetcher | None = None, summary: IngestSummary | None = None
) -> ReadOptions:
    """Reader options from the settings; with a store, feed entries already stored are skipped (counted in ``summary``)."""
    seen: Callable[[str], bool] | None = None
    if store is not None:
        has_url = store.has_url

        def is_stored(url: str) -> bool:
            stored = has_url(url)
            if stored and summary is not None:
                summary.documents += 1
                summary.skipped += 1
            return stored

        seen = is_stored
    return ReadOptions(
        max_bytes=settings.max_bytes,
        max_feed_entries=settings.max_feed_entries,
        fetcher=fetcher or Fetcher.from_settings(settings),
        seen=seen,
    )


def ingest_paths(
    paths: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    *,
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest files, directories, ``-`` (stdin) and http(s) URLs into ``store``."""
    settings = settings or Settings()
    summary = IngestSummary()
    summary.run_id = store.start_run("ingest " + " ".join(paths), input_hash(paths))
    items = read_inputs(paths, include=include, exclude=exclude, options=read_options(settings, store, summary=summary))
    ingest_items(items, store, settings, summary, progress=progress)
    store.finish_run(summary.run_id, documents=summary.added, events=summary.events, errors=len(summary.errors))
    return summary


def ingest_items(
    items: Iterable[ReadItem], store: Store, settings: Settings, summary: IngestSummary, *, progress: Progress | None = None
) -> IngestSummary:
    """Store each reader output: documents through the pipeline, errors as error records."""
    for item in items:
        if isinstance(item, IngestError):
            _record_error(store, summary, item)
        else:
            ingest_document(item, store, settings, summary)
        if progress is not None:
            progress(item.source)
    return summary


def ingest_document(raw: RawDocument, store: Store, settings: Settings, summary: IngestSummary) -> None:
    if store.has_document(raw.content_hash):
        summary.documents += 1
        summary.skipped += 1
        return
    result = process_document(raw, settings)
    if result.error is not None:
        _record_error(store, summary, result.error)
        return
    summary.documents += 1
    outcome = store.add_result(result, summary.run_id)
    if outcome.added:
        summary.added += 1
        summary.events += outcome.events
        if not result.coded:
            summary.not_coded += 1
            language = result.article.language if result.article else None
            log.info("%s: stored, not coded (language %s)", raw.source, language)
    else:
        summary.skipped += 1


def _record_error(store: Store, summary: IngestSummary, error: IngestError) -> None:
    log.warning("%s: %s (%s)", error.source, error.message, error.error_type)
    summary.errors.append(error)
    store.add_error(error, summary.run_id)
