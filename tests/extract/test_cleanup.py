"""Chrome left in an extracted body: cue lines, related-link blocks, the headline again, bylines, dates."""

from __future__ import annotations

import pytest

from eventwire.extract.cleanup import SCRAPE_SHORT, clean_paragraphs, cue_kind, is_byline, is_caption, title_variants

BODY = "Iraqi forces retook the town of Qaim on Sunday after three days of fighting with militants."
MORE = "The defence ministry said the army had cleared the last neighbourhoods held by the group."


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sign up for our daily newsletter", "boilerplate"),
        ("© 2019 Example News. All rights reserved.", "boilerplate"),
        ("Related coverage", "related"),
        ("You may also like...", "related"),
        ("Read more: Iraq's parliament votes to expel US troops", "lead"),
        ("[Related: How the strike on Soleimani unfolded]", "lead"),
        ("Advertisement", "line"),
        ("The dispute goes back years and shows no sign of ending… Read more", "tail"),
        ("This website uses cookies to improve your experience. " + "We respect your privacy. " * 20, "boilerplate"),
        ("34 responses to “Rockets hit the Green Zone”", "end"),
        (BODY, None),
        ("He said the army would join the offensive in the coming days.", None),
    ],
)
def test_cue_kind(text: str, kind: str | None) -> None:
    assert cue_kind(text) == kind


def test_a_long_paragraph_that_mentions_a_cue_is_not_chrome() -> None:
    text = "Subscribe to the idea, officials said, " + " ".join(["and the talks went on for hours"] * 6) + "."
    assert len(text.split()) >= 40
    assert cue_kind(text) is None
    assert cue_kind(text, short=SCRAPE_SHORT) == "boilerplate"


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        ("By Jane Doe", True),
        ("By DANICA KIRKA and JILL LAWLESS", True),
        ("Por Josh Max", True),
        ("By the time he arrived, it was over.", False),
        ("by far the largest strike in years", False),
    ],
)
def test_is_byline(text: str, byline: bool) -> None:
    assert is_byline(text) is byline


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Image caption Protesters gathered outside the embassy", True),
        ("Protesters outside the embassy in Baghdad. (AP Photo/Khalid Mohammed)", True),
        ("Smoke rises over the airport. Credit: Getty Images", True),
        ("Smoke rises over the airport. REUTERS/Thaier al-Sudani", True),
        ("The ministry confirmed the strike, according to Reuters.", False),
        ("WASHINGTON (AP) \u2014 Two rockets hit the Green Zone late on Sunday, officials said.", False),
        ("Die elektronische Patientenakte (ePA)", False),
        (BODY, False),
    ],
)
def test_is_caption(text: str, caption: bool) -> None:
    assert is_caption(text) is caption


def test_title_variants_split_off_the_site_name() -> None:
    assert title_variants(["Rockets hit Green Zone | Example News"]) == {
        "rockets hit green zone example news",
        "rockets hit green zone",
    }


def test_clean_drops_headline_byline_date_and_a_related_block() -> None:
    paragraphs = [
        "Rockets hit Green Zone",
        "By Jane Doe",
        "January 8, 2020",
        BODY,
        "Related stories",
        "Iran vows revenge",
        "Iraq's parliament votes",
        MORE,
        "Share",
    ]
    assert clean_paragraphs(paragraphs, titles=["Rockets hit Green Zone - Example News"]) == [BODY, MORE]


def test_clean_keeps_a_heading_equal_to_the_title_after_the_opening() -> None:
    paragraphs = [BODY, MORE, "Background", "Rockets hit Green Zone", BODY]
    assert clean_paragraphs(paragraphs, titles=["Rockets hit Green Zone"]) == paragraphs
