"""Page metadata: JSON-LD and meta tags read once; title, authors and site chosen by a fixed order."""

from __future__ import annotations

import pytest

from eventwire.extract.fields import choose_authors, choose_site, choose_title, looks_like_name, strip_site_name
from eventwire.extract.html import parse_html
from eventwire.extract.meta import read_meta


def page(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def meta_of(html: str):
    return read_meta(parse_html(html))


def test_json_ld_in_cdata_and_graph_is_read() -> None:
    html = page(
        """<script type="application/ld+json">
        <![CDATA[ {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Example"},
          {"@type": "NewsArticle", "headline": "Rockets hit Green Zone", "datePublished": "2020-01-08T09:00:00+03:00",
           "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
           "publisher": {"@type": "Organization", "name": "Example News"}}]} ]]>
        </script>"""
    )
    found = meta_of(html)
    assert choose_title(found) == "Rockets hit Green Zone"
    assert choose_authors(found) == ("Jane Doe", "John Roe")
    assert choose_site(found) == "Example News"


def test_broken_json_ld_is_skipped() -> None:
    found = meta_of(page('<script type="application/ld+json">{"@type": "NewsArticle", </script><title>T</title>'))
    assert found.ld == []
    assert choose_title(found) == "T"


def test_space_separated_properties_count_for_each_name() -> None:
    found = meta_of(page('<meta property="x:title dc:title" content="Preferred"><meta property="og:title twitter:title" content="Other">'))
    assert choose_title(found) == "Preferred"


def test_declared_title_is_kept_as_the_publisher_wrote_it() -> None:
    found = meta_of(page('<meta property="og:title" content="Rockets hit Green Zone - Example News"><title>x</title>', "<h1>Rockets hit Green Zone</h1>"))
    assert choose_title(found) == "Rockets hit Green Zone - Example News"


@pytest.mark.parametrize(
    ("title", "h1", "site", "expected"),
    [
        ("Rockets hit Green Zone | Example News", [], None, "Rockets hit Green Zone"),
        ("Example News - Rockets hit Green Zone", [], "Example News", "Rockets hit Green Zone"),
        ("World - Rockets hit Green Zone - Example", ["Rockets hit Green Zone"], None, "Rockets hit Green Zone"),
        ("Rockets hit Green Zone", [], None, "Rockets hit Green Zone"),
        ("Iraq: A Year On | Example", ["Iraq: A Year On"], None, "Iraq: A Year On"),
    ],
)
def test_title_element_loses_its_site_name(title: str, h1: list[str], site: str | None, expected: str) -> None:
    assert strip_site_name(title, h1=h1, site=site) == expected


def test_title_falls_back_to_h1_then_trafilatura() -> None:
    assert choose_title(meta_of(page("", "<h1>Headline</h1>"))) == "Headline"
    assert choose_title(meta_of(page("")), fallback="From trafilatura") == "From trafilatura"


def test_authors_from_meta_and_fallback_are_checked_to_be_names() -> None:
    assert choose_authors(meta_of(page('<meta name="author" content="By Jane Doe and John Roe">'))) == ("Jane Doe", "John Roe")
    assert choose_authors(meta_of(page('<meta name="author" content="https://example.com/jane">'))) == ()
    assert choose_authors(meta_of(page("")), fallback="Follow Author") == ()
    assert choose_authors(meta_of(page("")), fallback="Joe Wee Monday; February") == ()
    assert choose_authors(meta_of(page("")), fallback="Eleanor Ainge Roy") == ("Eleanor Ainge Roy",)


@pytest.mark.parametrize(
    ("name", "ok"),
    [("Jane Doe", True), ("Associated Press", True), ("Updated 3:27 am", False), ("jane@example.com", False), ("a b c d e f g", False)],
)
def test_looks_like_name(name: str, ok: bool) -> None:
    assert looks_like_name(name) is ok


def test_site_name_from_meta_not_a_twitter_handle() -> None:
    assert choose_site(meta_of(page('<meta property="og:site_name" content="Example News">'))) == "Example News"
    assert choose_site(meta_of(page('<meta name="twitter:site_name" content="@example">')), fallback="Example") == "Example"
