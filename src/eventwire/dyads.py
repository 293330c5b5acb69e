"""`eventwire code` records: events of a text, and the verdict for a marked (source, target) pair."""

from __future__ import annotations

from typing import Any

from .pipeline import code_text, get_coder
from .records import Event
from .settings import Settings
from .timex import parse_day


def _span(text: str, needle: object) -> tuple[int, int] | None:
    if not isinstance(needle, str) or not needle:
        return None
    at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else None


def _overlaps(actors: tuple[Any, ...], span: tuple[int, int]) -> bool:
    """An actor mention overlaps the span (a place standing in for an unnamed target is no mention)."""
    return any(
        a.start < span[1] and span[0] < a.end and not a.rule.startswith(("location-as-target", "unattributed-in"))
        for a in actors
    )


def dyad_event(events: tuple[Event, ...], source: tuple[int, int], target: tuple[int, int]) -> Event | None:
    """The event whose source covers ``source`` and target covers ``target`` (either way for symmetric events)."""
    best: Event | None = None
    for event in events:
        if event.plover is None:
            continue
        forward = _overlaps(event.source, source) and _overlaps(event.target, target)
        backward = event.plover in ("CONSULT", "AGREE", "COOPERATE") and _overlaps(event.source, target) and _overlaps(event.target, source)
        if (forward or backward) and (best is None or event.confidence > best.confidence):
            best = event
    return best


def code_record(record: dict[str, Any], settings: Settings | None = None) -> dict[str, Any]:
    text = str(record["text"])
    result = code_text(text, published=parse_day(record.get("date")), settings=settings)
    out: dict[str, Any] = {"id": record.get("id"), "events": [e.to_dict() for e in result.events]}
    if result.claims:
        out["claims"] = [c.to_dict() for c in result.claims]
    if "source" in record and "target" in record:
        src, tgt = _span(text, record["source"]), _span(text, record["target"])
        chosen = dyad_event(result.events, src, tgt) if src and tgt else None
        if chosen is None and (src or tgt):
            chosen = get_coder((settings or Settings()).model).code_pair(
                text, src or (0, 0), tgt or (0, 0), published=parse_day(record.get("date"))
            )
        out["dyad_event"] = chosen.to_dict() if chosen else None
    return out
