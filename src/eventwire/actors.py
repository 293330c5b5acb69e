"""Actor resolution: a noun phrase -> country (ISO3) + sector, with the rule that decided.

Data files (``data/actors/``): ``countries.tsv`` (names, aliases, adjectives, demonyms,
capitals), ``peoples.tsv`` (peoples of one country: "Yoruba", "Chechens"), ``regions.tsv`` (provinces and states that name their country), ``sectors.tsv``
(role words with a priority), ``named.tsv`` and ``named_historical.tsv`` (people and organisations with
validity dates; the second holds office holders whose terms began 1970-1999) and
``spellings.tsv`` (transliteration variants of given names). Keys are spelling-normalised on
both sides: accents folded ("Khürelsükh" = "Khurelsukh"), given-name variants mapped to one form
("Mohamed" = "Mohammed"), and a hyphenated name also matches without its hyphens. Context beats
the dictionary: a role word or a country adjective in the phrase overrides a named entry's
sector or country. A :class:`DocumentActors` memory resolves surnames and bare titles ("the
prime minister") to earlier full mentions.
"""

from __future__ import annotations

import re
import unicodedata
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
    #: provinces, states and regions -> ISO3 (matched only when capitalised in text)
    regions: dict[tuple[str, ...], str] = field(default_factory=dict)
    #: last word of a named person's name -> the entries (for "Deputy Secretary Hicks")
    surnames: dict[str, list[NamedEntry]] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    #: keys that only an accented surface gave ("Khurelsukh" from "Khürelsükh"): matched only when capitalised
    proper_keys: set[tuple[str, ...]] = field(default_factory=set)
    plain_keys: set[tuple[str, ...]] = field(default_factory=set)
    #: folded keys that are English words ("male" from "Malé"): matched only when the text keeps the accents
    accented_keys: set[tuple[str, ...]] = field(default_factory=set)


# letters that Unicode decomposition does not fold to ASCII
_FOLD_EXTRA = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ß": "ss",
                             "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ʼ": "'", "ʻ": "'", "`": "'"})  # fmt: skip


