"""A database built by hand (documents, events, actors, a claim, errors; one hostile article) and a real
uvicorn server on loopback in a background thread, for the API and the dashboard tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from eventwire.records import Actor, Article, Claim, DocumentResult, Event, Evidence, IngestError, Location, RawDocument, Span
from eventwire.store import Store

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = '"><img src=x onerror=alert(2)>'
HOSTILE_TITLE = f"Breaking {HOSTILE_SCRIPT} news {HOSTILE_IMG}"
HOSTILE_SENTENCE = f"Iran threatened the United States {HOSTILE_SCRIPT} over the strike {HOSTILE_IMG} on Tuesday."
HOSTILE_BODY = f"Opening paragraph {HOSTILE_IMG} with markup.\n\n{HOSTILE_SENTENCE}\n\nClosing {HOSTILE_SCRIPT} paragraph."

BAGHDAD = (33.3406, 44.4009)
AIN_AL_ASAD = (33.8, 42.44)


@dataclass(frozen=True)
class Spec:
    """One hand-made event: the sentence in the body, its trigger, actor words, type and date."""

    sentence: str
    trigger: str
    source: tuple[str, str | None, str | None]  # (text, country, sector)
    target: tuple[str, str | None, str | None]
    plover: str | None
    cameo: str
    quad: int
    goldstein: float
    date: str
    place: tuple[str, str, float, float] | None = None  # (text, name, lat, lon)
    negated: bool = False


def _actor(body: str, start_at: int, spec: tuple[str, str | None, str | None]) -> Actor:
    text, country, sector = spec
    start = body.index(text, start_at)
    return Actor(text, start, start + len(text), None, country, sector, 0.8, f"test:actor:{text}")


def make_event(body: str, spec: Spec) -> Event:
    s = body.index(spec.sentence)
    t = body.index(spec.trigger, s)
    location = None
    if spec.place:
        text, name, lat, lon = spec.place
        p = body.index(text, s)
        location = Location(text, p, p + len(text), name, "IRQ", "Baghdad", lat, lon, "city", "test:geo")
    return Event(
        source=(_actor(body, s, spec.source),),
        target=(_actor(body, s, spec.target),),
        plover=spec.plover, mode=None, cameo=spec.cameo, quad=spec.quad, goldstein=spec.goldstein,
        date=spec.date, date_precision="day", location=location, negated=spec.negated, hypothetical=False,
        confidence=0.8, evidence=Evidence(spec.sentence, s, s + len(spec.sentence), Span(spec.trigger, t, t + len(spec.trigger))),
        rule=f"test:lexicon:{spec.trigger}->{spec.cameo}", date_rule="test:timex",
    )  # fmt: skip


def document(name: str, title: str, published: str, paragraphs: list[str], specs: list[Spec], claims: tuple[Claim, ...] = ()) -> DocumentResult:
    body = "\n\n".join(paragraphs)
    raw = RawDocument(name, (title + "\n\n" + body).encode("utf-8"), "text/plain", metadata=(("url", f"https://news.example/{name}"),))
    article = Article(name, title, ("Reporter",), published, "day", None, "news.example", "en", tuple(paragraphs), extractor="test")
    return DocumentResult(raw, article, tuple(make_event(body, s) for s in specs), claims)


STRIKE = "US forces launched an airstrike on a convoy near Baghdad airport on Friday."
MEETING = "Prime Minister Mustafa al-Kadhimi met US officials in Baghdad on Thursday."
MISSILES = "Iran fired ballistic missiles at Ain al-Asad air base on Wednesday."
AID = "Washington sent medical aid to Iraq on Monday."
DENIAL = "The United States did not attack Iraqi forces on Sunday."


def corpus() -> list[DocumentResult]:
    """Four ordinary documents and a hostile one; 8 events (one negated) in 2020-01, 2020-03 and 2020-06."""
    strike_claim = Claim(2, "ASSAULT", "USA", "2019-10", "2020-01", Evidence(STRIKE, 0, len(STRIKE), Span("airstrike", 24, 33)), "test:claim")
    return [
        document("strike.txt", "US strike near Baghdad airport", "2020-01-03",
                 [STRIKE, "Iraq condemned the United States after the strike, officials said."],
                 [Spec(STRIKE, "airstrike", ("US forces", "USA", "MIL"), ("convoy", "IRQ", None), "ASSAULT", "195", 4, -10.0,
                       "2020-01-03", ("Baghdad", "Baghdad", *BAGHDAD)),
                  Spec("Iraq condemned the United States after the strike, officials said.", "condemned",
                       ("Iraq", "IRQ", "GOV"), ("United States", "USA", None), "ACCUSE", "111", 3, -2.0, "2020-01-03")],
                 (strike_claim,)),
        document("missiles.txt", "Iran fires missiles at US base", "2020-01-08",
                 [MISSILES],
                 [Spec(MISSILES, "fired", ("Iran", "IRN", None), ("Ain al-Asad air base", "USA", "MIL"), "ASSAULT", "195", 4, -10.0,
                       "2020-01-08", ("Ain al-Asad", "Ain al-Asad", *AIN_AL_ASAD))]),
        document("meeting.txt", "Kadhimi meets US officials", "2020-06-11",
                 [MEETING, AID, DENIAL],
                 [Spec(MEETING, "met", ("US officials", "USA", "GOV"), ("Mustafa al-Kadhimi", "IRQ", "GOV"), "CONSULT", "040", 1, 1.0,
                       "2020-06-11", ("Baghdad", "Baghdad", *BAGHDAD)),
                  Spec(AID, "sent", ("Washington", "USA", "GOV"), ("Iraq", "IRQ", None), "AID", "073", 2, 7.4, "2020-06-08"),
                  Spec(DENIAL, "attack", ("The United States", "USA", None), ("Iraqi forces", "IRQ", "MIL"), "ASSAULT", "190", 4,
                       -10.0, "2020-06-07", negated=True)]),
        document("march.txt", "US and Iraq talk", "2020-03-02",
                 ["The US ambassador urged Iraq to protect foreign troops on Monday."],
                 [Spec("The US ambassador urged Iraq to protect foreign troops on Monday.", "urged", ("The US ambassador", "USA", "GOV"),
                       ("Iraq", "IRQ", None), "REQUEST", "020", 1, 3.0, "2020-03-02")]),
        document("hostile.txt", HOSTILE_TITLE, "2020-03-10",
                 HOSTILE_BODY.split("\n\n"),
                 [Spec(HOSTILE_SENTENCE, "threatened", ("Iran", "IRN", None), ("United States", "USA", None), "THREATEN", "138", 3,
                       -7.0, "2020-03-10", (HOSTILE_SCRIPT, HOSTILE_IMG, *BAGHDAD))]),
    ]  # fmt: skip


HOSTILE_ERROR = IngestError(f"upload:{HOSTILE_SCRIPT}.txt", "read", "UnsupportedInput", f"binary content {HOSTILE_IMG}")


def build_database(path: Path) -> dict[str, Any]:
    """Write the corpus and two error records into a new database; returns ids by name."""
    store = Store(path)
    ids: dict[str, Any] = {}
    for result in corpus():
        outcome = store.add_result(result)
        ids[result.raw.source] = outcome.document_id
    store.add_error(IngestError("broken.bin", "read", "UnsupportedInput", "binary content (not text)"))
    store.add_error(HOSTILE_ERROR)
    rows = store.conn.execute("SELECT id, trigger_text FROM events ORDER BY id").fetchall()
    ids["events"] = {r["trigger_text"]: r["id"] for r in rows}
    store.close()
    return ids


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in a background thread; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on 127.0.0.1:{port}")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
