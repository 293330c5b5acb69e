"""The seed page against ../shared/seed/expected.json: required events, forbidden text, claims, precision."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..pipeline import process_document
from ..readers import read_inputs
from ..records import Event, RawDocument
from .scoring import Report


def _norm(text: str) -> str:
    return " ".join(text.split())


def _date_ok(event: Event, window: dict[str, str] | None) -> bool:
    if not window:
        return True
    if not event.date:
        return False
    value = event.date
    lo = value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value
    return window["from"] <= lo[:10] <= window["to"]


def _side(actors: tuple[Any, ...], accepted: list[str | None]) -> bool:
    countries = [a.country for a in actors] or [None]
    return any(c in accepted for c in countries)


def matches(event: Event, spec: dict[str, Any]) -> bool:
    """An event matches a listed one: evidence, accepted type, countries (either way when symmetric) and date window."""
    if _norm(spec["evidence_contains"]) not in _norm(event.evidence.sentence):
        return False
    if event.plover not in spec["plover"]:
        return False
    src_ok = "source" not in spec or _side(event.source, spec["source"].get("country", [None]))
    tgt_ok = "target" not in spec or _side(event.target, spec["target"].get("country", [None]))
    if not (src_ok and tgt_ok) and spec.get("symmetric"):
        src_ok = "source" not in spec or _side(event.target, spec["source"].get("country", [None]))
        tgt_ok = "target" not in spec or _side(event.source, spec["target"].get("country", [None]))
    return src_ok and tgt_ok and _date_ok(event, spec.get("date"))


def evaluate_seed(path: Path, *, limit: int | None = None) -> Report:
    expected = json.loads(path.read_text(encoding="utf-8"))
    page = path.parent / expected["file"]
    raw = next(item for item in read_inputs([str(page)]) if isinstance(item, RawDocument))
    result = process_document(raw)
    events = [e for e in result.events if not e.negated]
    spec = expected["events"]
    found = [r["id"] for r in spec["required"] if any(matches(e, r) for e in events)]
    listed = spec["required"] + spec.get("optional", [])
    listed_events = [e for e in events if any(
        _norm(r["evidence_contains"]) in _norm(e.evidence.sentence) and e.plover in r["plover"] for r in listed
    )]
    forbidden = [e for e in events if any(_norm(t) in _norm(e.evidence.sentence) for t in spec.get("must_not_code_from", []))]
    claims_found = [
        c["id"] for c in expected.get("claims", [])
        if any(_norm(c["evidence_contains"]) in _norm(k.evidence.sentence) and k.count == c["count"] for k in result.claims)
    ]
    report = Report("seed", str(path), len(events))
    report.systems["eventwire"] = {
        "required_recall": len(found) / len(spec["required"]),
        "precision": len(listed_events) / len(events) if events else 0.0,
        "no_forbidden": 1.0 if not forbidden else 0.0,
        "claims_recall": len(claims_found) / max(1, len(expected.get("claims", []))),
    }
    report.details["missing"] = [r["id"] for r in spec["required"] if r["id"] not in found]
    report.details["unlisted"] = [e.evidence.sentence[:120] + f" [{e.plover}]" for e in events if e not in listed_events]
    return report
