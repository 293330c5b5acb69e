"""The five-way ("penta") class of an event or a sentence, and the lexicon triggers of a text without actors.

Label order (the ``quad5`` values of ``../shared/eval/quad`` and of the Phoenix penta class):

| quad5 | class | CAMEO roots |
|---|---|---|
| 0 | statements and appeals, or no event | 01-02 |
| 1 | verbal cooperation | 03-05 |
| 2 | material cooperation | 06-08 |
| 3 | verbal conflict | 09-13, 16 |
| 4 | material conflict | 14, 15, 17-20 |

``quad5_of_event`` adds two CAMEO rules to the table: a refused cooperation ("will not accept refugees",
"would not provide support") is a rejection (CAMEO 12, verbal conflict); a conflict that did not happen
("did not attack") is no event. ``quad_of_snippet`` classifies a sentence from its lexicon triggers alone,
for sentences in which the coder resolves no actor: the trigger that governs the marked argument spans
(or, without spans, the highest trigger in the first sentence) is the sentence's event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .datafiles import read_tsv
from .lexicon import LexEntry, load_lexicon
from .records import Event
from .settings import Settings

QUAD5_LABELS: tuple[str, ...] = (
    "statement or appeal, or no event",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)
REJECTION = 3  # CAMEO 12: a refused cooperation
_CLAIMS, _APPEALS = "015", "02"  # claims of responsibility and appeals: coded in place of the event they introduce
_SPEECH = frozenset({"say", "claim", "allege", "report", "state", "tell", "announce", "insist", "add"})
_PROTEST, _DEMANDS = "14", "10"  # a protest is coded in place of the demand it makes
_MODALS = frozenset({"will", "would", "could", "might", "may", "should", "shall", "can", "wo", "'ll", "'d", "must", "ca"})

Token = Any
Span = tuple[int, int]


def quad5_of_code(cameo: str) -> int:
    """Penta class of a CAMEO code: 0 (01-02), 1 (03-05), 2 (06-08), 3 (09-13, 16), 4 (14, 15, 17-20)."""
    root = int(cameo[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


def quad5_of_event(event: Event | None) -> int:
    """Penta class of a coded event; None (no event) is 0. A negated cooperation is a rejection (3), a negated
    conflict no event (0)."""
    if event is None:
        return 0
    quad = quad5_of_code(event.cameo)
    if event.negated:
        return REJECTION if quad in (1, 2) else 0
    return quad


# -- lexicon triggers without actors ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon trigger found in a parse: the token, the matching entry, negation and modality."""

    token: Token
    entry: LexEntry
    negated: bool
    hypothetical: bool

    @property
    def depth(self) -> int:
        return sum(1 for _ in self.token.ancestors)


@lru_cache(maxsize=1)
def _intent_table() -> dict[str, str]:
    return {row["cameo_prefix"]: row["intent_code"] for row in read_tsv("ontology/intent.tsv")}


def _intent(cameo: str) -> str:
    """The CAMEO code of an intended, promised or threatened event (data/ontology/intent.tsv), or the code itself."""
    table = _intent_table()
    for size in range(len(cameo), 1, -1):
        code = table.get(cameo[:size])
        if code is not None:
            return code
    return cameo


def lexicon_triggers(doc: Any) -> list[Trigger]:
    """Every token of a spaCy parse that is a lexicon trigger, with its most specific matching entry, in order.

    The entry's required words are looked for in the trigger's subtree (plus the governing verb of a noun
    trigger), as the coder does; no actor is needed.
    """
    lexicon = load_lexicon()
    found: list[Trigger] = []
    for tok in doc:
        pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ == "NOUN" else None
        if pos is None:
            continue
        entries = lexicon.candidates(tok.lemma_.lower(), pos)
        if not entries:
            continue
        words = {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
        if pos == "NOUN" and tok.head.pos_ in ("VERB", "AUX"):
            words |= {tok.head.lemma_.lower()} | {c.lemma_.lower() for c in tok.head.children if c.dep_ == "prt"}
        entry = next((e for e in entries if all(slot & words for slot in e.requires)), None)
        if entry is None:
            continue
        heads = [tok] + ([tok.head] if tok.dep_ in ("xcomp", "dobj") else [])
        negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for h in heads for c in h.children)
        hypothetical = any(c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS for c in tok.children)
        found.append(Trigger(tok, entry, negated, hypothetical))
    return found


def _in(tok: Token, spans: Sequence[Span]) -> bool:
    return any(s <= tok.idx < e for s, e in spans)


def _governs(trigger: Trigger, spans: Sequence[Span]) -> bool:
    """The trigger's subtree holds an argument span, and the trigger is not inside one."""
    return not _in(trigger.token, spans) and any(_in(t, spans) for t in trigger.token.subtree)


