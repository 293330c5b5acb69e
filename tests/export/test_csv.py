"""CSV export: a header of the flat columns, one row per event, read back with pandas."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from eventwire.export import export_events
from eventwire.export.csv import write_csv
from eventwire.export.flat import FLAT_COLUMNS
from eventwire.query import EventFilter
from eventwire.store import Store

from ..test_query import S6


def test_csv_columns_and_values(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.csv"
    assert write_csv(rows, path) == 9
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
    assert list(frame.columns) == list(FLAT_COLUMNS)
    assert frame["id"].tolist() == list(range(1, 10))
    first = frame.iloc[0]
    assert (first["source_country"], first["source_sector"], first["target_country"], first["target_sector"]) == ("USA", "MIL", "IRQ", "UAF")
    assert first["target_name"] == "Kataib Hezbollah" and first["target_text"] == "Kataib Hezbollah"
    assert (first["plover"], first["mode"], first["cameo"], first["quad"], first["goldstein"]) == ("ASSAULT", "heavy-weapons", 195, 4, -10.0)
    assert (first["acled_event_type"], first["acled_sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (first["location_name"], first["location_country"], first["location_admin1"]) == ("Al-Qaim", "IRQ", "IQ.01")
    assert (first["lat"], first["lon"]) == (34.37, 41.09)
    assert first["trigger"] == "struck" and first["confidence"] == 0.9 and first["rule"] == "test:195"
    assert first["url"] == "https://www.example.com/a1" and first["title"] == "US strikes militia bases"
    sixth = frame[frame["id"] == 6].iloc[0]
    assert sixth["sentence"] == S6 and sixth["date"] == "2020-01" and sixth["date_precision"] == "month"
    assert sixth["source_actors"] == "USA;IRQ" and sixth["source_country"] == "USA"
    assert math.isnan(sixth["lat"]) and math.isnan(sixth["source_sector"])
    assert frame["negated"].tolist() == [False] * 7 + [True, False]
    assert frame["hypothetical"].tolist() == [False, False, True] + [False] * 6
    assert frame[frame["id"] == 7].iloc[0]["url"] == "scrape.txt"  # no URL: where it was read from


def test_export_events_applies_the_filter(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "assaults.csv"
    assert export_events(store, EventFilter(plover=("ASSAULT",)), "csv", path) == 2
    assert pd.read_csv(path)["id"].tolist() == [1, 4]
