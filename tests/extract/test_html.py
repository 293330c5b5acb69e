"""HTML pages -> Article, end to end on pages built by hand."""

from __future__ import annotations

import pytest

from eventwire.errors import ExtractionFailed
from eventwire.extract.html import decode_html, extract_html

from ..conftest import GOOD_ARTICLE_2

STORY = [
    "Iraqi forces retook the town of Qaim on Sunday after three days of heavy fighting with militants, the army said.",
    "The defence ministry said troops had cleared the last neighbourhoods held by the group and were searching for explosives.",
    "Residents who fled the fighting began returning to their homes on Monday, local officials in Anbar province said.",
    "Prime Minister Adel Abdul Mahdi thanked the security forces and promised money to rebuild the damaged districts.",
]

PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Iraqi forces retake Qaim | Example News</title>
<meta property="og:site_name" content="Example News">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Iraqi forces retake Qaim",
 "datePublished": "2019-11-03T14:05:00+03:00", "author": {{"@type": "Person", "name": "Lena Hartmann"}}}}</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Iraqi forces retake Qaim</h1>
<p class="byline">By Lena Hartmann</p>
<p>{STORY[0]}</p>
<figure><img src="a.jpg"><figcaption>Soldiers in Qaim on Sunday. (AP Photo/Ali Example)</figcaption></figure>
<p>{STORY[1]}</p>
<p>Read more: <a href="/other">Iraq's parliament votes on troops</a></p>
<p>{STORY[2]}</p>
<p>{STORY[3]}</p>
<p>Sign up for our daily newsletter</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Story one</a></li><li><a href="/b">Story two</a></li></ul></aside>
<footer><p>© 2019 Example News. All rights reserved.</p></footer>
</body></html>"""


def test_article_body_and_metadata() -> None:
    article = extract_html("page.html", PAGE.encode("utf-8"), url="https://news.example/world/qaim")
    assert article.paragraphs == tuple(STORY)
    assert article.title == "Iraqi forces retake Qaim"
    assert article.authors == ("Lena Hartmann",)
    assert article.site == "Example News"
    assert (article.published, article.published_precision) == ("2019-11-03T14:05", "minute")


def test_conftest_page_still_reads() -> None:
    article = extract_html("good2.html", GOOD_ARTICLE_2)
    assert article.title == "Iran fires missiles at US bases"
    assert article.authors == ("Sam Ortiz",)
    assert article.published == "2020-01-08T09:00"
    assert len(article.paragraphs) == 3 and "Copyright" not in article.body


def test_page_without_text_fails_with_a_reason() -> None:
    with pytest.raises(ExtractionFailed):
        extract_html("empty.html", b"<html><head><title>Empty</title></head><body><script>var x;</script></body></html>")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("caf\u00e9".encode(), "caf\u00e9"),
        (b'<meta charset="windows-1252"><p>caf\xe9</p>', '<meta charset="windows-1252"><p>caf\u00e9</p>'),
    ],
)
def test_decode_html(data: bytes, text: str) -> None:
    assert decode_html(data) == text


def test_captions_are_kept_apart_from_the_body() -> None:
    article = extract_html("page.html", PAGE.encode("utf-8"))
    assert article.captions == ("Soldiers in Qaim on Sunday. (AP Photo/Ali Example)",)
    assert "Soldiers in Qaim" not in article.body
