"""Evaluation against gold data (formats in ../shared/eval/README.md), with baselines run side by side.

Each evaluator returns a :class:`Report`: named systems with their scores, plus details
(per-type scores, confusion matrices). ``eventwire eval KIND --gold PATH`` prints it; the CI
gates in ``tests/eval`` compare it with floors pinned in ``tests/eval/floors.json``.
"""

from __future__ import annotations

from .scoring import Report

__all__ = ["Report", "run"]


def run(kind: str, gold: str, *, limit: int | None = None, baselines: bool = True) -> Report:
    """Run the evaluator for ``kind`` on the gold file or directory ``gold``."""
    from pathlib import Path

    from ..errors import EventwireError

    path = Path(gold)
    if not path.exists():
        raise EventwireError(f"no gold data at {gold}")
    if kind == "extraction":
        from .extraction import evaluate_extraction

        return evaluate_extraction(path, limit=limit, baselines=baselines)
    if kind == "scrapes":
        from .extraction import evaluate_scrapes

        return evaluate_scrapes(path, limit=limit)
    if kind == "dates":
        from .dates import evaluate_dates

        return evaluate_dates(path, limit=limit, baselines=baselines)
    if kind == "actors":
        from .actors import evaluate_actors

        return evaluate_actors(path, limit=limit)
    if kind == "geo":
        from .geo import evaluate_geo

        return evaluate_geo(path, limit=limit)
    if kind in ("events", "dyads", "types", "quad"):
        from .events import evaluate_dyads, evaluate_events, evaluate_quad, evaluate_types

        chosen = {"events": evaluate_events, "dyads": evaluate_dyads, "types": evaluate_types, "quad": evaluate_quad}[kind]
        return chosen(path, limit=limit)
    if kind == "seed":
        from .seed import evaluate_seed

        return evaluate_seed(path, limit=limit)
    raise EventwireError(f"unknown evaluation {kind!r}: use extraction, scrapes, dates, actors, geo, events, dyads, types, quad or seed")
