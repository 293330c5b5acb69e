"""Actor mentions of a whole text: every named or role-bearing noun phrase, resolved with in-document coreference.

Backs ``eventwire resolve``: for a text that is a single actor phrase, the first actor is the
resolution of the whole phrase (with the optional context filling what the phrase leaves open).
"""

from __future__ import annotations

from datetime import date as Date
from typing import Any

from .actors import DocumentActors, Resolution, resolve_words
from .nlp import load_model
from .phrases import ActorFinder
from .records import Actor
from .settings import Settings

_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}


def _is_single_phrase(doc: Any) -> bool:
    return len(doc) <= 14 and not any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in doc)


def resolve_mentions(text: str, *, context: str | None = None, day: Date | str | None = None,
                     settings: Settings | None = None) -> list[Actor]:
    settings = settings or Settings()
    nlp = load_model(settings.model)
    when = day.isoformat() if isinstance(day, Date) else day
    doc = nlp(text)
    out: list[Actor] = []
    if _is_single_phrase(doc):
        words = [t.text for t in doc]
        res = resolve_words(words, day=when)
        if context and (res.country is None or res.sector is None):
            extra = resolve_words([t.text for t in nlp.tokenizer(context)], day=when)
            if not extra.empty:
                res = Resolution(res.name, res.country or extra.country, res.sector or extra.sector,
                                 res.confidence if not res.empty else extra.confidence * 0.6,
                                 (res.rule + "+" if res.rule != "none" else "") + f"context:{extra.rule}")
        out.append(Actor(text, 0, len(text), res.name, res.country, res.sector, round(res.confidence, 3), res.rule))
    memory = DocumentActors()
    finder = ActorFinder(memory, when)
    seen: set[tuple[int, int]] = {(a.start, a.end) for a in out}
    for sent in doc.sents:
        finder.remember_entities([e for e in sent.ents if e.start >= sent.start and e.end <= sent.end])
        heads = {chunk.root.i: chunk.root for chunk in sent.noun_chunks}
        heads.update({ent.root.i: ent.root for ent in sent.ents if ent.label_ in _ENTITY_LABELS})
        for _, head in sorted(heads.items()):
            for actor in finder.resolve_head(head):
                if (actor.start, actor.end) not in seen and (actor.country or actor.sector):
                    seen.add((actor.start, actor.end))
                    out.append(actor)
    return out
