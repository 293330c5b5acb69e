"""One flat record per event (first source and target actor as the dyad), shared by the csv and parquet exports."""

from __future__ import annotations

from typing import Any

# Column name -> type (for parquet): the event's flat form, in output order.
FLAT_COLUMNS: dict[str, str] = {
    "id": "int", "document_id": "int", "date": "str", "date_precision": "str",
    "source_country": "str", "source_sector": "str", "source_text": "str", "source_name": "str", "source_actors": "str",
    "target_country": "str", "target_sector": "str", "target_text": "str", "target_name": "str", "target_actors": "str",
    "plover": "str", "mode": "str", "cameo": "str", "quad": "int", "goldstein": "float",
    "acled_event_type": "str", "acled_sub_event_type": "str",
    "location_name": "str", "location_country": "str", "location_admin1": "str", "lat": "float", "lon": "float",
    "negated": "bool", "hypothetical": "bool", "confidence": "float",
    "trigger": "str", "sentence": "str", "rule": "str", "url": "str", "title": "str", "published": "str",
}  # fmt: skip


def actor_codes(actors: list[dict[str, Any]]) -> str:
    """Every actor on one side as COUNTRY/SECTOR codes, ``;``-separated (``---`` for an unknown country)."""
    return ";".join(f"{a.get('country') or '---'}/{a.get('sector') or ''}".rstrip("/") for a in actors)


def document_url(row: dict[str, Any]) -> str | None:
    """The document's URL, or where it was read from when it has none."""
    doc = row.get("document") or {}
    return doc.get("url") or doc.get("source")


def flatten(row: dict[str, Any]) -> dict[str, Any]:
    src = row["source"][0] if row["source"] else {}
    tgt = row["target"][0] if row["target"] else {}
    loc = row.get("location") or {}
    evidence = row["evidence"]
    return {
        "id": row["id"], "document_id": row["document_id"], "date": row["date"], "date_precision": row["date_precision"],
        "source_country": src.get("country"), "source_sector": src.get("sector"), "source_text": src.get("text"),
        "source_name": src.get("name"), "source_actors": actor_codes(row["source"]),
        "target_country": tgt.get("country"), "target_sector": tgt.get("sector"), "target_text": tgt.get("text"),
        "target_name": tgt.get("name"), "target_actors": actor_codes(row["target"]),
        "plover": row["plover"], "mode": row["mode"], "cameo": row["cameo"], "quad": row["quad"], "goldstein": row["goldstein"],
        "acled_event_type": row.get("acled_event_type"), "acled_sub_event_type": row.get("acled_sub_event_type"),
        "location_name": loc.get("name"), "location_country": loc.get("country"), "location_admin1": loc.get("admin1"),
        "lat": loc.get("lat"), "lon": loc.get("lon"),
        "negated": bool(row["negated"]), "hypothetical": bool(row["hypothetical"]), "confidence": row["confidence"],
        "trigger": evidence["trigger"]["text"], "sentence": evidence["sentence"], "rule": row["rule"],
        "url": document_url(row), "title": (row.get("document") or {}).get("title"),
        "published": (row.get("document") or {}).get("published"),
    }  # fmt: skip
