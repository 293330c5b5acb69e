"""Place resolution: the location of an event from its own sentence, geocoded offline.

Candidates are place names in the trigger's clause (named entities of type GPE/LOC/FAC, gazetteer
names, "Iraqi soil"), reached from the trigger through prepositions, objects and appositions, never
through its subject. The nearest candidate in a locative phrase wins; places attached to the
governing verbs come next. Each place says which rule found it and how it was geocoded.
"""

from __future__ import annotations

from typing import Any

from .actors import countries_in
from .extract.dates import MONTHS
from .geo import Gazetteer, load_gazetteer
from .phrases import phrase_tokens
from .records import Location

Token = Any
LOCATIVE = {"in", "near", "inside", "at", "outside", "on", "around", "across", "into", "within", "off", "throughout",
            "along", "over", "toward", "towards", "between", "through", "north", "south", "east", "west",
            "northeast", "northwest", "southeast", "southwest", "elsewhere", "outskirts", "close", "during", "of"}  # fmt: skip
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_NOUNS = {"soil", "territory", "waters", "airspace"}
FACILITY_NOUNS = {"airport", "base", "embassy", "camp", "compound", "consulate", "palace", "port", "checkpoint", "prison"}
_PASS_DEPS = {"prep", "pobj", "dobj", "appos", "compound", "advmod", "npadvmod", "conj", "amod", "attr", "pcomp", "obj", "dative", "nmod", "acl"}
_BLOCK_DEPS = {"nsubj", "nsubjpass", "csubj", "poss", "relcl"}


def _path_cost(tok: Token, trigger: Token) -> int | None:
    """Steps from ``trigger`` down to ``tok``; None when the path leaves through a subject or possessor."""
    cost = 0
    node = tok
    locative = False
    while node.i != trigger.i:
        area_poss = node.dep_ == "poss" and node.head.lemma_.lower() in AREA_NOUNS | EVENT_PLACE_NOUNS
        if area_poss:
            cost += 2  # "Syria's Aleppo province": the possessor is the wider place
        in_subject_pp = node.dep_ in ("nsubj", "nsubjpass") and node.head.i == trigger.i and locative
        if in_subject_pp:
            cost += 3  # "Dozens of Iraqis in Tikrit demonstrated"
        elif not area_poss and (node.dep_ in _BLOCK_DEPS and node.head.i != trigger.i or node.dep_ in ("nsubj", "csubj", "poss")):
            return None
        if node.dep_ == "ccomp" and node.head.i == trigger.i:
            return None  # a reported clause: "demanded that the US stop selling arms to Taiwan"
        if node.dep_ in ("advcl", "ccomp", "xcomp", "parataxis"):
            cost += 4
        elif node.dep_ not in _PASS_DEPS and node.dep_ != "nsubjpass":
            cost += 2
        if node.dep_ == "prep" and node.lower_ in LOCATIVE:
            locative = True
        cost += 1
        if node.head.i == node.i:
            return None
        node = node.head
    return cost if locative or tok.head.i == trigger.i or tok.dep_ in ("dobj", "appos", "compound") else cost + 3


AREA_NOUNS = {"district", "town", "village", "city", "neighbourhood", "neighborhood", "province", "region", "area",
              "countryside", "governorate", "suburb", "quarter", "square", "street", "county", "state", "valley", "border",
              "capital", "port", "island", "camp", "base", "airport", "outskirts", "streets", "territory", "zone",
              "market", "hospital", "mosque", "church", "school", "university", "prison", "embassy", "checkpoint"}  # fmt: skip


VICINITY_NOUNS = {"outskirts", "vicinity", "centre", "center", "suburbs", "edge", "heart", "north", "south", "east", "west", "part",
                  "parts", "streets", "countryside", "environs", "municipality", "coast"}  # fmt: skip