def fold(text: str) -> str:
    """Accents and ligatures folded to ASCII letters: 'Khürelsükh' -> 'Khurelsukh', 'Thaçi' -> 'Thaci'."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tokens(text: str) -> list[str]:
    """Word tokens of ``text``, case kept, accents folded (keys split "'s" and keep "-" as a token)."""
    text = re.sub(r"(\w)'s\b", r"\1 's", fold(text.replace("\u2019", "'")))
    return [t for t in re.findall(r"[\w.'&]+(?<!\.)\.?|[\w]+|-", text) if t]


_AS_WRITTEN = "(as written)"


@lru_cache(maxsize=1)
def _as_written() -> frozenset[str]:
    """Folded forms that are English words: their accented names match only with the accents."""
    rows = [row for row in read_tsv("actors/spellings.tsv") if row["canonical"] == _AS_WRITTEN]
    return frozenset(v.strip().lower() for row in rows for v in row.get("variants", "").split("|") if v.strip())


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in read_tsv("actors/spellings.tsv"):
        if row["canonical"] == _AS_WRITTEN:
            continue
        canonical = fold(row["canonical"]).lower()
        for variant in filter(None, (v.strip() for v in row.get("variants", "").split("|"))):
            out[fold(variant).lower()] = canonical
    return out


def _norm(token: str) -> str:
    low = token.lower()
    return _spellings().get(low, low)


def _key(text: str, *, lower: bool = True) -> tuple[str, ...]:
    """The dictionary key of ``text``: lowercased, accent-folded, spelling-normalised tokens."""
    tokens = _tokens(text)
    return tuple(_norm(t) for t in tokens) if lower else tuple(tokens)


def _raw_key(text: str) -> tuple[str, ...]:
    """The key as written (lowercased, no folding): kept so that lookups by exact name still work."""
    text = re.sub(r"(\w)'s\b", r"\1 's", text.replace("\u2019", "'")).lower()
    return tuple(t for t in re.findall(r"[\w.'&]+(?<!\.)\.?|[\w]+|-", text) if t)


def _keys(surface: str) -> list[tuple[str, ...]]:
    """Every key a dictionary surface is filed under: normalised, as written, and without its hyphens."""
    out: list[tuple[str, ...]] = []
    for key in (_key(surface), _raw_key(surface)):
        if key and key[0] == "the" and len(key) > 1:
            key = key[1:]
        for variant in (key, tuple(t for t in key if t != "-")):
            if variant and variant not in out:
                out.append(variant)
    return out


def _note_case(d: Dictionaries, surface: str, key: tuple[str, ...]) -> None:
    if surface.isascii() or key == _raw_key(surface) or key == tuple(t for t in _raw_key(surface) if t != "-"):
        d.plain_keys.add(key)
    else:
        d.proper_keys.add(key)
        if len(key) == 1 and key[0] in _as_written():
            d.accented_keys.add(key)
    letters = re.sub(r"[^A-Za-z]", "", surface)
    if letters and letters.isupper() and len(letters) <= 5:
        d.case_keys.add(key)
    else:
        d.free_keys.add(key)  # the same key written in lower case somewhere: match it in any case


_REGION_WORDS = {"latin", "south", "central", "north", "meso", "pan"}


def phrase_key(tokens: list[str]) -> tuple[str, ...]:
    return _key(" ".join(tokens))


_SECTOR_CODE = re.compile(r"^(?:[A-Z]{3})+$")
#: US states named like a country or a capital stay out of the region list
_US_STATES_LEFT_OUT = {"Georgia", "Washington", "Virginia"}


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
                for key in _keys(surface):
                    if (iso, kind) not in d.countries.setdefault(key, []):
                        d.countries[key].append((iso, kind))
                    _note_case(d, surface, key)
    for row in read_tsv("actors/peoples.tsv"):  # "Yoruba leaders", "Chechens": a people that lives in one country
        iso = row["iso3"]
        if iso not in d.country_names:
            raise DataFileError(f"actors/peoples.tsv: unknown iso3 {iso!r}")
        for column, kind in (("adjectives", "adjective"), ("demonyms", "demonym")):
            for surface in filter(None, (s.strip() for s in row.get(column, "").split("|"))):
                for key in _keys(surface):
                    if key not in d.countries:
                        d.countries[key] = [(iso, kind)]
                        _note_case(d, surface, key)
    for row in read_tsv("actors/sectors.tsv"):
        if not _SECTOR_CODE.match(row["sector"]):
            raise DataFileError(f"actors/sectors.tsv: bad sector {row['sector']!r} for {row['phrase']!r}")
        prio = int(row.get("priority") or 10)
        for key in _keys(row["phrase"]):
            old = d.sectors.get(key)
            if old is None or prio > old[1]:
                d.sectors[key] = (row["sector"], prio)
    _load_regions(d)
    for row in [*read_tsv("actors/named.tsv"), *read_tsv("actors/named_historical.tsv")]:
        entry = NamedEntry(
            name=row["name"],
            country=row.get("country") or None,
            sector=row.get("sector") or None,
            start=row.get("start") or None,
            end=row.get("end") or None,
            wikidata=row.get("wikidata") or None,
        )
        for surface in [row["name"], *row.get("aliases", "").split("|")]:
            for key in _keys(surface.strip()):
                if entry not in d.named.setdefault(key, []):
                    d.named[key].append(entry)
                _note_case(d, surface.strip(), key)
        if _looks_like_person(entry.name, d):
            surname = _key(entry.name)[-1]
            if entry not in d.surnames.setdefault(surname, []):
                d.surnames[surname].append(entry)
    d.case_keys -= d.free_keys
    d.proper_keys -= d.plain_keys
    d.accented_keys -= d.plain_keys
    return d


def _load_regions(d: Dictionaries) -> None:
    from .geo import geonames

    for state in geonames().get_us_states().values():
        if state["name"] not in _US_STATES_LEFT_OUT:
            d.regions[_key(state["name"])] = "USA"
    for row in read_tsv("actors/regions.tsv"):
        iso = row["iso3"]
        if not re.fullmatch(r"[A-Z]{3}", iso):
            raise DataFileError(f"actors/regions.tsv: bad iso3 {iso!r} for {row['name']!r}")
        for surface in filter(None, (s.strip() for s in [row["name"], *row.get("aliases", "").split("|")])):
            for key in _keys(surface):
                d.regions[key] = iso


_NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "do", "dos", "van", "von", "der", "le", "la", "zu", "di", "-"}


def _looks_like_person(name: str, d: Dictionaries) -> bool:
    """A named entry that reads as a person's name: two to five capitalised words, none a role or place word."""
    tokens = _tokens(name)
    words = [t for t in tokens if t.lower() not in _NAME_PARTICLES]
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() and w.replace("'", "").replace(".", "").isalpha() for w in words):
        return False
    vocabulary = _role_and_place_words(d)
    # a first name that is also a place word ("George" W. Bush) does not make a person an organisation
    return _norm(words[-1]) not in vocabulary and sum(_norm(w) in vocabulary for w in words) * 2 < len(words)


