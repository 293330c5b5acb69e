"""Read endpoints under ``/api``: thin layers over :mod:`eventwire.query`.

Every list endpoint takes the same filters as query parameters (see :data:`FILTER_PARAMETERS`),
parsed once by :func:`eventwire.query.parse_filter`; a bad value is a 400 in the error shape.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse

from .. import query
from ..store import Store
from .articles import document, event_detail
from .deps import read_store, require_read

#: Query parameters that are not filters.
RESERVED = frozenset({"limit", "offset", "order", "by", "n", "q"})
MAX_LIMIT = 5000

FILTER_HELP: dict[str, str] = {
    "actor": "Country, sector or COUNTRY/SECTOR code on either side, e.g. USA, MIL, IRQ/GOV.",
    "source": "Source actor code (country, sector or COUNTRY/SECTOR).",
    "target": "Target actor code (country, sector or COUNTRY/SECTOR).",
    "dyad": "Source-target pair, e.g. USA-IRQ.",
    "undirected": "With dyad: either direction (true/false).",
    "plover": "PLOVER type(s), repeat or comma-separate, e.g. ASSAULT.",
    "mode": "PLOVER mode.",
    "cameo": "CAMEO code prefix, e.g. 19.",
    "quad": "Quad class 1-4 (verbal/material cooperation/conflict).",
    "since": "Earliest event date: YYYY, YYYY-MM or YYYY-MM-DD.",
    "until": "Latest event date: YYYY, YYYY-MM or YYYY-MM-DD.",
    "country": "Country (ISO alpha-3) of the event's place.",
    "admin1": "First-level region of the event's place.",
    "near": "lat,lon,km: events within km of a point.",
    "text": "Full-text search over article titles and bodies.",
    "min_confidence": "Lowest confidence, 0-1.",
    "include_modal": "Include negated and hypothetical events (true/false).",
    "document_id": "Only events of this document.",
}
FILTER_PARAMETERS: list[dict[str, Any]] = [
    {"name": name, "in": "query", "required": False, "description": text, "schema": {"type": "string"}}
    for name, text in FILTER_HELP.items()
]
FILTERS: dict[str, Any] = {"parameters": FILTER_PARAMETERS}

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])
StoreDep = Annotated[Store, Depends(read_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many items.")]


def event_filter(request: Request) -> query.EventFilter:
    """The filter of a request's query parameters (repeated parameters become lists)."""
    params: dict[str, str | list[str]] = {}
    for key, value in request.query_params.multi_items():
        if key in RESERVED:
            continue
        if key in params:
            prior = params[key]
            params[key] = [*prior, value] if isinstance(prior, list) else [prior, value]
        else:
            params[key] = value
    return query.parse_filter(params)


def _items(items: list[dict[str, Any]], **extra: Any) -> JSONResponse:
    return JSONResponse({"items": items, **extra})


@router.get("/events", openapi_extra=FILTERS, summary="Events matching the filters, with the total count")
def events(request: Request, store: StoreDep, limit: Limit = 100, offset: Offset = 0,
           order: Annotated[str, Query(description="Sort order, e.g. date, -date, confidence, goldstein.")] = "date") -> JSONResponse:
    f = event_filter(request)
    items = query.search_events(store, f, limit=limit, offset=offset, order=order)
    return _items(items, total=query.count_events(store, f), limit=limit, offset=offset)


@router.get("/events/{event_id}", summary="One event with its document, article body and highlighted evidence")
def event(event_id: Annotated[int, Path(ge=1)], store: StoreDep) -> JSONResponse:
    return JSONResponse(event_detail(store, store.event(event_id)))


@router.get("/actors", openapi_extra=FILTERS, summary="The most frequent actors")
def actors(request: Request, store: StoreDep, n: Annotated[int, Query(ge=1, le=500)] = 20) -> JSONResponse:
    return _items(query.top_actors(store, event_filter(request), n=n))


@router.get("/dyads", openapi_extra=FILTERS, summary="Source-target pairs with counts, optionally by period")
def dyads(request: Request, store: StoreDep,
          by: Annotated[str | None, Query(description="Optional period: day, week, month, year.")] = None) -> JSONResponse:
    return _items(query.by_dyad(store, event_filter(request), by=by))


@router.get("/timeseries", openapi_extra=FILTERS, summary="Counts, Goldstein sum and mean and quad counts per period")
def timeseries(request: Request, store: StoreDep,
               by: Annotated[str, Query(description="Period: day, week, month or year.")] = "month") -> JSONResponse:
    return _items(query.timeseries(store, event_filter(request), by=by), by=by)


@router.get("/network", openapi_extra=FILTERS, summary="Actor network: nodes and weighted directed edges")
def network(request: Request, store: StoreDep) -> JSONResponse:
    return JSONResponse(query.network(store, event_filter(request)))


@router.get("/types", openapi_extra=FILTERS, summary="Counts per PLOVER type / CAMEO code")
def types(request: Request, store: StoreDep) -> JSONResponse:
    return _items(query.by_type(store, event_filter(request)))


@router.get("/claims", openapi_extra=FILTERS, summary="Claim records (sentences that state counts of events)")
def claims(request: Request, store: StoreDep) -> JSONResponse:
    return _items(query.claims(store, event_filter(request)))


@router.get("/documents", summary="Stored documents, newest first; q searches titles and bodies")
def documents(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
              q: Annotated[str | None, Query(description="Full-text search.")] = None) -> JSONResponse:
    return _items(query.documents(store, limit=limit, offset=offset, text=q or None), limit=limit, offset=offset)


@router.get("/documents/{document_id}", summary="One document: metadata, article and its events")
def one_document(document_id: Annotated[int, Path(ge=1)], store: StoreDep) -> JSONResponse:
    data = document(store, document_id)
    data["events"] = query.search_events(store, query.EventFilter(document_id=document_id), limit=MAX_LIMIT)
    return JSONResponse(data)


@router.get("/stats/overview", summary="Counts of documents, events, claims and errors; the latest errors")
def overview(store: StoreDep) -> JSONResponse:
    counts = store.counts()
    errors = store.errors()
    return JSONResponse({
        "documents": counts["documents"],
        "events": counts["events"],
        "claims": counts["claims"],
        "actors": counts["actors"],
        "errors": counts["ingest_errors"],
        "recent_errors": sorted(errors, key=lambda e: (e["last_seen"], e["id"]), reverse=True)[:10],
    })


@router.get("/errors", summary="Recorded ingest errors (source, stage, type, message)")
def errors(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
    rows = store.errors()
    return _items(rows[offset : offset + limit], total=len(rows), limit=limit, offset=offset)
