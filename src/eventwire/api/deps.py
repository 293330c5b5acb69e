"""Per-request dependencies: the app's configuration, a database connection of the request's own, auth."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from ..settings import Settings
from ..store import Store
from .responses import ApiError

TOKEN_ENV = "EVENTWIRE_TOKEN"
DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ApiConfig:
    """What the HTTP layer adds to :class:`~eventwire.settings.Settings`."""

    settings: Settings
    token: str | None = None
    require_token_for_reads: bool = False
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES

    @property
    def db(self) -> Path:
        return self.settings.db


def config(request: Request) -> ApiConfig:
    cfg: ApiConfig = request.app.state.config
    return cfg


def read_store(request: Request) -> Iterator[Store]:
    """A read-only connection opened for this request and closed after it.

    Each request has its own SQLite connection, so reads go on (WAL) while an ingest writes.
    """
    cfg = config(request)
    store = Store(cfg.db, readonly=True, busy_timeout_ms=cfg.settings.busy_timeout_ms)
    try:
        yield store
    finally:
        store.close()


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def _check_token(request: Request, token: str) -> None:
    given = _bearer(request)
    if given is None:
        raise ApiError(401, "authentication required: send the header 'Authorization: Bearer <token>'",
                       {"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise ApiError(401, "invalid token", {"WWW-Authenticate": 'Bearer error="invalid_token"'})


def require_write(request: Request) -> None:
    """Writes need the server's token; with no token configured, writes are refused."""
    cfg = config(request)
    if not cfg.token:
        raise ApiError(403, f"writes are disabled: start the server with `eventwire serve --token TOKEN` or set ${TOKEN_ENV}")
    _check_token(request, cfg.token)


def require_read(request: Request) -> None:
    """Reads are open unless the server was started with ``--require-token-for-reads``."""
    cfg = config(request)
    if not cfg.require_token_for_reads:
        return
    if not cfg.token:
        raise ApiError(403, f"reads need a token but none is configured: start the server with --token TOKEN or set ${TOKEN_ENV}")
    _check_token(request, cfg.token)
