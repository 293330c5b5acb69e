"""ACLED export: ACLED's columns, only events with ACLED types, read back with pandas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from eventwire.export.acled import ACLED_COLUMNS, write_acled

from ..test_query import S1, S7


def test_acled_columns_and_rows(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    path = tmp_path / "acled.csv"
    assert write_acled(rows, path) == 3  # events 1, 4 and 7 have ACLED types
    frame = pd.read_csv(path, dtype=str, keep_default_na=False).set_index("event_id_cnty", drop=False)
    assert list(frame.columns) == list(ACLED_COLUMNS) and len(ACLED_COLUMNS) == 31
    assert frame["event_id_cnty"].tolist() == ["IRQ1", "IRQ4", "IRQ7"]
    strike = frame.loc["IRQ1"]
    assert strike[["event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type"]].tolist() == [
        "2019-12-29", "2019", "1", "Political violence", "Explosions/Remote violence", "Air/drone strike"]  # fmt: skip
    # US forces in Iraq are external forces (8); an unidentified armed group is a political militia (3), named.
    assert strike[["actor1", "inter1", "actor2", "inter2", "interaction"]].tolist() == [
        "Military Forces of United States", "8", "Kataib Hezbollah", "3", "38"]  # fmt: skip
    assert strike[["iso", "region", "country", "admin1", "location", "latitude", "longitude", "geo_precision"]].tolist() == [
        "368", "Middle East", "Iraq", "IQ.01", "Al-Qaim", "34.37", "41.09", "1"]  # fmt: skip
    assert strike[["source", "notes", "fatalities", "civilian_targeting", "timestamp"]].tolist() == [
        "example.com", S1, "0", "", "1577577600"]  # fmt: skip
    missiles = frame.loc["IRQ4"]
    assert missiles[["actor1", "inter1", "actor2", "inter2", "interaction", "timestamp"]].tolist() == [
        "Military Forces of Iran", "8", "Military Forces of United States", "8", "88", "1578474000"]  # fmt: skip
    protest = frame.loc["IRQ7"]
    assert protest[["disorder_type", "event_type", "sub_event_type"]].tolist() == ["Demonstrations", "Protests", "Peaceful protest"]
    assert protest[["actor1", "inter1", "actor2", "inter2", "interaction"]].tolist() == [
        "Protesters (Iraq)", "6", "Government of Iraq", "1", "16"]  # fmt: skip
    assert protest[["location", "admin1", "source", "notes"]].tolist() == ["Basra", "IQ.02", "scrape.txt", S7]


def test_violence_against_civilians(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    attack = dict(rows[6]) | {"acled_event_type": "Violence against civilians", "acled_sub_event_type": "Attack",
                              "date_precision": "week", "source": rows[6]["target"], "target": rows[6]["source"]}  # fmt: skip
    path = tmp_path / "vac.csv"
    assert write_acled([attack], path) == 1
    record = pd.read_csv(path, dtype=str, keep_default_na=False).iloc[0]
    assert record[["disorder_type", "actor1", "inter1", "actor2", "inter2", "interaction", "civilian_targeting", "time_precision"]].tolist() == [
        "Political violence", "Government of Iraq", "1", "Civilians (Iraq)", "7", "17", "Civilian targeting", "2"]  # fmt: skip