EVENT_PLACE_NOUNS = {"campaign", "operation", "battle", "offensive", "fighting", "clashes", "clash", "conflict", "war", "siege",
                     "headquarters", "hotel", "home", "house", "office", "building", "settlement", "installations", "facility",
                     "plant", "field", "basin", "coast", "streets", "port", "front", "frontline", "municipality", "precinct"}  # fmt: skip
TAKE_VERBS = {"capture", "seize", "take", "liberate", "patrol", "storm", "enter", "overrun", "besiege", "recapture",
              "retake", "occupy", "control", "bomb", "shell", "attack", "hit", "invade", "raid", "encircle", "surround"}  # fmt: skip


def _is_modifier_of_thing(tok: Token) -> bool:
    """'U.S. airstrike', 'Los Angeles television station': a place name used as a modifier, not a place."""
    if tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.pos_ in ("NOUN", "PROPN"):
        head = tok.head.lemma_.lower()
        return head not in AREA_NOUNS | EVENT_PLACE_NOUNS and tok.head.ent_type_ not in PLACE_LABELS
    return False


def _structural_place(tok: Token, gazetteer: Gazetteer) -> bool:
    """A proper noun in a place position, whatever the NER label says (NER often calls small towns persons)."""
    head = tok.head.lemma_.lower()
    named_as_other = tok.ent_type_ in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART")
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE and tok.head.lower_ != "of":
        return not named_as_other or gazetteer.lookup(tok.text) is not None
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in AREA_NOUNS | VICINITY_NOUNS:
        return True  # "the city of Karachi", "the outskirts of Kobane"
    if tok.dep_ in ("compound", "poss") and head in AREA_NOUNS | EVENT_PLACE_NOUNS:
        return True  # "Aziziyah district", "the Manbij campaign", "Grozny's streets"
    if tok.dep_ == "appos" and head in AREA_NOUNS:
        return True  # "the regional capital, Grozny"
    if tok.dep_ == "dobj" and head in TAKE_VERBS:
        return not named_as_other or gazetteer.lookup(tok.text) is not None  # "captured Jaffna"
    return False


def _candidates(sent: Any, gazetteer: Gazetteer) -> list[Token]:
    out: dict[int, Token] = {}
    for ent in sent.ents:
        if ent.label_ in PLACE_LABELS:
            out[ent.root.i] = ent.root
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in PLACE_NOUNS and countries_in([t.text for t in phrase_tokens(tok)]):
            out[tok.i] = tok
        elif (tok.pos_ == "PROPN" and tok.ent_type_ not in ("DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "EVENT", "LAW", "LANGUAGE")
              and tok.lower_.rstrip(".") not in MONTHS):  # "on Aug 26" is a day, not Augusta
            root = tok
            while root.dep_ in ("compound", "flat") and root.head.pos_ == "PROPN" and root.head.i != root.i:
                root = root.head  # "San Carlos municipality": judge the whole name by its last word
            if tok.ent_type_ == "NORP" and (gazetteer.lookup(root.text) is None or countries_in([root.text])):
                continue  # a people ("Kurdish", "Iraqi"), unless NER mislabelled a town ("the town of Samarra")
            if _structural_place(root, gazetteer):
                out[root.i] = root
    return [t for t in out.values() if not _is_modifier_of_thing(t) and not _origin(t)]


def _attribution(tok: Token, trigger: Token) -> bool:
    """'according to local sources in Nineveh', 'speaking to ARA News from Mosul': who said it, not where it happened."""
    for node in (tok, *tok.ancestors):
        if node.i == trigger.i:
            return False
        if node.lower_ == "according":
            return True
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in ("speak", "tell", "say", "report", "quote", "cite"):
            return True
    return False


def _origin(tok: Token) -> bool:
    """'a cab driver from Abidjan': where a person comes from, not where the event happened."""
    node = tok
    while node.dep_ in ("compound", "appos", "conj") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ == "from" and node.head.head.pos_ in ("NOUN", "PROPN")


def locate(trigger: Token, doc_countries: tuple[str, ...], offset: int = 0, *, exclude: tuple[tuple[int, int], ...] = ()) -> Location | None:
    """The place where the event at ``trigger`` happened, or None; ``exclude`` holds the actors' character spans."""
    sent = trigger.sent
    gazetteer = load_gazetteer()
    best: tuple[int, Token] | None = None
    for cand in _candidates(sent, gazetteer):
        if cand.i == trigger.i:
            continue
        if any(s <= cand.idx + offset < e for s, e in exclude) or _attribution(cand, trigger):
            continue
        cost = _path_cost(cand, trigger) if any(a.i == trigger.i for a in cand.ancestors) else None
        if cost is None:
            # attached to a verb that governs the trigger ("In Mosul, ... was also killed")
            for up in trigger.ancestors:
                if up.left_edge.i <= cand.i <= up.right_edge.i and up.pos_ in ("VERB", "AUX") and _path_cost(cand, up) is not None:
                    cost = 8 + (_path_cost(cand, up) or 0)
                    break
        if cost is None:
            continue
        cost += _generality(cand, trigger)
        if best is None or cost < best[0]:
            best = (cost, cand)
    if best is None:
        return None
    return geocode(best[1], doc_countries, offset, gazetteer, rule=f"place:path-{best[0]}")


_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "km", "kilometers",
               "kilometres", "miles", "mile", "outside", "near", "from"}  # fmt: skip


