"""Input readers: paths, directories, stdin, JSON Lines, feeds and WARC files -> RawDocument.

A reader never raises for a bad input: it yields an :class:`IngestError` naming the path and the
reason, and goes on with the next input.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from .errors import EmptyInput, InputTooLarge, UnsupportedInput
from .records import IngestError, RawDocument

log = logging.getLogger(__name__)

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
WARC_SUFFIXES = {".warc", ".arc"}

ReadItem = RawDocument | IngestError


def read_inputs(
    paths: Iterable[str],
    *,
    max_bytes: int = 20 * 1024 * 1024,
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
) -> Iterator[ReadItem]:
    """Yield a RawDocument or an IngestError for every document found under ``paths``."""
    for item in paths:
        if item == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from read_bytes("<stdin>", data, max_bytes=max_bytes)
            continue
        path = Path(item)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = file.relative_to(path).as_posix()
                if any(part.startswith(".") for part in file.relative_to(path).parts):
                    continue
                if include and not any(fnmatch.fnmatch(rel, g) for g in include):
                    continue
                if exclude and any(fnmatch.fnmatch(rel, g) for g in exclude):
                    continue
                yield from read_file(file, max_bytes=max_bytes)
        elif path.is_file():
            yield from read_file(path, max_bytes=max_bytes)
        else:
            yield IngestError(str(path), "read", "FileNotFoundError", "no such file or directory")


def read_file(path: Path, *, max_bytes: int) -> Iterator[ReadItem]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(f"{size} bytes is over the {max_bytes}-byte cap (--max-bytes)")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, UnsupportedInput) as exc:
        yield _error(str(path), "read", exc)
        return
    yield from read_bytes(str(path), data, max_bytes=max_bytes, fetched=_mtime(path))


def read_bytes(
    source: str, data: bytes, *, max_bytes: int, fetched: datetime | None = None
) -> Iterator[ReadItem]:
    """Sniff the format of ``data`` and yield its documents."""
    try:
        if not data.strip():
            raise EmptyInput("the input is empty (0 bytes or only whitespace)")
        if len(data) > max_bytes:
            raise InputTooLarge(f"over the {max_bytes}-byte cap (--max-bytes)")
        lower = source.lower()
        if data[:2] == b"\x1f\x8b" and not lower.endswith((".warc.gz", ".arc.gz")):
            data = _gunzip(data, max_bytes)
            lower = lower.removesuffix(".gz")
        kind = sniff(lower, data)
    except UnsupportedInput as exc:
        yield _error(source, "read", exc)
        return
    if kind == "jsonl":
        yield from _read_jsonl(source, data, fetched)
    elif kind == "feed":
        from .feeds import read_feed

        yield from read_feed(source, data, fetched=fetched)
    elif kind == "warc":
        from .warc import read_warc

        yield from read_warc(source, data, max_bytes=max_bytes)
    else:
        yield RawDocument(source=source, content=data, media_type=kind, fetched=fetched)


def sniff(name: str, data: bytes) -> str:
    """Media type of an input from its name and first bytes; raises UnsupportedInput for binaries."""
    suffix = Path(name).suffix
    head = data[:4096].lstrip()
    if name.endswith((".warc.gz", ".arc.gz")) or suffix in WARC_SUFFIXES or head.startswith(b"WARC/"):
        return "warc"
    if _looks_binary(data[:8192]):
        raise UnsupportedInput("binary content (not text, HTML, a feed or a WARC file)")
    low = head[:1024].lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES or low.startswith((b"<!doctype html", b"<html")) or b"<html" in low:
        return "text/html"
    if suffix in FEED_SUFFIXES or b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low:
        return "feed"
    if head.startswith(b"{") and suffix not in TEXT_SUFFIXES:
        return "jsonl"
    return "text/plain"


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > 0.05


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(max_bytes + 1)
    except (OSError, EOFError) as exc:
        raise UnsupportedInput(f"broken gzip data: {exc}") from exc
    if len(out) > max_bytes:
        raise InputTooLarge(f"gzip expands past the {max_bytes}-byte cap (--max-bytes)")
    return out


def _read_jsonl(source: str, data: bytes, fetched: datetime | None) -> Iterator[ReadItem]:
    for number, line in enumerate(data.splitlines(), start=1):
        where = f"{source}#L{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield IngestError(where, "read", "JSONDecodeError", f"line {number} is not JSON: {exc}")
            continue
        if not isinstance(record, dict):
            yield IngestError(where, "read", "UnsupportedInput", "a JSON Lines record must be an object")
            continue
        html, text = record.get("html"), record.get("text")
        if not isinstance(html, str) and not isinstance(text, str):
            yield IngestError(where, "read", "UnsupportedInput", 'record has neither "html" nor "text"')
            continue
        meta = tuple(
            (k, str(record[k])) for k in ("url", "title", "published", "author") if record.get(k)
        )
        url = record.get("url")
        yield RawDocument(
            source=url if isinstance(url, str) and url else where,
            content=html if isinstance(html, str) else str(text),
            media_type="text/html" if isinstance(html, str) else "text/plain",
            fetched=fetched,
            metadata=meta,
        )


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    except OSError:
        return None


def _error(source: str, stage: str, exc: Exception) -> IngestError:
    return IngestError(source=source, stage=stage, error_type=type(exc).__name__, message=str(exc))
