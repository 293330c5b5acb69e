"""Accuracy gates: eventwire on the ../shared/eval sets must stay at or above the floors in floors.json.

Baselines are not run here (``eventwire eval KIND --gold DIR`` prints them side by side); the
comparisons with baselines that an issue asks for are in ``test_baselines.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluate import run

from ..conftest import EVAL, need_shared

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text())
GATES = sorted(k for k in FLOORS if not k.startswith("_"))


@pytest.mark.eval
@pytest.mark.parametrize("name", GATES)
def test_gate(name: str) -> None:
    spec = FLOORS[name]
    gold = need_shared(EVAL / spec["gold"])
    report = run(spec["kind"], str(gold), baselines=False)
    failures = []
    for metric, floor in spec["metrics"].items():
        value = report.score(metric)
        print(f"{name} {metric} = {value:.4f} (floor {floor})")
        if value < floor:
            failures.append(f"{metric} {value:.4f} < floor {floor}")
    assert not failures, f"{name}: " + "; ".join(failures)
