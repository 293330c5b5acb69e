"""``POST /api/ingest``: uploaded files (and, later, URLs) through the library's ingest path.

Each upload is read with :func:`eventwire.readers.read_bytes` (the same sniffing, size cap and
error records as ``eventwire ingest``), each new document goes through
:func:`eventwire.pipeline.process_document` and :meth:`Store.add_result`, and every failure is an
error record in the database and in the summary; one bad file never fails the request.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ..pipeline import process_document
from ..readers import read_bytes
from ..records import IngestError, RawDocument
from ..settings import Settings
from ..store import Store
from .deps import config, require_write
from .middleware import too_large
from .responses import ApiError

log = logging.getLogger(__name__)

MAX_FILES = 200

router = APIRouter(prefix="/api")

INGEST_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "urls": {"type": "string", "description": "http(s) URLs, one per line"},
                    },
                }
            },
            "application/json": {
                "schema": {"type": "object", "properties": {"urls": {"type": "array", "items": {"type": "string"}}}}
            },
        },
    }
}


@dataclass(slots=True)
class FileOutcome:
    name: str
    documents: list[int] = field(default_factory=list)
    added: int = 0
    skipped: int = 0
    events: int = 0
    errors: list[IngestError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "documents": self.documents, "added": self.added, "skipped": self.skipped,
                "events": self.events, "errors": [e.to_dict() for e in self.errors]}


def upload_name(filename: str | None, index: int) -> str:
    """The base name of an uploaded file (no directories), used as the document's source."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name.strip()
    return name or f"upload-{index}"


def ingest_uploads(uploads: list[tuple[str, bytes]], store: Store, settings: Settings) -> list[FileOutcome]:
    """Read, extract, code and store each ``(name, data)``; returns what happened to each file."""
    digest = hashlib.sha256()
    for name, data in uploads:
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    run_id = store.start_run("api ingest " + " ".join(name for name, _ in uploads), digest.hexdigest())
    outcomes: list[FileOutcome] = []
    for name, data in uploads:
        outcome = FileOutcome(name)
        for item in read_bytes(f"upload:{name}", data, max_bytes=settings.max_bytes):
            if isinstance(item, IngestError):
                _error(store, outcome, item, run_id)
            else:
                _document(store, outcome, item, settings, run_id)
        outcomes.append(outcome)
    store.finish_run(run_id, documents=sum(o.added for o in outcomes), events=sum(o.events for o in outcomes),
                     errors=sum(len(o.errors) for o in outcomes))
    return outcomes


def _document(store: Store, outcome: FileOutcome, raw: RawDocument, settings: Settings, run_id: int) -> None:
    row = store.conn.execute("SELECT id FROM documents WHERE content_hash = ?", (raw.content_hash,)).fetchone()
    if row is not None:
        outcome.skipped += 1
        outcome.documents.append(int(row[0]))
        return
    result = process_document(raw, settings)
    if result.error is not None:
        _error(store, outcome, result.error, run_id)
        return
    added = store.add_result(result, run_id)
    outcome.documents.append(added.document_id)
    if added.added:
        outcome.added += 1
        outcome.events += added.events
    else:
        outcome.skipped += 1


def _error(store: Store, outcome: FileOutcome, error: IngestError, run_id: int | None) -> None:
    log.warning("%s: %s (%s)", error.source, error.message, error.error_type)
    outcome.errors.append(error)
    store.add_error(error, run_id)


def ingest_urls(urls: list[str], settings: Settings) -> list[FileOutcome]:
    """Fetch, extract, code and store each http(s) URL (with the fetch limits of the settings)."""
    from ..ingest import ingest_paths

    outcomes: list[FileOutcome] = []
    store = Store(settings.db, busy_timeout_ms=settings.busy_timeout_ms)
    try:
        for url in urls:
            outcome = FileOutcome(url)
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme not in ("http", "https"):
                _error(store, outcome, IngestError(url, "fetch", "UnsupportedInput", "only http:// and https:// URLs can be ingested"), None)
            else:
                summary = ingest_paths([url], store, settings)
                outcome.added, outcome.events, outcome.errors = summary.added, summary.events, list(summary.errors)
                outcome.skipped = summary.skipped
                outcome.documents = [int(r[0]) for r in store.conn.execute(
                    "SELECT id FROM documents WHERE url = ? OR source = ? ORDER BY id", (url, url))]
            outcomes.append(outcome)
    finally:
        store.close()
    return outcomes


async def _read_request(request: Request, max_bytes: int) -> tuple[list[tuple[str, bytes]], list[str]]:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise ApiError(413, too_large(max_bytes))
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    uploads: list[tuple[str, bytes]] = []
    urls: list[str] = []
    if ctype == "application/json":
        try:
            body = await request.json()
        except ValueError as exc:
            raise ApiError(400, f"the body is not valid JSON: {exc}") from exc
        raw_urls = body.get("urls", []) if isinstance(body, dict) else None
        if not isinstance(raw_urls, list) or not all(isinstance(u, str) for u in raw_urls):
            raise ApiError(400, 'the JSON body must be {"urls": ["https://...", ...]}')
        urls = [u.strip() for u in raw_urls if u.strip()]
    elif ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
        try:
            for index, value in enumerate([*form.getlist("files"), *form.getlist("file")]):
                if isinstance(value, UploadFile):
                    uploads.append((upload_name(value.filename, index), await value.read()))
            for value in form.getlist("urls"):
                if isinstance(value, str):
                    urls += [line.strip() for line in value.splitlines() if line.strip()]
        finally:
            await form.close()
    else:
        raise ApiError(415, "send multipart/form-data (fields 'files' and/or 'urls') or application/json {\"urls\": [...]}")
    if not uploads and not urls:
        raise ApiError(400, "nothing to ingest: send files in the multipart field 'files' and/or URLs in 'urls'")
    return uploads, urls


@router.post("/ingest", dependencies=[Depends(require_write)], openapi_extra=INGEST_DOC,
             summary="Ingest uploaded files (needs the token); returns a summary with per-file errors")
async def ingest(request: Request) -> JSONResponse:
    cfg = config(request)
    uploads, urls = await _read_request(request, cfg.max_upload_bytes)
    outcomes: list[FileOutcome] = []
    if uploads:
        outcomes = await run_in_threadpool(_ingest_in_own_store, uploads, cfg.settings)
    url_outcomes = await run_in_threadpool(ingest_urls, urls, cfg.settings) if urls else []
    everything = outcomes + url_outcomes
    errors = [e for o in everything for e in o.errors]
    return JSONResponse({
        "ok": True,
        "failed": bool(errors),
        "files": [o.to_dict() for o in outcomes],
        "urls": [{"url": o.name, **{k: v for k, v in o.to_dict().items() if k != "name"}} for o in url_outcomes],
        "documents": sum(o.added + o.skipped for o in everything),
        "added": sum(o.added for o in everything),
        "skipped": sum(o.skipped for o in everything),
        "events": sum(o.events for o in everything),
        "errors": [e.to_dict() for e in errors],
    })


def _ingest_in_own_store(uploads: list[tuple[str, bytes]], settings: Settings) -> list[FileOutcome]:
    store = Store(settings.db, busy_timeout_ms=settings.busy_timeout_ms)
    try:
        return ingest_uploads(uploads, store, settings)
    finally:
        store.close()
