"""Event places: from the event's own sentence, geocoded offline, with the rule that found them."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.geo import load_gazetteer
from eventwire.pipeline import code_text, get_coder
from eventwire.settings import Settings


def _locate(text: str, verb: str):
    start = text.index(verb)
    return get_coder(Settings().model).locate(text, start, start + len(verb))


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        ("Gunmen killed three civilians near the city of Mosul on Sunday.", "killed", "Mosul"),
        ("A rocket landed inside Baghdad Airport, close to where US forces are based.", "landed", "Baghdad Airport"),
        ("Rebels captured Jaffna after a week of fighting.", "captured", "Jaffna"),
        ("Two soldiers were killed in the Manbij campaign.", "killed", "Manbij"),
        ("A bomb detonated in the town of Mussaiyab, some 80 km south of Baghdad.", "detonated", "Mussaiyab"),
    ],
)
def test_place_of_event(text: str, verb: str, place: str) -> None:
    found = _locate(text, verb)
    assert found is not None and place in found.text, found


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Rustum was killed in the recent battles.", "killed"),
        ("Two fighters were killed, according to the YPG Media Center in Qamishli.", "killed"),
        ("A cab driver from Abidjan was shot to death by police officers.", "shot"),
    ],
)
def test_no_place(text: str, verb: str) -> None:
    assert _locate(text, verb) is None


def test_geocoded_with_country_coordinates_and_rule() -> None:
    event = next(e for e in code_text("Iraqi forces attacked militants in Mosul on Monday.", published=date(2020, 6, 24)).events)
    loc = event.location
    assert loc is not None and loc.country == "IRQ" and loc.precision == "city"
    assert loc.lat is not None and 35 < loc.lat < 38 and loc.rule.startswith("place:")


def test_facility_precision() -> None:
    loc = _locate("A rocket landed inside Baghdad Airport.", "landed")
    assert loc is not None and loc.precision == "facility" and loc.country == "IRQ"


def test_ambiguous_names_prefer_the_article_countries() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Alexandria", ("EGY",)).country == "EGY"  # type: ignore[union-attr]
    assert gazetteer.lookup("Alexandria", ("USA",)).country == "USA"  # type: ignore[union-attr]


def test_territory_of_a_country() -> None:
    event = next(e for e in code_text("The US airstrike killed the general on Iraqi soil.", published=date(2020, 6, 24)).events)
    assert event.location is not None and event.location.country == "IRQ" and event.location.precision == "country"


def test_a_date_is_not_a_place_and_a_state_is() -> None:
    from eventwire.pipeline import code_text

    events = code_text("Russia is conducting military exercises in Alaska.").events
    assert events and events[0].location is not None
    assert (events[0].location.text, events[0].location.country, events[0].location.precision) == ("Alaska", "USA", "admin1")
    dated = code_text("Israel said a mortar bomb was fired at it from Gaza in the first such attack since the war ended on Aug 26.")
    assert all(e.location is None or e.location.name != "Augusta" for e in dated.events)
