"""The body by agreement: vote between trafilatura's two runs and readability-lxml, rescue, gap filling."""

from __future__ import annotations

import pytest

from eventwire.extract.body import GramSet, fill_gaps, is_prose, locate, rescue, vote

P1 = "Iraqi forces retook the town of Qaim on Sunday after three days of fighting with militants."
P2 = "The defence ministry said the army had cleared the last neighbourhoods held by the group."
P3 = "Residents who fled the fighting began returning to their homes on Monday, officials said."
NAV = "Home | World | Sport"
PROMO = "Sign up for our daily newsletter"


def test_gramset_share_tolerates_trimmed_links() -> None:
    grams = GramSet(["Iraqi forces retook the town on Sunday after fighting with militants."])
    assert grams.share("Iraqi forces retook the town of Qaim on Sunday after three days of fighting") < 0.9
    assert grams.share("Iraqi forces retook the town") == 1.0
    assert grams.share("") == 1.0


@pytest.mark.parametrize(
    ("text", "prose"),
    [(P1, True), ("Short line.", False), ("THE WHOLE LINE IS SHOUTED IN CAPITAL LETTERS HERE.", False), (NAV, False)],
)
def test_is_prose(text: str, prose: bool) -> None:
    assert is_prose(text) is prose


def test_vote_keeps_the_span_the_precision_run_confirms() -> None:
    default = [NAV, P1, "Background", P2, P3, PROMO]
    precise = [P1, P2, P3]
    assert vote(default, precise, readable=[]) == [P1, "Background", P2, P3]


def test_vote_keeps_long_prose_outside_the_span_when_readability_has_it() -> None:
    extra = "An official in Baghdad, who spoke on condition of anonymity, said more operations against the remaining cells would follow in the coming weeks."
    default = [P1, P2, extra, PROMO]
    assert vote(default, [P1, P2], readable=[P1, P2, extra]) == [P1, P2, extra]
    assert vote(default, [P1, P2], readable=[P1, P2]) == [P1, P2]


def test_vote_without_a_precision_run_returns_the_default_run() -> None:
    assert vote([NAV, P1], [], [P1]) == [NAV, P1]


def test_rescue_adds_the_continuation_trafilatura_missed() -> None:
    tail = [f"Paragraph {i} of the second half goes on with the story of the offensive and what it means." for i in range(12)]
    readable = [P1, P2, *tail, "Share"]
    assert rescue([P1, P2], readable) == [P1, P2, *tail]


def test_rescue_ignores_a_short_continuation() -> None:
    assert rescue([P1, P2], [P1, P2, P3]) == [P1, P2]


def test_fill_gaps_puts_back_a_list_between_two_body_paragraphs() -> None:
    readable = [P1, "First item", "Second item", P2, "Unrelated footer"]
    assert fill_gaps([P1, P2], readable) == [P1, "First item", "Second item", P2]


def test_fill_gaps_does_not_insert_between_paragraphs_that_are_not_adjacent_in_the_body() -> None:
    readable = [P1, "Sidebar item", P3]
    assert fill_gaps([P1, P2, P3], readable) == [P1, P2, P3]


def test_locate_finds_the_holding_paragraph() -> None:
    assert locate([P1, P2], [P2, P1, NAV]) == [1, 0, None]
