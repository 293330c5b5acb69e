"""CAMEO codes with their PLOVER type, mode, Goldstein value and quad class (data/ontology/cameo.tsv)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .datafiles import read_tsv
from .errors import DataFileError
from .records import PLOVER_TYPES


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    plover: str | None
    mode: str | None
    context: str | None
    goldstein: float
    quad: int


class Ontology:
    """Lookups over the CAMEO table: exact code, then its 3-digit parent, then its root."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    def __contains__(self, code: str) -> bool:
        return code in self._codes

    def get(self, code: str) -> CameoCode:
        for key in (code, code[:3], code[:2]):
            if key in self._codes:
                found = self._codes[key]
                if key != code:
                    return CameoCode(code, found.plover, found.mode, found.context, found.goldstein, found.quad)
                return found
        raise DataFileError(f"unknown CAMEO code {code!r}: add it to data/ontology/cameo.tsv")

    def codes(self) -> list[str]:
        return sorted(self._codes)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    codes: dict[str, CameoCode] = {}
    for row in read_tsv("ontology/cameo.tsv"):
        plover = row["plover"] or None
        if plover is not None and plover not in PLOVER_TYPES and plover != "YIELD":
            raise DataFileError(f"ontology/cameo.tsv: unknown PLOVER type {plover!r} for {row['cameo']}")
        codes[row["cameo"]] = CameoCode(
            code=row["cameo"],
            plover=plover,
            mode=row["mode"] or None,
            context=row["context"] or None,
            goldstein=float(row["goldstein"]),
            quad=int(row["quad"]),
        )
    return Ontology(codes)
