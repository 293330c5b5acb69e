"""ACLED event and sub-event types for events that are political violence, protests or strategic developments.

ACLED types an event by what happened and who took part, so the CAMEO code alone is not enough:
"attacked" is an armed clash against soldiers and an attack on civilians against villagers, an
explosion is an air strike, shelling, an IED, a suicide bomb or a grenade by its means, a town
taken is "government regains territory" or "non-state actor overtakes territory" by who took it,
and a protest is peaceful, met with intervention or with excessive force by what the police did.

Three pieces, all data-driven:

* ``data/ontology/acled.tsv``: CAMEO code prefix -> the ACLED type an event of that code is by
  default (the prior);
* ``data/ontology/acled-cues.tsv``: cue phrases in the sentence, each voting for a sub-event type,
  for a feature that decides between sub-event types (``~protest``, ``~armed``, ``~state`` ...), or
  for a kind of event ACLED does not record (``-natural disaster``, ``-crime``, ...);
* the resolution rules below, written from ACLED's codebook definitions.

``acled_types(cameo, source, target, sentence=...)`` (or ``classify_acled(event)``) types one coded event
from its own sentence; ``classify_snippet(text, events)`` types a piece of news as a whole, with the coder's
events as the prior or, when the coder found none (no resolvable actor), the lexicon's triggers.
``explain(text)`` lists the cues that voted, so that "why is this an air strike?" has an answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .datafiles import read_tsv
from .errors import DataFileError
from .records import Actor, Event
from .settings import Settings

ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP", "SPY"})
STATE_SECTORS = frozenset({"MIL", "COP", "SPY", "GOV"})
NONSTATE_ARMED_SECTORS = frozenset({"REB", "UAF"})
_BODY_PREFIXES = ("UNO", "EUR", "IGO")


def _base(sector: str | None) -> str:
    """The agent role of a sector code: GOVMIL -> GOV, UNOMIL -> MIL (a body prefix is not a role)."""
    code = sector or ""
    if code[:3] in _BODY_PREFIXES and len(code) > 3:
        code = code[3:]
    return code[:3]

# the ACLED sub-event types the resolution rules below name
CLASH, GOV_REGAINS, NSA_OVERTAKES = "Armed clash", "Government regains territory", "Non-state actor overtakes territory"
ATTACK, PEACEFUL, INTERVENTION = "Attack", "Peaceful protest", "Protest with intervention"
EXCESSIVE, VIOLENT_DEMO, MOB = "Excessive force against protesters", "Violent demonstration", "Mob violence"
ARRESTS, LOOTING, TRANSFER = "Arrests", "Looting/property destruction", "Non-violent transfer of territory"

_WORD = re.compile(r"[a-z0-9]+|;")
_SENTENCE = re.compile(r"(?<=[a-z0-9]{2}[.!?])[\"'\u201d]?\s+(?=[\"'\u201c]?[A-Z0-9])")
_GAP = 5  # "..." in a cue: at most this many tokens between two words, never across a sentence end
_ENDS = frozenset(".;")
LATER_SENTENCES = 0.85  # cues after the first sentence weigh less: a snippet leads with its main event


# -- the tables ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _types() -> dict[str, str]:
    """sub-event type -> event type (data/ontology/acled-types.tsv)."""
    return {row["sub_event_type"]: row["event_type"] for row in read_tsv("ontology/acled-types.tsv")}


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    types = _types()
    table: dict[str, tuple[str, str]] = {}
    for row in read_tsv("ontology/acled.tsv"):
        if types.get(row["sub_event_type"]) != row["event_type"]:
            raise DataFileError(f"ontology/acled.tsv: {row['event_type']!r} / {row['sub_event_type']!r} is not an ACLED type")
        table[row["cameo_prefix"]] = (row["event_type"], row["sub_event_type"])
    return table


def _prior(cameo: str | None) -> tuple[str, str] | None:
    """The ACLED type of a CAMEO code by the longest matching prefix in acled.tsv, or None."""
    if not cameo:
        return None
    table = _table()
    for size in range(len(cameo), 1, -1):
        hit = table.get(cameo[:size])
        if hit is not None:
            return hit
    return None


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of acled-cues.tsv: a phrase (slots of alternative words, ``...`` for a short gap) and its vote."""

    label: str
    slots: tuple[tuple[str, ...], ...]
    gaps: tuple[bool, ...]  # gaps[i]: a gap is allowed before slots[i]
    weight: float
    line: int


