"""The event-trigger lexicon (data/lexicon/verbs.tsv): trigger lemma + required words -> CAMEO code.

Each entry: ``lemma`` (spaCy lemma of the trigger), ``pos`` (VERB/NOUN), ``requires`` (slots of
alternative lemmas that must occur in the trigger's phrase), ``target`` (where the target is:
``dobj``, ``iobj`` or prepositions; ``<from`` for a row whose subject receives the act from the
object of ``from``), ``cameo``. Users add entries in ``$EVENTWIRE_DATA/lexicon/verbs.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .datafiles import read_lines, read_tsv
from .errors import DataFileError
from .ontology import load_ontology


@dataclass(frozen=True, slots=True)
class LexEntry:
    lemma: str
    pos: str
    requires: tuple[frozenset[str], ...]
    target: tuple[str, ...]
    cameo: str
    line: int
    note: str

    @property
    def rule(self) -> str:
        if self.note.startswith(("intent:", "riot:", "joint:")):
            return f"{self.note}=>{self.cameo}"
        req = " ".join("|".join(sorted(s)) for s in self.requires)
        return f"lexicon:{self.pos.lower()}:{self.lemma}" + (f"[{req}]" if req else "") + f"->{self.cameo}"

    @property
    def required_words(self) -> frozenset[str]:
        out: set[str] = set()
        for slot in self.requires:
            out |= slot
        return frozenset(out)


@dataclass(frozen=True, slots=True)
class Lexicon:
    entries: dict[tuple[str, str], tuple[LexEntry, ...]]
    light_verbs: frozenset[str]
    #: nouns for things an actor puts forward ("request", "proposal"): their owner is the event's target
    owned_objects: frozenset[str] = frozenset()
    #: verbs whose subject receives what their object names ("received weapons from", "faces pressure from")
    recipient_verbs: frozenset[str] = frozenset()

    def candidates(self, lemma: str, pos: str) -> tuple[LexEntry, ...]:
        return self.entries.get((lemma, pos), ())

    def __len__(self) -> int:
        return sum(len(v) for v in self.entries.values())


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    ontology = load_ontology()
    grouped: dict[tuple[str, str], list[LexEntry]] = {}
    for number, row in enumerate(read_tsv("lexicon/verbs.tsv"), start=1):
        cameo = row["cameo"].strip()
        if not re.fullmatch(r"\d{2,4}", cameo) or not 1 <= int(cameo[:2]) <= 20:
            raise DataFileError(f"lexicon/verbs.tsv row {number}: bad CAMEO code {cameo!r}")
        ontology.get(cameo)
        pos = row["pos"].upper()
        if pos not in ("VERB", "NOUN"):
            raise DataFileError(f"lexicon/verbs.tsv row {number}: pos must be VERB or NOUN, not {pos!r}")
        requires = tuple(frozenset(s.split("|")) for s in row.get("requires", "").split() if s)
        default_target = "dobj" if pos == "VERB" else "on|against|with|to"
        target = tuple((row.get("target") or default_target).split("|"))
        entry = LexEntry(row["lemma"].lower(), pos, requires, target, cameo, number, row.get("note", ""))
        grouped.setdefault((entry.lemma, pos), []).append(entry)
    entries = {
        key: tuple(sorted(items, key=lambda e: -len(e.requires))) for key, items in grouped.items()
    }
    light = frozenset(read_lines("lexicon/light_verbs.txt"))
    owned = frozenset(read_lines("lexicon/owned_objects.txt"))
    recipient = frozenset(read_lines("lexicon/recipient_verbs.txt"))
    return Lexicon(entries, light, owned, recipient)
