"""Actor resolution: a noun phrase -> country (ISO3) + sector, with the rule that decided.

Data files (``data/actors/``): ``countries.tsv`` (names, aliases, adjectives, demonyms,
capitals), ``sectors.tsv`` (role words with a priority) and ``named.tsv`` (people and
organisations with validity dates). Context beats the dictionary: a role word or a country
adjective in the phrase overrides a named entry's sector or country. A :class:`DocumentActors`
memory resolves surnames and bare titles ("the prime minister") to earlier full mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from .datafiles import read_tsv
from .errors import DataFileError
from .records import Actor

MAX_KEY = 8
_QUALIFIER = re.compile(r"^-?(?:backed|led|linked|allied|funded|sponsored|supported|aligned|affiliated|based|made|born)$")
_FACILITY = {
    "airport", "base", "embassy", "consulate", "port", "province", "governorate", "city", "street",
    "square", "university", "hospital", "camp", "district", "region", "border", "soil", "territory",
    "waters", "strait", "zone", "area", "refinery", "field", "compound", "palace", "bridge",
    "station", "river", "mountain", "mountains", "sea", "gulf", "airspace", "prison", "hotel",
}  # fmt: skip
_GENERIC_HEADS = {"country", "nation", "state", "government"}


@dataclass(frozen=True, slots=True)
class NamedEntry:
    name: str
    country: str | None
    sector: str | None
    start: str | None
    end: str | None
    wikidata: str | None

    def valid_on(self, day: str | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index into the phrase
    end: int
    kind: str  # country/adjective/demonym/capital/sector/named
    value: str  # iso3, sector code or entry name
    priority: int = 0
    surface: str = ""


@dataclass(slots=True)
class Dictionaries:
    countries: dict[tuple[str, ...], list[tuple[str, str]]] = field(default_factory=dict)
    sectors: dict[tuple[str, ...], tuple[str, int]] = field(default_factory=dict)
    named: dict[tuple[str, ...], list[NamedEntry]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    #: keys written in capitals in the data ("US", "UK", "ISIS"): matched only when capitalised in text
    case_keys: set[tuple[str, ...]] = field(default_factory=set)
    free_keys: set[tuple[str, ...]] = field(default_factory=set)


def _key(text: str, *, lower: bool = True) -> tuple[str, ...]:
    text = re.sub(r"(\w)'s\b", r"\1 's", text.replace("\u2019", "'"))
    if lower:
        text = text.lower()
    return tuple(t for t in re.findall(r"[\w.'&]+(?<!\.)\.?|[\w]+|-", text) if t)


def _note_case(d: Dictionaries, surface: str, key: tuple[str, ...]) -> None:
    letters = re.sub(r"[^A-Za-z]", "", surface)
    if letters and letters.isupper() and len(letters) <= 5:
        d.case_keys.add(key)
    else:
        d.free_keys.add(key)  # the same key written in lower case somewhere: match it in any case


_REGION_WORDS = {"latin", "south", "central", "north", "meso", "pan"}


def phrase_key(tokens: list[str]) -> tuple[str, ...]:
    return _key(" ".join(tokens))


@lru_cache(maxsize=1)
def load_dictionaries() -> Dictionaries:
    d = Dictionaries()
    for row in read_tsv("actors/countries.tsv"):
        iso = row["iso3"]
        if not re.fullmatch(r"[A-Z]{3}", iso):
            raise DataFileError(f"actors/countries.tsv: bad iso3 {iso!r}")
        d.country_names[iso] = row["name"]
        for column, kind in (("name", "country"), ("aliases", "country"), ("adjectives", "adjective"),
                             ("demonyms", "demonym"), ("capitals", "capital")):  # fmt: skip
            for surface in filter(None, (s.strip() for s in row.get(column, "").split("|"))):
                key = _key(surface)
                if key and key[0] == "the" and len(key) > 1:
                    key = key[1:]
                if key:
                    d.countries.setdefault(key, []).append((iso, kind))
                    _note_case(d, surface, key)
    for row in read_tsv("actors/sectors.tsv"):
        key = _key(row["phrase"])
        if key:
            prio = int(row.get("priority") or 10)
            old = d.sectors.get(key)
            if old is None or prio > old[1]:
                d.sectors[key] = (row["sector"], prio)
    for row in read_tsv("actors/named.tsv"):
        entry = NamedEntry(
            name=row["name"],
            country=row.get("country") or None,
            sector=row.get("sector") or None,
            start=row.get("start") or None,
            end=row.get("end") or None,
            wikidata=row.get("wikidata") or None,
        )
        for surface in [row["name"], *row.get("aliases", "").split("|")]:
            key = _key(surface.strip())
            if key and key[0] == "the" and len(key) > 1:
                key = key[1:]
            if key:
                d.named.setdefault(key, []).append(entry)
                _note_case(d, surface.strip(), key)
    d.case_keys -= d.free_keys
    return d


def find_matches(words: list[str], dicts: Dictionaries) -> list[Match]:
    """Longest-first dictionary matches over lowercased words of a phrase."""
    flat: list[str] = []
    cased: list[str] = []
    owner: list[int] = []
    for i, word in enumerate(words):
        for part in _key(word, lower=False):
            cased.append(part)
            flat.append(part.lower())
            owner.append(i)
    matches: list[Match] = []
    i = 0
    while i < len(flat):
        found: Match | None = None
        for size in range(min(MAX_KEY, len(flat) - i), 0, -1):
            key = tuple(flat[i : i + size])
            start, end = owner[i], owner[i + size - 1] + 1
            surface = " ".join(words[start:end])
            if key in dicts.case_keys and not all(re.sub(r"[^A-Za-z]", "", c).isupper() for c in cased[i : i + size]):
                continue
            if key in (("america",), ("american",), ("americans",)) and i > 0 and flat[i - 1] in _REGION_WORDS:
                continue
            if key in dicts.named:
                found = Match(start, end, "named", "|".join(key), 50 + size, surface)
            elif key in dicts.countries:
                iso, kind = dicts.countries[key][0]
                found = Match(start, end, kind, iso, 0, surface)
            elif key in dicts.sectors:
                sector, prio = dicts.sectors[key]
                found = Match(start, end, "sector", sector, prio, surface)
            if found:
                # A capital or country name that names a place ("Baghdad Airport") is not an actor.
                nxt = flat[i + size] if i + size < len(flat) else ""
                if found.kind in ("capital", "country") and nxt in _FACILITY:
                    found = Match(start, end, "place", found.value, 0, surface)
                if found.kind in ("adjective", "country", "capital", "demonym") and i >= 2 and flat[i - 1] == "-" and flat[i - 2] in ("anti", "pro", "non"):
                    found = Match(start, end, "qualifier", found.value, 0, surface)  # "anti-American", "pro-Iranian"
                if found.kind in ("adjective", "country", "capital") and _QUALIFIER.match(nxt):
                    found = Match(start, end, "qualifier", found.value, 0, surface)
                if nxt == "-" and i + size + 1 < len(flat) and _QUALIFIER.match(flat[i + size + 1]):
                    found = Match(start, end, "qualifier", found.value, 0, surface)
                i += size
                break
        if found is None:
            i += 1
        else:
            matches.append(found)
    return matches


@dataclass(frozen=True, slots=True)
class Resolution:
    name: str | None
    country: str | None
    sector: str | None
    confidence: float
    rule: str
    is_person: bool = False

    @property
    def empty(self) -> bool:
        return self.country is None and self.sector is None


_OFFICE_SECTORS = ("GOV", "LEG", "JUD", "MIL", "SPY", "COP")


def _is_office(sector: str | None) -> bool:
    return bool(sector) and sector[:3] in _OFFICE_SECTORS  # type: ignore[index]


def resolve_words(words: list[str], *, day: str | None = None, head: int | None = None) -> Resolution:
    """Resolve a phrase given as words (tokens); ``head`` is the index of its head word if known."""
    dicts = load_dictionaries()
    matches = find_matches(words, dicts)
    named = [m for m in matches if m.kind == "named"]
    countries = [m for m in matches if m.kind in ("country", "adjective", "demonym", "capital")]
    sectors = [m for m in matches if m.kind == "sector"]
    rules: list[str] = []
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    confidence = 0.0
    is_person = False
    if named:
        best = max(named, key=lambda m: (m.end - m.start, -m.start))
        entries = dicts.named[tuple(best.value.split("|"))]
        when = day or date.today().isoformat()
        valid = [e for e in entries if e.valid_on(when)]
        # without a date, the most recent role; "former" needs a date to be judged against
        former = day is not None and not valid and all(e.end is not None and e.end < when for e in entries)
        entry = max(valid or entries, key=lambda e: (e.end is None, e.end or "", e.start or ""))
        name, country, sector = entry.name, entry.country, entry.sector
        confidence = 0.9
        rules.append(f"dict:named:{entry.name}")
        if former and entry.country and _is_office(entry.sector):
            sector = "ELI"  # out of office on that date: a former official is an elite (CAMEO ELI)
            rules.append(f"former:{entry.end}:{entry.sector}")
        is_person = best.surface[:1].isupper() and len(best.surface.split()) >= 1 and sector not in (None,)
    if countries:
        # The phrase's own country word wins ("Iraqi Prime Minister X", "Iran's speaker").
        own = countries[0]
        if country is None or own.kind in ("adjective", "country") and not named:
            country = own.value
        elif named and own.value != country and own.kind in ("adjective", "country") and own.start < min(m.start for m in named):
            country = own.value
            rules.append(f"context:country:{own.surface}")
        if not named:
            rules.append(f"{own.kind}:{own.surface}")
            confidence = max(confidence, 0.8)
            only_place_word = len(matches) == 1 and (head is None or own.start <= head < own.end)
            if own.kind == "capital" and only_place_word and sector is None:
                sector = "GOV"
                rules.append("capital-as-government")
            elif own.kind == "demonym" and not sectors and (head is None or own.start <= head < own.end) and any(
                w[:1].islower() and w.lower() not in ("the", "a", "an", "some", "many", "all", "most") for w in words[: own.start]
            ):
                sector = "CVL"  # "Iraqis", "ordinary Kazakhs": the people of a country
                rules.append("demonym-as-people")
    if sectors:
        best_sector = max(sectors, key=lambda m: (m.priority, m.end - m.start))
        if sector is None or best_sector.priority >= 20:
            if sector != best_sector.value and named:
                rules.append(f"context:role:{best_sector.surface}")
            sector = best_sector.value
        if not named:
            rules.append(f"role:{best_sector.surface}")
            confidence = max(confidence, 0.7 if country else 0.5)
    if country is None:
        place = _place_country(words, matches)
        if place is not None:
            country = place[0]
            rules.append(f"place-country:{place[1]}")
            confidence = max(confidence, 0.6)
    if countries and len({m.value for m in countries}) > 1:
        confidence = min(confidence, 0.6)
    return Resolution(name, country, sector, confidence, "+".join(rules) or "none", is_person)


_PLACE_MIN_POPULATION = 100_000


def _place_country(words: list[str], matches: list[Match]) -> tuple[str, str] | None:
    """'Shanghai authorities', 'Rakhine rebels': a known city or region names the country (GeoNames)."""
    from .geo import load_gazetteer

    taken = {i for m in matches for i in range(m.start, m.end)}
    gazetteer = load_gazetteer()
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            span = words[i : i + size]
            if any(j in taken for j in range(i, i + size)) or not all(w[:1].isupper() for w in span):
                continue
            place = gazetteer.lookup(" ".join(span))
            if place is not None and place.country and (place.population >= _PLACE_MIN_POPULATION or place.precision != "city"):
                return place.country, " ".join(span)
    return None


def country_name(iso3: str) -> str | None:
    return load_dictionaries().country_names.get(iso3)


def countries_in(words: list[str]) -> list[str]:
    """Every country a phrase names, in order (for coordinated actors: "US and Iraqi officials")."""
    out: list[str] = []
    for m in find_matches(words, load_dictionaries()):
        if m.kind in ("country", "adjective", "demonym", "capital") and m.value not in out:
            out.append(m.value)
    return out


_TITLE_WORDS = re.compile(r"^(?:the|a|an|its|his|her|their|country's|nation's)$", re.I)


class DocumentActors:
    """In-document memory for coreference: surnames and titles -> earlier full mentions."""

    def __init__(self) -> None:
        self._by_surname: dict[str, Resolution] = {}
        self._by_role: dict[tuple[str, ...], Resolution] = {}
        self._persons: list[Resolution] = []

    def remember(self, words: list[str], resolution: Resolution, role_words: list[str] | None = None) -> None:
        if resolution.empty:
            return
        names = [w for w in words if w[:1].isupper() and not _TITLE_WORDS.match(w)]
        if resolution.name and names:
            surname = names[-1].lower()
            self._by_surname[surname] = resolution
            for part in surname.split("-")[1:]:
                self._by_surname[part] = resolution
            self._persons.append(resolution)
        if role_words and resolution.name:
            self._by_role[_key(" ".join(role_words))] = resolution

    def last_person(self) -> Resolution | None:
        """The most recently mentioned named person (for "he", "she")."""
        return self._persons[-1] if self._persons else None

    def recall(self, words: list[str]) -> Resolution | None:
        content = [w for w in words if not _TITLE_WORDS.match(w)]
        if len(content) == 1 and content[0][:1].isupper():
            hit = self._by_surname.get(content[0].lower())
            if hit:
                return Resolution(hit.name, hit.country, hit.sector, hit.confidence * 0.95, f"coref:surname->{hit.name}", True)
        if words and words[0].lower() == "the" and content:
            key = _key(" ".join(content))
            hit = self._by_role.get(key)
            if hit:
                return Resolution(hit.name, hit.country, hit.sector, hit.confidence * 0.9, f"coref:title->{hit.name}", True)
            sectors = load_dictionaries().sectors
            if key in sectors:
                sector = sectors[key][0]
                for person in reversed(self._persons):
                    if person.sector == sector:
                        return Resolution(person.name, person.country, person.sector, person.confidence * 0.8, f"coref:title-sector->{person.name}", True)
        return None


_FORMER = re.compile(r"\+former:(\d{4}-\d{2}-\d{2}):(\w+)")


def as_of(actor: Actor, day: str | None) -> Actor:
    """The actor as it was on ``day``: a named official resolved as former (ELI) was still in office then."""
    match = _FORMER.search(actor.rule)
    if match is None or not day or day[:10] > match.group(1):
        return actor
    return replace(actor, sector=match.group(2), rule=actor.rule.replace(match.group(0), f"+in-office-on:{day[:10]}"))