@dataclass(frozen=True, slots=True)
class Cues:
    cues: tuple[Cue, ...]
    forms: dict[str, frozenset[str]]  # surface token -> cue words it is a form of
    first: dict[str, tuple[int, ...]]  # cue word -> the cues whose first slot lists it

    def words_of(self, token: str) -> frozenset[str]:
        return self.forms.get(token, frozenset())


def _inflections(word: str) -> set[str]:
    """Regular English forms of a cue word (over-generating is harmless: the forms are only looked up)."""
    out = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("e"):
        out.add(word[:-1] + "ing")
    if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        out |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return out


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Read and check data/ontology/acled-cues.tsv (plus the user's copy under $EVENTWIRE_DATA)."""
    labels = set(_types())
    cues: list[Cue] = []
    forms: dict[str, set[str]] = {}
    first: dict[str, list[int]] = {}
    for number, row in enumerate(read_tsv("ontology/acled-cues.tsv"), start=1):
        label = row["label"]
        if label[:1] not in ("~", "-") and label not in labels:
            raise DataFileError(f"ontology/acled-cues.tsv row {number}: {label!r} is not an ACLED sub-event type")
        try:
            weight = float(row["weight"])
        except ValueError as exc:
            raise DataFileError(f"ontology/acled-cues.tsv row {number}: weight {row['weight']!r} is not a number") from exc
        slots: list[tuple[str, ...]] = []
        gaps: list[bool] = []
        gap = False
        for part in row["cue"].lower().split():
            if part == "...":
                gap = True
                continue
            words = tuple(w for w in part.split("|") if w)
            if not words or not all(re.fullmatch(r"[a-z0-9]+\*?", w) for w in words):
                raise DataFileError(f"ontology/acled-cues.tsv row {number}: bad cue slot {part!r}")
            slots.append(words)
            gaps.append(gap)
            gap = False
        if not slots or gaps[0] or gap:
            raise DataFileError(f"ontology/acled-cues.tsv row {number}: empty cue or '...' at an end")
        index = len(cues)
        cues.append(Cue(label, tuple(slots), tuple(gaps), weight, number))
        for slot in slots:
            for word in slot:
                if not word.endswith("*"):
                    for form in _inflections(word):
                        forms.setdefault(form, set()).add(word)
        for word in slots[0]:
            first.setdefault(word, []).append(index)
    return Cues(
        tuple(cues),
        {k: frozenset(v) for k, v in forms.items()},
        {k: tuple(v) for k, v in first.items()},
    )


# -- matching --------------------------------------------------------------------------------
def tokens(text: str) -> list[str]:
    """Lowercase word tokens, each sentence closed by "."; hyphenated words split ("air-strike" -> air, strike)."""
    out: list[str] = []
    for sentence in _SENTENCE.split(text.strip()):
        out += _WORD.findall(sentence.lower())
        out.append(".")
    return out


def _slot_hit(slot: tuple[str, ...], token: str, words: frozenset[str]) -> bool:
    return any(w in words or (w.endswith("*") and token.startswith(w[:-1])) for w in slot)


@dataclass(frozen=True, slots=True)
class Match:
    label: str
    weight: float
    start: int
    end: int
    line: int
    length: int  # words in the cue


def _match_at(cue: Cue, toks: list[str], words: list[frozenset[str]], start: int) -> int | None:
    """End index (exclusive) when the cue matches from ``start``, else None."""
    i = start + 1
    for slot, gap in zip(cue.slots[1:], cue.gaps[1:], strict=True):
        limit = i + (_GAP if gap else 0)
        found = None
        for j in range(i, min(limit, len(toks) - 1) + 1):
            if _slot_hit(slot, toks[j], words[j]):
                found = j
                break
            if toks[j] in _ENDS:
                break
        if found is None:
            return None
        i = found + 1
    return i


def find_cues(toks: list[str]) -> list[Match]:
    """Every cue that occurs in the tokens, at its first occurrence."""
    table = load_cues()
    words = [table.words_of(t) for t in toks]
    prefixed = [c for c in table.first if c.endswith("*")]
    seen: dict[int, Match] = {}
    for start, token in enumerate(toks):
        candidates = {i for w in words[start] for i in table.first.get(w, ())}
        candidates |= {i for p in prefixed if token.startswith(p[:-1]) for i in table.first[p]}
        for index in sorted(candidates):
            if index in seen:
                continue
            cue = table.cues[index]
            end = _match_at(cue, toks, words, start)
            if end is not None:
                seen[index] = Match(cue.label, cue.weight, start, end, cue.line, len(cue.slots))
    return sorted(seen.values(), key=lambda m: (m.start, m.line))


# -- resolution ------------------------------------------------------------------------------
@dataclass
class CueVotes:
    """Cue votes for one sentence or snippet: sub-event type and feature -> summed weight."""

    matches: list[Match]
    score: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.matches:
            self.score[m.label] = self.score.get(m.label, 0.0) + m.weight

    @classmethod
    def of(cls, toks: list[str]) -> CueVotes:
        """The cues in the tokens, those after the first sentence weighed down."""
        first_end = toks.index(".") if "." in toks else len(toks)
        found = find_cues(toks)
        # a cue inside a phrase (adjacent words) that names a kind of news ACLED does not record is part of that
        # phrase: "missile" in "missile test", "explosion" in "gas explosion"
        phrases = [o for o in found if o.end - o.start == o.length and o.label.startswith("-")]
        kept = [m for m in found if not any(o.label != m.label and o.start <= m.start and m.end <= o.end
                                            and o.length > m.length for o in phrases)]
        matches = [m if m.start < first_end else replace(m, weight=m.weight * LATER_SENTENCES) for m in kept]
        return cls(matches)

    def get(self, label: str) -> float:
        return self.score.get(label, 0.0)

    def positions(self, label: str) -> list[Match]:
        return [m for m in self.matches if m.label == label]


def _side(evidence: CueVotes, anchor: Match) -> str | None:
    """Who takes the territory of a ``~territory`` cue: ``state`` or ``nonstate``, from the nearest actor word
    before the cue (its subject) or, failing that, from the loser named after it ("from the rebels")."""
    before = [m for m in evidence.matches if m.label in ("~state", "~nonstate") and m.end <= anchor.start]
    if before:
        nearest = max(before, key=lambda m: m.end)
        return "state" if nearest.label == "~state" else "nonstate"
    after = [m for m in evidence.matches if m.label in ("~state", "~nonstate") and anchor.end <= m.start <= anchor.end + 8]
    if after:
        loser = min(after, key=lambda m: m.start)
        return "nonstate" if loser.label == "~state" else "state"
    return None


def _resolve(evidence: CueVotes, prior: tuple[str, str] | None, source: Sequence[Actor], target: Sequence[Actor],
             prior_weight: float) -> str | None:
    """The ACLED sub-event type the cues and the prior vote for, or None (no ACLED event, or not one ACLED records)."""
    types = _types()
    votes: dict[str, float] = {sub: evidence.get(sub) for sub in types}
    if prior is not None:
        votes[prior[1]] += prior_weight

    # territory: who took it decides between the two Battles types; a withdrawal makes it a non-violent transfer
    anchors = evidence.positions("~territory")
    taken = anchors[0].weight if anchors else 0.0
    if prior is not None and prior[1] in (GOV_REGAINS, NSA_OVERTAKES):
        votes[prior[1]] -= prior_weight  # the CAMEO code says a place was taken; the actors say by whom
        taken += prior_weight
    if taken:
        side = _side(evidence, anchors[0]) if anchors else None
        sectors = {_base(a.sector) for a in source if a.sector}
        if sectors & STATE_SECTORS:
            side = "state"
        elif sectors & NONSTATE_ARMED_SECTORS:
            side = "nonstate"
        if evidence.get("~handover") > 0:
            votes[TRANSFER] += taken + evidence.get("~handover")
        elif side is not None:
            votes[GOV_REGAINS if side == "state" else NSA_OVERTAKES] += taken
        elif prior is not None and prior[1] in (GOV_REGAINS, NSA_OVERTAKES):
            votes[prior[1]] += prior_weight

    # generic violence: a battle when armed actors are on the receiving end, violence against civilians otherwise
    violence = evidence.get("~violence")
    if violence:
        armed = evidence.get("~armed") + (1.0 if target and all(_base(a.sector) in ARMED_SECTORS for a in target) else 0.0)
        civilian = evidence.get("~civilian") + (1.0 if target and all(_base(a.sector) == "CVL" for a in target) else 0.0)
        votes[ATTACK if civilian > armed or armed == 0 else CLASH] += violence

    # protests: what the crowd and the police did decides the sub-event type
    protest = evidence.get("~protest")
    if protest or votes[VIOLENT_DEMO] > 0:
        # fighting in a protest or riot is the crowd's violence, not a battle between armed groups
        votes[VIOLENT_DEMO if evidence.get("~rioting") > 0 or not protest else PEACEFUL] += votes[CLASH]
        votes[CLASH] = 0.0
    rioting = evidence.get("~rioting")
    if protest:
        if evidence.get("~lethal") > 0:
            votes[EXCESSIVE] += protest + evidence.get("~lethal")
        elif rioting:
            votes[VIOLENT_DEMO] += protest + rioting
        elif evidence.get("~intervention") > 0:
            votes[INTERVENTION] += protest + evidence.get("~intervention")
        else:
            votes[PEACEFUL] += protest
    elif rioting and evidence.get(VIOLENT_DEMO) > 0:
        votes[VIOLENT_DEMO] += rioting  # rioters: a demonstration turned violent
    elif rioting and evidence.get("~crowd") > 0:
        votes[MOB] += rioting + evidence.get("~crowd")  # a crowd's violence without a protest
    if protest or votes[VIOLENT_DEMO] > 0:
        # arrests and property destruction during a protest or a riot are part of it
        votes[ARRESTS] *= 0.5
        votes[LOOTING] *= 0.5

    # ties go to the type with the more decisive cue ("grenade" over "clashes"), then to the table's order
    order = list(types)
    strongest = {s: max((m.weight for m in evidence.matches if m.label == s), default=0.0) for s in types}
    best = max(order, key=lambda s: (votes[s], strongest[s], -order.index(s)))
    if votes[best] <= 0:
        return None
    other = sum(v for k, v in evidence.score.items() if k.startswith("-"))
    if other >= votes[best]:
        return None  # a disaster, a crime, a diplomatic act or a claim of responsibility: not an ACLED event
    return best


def _typed(sub: str | None) -> tuple[str | None, str | None]:
    return (_types()[sub], sub) if sub is not None else (None, None)


def acled_types(
    cameo: str, source: Sequence[Actor], target: Sequence[Actor], *, sentence: str | None = None
) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) for a coded event, or (None, None) when ACLED has no such event.

    Without ``sentence`` the CAMEO code decides (acled.tsv), with the actors' sectors telling a battle from
    violence against civilians. With the event's sentence, its cues (means, victims, who took a town, what
    the police did to a protest) choose the sub-event type; the CAMEO code must still be one ACLED records.
    """
    prior = _prior(cameo)
    if prior is None:
        return None, None
    if sentence is None:
        event_type, sub = prior
        # violence by armed actors against armed actors is a battle, not violence against civilians
        if event_type == "Violence against civilians" and target and all(_base(a.sector) in ARMED_SECTORS for a in target):
            return "Battles", CLASH
        return event_type, sub
    return _typed(_resolve(CueVotes.of(tokens(sentence)), prior, source, target, prior_weight=1.0))


def classify_acled(event: Event, sentence: str | None = None) -> tuple[str | None, str | None]:
    """ACLED types of a coded event from its CAMEO code, actors and sentence (by default its evidence sentence).

    Negated and hypothetical events are not ACLED events.
    """
    if event.negated or event.hypothetical:
        return None, None
    return acled_types(event.cameo, event.source, event.target, sentence=sentence or event.evidence.sentence)


def classify_snippet(
    text: str, events: Sequence[Event] = (), settings: Settings | None = None
) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) of a news snippet, or (None, None) when it reports no event ACLED records.

    A snippet is typed as a whole: the cues of all its sentences vote (the first sentence, which leads with
    the main event, a little more). The prior is the CAMEO code of its first coded event that ACLED records
    (``events`` from the coder, with that event's actors) or, when the coder found none (no resolvable actor),
    of the first lexicon trigger in the text.
    """
    evidence = CueVotes.of(tokens(text))
    typed = [e for e in events if not (e.negated or e.hypothetical) and _prior(e.cameo) is not None]
    if typed:
        main = typed[0]
        named = tuple(a for a in main.source if not a.rule.startswith("unattributed-in"))  # not a presumed perpetrator
        return _typed(_resolve(evidence, _prior(main.cameo), named, main.target, prior_weight=1.0))
    prior = next((p for p in map(_prior, snippet_triggers(text, settings)) if p is not None), None)
    return _typed(_resolve(evidence, prior, (), (), prior_weight=1.0))


def snippet_triggers(text: str, settings: Settings | None = None) -> list[str]:
    """CAMEO codes of the lexicon triggers in the text, in order (negated and hypothetical ones left out);
    no actor needed."""
    from .nlp import load_model
    from .quad import lexicon_triggers

    doc = load_model((settings or Settings()).model)(text)
    return [t.entry.cameo for t in lexicon_triggers(doc) if not (t.negated or t.hypothetical)]


def explain(text: str) -> list[tuple[str, float, str]]:
    """The cues that vote in a sentence or snippet: (label, weight, the words matched), in text order."""
    toks = tokens(text)
    return [(m.label, round(m.weight, 3), " ".join(toks[m.start:m.end])) for m in CueVotes.of(toks).matches]
