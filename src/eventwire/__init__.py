"""eventwire: structured, sourced political events from news text.

Library first: :func:`process_document` runs the whole pipeline on one document
(RawDocument -> Article -> [Event]); :class:`Store` keeps results in SQLite.
"""

from __future__ import annotations

__version__ = "0.1.0"
