"""`eventwire resolve`: actor phrases or texts -> actors with country, sector and the rule that decided."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer


def resolve(
    input_: Annotated[str | None, typer.Option("--input", help="JSON Lines of {id, text, context?, date?}, or - for stdin.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Resolve this one text or actor phrase.")] = None,
    context: Annotated[str | None, typer.Option("--context", help="Context for --text (e.g. a country).")] = None,
    date_: Annotated[str | None, typer.Option("--date", help="Date for --text (YYYY-MM-DD): who held which office then.")] = None,
) -> None:
    """Resolve actors to country and sector codes, each with the rule or dictionary entry that produced it."""
    from ..mentions import resolve_mentions

    if (input_ is None) == (text is None):
        raise typer.BadParameter("give exactly one of --input or --text")
    records: list[dict[str, Any]] = []
    if text is not None:
        records.append({"id": "text", "text": text, "context": context, "date": date_})
    else:
        lines = sys.stdin.read().splitlines() if input_ == "-" else _read(input_ or "")
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise typer.BadParameter(f"line {number} is not JSON: {exc}") from exc
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise typer.BadParameter(f'line {number}: an object with a "text" string is needed')
            records.append(record)
    for record in records:
        actors = resolve_mentions(record["text"], context=record.get("context"), day=record.get("date"))
        sys.stdout.write(json.dumps({"id": record.get("id"), "actors": [a.to_dict() for a in actors]}, ensure_ascii=False) + "\n")


def _read(path: str) -> list[str]:
    file = Path(path)
    if not file.is_file():
        raise typer.BadParameter(f"no such file: {path}")
    return file.read_text(encoding="utf-8").splitlines()


def register(app: Any) -> None:
    app.command(name="resolve")(resolve)
