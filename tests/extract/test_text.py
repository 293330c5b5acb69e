"""Plain-text page scrapes: the seed page's article points (../shared/seed/expected.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.extract import extract_article
from eventwire.extract.text import classify, split_paragraphs
from eventwire.records import RawDocument


@pytest.fixture
def seed_article(seed_path: Path):
    raw = RawDocument(str(seed_path), seed_path.read_bytes(), "text/plain")
    return extract_article(raw), json.loads((seed_path.parent / "expected.json").read_text())["article"]


def test_seed_title_author_site_credit(seed_article) -> None:
    article, gold = seed_article
    assert article.title == gold["title"]
    assert list(article.authors) == gold["authors"]
    assert article.site == gold["site"]
    assert article.credit == gold["credit"]


def test_seed_publication_date_is_not_the_page_date(seed_article) -> None:
    article, gold = seed_article
    assert article.published == gold["published"]
    assert article.published_precision == "minute"
    assert article.page_date == gold["page_date"]


def test_seed_body_bounds_and_chrome(seed_article) -> None:
    article, gold = seed_article
    assert article.body.startswith(gold["body_starts_with"])
    assert article.body.endswith(gold["body_ends_with"])
    for text in gold["body_must_include"]:
        assert text in article.body
    for text in gold["body_must_exclude"]:
        assert text not in article.body, text


def test_seed_caption_and_bio(seed_article) -> None:
    article, gold = seed_article
    assert article.captions and article.captions[0].startswith(gold["caption_starts_with"])
    assert article.author_bio is not None and article.author_bio.startswith(gold["author_bio_starts_with"])
    assert article.language == "en"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("June 24, 2020 5:20 am", "date"),
        ("By Jane Doe", "byline"),
        ("Share this Story: Share On Facebook Share On Twitter", "boilerplate"),
        ("Related coverage", "related"),
        ("A famous man once said, \u201cA lie can travel halfway around the world while the truth is putting on its...", "teaser"),
        ("Troops loyal to the government pushed the fighters out of the town on Sunday after a week of clashes, officials said.", "prose"),
    ],
)
def test_paragraph_classes(text: str, kind: str) -> None:
    assert classify(split_paragraphs(text))[0].kind == kind


def test_glued_agency_credit_is_split() -> None:
    text = (
        "Rebels Seize Town\n\nBy Ann Lee\n\n"
        "Reuters.comRebel fighters seized the northern town of Kafr Nabl on Sunday after two days of heavy fighting with troops.\n\n"
        "The army said it would retake the town within days, according to a statement carried by state media on Sunday."
    )
    article = extract_article(RawDocument("x.txt", text, "text/plain"))
    assert article.credit == "Reuters.com"
    assert article.paragraphs[0].startswith("Rebel fighters seized")
    assert article.title == "Rebels Seize Town"
