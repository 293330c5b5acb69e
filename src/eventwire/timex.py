"""Time resolution: time expressions in a sentence -> a date with precision, against the publication date.

Explicit dates ("June 11", "11 June 2020", "January 2020", "in 2019"), and relative ones
("yesterday", "on Tuesday", "last week", "earlier this week", "last month", "in January",
"last year", "late 2019", "three days ago"). A past-tense event is never dated after its
article. Without any expression an event takes the publication date, precision
``unknown-before`` (it happened on or before that day).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .extract.dates import MONTHS, WEEKDAYS

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3, "a few": 3}  # fmt: skip
_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|march|mar|april|apr|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"


@dataclass(frozen=True, slots=True)
class TimeValue:
    value: str  # ISO date, or YYYY-MM, or YYYY
    precision: str  # day/week/month/year/unknown-before
    text: str
    start: int  # offset in the sentence, -1 when none
    rule: str

    def first_day(self) -> str:
        if len(self.value) == 4:
            return f"{self.value}-01-01"
        if len(self.value) == 7:
            return f"{self.value}-01"
        return self.value


def _month_back(pub: date, n: int) -> tuple[int, int]:
    index = pub.year * 12 + pub.month - 1 - n
    return index // 12, index % 12 + 1


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("explicit-day", re.compile(r"\b" + _MONTH_RE + r"\.?\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?", re.I)),
    ("explicit-day", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+((?:19|20)\d\d))?\b", re.I)),
    ("iso-day", re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")),
    ("part-of-year", re.compile(r"\b(early|mid|late|end of|beginning of)[\s-]+((?:19|20)\d\d)\b", re.I)),
    ("month-year", re.compile(r"\b" + _MONTH_RE + r",?\s+((?:19|20)\d\d)\b", re.I)),
    ("in-month", re.compile(r"\b(?:in|since|during|by|until|from|last|this|early|late|mid)[\s-]+" + _MONTH_RE + r"\b(?!\s+\d)", re.I)),
    ("year", re.compile(r"\b(?:in|since|during|of|from|by)\s+((?:19|20)\d\d)\b", re.I)),
    ("ago", re.compile(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+(day|week|month|year)s?\s+ago\b", re.I)),
    ("relative-day", re.compile(r"\b(yesterday|today|tomorrow|tonight|last night)\b", re.I)),
    ("weekday", re.compile(r"\b(?:on|last|this|next|late|early)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("relative-period", re.compile(r"\b(last|this|next|past|previous|earlier this|later this|coming)\s+(week|month|year)\b", re.I)),
]


def find_times(sentence: str, pub: date, *, future: bool = False) -> list[TimeValue]:
    """Every time expression in ``sentence`` resolved against ``pub``, in order of position."""
    found: list[TimeValue] = []
    taken: list[tuple[int, int]] = []
    for rule, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            value = _resolve(rule, match, pub, future)
            if value is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(TimeValue(value[0], value[1], match.group(0).strip(), match.start(), rule))
    found.sort(key=lambda t: t.start)
    return found


def _resolve(rule: str, m: re.Match[str], pub: date, future: bool) -> tuple[str, str] | None:
    g = m.groups()
    try:
        if rule == "explicit-day":
            if g[0].isdigit():
                day, month, year = int(g[0]), MONTHS[g[1].lower()[:3] if g[1].lower()[:4] != "sept" else "sep"], g[2]
            else:
                month, day, year = MONTHS[g[0].lower()[:3] if g[0].lower()[:4] != "sept" else "sep"], int(g[1]), g[2]
            y = int(year) if year else pub.year
            when = date(y, month, day)
            if not year and not future and when > pub:
                when = date(y - 1, month, day)
            if not year and future and when < pub:
                when = date(y + 1, month, day)
            return when.isoformat(), "day"
        if rule == "iso-day":
            return date(int(g[0]), int(g[1]), int(g[2])).isoformat(), "day"
        if rule == "part-of-year":
            part = g[0].lower()
            month = {"early": 2, "beginning of": 1, "mid": 6, "late": 11, "end of": 12}[part]
            return f"{int(g[1]):04d}-{month:02d}", "month"
        if rule == "month-year":
            return f"{int(g[1]):04d}-{MONTHS[g[0].lower()[:3]]:02d}", "month"
        if rule == "in-month":
            month = MONTHS[g[0].lower()[:3]]
            y = pub.year
            lead = m.group(0).split()[0].lower()
            if lead == "this":
                pass
            elif not future and (month > pub.month or lead == "last" and month >= pub.month):
                y -= 1
            elif future and month < pub.month:
                y += 1
            return f"{y:04d}-{month:02d}", "month"
        if rule == "year":
            return g[0], "year"
        if rule == "ago":
            n = int(g[0]) if g[0].isdigit() else _NUMBERS[g[0].lower()]
            unit = g[1].lower()
            if unit == "day":
                return (pub - timedelta(days=n)).isoformat(), "day"
            if unit == "week":
                return (pub - timedelta(weeks=n)).isoformat(), "week"
            if unit == "month":
                y, mo = _month_back(pub, n)
                return f"{y:04d}-{mo:02d}", "month"
            return f"{pub.year - n:04d}", "year"
        if rule == "relative-day":
            word = g[0].lower()
            delta = {"yesterday": -1, "today": 0, "tonight": 0, "last night": -1, "tomorrow": 1}[word]
            return (pub + timedelta(days=delta)).isoformat(), "day"
        if rule == "weekday":
            wd = WEEKDAYS.index(g[0].lower())
            lead = m.group(0).split()[0].lower()
            if future or lead == "next":
                ahead = (wd - pub.weekday()) % 7 or (7 if lead == "next" else 0)
                return (pub + timedelta(days=ahead)).isoformat(), "day"
            back = (pub.weekday() - wd) % 7
            if lead == "last" and back == 0:
                back = 7
            return (pub - timedelta(days=back)).isoformat(), "day"
        if rule == "relative-period":
            which, unit = g[0].lower(), g[1].lower()
            shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "earlier this": 0,
                     "later this": 0, "next": 1, "coming": 1}[which]  # fmt: skip
            if unit == "week":
                monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
                return monday.isoformat(), "week"
            if unit == "month":
                y, mo = _month_back(pub, -shift)
                return f"{y:04d}-{mo:02d}", "month"
            return f"{pub.year + shift:04d}", "year"
    except (ValueError, KeyError):
        return None
    return None


def resolve_event_time(
    sentence: str, trigger_start: int, pub: date | None, *, future: bool = False
) -> TimeValue:
    """The time of the event whose trigger starts at ``trigger_start`` in ``sentence``."""
    if pub is None:
        return TimeValue("", "unknown", "", -1, "no-publication-date")
    times = find_times(sentence, pub, future=future)
    times = [
        t for t in times
        if not t.text.lower().startswith("since") and not sentence[max(0, t.start - 6) : t.start].lower().endswith("since ")
    ]
    if not times:
        return TimeValue(pub.isoformat(), "unknown-before", "", -1, "publication-date")
    best = min(times, key=lambda t: abs(t.start - trigger_start))
    if not future and best.first_day() > pub.isoformat():
        return TimeValue(pub.isoformat(), "unknown-before", best.text, best.start, f"{best.rule}:after-publication")
    return best


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
