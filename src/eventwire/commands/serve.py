"""``eventwire serve``: the HTTP API and the offline dashboard, run by uvicorn."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer


def serve(
    db: Annotated[Path | None, typer.Option("--db", help="SQLite database file (default ./eventwire.db or $EVENTWIRE_DB).")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on; keep 127.0.0.1 unless you put a proxy with TLS in front.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(help="Bearer token that writes (POST /api/ingest) need; default $EVENTWIRE_TOKEN. Without one, writes are refused.")] = None,
    require_token_for_reads: Annotated[bool, typer.Option("--require-token-for-reads", help="Reads need the token too.")] = False,
    max_upload_bytes: Annotated[int, typer.Option("--max-upload-bytes", help="Largest request body accepted by POST /api/ingest.")] = 25 * 1024 * 1024,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Let POST /api/ingest fetch URLs on loopback or private addresses.")] = False,
) -> None:
    """Serve the JSON API (/api, docs at /api/docs) and the dashboard (/) over the database."""
    import uvicorn

    from ..api import create_app
    from ..api.deps import TOKEN_ENV
    from ..cli import _fail, _settings, err
    from ..errors import EventwireError

    token = token or os.environ.get(TOKEN_ENV) or None
    if require_token_for_reads and not token:
        raise typer.BadParameter(f"--require-token-for-reads needs --token or ${TOKEN_ENV}")
    settings = _settings(db)
    if allow_private:
        settings = settings.with_(allow_private=True)
    if not settings.db.exists():
        err.print(f"note: {settings.db} does not exist yet; serving an empty database (try `eventwire demo` first)")
    try:
        app = create_app(settings, token=token, require_token_for_reads=require_token_for_reads, max_upload_bytes=max_upload_bytes)
    except EventwireError as exc:
        raise _fail(exc) from exc
    writes = "writes need the token" if token else f"writes are disabled (no --token or ${TOKEN_ENV})"
    err.print(f"eventwire: dashboard at http://{host}:{port}/  API docs at http://{host}:{port}/api/docs  ({writes})")
    uvicorn.run(app, host=host, port=port, log_level="info")


def register(app: Any) -> None:
    app.command(name="serve")(serve)
