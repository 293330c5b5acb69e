"""One error shape for every HTTP error: ``{"ok": false, "error": "<message>", "status": <int>}``.

As in datasette, exceptions carry their HTTP status: :class:`ApiError` for conditions of the HTTP
layer (missing token, body too large), and the library's :class:`~eventwire.errors.EventwireError`
subclasses mapped by :data:`STATUS_BY_ERROR` (any other one is a 500). FastAPI's validation errors
(422) become 400, and anything unexpected becomes a 500 with a generic message (the traceback goes
to the server log).
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import errors

log = logging.getLogger(__name__)

#: HTTP status for each library error; the first class that matches wins (subclasses come first).
STATUS_BY_ERROR: tuple[tuple[type[errors.EventwireError], int], ...] = (
    (errors.NotFound, 404),
    (errors.BadQuery, 400),
    (errors.InputTooLarge, 413),
    (errors.UnsupportedInput, 400),
    (errors.ExtractionFailed, 400),
    (errors.StoreError, 503),
)


class ApiError(Exception):
    """An error of the HTTP layer that carries its status (and optional headers)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status, headers=headers)


def status_for(exc: errors.EventwireError) -> int:
    for cls, status in STATUS_BY_ERROR:
        if isinstance(exc, cls):
            return status
    return 500


async def handle(request: Request, exc: Exception) -> JSONResponse:
    """The one exception handler: every error becomes the one error shape."""
    if isinstance(exc, ApiError):
        return error_response(exc.status, exc.message, exc.headers)
    if isinstance(exc, errors.EventwireError):
        status = status_for(exc)
        if status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(status, str(exc))
    if isinstance(exc, RequestValidationError):
        return error_response(400, validation_message(exc.errors()))
    if isinstance(exc, StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"not found: {request.url.path}"
        return error_response(exc.status_code, message, dict(exc.headers or {}))
    if isinstance(exc, sqlite3.Error):
        log.error("database error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500, f"database error: {exc}")
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal server error (see the server log)")


def validation_message(problems: Any) -> str:
    """``limit: Input should be less than or equal to 1000; ...`` from FastAPI's error list."""
    parts = []
    for problem in problems:
        loc = [str(x) for x in problem.get("loc", ()) if x not in ("query", "path", "body", "header")]
        parts.append(f"{'.'.join(loc) or 'request'}: {problem.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    # sqlite3.Error is listed on its own so that it is handled inside the app (no second traceback from
    # Starlette's outermost middleware); Exception catches the rest.
    for cls in (ApiError, errors.EventwireError, RequestValidationError, StarletteHTTPException, sqlite3.Error, Exception):
        app.add_exception_handler(cls, handle)
