"""The FastAPI application: the JSON API under ``/api`` and the offline dashboard at ``/``."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..settings import Settings
from ..store import Store
from . import routes, uploads
from .deps import DEFAULT_MAX_UPLOAD_BYTES, ApiConfig
from .middleware import BodyLimit, SecurityHeaders
from .responses import install_error_handlers

DESCRIPTION = """Coded political events from news, with their evidence.

Reads are open unless the server requires a token for them; `POST /api/ingest` needs
`Authorization: Bearer <token>`. Every error has one shape: `{"ok": false, "error": "...", "status": 400}`.
"""


def web_root() -> Path:
    """The packaged dashboard (``eventwire/web``: index.html, app.js, app.css, the world outline)."""
    with as_file(files("eventwire") / "web") as path:
        return Path(path)


def create_app(
    settings: Settings,
    *,
    token: str | None,
    require_token_for_reads: bool = False,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
) -> FastAPI:
    """The app over ``settings.db``; creates the database (schema, WAL) when it is missing.

    ``token`` guards writes (no token: writes are refused with 403) and, with
    ``require_token_for_reads``, reads too.
    """
    Store(settings.db, busy_timeout_ms=settings.busy_timeout_ms).close()  # create or migrate, WAL on
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description=DESCRIPTION,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.config = ApiConfig(settings, token or None, require_token_for_reads, max_upload_bytes)
    install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(uploads.router)
    app.mount("/", StaticFiles(directory=web_root(), html=True), name="web")
    app.add_middleware(BodyLimit, max_bytes=max_upload_bytes)
    app.add_middleware(SecurityHeaders, docs_path="/api/docs")
    return app
