"""Benchmark (not a test): pages per second for eventwire's HTML extraction and for trafilatura alone.

Run: python benchmarks/extraction_throughput.py [--gold ../shared/eval/extraction/scrapinghub] [--repeat N]
It reads the pages of an extraction set once (bytes), then times (a) ``trafilatura.bare_extraction``
with metadata, the library eventwire builds on, and (b) eventwire's ``extract_html`` (trafilatura
twice, readability-lxml, metadata, publication date) over the same pages, and prints both rates
and their ratio (eventwire / trafilatura). Both run in the same process, best of N rounds, timed in
process CPU seconds (so other work on the machine disturbs the figures less); the ratio is what
matters, not the absolute figures.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
import warnings
from pathlib import Path

import trafilatura

from eventwire.errors import EventwireError
from eventwire.extract.html import decode_html, extract_html

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "extraction" / "scrapinghub"


def pages(gold: Path) -> list[tuple[str, bytes, str | None]]:
    out = []
    with (gold / "gold.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                out.append((row["file"], (gold / row["file"]).read_bytes(), row.get("url")))
    return out


def time_trafilatura(items: list[tuple[str, bytes, str | None]]) -> float:
    started = time.process_time()
    for _name, data, url in items:
        trafilatura.bare_extraction(decode_html(data), url=url, with_metadata=True)
    return time.process_time() - started


def time_eventwire(items: list[tuple[str, bytes, str | None]]) -> float:
    started = time.process_time()
    failed = 0
    for name, data, url in items:
        try:
            extract_html(name, data, url=url)
        except EventwireError:
            failed += 1  # a page with no article still counts: the time was spent
    elapsed = time.process_time() - started
    if failed:
        print(f"({failed} pages had no article)")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="an extraction set (gold.jsonl + html/)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    items = pages(args.gold)
    time_eventwire(items[:3])  # warm up data files and imports
    best_traf = best_ew = float("inf")
    for _ in range(args.repeat):
        best_traf = min(best_traf, time_trafilatura(items))
        best_ew = min(best_ew, time_eventwire(items))
    traf_rate, ew_rate = len(items) / best_traf, len(items) / best_ew
    print(f"pages: {len(items)} ({args.gold})")
    print(f"trafilatura bare_extraction: {traf_rate:8.1f} pages/CPU-second")
    print(f"eventwire extract_html:      {ew_rate:8.1f} pages/CPU-second")
    print(f"ratio eventwire/trafilatura: {ew_rate / traf_rate:.2f}")


if __name__ == "__main__":
    main()
