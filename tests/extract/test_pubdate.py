"""Publication date of a page: JSON-LD, meta tags, URL, the dateline under the headline, then htmldate."""

from __future__ import annotations

import pytest

from eventwire.extract.html import parse_html
from eventwire.extract.meta import read_meta
from eventwire.extract.pubdate import headline_date, publication_date, url_date


def date_of(html: str, url: str | None = None, title: str | None = None, site: str | None = None):
    tree = parse_html(html)
    return publication_date(read_meta(tree), tree, html, url, title=title, site=site)


def test_json_ld_beats_meta_and_keeps_the_written_clock() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2020-06-27T10:00:00Z">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-06-29T00:16:15+03:00"}</script>'
        "</head><body><p>x</p></body></html>"
    )
    found = date_of(html)
    assert found is not None
    assert (found.value, found.precision, found.rule) == ("2020-06-29T00:16", "minute", "json-ld:datePublished")
    assert found.text == "2020-06-29T00:16:15+03:00"


def test_meta_tag_when_no_json_ld() -> None:
    found = date_of('<html><head><meta property="article:published_time" content="2020-01-08T09:00:00+00:00"></head><body></body></html>')
    assert found is not None and found.rule == "meta:article:published_time" and found.value == "2020-01-08T09:00"


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://news.example/2019/11/19/politics/story.html", "2019-11-19"),
        ("https://news.example/world/20200108-iran-strikes", "2020-01-08"),
        ("https://news.example/a/2020-02-30-not-a-day", None),
        ("https://news.example/story/8836033", None),
        (None, None),
    ],
)
def test_url_date(url: str | None, day: str | None) -> None:
    found = url_date(url)
    assert (found.value if found else None) == day


def test_headline_dateline_beats_a_masthead_date() -> None:
    html = (
        "<html><body><h1 class='masthead'>Daily News</h1><div class='today'>Wednesday, August 19, 2020</div>"
        "<h1>Rockets hit Green Zone</h1><div class='meta'>13 Oct 2020 18:29</div><p>Text of the story.</p></body></html>"
    )
    found = headline_date(parse_html(html), title="Rockets hit Green Zone", site="Daily News")
    assert found is not None and found.value == "2020-10-13T18:29" and found.rule == "headline"


def test_headline_numeric_dateline_day_first_when_dotted() -> None:
    html = "<html><body><h1>Neue Regeln</h1><span>08.04.2015 12:46</span><p>Text.</p></body></html>"
    found = headline_date(parse_html(html), title="Neue Regeln")
    assert found is not None and found.value == "2015-04-08"


def test_no_date_anywhere_gives_none() -> None:
    assert date_of("<html><body><h1>Title</h1><p>No date here at all.</p></body></html>") is None


def test_a_bare_copyright_year_is_not_a_publication_day() -> None:
    html = "<html><body><h1>Title</h1><p>Some text about things.</p><footer>© 2020 Example</footer></body></html>"
    found = date_of(html)
    assert found is None or not found.value.endswith("-01-01")


def test_a_logo_h1_is_never_the_headline() -> None:
    html = (
        "<html><body><h1 class='site-logo'>The Daily Legal News of Northern Ohio</h1><div>Wednesday, August 19, 2020</div>"
        "<h1>New filings</h1><p>Company records.</p></body></html>"
    )
    assert headline_date(parse_html(html)) is None


def _ld(value: str) -> str:
    return (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        f'"datePublished": "{value}"}}</script></head><body><p>x</p></body></html>'
    )


@pytest.mark.parametrize(
    ("value", "url", "expected", "rule"),
    [
        # A UTC server clock on a Canadian site: 00:23 UTC is 20:23 the day before in Ottawa.
        ("2020-08-25T00:23:33.312Z", "https://ici.radio-canada.ca/nouvelle/1", "2020-08-24T20:23", "json-ld:datePublished+tz:America/Toronto"),
        # The same clock on an Australian site is already the 25th in Canberra.
        ("2020-08-24T22:10:00+00:00", "https://www.abc.net.au/news/1", "2020-08-25T08:10", "json-ld:datePublished+tz:Australia/Sydney"),
        # A generic domain names no country: the clock stays as written.
        ("2020-08-25T00:23:33Z", "https://example.com/a", "2020-08-25T00:23", "json-ld:datePublished"),
        # A clock written with its own offset is the publisher's clock: never moved.
        ("2020-06-29T00:16:15+03:00", "https://tass.ru/moskva/1", "2020-06-29T00:16", "json-ld:datePublished"),
        # No URL: nothing to go on.
        ("2020-08-25T00:23:33Z", None, "2020-08-25T00:23", "json-ld:datePublished"),
    ],
)
def test_a_utc_clock_moves_to_the_publishers_zone(value: str, url: str | None, expected: str, rule: str) -> None:
    found = date_of(_ld(value), url)
    assert found is not None
    assert (found.value, found.rule, found.text) == (expected, rule, value)
