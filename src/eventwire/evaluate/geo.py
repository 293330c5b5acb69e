"""Event location evaluation: the place found for the event at a given verb overlaps the gold place (or none for none)."""

from __future__ import annotations

from pathlib import Path

from ..pipeline import get_coder
from ..settings import Settings
from .scoring import Report, read_jsonl


def evaluate_geo(path: Path, *, limit: int | None = None) -> Report:
    coder = get_coder(Settings().model)
    correct = total = 0
    with_gold = found_gold = none_gold = none_ok = 0
    misses: list[dict[str, object]] = []
    for row in read_jsonl(path, limit):
        total += 1
        verb = row["verb"]
        location = coder.locate(row["text"], verb["start"], verb["end"])
        golds = row.get("locations") or ([row["location"]] if row.get("location") else [])
        if golds:
            with_gold += 1
            ok = location is not None and any(location.start < g["end"] and g["start"] < location.end for g in golds)
            found_gold += ok
        else:
            none_gold += 1
            ok = location is None
            none_ok += ok
        correct += ok
        if not ok:
            misses.append({"id": row["id"], "gold": [g["text"] for g in golds], "got": location.text if location else None})
    report = Report("geo", str(path), total)
    report.systems["eventwire"] = {
        "accuracy": correct / total if total else 0.0,
        "recall_with_place": found_gold / with_gold if with_gold else 0.0,
        "correct_none": none_ok / none_gold if none_gold else 0.0,
    }
    report.details["misses"] = misses
    return report
