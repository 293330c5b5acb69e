"""Actor resolution: countries, capitals, demonyms, roles, named actors, context and coreference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.actors import resolve_words
from eventwire.mentions import resolve_mentions
from eventwire.nlp import load_model
from eventwire.settings import Settings


def _resolve(text: str, day: str | None = "2020-06-24"):
    nlp = load_model(Settings().model)
    return resolve_words([t.text for t in nlp.tokenizer(text)], day=day)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Washington", "USA", "GOV"),
        ("Tehran", "IRN", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("the United States", "USA", None),
        ("U.S.", "USA", None),
        ("Britain", "GBR", None),
        ("Iraqis", "IRQ", None),
        ("ordinary Iraqis", "IRQ", "CVL"),
        ("Shanghai authorities", "CHN", "GOV"),
        ("People's Liberation Army", "CHN", "MIL"),
        ("American troops", "USA", "MIL"),
        ("Iranian officials", "IRN", "GOV"),
        ("Iran's parliament speaker", "IRN", "LEG"),
        ("Iraqi protesters", "IRQ", "CVL"),
        ("Popular Mobilization Units", "IRQ", "UAF"),
        ("Hezbollah", "LBN", "UAF"),
        ("ISIS", None, "REB"),
    ],
)
def test_phrases(text: str, country: str | None, sector: str | None) -> None:
    res = _resolve(text)
    assert (res.country, res.sector) == (country, sector), res.rule


def test_a_capital_naming_a_place_is_not_an_actor() -> None:
    assert _resolve("Baghdad Airport").empty


def test_lowercase_us_is_not_the_united_states() -> None:
    assert _resolve("let us talk").country is None


def test_backed_qualifier_is_not_the_actor_country() -> None:
    assert _resolve("Iranian-backed militias").country is None
    assert _resolve("anti-American militias").country is None


def test_context_beats_the_dictionary() -> None:
    res = _resolve("Iraqi Prime Minister-designate Mustafa al-Kadhimi", day="2020-04-10")
    assert (res.country, res.sector) == ("IRQ", "GOV")


def test_office_holders_change_with_the_date() -> None:
    assert _resolve("Mustafa al-Kadhimi", day="2019-01-01").sector == "SPY"
    assert _resolve("Mustafa al-Kadhimi", day="2020-06-24").sector == "GOV"


def test_every_resolution_says_its_rule() -> None:
    for text in ("Washington", "Iraqis", "Hezbollah", "Iranian officials"):
        assert _resolve(text).rule not in ("", "none")


def test_coreference_surname_and_title(seed_path: Path) -> None:
    text = (
        "Mustafa al-Kadhimi, former director of Iraq's National Intelligence Service, was sworn in last month as prime minister. "
        "Kadhimi has been vocal. Particularly, the prime minister has cracked down on militias."
    )
    actors = {a.text: a for a in resolve_mentions(text, day="2020-06-24")}
    assert actors["Kadhimi"].name == "Mustafa al-Kadhimi" and actors["Kadhimi"].rule.startswith("coref:surname")
    assert actors["the prime minister"].name == "Mustafa al-Kadhimi"
    assert (actors["the prime minister"].country, actors["the prime minister"].sector) == ("IRQ", "GOV")


def test_seed_actors(seed_path: Path) -> None:
    """Every actor in expected.json resolves to its country and sector in the seed page's context."""
    from eventwire.pipeline import process_document
    from eventwire.readers import read_inputs

    expected = json.loads((seed_path.parent / "expected.json").read_text())["actors"]
    raw = next(i for i in read_inputs([str(seed_path)]))
    result = process_document(raw)
    assert result.article is not None
    in_events = [a for e in result.events for a in (*e.source, *e.target)]
    mentions = resolve_mentions("\n\n".join([*result.article.captions, result.article.body]), day="2020-06-24")
    by_name = {e["text"]: e for e in expected}
    for item in expected:
        want = by_name[item["same_as"]] if "same_as" in item else item
        pool = [a for a in in_events if item["text"] in a.text] or [a for a in mentions if a.text.endswith(item["text"])]
        assert pool, f"{item['text']!r} not found"
        actor = pool[0]
        if "same_as" in item:
            assert actor.name == item["same_as"], (item["text"], actor)
        assert (actor.country, actor.sector) == (want["country"], want["sector"]), (item["text"], actor)
