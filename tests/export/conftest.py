"""The hand-made corpus of tests/test_query.py, as a store and as event rows (modal events included)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwire.query import EventFilter, search_events
from eventwire.store import Store

from ..test_query import build_store


@pytest.fixture
def store(db_path: Path) -> Store:
    return build_store(db_path)


@pytest.fixture
def rows(store: Store) -> list[dict[str, Any]]:
    return search_events(store, EventFilter(include_modal=True), limit=None, order="id")


def by_id(records: list[dict[str, Any]], key: str = "id") -> dict[Any, dict[str, Any]]:
    return {r[key]: r for r in records}
