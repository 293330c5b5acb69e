"""WARC, WARC.gz, WET and ARC files -> RawDocument per response/conversion record (warcio)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .records import IngestError, RawDocument

_TEXT_TYPES = ("text/html", "application/xhtml", "text/plain")


def read_warc(source: str, data: bytes, *, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    count = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
            kind = record.rec_type
            if kind not in ("response", "conversion", "resource"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#record{count + 1}"
            captured = _parse_date(record.rec_headers.get_header("WARC-Date"))
            if kind == "response" and record.http_headers is not None:
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            else:
                ctype = (record.rec_headers.get_header("Content-Type") or "text/plain").lower()
            if kind == "conversion":
                ctype = "text/plain"
            if not any(ctype.startswith(t) for t in _TEXT_TYPES):
                continue
            body = record.content_stream().read(max_bytes + 1)
            count += 1
            if len(body) > max_bytes:
                yield IngestError(uri, "read", "InputTooLarge", f"record over the {max_bytes}-byte cap")
                continue
            if not body.strip():
                continue
            media = "text/plain" if ctype.startswith("text/plain") else "text/html"
            meta = (("url", uri), ("warc_file", source))
            yield RawDocument(source=uri, content=body, media_type=media, fetched=captured, metadata=meta)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        yield IngestError(source, "read", type(exc).__name__, f"unreadable WARC/ARC data after {count} records: {exc}")
        return
    if count == 0:
        yield IngestError(source, "read", "EmptyInput", "no HTML or text records in this WARC/ARC file")


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
