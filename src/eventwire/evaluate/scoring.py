"""Scores shared by the evaluators: shingle overlap for text, precision/recall/F1, confusion matrices."""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"\w+", re.UNICODE)


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Gold records of a JSON Lines file (a directory means its ``gold.jsonl``), the first ``limit`` lines only."""
    gold = path / "gold.jsonl" if path.is_dir() else path
    with gold.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            if line.strip():
                yield json.loads(line)


def _shingles(text: str | None, n: int) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(0, max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def shingle_tp_fp_fn(true: str | None, pred: str | None, n: int = 4) -> tuple[float, float, float]:
    """True/false positives and false negatives over word 4-gram shingles, normalised per document.

    This is the definition of the scrapinghub article-extraction-benchmark's ``evaluate.py``:
    tokens are ``\\w+`` runs (case kept), shingles are counted with multiplicity, and the three
    counts are divided by their sum so that long documents weigh no more than short ones.
    """
    gold, got = _shingles(true, n), _shingles(pred, n)
    tp = fp = fn = 0.0
    for key in gold.keys() | got.keys():
        t, p = gold.get(key, 0), got.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_prf(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision over documents with predictions, mean recall over documents with gold, F1 of the means."""

    def precision(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fn == 0 else tp / (tp + fn)

    ps = [precision(*r) for r in rows if r[0] + r[1] > 0]
    rs = [recall(*r) for r in rows if r[0] + r[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def per_label(pairs: list[tuple[str | None, str | None]]) -> dict[str, dict[str, float]]:
    """Per-label precision/recall/F1 from (gold, predicted) pairs; None means "no label"."""
    labels = sorted({g for g, _ in pairs if g is not None} | {p for _, p in pairs if p is not None})
    out: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        out[label] = prf(tp, fp, fn) | {"support": sum(1 for g, _ in pairs if g == label)}
    return out


def confusion(pairs: list[tuple[str | None, str | None]]) -> dict[str, dict[str, int]]:
    matrix: dict[str, dict[str, int]] = {}
    for gold, pred in pairs:
        row = matrix.setdefault(gold or "-", {})
        row[pred or "-"] = row.get(pred or "-", 0) + 1
    return matrix


@dataclass(slots=True)
class Report:
    """Scores of one evaluation: ``systems`` maps a system name to its metrics."""

    kind: str
    gold: str
    items: int
    systems: dict[str, dict[str, float]] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def score(self, metric: str, system: str = "eventwire") -> float:
        return float(self.systems[system][metric])

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "gold": self.gold, "items": self.items, "systems": self.systems,
                "details": self.details, "notes": self.notes}
