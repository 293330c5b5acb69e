"""WARC, WARC.gz, Common Crawl WET and ARC files -> one RawDocument per page record (warcio).

Files are streamed: the size cap applies to each record's payload, not to the file, so a
Common Crawl file of any size can be read. ``response`` records (ARC records are converted to
them) whose HTTP status is 2xx, ``resource`` records and WET ``conversion`` records become
documents when they hold HTML or text; the document's source is the record's target URI and its
``fetched`` time the capture date. A WARC.gz written as one gzip member (not one per record), or
with members that do not match the records, is read again through a plain gunzip. A record whose
Content-Length does not match its data, and data that is not a WARC at all, become error records
naming the file; the records read before stay.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .errors import EventwireError
from .records import IngestError, RawDocument

log = logging.getLogger(__name__)

_TEXT_TYPES = ("text/html", "application/xhtml", "text/plain")
_PAGE_KINDS = ("response", "conversion", "resource")
_SKIPPED_SCHEMES = ("metadata:", "dns:", "urn:")

Opener = Callable[[], IO[bytes]]


class _QuietIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator without its message on stderr for a misaligned record (we report it)."""

    INC_RECORD = ""


def read_warc(source: str, opener: Opener, *, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    """The documents of one WARC/ARC/WET file; ``opener`` returns a fresh binary stream of it."""
    state = _State()
    failure: Exception | None = None
    with opener() as stream:
        gzipped = stream.read(2) == b"\x1f\x8b"
    with opener() as stream:
        try:
            yield from _records(source, _QuietIterator(stream, arc2warc=True), state, max_bytes, strict=gzipped)
        except (_Misaligned, ArchiveLoadFailed, ValueError, OSError, EOFError, zlib.error) as exc:
            failure = exc
    if failure is not None and gzipped:
        log.info("%s: gzip members do not match the records (%s); reading it as one gzip stream", source, failure)
        first_pass, failure = state.records, None
        state.records = 0
        state.kinds.clear()
        with opener() as stream, gzip.GzipFile(fileobj=stream) as plain:
            try:
                yield from _records(source, _QuietIterator(plain, arc2warc=True), state, max_bytes)
            except (ArchiveLoadFailed, ValueError, OSError, EOFError, zlib.error) as exc:
                failure = exc
        state.records = max(state.records, first_pass)
    if failure is not None:
        yield IngestError(
            source, "read", "MalformedArchive" if isinstance(failure, ArchiveLoadFailed) else type(failure).__name__,
            f"unreadable WARC/ARC data after {state.records} records: {str(failure).strip()}",
        )
    elif state.documents == 0 and state.errors == 0:
        kinds = ", ".join(f"{n} {k}" for k, n in state.kinds.most_common()) or "no records"
        yield IngestError(source, "read", "EmptyInput", f"no HTML or text page records in this WARC/ARC file ({kinds})")


class _State:
    def __init__(self) -> None:
        self.records = 0  # records read (all kinds)
        self.yielded: set[int] = set()  # numbers of the records that gave a document or an error
        self.documents = 0
        self.errors = 0
        self.kinds: Counter[str] = Counter()


class _Misaligned(Exception):
    """A gzip member boundary and a record boundary disagree: read the file again through gunzip."""


def _records(
    source: str, iterator: Any, state: _State, max_bytes: int, *, strict: bool = False
) -> Iterator[RawDocument | IngestError]:
    """The items of each record; ``strict``: a misaligned record raises _Misaligned (first pass over gzip)."""
    for record in iterator:
        state.records += 1
        number = state.records
        state.kinds[record.rec_type] += 1
        again = number in state.yielded  # read a second time, after a gzip failure
        item = None if again else _document(source, record, number, max_bytes)
        misaligned_before = iterator.err_count
        iterator.read_to_end()  # to the record's end: is the next record where Content-Length says?
        misaligned = iterator.err_count > misaligned_before
        if not misaligned and getattr(record.raw_stream, "limit", 0) > 0:  # the file ended first
            misaligned = isinstance(item, RawDocument) and _holds_a_record(item.content)
            log.info("%s: record %d is cut short by the end of the file", source, number)
        if misaligned and strict:
            raise _Misaligned(f"record {number}")
        if misaligned and not again:
            uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_type
            declared = record.rec_headers.get_header("Content-Length")
            item = IngestError(
                source, "read", "MalformedArchive",
                f"record {number} ({uri}): its Content-Length {declared} does not match its data (cut short, or running"
                " into the next record); the record is left out",
            )
        if item is not None and not again:
            state.yielded.add(number)
            if isinstance(item, RawDocument):
                state.documents += 1
            else:
                state.errors += 1
            yield item


def _holds_a_record(content: bytes | str) -> bool:
    data = content.encode("utf-8", "replace") if isinstance(content, str) else content
    return b"\nWARC/1." in data or b"\nWARC-Type:" in data


def _document(source: str, record: Any, number: int, max_bytes: int) -> RawDocument | IngestError | None:
    kind = record.rec_type
    if kind not in _PAGE_KINDS:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#record{number}"
    if uri.lower().startswith(_SKIPPED_SCHEMES):
        return None
    if kind == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if not str(status or "").startswith("2"):
            return None
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    else:
        ctype = (record.rec_headers.get_header("Content-Type") or "text/plain").lower()
    if kind == "conversion":
        ctype = "text/plain"
    if not any(ctype.startswith(t) for t in _TEXT_TYPES):
        return None
    try:
        body = record.content_stream().read(max_bytes + 1)
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        return IngestError(uri, "read", type(exc).__name__, f"record {number} of {source}: unreadable payload: {exc}")
    if len(body) > max_bytes:
        return IngestError(uri, "read", "InputTooLarge", f"record {number} of {source} is over the {max_bytes}-byte cap")
    if not body.strip():
        return None
    captured = _parse_date(record.rec_headers.get_header("WARC-Date"))
    meta: list[tuple[str, str]] = [("url", uri), ("warc_file", source), ("warc_record", kind)]
    if captured is not None:
        meta.append(("captured", captured.isoformat()))
    if "text/plain" in ctype:
        return RawDocument(source=uri, content=body, media_type="text/plain", fetched=captured, metadata=tuple(meta))
    from .readers import html_content

    charset = _charset(ctype)
    try:
        content = html_content(body, charset)
    except EventwireError as exc:
        return IngestError(uri, "read", type(exc).__name__, f"record {number} of {source}: {exc}")
    return RawDocument(source=uri, content=content, media_type="text/html", fetched=captured, metadata=tuple(meta))


def _charset(ctype: str) -> str | None:
    for param in ctype.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
