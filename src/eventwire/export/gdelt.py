"""Events as a GDELT 2.0 events table: tab-separated, no header (unless asked), the 61 columns in GDELT's order.

What is filled and how:

* ``GLOBALEVENTID`` is the event id; ``SQLDATE``/``MonthYear``/``Year``/``FractionDate`` come from the event date
  (a month- or year-precise date is written as its first day; an undated event takes the publication date);
  ``FractionDate`` is ``YEAR + DAY_OF_YEAR / 365`` to four decimals, as in GDELT's files (20150218 -> 2015.1342).
* Actor1/Actor2 are the first source and target actor: code ``USAGOV`` (country + sector), upper-case name
  (without a leading "the"),
  country code, and the sector's three-letter codes as Type1-3. Known-group, ethnic and religion codes stay empty.
* ``IsRootEvent`` is 1 for an event coded from the lead sentence of its document (evidence offset 0).
* ``EventCode``, ``EventBaseCode`` (3 digits), ``EventRootCode`` (2 digits), ``QuadClass``, ``GoldsteinScale``;
  ``NumMentions``/``NumSources``/``NumArticles`` are 1 and ``AvgTone`` 0 (eventwire does not count mentions or tone).
* Geography: the event location fills ``ActionGeo_*``; it is the only place eventwire ties to an event, so
  ``Actor1Geo_*`` and ``Actor2Geo_*`` repeat it. Type codes by ``data/export/gdelt-geotype.tsv``; country codes
  are FIPS 10-4 as in GDELT (``data/ontology/countries.tsv``); ``ADM1Code`` is FIPS country + admin1 code.
  ``ADM2Code`` stays empty; ``FeatureID`` is the FIPS code for a country and empty otherwise.
* ``DATEADDED`` is the document's publication time (YYYYMMDDHHMMSS); ``SOURCEURL`` its URL (or source path).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from .flat import document_url
from .tables import country, gdelt_columns, gdelt_geo_types


def write_gdelt(rows: Iterable[dict[str, Any]], path: str | Path, *, header: bool = False) -> int:
    columns = gdelt_columns()
    count = 0
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        if header:
            fh.write("\t".join(columns) + "\n")
        for row in rows:
            record = gdelt_record(row)
            fh.write("\t".join(_cell(record.get(name)) for name in columns) + "\n")
            count += 1
    return count


def gdelt_record(row: dict[str, Any]) -> dict[str, Any]:
    """The GDELT columns of one event row (absent keys are empty cells)."""
    doc = row.get("document") or {}
    day = _day(row.get("date")) or _day(doc.get("published"))
    record: dict[str, Any] = {"GLOBALEVENTID": row["id"]}
    if day:
        record |= {"SQLDATE": day, "MonthYear": day[:6], "Year": day[:4], "FractionDate": _fraction(day)}
    for number, actors in ((1, row["source"]), (2, row["target"])):
        if actors:
            record |= _actor(f"Actor{number}", actors[0])
    cameo: str = row["cameo"]
    evidence = row["evidence"]
    record |= {
        "IsRootEvent": 1 if evidence.get("start") == 0 else 0,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3] if len(cameo) >= 3 else cameo + "0",
        "EventRootCode": cameo[:2],
        "QuadClass": row["quad"],
        "GoldsteinScale": row["goldstein"],
        "NumMentions": 1,
        "NumSources": 1,
        "NumArticles": 1,
        "AvgTone": 0,
    }
    geo = _geo(row.get("location"))
    for prefix in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
        record |= {f"{prefix}_{key}": value for key, value in geo.items()}
    published = re.sub(r"\D", "", str(doc.get("published") or ""))
    added = (published[:14].ljust(14, "0") if len(published) >= 8 else (day + "000000" if day else None))
    record |= {"DATEADDED": added, "SOURCEURL": document_url(row)}
    return record


def _day(value: str | None) -> str | None:
    """YYYYMMDD from an ISO date as precise as known; missing month/day become 01."""
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not match:
        return None
    return match.group(1) + (match.group(2) or "01") + (match.group(3) or "01")


def _fraction(day: str) -> str | None:
    try:
        moment = date(int(day[:4]), int(day[4:6]), int(day[6:]))
    except ValueError:
        return None
    return f"{moment.year + moment.timetuple().tm_yday / 365:.4f}"


def _actor(prefix: str, actor: dict[str, Any]) -> dict[str, Any]:
    iso3 = actor.get("country")
    sector = actor.get("sector") or ""
    types = re.findall(r"[A-Z]{3}", sector)[:3]
    out: dict[str, Any] = {
        f"{prefix}Code": (iso3 or "") + sector,
        f"{prefix}Name": re.sub(r"^THE\s+", "", (actor.get("name") or actor.get("text") or "").upper()),
        f"{prefix}CountryCode": iso3,
    }
    for index, code in enumerate(types, start=1):
        out[f"{prefix}Type{index}Code"] = code
    return out


def _geo(location: dict[str, Any] | None) -> dict[str, Any]:
    if not location:
        return {"Type": 0}
    iso3 = location.get("country")
    place = country(iso3)
    fips = place.fips if place else ""
    precision = location.get("precision") or "city"
    geo_types = gdelt_geo_types()
    geo_type = geo_types.get((precision, "*")) or geo_types.get((precision, "yes" if iso3 == "USA" else "no"), 4)
    name = location.get("name") or ""
    full = name if not place or name == place.name else f"{name}, {place.name}"
    admin1 = location.get("admin1") or ""
    adm1_code = fips + admin1.split(".", 1)[1] if fips and "." in admin1 else fips
    return {
        "Type": geo_type,
        "FullName": full,
        "CountryCode": fips,
        "ADM1Code": adm1_code,
        "Lat": location.get("lat"),
        "Long": location.get("lon"),
        "FeatureID": fips if geo_type == 1 else "",
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return re.sub(r"[\t\r\n]+", " ", str(value))
