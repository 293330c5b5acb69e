"""The embedded store: SQLite in WAL mode, a versioned schema with migrations, FTS5 over articles.

One transaction per document: a crash never leaves half a document. Documents are keyed on the
content hash of their input, errors on (source, stage, type, message) and runs on their input
set, so ingesting the same input again adds no row anywhere.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import NotFound, StoreError
from .records import DocumentResult, Event, IngestError

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        input_hash TEXT NOT NULL UNIQUE,
        command TEXT NOT NULL,
        started TEXT NOT NULL,
        finished TEXT,
        times INTEGER NOT NULL DEFAULT 1,
        documents INTEGER NOT NULL DEFAULT 0,
        events INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        media_type TEXT NOT NULL,
        fetched TEXT,
        ingested TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id),
        coded INTEGER NOT NULL DEFAULT 1,
        metadata TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX documents_source ON documents(source);
    CREATE TABLE articles (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        title TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        published TEXT,
        published_precision TEXT,
        page_date TEXT,
        site TEXT,
        language TEXT,
        body TEXT NOT NULL,
        captions TEXT NOT NULL DEFAULT '[]',
        credit TEXT,
        author_bio TEXT,
        extractor TEXT
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='document_id');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.document_id, new.title, new.body);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.document_id, old.title, old.body);
    END;
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        event_key TEXT NOT NULL UNIQUE,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        plover TEXT, mode TEXT, cameo TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL,
        date TEXT, date_precision TEXT, date_rule TEXT,
        location_name TEXT, location_country TEXT, location_admin1 TEXT, lat REAL, lon REAL,
        negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL, confidence REAL NOT NULL,
        sentence TEXT NOT NULL, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
        trigger_text TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
        rule TEXT NOT NULL,
        acled_event_type TEXT, acled_sub_event_type TEXT,
        source_country TEXT, source_sector TEXT, target_country TEXT, target_sector TEXT,
        json TEXT NOT NULL
    );
    CREATE INDEX events_document ON events(document_id);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_plover ON events(plover);
    CREATE INDEX events_dyad ON events(source_country, target_country);
    CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('source', 'target')),
        position INTEGER NOT NULL,
        text TEXT NOT NULL, name TEXT, country TEXT, sector TEXT,
        start INTEGER NOT NULL, end INTEGER NOT NULL, confidence REAL NOT NULL, rule TEXT NOT NULL,
        UNIQUE (event_id, role, position)
    );
    CREATE INDEX actors_country ON actors(country, sector);
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        count INTEGER NOT NULL, event_plover TEXT, target_country TEXT, period_from TEXT, period_to TEXT,
        sentence TEXT NOT NULL, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
        rule TEXT NOT NULL, json TEXT NOT NULL,
        UNIQUE (document_id, sentence_start)
    );
    CREATE TABLE ingest_errors (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL, stage TEXT NOT NULL, error_type TEXT NOT NULL, message TEXT NOT NULL,
        first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, run_id INTEGER REFERENCES runs(id),
        UNIQUE (source, stage, error_type, message)
    );
    """,
    # 2: full-text search over the evidence sentences of events
    """
    CREATE VIRTUAL TABLE events_fts USING fts5(sentence, content='events', content_rowid='id');
    CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, sentence) VALUES (new.id, new.sentence);
    END;
    CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
    END;
    CREATE TRIGGER events_fts_au AFTER UPDATE OF sentence ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
        INSERT INTO events_fts(rowid, sentence) VALUES (new.id, new.sentence);
    END;
    INSERT INTO events_fts(events_fts) VALUES ('rebuild');
    """,
    # 3: what `eventwire watch` knows about each URL it polls (validators for conditional GET, last outcome)
    """
    CREATE TABLE IF NOT EXISTS watch_state (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        last_checked TEXT,
        last_status INTEGER,
        last_error TEXT
    );
    CREATE INDEX IF NOT EXISTS documents_url ON documents(url);
    """,
]

TABLES = ("runs", "documents", "articles", "events", "actors", "claims", "ingest_errors")


