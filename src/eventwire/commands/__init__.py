"""CLI commands that live in their own modules; each module has ``register(app)``."""

from __future__ import annotations

from typing import Any


def register_all(app: Any) -> None:
    from . import analyst, evaluate, resolve, serve, watch

    analyst.register(app)
    serve.register(app)
    evaluate.register(app)
    resolve.register(app)
    watch.register(app)
