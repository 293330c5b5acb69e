"""Events as Parquet (pyarrow): the flat columns of ``flat.FLAT_COLUMNS`` with their types, written in batches."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Any

from .flat import FLAT_COLUMNS, flatten

BATCH = 5000


def schema() -> Any:
    import pyarrow as pa

    types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string()}
    return pa.schema([(name, types[kind]) for name, kind in FLAT_COLUMNS.items()])


def write_parquet(rows: Iterable[dict[str, Any]], path: str | Path, *, batch: int = BATCH) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table_schema = schema()
    count = 0
    iterator = iter(rows)
    with pq.ParquetWriter(str(path), table_schema) as writer:
        while True:
            chunk = [flatten(row) for row in islice(iterator, batch)]
            if not chunk and count:
                break
            writer.write_table(pa.Table.from_pylist(chunk, schema=table_schema))
            count += len(chunk)
            if len(chunk) < batch:
                break
    return count
