"""The HTTP API and the dashboard: ``create_app(settings, token=...)``, served by ``eventwire serve``."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
