"""Batch ingest: read inputs, run the pipeline on new documents, store results and errors.

A bad document never stops the batch: it becomes an error record with its source and reason.
Documents already stored (same content hash) are skipped before any work is done on them.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .pipeline import process_document
from .readers import read_inputs
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
    errors: list[IngestError] = field(default_factory=list)
    run_id: int | None = None

    @property
    def failed(self) -> bool:
        return bool(self.errors)


Progress = Callable[[str], None]


def input_hash(paths: Sequence[str]) -> str:
    keys = sorted(str(Path(p).resolve()) if p != "-" else "-" for p in paths)
    return hashlib.sha256("\0".join(keys).encode("utf-8")).hexdigest()


def ingest_paths(
    paths: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    *,
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    progress: Progress | None = None,
) -> IngestSummary:
    settings = settings or Settings()
    summary = IngestSummary()
    summary.run_id = store.start_run("ingest " + " ".join(paths), input_hash(paths))
    items = read_inputs(paths, max_bytes=settings.max_bytes, include=include, exclude=exclude)
    for item in items:
        if isinstance(item, IngestError):
            _record_error(store, summary, item)
        else:
            ingest_document(item, store, settings, summary)
        if progress is not None:
            progress(item.source)
    store.finish_run(summary.run_id, documents=summary.added, events=summary.events, errors=len(summary.errors))
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
    else:
        summary.skipped += 1


def _record_error(store: Store, summary: IngestSummary, error: IngestError) -> None:
    log.warning("%s: %s (%s)", error.source, error.message, error.error_type)
    summary.errors.append(error)
    store.add_error(error, summary.run_id)