def _role_and_place_words(d: Dictionaries) -> set[str]:
    """Every word of a role phrase or a country name: an entry named with one is an organisation, not a person."""
    if not d.vocabulary:
        d.vocabulary = {t for key in (*d.sectors, *d.countries) for t in key}
    return d.vocabulary


def find_matches(words: list[str], dicts: Dictionaries) -> list[Match]:
    """Longest-first dictionary matches over lowercased words of a phrase."""
    flat: list[str] = []
    cased: list[str] = []
    owner: list[int] = []
    for i, word in enumerate(words):
        for part in _tokens(word):
            cased.append(part)
            flat.append(_norm(part))
            owner.append(i)
    matches: list[Match] = []
    i = 0
    while i < len(flat):
        found: Match | None = None
        for size in range(min(MAX_KEY, len(flat) - i), 0, -1):
            if flat[i] == "-" or flat[i + size - 1] == "-":
                continue
            key = tuple(flat[i : i + size])
            if "-" in key and key not in dicts.named and key not in dicts.countries and key not in dicts.sectors:
                key = tuple(t for t in key if t != "-")  # "Al-Sabah" in text, "Al Sabah" in the data
            start, end = owner[i], owner[i + size - 1] + 1
            surface = " ".join(words[start:end])
            if key in dicts.case_keys and not all(re.sub(r"[^A-Za-z]", "", c).isupper() for c in cased[i : i + size] if c != "-"):
                continue
            if key in dicts.proper_keys and not cased[i][:1].isupper():
                continue  # "khurelsukh" only as a name: Khurelsukh
            if key in dicts.accented_keys and surface.isascii():
                continue  # "Malé" and "Støre", not "male" and "store"
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
            elif key in dicts.regions and all(c[:1].isupper() for c in cased[i : i + size] if c != "-"):
                found = Match(start, end, "region", dicts.regions[key], 0, surface)
            if found:
                # A capital or country name that names a place ("Baghdad Airport") is not an actor.
                nxt = flat[i + size] if i + size < len(flat) else ""
                after = flat[i + size + 1] if nxt == "-" and i + size + 1 < len(flat) else nxt
                placed = found.kind in ("adjective", "country", "capital", "region")
                if found.kind in ("capital", "country") and nxt in _FACILITY:
                    found = Match(start, end, "place", found.value, 0, surface)
                if found.kind in ("adjective", "country", "capital", "demonym") and i >= 2 and flat[i - 1] == "-" and flat[i - 2] in ("anti", "pro", "non"):
                    found = Match(start, end, "qualifier", found.value, 0, surface)  # "anti-American", "pro-Iranian"
                if placed and after == "based":
                    found = Match(start, end, "based", found.value, 0, surface)  # "a Somalia-based group": where it is
                elif placed and nxt == "-" and after == "led":
                    found = Match(start, end, "led", found.value, 0, surface)  # "Vietnamese-led forces": whose they are
                elif found.kind in ("adjective", "country", "capital") and _QUALIFIER.match(nxt):
                    found = Match(start, end, "qualifier", found.value, 0, surface)
                elif nxt == "-" and i + size + 1 < len(flat) and _QUALIFIER.match(flat[i + size + 1]):
                    found = Match(start, end, "qualifier", found.value, 0, surface)
                i += size
                break
        if found is None:
            near = _misspelt_country(cased[i], dicts)
            if near is not None:
                iso, kind = near
                found = Match(owner[i], owner[i] + 1, kind, iso, 0, words[owner[i]])
                matches.append(found)
            i += 1
        else:
            matches.append(found)
    return matches


