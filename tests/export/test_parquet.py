"""Parquet export: typed flat columns, read back with pyarrow and pandas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.export import export_events
from eventwire.export.flat import FLAT_COLUMNS
from eventwire.export.parquet import write_parquet
from eventwire.query import EventFilter
from eventwire.store import Store


def test_parquet_schema_and_values(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(rows, path) == 9
    table = pq.read_table(path)
    assert table.column_names == list(FLAT_COLUMNS)
    types = dict(zip(table.schema.names, table.schema.types, strict=True))
    assert types["id"] == pa.int64() and types["quad"] == pa.int64()
    assert types["goldstein"] == pa.float64() and types["lat"] == pa.float64() and types["confidence"] == pa.float64()
    assert types["negated"] == pa.bool_() and types["cameo"] == pa.string() and types["date"] == pa.string()
    frame = pd.read_parquet(path)
    assert frame["id"].tolist() == list(range(1, 10))
    assert frame["cameo"].tolist() == ["195", "112", "138", "194", "111", "163", "141", "040", "010"]  # codes keep leading zeros
    assert frame["goldstein"].tolist() == [-10.0, -2.0, -7.0, -10.0, -2.0, -8.0, -6.5, 1.0, 0.0]
    assert frame["negated"].tolist() == [False] * 7 + [True, False]
    fourth = frame.iloc[3]
    assert (fourth["source_country"], fourth["source_sector"], fourth["target_country"]) == ("IRN", "MIL", "USA")
    assert (fourth["location_name"], fourth["lat"], fourth["lon"]) == ("Al Asad Airbase", 33.80, 42.44)
    assert fourth["title"] == "Rockets hit Green Zone" and fourth["published"] == "2020-01-08T09:00:00+00:00"
    assert pd.isna(frame.iloc[5]["lat"]) and pd.isna(frame.iloc[8]["plover"])
    assert table.column("plover")[8].as_py() is None and table.column("lat")[5].as_py() is None  # real nulls


def test_parquet_in_batches_and_empty(tmp_path: Path, store: Store, rows: list[dict[str, Any]]) -> None:
    path = tmp_path / "batched.parquet"
    assert write_parquet(rows, path, batch=2) == 9
    assert pq.ParquetFile(path).metadata.num_row_groups == 5
    assert pq.read_table(path).column("id").to_pylist() == list(range(1, 10))
    empty = tmp_path / "empty.parquet"
    assert export_events(store, EventFilter(actor="nobody at all"), "parquet", empty) == 0
    assert pq.read_table(empty).num_rows == 0 and pq.read_table(empty).column_names == list(FLAT_COLUMNS)
