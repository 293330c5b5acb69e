"""Relative and explicit time expressions, resolved against several publication dates."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.timex import find_times, resolve_event_time


def _first(text: str, pub: date, future: bool = False) -> tuple[str, str]:
    times = find_times(text, pub, future=future)
    assert times, f"no time found in {text!r}"
    return times[0].value, times[0].precision


@pytest.mark.parametrize(
    ("text", "pub", "value", "precision"),
    [
        ("yesterday", date(2020, 6, 24), "2020-06-23", "day"),
        ("yesterday", date(2020, 1, 1), "2019-12-31", "day"),
        ("last month", date(2020, 6, 24), "2020-05", "month"),
        ("last month", date(2020, 1, 5), "2019-12", "month"),
        ("in January", date(2020, 6, 24), "2020-01", "month"),
        ("in December", date(2020, 1, 5), "2019-12", "month"),
        ("last year", date(2020, 6, 24), "2019", "year"),
        ("last year", date(2021, 1, 2), "2020", "year"),
        ("late 2019", date(2020, 6, 24), "2019-11", "month"),
        ("earlier this week", date(2020, 6, 24), "2020-06-22", "week"),
        ("last week", date(2020, 1, 2), "2019-12-23", "week"),
        ("on Tuesday", date(2020, 6, 24), "2020-06-23", "day"),
        ("on Tuesday", date(2020, 6, 23), "2020-06-23", "day"),
        ("on Friday", date(2020, 1, 1), "2019-12-27", "day"),
        ("three days ago", date(2020, 3, 2), "2020-02-28", "day"),
        ("two months ago", date(2020, 1, 15), "2019-11", "month"),
        ("on June 11", date(2020, 6, 24), "2020-06-11", "day"),
        ("on December 30", date(2020, 1, 3), "2019-12-30", "day"),
        ("on 11 June 2020", date(2021, 1, 1), "2020-06-11", "day"),
        ("in 2019", date(2020, 6, 24), "2019", "year"),
        ("in May 2020", date(2020, 6, 24), "2020-05", "month"),
    ],
)
def test_expressions(text: str, pub: date, value: str, precision: str) -> None:
    assert _first(text, pub) == (value, precision)


def test_future_month_resolves_forward() -> None:
    assert _first("talks will resume in January", date(2020, 6, 24), future=True) == ("2021-01", "month")


def test_no_expression_takes_publication_date_unknown_before() -> None:
    found = resolve_event_time("Iran condemned the strike.", 5, date(2020, 6, 24))
    assert (found.value, found.precision, found.rule) == ("2020-06-24", "unknown-before", "publication-date")


def test_past_event_is_never_after_its_article() -> None:
    found = resolve_event_time("Iran condemned the strike on December 30.", 5, date(2020, 1, 3))
    assert found.value == "2019-12-30"
    late = resolve_event_time("Iran condemned the strike in 2031.", 5, date(2020, 1, 3))
    assert late.value == "2020-01-03" and late.rule.endswith("after-publication")


def test_nearest_expression_to_the_trigger_wins() -> None:
    text = "On Monday officials said the rockets were fired last month."
    found = resolve_event_time(text, text.index("fired"), date(2020, 6, 24))
    assert found.value == "2020-05" and found.rule == "relative-period"


def test_since_is_a_period_start_not_the_event_date() -> None:
    text = "This marks the 29th attack since October."
    found = resolve_event_time(text, text.index("attack"), date(2020, 6, 24))
    assert found.precision == "unknown-before"
