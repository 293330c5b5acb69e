"""Filters and aggregations over the event store: every analyst query, for the CLI, the HTTP API and exports.

An :class:`EventFilter` says which events to take; :func:`search_events` lists them (in the row shape of
``Store.events``) and the aggregations (:func:`timeseries`, :func:`by_dyad`, :func:`by_type`, :func:`network`,
:func:`top_actors`, :func:`claims`) summarise them. All SQL is parameterized; a bad filter value raises
:class:`~eventwire.errors.BadQuery` with what to write instead.

Conventions:

* ``actor``/``source``/``target`` match any actor on that side (coordinated actors included); ``dyad``, the
  dyad aggregations and the network use each event's primary dyad: the country of its first source and of
  its first target actor (``"---"`` when unknown), as GDELT's Actor1/Actor2 do.
* Dates are compared on their prefix: ``since="2020-01"`` keeps events dated ``2020-01-15`` and ``2020-01``,
  not ``2020``. Time series leave out events dated less precisely than the period (a ``2020-01`` event has
  no day); periods with no events are left out.
* Negated and hypothetical events are left out unless ``include_modal`` is set.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import BadQuery, StoreError
from .export.tables import countries
from .records import PLOVER_TYPES
from .store import Store, _event_row


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to take. Every field is optional; the default takes all events that are not negated or hypothetical."""

    actor: str | None = None  # either side: "USA", "IRQ/GOV" (or "IRQGOV"), a sector "MIL", or a name/text substring ("Kadhimi")
    source: str | None = None  # same syntax, source side only
    target: str | None = None  # same syntax, target side only
    dyad: str | None = None  # "USA-IRQ": primary source country USA and primary target country IRQ (directed)
    undirected: bool = False  # with dyad: either direction
    plover: tuple[str, ...] = ()  # PLOVER types (any of)
    mode: str | None = None
    cameo: str | None = None  # CAMEO code prefix, e.g. "19"
    quad: int | None = None  # 1..4
    since: str | None = None  # YYYY / YYYY-MM / YYYY-MM-DD, compared on the event date prefix
    until: str | None = None
    country: str | None = None  # event location country (ISO3)
    admin1: str | None = None  # event location admin1
    near: tuple[float, float, float] | None = None  # (lat, lon, radius_km) around the event location
    text: str | None = None  # full-text search over evidence sentences and article title/body
    min_confidence: float = 0.0
    include_modal: bool = False  # by default negated and hypothetical events are excluded
    document_id: int | None = None


ORDERS: dict[str, str] = {
    "date": "e.date IS NULL, e.date, e.id",
    "-date": "e.date IS NULL, e.date DESC, e.id",
    "confidence": "e.confidence, e.id",
    "-confidence": "e.confidence DESC, e.id",
    "id": "e.id",
}

# The SQL expression of each time-series period; NULL for events dated less precisely than the period.
_DAY = "substr(e.date, 1, 10)"
PERIODS: dict[str, str] = {
    "day": f"CASE WHEN length(e.date) >= 10 THEN {_DAY} END",
    "week": f"CASE WHEN length(e.date) >= 10 THEN date({_DAY}, '-' || ((CAST(strftime('%w', {_DAY}) AS INTEGER) + 6) % 7) || ' days') END",
    "month": "CASE WHEN length(e.date) >= 7 THEN substr(e.date, 1, 7) END",
    "year": "CASE WHEN length(e.date) >= 4 THEN substr(e.date, 1, 4) END",
}

# Parameter names parse_filter understands (hyphens may stand for underscores; "type" is "plover").
FILTER_KEYS: tuple[str, ...] = (
    "actor", "source", "target", "dyad", "undirected", "plover", "type", "mode", "cameo", "quad", "since", "until",
    "country", "admin1", "near", "text", "min_confidence", "include_modal", "document_id",
)  # fmt: skip

_EVENT_SELECT = (
    "SELECT e.*, d.source AS document_source, d.url AS document_url, a.title AS document_title,"
    " a.published AS document_published FROM events e JOIN documents d ON d.id = e.document_id"
    " LEFT JOIN articles a ON a.document_id = e.document_id"
)
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_CODE3 = re.compile(r"[A-Za-z]{3}")
_SECTOR = re.compile(r"[A-Za-z]{2,}")
_COUNTRY = re.compile(r"---|[A-Za-z]{3}")
_EARTH_KM = 6371.0088


