"""The end-to-end event scorer on hand-written gold: dyads from coordinated actors, precision over events."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.evaluate.events import dyads_of, evaluate_events
from eventwire.pipeline import code_text


def _gold(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _side(*countries: str) -> list[dict]:
    return [{"text": c, "country": c, "sector": None} for c in countries]


def test_coordinated_sources_are_one_dyad_each() -> None:
    event = next(e for e in code_text("Iran and Syria condemned Israel on Monday.").events if e.plover == "ACCUSE")
    assert sorted(dyads_of(event)) == [("IRN", "ISR"), ("SYR", "ISR")]


def test_each_dyad_finds_one_gold_event_and_precision_counts_events(tmp_path: Path) -> None:
    text = "Iran and Syria condemned Israel on Monday."
    rows = [
        {"id": "a", "text": text, "events": [
            {"source": _side("IRN"), "target": _side("ISR"), "plover": "ACCUSE"},
            {"source": _side("SYR"), "target": _side("ISR"), "plover": "ACCUSE"},
        ]},
        {"id": "b", "text": "Iran attacked the tanker.", "events": [
            {"source": _side("IRN"), "target": [], "plover": "CONSULT"},
        ]},
    ]  # fmt: skip
    scores = evaluate_events(_gold(tmp_path / "gold.jsonl", rows)).systems["eventwire"]
    # both gold dyads of the first sentence are found by its one event; the second sentence's event is wrong
    assert (scores["tp"], scores["fn"]) == (2, 1)
    assert scores["recall"] == 2 / 3
    assert scores["precision"] == 1 / 2


def test_a_meeting_of_three_is_a_meeting_of_each_with_each() -> None:
    event = next(e for e in code_text("The US, Russia, and Switzerland met yesterday.").events if e.plover == "CONSULT")
    assert sorted(dyads_of(event)) == sorted(
        (s, t) for s in ("USA", "RUS", "CHE") for t in ("USA", "RUS", "CHE") if s != t
    )


def test_a_one_sided_event_keeps_its_direction() -> None:
    event = next(e for e in code_text("Iran condemned Israel on Monday.").events if e.plover == "ACCUSE")
    assert dyads_of(event) == [("IRN", "ISR")]
