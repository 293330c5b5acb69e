"""Analyst commands: ``eventwire stats`` and ``eventwire export``, and the event filter options they share with ``events``.

Each command parses its options, calls one library function (``eventwire.query``, ``eventwire.export``) and
prints the result. :func:`filter_options` adds the filter options (``--actor``, ``--dyad``, ``--type``, ...)
to a command once and hands it an :class:`~eventwire.query.EventFilter`.
"""

from __future__ import annotations

import csv
import functools
import inspect
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from ..errors import BadQuery, EventwireError
from ..query import EventFilter, parse_filter

F = TypeVar("F", bound=Callable[..., Any])

# (parameter, type, option): the filter options of events, stats and export.
_FILTERS: tuple[tuple[str, Any, Any, Any], ...] = (
    ("actor", str | None, None, typer.Option("--actor", help="Actor on either side: country (USA), sector (MIL), both (IRQ/GOV) or part of a name (Kadhimi).")),
    ("source", str | None, None, typer.Option("--source", help="Source actor, same forms as --actor.")),
    ("target", str | None, None, typer.Option("--target", help="Target actor, same forms as --actor.")),
    ("dyad", str | None, None, typer.Option("--dyad", help="Primary dyad SOURCE-TARGET by country, e.g. USA-IRQ (--- for unknown).")),
    ("undirected", bool, False, typer.Option("--undirected", help="With --dyad: either direction.")),
    ("plover", list[str], [], typer.Option("--type", help="PLOVER type, e.g. ASSAULT (repeatable, or comma-separated).")),
    ("mode", str | None, None, typer.Option("--mode", help="PLOVER mode.")),
    ("cameo", str | None, None, typer.Option("--cameo", help="CAMEO code prefix, e.g. 19 or 195.")),
    ("quad", int | None, None, typer.Option("--quad", help="Quad class 1-4 (verbal/material cooperation, verbal/material conflict).")),
    ("since", str | None, None, typer.Option("--since", help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD).")),
    ("until", str | None, None, typer.Option("--until", help="Latest event date (YYYY, YYYY-MM or YYYY-MM-DD).")),
    ("country", str | None, None, typer.Option("--country", help="Event location country (ISO3, e.g. IRQ).")),
    ("admin1", str | None, None, typer.Option("--admin1", help="Event location admin1 code (e.g. IQ.07).")),
    ("near", str | None, None, typer.Option("--near", help="Events within KM of a point: LAT,LON,KM (e.g. 33.31,44.37,50).")),
    ("text", str | None, None, typer.Option("--text", help="Full-text search: every word in the evidence sentence or the article.")),
    ("min_confidence", float, 0.0, typer.Option("--min-confidence", help="Lowest event confidence (0-1).")),
    ("include_modal", bool, False, typer.Option("--include-modal", help="Include negated and hypothetical events.")),
)  # fmt: skip
_PREFIX = "filter_"


def filter_options(func: F) -> F:
    """Give a command the filter options; it receives them as one ``filters: EventFilter`` argument.

    A bad value is a usage error (exit 2) with the library's message.
    """
    signature = inspect.signature(func, eval_str=True)
    kept = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in signature.parameters.values() if p.name != "filters"]
    added = [
        inspect.Parameter(_PREFIX + name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=Annotated[kind, option])
        for name, kind, default, option in _FILTERS
    ]

    @functools.wraps(func)
    def command(**kwargs: Any) -> Any:
        values = {name: kwargs.pop(_PREFIX + name) for name, *_ in _FILTERS}
        return func(filters=filters_from_options(values), **kwargs)

    command.__signature__ = signature.replace(parameters=kept + added)  # type: ignore[attr-defined]
    command.__annotations__ = {k: v for k, v in func.__annotations__.items() if k != "filters"}
    return command  # type: ignore[return-value]


def filters_from_options(values: dict[str, Any]) -> EventFilter:
    """The EventFilter of the filter options' values (through ``parse_filter``, as the HTTP API does)."""
    params: dict[str, str | list[str]] = {}
    for name, value in values.items():
        if value is None or value is False or value == [] or (name == "min_confidence" and not value):
            continue
        params[name] = [str(v) for v in value] if isinstance(value, list) else ("1" if value is True else str(value))
    try:
        return parse_filter(params)
    except BadQuery as exc:
        raise typer.BadParameter(str(exc)) from exc


DbOption = Annotated[Path | None, typer.Option("--db", help="SQLite database file (default ./eventwire.db or $EVENTWIRE_DB).")]
GROUPS = ("time", "dyad", "type", "actors", "network", "claims")


def _open_store(db: Path | None) -> Any:
    from ..cli import _settings, err
    from ..store import Store

    settings = _settings(db)
    if not settings.db.exists():
        err.print(f"[red]error[/red] no database at {settings.db}: run `eventwire ingest` or `eventwire demo` first")
        raise typer.Exit(1)
    return Store(settings.db, busy_timeout_ms=settings.busy_timeout_ms)