# -- filters -----------------------------------------------------------------------------------------


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``events e``) and its parameters; raises BadQuery on a bad value."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        clauses.append(clause)
        params.extend(values)

    def add_built(built: tuple[str, list[Any]]) -> None:
        add(built[0], *built[1])

    for name, role in (("actor", None), ("source", "source"), ("target", "target")):
        spec = getattr(f, name)
        if spec is not None:
            add_built(_actor_clause(spec, role, name))
    if f.dyad is not None:
        add_built(_dyad_clause(f.dyad, f.undirected))
    if f.plover:
        types = [_plover(p) for p in f.plover]
        add(f"e.plover IN ({', '.join('?' * len(types))})", *types)
    if f.mode:
        add("lower(e.mode) = ?", f.mode.strip().lower())
    if f.cameo:
        code = f.cameo.strip()
        if not re.fullmatch(r"\d{2,4}", code):
            raise BadQuery(f"cameo must be a CAMEO code or prefix of 2 to 4 digits (e.g. 19 or 195), not {f.cameo!r}")
        add("substr(e.cameo, 1, ?) = ?", len(code), code)
    if f.quad is not None:
        if f.quad not in (1, 2, 3, 4):
            raise BadQuery(f"quad must be 1, 2, 3 or 4 (verbal/material cooperation, verbal/material conflict), not {f.quad!r}")
        add("e.quad = ?", f.quad)
    for name, op in (("since", ">="), ("until", "<=")):
        value = getattr(f, name)
        if value:
            if not _DATE.fullmatch(value):
                raise BadQuery(f"{name} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
            add(f"substr(e.date, 1, ?) {op} ?", len(value), value)
    if f.country:
        if not _CODE3.fullmatch(f.country.strip()):
            raise BadQuery(f"country must be an ISO 3166 alpha-3 code such as IRQ, not {f.country!r}")
        add("e.location_country = ?", f.country.strip().upper())
    if f.admin1:
        add("upper(e.location_admin1) = ?", f.admin1.strip().upper())
    if f.near is not None:
        add_built(_near_clause(f.near))
    if f.text is not None:
        match = fts_query(f.text)
        add("(e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"
            " OR e.document_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))", match, match)
    if f.min_confidence:
        if not 0.0 <= f.min_confidence <= 1.0:
            raise BadQuery(f"min_confidence must be between 0 and 1, not {f.min_confidence!r}")
        add("e.confidence >= ?", f.min_confidence)
    if not f.include_modal:
        add("e.negated = 0 AND e.hypothetical = 0")
    if f.document_id is not None:
        add("e.document_id = ?", int(f.document_id))
    return (" AND ".join(clauses) or "1"), params


def _actor_clause(spec: str, role: str | None, name: str) -> tuple[str, list[Any]]:
    """Events with an actor (on ``role``'s side, or either) matching a code or a name/text substring."""
    value = spec.strip()
    if not value:
        raise BadQuery(f"{name} is empty: give a country (USA), a sector (MIL), both (IRQ/GOV) or part of a name (Kadhimi)")
    cond, params = _actor_condition(value, name)
    if role is not None:
        cond += " AND role = ?"
        params.append(role)
    return f"e.id IN (SELECT event_id FROM actors WHERE {cond})", params


def _actor_condition(value: str, name: str) -> tuple[str, list[Any]]:
    code = re.fullmatch(r"([^/]*)/([^/]*)", value) or re.fullmatch(r"([A-Z]{3})-([A-Z]{3,})", value)
    if code:
        country, sector = code.group(1).strip(), code.group(2).strip()
        if (country and not _COUNTRY.fullmatch(country)) or (sector and not _SECTOR.fullmatch(sector)) or not (country or sector):
            raise BadQuery(f"{name} {value!r} is not COUNTRY/SECTOR: write e.g. IRQ/GOV, ---/MIL (unknown country) or USA/")
        conds: list[str] = []
        params: list[Any] = []
        if country == "---":
            conds.append("country IS NULL")
        elif country:
            conds.append("country = ?")
            params.append(country.upper())
        if sector:
            conds.append("upper(substr(sector, 1, ?)) = ?")
            params += [len(sector), sector.upper()]
        return " AND ".join(conds), params
    if _CODE3.fullmatch(value):  # a country or a sector code
        upper = value.upper()
        return "(country = ? OR upper(substr(sector, 1, 3)) = ?)", [upper, upper]
    if re.fullmatch(r"[A-Z]{6,}", value):  # a CAMEO-style code: IRQGOV, or a compound sector IGOUNOMIL
        return "((country = ? AND upper(substr(sector, 1, ?)) = ?) OR upper(substr(sector, 1, ?)) = ?)", [
            value[:3], len(value) - 3, value[3:], len(value), value,
        ]
    needle = value.lower()
    return "(instr(lower(text), ?) > 0 OR instr(lower(coalesce(name, '')), ?) > 0)", [needle, needle]


def _dyad_clause(dyad: str, undirected: bool) -> tuple[str, list[Any]]:
    match = re.fullmatch(r"\s*(---|[A-Za-z]{3})\s*-\s*(---|[A-Za-z]{3})\s*", dyad)
    if not match:
        raise BadQuery(f"dyad must be SOURCE-TARGET country codes such as USA-IRQ (--- for unknown), not {dyad!r}")
    src, tgt = (None if c == "---" else c.upper() for c in match.groups())
    if undirected:
        return ("((e.source_country IS ? AND e.target_country IS ?) OR (e.source_country IS ? AND e.target_country IS ?))",
                [src, tgt, tgt, src])
    return "(e.source_country IS ? AND e.target_country IS ?)", [src, tgt]


def _plover(value: str) -> str:
    upper = value.strip().upper()
    if upper not in PLOVER_TYPES:
        raise BadQuery(f"unknown PLOVER type {value!r}: use one of {' '.join(PLOVER_TYPES)}")
    return upper


def _near_clause(near: tuple[float, float, float]) -> tuple[str, list[Any]]:
    try:
        lat, lon, radius = (float(x) for x in near)
    except (TypeError, ValueError) as exc:
        raise BadQuery(f"near must be (latitude, longitude, radius in km), not {near!r}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and radius > 0 and math.isfinite(radius)):
        raise BadQuery(f"near needs a latitude in -90..90, a longitude in -180..180 and a radius above 0 km, not {near!r}")
    dlat = math.degrees(radius / _EARTH_KM)
    clause = "e.lat IS NOT NULL AND e.lon IS NOT NULL AND e.lat BETWEEN ? AND ?"
    params: list[Any] = [lat - dlat, lat + dlat]
    cos_lat = math.cos(math.radians(min(abs(lat) + dlat, 90.0)))
    if cos_lat > 1e-9:  # a longitude box too, unless it would reach a pole or wrap the antimeridian
        dlon = dlat / cos_lat
        if lon - dlon >= -180 and lon + dlon <= 180:
            clause += " AND e.lon BETWEEN ? AND ?"
            params += [lon - dlon, lon + dlon]
    clause += " AND eventwire_distance_km(e.lat, e.lon, ?, ?) <= ?"
    params += [lat, lon, radius]
    return clause, params


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def fts_query(text: str) -> str:
    """An FTS5 query for free text: every word must appear (each word quoted, so no FTS syntax can break it)."""
    words = re.findall(r"\w+", text)
    if not words:
        raise BadQuery(f"text {text!r} has no words to search for")
    return " ".join(f'"{w}"' for w in words)


def _run(store: Store, sql: str, params: list[Any]) -> list[sqlite3.Row]:
    store.conn.create_function("eventwire_distance_km", 4, haversine_km, deterministic=True)
    try:
        return store.conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        raise StoreError(
            f"query failed on {store.path}: {exc} (a database from an older eventwire is upgraded when opened for writing)"
        ) from exc


# -- events ------------------------------------------------------------------------------------------


def search_events(store: Store, f: EventFilter, *, limit: int | None = 100, offset: int = 0, order: str = "date") -> list[dict[str, Any]]:
    """Events matching ``f`` in the row shape of ``Store.events`` (event JSON + id, document_id, document).

    ``order`` is one of ``date``, ``-date`` (newest first), ``confidence``, ``-confidence``, ``id``; events without
    a date come last. ``limit=None`` returns every match.
    """
    if order not in ORDERS:
        raise BadQuery(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    if (limit is not None and limit < 0) or offset < 0:
        raise BadQuery(f"limit and offset must not be negative (got limit={limit}, offset={offset})")
    where, params = _where(f)
    sql = f"{_EVENT_SELECT} WHERE {where} ORDER BY {ORDERS[order]}"
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if limit is None else int(limit), int(offset)]
    return [_event_row(r) for r in _run(store, sql, params)]


def iter_events(store: Store, f: EventFilter, *, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every event matching ``f`` in id order, read ``batch`` rows at a time (for exports of any size)."""
    where, params = _where(f)
    last = 0
    while True:
        rows = _run(store, f"{_EVENT_SELECT} WHERE {where} AND e.id > ? ORDER BY e.id LIMIT ?", [*params, last, batch])
        for row in rows:
            yield _event_row(row)
        if len(rows) < batch:
            return
        last = int(rows[-1]["id"])


def count_events(store: Store, f: EventFilter) -> int:
    where, params = _where(f)
    return int(_run(store, f"SELECT COUNT(*) FROM events e WHERE {where}", params)[0][0])


# -- aggregations ------------------------------------------------------------------------------------


def _period(by: str) -> str:
    if by not in PERIODS:
        raise BadQuery(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    return PERIODS[by]


def _stats(count: int, total: float | None) -> dict[str, Any]:
    total = total or 0.0
    return {"count": count, "goldstein_sum": round(total, 3), "goldstein_mean": round(total / count, 3) if count else 0.0}


def timeseries(store: Store, f: EventFilter, by: str = "month") -> list[dict[str, Any]]:
    """Events per period: ``{period, count, goldstein_sum, goldstein_mean, quad1..quad4}`` sorted by period.

    Periods are ``2020-01-03`` (day), the ISO week's Monday ``2019-12-30`` (week), ``2020-01`` (month), ``2020`` (year).
    """
    period = _period(by)
    where, params = _where(f)
    sql = (f"SELECT {period} AS period, COUNT(*) AS n, SUM(e.goldstein) AS g,"
           " SUM(e.quad = 1), SUM(e.quad = 2), SUM(e.quad = 3), SUM(e.quad = 4)"
           f" FROM events e WHERE {where} GROUP BY period HAVING period IS NOT NULL ORDER BY period")
    return [
        {"period": r["period"], **_stats(r["n"], r["g"]), "quad1": r[3], "quad2": r[4], "quad3": r[5], "quad4": r[6]}
        for r in _run(store, sql, params)
    ]


def by_dyad(store: Store, f: EventFilter, by: str | None = None) -> list[dict[str, Any]]:
    """Events per primary dyad ``{source, target, count, goldstein_sum, goldstein_mean}`` (+ ``period`` when ``by``).

    Most events first (within each period when ``by`` is given); ``---`` is an unknown country.
    """
    where, params = _where(f)
    period = f", {_period(by)} AS period" if by else ""
    sql = (f"SELECT coalesce(e.source_country, '---') AS s, coalesce(e.target_country, '---') AS t{period},"
           f" COUNT(*) AS n, SUM(e.goldstein) AS g FROM events e WHERE {where} GROUP BY s, t{', period' if by else ''}"
           f"{' HAVING period IS NOT NULL' if by else ''} ORDER BY {'period, ' if by else ''}n DESC, s, t")
    out = []
    for r in _run(store, sql, params):
        row: dict[str, Any] = {"period": r["period"]} if by else {}
        out.append(row | {"source": r["s"], "target": r["t"], **_stats(r["n"], r["g"])})
    return out


def by_type(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Events per PLOVER type ``{plover, count, goldstein_mean}``, most first; ``plover`` is None for CAMEO statements/appeals."""
    where, params = _where(f)
    sql = f"SELECT e.plover, COUNT(*) AS n, SUM(e.goldstein) AS g FROM events e WHERE {where} GROUP BY e.plover ORDER BY n DESC, e.plover"
    return [{"plover": r["plover"], "count": r["n"], "goldstein_mean": _stats(r["n"], r["g"])["goldstein_mean"]}
            for r in _run(store, sql, params)]


def network(store: Store, f: EventFilter) -> dict[str, list[dict[str, Any]]]:
    """Countries as nodes and one edge per (source country, target country, quad) over events whose primary dyad is known.

    A node's ``events`` counts the events it takes part in, on either side, once each.
    """
    where, params = _where(f)
    known = f"{where} AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL"
    edges = [
        {"source": r[0], "target": r[1], "weight": r[3], "quad": r[2], "goldstein_sum": round(r[4] or 0.0, 3)}
        for r in _run(store, "SELECT e.source_country, e.target_country, e.quad, COUNT(*), SUM(e.goldstein) FROM events e"
                             f" WHERE {known} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", params)
    ]
    sql = (f"SELECT c, COUNT(*) AS n FROM (SELECT e.id, e.source_country AS c FROM events e WHERE {known}"
           f" UNION SELECT e.id, e.target_country AS c FROM events e WHERE {known}) GROUP BY c ORDER BY n DESC, c")
    nodes = [{"id": r["c"], "label": country_label(r["c"]), "events": r["n"]} for r in _run(store, sql, params + params)]
    return {"nodes": nodes, "edges": edges}


def top_actors(store: Store, f: EventFilter, n: int = 20) -> list[dict[str, Any]]:
    """The ``n`` actors (country/sector codes) in most matching events, on either side: ``{actor, country, sector, events, as_source, as_target}``."""
    if n < 1:
        raise BadQuery(f"n must be at least 1, not {n}")
    where, params = _where(f)
    sql = ("SELECT ac.country, ac.sector, COUNT(DISTINCT ac.event_id) AS n,"
           " COUNT(DISTINCT CASE WHEN ac.role = 'source' THEN ac.event_id END) AS s,"
           " COUNT(DISTINCT CASE WHEN ac.role = 'target' THEN ac.event_id END) AS t"
           f" FROM actors ac JOIN events e ON e.id = ac.event_id WHERE {where}"
           " AND (ac.country IS NOT NULL OR ac.sector IS NOT NULL) GROUP BY ac.country, ac.sector"
           " ORDER BY n DESC, coalesce(ac.country, '---'), coalesce(ac.sector, '') LIMIT ?")
    out = []
    for r in _run(store, sql, [*params, int(n)]):
        country, sector = r["country"], r["sector"]
        label = f"{country or '---'}/{sector}" if sector else country
        out.append({"actor": label, "country": country, "sector": sector, "events": r["n"], "as_source": r["s"], "as_target": r["t"]})
    return out


def claims(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Claim records next to the events of their documents.

    A claim is kept when its document, type and target agree with ``f`` (``document_id``; ``plover`` against
    the claim's type; the country of ``target`` or of the dyad's target against the claim's target country;
    ``since``/``until`` against the article's publication date; ``text`` against the article). Each claim
    gets ``events``: the ids of the events of its document that match ``f`` and the claim's own type and
    target country.
    """
    event_where, event_params = _where(f)
    clauses: list[str] = []
    params: list[Any] = []
    if f.document_id is not None:
        clauses.append("c.document_id = ?")
        params.append(int(f.document_id))
    if f.plover:
        types = [_plover(p) for p in f.plover]
        clauses.append(f"c.event_plover IN ({', '.join('?' * len(types))})")
        params += types
    target = _claim_target(f)
    if target:
        clauses.append("c.target_country = ?")
        params.append(target)
    for value, op in ((f.since, ">="), (f.until, "<=")):
        if value:
            clauses.append(f"substr(art.published, 1, ?) {op} ?")
            params += [len(value), value]
    if f.text is not None:
        clauses.append("c.document_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(fts_query(f.text))
    sql = ("SELECT c.id, c.document_id, c.json, c.event_plover, c.target_country FROM claims c"
           f" LEFT JOIN articles art ON art.document_id = c.document_id WHERE {' AND '.join(clauses) or '1'} ORDER BY c.id")
    out = []
    for row in _run(store, sql, params):
        cond = f"{event_where} AND e.document_id = ?"
        values = [*event_params, row["document_id"]]
        if row["event_plover"]:
            cond += " AND e.plover = ?"
            values.append(row["event_plover"])
        if row["target_country"]:
            cond += " AND e.id IN (SELECT event_id FROM actors WHERE role = 'target' AND country = ?)"
            values.append(row["target_country"])
        ids = [int(r[0]) for r in _run(store, f"SELECT e.id FROM events e WHERE {cond} ORDER BY e.id", values)]
        out.append(json.loads(row["json"]) | {"id": row["id"], "document_id": row["document_id"], "events": ids})
    return out


def _claim_target(f: EventFilter) -> str | None:
    if f.dyad:
        match = re.fullmatch(r"\s*(?:---|[A-Za-z]{3})\s*-\s*([A-Za-z]{3})\s*", f.dyad)
        if match and not f.undirected:
            return match.group(1).upper()
    if f.target:
        code = re.fullmatch(r"([A-Za-z]{3})(?:/.*)?", f.target.strip())
        if code and code.group(1).upper() in countries():
            return code.group(1).upper()
    return None


def documents(store: Store, *, limit: int = 50, offset: int = 0, text: str | None = None) -> list[dict[str, Any]]:
    """Stored documents ``{id, source, url, title, published, site, language, events}`` by id; ``text`` searches title and body."""
    if limit < 0 or offset < 0:
        raise BadQuery(f"limit and offset must not be negative (got limit={limit}, offset={offset})")
    params: list[Any] = []
    where = "1"
    if text is not None:
        where = "d.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
        params.append(fts_query(text))
    sql = ("SELECT d.id, d.source, d.url, a.title, a.published, a.site, a.language,"
           " (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id) AS events"
           f" FROM documents d LEFT JOIN articles a ON a.document_id = d.id WHERE {where} ORDER BY d.id LIMIT ? OFFSET ?")
    return [dict(r) for r in _run(store, sql, [*params, int(limit), int(offset)])]


# -- parameters --------------------------------------------------------------------------------------


def country_label(code: str) -> str:
    """The English name of an ISO3 country code (the code itself when unknown)."""
    found = countries().get(code)
    return found.name if found else code


def parse_filter(params: Mapping[str, str | list[str]]) -> EventFilter:
    """An EventFilter from string parameters (CLI options, an HTTP query string).

    Keys are those of EventFilter (hyphens allowed: ``min-confidence``; ``type`` is ``plover``); other keys are
    ignored, so a whole query string can be passed. ``plover`` may repeat or be comma-separated; ``near`` is
    ``lat,lon,km``; booleans are ``1/0``, ``true/false``, ``yes/no``, ``on/off``. Raises BadQuery on a bad value.
    """
    values: dict[str, list[str]] = {}
    for key, value in params.items():
        name = key.replace("-", "_")
        if name not in FILTER_KEYS:
            continue
        name = "plover" if name == "type" else name
        items = [value] if isinstance(value, str) else list(value)
        values.setdefault(name, []).extend(v.strip() for v in items if v is not None and v.strip())

    def one(name: str) -> str | None:
        distinct = list(dict.fromkeys(values.get(name, [])))
        if len(distinct) > 1:
            raise BadQuery(f"{name} is given {len(distinct)} times ({', '.join(distinct)}): give it once")
        return distinct[0] if distinct else None

    plover = tuple(dict.fromkeys(_plover(p) for v in values.get("plover", []) for p in v.split(",") if p.strip()))
    f = EventFilter(
        actor=one("actor"), source=one("source"), target=one("target"), dyad=one("dyad"),
        undirected=_bool(one("undirected"), "undirected"), plover=plover, mode=one("mode"), cameo=one("cameo"),
        quad=_int(one("quad"), "quad"), since=one("since"), until=one("until"), country=one("country"),
        admin1=one("admin1"), near=_near(one("near")), text=one("text"),
        min_confidence=_float(one("min_confidence"), "min_confidence"),
        include_modal=_bool(one("include_modal"), "include_modal"), document_id=_int(one("document_id"), "document_id"),
    )  # fmt: skip
    _where(f)  # validates every value
    return f


def _bool(value: str | None, name: str) -> bool:
    if value is None:
        return False
    lowered = value.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise BadQuery(f"{name} must be true or false (1/0, yes/no), not {value!r}")


def _int(value: str | None, name: str) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise BadQuery(f"{name} must be a whole number, not {value!r}") from exc


def _float(value: str | None, name: str) -> float:
    if value is None:
        return 0.0
    try:
        return float(value)
    except ValueError as exc:
        raise BadQuery(f"{name} must be a number between 0 and 1, not {value!r}") from exc


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    parts = [p.strip() for p in value.split(",")]
    try:
        lat, lon, km = (float(p) for p in parts)
    except ValueError as exc:
        raise BadQuery(f"near must be LAT,LON,KM (e.g. 33.31,44.37,50), not {value!r}") from exc
    return (lat, lon, km)
