"""The lookup tables the exports need, read once from data files and checked at load.

``data/ontology/countries.tsv`` (ISO3 -> ISO2, ISO numeric, FIPS 10-4, name, ACLED region),
``data/ontology/gdelt2-columns.tsv`` (GDELT 2.0 event columns in order), ``data/export/gdelt-geotype.tsv``,
``data/export/acled-actors.tsv``, ``data/export/acled-disorder.tsv`` and ``data/export/acled-precision.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import read_tsv
from ..errors import DataFileError


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    iso_numeric: str
    fips: str
    name: str
    acled_region: str


@dataclass(frozen=True, slots=True)
class AcledActorRule:
    inter: int
    actor: str  # template: {country} the country name, {name} the actor's name or text
    use_name: bool


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for row in read_tsv("ontology/countries.tsv"):
        if not re.fullmatch(r"[A-Z]{3}", row["iso3"]) or not re.fullmatch(r"[A-Z]{2}|", row["fips"]):
            raise DataFileError(f"ontology/countries.tsv: bad iso3 {row['iso3']!r} or fips {row['fips']!r}")
        out[row["iso3"]] = Country(row["iso3"], row["iso2"], row["iso_numeric"], row["fips"], row["name"], row["acled_region"])
    return out


def country(iso3: str | None) -> Country | None:
    return countries().get(iso3) if iso3 else None


@lru_cache(maxsize=1)
def gdelt_columns() -> tuple[str, ...]:
    """The 61 GDELT 2.0 event columns, in GDELT's order."""
    rows = list(read_tsv("ontology/gdelt2-columns.tsv", include_user=False))
    names = tuple(row["name"] for row in rows)
    if [int(row["index"]) for row in rows] != list(range(61)) or len(set(names)) != 61:
        raise DataFileError("ontology/gdelt2-columns.tsv must list 61 distinct columns indexed 0..60")
    return names


@lru_cache(maxsize=1)
def gdelt_geo_types() -> dict[tuple[str, str], int]:
    """(location precision, "yes"/"no"/"*" for in the USA) -> GDELT geo type code."""
    out: dict[tuple[str, str], int] = {}
    for row in read_tsv("export/gdelt-geotype.tsv"):
        if row["in_usa"] not in ("yes", "no", "*"):
            raise DataFileError(f"export/gdelt-geotype.tsv: in_usa must be yes, no or *, not {row['in_usa']!r}")
        out[(row["precision"], row["in_usa"])] = int(row["geo_type"])
    return out


@lru_cache(maxsize=1)
def acled_actor_rules() -> dict[str, AcledActorRule]:
    out: dict[str, AcledActorRule] = {}
    for row in read_tsv("export/acled-actors.tsv"):
        inter = int(row["inter"])
        if not 1 <= inter <= 8:
            raise DataFileError(f"export/acled-actors.tsv: inter for {row['sector']} must be 1..8, not {inter}")
        out[row["sector"]] = AcledActorRule(inter, row["actor"], row["use_name"] == "yes")
    return out


@lru_cache(maxsize=1)
def acled_disorder() -> dict[tuple[str, str], str]:
    return {(row["event_type"], row["sub_event_type"]): row["disorder_type"] for row in read_tsv("export/acled-disorder.tsv")}


@lru_cache(maxsize=1)
def acled_precision() -> dict[tuple[str, str], int]:
    """(``time_precision`` or ``geo_precision``, eventwire precision) -> ACLED code."""
    return {(row["field"], row["value"]): int(row["code"]) for row in read_tsv("export/acled-precision.tsv")}
