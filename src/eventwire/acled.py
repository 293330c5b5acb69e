"""ACLED event and sub-event types for events that are political violence, protests or strategic developments."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .datafiles import read_tsv
from .records import Actor


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    return {row["cameo_prefix"]: (row["event_type"], row["sub_event_type"]) for row in read_tsv("ontology/acled.tsv")}


def acled_types(cameo: str, source: Sequence[Actor], target: Sequence[Actor]) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) for a CAMEO code, or (None, None) when ACLED has no such event."""
    table = _table()
    for size in range(len(cameo), 1, -1):
        hit = table.get(cameo[:size])
        if hit is not None:
            event_type, sub = hit
            # Violence by armed actors against armed actors is a battle, not violence against civilians.
            if event_type == "Violence against civilians" and target and all(
                (a.sector or "") in ("MIL", "REB", "UAF", "COP", "SPY") for a in target
            ):
                return "Battles", "Armed clash"
            return event_type, sub
    return None, None