def _now() -> str:
    return datetime.now(tz=UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class WatchState:
    """The validators and last outcome of one URL polled by ``eventwire watch``."""

    url: str
    etag: str | None
    last_modified: str | None
    last_checked: str | None
    last_status: int | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class AddOutcome:
    added: bool
    document_id: int
    events: int


class Store:
    """A SQLite database holding documents, articles, events, actors, claims, errors and runs."""

    def __init__(self, path: str | Path, *, busy_timeout_ms: int = 10_000, readonly: bool = False) -> None:
        self.path = Path(path)
        try:
            if readonly:
                uri = f"file:{self.path}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, timeout=busy_timeout_ms / 1000, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()

    # -- schema --------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this eventwire ({len(MIGRATIONS)}); upgrade eventwire"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction() as conn:
                for statement in _split_sql(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    # -- writes --------------------------------------------------------------------------
    def start_run(self, command: str, input_hash: str) -> int:
        with self.transaction() as conn:
            row = conn.execute("SELECT id FROM runs WHERE input_hash = ?", (input_hash,)).fetchone()
            if row:
                conn.execute("UPDATE runs SET times = times + 1, started = ?, finished = NULL WHERE id = ?", (_now(), row["id"]))
                return int(row["id"])
            cur = conn.execute("INSERT INTO runs(input_hash, command, started) VALUES (?, ?, ?)", (input_hash, command, _now()))
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, *, documents: int, events: int, errors: int) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE runs SET finished = ?, documents = documents + ?, events = events + ?, errors = ? WHERE id = ?",
                (_now(), documents, events, errors, run_id),
            )

    def has_document(self, content_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE content_hash = ?", (content_hash,)).fetchone() is not None

    def add_result(self, result: DocumentResult, run_id: int | None = None) -> AddOutcome:
        """Store one processed document (article, events, actors, claims) in a single transaction."""
        raw = result.raw
        digest = raw.content_hash
        with self.transaction() as conn:
            row = conn.execute("SELECT id FROM documents WHERE content_hash = ?", (digest,)).fetchone()
            if row:
                return AddOutcome(False, int(row["id"]), 0)
            cur = conn.execute(
                "INSERT INTO documents(content_hash, source, url, media_type, fetched, ingested, run_id, coded, metadata)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (digest, raw.source, raw.meta("url"), raw.media_type, raw.fetched.isoformat() if raw.fetched else None,
                 _now(), run_id, int(result.coded), json.dumps(dict(raw.metadata))),
            )
            doc_id = int(cur.lastrowid or 0)
            article = result.article
            if article is not None:
                conn.execute(
                    "INSERT INTO articles(document_id, title, authors, published, published_precision, page_date, site,"
                    " language, body, captions, credit, author_bio, extractor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (doc_id, article.title, json.dumps(list(article.authors)), article.published, article.published_precision,
                     article.page_date, article.site, article.language, article.body, json.dumps(list(article.captions)),
                     article.credit, article.author_bio, article.extractor),
                )
            count = 0
            for event in result.events:
                if self._insert_event(conn, doc_id, digest, event):
                    count += 1
            for claim in result.claims:
                conn.execute(
                    "INSERT INTO claims(document_id, count, event_plover, target_country, period_from, period_to,"
                    " sentence, sentence_start, sentence_end, rule, json) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT(document_id, sentence_start) DO NOTHING",
                    (doc_id, claim.count, claim.event_plover, claim.target_country, claim.period_from, claim.period_to,
                     claim.evidence.sentence, claim.evidence.start, claim.evidence.end, claim.rule, json.dumps(claim.to_dict())),
                )
        return AddOutcome(True, doc_id, count)

    def _insert_event(self, conn: sqlite3.Connection, doc_id: int, digest: str, event: Event) -> bool:
        loc = event.location
        first_src = event.source[0] if event.source else None
        first_tgt = event.target[0] if event.target else None
        cur = conn.execute(
            "INSERT INTO events(event_key, document_id, plover, mode, cameo, quad, goldstein, date, date_precision,"
            " date_rule, location_name, location_country, location_admin1, lat, lon, negated, hypothetical, confidence,"
            " sentence, sentence_start, sentence_end, trigger_text, trigger_start, trigger_end, rule, acled_event_type,"
            " acled_sub_event_type, source_country, source_sector, target_country, target_sector, json)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(event_key) DO NOTHING",
            (f"{digest[:24]}:{event.key}", doc_id, event.plover, event.mode, event.cameo, event.quad, event.goldstein,
             event.date, event.date_precision, event.date_rule,
             loc.name if loc else None, loc.country if loc else None, loc.admin1 if loc else None,
             loc.lat if loc else None, loc.lon if loc else None,
             int(event.negated), int(event.hypothetical), event.confidence,
             event.evidence.sentence, event.evidence.start, event.evidence.end,
             event.evidence.trigger.text, event.evidence.trigger.start, event.evidence.trigger.end, event.rule,
             event.acled_event_type, event.acled_sub_event_type,
             first_src.country if first_src else None, first_src.sector if first_src else None,
             first_tgt.country if first_tgt else None, first_tgt.sector if first_tgt else None,
             json.dumps(event.to_dict())),
        )
        if cur.rowcount == 0:
            return False
        event_id = int(cur.lastrowid or 0)
        for role, actors in (("source", event.source), ("target", event.target)):
            for position, actor in enumerate(actors):
                conn.execute(
                    "INSERT INTO actors(event_id, role, position, text, name, country, sector, start, end, confidence, rule)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (event_id, role, position, actor.text, actor.name, actor.country, actor.sector, actor.start, actor.end,
                     actor.confidence, actor.rule),
                )
        return True

    def add_error(self, error: IngestError, run_id: int | None = None) -> bool:
        """Record a failed input; the same failure recorded again only updates ``last_seen``."""
        now = _now()
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO ingest_errors(source, stage, error_type, message, first_seen, last_seen, run_id)"
                " VALUES (?,?,?,?,?,?,?) ON CONFLICT(source, stage, error_type, message) DO NOTHING",
                (error.source, error.stage, error.error_type, error.message, now, now, run_id),
            )
            if cur.rowcount == 0:
                conn.execute(
                    "UPDATE ingest_errors SET last_seen = ? WHERE source = ? AND stage = ? AND error_type = ? AND message = ?",
                    (now, error.source, error.stage, error.error_type, error.message),
                )
                return False
        return True

    def save_watch_state(
        self, url: str, *, etag: str | None, last_modified: str | None, status: int | None, error: str | None
    ) -> None:
        """Remember what polling ``url`` gave (validators for the next conditional GET, status, error)."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO watch_state(url, etag, last_modified, last_checked, last_status, last_error)"
                " VALUES (?,?,?,?,?,?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag,"
                " last_modified = excluded.last_modified, last_checked = excluded.last_checked,"
                " last_status = excluded.last_status, last_error = excluded.last_error",
                (url, etag, last_modified, _now(), status, error),
            )

    # -- reads ---------------------------------------------------------------------------
    def has_url(self, url: str) -> bool:
        """True when a document fetched from ``url`` (or read from that source) is stored."""
        row = self.conn.execute("SELECT 1 FROM documents WHERE url = ? OR source = ? LIMIT 1", (url, url)).fetchone()
        return row is not None

    def watch_state(self, url: str) -> WatchState | None:
        row = self.conn.execute("SELECT * FROM watch_state WHERE url = ?", (url,)).fetchone()
        return _watch_state(row) if row else None

    def watch_states(self) -> list[WatchState]:
        return [_watch_state(r) for r in self.conn.execute("SELECT * FROM watch_state ORDER BY url")]

    def counts(self) -> dict[str, int]:
        return {t: int(self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in TABLES}

    def event(self, event_id: int) -> dict[str, Any]:
        row = self.conn.execute(
            "SELECT e.*, d.source AS document_source, d.url AS document_url, a.title AS document_title,"
            " a.published AS document_published FROM events e JOIN documents d ON d.id = e.document_id"
            " LEFT JOIN articles a ON a.document_id = e.document_id WHERE e.id = ?",
            (event_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no event with id {event_id}")
        return _event_row(row)

    def events(
        self,
        *,
        actor: str | None = None,
        plover: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        include_modal: bool = True,
    ) -> list[dict[str, Any]]:
        """Events matching the filters, newest date first. ``actor`` is a country, sector or COUNTRY/SECTOR code.

        A shorthand for :func:`eventwire.query.search_events`, which takes every filter.
        """
        from .query import EventFilter, search_events

        f = EventFilter(actor=actor, plover=(plover,) if plover else (), since=since, until=until, include_modal=include_modal)
        return search_events(self, f, limit=limit or None, order="-date")

    def errors(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM ingest_errors ORDER BY id")]

    def claims(self) -> list[dict[str, Any]]:
        return [json.loads(r["json"]) | {"id": r["id"], "document_id": r["document_id"]}
                for r in self.conn.execute("SELECT * FROM claims ORDER BY id")]


def _watch_state(row: sqlite3.Row) -> WatchState:
    return WatchState(row["url"], row["etag"], row["last_modified"], row["last_checked"], row["last_status"], row["last_error"])


def _event_row(row: sqlite3.Row) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(row["json"])
    data["id"] = row["id"]
    data["document_id"] = row["document_id"]
    data["document"] = {
        "source": row["document_source"],
        "url": row["document_url"],
        "title": row["document_title"],
        "published": row["document_published"],
    }
    return data


def _split_sql(script: str) -> Sequence[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer: list[str] = []
    depth = 0
    for line in script.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        buffer.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            depth += 1
        if depth and upper.startswith("END;"):
            depth -= 1
        if not depth and stripped.endswith(";"):
            statements.append("\n".join(buffer))
            buffer = []
    if buffer:
        statements.append("\n".join(buffer))
    return statements
