"""Reading the package's data files (TSV with a header, ``#`` comments), plus a user's additions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .errors import DataFileError


def data_path(relative: str) -> Path:
    """Path of a shipped data file, e.g. ``lexicon/verbs.tsv``."""
    return Path(__file__).parent / "data" / relative


def user_data_dir() -> Path | None:
    value = os.environ.get("EVENTWIRE_DATA")
    return Path(value) if value else None


def read_tsv(relative: str, *, include_user: bool = True) -> Iterator[dict[str, str]]:
    """Rows of a shipped TSV file, then of the same file under ``$EVENTWIRE_DATA`` if present."""
    paths = [data_path(relative)]
    user = user_data_dir()
    if include_user and user is not None and (user / relative).is_file():
        paths.append(user / relative)
    for path in paths:
        yield from _read_one(path)


def _read_one(path: Path) -> Iterator[dict[str, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise DataFileError(f"data file missing: {path}") from exc
    header: list[str] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        elif len(cells) > len(header):
            raise DataFileError(
                f"{path}:{number}: {len(cells)} columns, header has {len(header)}; fix the row"
            )
        yield {k: v.strip() for k, v in zip(header, cells, strict=True)}


def read_lines(relative: str) -> list[str]:
    """Non-empty, non-comment lines of a shipped text file (plus the user's copy)."""
    out: list[str] = []
    paths = [data_path(relative)]
    user = user_data_dir()
    if user is not None and (user / relative).is_file():
        paths.append(user / relative)
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise DataFileError(f"data file missing: {path}") from exc
        for line in text.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out
