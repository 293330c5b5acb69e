"""Events as CSV: a header row, then one flat row per event (the columns of ``flat.FLAT_COLUMNS``)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .flat import FLAT_COLUMNS, flatten


def write_csv(rows: Iterable[dict[str, Any]], path: str | Path) -> int:
    count = 0
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(FLAT_COLUMNS))
        writer.writeheader()
        for row in rows:
            writer.writerow(flatten(row))
            count += 1
    return count
