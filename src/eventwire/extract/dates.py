"""Date lines in pages: Gregorian forms in English, plus Hebrew, Hijri and Solar Hijri datelines.

``parse_dateline`` reads a short line that is only a date (a masthead, a publication line,
a related item's date) and returns what it found, with precision and the text it came from.
Other-calendar dates are converted with ``convertdate`` and cross-checked with the Gregorian
date on the same line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from convertdate import hebrew, islamic, persian

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

HEBREW_MONTHS = {
    "nisan": 1, "iyar": 2, "iyyar": 2, "sivan": 3, "tammuz": 4, "tamuz": 4, "av": 5, "elul": 6,
    "tishrei": 7, "tishri": 7, "cheshvan": 8, "heshvan": 8, "marcheshvan": 8, "kislev": 9,
    "tevet": 10, "teves": 10, "shevat": 11, "shvat": 11, "adar": 12, "adar i": 12, "adar ii": 13,
}  # fmt: skip
HIJRI_MONTHS = {
    "muharram": 1, "safar": 2, "rabi al-awwal": 3, "rabi' al-awwal": 3, "rabi al-thani": 4,
    "rabi al-akhir": 4, "jumada al-ula": 5, "jumada al-awwal": 5, "jumada al-akhirah": 6,
    "jumada al-thani": 6, "rajab": 7, "shaban": 8, "sha'ban": 8, "ramadan": 9, "shawwal": 10,
    "dhu al-qadah": 11, "dhu al-qa'dah": 11, "dhu al-qidah": 11, "dhul qadah": 11,
    "dhu al-hijjah": 12, "dhul hijjah": 12,
}  # fmt: skip
PERSIAN_MONTHS = {
    "farvardin": 1, "ordibehesht": 2, "khordad": 3, "tir": 4, "mordad": 5, "shahrivar": 6,
    "mehr": 7, "aban": 8, "azar": 9, "dey": 10, "bahman": 11, "esfand": 12,
}  # fmt: skip

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?!\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d\d)\s*(?P<ampm>[ap]\.?m\.?)?)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

GREGORIAN_PATTERNS = (
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?" + _TIME, re.I),
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?" + _TIME, re.I),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?:[T ](?P<hour>\d\d):(?P<minute>\d\d))?"),
)
_HEBREW = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z' ]+?)\s+(?P<year>5[5-9]\d\d)")
_HIJRI = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z' -]+?)\s+(?P<year>1[34]\d\d)(?:\s*AH)?")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date read from text: ISO date (or datetime), precision, and the text it came from."""

    value: str
    precision: str  # "minute", "day", "month", "year"
    text: str
    calendar: str = "gregorian"
    has_year: bool = True
    cross_checked: bool = False

    @property
    def day(self) -> str:
        return self.value[:10]


def parse_gregorian(text: str, *, default_year: int | None = None) -> FoundDate | None:
    """The first Gregorian date in ``text`` (a date line, a byline, a meta value)."""
    matches = [m for p in GREGORIAN_PATTERNS if (m := p.search(text))]
    matches.sort(key=lambda m: (m.start(), -(m.end() - m.start())))
    for match in matches:
        groups = match.groupdict()
        if groups.get("mnum"):
            month = int(groups["mnum"])
        else:
            month = MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"])
        has_year = bool(groups.get("year"))
        year = int(groups["year"]) if has_year else default_year
        if year is None:
            year = 1900  # placeholder, flagged by has_year=False
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        value = when.isoformat()
        precision = "day"
        if groups.get("hour"):
            hour, minute = int(groups["hour"]), int(groups["minute"])
            ampm = (groups.get("ampm") or "").lower().replace(".", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            if hour < 24 and minute < 60:
                value = f"{value}T{hour:02d}:{minute:02d}"
                precision = "minute"
        return FoundDate(value, precision, match.group(0).strip(), has_year=has_year)
    return None


def parse_other_calendar(text: str) -> FoundDate | None:
    """A Hebrew, Hijri or Solar Hijri date in ``text``, converted to Gregorian."""
    lowered = text.lower()
    for match in _HEBREW.finditer(lowered):
        month = HEBREW_MONTHS.get(match.group("month").strip())
        if month is None:
            continue
        year = int(match.group("year"))
        if month == 13 and not hebrew.leap(year):
            month = 12
        try:
            y, m, d = hebrew.to_gregorian(year, month, int(match.group("day")))
            return FoundDate(date(y, m, d).isoformat(), "day", match.group(0), calendar="hebrew")
        except ValueError:
            continue
    for match in _HIJRI.finditer(lowered):
        name = match.group("month").strip()
        year = int(match.group("year"))
        if name in HIJRI_MONTHS:
            y, m, d = islamic.to_gregorian(year, HIJRI_MONTHS[name], int(match.group("day")))
            return FoundDate(date(y, m, d).isoformat(), "day", match.group(0), calendar="hijri")
        if name in PERSIAN_MONTHS:
            y, m, d = persian.to_gregorian(year, PERSIAN_MONTHS[name], int(match.group("day")))
            return FoundDate(date(y, m, d).isoformat(), "day", match.group(0), calendar="solar-hijri")
    return None


def parse_dateline(text: str) -> FoundDate | None:
    """Read a line that holds a date, combining a Gregorian date with any other-calendar date on it.

    "Friday, July 1st | 2 Tammuz 5782" has no Gregorian year; the Hebrew date gives
    2022-07-01, which agrees with "July 1st" and a Friday, so the result is 2022-07-01,
    cross-checked.
    """
    other = parse_other_calendar(text)
    greg = parse_gregorian(text, default_year=int(other.value[:4]) if other else None)
    if greg and other:
        agrees = greg.day[5:] == other.day[5:]
        if agrees:
            return FoundDate(
                greg.value, greg.precision, text.strip(), calendar="gregorian+" + other.calendar,
                has_year=True, cross_checked=True,
            )
        return other
    if greg:
        return greg
    return other


def is_date_only(text: str) -> bool:
    """True when a short line holds nothing but a date (and perhaps a time or weekday)."""
    stripped = text.strip()
    if len(stripped) > 80:
        return False
    found = parse_dateline(stripped)
    if found is None:
        return False
    rest = stripped
    for piece in (found.text,):
        rest = rest.replace(piece, " ")
    rest = re.sub(r"[|,•·\-–—/:\s]+", " ", rest).strip().lower()
    words = [w for w in rest.split() if w not in WEEKDAYS and not w.isdigit()]
    if found.calendar != "gregorian":
        return len(words) <= 6
    return len(words) <= 2