def _within(a: str, b: str, limit: int) -> bool:
    """Damerau-Levenshtein distance (adjacent transpositions count once) of two words is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return False
        prev2, prev = prev, cur
    return prev[-1] <= limit


@lru_cache(maxsize=4096)
def _near_country(word: str) -> tuple[str, str] | None:
    dicts = load_dictionaries()
    limit = 2 if len(word) >= 10 else 1
    hits = {
        hit
        for key, values in dicts.countries.items()
        if len(key) == 1 and key[0][:1] == word[:1] and _within(word, key[0], limit)
        for hit in values[:1]
        if hit[1] in ("country", "adjective", "demonym")
    }
    return next(iter(hits)) if len({iso for iso, _ in hits}) == 1 else None


def _misspelt_country(word: str, dicts: Dictionaries) -> tuple[str, str] | None:
    """'Ethopia', 'Afganistan', 'Phillippines': a capitalised word one letter (two in long words) away from
    exactly one country's name, adjective or demonym, and not itself a place in the gazetteer ('Columbia')."""
    if len(word) < 7 or not word[:1].isupper() or not word.isalpha():
        return None
    low = _norm(word)
    if (low,) in dicts.named or (low,) in dicts.sectors or (low,) in dicts.regions:
        return None
    near = _near_country(low)
    if near is None:
        return None
    from .geo import load_gazetteer

    return None if load_gazetteer().lookup(word) is not None else near


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
#: codes of international bodies; a branch role after the body's name makes a compound ("EU legislators" -> EURLEG)
_BODY_CODES = ("UNO", "EUR", "IGO")
_BODY_BRANCHES = ("LEG", "JUD", "MIL", "COP", "SPY")
#: a phrase that is only a personal pronoun names a person of unknown role (NGEC/PLOVER UNK)
_PRONOUNS = {"he", "she", "him", "her", "they", "them"}
_EX_WORDS = {"former", "ex"}
_DETERMINERS = {"the", "a", "an"}
_LOCATIVE = {"in", "at", "near", "across", "outside", "inside", "around"}


def _is_office(sector: str | None) -> bool:
    if not sector:
        return False
    if sector[:3] in _BODY_CODES:
        return sector[3:6] in _OFFICE_SECTORS
    return sector[:3] in _OFFICE_SECTORS


