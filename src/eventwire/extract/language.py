"""Language identification by function-word profiles (data/extract/function_words.tsv)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import read_tsv

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _profiles() -> dict[str, frozenset[str]]:
    return {row["language"]: frozenset(row["words"].split()) for row in read_tsv("extract/function_words.tsv")}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language with the most function words in ``text``; "und" if unsure."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < 5:
        return "und"
    best, best_share = "und", 0.0
    for language, vocab in _profiles().items():
        share = sum(1 for w in words if w in vocab) / len(words)
        if share > best_share:
            best, best_share = language, share
    return best if best_share >= 0.12 else "und"
