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


def test_seed_body_paragraph_count(seed_article) -> None:
    # expected.json says "body_paragraphs": 9, but the scrape has 8 blank-line-separated paragraphs
    # between "US and Iraqi officials" and "...for years to come.", and no principled reading of the
    # scrape gives 9: the caption comes before the body (the body must start at "US and Iraqi
    # officials"), the "JNS.org" credit is glued to the first paragraph, and the related-coverage
    # block and the bio are not body. The 9 is the paragraphing of the syndicated original on
    # jns.org, which starts a new paragraph at "But tensions have eased considerably since Mustafa
    # al-Kadhimi..."; the Algemeiner page this scrape was taken from runs those two together.
    # eventwire does not invent paragraph breaks, so it reports the scrape's 8.
    article, gold = seed_article
    assert gold["body_paragraphs"] == 9
    assert len(article.paragraphs) == 8
    third = next(p for p in article.paragraphs if p.startswith("The dialogue comes against a backdrop"))
    assert "But tensions have eased considerably" in third


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
        ("Pemerintah kota mengumumkan bahwa jalan utama akan ditutup selama dua minggu untuk perbaikan besar dan warga diminta mencari jalur lain", "text"),
        ("Home", "short"),
        ("Photo: Iraqi Parliament Media Office / Handout via Reuters.", "caption"),
        ("Read more: Iraq's parliament votes to expel US troops", "boilerplate"),
        ("34 responses to “Rockets hit the Green Zone”", "end"),
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


PROSE = [
    "Iraqi forces retook the town of Qaim on Sunday after three days of heavy fighting with militants, the army said.",
    "The defence ministry said troops had cleared the last neighbourhoods held by the group and were searching for explosives.",
    "Residents who fled the fighting began returning to their homes on Monday, local officials in Anbar province said.",
    "Prime Minister Adel Abdul Mahdi thanked the security forces and promised money to rebuild the damaged districts.",
]


def scrape(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def test_headings_and_list_items_inside_the_article_are_kept() -> None:
    text = scrape("Home", "World", "Sport", PROSE[0], "What happens next", PROSE[1], "First step", "Second step", *PROSE[2:], "Contact us")
    article = extract_article(RawDocument("x.txt", text, "text/plain"))
    assert article.paragraphs == (PROSE[0], "What happens next", PROSE[1], "First step", "Second step", *PROSE[2:])


def test_comments_after_the_article_are_never_the_body() -> None:
    comment = "I think the army should have gone in much earlier, everyone knew the town was held by the group for months."
    text = scrape(*PROSE, "34 responses to \u201cIraqi forces retake Qaim\u201d", *(f"{comment} ({i})" for i in range(12)))
    article = extract_article(RawDocument("x.txt", text, "text/plain"))
    assert article.paragraphs == tuple(PROSE)


def test_a_list_of_teasers_loses_to_the_article() -> None:
    teasers = []
    for i in range(8):
        teasers += [f"KICKER {i}", f"Headline number {i}", f"A one-sentence teaser for another story, number {i}, that runs on for a while."]
    text = scrape(*PROSE, "Share", *teasers)
    article = extract_article(RawDocument("x.txt", text, "text/plain"))
    assert article.paragraphs == tuple(PROSE)
