"""Date lines, including other calendars cross-checked with the Gregorian date on the same line."""

from __future__ import annotations

import pytest

from eventwire.extract.dates import is_date_only, parse_dateline


@pytest.mark.parametrize(
    ("line", "value", "calendar"),
    [
        ("Friday, July 1st | 2 Tammuz 5782", "2022-07-01", "gregorian+hebrew"),
        ("June 24, 2020 5:20 am", "2020-06-24T05:20", "gregorian"),
        ("Tuesday, 8 March 2022", "2022-03-08", "gregorian"),
        ("10 Dhu al-Qadah 1441", "2020-07-01", "hijri"),
        ("4 Tir 1399", "2020-06-24", "solar-hijri"),
        ("2020-06-11T09:30:00+03:00", "2020-06-11T09:30", "gregorian"),
        ("June 30, 2022 11:26 pm", "2022-06-30T23:26", "gregorian"),
    ],
)
def test_parse_dateline(line: str, value: str, calendar: str) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert found.value == value
    assert found.calendar == calendar


def test_hebrew_cross_check_marks_agreement() -> None:
    found = parse_dateline("Friday, July 1st | 2 Tammuz 5782")
    assert found is not None and found.cross_checked


def test_disagreeing_calendars_trust_the_complete_date() -> None:
    found = parse_dateline("Friday, July 9th | 2 Tammuz 5782")
    assert found is not None and found.value == "2022-07-01" and not found.cross_checked


@pytest.mark.parametrize(
    ("line", "expected"),
    [("June 24, 2020 5:20 am", True), ("Tehran Meddles in US-Iraq Strategic Talks", False),
     ("The talks began on June 11, 2020 in Baghdad and lasted for several hours before ending.", False)],
)
def test_is_date_only(line: str, expected: bool) -> None:
    assert is_date_only(line) is expected