def resolve_words(words: list[str], *, day: str | None = None, head: int | None = None) -> Resolution:
    """Resolve a phrase given as words (tokens); ``head`` is the index of its head word if known."""
    dicts = load_dictionaries()
    content = [w for w in words if re.search(r"\w", w)]
    if len(content) == 1 and content[0].lower() in _PRONOUNS:
        return Resolution(None, None, "UNK", 0.3, f"pronoun:{content[0]}")
    rules: list[str] = []
    matches = _context_matches(words, find_matches(words, dicts), dicts, rules)
    named = [m for m in matches if m.kind == "named"]
    countries = [m for m in matches if m.kind in ("country", "adjective", "demonym", "capital")]
    sectors = [m for m in matches if m.kind == "sector"]
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    confidence = 0.0
    is_person = False
    body: tuple[Match, str] | None = None
    if named:
        best = max(named, key=lambda m: (m.end - m.start, -m.start))
        entries = dicts.named[tuple(best.value.split("|"))]
        when = day or date.today().isoformat()
        valid = [e for e in entries if e.valid_on(when)]
        # without a date, the most recent role; "former" needs a date to be judged against (a later
        # return to office does not count: Trump in 2022 is a former president)
        past = [e for e in entries if e.end is not None and e.end < when]
        former = day is not None and not valid and bool(past)
        entry = max(valid or (past if former else entries), key=lambda e: (e.end is None, e.end or "", e.start or ""))
        name, country, sector = entry.name, entry.country, entry.sector
        confidence = 0.9
        rules.append(f"dict:named:{entry.name}")
        if former and entry.country and _is_office(entry.sector):
            sector = "ELI"  # out of office on that date: a former official is an elite (CAMEO ELI)
            rules.append(f"former:{entry.end}:{entry.sector}")
        is_person = best.surface[:1].isupper() and len(best.surface.split()) >= 1 and sector not in (None,)
        if entry.country is None and entry.sector in _BODY_CODES:
            body = (best, entry.sector)
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
            only_place_word &= not (own.start > 0 and words[own.start - 1].lower() in _LOCATIVE)  # "a park in Kabul"
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
            titled = _titled_surname(words, sectors, dicts, day)
            if titled is not None:
                name, sector, is_person = titled.name, titled.sector, True
                country = country or titled.country
                confidence = 0.85
                rules.append(f"title-surname:{titled.name}")
            elif country is None and sector == "GOV":
                leader = _leaders_government(words, best_sector, dicts, day)
                if leader is not None:
                    country = leader.country
                    confidence = 0.8
                    rules.append(f"leaders-government:{leader.name}")
    if body is not None:
        # "European Union legislators", "the EU legislature": the body's code + the branch (EURLEG)
        roles = [m for m in sectors if m.start >= body[0].end and m.value[:3] in _BODY_BRANCHES]
        if roles:
            role = max(roles, key=lambda m: (m.priority, m.end - m.start))
            sector = body[1] + role.value[:3]
            rules.append(f"body-role:{role.surface}")
    if _is_office(sector) and any(
        words[j].lower() in _EX_WORDS and any(m.start > j for m in (*named, *sectors)) for j in range(len(words))
    ):
        sector = "ELI"  # "a former CIA official", "ex-White House aide": former officials are elites (CAMEO ELI)
        rules.append("former-title")
    if country is None:
        located = _located_country(words, matches, sector is not None)
        if located is not None:
            country, rule, whole_city = located
            rules.append(rule)
            confidence = max(confidence, 0.6)
            if whole_city and sector is None and not named:
                sector = "CVL"  # "Mariupol", "Sydney": a town named as an actor is its people
                rules.append("city-as-people")
    if countries and len({m.value for m in countries}) > 1:
        confidence = min(confidence, 0.6)
    return Resolution(name, country, sector, confidence, "+".join(rules) or "none", is_person)


def _context_matches(words: list[str], matches: list[Match], dicts: Dictionaries, rules: list[str]) -> list[Match]:
    """Named matches that are context, not the actor.

    "Canadian Ambassador to the United Nations": a body after "to" is where the role is posted, so
    the country and role before it decide. "Chile's Defense Department": a named entry whose name
    is also a role phrase ("Defense Department" = the Pentagon) after another country's name is that
    country's office, so the role phrase decides.
    """
    out: list[Match] = []
    for m in matches:
        if m.kind == "named":
            before = m.start - 1
            while before >= 0 and words[before].lower() in _DETERMINERS:
                before -= 1
            if before > 0 and words[before].lower() == "to" and any(
                o.kind in ("sector", "country", "adjective", "demonym") and o.end <= before for o in matches
            ):
                rules.append(f"destination:{m.surface}")
                continue
            key = tuple(m.value.split("|"))
            own = [o for o in matches if o.kind in ("country", "adjective") and o.end <= m.start]
            homes = {e.country for e in dicts.named[key]}
            if key in dicts.sectors and own and own[0].value not in homes:
                sector, prio = dicts.sectors[key]
                out.append(Match(m.start, m.end, "sector", sector, prio, m.surface))
                continue
        out.append(m)
    return out


