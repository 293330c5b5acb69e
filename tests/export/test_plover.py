"""PLOVER/POLECAT-style JSON Lines: one record per event with a PLOVER type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from eventwire.export.plover import write_plover

from ..test_query import S6


def test_plover_records(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    path = tmp_path / "plover.jsonl"
    assert write_plover(rows, path) == 8  # event 9 is a CAMEO statement, which PLOVER drops
    frame = pd.read_json(path, lines=True, dtype=False)
    assert frame["id"].tolist() == [f"eventwire-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8)]
    assert frame["event_type"].tolist() == ["ASSAULT", "ACCUSE", "THREATEN", "ASSAULT", "ACCUSE", "COERCE", "PROTEST", "CONSULT"]
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    sanction = records[5]
    assert sanction["date"] == "2020-01" and sanction["mode"] == "restrict" and sanction["context"] == ["diplomatic"]
    assert sanction["source_country"] == "USA" and sanction["target_country"] == "IRN" and sanction["source_agent"] is None
    assert [a["code"] for a in sanction["source"]] == ["USA", "IRQ"]
    assert sanction["event_text"] == S6 and sanction["url"] == "https://news.example.org/b"
    assert sanction["headline"] == "Rockets hit Green Zone" and sanction["story_date"] == "2020-01-08T09:00:00+00:00"
    assert sanction["country"] is None and sanction["location"] is None and sanction["confidence"] == 0.5
    strike = records[0]
    assert strike["context"] == ["military"] and strike["source_actor"] == "The United States"
    assert strike["target_actor"] == "Kataib Hezbollah" and strike["target"][0]["code"] == "IRQUAF"
    assert strike["country"] == "IRQ" and strike["location"]["name"] == "Al-Qaim" and strike["location"]["lat"] == 34.37
    assert records[7]["negated"] is True and records[2]["hypothetical"] is True
