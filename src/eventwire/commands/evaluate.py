"""`eventwire eval KIND --gold PATH`: score eventwire (and baselines, in the same run) on gold data."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import EventwireError

KINDS = ("extraction", "scrapes", "dates", "actors", "geo", "events", "dyads", "types", "quad", "seed")


def evaluate(
    kind: Annotated[str, typer.Argument(help="extraction, scrapes, dates, actors, geo, events, dyads, types, quad or seed (../shared/seed/expected.json).")],
    gold: Annotated[str, typer.Option("--gold", help="Gold file or directory in the ../shared/eval format.")],
    limit: Annotated[int | None, typer.Option(help="Only the first N items.")] = None,
    baselines: Annotated[bool, typer.Option("--baselines/--no-baselines", help="Run trafilatura, readability-lxml, newspaper4k, htmldate beside eventwire.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details", help="Print per-type scores and the confusion matrix.")] = False,
) -> None:
    """Score eventwire against gold data and print a table (baselines side by side)."""
    from ..evaluate import run

    if kind not in KINDS:
        raise typer.BadParameter(f"KIND must be one of {', '.join(KINDS)}")
    try:
        report = run(kind, gold, limit=limit, baselines=baselines)
    except EventwireError as exc:
        Console(stderr=True).print(f"[red]error[/red] {exc}")
        raise typer.Exit(1) from exc
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2, default=str) + "\n")
        return
    console = Console()
    metrics = sorted({m for scores in report.systems.values() for m in scores})
    table = Table(title=f"{report.kind}: {report.gold} ({report.items} items)")
    table.add_column("metric")
    for name in report.systems:
        table.add_column(name, justify="right")
    for metric in metrics:
        table.add_row(metric, *(_fmt(scores.get(metric)) for scores in report.systems.values()))
    console.print(table)
    for note in report.notes:
        console.print(f"note: {note}", markup=False)
    if details:
        _print_details(console, report.details)


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _print_details(console: Console, details: dict[str, Any]) -> None:
    per_type = details.get("per_type")
    if per_type:
        table = Table(title="per type")
        for column in ("type", "precision", "recall", "f1", "support"):
            table.add_column(column, justify="right")
        for label, s in per_type.items():
            table.add_row(label, _fmt(s["precision"]), _fmt(s["recall"]), _fmt(s["f1"]), str(s.get("support", "")))
        console.print(table)
    matrix = details.get("confusion")
    if matrix:
        cols = sorted({c for row in matrix.values() for c in row})
        table = Table(title="confusion (rows gold, columns predicted)")
        table.add_column("gold")
        for c in cols:
            table.add_column(c[:8], justify="right")
        for gold, row in sorted(matrix.items()):
            table.add_row(gold, *(str(row.get(c, "")) for c in cols))
        console.print(table)


def register(app: Any) -> None:
    app.command(name="eval")(evaluate)
