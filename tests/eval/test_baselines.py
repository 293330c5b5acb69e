"""eventwire against the baselines measured in the same run (issue: "extract the article better than trafilatura does").

Each data set is evaluated once per session with ``baselines=True``; the tests compare eventwire's
scores with the systems in that report, so a baseline that improves (a new trafilatura release)
raises the bar. ``eventwire eval KIND --gold DIR`` prints the same tables.
"""

from __future__ import annotations

from functools import cache

import pytest

from eventwire.evaluate import Report, run

from ..conftest import EVAL, need_shared

BODY_BASELINES = ("trafilatura", "trafilatura-precision", "readability-lxml")
METADATA_BASELINES = ("trafilatura", "newspaper4k")
#: Publication dates: eventwire must beat htmldate(original_date=True) by at least this much.
DATE_MARGIN = 0.03


@cache
def _report(kind: str, gold: str) -> Report:
    return run(kind, str(EVAL / gold), baselines=True)


def report(kind: str, gold: str) -> Report:
    need_shared(EVAL / gold)
    return _report(kind, gold)


def _print(rep: Report, metric: str) -> None:
    print(f"{rep.kind} {rep.gold} {metric}: " + ", ".join(f"{name} {scores[metric]:.4f}" for name, scores in rep.systems.items() if metric in scores))


@pytest.mark.eval
@pytest.mark.parametrize("gold", ["extraction/scrapinghub", "extraction/readability"])
def test_body_f1_at_least_the_best_baseline(gold: str) -> None:
    rep = report("extraction", gold)
    _print(rep, "f1")
    missing = [name for name in BODY_BASELINES if name not in rep.systems]
    assert not missing, f"baselines not run: {missing} (install them to compare)"
    best = max(BODY_BASELINES, key=lambda name: rep.score("f1", name))
    assert rep.score("f1") >= rep.score("f1", best), f"eventwire body F1 {rep.score('f1'):.4f} < {best} {rep.score('f1', best):.4f}"


@pytest.mark.eval
@pytest.mark.parametrize("metric", ["title_accuracy", "author_accuracy"])
def test_title_and_author_above_trafilatura_and_newspaper4k(metric: str) -> None:
    rep = report("extraction", "extraction/readability")
    _print(rep, metric)
    missing = [name for name in METADATA_BASELINES if name not in rep.systems]
    assert not missing, f"baselines not run: {missing} (install them to compare)"
    for name in METADATA_BASELINES:
        assert rep.score(metric) > rep.score(metric, name), f"eventwire {metric} {rep.score(metric):.4f} <= {name} {rep.score(metric, name):.4f}"


@pytest.mark.eval
def test_publication_day_beats_htmldate() -> None:
    """eventwire's publication day beats htmldate (original_date=True) by DATE_MARGIN on the same pages, in the same run."""
    rep = report("dates", "dates/mediacloud")
    _print(rep, "day_accuracy")
    assert "htmldate" in rep.systems
    ours, theirs = rep.score("day_accuracy"), rep.score("day_accuracy", "htmldate")
    assert ours >= theirs + DATE_MARGIN - 1e-9, f"eventwire {ours:.4f} < htmldate {theirs:.4f} + {DATE_MARGIN}"
