"""JSON Lines export: every event's full JSON with its document, exactly as search_events returns it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from eventwire.export.jsonl import write_jsonl


def test_jsonl_round_trip(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.jsonl"
    assert write_jsonl(rows, path) == 9
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == rows
    frame = pd.read_json(path, lines=True)
    assert frame["id"].tolist() == list(range(1, 10))
    assert frame["document"][1]["url"] == "https://www.example.com/a1"
    assert frame["document"][3]["title"] == "Rockets hit Green Zone"
    assert frame["evidence"][0]["trigger"]["text"] == "struck"
    assert [len(s) for s in frame["source"]] == [1, 1, 1, 1, 1, 2, 1, 1, 1]