def main_trigger(triggers: Sequence[Trigger], spans: Sequence[Span] = ()) -> Trigger | None:
    """The trigger that governs the argument spans (the highest such one); without spans or without a
    governing trigger, the highest trigger of the first sentence that has one.

    Statements and appeals (01x, 02x) are passed over for a governing trigger below them, as the coder does on
    the path between two arguments; ``refine_quad`` then lets an appeal frame it.
    """
    if not triggers:
        return None
    governing = [t for t in triggers if spans and _governs(t, spans)]
    pool = governing or [t for t in triggers if t.token.sent.start == triggers[0].token.sent.start]
    events = [t for t in pool if quad5_of_code(t.entry.cameo) != 0]
    return min(events or pool, key=lambda t: (t.depth, t.token.i))


def quad5_of_trigger(trigger: Trigger | None) -> int:
    if trigger is None:
        return 0
    cameo = _intent(trigger.entry.cameo) if trigger.hypothetical and not trigger.negated else trigger.entry.cameo
    quad = quad5_of_code(cameo)
    if trigger.negated:
        return REJECTION if quad in (1, 2) else 0
    return quad


def framing_quad(doc: Any, trigger_start: int, framed: int) -> int | None:
    """The penta class of a trigger that frames the event (of class ``framed``) whose trigger starts at
    ``trigger_start``, or None when nothing frames it.

    CAMEO codes the frame, not the framed event. A claim of responsibility (015) that governs it ("claimed
    responsibility for attacks") is a statement (0); so is an appeal (02x) for cooperation ("asked Tehran to
    provide", "called for the withdrawal"), while an appeal for conflict against the target ("called for
    sanctions against", "called on Arabs to mobilize against") is a demand, verbal conflict (3). A protest
    (14x) that the event serves ("began a hunger strike to demand", "staged rallies, saying he must resign")
    is material conflict (4): a protest frames the demands and statements it carries.
    """
    triggers = {t.token.i: t for t in lexicon_triggers(doc) if not t.negated}
    tok = next((t for t in doc if t.idx == trigger_start), None)
    if tok is None:
        return None
    for node in tok.ancestors:
        frame = triggers.get(node.i)
        if frame is not None and frame.entry.cameo.startswith(_CLAIMS):
            return 0
        if frame is not None and frame.entry.cameo.startswith(_APPEALS):
            return 0 if framed in (0, 1, 2) else 3
        if frame is not None and not frame.entry.cameo.startswith(_PROTEST):
            if frame.entry.cameo.startswith(_DEMANDS):
                framed = 3  # "a protest demanding that authorities release ...": what frames it next frames the demand
            continue
        protests = [frame] if frame is not None else []
        protests += [triggers[c.i] for c in node.children if c.dep_ == "dobj" and c.i in triggers]
        if framed in (0, 3) and any(p.entry.cameo.startswith(_PROTEST) for p in protests):
            return 4  # the demand or statement a protest makes ("called off the strike after the agreement" is not one)
    return None


def reported_by_source(doc: Any, trigger_start: int, source_spans: Sequence[Span]) -> bool:
    """The event is material conflict that the marked source only reports about a third party: "The US claimed
    that ISIL had attacked Iraq", "Israel said a mortar bomb was fired at it". Between the source and the
    target that is an accusation (CAMEO 112), verbal conflict; a speaker reporting its own act ("said they
    attacked") is not."""
    tok = next((t for t in doc if t.idx == trigger_start), None)
    if tok is None or not source_spans:
        return False
    node = tok
    for _ in range(3):
        if node.dep_ not in ("ccomp", "conj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in _SPEECH:
            break
    else:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and any(_in(t, source_spans) for t in c.subtree) for c in node.children):
        return False
    agents = [c for c in tok.children if c.dep_ == "nsubj"]
    agents += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return not any(a.tag_ == "PRP" or any(_in(t, source_spans) for t in a.subtree) for a in agents)


def refine_quad(doc: Any, trigger_start: int, quad: int, source_spans: Sequence[Span] = ()) -> int:
    """The penta class of the event whose trigger starts at ``trigger_start``, given its own class ``quad``,
    after the frame rules (``framing_quad``) and the reported-violence rule (``reported_by_source``)."""
    framed = framing_quad(doc, trigger_start, quad)
    if framed is not None:
        return framed
    if quad == 4 and reported_by_source(doc, trigger_start, source_spans):
        return 3
    return quad


def quad_of_snippet(
    text: str, source_spans: Sequence[Span] = (), target_spans: Sequence[Span] = (), settings: Settings | None = None
) -> int:
    """Penta class of a sentence from its lexicon triggers alone (no resolvable actor needed).

    The main event is the trigger that governs the marked source/target spans when they are given, else the
    highest trigger of the first sentence; the frame and reporting rules apply as for a coded event.
    """
    from .nlp import load_model

    doc = load_model((settings or Settings()).model)(text)
    trigger = main_trigger(lexicon_triggers(doc), [*source_spans, *target_spans])
    if trigger is None:
        return 0
    return refine_quad(doc, trigger.token.idx, quad5_of_trigger(trigger), source_spans)
