"""Events as an ACLED-style CSV: ACLED's columns, for the events that have an ACLED event type.

How the columns are filled:

* ``event_id_cnty`` is the event country's ISO3 code + the event id; the event country is the location's
  country, else the first target's, else the first source's. ``iso`` is its ISO 3166 numeric code, ``region``
  its ACLED region, ``country`` its name (``data/ontology/countries.tsv``).
* ``event_date`` is YYYY-MM-DD (a month- or year-precise date as its first day) with ``time_precision``
  1/2/3 from the date precision, ``geo_precision`` from the location precision (``data/export/acled-precision.tsv``).
* ``disorder_type`` from the event and sub-event type (``data/export/acled-disorder.tsv``).
* Actors: the first source is ``actor1``, the other sources ``assoc_actor_1``, the same for targets. The
  name and ``inter`` code come from the actor's sector (``data/export/acled-actors.tsv``); a state actor
  outside its own country is external (inter 8); non-state sources of protests and riots are protesters and
  rioters. ``interaction`` is the two inter codes, lower first (``60`` when there is no second actor).
* ``civilian_targeting`` is ``Civilian targeting`` for violence against civilians or political violence with a
  civilian target. ``admin1`` holds eventwire's admin1 code (``IQ.07``); ``admin2``/``admin3`` stay empty.
* ``source`` is the document's web site (or file), ``notes`` the evidence sentence, ``fatalities`` 0
  (eventwire does not count them), ``tags`` the negated/hypothetical flags, ``timestamp`` the publication time
  as Unix seconds.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from .flat import document_url
from .tables import acled_actor_rules, acled_disorder, acled_precision, country

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
STATE = 1
EXTERNAL = 8
CIVILIANS = 7


def write_acled(rows: Iterable[dict[str, Any]], path: str | Path) -> int:
    count = 0
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(ACLED_COLUMNS))
        writer.writeheader()
        for row in rows:
            record = acled_record(row)
            if record is not None:
                writer.writerow(record)
                count += 1
    return count


def acled_record(row: dict[str, Any]) -> dict[str, Any] | None:
    """The ACLED columns of one event row, or None when the event has no ACLED type."""
    event_type = row.get("acled_event_type")
    if not event_type:
        return None
    sub_type = row.get("acled_sub_event_type") or ""
    loc = row.get("location") or {}
    where = loc.get("country") or _first_country(row["target"]) or _first_country(row["source"])
    place = country(where)
    doc = row.get("document") or {}
    date = row.get("date") or doc.get("published") or ""
    day = _iso_day(date)
    precision = acled_precision()
    actor1, inter1 = _acled_actor(row["source"][0], event_type, where, "source") if row["source"] else ("", None)
    actor2, inter2 = _acled_actor(row["target"][0], event_type, where, "target") if row["target"] else ("", None)
    disorder = acled_disorder().get((event_type, sub_type), "")
    civilian = event_type == "Violence against civilians" or ("Political violence" in disorder and inter2 == CIVILIANS)
    return {
        "event_id_cnty": f"{where or 'XXX'}{row['id']}",
        "event_date": day,
        "year": day[:4] if day else "",
        "time_precision": precision.get(("time_precision", row.get("date_precision") or ""), 3) if row.get("date") else 2,
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": actor1,
        "assoc_actor_1": "; ".join(_acled_actor(a, event_type, where, "source")[0] for a in row["source"][1:]),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(_acled_actor(a, event_type, where, "target")[0] for a in row["target"][1:]),
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": place.iso_numeric if place else "",
        "region": place.acled_region if place else "",
        "country": place.name if place else "",
        "admin1": loc.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": precision.get(("geo_precision", loc.get("precision") or ""), "") if loc else "",
        "source": _site(row),
        "source_scale": "",
        "notes": row["evidence"]["sentence"],
        "fatalities": 0,
        "tags": "; ".join(flag for flag in ("negated", "hypothetical") if row.get(flag)),
        "timestamp": _timestamp(doc.get("published")),
    }


def _first_country(actors: list[dict[str, Any]]) -> str | None:
    return next((a["country"] for a in actors if a.get("country")), None)


def _acled_actor(actor: dict[str, Any], event_type: str, where: str | None, role: str) -> tuple[str, int | None]:
    """ACLED actor name and inter code of one eventwire actor."""
    rules = acled_actor_rules()
    iso3 = actor.get("country")
    sector = (actor.get("sector") or "")[:3].upper()
    label = actor.get("name") or actor.get("text") or ""
    rule = rules.get(sector) if sector else (rules.get("-") if iso3 else None)
    if role == "source" and (rule is None or rule.inter != STATE) and f"@{event_type}" in rules:
        rule = rules[f"@{event_type}"]
    if rule is None:
        return label, None
    home = country(iso3 or where)
    name = (actor.get("name") if rule.use_name and actor.get("name") else
            rule.actor.format(country=home.name if home else "International", name=label))
    inter = rule.inter
    if inter == STATE and iso3 and where and iso3 != where:
        inter = EXTERNAL
    return name or label, inter


def _interaction(inter1: int | None, inter2: int | None) -> str:
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return ""
    return f"{codes[0]}{codes[1] if len(codes) > 1 else 0}"


def _iso_day(value: str) -> str:
    parts = value[:10].split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return ""
    return "-".join([parts[0], *(parts[1:] + ["01", "01"])[:2]])


def _site(row: dict[str, Any]) -> str:
    url = document_url(row) or ""
    host = urlparse(url).hostname if "://" in url else None
    if host:
        return host.removeprefix("www.")
    return Path(url).name


def _timestamp(published: str | None) -> int | str:
    if not published:
        return ""
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())
