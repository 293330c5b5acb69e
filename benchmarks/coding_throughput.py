"""Benchmark (not a test): sentences per second for eventwire's coder and for bare spaCy on the same sentences.

Run: python benchmarks/coding_throughput.py [--repeat N]
It extracts the bundled sample corpus, splits it into sentences with spaCy once, then times
(a) ``nlp.pipe`` over the sentences and (b) eventwire's ``code_text`` over the same sentences,
and prints both rates and their ratio (eventwire / spaCy). Both run in the same process, so the
ratio is what matters, not the absolute figures.
"""

from __future__ import annotations

import argparse
import time

from eventwire.datafiles import data_path
from eventwire.extract import extract_article
from eventwire.nlp import load_model
from eventwire.pipeline import get_coder
from eventwire.readers import read_inputs
from eventwire.records import RawDocument
from eventwire.settings import Settings


def sentences() -> list[str]:
    nlp = load_model(Settings().model)
    out: list[str] = []
    for item in read_inputs([str(data_path("samples"))], include=("*.txt", "*.html", "*.rss", "*.jsonl")):
        if isinstance(item, RawDocument):
            for paragraph in extract_article(item).paragraphs:
                out.extend(s.text.strip() for s in nlp(paragraph).sents if len(s) > 3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = sentences()
    nlp = load_model(Settings().model)
    coder = get_coder(Settings().model)
    coder.code_text(texts[0])  # warm up data files and the gazetteer
    best_spacy = best_coder = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts):
            pass
        best_spacy = min(best_spacy, time.perf_counter() - started)
        started = time.perf_counter()
        events = 0
        for text in texts:
            events += len(coder.code_text(text).events)
        best_coder = min(best_coder, time.perf_counter() - started)
    spacy_rate = len(texts) / best_spacy
    coder_rate = len(texts) / best_coder
    print(f"sentences: {len(texts)}  events coded: {events}")
    print(f"spaCy nlp.pipe:      {spacy_rate:8.1f} sentences/s")
    print(f"eventwire code_text: {coder_rate:8.1f} sentences/s")
    print(f"ratio eventwire/spaCy: {coder_rate / spacy_rate:.2f}")


if __name__ == "__main__":
    main()
