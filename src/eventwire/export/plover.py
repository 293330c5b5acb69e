"""Events as PLOVER/POLECAT-style JSON Lines, one object per event that has a PLOVER type.

Each record has POLECAT's flat fields (``event_type``, ``mode``, ``context``, ``source_actor``,
``source_country``, ``source_agent``, the same for the target, ``country``, ``story_date``, ``headline``,
``event_text``) plus the full actor lists, the location, the CAMEO code and eventwire's confidence. ``context``
is a list, from the CAMEO code's context in ``data/ontology/cameo.tsv``. Events with no PLOVER type (CAMEO
statements and appeals, which PLOVER drops) are not written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..ontology import load_ontology
from .flat import document_url


def write_plover(rows: Iterable[dict[str, Any]], path: str | Path) -> int:
    count = 0
    with Path(path).open("w", encoding="utf-8") as fh:
        for row in rows:
            record = plover_record(row)
            if record is not None:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    return count


def plover_record(row: dict[str, Any]) -> dict[str, Any] | None:
    """The PLOVER record of one event row, or None when the event has no PLOVER type."""
    if not row.get("plover"):
        return None
    doc = row.get("document") or {}
    src = row["source"][0] if row["source"] else {}
    tgt = row["target"][0] if row["target"] else {}
    loc = row.get("location")
    return {
        "id": f"eventwire-{row['id']}",
        "date": row.get("date"),
        "date_precision": row.get("date_precision"),
        "event_type": row["plover"],
        "mode": row.get("mode"),
        "context": _context(row["cameo"]),
        "source_actor": src.get("name") or src.get("text"),
        "source_text": src.get("text"),
        "source_country": src.get("country"),
        "source_agent": src.get("sector"),
        "target_actor": tgt.get("name") or tgt.get("text"),
        "target_text": tgt.get("text"),
        "target_country": tgt.get("country"),
        "target_agent": tgt.get("sector"),
        "source": [_actor(a) for a in row["source"]],
        "target": [_actor(a) for a in row["target"]],
        "country": (loc or {}).get("country"),
        "location": None if not loc else {k: loc.get(k) for k in ("name", "country", "admin1", "lat", "lon", "precision")},
        "negated": bool(row.get("negated")),
        "hypothetical": bool(row.get("hypothetical")),
        "cameo": row["cameo"],
        "quad": row["quad"],
        "goldstein": row["goldstein"],
        "story_id": row["document_id"],
        "story_date": doc.get("published"),
        "headline": doc.get("title"),
        "event_text": row["evidence"]["sentence"],
        "trigger": row["evidence"]["trigger"]["text"],
        "url": document_url(row),
        "confidence": row["confidence"],
        "rule": row.get("rule"),
    }


def _actor(actor: dict[str, Any]) -> dict[str, Any]:
    code = (actor.get("country") or "") + (actor.get("sector") or "")
    return {"text": actor.get("text"), "name": actor.get("name"), "country": actor.get("country"),
            "agent": actor.get("sector"), "code": code or None}


def _context(cameo: str) -> list[str]:
    try:
        found = load_ontology().get(cameo).context
    except DataFileError:
        return []
    return [c.strip() for c in (found or "").split("|") if c.strip()]
