"""Typed records passed between pipeline stages, and their one JSON form.

RawDocument -> Article -> [Event] (+ [Claim]); IngestError for anything that fails.
Every record is a frozen, slotted dataclass; ``to_dict`` is the only place JSON is made.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as read, before extraction.

    ``content`` is bytes for files and pages, text for inputs that arrive as text
    (a JSON Lines ``text`` field). ``metadata`` carries what the container knew
    (feed title, entry date, JSONL ``published``/``title``, WARC capture date).
    """

    source: str
    content: bytes | str
    media_type: str
    fetched: datetime | None = None
    metadata: tuple[tuple[str, str], ...] = ()

    @property
    def content_hash(self) -> str:
        data = self.content.encode("utf-8") if isinstance(self.content, str) else self.content
        digest = hashlib.sha256()
        digest.update(self.media_type.encode("ascii", "replace") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def meta(self, key: str) -> str | None:
        for k, v in self.metadata:
            if k == key:
                return v
        return None


@dataclass(frozen=True, slots=True)
class Article:
    """The article extracted from a document: metadata plus body paragraphs."""

    source: str
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    published_precision: str
    page_date: str | None
    site: str | None
    language: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...] = ()
    credit: str | None = None
    author_bio: str | None = None
    published_text: str | None = None
    extractor: str = ""

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published,
            "published_precision": self.published_precision,
            "page_date": self.page_date,
            "site": self.site,
            "language": self.language,
            "body": self.body,
            "captions": list(self.captions),
            "credit": self.credit,
            "author_bio": self.author_bio,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved to a country and a sector."""

    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    sector: str | None
    confidence: float
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, geocoded offline."""

    text: str
    start: int
    end: int
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: str
    start: int
    end: int
    trigger: Span

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": asdict(self.trigger),
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when and where, with its evidence."""

    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    plover: str | None
    mode: str | None
    cameo: str
    quad: int
    goldstein: float
    date: str | None
    date_precision: str
    location: Location | None
    negated: bool
    hypothetical: bool
    confidence: float
    evidence: Evidence
    rule: str
    date_rule: str = ""
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None

    @property
    def key(self) -> str:
        """A stable identity inside one document: trigger offsets plus type and dyad."""
        src = ",".join(a.country or "-" for a in self.source)
        tgt = ",".join(a.country or "-" for a in self.target)
        raw = f"{self.evidence.trigger.start}:{self.evidence.trigger.end}:{self.cameo}:{src}>{tgt}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": [_actor_json(a) for a in self.source],
            "target": [_actor_json(a) for a in self.target],
            "plover": self.plover,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad": self.quad,
            "goldstein": self.goldstein,
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence.to_dict(),
            "rule": self.rule,
            "date_rule": self.date_rule,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
        }


def _actor_json(actor: Actor) -> dict[str, Any]:
    return {
        "text": actor.text,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "start": actor.start,
        "end": actor.end,
        "confidence": round(actor.confidence, 3),
        "rule": actor.rule,
    }


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence that states a count of events ("the 29th attack ... since October")."""

    count: int
    event_plover: str | None
    target_country: str | None
    period_from: str | None
    period_to: str | None
    evidence: Evidence
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "event_plover": self.event_plover,
            "target_country": self.target_country,
            "period_from": self.period_from,
            "period_to": self.period_to,
            "evidence": self.evidence.to_dict(),
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class IngestError:
    """A document that failed, with where and why; the batch goes on."""

    source: str
    stage: str
    error_type: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What the pipeline made of one document: an article and its events, or an error."""

    raw: RawDocument
    article: Article | None
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    error: IngestError | None = None
    coded: bool = True
    timings: tuple[tuple[str, float], ...] = field(default=())