@filter_options
def stats(
    filters: EventFilter,
    db: DbOption = None,
    group: Annotated[str, typer.Option("--group", help="time, dyad, type, actors, network or claims.")] = "time",
    by: Annotated[str | None, typer.Option("--by", help="Period: day, week (ISO, Monday), month or year (time: default month; dyad: adds a period column).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
    top: Annotated[int, typer.Option("--top", help="With --group actors: how many actors.")] = 20,
) -> None:
    """Count and summarise events: a time series, dyads, PLOVER types, top actors, the country network or claims."""
    from .. import query
    from ..cli import _fail

    if group not in GROUPS:
        raise typer.BadParameter(f"--group must be one of {', '.join(GROUPS)}, not {group!r}")
    if by is not None and by not in query.PERIODS:
        raise typer.BadParameter(f"--by must be one of {', '.join(query.PERIODS)}, not {by!r}")
    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("--format must be table, jsonl or csv")
    if top < 1:
        raise typer.BadParameter("--top must be at least 1")
    store = _open_store(db)
    try:
        if group == "network":
            graph = query.network(store, filters)
            _print_network(graph, fmt)
            return
        rows = {
            "time": lambda: query.timeseries(store, filters, by or "month"),
            "dyad": lambda: query.by_dyad(store, filters, by),
            "type": lambda: query.by_type(store, filters),
            "actors": lambda: query.top_actors(store, filters, top),
            "claims": lambda: query.claims(store, filters),
        }[group]()
    except EventwireError as exc:
        raise _fail(exc) from exc
    titles = {"time": f"events by {by or 'month'}", "dyad": "events by dyad" + (f" and {by}" if by else ""),
              "type": "events by PLOVER type", "actors": "top actors", "claims": "claims and the events of their documents"}
    _print_rows(rows, fmt, title=titles[group])


@filter_options
def export(
    filters: EventFilter,
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl, parquet, gdelt, acled or plover.")],
    out_path: Annotated[Path, typer.Option("--out", help="File to write.")],
    db: DbOption = None,
    header: Annotated[bool, typer.Option("--header", help="With --format gdelt: a first line of GDELT column names.")] = False,
) -> None:
    """Write the matching events to a file in a field-standard format (csv, jsonl, parquet, gdelt, acled, plover)."""
    from ..cli import _fail, err
    from ..export import FORMATS, export_events
    from ..query import count_events

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if header and fmt != "gdelt":
        raise typer.BadParameter("--header applies to --format gdelt only (csv and acled always have a header)")
    store = _open_store(db)
    try:
        matching = count_events(store, filters)
        written = export_events(store, filters, fmt, out_path, header=header)
    except EventwireError as exc:
        raise _fail(exc) from exc
    except OSError as exc:
        err.print(f"[red]error[/red] cannot write {out_path}: {exc.strerror or exc}")
        raise typer.Exit(1) from exc
    err.print(f"wrote {written} {fmt} records ({matching} matching events) to {out_path}")


# -- output --------------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _claim_cells(row: dict[str, Any]) -> dict[str, Any]:
    """A claim as flat cells (the sentence instead of the whole evidence)."""
    flat = {k: v for k, v in row.items() if k != "evidence"}
    flat["sentence"] = (row.get("evidence") or {}).get("sentence")
    return flat


def _print_rows(rows: list[dict[str, Any]], fmt: str, *, title: str) -> None:
    from rich.table import Table

    from ..cli import out

    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    flat = [_claim_cells(r) if "evidence" in r else r for r in rows]
    columns = list(dict.fromkeys(k for r in flat for k in r))
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        for row in flat:
            writer.writerow([_cell(row.get(c)) for c in columns])
        sys.stdout.write(buffer.getvalue())
        return
    if not flat:
        out.print("no events match")
        return
    columns = [c for c in columns if c != "rule"]  # on a terminal: the claim's rule is in jsonl/csv
    table = Table(title=title)
    for column in columns:
        numeric = all(isinstance(r.get(column), int | float) for r in flat)
        prose = column in ("sentence", "label", "actor")
        table.add_column(column.replace("_", "\n"), justify="right" if numeric else "left", no_wrap=not prose,
                         overflow="fold" if prose else "ellipsis", min_width=30 if column == "sentence" else None)
    for row in flat:
        table.add_row(*(_cell(row.get(c)) if row.get(c) is not None else "-" for c in columns))
    out.print(table)


def _print_network(graph: dict[str, list[dict[str, Any]]], fmt: str) -> None:
    if fmt == "jsonl":
        for kind in ("nodes", "edges"):
            for item in graph[kind]:
                sys.stdout.write(json.dumps({"kind": kind[:-1]} | item, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        columns = ["kind", "id", "label", "events", "source", "target", "weight", "quad", "goldstein_sum"]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns)
        writer.writeheader()
        for kind in ("nodes", "edges"):
            for item in graph[kind]:
                writer.writerow({"kind": kind[:-1]} | item)
        sys.stdout.write(buffer.getvalue())
        return
    _print_rows(graph["nodes"], "table", title="countries")
    _print_rows(graph["edges"], "table", title="edges (source, target, quad)")


def register(app: Any) -> None:
    app.command(name="stats")(stats)
    app.command(name="export")(export)
