"""Placeholder: commands are registered here by ``register(app)``."""

from __future__ import annotations

from typing import Any


def register(app: Any) -> None:
    return None
