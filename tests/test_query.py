"""The query library: every filter, every aggregation with exact numbers, parse_filter, and migration 2 (events FTS).

The corpus below is built by hand (three documents, nine events, one claim; ids follow insertion order) and is
shared with tests/export and tests/commands. Events 3 (hypothetical) and 8 (negated) are modal, so the default
filter sees 1, 2, 4, 5, 6, 7 and 9.

| id | doc | date | source -> target | PLOVER / CAMEO | quad | Goldstein | place | conf |
|---|---|---|---|---|---|---|---|---|
| 1 | 1 | 2019-12-29 | USA/MIL -> IRQ/UAF (Kataib Hezbollah) | ASSAULT 195 | 4 | -10 | Al-Qaim IQ.01 | 0.9 |
| 2 | 1 | 2019-12-30 | IRQ/GOV (Adel Abdul Mahdi) -> USA | ACCUSE 112 | 3 | -2 | Baghdad IQ.07 | 0.8 |
| 3 | 1 | 2020-01-02 | USA -> IRQ (hypothetical) | THREATEN 138 | 3 | -7 | - | 0.6 |
| 4 | 2 | 2020-01-08 | IRN/MIL -> USA/MIL | ASSAULT 194 | 4 | -10 | Al Asad Airbase IQ.01 | 0.95 |
| 5 | 2 | 2020-01-08 | IRQ/GOV -> IRN | ACCUSE 111 | 3 | -2 | Baghdad IQ.07 | 0.7 |
| 6 | 2 | 2020-01 | USA + IRQ -> IRN | COERCE 163 | 4 | -8 | - | 0.5 |
| 7 | 3 | 2020-02-03 | IRQ/CVL -> IRQ/GOV | PROTEST 141 | 4 | -6.5 | Basra IQ.02 | 0.85 |
| 8 | 3 | 2020-05-07 | USA/GOV (Mike Pompeo) -> IRQ/GOV (Mustafa al-Kadhimi) (negated) | CONSULT 040 | 1 | 1 | Washington US.DC | 0.75 |
| 9 | 3 | 2020 | IRQ/GOV -> nobody | - 010 | 1 | 0 | - | 0.4 |
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from eventwire import query
from eventwire.errors import BadQuery, EventwireError
from eventwire.query import EventFilter, parse_filter
from eventwire.records import Actor, Article, Claim, DocumentResult, Event, Evidence, Location, RawDocument, Span
from eventwire.store import MIGRATIONS, Store

BAGHDAD = (33.34, 44.40)


def actor(text: str, country: str | None, sector: str | None = None, name: str | None = None) -> Actor:
    return Actor(text, 0, len(text), name, country, sector, 0.8, f"test:{text}")


def place(name: str, country: str, admin1: str | None, lat: float, lon: float, precision: str = "city") -> Location:
    return Location(name, 0, len(name), name, country, admin1, lat, lon, precision, "test:place")


def event(
    sentence: str,
    trigger: str,
    source: tuple[Actor, ...],
    target: tuple[Actor, ...],
    cameo: str,
    plover: str | None,
    quad: int,
    goldstein: float,
    date: str | None,
    *,
    start: int,
    mode: str | None = None,
    precision: str = "day",
    location: Location | None = None,
    confidence: float = 0.8,
    negated: bool = False,
    hypothetical: bool = False,
    acled: tuple[str | None, str | None] = (None, None),
) -> Event:
    at = sentence.index(trigger)
    return Event(
        source=source, target=target, plover=plover, mode=mode, cameo=cameo, quad=quad, goldstein=goldstein,
        date=date, date_precision=precision, location=location, negated=negated, hypothetical=hypothetical,
        confidence=confidence, evidence=Evidence(sentence, start, start + len(sentence), Span(trigger, start + at, start + at + len(trigger))),
        rule=f"test:{cameo}", date_rule="test", acled_event_type=acled[0], acled_sub_event_type=acled[1],
    )  # fmt: skip


def _document(source: str, url: str | None, title: str, published: str, body: str, events: tuple[Event, ...],
              claims: tuple[Claim, ...] = ()) -> DocumentResult:  # fmt: skip
    metadata = (("url", url),) if url else ()
    raw = RawDocument(source, body.encode(), "text/plain", metadata=metadata)
    article = Article(source, title, ("Reporter",), published, "day", None, "example", "en", tuple(body.split("\n\n")))
    return DocumentResult(raw, article, events, claims)


S1 = "The United States struck Kataib Hezbollah bases in Iraq on Sunday."
S2 = "Prime Minister Adel Abdul Mahdi condemned the American strikes."
S3 = "Washington will strike again, officials warned."
S4 = "Iran fired ballistic missiles at Ain al-Asad air base."
S5 = "The Iraqi government condemned the missile attack as a violation of sovereignty."
S6 = "The United States and Iraq imposed sanctions on Iran in January."
S7 = "Thousands of protesters rallied in Basra against the government."  # from a caption: not in the body
S8 = "Pompeo did not meet Kadhimi in Washington."
S9 = "Iraq said it would review ties."
CLAIM = "It was the 29th attack against American troops since October."


def documents() -> list[DocumentResult]:
    usa = actor("The United States", "USA")
    doc1 = (
        event(S1, "struck", (actor("The United States", "USA", "MIL"),), (actor("Kataib Hezbollah", "IRQ", "UAF", "Kataib Hezbollah"),),
              "195", "ASSAULT", 4, -10.0, "2019-12-29", start=0, mode="heavy-weapons", confidence=0.9,
              location=place("Al-Qaim", "IRQ", "IQ.01", 34.37, 41.09), acled=("Explosions/Remote violence", "Air/drone strike")),
        event(S2, "condemned", (actor("Prime Minister Adel Abdul Mahdi", "IRQ", "GOV", "Adel Abdul Mahdi"),), (usa,),
              "112", "ACCUSE", 3, -2.0, "2019-12-30", start=len(S1) + 2, mode="disapprove",
              location=place("Baghdad", "IRQ", "IQ.07", *BAGHDAD)),
        event(S3, "strike", (actor("Washington", "USA"),), (actor("Iraq", "IRQ"),), "138", "THREATEN", 3, -7.0, "2020-01-02",
              start=len(S1) + len(S2) + 4, mode="violence", confidence=0.6, hypothetical=True),
    )  # fmt: skip
    doc2 = (
        event(S4, "fired", (actor("Iran", "IRN", "MIL"),), (actor("American troops", "USA", "MIL"),), "194", "ASSAULT", 4, -10.0,
              "2020-01-08", start=0, mode="heavy-weapons", confidence=0.95,
              location=place("Al Asad Airbase", "IRQ", "IQ.01", 33.80, 42.44, "facility"),
              acled=("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        event(S5, "condemned", (actor("The Iraqi government", "IRQ", "GOV"),), (actor("Iran", "IRN"),), "111", "ACCUSE", 3, -2.0,
              "2020-01-08", start=len(S4) + 2, mode="disapprove", confidence=0.7, location=place("Baghdad", "IRQ", "IQ.07", *BAGHDAD)),
        event(S6, "imposed", (usa, actor("Iraq", "IRQ")), (actor("Iran", "IRN"),), "163", "COERCE", 4, -8.0, "2020-01",
              start=len(S4) + len(S5) + 4, mode="restrict", precision="month", confidence=0.5),
    )  # fmt: skip
    doc3 = (
        event(S7, "rallied", (actor("protesters", "IRQ", "CVL"),), (actor("the government", "IRQ", "GOV"),), "141", "PROTEST", 4, -6.5,
              "2020-02-03", start=0, mode="demo", confidence=0.85, location=place("Basra", "IRQ", "IQ.02", 30.51, 47.78),
              acled=("Protests", "Peaceful protest")),
        event(S8, "meet", (actor("Pompeo", "USA", "GOV", "Mike Pompeo"),), (actor("Kadhimi", "IRQ", "GOV", "Mustafa al-Kadhimi"),),
              "040", "CONSULT", 1, 1.0, "2020-05-07", start=40, confidence=0.75, negated=True,
              location=place("Washington", "USA", "US.DC", 38.90, -77.04)),
        event(S9, "said", (actor("Iraq", "IRQ", "GOV"),), (), "010", None, 1, 0.0, "2020", start=90, precision="year", confidence=0.4),
    )  # fmt: skip
    claim_start = len(S4) + len(S5) + len(S6) + 6
    claim = Claim(29, "ASSAULT", "USA", "2019-10", None,
                  Evidence(CLAIM, claim_start, claim_start + len(CLAIM), Span("attack", claim_start + 15, claim_start + 21)), "test:claim")  # fmt: skip
    return [
        _document("a1.html", "https://www.example.com/a1", "US strikes militia bases", "2019-12-29",
                  "\n\n".join((S1, S2, S3)), doc1),
        _document("b.html", "https://news.example.org/b", "Rockets hit Green Zone", "2020-01-08T09:00:00+00:00",
                  "\n\n".join((S4, S5, S6, CLAIM)), doc2, (claim,)),
        _document("scrape.txt", None, "Protest in Basra", "2020-02-03",
                  "Thousands rallied in Basra.\n\n" + S8 + "\n\n" + S9, doc3),
    ]  # fmt: skip


def build_store(path: Path) -> Store:
    store = Store(path)
    for result in documents():
        store.add_result(result)
    return store


def ids(rows: list[dict[str, Any]]) -> list[int]:
    return [int(r["id"]) for r in rows]


@pytest.fixture
def store(db_path: Path) -> Store:
    return build_store(db_path)


# -- filters -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (EventFilter(), [1, 2, 4, 5, 6, 7, 9]),
        (EventFilter(include_modal=True), [1, 2, 3, 4, 5, 6, 7, 8, 9]),
        (EventFilter(actor="USA"), [1, 2, 4, 6]),
        (EventFilter(actor="usa"), [1, 2, 4, 6]),
        (EventFilter(actor="IRQ/GOV"), [2, 5, 7, 9]),
        (EventFilter(actor="IRQGOV"), [2, 5, 7, 9]),
        (EventFilter(actor="IRQ-GOV"), [2, 5, 7, 9]),
        (EventFilter(actor="IRQ/"), [1, 2, 5, 6, 7, 9]),
        (EventFilter(actor="MIL"), [1, 4]),
        (EventFilter(actor="/CVL"), [7]),
        (EventFilter(actor="Kataib"), [1]),
        (EventFilter(actor="abdul mahdi"), [2]),
        (EventFilter(actor="Kadhimi"), []),
        (EventFilter(actor="Kadhimi", include_modal=True), [8]),
        (EventFilter(source="USA"), [1, 6]),
        (EventFilter(source="IRQ"), [2, 5, 6, 7, 9]),
        (EventFilter(target="USA"), [2, 4]),
        (EventFilter(target="IRQ/GOV", include_modal=True), [7, 8]),
        (EventFilter(dyad="USA-IRQ"), [1]),
        (EventFilter(dyad="USA-IRQ", undirected=True), [1, 2]),
        (EventFilter(dyad="usa-irq", include_modal=True), [1, 3, 8]),
        (EventFilter(dyad="USA-IRN"), [6]),  # the primary dyad: USA is the first of two sources
        (EventFilter(dyad="IRQ-IRN"), [5]),
        (EventFilter(dyad="IRQ----"), [9]),
        (EventFilter(plover=("ASSAULT",)), [1, 4]),
        (EventFilter(plover=("assault", "ACCUSE")), [1, 2, 4, 5]),
        (EventFilter(mode="HEAVY-WEAPONS"), [1, 4]),
        (EventFilter(mode="demo"), [7]),
        (EventFilter(cameo="19"), [1, 4]),
        (EventFilter(cameo="195"), [1]),
        (EventFilter(cameo="01"), [9]),
        (EventFilter(quad=4), [1, 4, 6, 7]),
        (EventFilter(quad=3), [2, 5]),
        (EventFilter(since="2020"), [4, 5, 6, 7, 9]),
        (EventFilter(since="2020-01-08"), [4, 5, 7]),
        (EventFilter(since="2020-01", until="2020-01"), [4, 5, 6]),
        (EventFilter(until="2019"), [1, 2]),
        (EventFilter(until="2019-12-29"), [1]),
        (EventFilter(country="IRQ"), [1, 2, 4, 5, 7]),
        (EventFilter(country="usa", include_modal=True), [8]),
        (EventFilter(admin1="IQ.07"), [2, 5]),
        (EventFilter(admin1="iq.01"), [1, 4]),
        (EventFilter(near=(*BAGHDAD, 50)), [2, 5]),
        (EventFilter(near=(*BAGHDAD, 250)), [2, 4, 5]),  # Al Asad is 189 km from Baghdad
        (EventFilter(near=(*BAGHDAD, 400)), [1, 2, 4, 5]),  # Al-Qaim 326 km
        (EventFilter(near=(*BAGHDAD, 500)), [1, 2, 4, 5, 7]),  # Basra 448 km
        (EventFilter(near=(89.9, 0.0, 100)), []),
        (EventFilter(text="sanctions"), [4, 5, 6]),  # sentence 6, and so its article
        (EventFilter(text="protesters government"), [7]),  # the sentence only (it is a caption, not in the body)
        (EventFilter(text="Green Zone"), [4, 5, 6]),  # the article title
        (EventFilter(text="condemned"), [1, 2, 4, 5, 6]),  # sentences 2 and 5, and so their articles
        (EventFilter(text="Rockets -- hit!"), [4, 5, 6]),  # punctuation is not FTS syntax
        (EventFilter(text="Basra zzzz"), []),
        (EventFilter(min_confidence=0.8), [1, 2, 4, 7]),
        (EventFilter(document_id=2), [4, 5, 6]),
        (EventFilter(actor="IRQ", quad=4, since="2020"), [6, 7]),
    ],
)
def test_filter(store: Store, f: EventFilter, expected: list[int]) -> None:
    assert ids(query.search_events(store, f, order="id")) == expected
    assert query.count_events(store, f) == len(expected)


def test_near_across_the_antimeridian(db_path: Path) -> None:
    store = Store(db_path)
    far = event("Fiji protested.", "protested", (actor("Fiji", "FJI"),), (), "141", "PROTEST", 4, -6.5, "2020-01-01",
                start=0, location=place("Islet", "FJI", None, -16.0, -179.9))  # fmt: skip
    store.add_result(_document("fiji.txt", None, "Fiji", "2020-01-01", "Fiji protested.", (far,)))
    assert ids(query.search_events(store, EventFilter(near=(-16.0, 179.9, 50)))) == [1]  # 21 km across the date line
    assert ids(query.search_events(store, EventFilter(near=(-16.0, 179.0, 50)))) == []  # 96 km


def test_haversine() -> None:
    assert query.haversine_km(*BAGHDAD, *BAGHDAD) == 0
    assert query.haversine_km(*BAGHDAD, 30.51, 47.78) == pytest.approx(448.0, abs=0.5)


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("date", [1, 2, 9, 6, 4, 5, 7]),  # dates compare as text: 2020 < 2020-01 < 2020-01-08
        ("-date", [7, 4, 5, 6, 9, 2, 1]),
        ("confidence", [9, 6, 5, 2, 7, 1, 4]),
        ("-confidence", [4, 1, 7, 2, 5, 6, 9]),
        ("id", [1, 2, 4, 5, 6, 7, 9]),
    ],
)
def test_order(store: Store, order: str, expected: list[int]) -> None:
    assert ids(query.search_events(store, EventFilter(), order=order)) == expected


def test_limit_offset_and_row_shape(store: Store) -> None:
    rows = query.search_events(store, EventFilter(), order="id", limit=2, offset=1)
    assert ids(rows) == [2, 4]
    assert ids(query.search_events(store, EventFilter(), order="id", limit=None, offset=5)) == [7, 9]
    assert rows == [store.event(2), store.event(4)]  # the shape of Store.event/Store.events
    assert rows[1]["document"] == {"source": "b.html", "url": "https://news.example.org/b", "title": "Rockets hit Green Zone",
                                   "published": "2020-01-08T09:00:00+00:00"}  # fmt: skip
    assert ids(list(query.iter_events(store, EventFilter(), batch=2))) == [1, 2, 4, 5, 6, 7, 9]


def test_store_events_delegates_with_its_old_defaults(store: Store) -> None:
    assert ids(store.events()) == [8, 7, 4, 5, 3, 6, 9, 2, 1]  # newest first, modal events included
    assert ids(store.events(actor="IRQ/GOV", plover="accuse", include_modal=False)) == [5, 2]
    assert ids(store.events(limit=2)) == [8, 7]


# -- aggregations ------------------------------------------------------------------------------------


def _ts(period: str, count: int, total: float, mean: float, q1: int = 0, q2: int = 0, q3: int = 0, q4: int = 0) -> dict[str, Any]:
    return {"period": period, "count": count, "goldstein_sum": total, "goldstein_mean": mean,
            "quad1": q1, "quad2": q2, "quad3": q3, "quad4": q4}  # fmt: skip


@pytest.mark.parametrize(
    ("by", "f", "expected"),
    [
        ("month", EventFilter(), [_ts("2019-12", 2, -12.0, -6.0, q3=1, q4=1), _ts("2020-01", 3, -20.0, -6.667, q3=1, q4=2),
                                  _ts("2020-02", 1, -6.5, -6.5, q4=1)]),
        ("year", EventFilter(), [_ts("2019", 2, -12.0, -6.0, q3=1, q4=1), _ts("2020", 5, -26.5, -5.3, q1=1, q3=1, q4=3)]),
        ("day", EventFilter(), [_ts("2019-12-29", 1, -10.0, -10.0, q4=1), _ts("2019-12-30", 1, -2.0, -2.0, q3=1),
                                _ts("2020-01-08", 2, -12.0, -6.0, q3=1, q4=1), _ts("2020-02-03", 1, -6.5, -6.5, q4=1)]),
        ("week", EventFilter(), [_ts("2019-12-23", 1, -10.0, -10.0, q4=1), _ts("2019-12-30", 1, -2.0, -2.0, q3=1),
                                 _ts("2020-01-06", 2, -12.0, -6.0, q3=1, q4=1), _ts("2020-02-03", 1, -6.5, -6.5, q4=1)]),
        ("month", EventFilter(dyad="USA-IRQ", include_modal=True), [_ts("2019-12", 1, -10.0, -10.0, q4=1),
                                                                    _ts("2020-01", 1, -7.0, -7.0, q3=1),
                                                                    _ts("2020-05", 1, 1.0, 1.0, q1=1)]),
        ("month", EventFilter(dyad="USA-IRQ", undirected=True), [_ts("2019-12", 2, -12.0, -6.0, q3=1, q4=1)]),
    ],
)  # fmt: skip
def test_timeseries(store: Store, by: str, f: EventFilter, expected: list[dict[str, Any]]) -> None:
    assert query.timeseries(store, f, by) == expected


def test_by_dyad(store: Store) -> None:
    def row(s: str, t: str, total: float) -> dict[str, Any]:
        return {"source": s, "target": t, "count": 1, "goldstein_sum": total, "goldstein_mean": total}

    assert query.by_dyad(store, EventFilter()) == [
        row("IRN", "USA", -10.0), row("IRQ", "---", 0.0), row("IRQ", "IRN", -2.0), row("IRQ", "IRQ", -6.5),
        row("IRQ", "USA", -2.0), row("USA", "IRN", -8.0), row("USA", "IRQ", -10.0),
    ]  # fmt: skip
    assert query.by_dyad(store, EventFilter(actor="IRN", include_modal=True)) == [
        row("IRN", "USA", -10.0), row("IRQ", "IRN", -2.0), row("USA", "IRN", -8.0),
    ]  # fmt: skip
    assert query.by_dyad(store, EventFilter(quad=3, include_modal=True), by="year") == [
        {"period": "2019", "source": "IRQ", "target": "USA", "count": 1, "goldstein_sum": -2.0, "goldstein_mean": -2.0},
        {"period": "2020", "source": "IRQ", "target": "IRN", "count": 1, "goldstein_sum": -2.0, "goldstein_mean": -2.0},
        {"period": "2020", "source": "USA", "target": "IRQ", "count": 1, "goldstein_sum": -7.0, "goldstein_mean": -7.0},
    ]


def test_by_dyad_counts_and_sums(db_path: Path) -> None:
    store = build_store(db_path)
    more = tuple(
        event(f"Iran attacked US forces again ({n}).", "attacked", (actor("Iran", "IRN"),), (actor("US forces", "USA", "MIL"),),
              "190", "ASSAULT", 4, -10.0, "2020-01-09", start=n * 50)
        for n in range(3)
    )  # fmt: skip
    store.add_result(_document("more.txt", None, "More", "2020-01-09", "More attacks.", more))
    top = query.by_dyad(store, EventFilter())[0]
    assert top == {"source": "IRN", "target": "USA", "count": 4, "goldstein_sum": -40.0, "goldstein_mean": -10.0}


def test_by_type(store: Store) -> None:
    assert query.by_type(store, EventFilter()) == [
        {"plover": "ACCUSE", "count": 2, "goldstein_mean": -2.0},
        {"plover": "ASSAULT", "count": 2, "goldstein_mean": -10.0},
        {"plover": None, "count": 1, "goldstein_mean": 0.0},
        {"plover": "COERCE", "count": 1, "goldstein_mean": -8.0},
        {"plover": "PROTEST", "count": 1, "goldstein_mean": -6.5},
    ]


def test_network(store: Store) -> None:
    graph = query.network(store, EventFilter())
    assert graph["nodes"] == [
        {"id": "IRQ", "label": "Iraq", "events": 4},  # IRQ -> IRQ (event 7) counts once
        {"id": "USA", "label": "United States", "events": 4},
        {"id": "IRN", "label": "Iran", "events": 3},
    ]
    assert graph["edges"] == [
        {"source": "IRN", "target": "USA", "weight": 1, "quad": 4, "goldstein_sum": -10.0},
        {"source": "IRQ", "target": "IRN", "weight": 1, "quad": 3, "goldstein_sum": -2.0},
        {"source": "IRQ", "target": "IRQ", "weight": 1, "quad": 4, "goldstein_sum": -6.5},
        {"source": "IRQ", "target": "USA", "weight": 1, "quad": 3, "goldstein_sum": -2.0},
        {"source": "USA", "target": "IRN", "weight": 1, "quad": 4, "goldstein_sum": -8.0},
        {"source": "USA", "target": "IRQ", "weight": 1, "quad": 4, "goldstein_sum": -10.0},
    ]
    modal = query.network(store, EventFilter(dyad="USA-IRQ", include_modal=True))
    assert modal["edges"] == [
        {"source": "USA", "target": "IRQ", "weight": 1, "quad": 1, "goldstein_sum": 1.0},
        {"source": "USA", "target": "IRQ", "weight": 1, "quad": 3, "goldstein_sum": -7.0},
        {"source": "USA", "target": "IRQ", "weight": 1, "quad": 4, "goldstein_sum": -10.0},
    ]
    assert modal["nodes"] == [{"id": "IRQ", "label": "Iraq", "events": 3}, {"id": "USA", "label": "United States", "events": 3}]


def test_top_actors(store: Store) -> None:
    rows = query.top_actors(store, EventFilter())
    assert [r["actor"] for r in rows] == ["IRQ/GOV", "IRN", "USA", "USA/MIL", "IRN/MIL", "IRQ", "IRQ/CVL", "IRQ/UAF"]
    assert rows[0] == {"actor": "IRQ/GOV", "country": "IRQ", "sector": "GOV", "events": 4, "as_source": 3, "as_target": 1}
    assert rows[3] == {"actor": "USA/MIL", "country": "USA", "sector": "MIL", "events": 2, "as_source": 1, "as_target": 1}
    assert [r["actor"] for r in query.top_actors(store, EventFilter(), n=3)] == ["IRQ/GOV", "IRN", "USA"]
    assert query.top_actors(store, EventFilter(text="Kadhimi", include_modal=True)) == [  # document 3: events 7, 8, 9
        {"actor": "IRQ/GOV", "country": "IRQ", "sector": "GOV", "events": 3, "as_source": 1, "as_target": 2},
        {"actor": "IRQ/CVL", "country": "IRQ", "sector": "CVL", "events": 1, "as_source": 1, "as_target": 0},
        {"actor": "USA/GOV", "country": "USA", "sector": "GOV", "events": 1, "as_source": 1, "as_target": 0},
    ]


def test_claims(store: Store) -> None:
    rows = query.claims(store, EventFilter())
    assert len(rows) == 1
    claim = rows[0]
    assert claim["count"] == 29 and claim["event_plover"] == "ASSAULT" and claim["target_country"] == "USA"
    assert claim["evidence"]["sentence"] == CLAIM and claim["document_id"] == 2
    assert claim["events"] == [4]  # the ASSAULT on USA in the same document, not the ACCUSE or the COERCE
    assert query.claims(store, EventFilter(min_confidence=0.99))[0]["events"] == []
    assert query.claims(store, EventFilter(plover=("PROTEST",))) == []
    assert len(query.claims(store, EventFilter(dyad="IRN-USA"))) == 1
    assert query.claims(store, EventFilter(target="IRQ")) == []
    assert query.claims(store, EventFilter(since="2020-02")) == []
    assert query.claims(store, EventFilter(document_id=1)) == []


def test_documents(store: Store) -> None:
    docs = query.documents(store)
    assert [(d["id"], d["source"], d["events"]) for d in docs] == [(1, "a1.html", 3), (2, "b.html", 3), (3, "scrape.txt", 3)]
    assert docs[2] == {"id": 3, "source": "scrape.txt", "url": None, "title": "Protest in Basra", "published": "2020-02-03",
                       "site": "example", "language": "en", "events": 3}  # fmt: skip
    assert [d["id"] for d in query.documents(store, text="green zone")] == [2]
    assert [d["id"] for d in query.documents(store, limit=1, offset=1)] == [2]


# -- parameters and errors ---------------------------------------------------------------------------


def test_parse_filter() -> None:
    f = parse_filter({
        "actor": "IRQ/GOV", "dyad": "USA-IRQ", "undirected": "true", "type": ["assault,accuse", "PROTEST"], "cameo": "19",
        "quad": "4", "since": "2020", "until": "2020-06-30", "country": "IRQ", "near": "33.3, 44.4, 50", "text": "rocket",
        "min-confidence": "0.5", "include_modal": "1", "document_id": "3", "mode": "", "limit": "10", "order": "-date",
    })  # fmt: skip
    assert f == EventFilter(actor="IRQ/GOV", dyad="USA-IRQ", undirected=True, plover=("ASSAULT", "ACCUSE", "PROTEST"), cameo="19",
                            quad=4, since="2020", until="2020-06-30", country="IRQ", near=(33.3, 44.4, 50.0), text="rocket",
                            min_confidence=0.5, include_modal=True, document_id=3)  # fmt: skip
    assert parse_filter({}) == EventFilter()
    assert parse_filter({"plover": ["ASSAULT", "ASSAULT"], "since": ["2020", "2020"]}) == EventFilter(plover=("ASSAULT",), since="2020")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"since": "2020-13"}, "YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"until": "last week"}, "YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"quad": "5"}, "quad must be 1, 2, 3 or 4"),
        ({"quad": "four"}, "quad must be a whole number"),
        ({"type": "BOMB"}, "unknown PLOVER type 'BOMB'"),
        ({"near": "33.3,44.4"}, "LAT,LON,KM"),
        ({"near": "95,44.4,10"}, "latitude in -90..90"),
        ({"near": "33,44,0"}, "radius above 0"),
        ({"dyad": "USA"}, "SOURCE-TARGET"),
        ({"dyad": "USA-IRQ-IRN"}, "SOURCE-TARGET"),
        ({"actor": "IRQ/G0V"}, "COUNTRY/SECTOR"),
        ({"cameo": "1"}, "2 to 4 digits"),
        ({"country": "Iraq"}, "ISO 3166 alpha-3"),
        ({"min_confidence": "high"}, "between 0 and 1"),
        ({"min_confidence": "1.5"}, "between 0 and 1"),
        ({"include_modal": "maybe"}, "true or false"),
        ({"since": ["2020", "2019"]}, "given 2 times"),
        ({"text": "!!!"}, "no words"),
    ],
)
def test_parse_filter_rejects(params: dict[str, str | list[str]], message: str) -> None:
    with pytest.raises(BadQuery, match=message) as caught:
        parse_filter(params)
    assert caught.value.code == "E050" and isinstance(caught.value, EventwireError)


def test_bad_values_are_rejected_by_every_function(store: Store) -> None:
    with pytest.raises(BadQuery, match="order must be one of"):
        query.search_events(store, EventFilter(), order="newest")
    with pytest.raises(BadQuery, match="by must be one of"):
        query.timeseries(store, EventFilter(), by="fortnight")
    with pytest.raises(BadQuery, match="by must be one of"):
        query.by_dyad(store, EventFilter(), by="decade")
    with pytest.raises(BadQuery, match="quad"):
        query.count_events(store, EventFilter(quad=0))
    with pytest.raises(BadQuery, match="negative"):
        query.search_events(store, EventFilter(), limit=-1)


def test_values_travel_as_parameters_not_sql(store: Store) -> None:
    sneaky = "x') OR 1=1 --"
    assert query.search_events(store, EventFilter(actor=sneaky, include_modal=True)) == []
    assert query.search_events(store, EventFilter(admin1=sneaky)) == []
    assert query.count_events(store, EventFilter(include_modal=True)) == 9  # nothing was dropped or altered


# -- migration 2 -------------------------------------------------------------------------------------


def test_migration_2_indexes_events_already_stored(db_path: Path) -> None:
    build_store(db_path).close()
    conn = sqlite3.connect(db_path)  # make it a version-1 database holding events
    conn.executescript("DROP TRIGGER events_fts_ai; DROP TRIGGER events_fts_ad; DROP TRIGGER events_fts_au;"
                       " DROP TABLE events_fts; PRAGMA user_version = 1;")  # fmt: skip
    conn.close()
    store = Store(db_path)
    assert store.schema_version == len(MIGRATIONS)
    assert ids(query.search_events(store, EventFilter(text="protesters"), order="id")) == [7]  # in no article body
    hits = store.conn.execute("SELECT rowid FROM events_fts WHERE events_fts MATCH 'sanctions'").fetchall()
    assert [h[0] for h in hits] == [6]


def test_events_fts_follows_deletes(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM documents WHERE id = 2")
    assert query.search_events(store, EventFilter(text="ballistic")) == []
    assert store.conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'condemned'").fetchone()[0] == 1