def _titled_surname(words: list[str], sectors: list[Match], dicts: Dictionaries, day: str | None) -> NamedEntry | None:
    """A title and a surname name the one known person with that role: "Deputy Secretary Hicks"."""
    last = len(words) - 1
    if last < 1 or not words[last][:1].isupper() or not any(m.end == last for m in sectors):
        return None
    role = next(m for m in sectors if m.end == last)
    when = day or date.today().isoformat()
    candidates = [
        e for e in dicts.surnames.get(_norm(fold(words[last])), [])
        if e.sector and e.sector[:3] == role.value[:3] and (day is None or e.valid_on(when))
    ]  # fmt: skip
    if len({e.name for e in candidates}) != 1:
        return None
    return max(candidates, key=lambda e: (e.valid_on(when), e.end is None, e.end or ""))


def _leaders_government(words: list[str], role: Match, dicts: Dictionaries, day: str | None) -> NamedEntry | None:
    """'The Bush administration', 'the Netanyahu government': a leader's surname before the word for a
    government names the country whose government that leader led (on the day, when one is given)."""
    if role.start < 1 or not words[role.start - 1][:1].isupper():
        return None
    when = day or date.today().isoformat()
    candidates = [
        e for e in dicts.surnames.get(_norm(fold(words[role.start - 1])), [])
        if e.country and e.sector == "GOV" and (day is None or e.valid_on(when))
    ]  # fmt: skip
    if len({e.country for e in candidates}) != 1:
        return None
    return candidates[0]


_PLACE_MIN_POPULATION = 100_000


def _located_country(words: list[str], matches: list[Match], has_role: bool) -> tuple[str, str, bool] | None:
    """The country of a phrase that names none: from a province or state ("Rakhine rebels"), a
    "-based" place ("a Somalia-based group"), a place that a role is attached to ("Tehran University",
    but "Baghdad Airport" alone is no actor), or a known city ("Shanghai authorities"). The flag says
    the phrase is nothing but a city's name."""
    for kind in ("region", "based", "led", *(("place",) if has_role else ())):
        for m in matches:
            if m.kind == kind:
                return m.value, f"{kind}:{m.surface}", False
    place = _place_country(words, matches)
    if place is None:
        return None
    iso, surface, whole = place
    return iso, f"place-country:{surface}", whole


def _place_country(words: list[str], matches: list[Match]) -> tuple[str, str, bool] | None:
    """'Shanghai authorities', 'Mariupol': a known city names the country (GeoNames).

    Not a city: a word of a hyphenated name ("Harry Ho-jen Tseng"), a short alternate name that is
    an abbreviation ("Hou" for Houston), or part of a bare personal name ("Leon Bobb").
    """
    from .geo import load_gazetteer

    taken = {i for m in matches for i in range(m.start, m.end)}
    gazetteer = load_gazetteer()
    surnames = load_dictionaries().surnames
    content = [w for w in words if w.lower() not in _DETERMINERS]
    bare_name = not matches and all(w[:1].isupper() or not re.search(r"\w", w) for w in content)
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            span = words[i : i + size]
            if any(j in taken for j in range(i, i + size)) or not all(w[:1].isupper() for w in span):
                continue
            if (i > 0 and words[i - 1] == "-") or (i + size < len(words) and words[i + size] == "-"):
                continue
            text = " ".join(span)
            whole = span == content
            if bare_name and not whole:
                continue
            named = [w for w in span if w.lower() not in _DETERMINERS]
            if len(named) == 1 and _norm(fold(named[0])) in surnames:
                continue  # "the Bush administration": a known office holder's name, not a town of that name
            place = gazetteer.lookup(text)
            if place is None or not place.country:
                continue
            if len(text) < 4 and fold(text).lower() != fold(place.name).lower():
                continue
            big = place.population >= _PLACE_MIN_POPULATION or place.precision != "city"
            if big or (whole and size > 1):
                return place.country, text, whole and place.precision == "city"
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
