"""Actor resolution evaluation: country and sector accuracy on phrases with optional context and date."""

from __future__ import annotations

from pathlib import Path

from ..actors import Resolution, resolve_words
from ..nlp import load_model
from ..settings import Settings
from .scoring import Report, read_jsonl


def resolve_phrase(text: str, *, context: str | None = None, date: str | None = None, model: str | None = None) -> Resolution:
    """Resolve one actor phrase; ``context`` (a country or a description) fills what the phrase leaves open."""
    nlp = load_model(model or Settings().model)
    words = [t.text for t in nlp.tokenizer(text)]
    res = resolve_words(words, day=date)
    if context and (res.country is None or res.sector is None) and not res.empty:
        extra = resolve_words([t.text for t in nlp.tokenizer(context)], day=date)
        res = Resolution(res.name, res.country or extra.country, res.sector or extra.sector, res.confidence,
                         res.rule + (f"+context:{extra.rule}" if not extra.empty else ""), res.is_person)
    return res


def evaluate_actors(path: Path, *, limit: int | None = None) -> Report:
    country_ok = country_n = sector_ok = sector_n = 0
    misses: list[dict[str, object]] = []
    items = 0
    for row in read_jsonl(path, limit):
        items += 1
        res = resolve_phrase(row["text"], context=row.get("context"), date=row.get("date"))
        checks = row.get("checks", ["country", "sector"])
        good = True
        if "country" in checks:
            country_n += 1
            country_ok += res.country == row["country"]
            good &= res.country == row["country"]
        if "sector" in checks:
            sector_n += 1
            sector_ok += res.sector == row["sector"]
            good &= res.sector == row["sector"]
        if not good:
            misses.append({"id": row["id"], "text": row["text"], "gold": [row["country"], row["sector"]],
                           "got": [res.country, res.sector], "rule": res.rule})
    report = Report("actors", str(path), items)
    report.systems["eventwire"] = {
        "country_accuracy": country_ok / country_n if country_n else 0.0,
        "sector_accuracy": sector_ok / sector_n if sector_n else 0.0,
    }
    report.details["misses"] = misses
    return report
