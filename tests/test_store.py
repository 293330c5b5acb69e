"""The SQLite store: WAL, migrations, one transaction per document, idempotent writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventwire.records import Actor, Article, DocumentResult, Event, Evidence, IngestError, RawDocument, Span
from eventwire.store import MIGRATIONS, TABLES, Store


def _result(text: str = "body", n_events: int = 1) -> DocumentResult:
    raw = RawDocument("doc.txt", text.encode(), "text/plain")
    article = Article("doc.txt", "T", ("A",), "2020-06-24", "day", None, None, "en", (text,))
    events = tuple(
        Event(
            source=(Actor("Iran", 0, 4, None, "IRN", None, 0.8, "country:Iran"),),
            target=(Actor("Iraq", 10, 14, None, "IRQ", None, 0.8, "country:Iraq"),),
            plover="ASSAULT", mode=None, cameo="190", quad=4, goldstein=-10.0, date="2020-06-24",
            date_precision="day", location=None, negated=False, hypothetical=False, confidence=0.8,
            evidence=Evidence(text, 0, len(text), Span("attacked", 5 + i, 13 + i)), rule="test",
        )
        for i in range(n_events)
    )
    return DocumentResult(raw, article, events)


def test_wal_and_schema_version(db_path: Path) -> None:
    store = Store(db_path)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.schema_version == len(MIGRATIONS)
    assert int(store.conn.execute("PRAGMA busy_timeout").fetchone()[0]) > 0
    store.close()
    assert Store(db_path).schema_version == len(MIGRATIONS)  # reopening does not re-run migrations


def test_newer_schema_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(Exception, match="newer than this eventwire"):
        Store(db_path)


def test_adding_the_same_document_twice_adds_nothing(db_path: Path) -> None:
    store = Store(db_path)
    first = store.add_result(_result(n_events=2))
    before = store.counts()
    second = store.add_result(_result(n_events=2))
    assert first.added and first.events == 2
    assert not second.added
    assert store.counts() == before
    assert before["events"] == 2 and before["actors"] == 4


def test_same_error_twice_is_one_row(db_path: Path) -> None:
    store = Store(db_path)
    error = IngestError("x.bin", "read", "UnsupportedInput", "binary content")
    assert store.add_error(error)
    assert not store.add_error(error)
    assert store.counts()["ingest_errors"] == 1


def test_a_failing_document_leaves_nothing_behind(db_path: Path) -> None:
    store = Store(db_path)
    broken = _result(n_events=1)
    bad_event = Event(**{**{f: getattr(broken.events[0], f) for f in broken.events[0].__dataclass_fields__}, "cameo": None})  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        store.add_result(DocumentResult(broken.raw, broken.article, (bad_event,)))
    assert store.counts()["documents"] == 0 and store.counts()["articles"] == 0


def test_fulltext_search_over_articles(db_path: Path) -> None:
    store = Store(db_path)
    store.add_result(_result("Rockets hit the Green Zone"))
    hits = store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'green AND zone'").fetchall()
    assert len(hits) == 1


def test_event_filters(db_path: Path) -> None:
    store = Store(db_path)
    store.add_result(_result(n_events=1))
    assert len(store.events(actor="IRN")) == 1
    assert len(store.events(actor="USA")) == 0
    assert len(store.events(plover="assault", since="2020-06", until="2020")) == 1
    assert len(store.events(since="2020-07")) == 0
    assert set(TABLES) <= set(store.counts())