def _generality(cand: Token, trigger: Token) -> int:
    """Prefer the most specific place: a reference point ("80 km south of Baghdad") or a country is wider."""
    extra = 0
    for node in cand.ancestors:
        if node.i == trigger.i:
            break
        if node.lower_ in _DIRECTIONS and node.i != cand.i:
            extra += 3
            break
    if countries_in([cand.text]) and cand.ent_type_ in ("GPE", "LOC", ""):
        extra += 2
    return extra


#: Words of natural features: a name containing one is that feature, never a town named by another of its words.
_FEATURE_WORDS = {"sea", "ocean", "gulf", "bay", "strait", "straits", "channel", "river", "lake", "mountains", "mountain",
                  "desert", "peninsula", "canal", "sound", "lagoon", "archipelago", "plateau", "highlands"}  # fmt: skip


def geocode(head: Token, doc_countries: tuple[str, ...], offset: int, gazetteer: Gazetteer, rule: str) -> Location:
    """Name, country, admin1, coordinates and precision for the place phrase headed by ``head``."""
    ent = next((e for e in head.sent.ents if e.start <= head.i < e.end and e.label_ in PLACE_LABELS), None)
    tokens = list(ent) if ent is not None else phrase_tokens(head)
    text = head.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    start, end = tokens[0].idx + offset, tokens[-1].idx + len(tokens[-1].text) + offset
    if head.lemma_.lower() in PLACE_NOUNS:
        isos = countries_in([t.text for t in phrase_tokens(head)])
        place = gazetteer.country(isos[0]) if isos else None
        if place:
            return Location(text, start, end, place.name, place.country, None, place.lat, place.lon, "country", rule + "+country-territory")
    facility = any(t.lemma_.lower() in FACILITY_NOUNS for t in tokens) or head.lemma_.lower() in FACILITY_NOUNS
    names = [t for t in tokens if t.pos_ == "PROPN" and t.lemma_.lower() not in FACILITY_NOUNS]
    place = gazetteer.lookup(" ".join(t.text for t in names), doc_countries) if names else None
    if place is None and names and not any(t.lower_ in _FEATURE_WORDS for t in names):
        for t in names:  # "the Mediterranean Sea" is not Seattle ("Sea"), nor any town called "Mediterranean"
            place = gazetteer.lookup(t.text, doc_countries)
            if place is not None:
                break
    if place is None:
        return Location(text, start, end, text, None, None, None, None, "unresolved", rule + "+not-in-gazetteer")
    precision = "facility" if facility else place.precision
    return Location(text, start, end, text if facility else place.name, place.country, place.admin1, place.lat, place.lon,
                    precision, rule + f"+gazetteer:{place.name}")
