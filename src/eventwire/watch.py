"""Polling feeds and pages: ingest only what is new, round after round.

Each round fetches every URL with a conditional GET (the ETag and Last-Modified remembered in the
``watch_state`` table): a 304 costs nothing more. A changed feed is read like ``eventwire ingest``
reads one, except that entries whose link is already stored are skipped before they are read or
fetched; a changed page is ingested when its content is new (content hash). A URL that is down,
answers with an error or serves a malformed feed gets an error record and its state says why; the
other URLs, and the next round, go on. Validators are kept only from a round that read the URL
without a feed-level error, so a broken feed is read again in full once it is fixed.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .errors import EventwireError
from .fetch import Fetcher, FetchFailed
from .ingest import IngestSummary, ingest_items, input_hash, read_options
from .readers import read_bytes
from .records import IngestError
from .settings import Settings
from .store import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class UrlOutcome:
    """What one URL gave in one round."""

    url: str
    status: int | None = None  # HTTP status; None when no answer came
    summary: IngestSummary = field(default_factory=IngestSummary)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def failed(self) -> bool:
        return self.summary.failed


@dataclass(slots=True)
class WatchRound:
    """One round over every watched URL."""

    started: datetime
    outcomes: list[UrlOutcome] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(o.summary.added for o in self.outcomes)

    @property
    def events(self) -> int:
        return sum(o.summary.events for o in self.outcomes)

    @property
    def errors(self) -> list[IngestError]:
        return [e for o in self.outcomes for e in o.summary.errors]

    @property
    def failed(self) -> bool:
        return any(o.failed for o in self.outcomes)


def poll_once(urls: Sequence[str], store: Store, settings: Settings | None = None, *, fetcher: Fetcher | None = None) -> WatchRound:
    """One round: fetch each URL (conditionally), ingest what is new, record errors and state."""
    settings = settings or Settings()
    fetcher = fetcher or Fetcher.from_settings(settings)
    run_id = store.start_run("watch " + " ".join(urls), input_hash(["watch", *urls]))
    round_ = WatchRound(started=datetime.now(tz=UTC))
    for url in urls:
        outcome = UrlOutcome(url, summary=IngestSummary(run_id=run_id))
        _poll_url(url, store, settings, fetcher, outcome)
        round_.outcomes.append(outcome)
    store.finish_run(run_id, documents=round_.added, events=round_.events, errors=len(round_.errors))
    return round_


def _poll_url(url: str, store: Store, settings: Settings, fetcher: Fetcher, outcome: UrlOutcome) -> None:
    summary = outcome.summary
    state = store.watch_state(url)
    etag = state.etag if state else None
    modified = state.last_modified if state else None
    try:
        response = fetcher.get(url, etag=etag, last_modified=modified)
    except EventwireError as exc:
        error = IngestError(url, "fetch", type(exc).__name__, str(exc))
        ingest_items([error], store, settings, summary)
        outcome.status = exc.status if isinstance(exc, FetchFailed) else None
        store.save_watch_state(url, etag=etag, last_modified=modified, status=outcome.status, error=str(exc))
        return
    outcome.status = response.status
    if response.not_modified:
        log.info("%s: not modified", url)
        store.save_watch_state(url, etag=response.etag, last_modified=response.last_modified, status=304, error=None)
        return
    options = read_options(settings, store, fetcher=fetcher, summary=summary)
    meta = (("url", response.final_url),)
    items = read_bytes(url, response.content, fetched=response.fetched, options=options, media_hint=response.content_type,
                       charset=response.charset, metadata=meta, base_url=response.final_url)
    ingest_items(items, store, settings, summary)
    own = [e for e in summary.errors if e.source == url]  # the feed or page itself failed, not one entry
    keep = not own
    store.save_watch_state(
        url,
        etag=response.etag if keep else None,
        last_modified=response.last_modified if keep else None,
        status=response.status,
        error=own[0].message if own else None,
    )


def watch(
    urls: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    *,
    every_s: float,
    rounds: int | None = None,
    fetcher: Fetcher | None = None,
    on_round: Callable[[WatchRound], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Poll ``urls`` every ``every_s`` seconds, ``rounds`` times (None: until interrupted)."""
    settings = settings or Settings()
    fetcher = fetcher or Fetcher.from_settings(settings)
    done = 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        round_ = poll_once(urls, store, settings, fetcher=fetcher)
        done += 1
        if on_round is not None:
            on_round(round_)
        if rounds is not None and done >= rounds:
            break
        sleep(max(0.0, every_s - (time.monotonic() - started)))


def parse_every(text: str) -> float:
    """Seconds in ``90``, ``30s``, ``15m``, ``2h`` or ``1d``; raises ValueError otherwise."""
    found = _DURATION.match(text.strip().lower())
    if not found:
        raise ValueError(f"{text!r} is not a duration: write 90, 30s, 15m, 2h or 1d")
    seconds = float(found.group(1)) * _UNITS[found.group(2) or "s"]
    if seconds <= 0:
        raise ValueError(f"{text!r}: the interval must be more than 0")
    return seconds


_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
