"""Noun phrases and their actors from a spaCy dependency parse.

``ActorFinder`` turns the head token of an argument (a subject, an object, a prepositional
object) into resolved :class:`Actor` records: it builds the phrase, reads context from
appositions, "of" phrases and "known as" clauses, splits coordinated actors ("US and Iraqi
officials" -> USA/GOV, IRQ/GOV), and resolves surnames and titles through the document memory.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .actors import DocumentActors, Resolution, countries_in, find_matches, load_dictionaries, resolve_words
from .geo import load_gazetteer
from .records import Actor

Token = Any  # spaCy Token
_PHRASE_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "flat", "quantmod",
                "npadvmod", "punct", "prt", "predet", "cc", "conj"}  # fmt: skip
#: Nouns for a number or part of a group: "a group of diplomats", "thousands of Nigerians" are the members.
_COLLECTIVE = {"group", "number", "team", "batch", "patch", "band", "handful", "dozen", "dozens", "hundred", "hundreds",
               "thousand", "thousands", "million", "millions", "majority", "minority", "member", "members", "some",
               "many", "most", "all", "part", "third", "half", "quarter", "score", "scores", "crowd", "crowds"}  # fmt: skip
#: Nouns for those against a government: "opponents of the regime" are that country's opposition (OPP).
_OPPONENTS = {"opponent", "critic", "detractor"}
_RULING = {"GOV", "LEG", "JUD", "ELI"}
_STOP_DEPS = {"relcl", "acl", "appos", "prep", "advcl", "ccomp", "xcomp", "parataxis"}
_REFLEXIVES = {"themselves", "itself", "himself", "herself", "ourselves"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which", "that", "this", "these", "those"}
EVENT_NOUN_DEPS = {"compound", "amod", "poss", "nmod"}


def prep_objects(head: Token, preps: tuple[str, ...], deps: tuple[str, ...] = ("prep",)) -> list[Token]:
    """The objects of ``head``'s prepositions among ``preps`` ("the members" of "a group of diplomats")."""
    return [g for c in head.children if c.dep_ in deps and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def phrase_tokens(head: Token) -> list[Token]:
    """The head's own noun phrase: modifiers and compound names, not clauses or appositions."""
    out = [head]
    stack = list(head.children)
    while stack:
        child = stack.pop()
        if child.dep_ in _STOP_DEPS and not (child.dep_ == "prep" and child.lower_ == "of" and child.head.i < head.i):
            continue  # ... but keep titles before the name: "Secretary of State Warren Christopher"
        if child.dep_ == "conj" and child.head.i == head.i and child.pos_ in ("NOUN", "PROPN") and child.i > head.i:
            continue  # a coordinated actor of its own
        if child.dep_ in ("cc",) and child.head.i == head.i and child.i > head.i:
            continue
        if child.dep_ == "punct" and child.text not in ("-", "'", "\u2019", "."):
            continue
        if child.is_space:
            continue
        out.append(child)
        stack.extend(child.children)
    out.sort(key=lambda t: t.i)
    # keep a contiguous span around the head
    lo, hi = head.i, head.i
    indices = {t.i for t in out}
    doc = head.doc
    for t in out:  # "the Hizbollah (Party of God) group": a parenthesis inside the phrase does not split it
        if t.i + 1 < len(doc) and doc[t.i + 1].text == "(":
            close = next((k for k in range(t.i + 2, min(t.i + 12, len(doc))) if doc[k].text == ")"), None)
            if close is not None and close + 1 in indices:
                indices |= set(range(t.i + 1, close + 1))
    while lo - 1 in indices:
        lo -= 1
    while hi + 1 in indices:
        hi += 1
    return [t for t in out if lo <= t.i <= hi]


def context_tokens(head: Token) -> list[Token]:
    """Words that describe the head without being part of its name: appositions, "of" phrases, "known as"."""
    out: list[Token] = []
    for child in head.children:
        if child.dep_ == "appos":
            out.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
            out.extend(child.subtree)
        elif child.dep_ == "acl" and child.lemma_ in ("know", "call", "name", "dub"):
            out.extend(child.subtree)
    if head.dep_ == "appos":
        out.extend(phrase_tokens(head.head))
    return out


class ActorFinder:
    def __init__(self, memory: DocumentActors, day: str | None, offset: int = 0, doc_countries: tuple[str, ...] = ()) -> None:
        self.memory = memory
        self.day = day
        self.offset = offset
        #: the countries the document is about, which settle ambiguous place names ("Tripoli" in a story on Lebanon)
        self.doc_countries = doc_countries

    def _actor(self, tokens: list[Token], res: Resolution) -> Actor:
        start = tokens[0].idx + self.offset
        end = tokens[-1].idx + len(tokens[-1].text) + self.offset
        doc_text = tokens[0].doc.text
        text = doc_text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
        return Actor(text, start, end, res.name, res.country, res.sector, round(res.confidence, 3), res.rule)

    def resolve_head(self, head: Token) -> list[Actor]:
        """All actors named by the argument headed by ``head`` (its conjuncts included)."""
        heads = [head, *[c for c in head.conjuncts if c.i > head.i and c.pos_ in ("NOUN", "PROPN")]]
        for child in head.children:
            # "The US, Russia, and Switzerland": a list the parser read as an apposition ("Russia") with conjuncts
            if child.dep_ == "appos" and child.pos_ == "PROPN" and any(c.dep_ == "conj" for c in child.children):
                heads += [child, *[c for c in child.conjuncts if c.i > child.i and c.pos_ in ("NOUN", "PROPN")]]
        actors: list[Actor] = []
        for h in heads:
            actors.extend(self._resolve_one(h))
        return actors

    def _resolve_one(self, head: Token) -> list[Actor]:
        if head.lower_ in ("he", "she", "him", "her") and head.dep_ != "poss":
            person = self.memory.last_person()
            if person is None:
                return []
            return [self._actor([head], Resolution(person.name, person.country, person.sector, person.confidence * 0.8,
                                                   f"coref:pronoun->{person.name}", True))]
        if head.lower_ in _REFLEXIVES:
            # "Iraq had attacked themselves": the subject of the same verb
            verb = head.head if head.dep_ != "pobj" else head.head.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != head.i), None)
            if subject is None or subject.lower_ in _PRONOUNS | _REFLEXIVES:
                return []
            return [replace(a, rule=f"{a.rule}+reflexive") for a in self._resolve_one(subject)]
        if head.lower_ in _PRONOUNS and head.dep_ != "poss":
            return []
        if head.lemma_.lower() in _COLLECTIVE:
            # "a group of Moroccan diplomats", "thousands of Nigerians": the members are the actor
            member = next(iter(prep_objects(head, ("of",))), None)
            if member is not None:
                return [replace(a, rule=f"{a.rule}+members-of:{head.lower_}") for a in self._resolve_one(member)]
        if head.lemma_.lower() in _OPPONENTS:
            # "opponents of Rwanda's Senate", "critics of the Iranian government": that country's opposition
            ruled = next(iter(prep_objects(head, ("of",))), None)
            rulers = [a for a in self._resolve_one(ruled) if a.country and (a.name or a.sector in _RULING)] if ruled is not None else []
            if rulers:
                res = Resolution(None, rulers[0].country, "OPP", rulers[0].confidence * 0.8, f"opponents-of:{rulers[0].rule}")
                return [self._actor(phrase_tokens(head), res)]
        tokens = phrase_tokens(head)
        if tokens and tokens[0].dep_ == "det" and tokens[0].lower_ in ("a", "an") and head.pos_ == "NOUN" and len(tokens) <= 2:
            pass
        words = [t.text for t in tokens if t.text not in ("'", "\u2019")]  # "Workers' Party": a plural possessive mark
        # "the president of Armenia" names its own country: not the president mentioned before
        own_country = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) and bool(
            countries_in([t.text for t in context_tokens(head)])
        )
        recalled = None if own_country else self.memory.recall(words)
        if recalled is not None:
            return [self._actor(tokens, recalled)]
        res = resolve_words(words, day=self.day, head=[t.i for t in tokens].index(head.i))
        ctx: list[str] = []
        if (res.country is None or res.sector is None) and (not res.empty or head.ent_type_ in ("PERSON", "ORG")):
            ctx = [t.text for t in context_tokens(head)]
            if ctx:
                extra = resolve_words(ctx, day=self.day)
                if not extra.empty:
                    res = Resolution(
                        res.name or extra.name,
                        res.country or extra.country,
                        res.sector or extra.sector,
                        max(res.confidence, extra.confidence * 0.9),
                        (res.rule + "+" if res.rule != "none" else "") + "context:" + extra.rule,
                        res.is_person or extra.is_person,
                    )
        ethnic = any(t.lower_ == "ethnic" for t in tokens) and not res.name  # "ethnic Albanians in south Serbia"
        if (res.country is None and res.sector and not res.name) or ethnic:
            # "demonstrators in Baghdad", "security forces in Guinea": a group is of the place it is in; so is
            # an ethnic group, whatever state its name recalls
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "inside", "across", "throughout"):
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is None:
                        continue
                    where = resolve_words([t.text for t in phrase_tokens(pobj)], day=self.day)
                    if where.country and where.country not in self.doc_countries and self.doc_countries:
                        place = load_gazetteer().lookup(pobj.text, self.doc_countries)
                        if place is not None and place.country in self.doc_countries:
                            where = Resolution(None, place.country, None, where.confidence, f"place:{place.name}")
                    if where.country and not where.name:
                        res = Resolution(None, where.country, res.sector or "CVL", min(res.confidence, where.confidence) * 0.9,
                                         f"{res.rule}+located-in:{where.rule}", res.is_person)
                        break
        if res.empty:
            if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and head.pos_ == "PROPN":
                return [self._actor(tokens, Resolution(None, None, None, 0.3, "ner:unresolved"))]
            return []
        if res.name and head.ent_type_ == "PERSON":
            roles = [m.surface for m in find_matches(words, load_dictionaries()) if m.kind == "sector"]
            self.memory.remember(words, res, roles[0].split() if roles else None)
        # "US and Iraqi officials": one actor per coordinated country.
        countries = countries_in(words)
        context = context_tokens(head) if ctx else []
        coordinated = any(t.dep_ == "conj" for t in tokens) or any("-" in t.text for t in tokens)
        if not countries and context and any(t.dep_ == "conj" for t in context):
            countries, coordinated = countries_in(ctx), True
        if len(countries) > 1 and coordinated and res.name is None:
            return [
                self._actor(tokens, Resolution(None, iso, res.sector, res.confidence * 0.9, res.rule + f"+split:{iso}"))
                for iso in countries
            ]
        return [self._actor(tokens, res)]

    def remember_entities(self, ents: Any) -> None:
        """Feed named persons to the memory, in text order (for later surnames and titles)."""
        for ent in ents:
            if ent.label_ != "PERSON":
                continue
            head = ent.root
            tokens = phrase_tokens(head)
            words = [t.text for t in tokens if t.text not in ("'", "\u2019")]  # "Workers' Party": a plural possessive mark
            if self.memory.recall(words) is not None and len(ent) == 1:
                continue
            res = resolve_words(words, day=self.day)
            if res.empty:
                ctx = [t.text for t in context_tokens(head)]
                res = resolve_words(words + ctx, day=self.day) if ctx else res
            if not res.empty and (res.name or len(ent) >= 2):
                if res.name is None:
                    res = Resolution(ent.text, res.country, res.sector, res.confidence, res.rule, True)
                roles = [m.surface for m in find_matches(words, load_dictionaries()) if m.kind == "sector"]
                self.memory.remember(words, res, roles[0].split() if roles else None)
