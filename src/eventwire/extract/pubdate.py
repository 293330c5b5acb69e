"""Publication date of an HTML page, by a fixed order of evidence, with the time kept as written.

1. ``json-ld``: ``datePublished`` (then ``dateCreated``) of the page's JSON-LD article object;
2. ``meta``: the publication meta tags (``article:published_time``, ...; ``data/extract/meta_names.tsv``);
3. ``url``: a date in the URL path (``/2019/11/19/``, ``/20191119/``, ``-2019-11-19-``);
4. ``headline``: a date line right after the page's ``<h1>`` (the article's own dateline, as
   opposed to a masthead date at the top of the page);
5. ``htmldate``: htmldate (``original_date=True``) on the page's markup, then on its text
   (``extensive_search``); a January 1st found only by the text search, with no such day
   written in the page, is a bare year (a copyright line) and is not taken.

The value is an ISO date, or date and time to the minute when the source gives a time; the
clock is the one the page wrote (a Moscow paper's "00:16+03:00" on the 29th is the 29th). The
one exception is a time written in UTC (``Z``, ``+00:00``, ``GMT``): that is a server's clock,
not the publisher's, so when the URL's country-code domain names the publisher's country the
time is moved to the time zone of that country's capital (``...T00:23Z`` on a ``.ca`` site is
20:23 the day before in Ottawa) and the rule says so (``+tz:America/Toronto``).
:attr:`PubDate.rule` names the source.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml import etree

from .dates import parse_gregorian
from .fields import meta_names
from .meta import PageMeta

log = logging.getLogger(__name__)

_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
)
#: How many characters of text after the <h1> may hold the article's date line.
HEADLINE_WINDOW = 300
_WORD = re.compile(r"\w+", re.UNICODE)
_MASTHEAD = re.compile(r"masthead|logo|brand|site-?(?:title|name)", re.I)
_ISO_LIKE = re.compile(r"((?:19|20)\d\d)[-/.](\d\d)[-/.](\d\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class PubDate:
    value: str  # "2020-06-24" or "2020-06-24T05:20"
    precision: str  # "day" or "minute"
    rule: str  # where it came from: "json-ld:datePublished", "meta:article:published_time", "url", ...
    text: str = ""  # the value as the page wrote it


def _parse(value: object, rule: str) -> PubDate | None:
    if not isinstance(value, str) or not value.strip():
        return None
    found = parse_gregorian(value.strip())
    if found is None or not found.has_year:
        return None
    return PubDate(found.value, found.precision, rule, value.strip()[:80])


def url_date(url: str | None) -> PubDate | None:
    """A plausible calendar date in the URL's path."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for match in _URL_DATE.finditer(path):
        try:
            day = date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        except ValueError:
            continue
        return PubDate(day.isoformat(), "day", "url", match.group(0))
    return None


def headline_date(tree: etree._Element, title: str | None = None, site: str | None = None) -> PubDate | None:
    """The first date in the text that follows the page's headline ``<h1>`` (its dateline).

    The headline is the ``<h1>`` that shares most words with the title, else the longest one;
    an ``<h1>`` that is the site's name or logo (a masthead, followed by today's date) is not.
    """
    site_words = _WORD.findall((site or "").lower())
    headings = []
    for h in tree.iter("h1"):
        words = _WORD.findall("".join(h.itertext()).lower())
        marker = f"{h.get('class') or ''} {h.get('id') or ''}"
        if words and words != site_words and not _MASTHEAD.search(marker):
            headings.append((h, words))
    if not headings:
        return None
    wanted = set(_WORD.findall((title or "").lower()))
    h1 = max(headings, key=lambda hw: (len(wanted & set(hw[1])), len(hw[1])))[0]
    window = " ".join(" ".join(_text_after(h1)).split())[:HEADLINE_WINDOW]
    found = parse_gregorian(window)
    if found is not None and found.has_year:
        return PubDate(found.value, found.precision, "headline", found.text)
    day = _numeric_date(window)
    return PubDate(day.isoformat(), "day", "headline", day.isoformat()) if day else None


def _numeric_date(text: str) -> date | None:
    """2020-08-17, 17.08.2020, or 17/08/2020 and 08/17/2020 when the day is over 12; None if ambiguous."""
    match = _ISO_LIKE.search(text)
    try:
        if match:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = _DMY.search(text)
        if match:
            first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
            if first > 12 or match.group(2) == ".":
                return date(year, second, first)
            if second > 12:
                return date(year, first, second)
    except ValueError:
        return None
    return None


def _text_after(element: etree._Element) -> list[str]:
    """The first text nodes after ``element`` in document order (not inside it), scripts and styles left out."""
    nodes = element.xpath("following::text()[not(ancestor::script) and not(ancestor::style)][position() <= 60]")
    return [str(node) for node in nodes]


def declared_date(page: PageMeta) -> PubDate | None:
    for key in ("datePublished", "dateCreated"):
        for value in page.ld_values(key):
            found = _parse(value, f"json-ld:{key}")
            if found:
                return found
    for name in meta_names().get("published", ()):
        for value in page.meta.get(name, ()):
            found = _parse(value, f"meta:{name}")
            if found:
                return found
    return None


def htmldate_date(tree: etree._Element, html: str, url: str | None) -> PubDate | None:
    from htmldate import find_date

    for extensive in (False, True):
        try:
            found = find_date(tree, url=url, original_date=True, extensive_search=extensive)
        except (ValueError, TypeError) as exc:  # htmldate raises these on malformed values
            log.debug("htmldate failed: %s", exc)
            return None
        if not found:
            continue
        if extensive and found.endswith("-01-01") and not _day_written(html, found):
            return None
        return PubDate(found, "day", "htmldate" + (":text" if extensive else ":markup"), found)
    return None


def _day_written(html: str, iso: str) -> bool:
    year = iso[:4]
    return bool(re.search(rf"{year}-01-01|01[./]01[./]{year}|(?i:jan(?:uary)?\.?\s+1(?:st)?,?\s+{year}|\b1(?:st)?\s+jan(?:uary)?\.?,?\s+{year})", html))


_UTC_MARK = re.compile(r"(?:\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|GMT|UTC))\s*$", re.I)


def publisher_zone(url: str | None) -> str | None:
    """The time zone of the country a URL's country-code domain names, or None (``.com``, no URL)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    from ..geo import capital_zones

    return capital_zones().get(tld) if len(tld) == 2 else None


def _to_publisher_clock(found: PubDate, url: str | None) -> PubDate:
    if found.precision != "minute" or not _UTC_MARK.search(found.text):
        return found
    zone = publisher_zone(url)
    if zone is None:
        return found
    try:
        local = datetime.fromisoformat(found.value).replace(tzinfo=UTC).astimezone(ZoneInfo(zone))
    except (ValueError, ZoneInfoNotFoundError):
        return found
    return replace(found, value=local.strftime("%Y-%m-%dT%H:%M"), rule=f"{found.rule}+tz:{zone}")


def publication_date(
    page: PageMeta, tree: etree._Element, html: str, url: str | None, *, title: str | None = None, site: str | None = None
) -> PubDate | None:
    """The page's publication date by the order of evidence in the module docstring."""
    found = declared_date(page) or url_date(url) or headline_date(tree, title, site) or htmldate_date(tree, html, url)
    return _to_publisher_clock(found, url) if found else None
