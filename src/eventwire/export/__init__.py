"""Field-standard exports of stored events: one module per format, each with ``write_<format>(rows, path) -> int``.

``rows`` are event rows as :func:`eventwire.query.search_events` returns them; each writer returns how
many records it wrote (``acled`` writes only events with ACLED types, ``plover`` only events with a
PLOVER type). :func:`export_events` runs a filter and writes the matches in one call.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BadQuery

if TYPE_CHECKING:
    from ..query import EventFilter
    from ..store import Store

FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "gdelt", "acled", "plover")


def export_events(store: Store, f: EventFilter, fmt: str, path: str | Path, *, header: bool = False) -> int:
    """Write every event matching ``f`` to ``path`` in format ``fmt``; ``header`` adds column names to ``gdelt``.

    Returns the number of records written.
    """
    from ..query import iter_events

    if fmt not in FORMATS:
        raise BadQuery(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    rows = iter_events(store, f)
    if fmt == "csv":
        from .csv import write_csv

        return write_csv(rows, path)
    if fmt == "jsonl":
        from .jsonl import write_jsonl

        return write_jsonl(rows, path)
    if fmt == "parquet":
        from .parquet import write_parquet

        return write_parquet(rows, path)
    if fmt == "gdelt":
        from .gdelt import write_gdelt

        return write_gdelt(rows, path, header=header)
    if fmt == "acled":
        from .acled import write_acled

        return write_acled(rows, path)
    from .plover import write_plover

    return write_plover(rows, path)
