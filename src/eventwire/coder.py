"""Event coding stage: text (or an article body) -> [Event] + [Claim], from a spaCy parse and the lexicon.

For every token whose lemma is a trigger in the lexicon, the most specific matching entry gives
the CAMEO code; the source is the grammatical subject (the ``by`` agent in passives, the
possessor or modifier of an event noun, the subject of a light verb), the target is found
where the entry says (direct object, indirect object, prepositional object). Negation and
modality (future, conditional, intended, expected) are flagged. Each event carries its
sentence, trigger, rule and a confidence; dates and places come from the time and place
resolvers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from .acled import acled_types
from .actors import DocumentActors, as_of
from .datafiles import read_tsv
from .lexicon import LexEntry, Lexicon, load_lexicon
from .ontology import Ontology, load_ontology
from .phrases import ActorFinder, prep_objects
from .places import locate as locate_place
from .records import Actor, Claim, Event, Evidence, Location, Span
from .timex import find_times, resolve_event_time

Token = Any
_MODALS = {"will", "would", "could", "might", "may", "should", "shall", "can", "wo", "'ll", "'d", "must", "ca"}
_INTENT_HEADS = {"plan", "intend", "want", "expect", "hope", "threaten", "seek", "aim",
                 "prepare", "vow", "promise", "propose", "consider", "wish", "mull", "pledge", "offer", "agree",
                 "willing", "ready", "prepared", "eager", "determined", "undertake", "commit", "go"}  # fmt: skip
#: Verbs whose complement is an event refused or not achieved: "refused to meet", "failed to reach a deal".
_RULED_OUT = re.compile(r"\bout of (?:the )?question\b|\boff the table\b|\bnot an option\b")
_REFUSAL_HEADS = {"refuse", "decline", "fail", "resist", "balk", "hesitate"}
#: Prepositions that open adverbial phrases (time, cause, concession): their words are not the trigger's arguments.
_ADVERBIAL_PREPS = {"following", "after", "before", "amid", "amidst", "despite", "during", "since", "until", "till",
                    "because", "ahead", "prior", "upon", "throughout", "pending"}  # fmt: skip
_PROSPECT_NOUNS = {"prospect", "possibility", "plan", "proposal", "threat", "risk", "chance", "idea", "hope", "desire", "bid",
                   "campaign", "effort", "attempt", "push", "call", "demand", "pressure", "intention", "readiness", "willingness",
                   "decision", "option", "goal", "aim", "ambition", "wish", "move", "offer", "request", "appeal"}  # fmt: skip
_ALLEGE_VERBS = {"claim", "allege", "accuse", "charge", "blame", "assert", "contend", "insist"}
_SPEECH_VERBS = {"say", "declare", "warn", "announce", "state", "insist", "tell", "vow", "claim", "add", "write", "stress",
                 "reiterate", "argue", "note", "conclude", "remind"}  # fmt: skip
#: Generic mentions of people: when placed, they are the place's civilians.
_PEOPLE = re.compile(r"\b(?:people|persons?|civilians?|residents?|villagers?|inhabitants?|children|women|men|passengers?|"
                     r"pilgrims?|worshippers?|shoppers?|students?|workers?|families|refugees?|locals?|bystanders?)\b", re.I)
#: Verbs of wanting or asking something of another actor ("asked Obama to help Iran").
_DESIRE_HEADS = {"want", "wish", "ask", "urge", "expect", "encourage", "invite", "press", "pressure", "persuade",
                 "convince", "push", "beg", "implore", "request", "call", "appeal", "exhort", "prod", "lobby",
                 "order", "force", "compel", "instruct", "direct", "require", "tell"}  # fmt: skip
#: Nouns for what is said, whose that-clause may put an obligation on someone ("a reminder that Iraq must ...").
_STATEMENT_NOUNS = {"reminder", "declaration", "statement", "warning", "message", "note", "letter", "communique",
                    "resolution", "ultimatum", "notice"}  # fmt: skip
#: Verbs whose that-clause, in the subjunctive, is what is demanded ("demanded that Israel withdraw").
_MANDATIVE_HEADS = {"demand", "insist", "ask", "urge", "request", "require", "propose", "recommend", "suggest", "call",
                    "press", "plead", "order", "decree", "stipulate"}  # fmt: skip
#: Verbs whose passive form with "to" states the subject's own stance ("is opposed to", "is committed to").
_STATIVE_PASSIVES = {"oppose", "commit", "dedicate", "devote"}
#: Nouns whose clause is what is asked of someone ("the demand that Israel ease restrictions").
_DEMAND_NOUNS = {"demand", "call", "request", "appeal", "plea", "ultimatum", "pressure", "insistence", "order"}
#: Prepositions that name what a statement, complaint or protest is about ("complained over the raids").
_TOPIC_PREPS = {"over", "about", "against", "at", "for", "of", "on"}
#: CAMEO roots of verbal events (statements to threats): what they are about is not reported as happening by them.
_VERBAL_ROOTS = set(range(1, 14))
#: Subject pronouns that stand for the speaker of the clause they are in ("Syria says it will ...").
_SPEAKER_PRONOUNS = {"it", "they", "we"}
_WEAPON_NOUNS = {"rocket", "missile", "shell", "mortar", "bomb", "drone", "grenade", "projectile", "explosive", "ied", "katyusha",
                 "tank", "warplane", "jet", "helicopter", "gunship", "artillery", "aircraft", "gunboat", "sniper"}  # fmt: skip
_LOC_PREPS = {"in", "near", "inside", "at", "outside", "on", "around", "across", "into", "within", "off", "throughout"}
_RECIPIENT_PREPS = {"to", "for", "with", "against", "on", "at", "toward", "towards", "into", "upon", "over", "from"}
_LOCATIVE_ONLY = {"in", "near", "inside", "outside", "around", "across", "within", "throughout", "from"}
_PLACE_NOUNS = {"soil", "territory", "waters", "airspace"}
_SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
#: Nouns that frame an act named by their compound ("mediation effort", "peace mission", "aid programme").
_FRAME_NOUNS = {"effort", "efforts", "mission", "bid", "initiative", "process", "drive", "campaign", "operation", "programme",
                "program", "push", "attempt", "role"}  # fmt: skip
#: Nouns for military exercises: an exercise of two states is joint (062).
_EXERCISES = {"exercise", "drill", "game", "wargame", "maneuver", "manoeuvre"}
#: Auxiliaries of a perfect tense: a relative clause in it recalls the past of a participant.
_PERFECT_AUX = {"had", "'d", "has", "have"}
#: Sectors of groups that belong to the place where they act (civilians, opposition, workers, students, police).
_LOCAL_SECTORS = {"CVL", "OPP", "LAB", "EDU", "COP"}
_PROTESTERS = re.compile(r"\b(?:protest[eo]rs?|demonstrators?|rioters?|marchers?|mobs?)\b", re.I)
#: CAMEO codes of mutual acts outside those types: diplomatic cooperation, recognition, signing an agreement.
_MUTUAL_CODES = {"050", "054", "057"}


@dataclass(frozen=True, slots=True)
class CodingResult:
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]


class Coder:
    """Codes events from text with a loaded spaCy pipeline, the lexicon and the ontology."""

    def __init__(self, nlp: Any, lexicon: Lexicon | None = None, ontology: Ontology | None = None) -> None:
        self.nlp = nlp
        self.lexicon = lexicon or load_lexicon()
        self.ontology = ontology or load_ontology()

    # -- public -------------------------------------------------------------------------------
    def code_text(self, text: str, *, published: date | None = None) -> CodingResult:
        """Code a text paragraph by paragraph (blank lines separate paragraphs; sentences never cross them)."""
        spans = [(m.start(), m.group(0)) for m in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", text, flags=re.S)]
        docs = list(self.nlp.pipe([chunk for _, chunk in spans]))
        return self.code_docs(list(zip((o for o, _ in spans), docs, strict=True)), published=published)

    def code_doc(self, doc: Any, *, published: date | None = None) -> CodingResult:
        return self.code_docs([(0, doc)], published=published)

    def code_docs(self, docs: list[tuple[int, Any]], *, published: date | None = None) -> CodingResult:
        """Code parsed paragraphs, each with its character offset in the text; coreference runs across them."""
        memory = DocumentActors()
        doc_countries = self._doc_countries([d for _, d in docs])
        finder = ActorFinder(memory, published.isoformat() if published else None, doc_countries=doc_countries)
        events: list[Event] = []
        claims: list[Claim] = []
        anchors: dict[str, str] = {}
        for offset, doc in docs:
            finder.offset = offset
            for sent in doc.sents:
                finder.remember_entities([e for e in sent.ents if e.start >= sent.start and e.end <= sent.end])
                sentence_events = self._code_sentence(sent, finder, published, doc_countries, anchors)
                events.extend(e for e in sentence_events if not _repeats(e, events))
                claim = self._claim(sent, published, sentence_events, offset)
                if claim:
                    claims.append(claim)
        return CodingResult(tuple(events), tuple(claims))

    def locate(self, text: str, start: int, end: int) -> Location | None:
        """Where the event whose trigger is ``text[start:end]`` happened, from its own sentence."""
        doc = self.nlp(text)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        trigger = max(span, key=lambda t: (t.pos_ in ("VERB", "NOUN"), -t.i))
        return locate_place(trigger, self._doc_countries([doc]), 0)

    def code_pair(self, text: str, source: tuple[int, int], target: tuple[int, int], *, published: date | None = None) -> Event | None:
        """The event from the marked source to the marked target (character spans), or None for "no event".

        The trigger is looked for on the dependency path that joins the two arguments: the
        highest lexicon trigger on it governs ("refused to send troops" is a rejection, "agreed to
        send troops" an intent). Without one, the nearest trigger whose clause holds the target is used.
        """
        doc = self.nlp(text)
        src = doc.char_span(*source, alignment_mode="expand") if source[1] > source[0] else None
        tgt = doc.char_span(*target, alignment_mode="expand") if target[1] > target[0] else None
        if (src is None or len(src) == 0) and (tgt is None or len(tgt) == 0):
            return None
        # an argument absent from the text ("a recipient"): the event is the one the other argument takes part in
        src = src if src is not None and len(src) else tgt
        tgt = tgt if tgt is not None and len(tgt) else src
        if src is None or tgt is None:
            return None
        s_head, t_head = src.root, tgt.root
        s_chain = [s_head, *s_head.ancestors]
        t_chain = [t_head, *t_head.ancestors]
        t_ids = {t.i for t in t_chain}
        lca = next((t for t in s_chain if t.i in t_ids), None)
        path: list[Token] = []
        if lca is not None:
            path = [t for t in s_chain if t.i != s_head.i][: [t.i for t in s_chain].index(lca.i)]
            path += [t for t in t_chain if t.i != t_head.i][: [t.i for t in t_chain].index(lca.i) + 1]
        path_ids = {t.i for t in path}
        ordered = sorted(path, key=lambda t: (t.i != (lca.i if lca is not None else -1), -abs(t.i - t_head.i)))
        candidates = [t for t in ordered if t.i not in range(src.start, src.end) and t.i not in range(tgt.start, tgt.end)]
        candidates += [t for t in sorted(tgt.sent, key=lambda t: abs(t.i - t_head.i)) if t.i not in path_ids]
        found: tuple[Token, LexEntry] | None = None
        governing: tuple[Token, LexEntry] | None = None
        for tok in candidates:
            pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ == "NOUN" else None
            if pos is None or tok.i in range(src.start, src.end) or tok.i in range(tgt.start, tgt.end):
                continue
            entry = self._match(tok, pos)
            if entry is None:
                continue
            if found is None:
                found = (tok, entry)
            on_path = tok.i in path_ids and self.ontology.get(entry.cameo).plover is not None
            if on_path and (governing is None or _depth(tok) < _depth(governing[0])):
                governing = (tok, entry)  # the trigger highest on the path governs: "refused to send" -> REJECT
        chosen = governing or found
        if chosen is None:
            return None
        tok, entry = chosen
        memory = DocumentActors()
        finder = ActorFinder(memory, published.isoformat() if published else None)
        src_actors = finder.resolve_head(s_head) or [Actor(src.text, src.start_char, src.end_char, None, None, None, 0.2, "marked")]
        tgt_actors = finder.resolve_head(t_head) or [Actor(tgt.text, tgt.start_char, tgt.end_char, None, None, None, 0.2, "marked")]
        negated, hypothetical = self._negated(tok), self._hypothetical(tok)
        refused = _under_refusal(tok)
        if int(entry.cameo[:2]) in range(3, 9) and (refused or (hypothetical and negated)):
            entry, negated, hypothetical = self._as_refusal(entry), False, False  # "will not lift the embargo"
        elif refused:
            negated = True
        elif _obliged(tok) and not negated and self.ontology.get(entry.cameo).plover not in ("REQUEST", "THREATEN"):
            entry = replace(entry, cameo="100", note=f"intent:demand:{entry.rule}")  # "Y must do Z": a demand
        elif hypothetical and not negated and not _speculative_past(tok):
            entry = self._as_intent(entry)
        info = self.ontology.get(entry.cameo)
        plover = info.plover if info.plover != "YIELD" else _yield_type(entry.cameo)
        sent = tok.sent
        return self._event(sent, tok, entry, plover, src_actors, tgt_actors, negated, hypothetical,
                           published, self._doc_countries([doc]), 0, {})

    def _as_refusal(self, entry: LexEntry) -> LexEntry:
        """A refused cooperation ("would not provide support") is coded as a rejection (12x)."""
        return _recode(entry, _refusal_table(), "intent:refusal:")

    def _as_intent(self, entry: LexEntry) -> LexEntry:
        """An intended, promised or threatened event is coded as the intent (03x) or the threat (13x)."""
        return _recode(entry, _intent_table(), "intent:")

    # -- sentences ------------------------------------------------------------------------------
    def _code_sentence(
        self, sent: Any, finder: ActorFinder, published: date | None, doc_countries: tuple[str, ...],
        anchors: dict[str, str],
    ) -> list[Event]:
        found: list[tuple[Token, LexEntry, list[Actor], list[Actor], set[int]]] = []
        consumed: set[int] = set()
        claim_match = self._CLAIM.search(sent.text)
        claim_span = (sent.start_char + claim_match.start(), sent.start_char + claim_match.end()) if claim_match else None
        for tok in sent:
            pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ == "NOUN" else None
            if pos is None or (pos == "VERB" and tok.dep_ == "amod"):
                continue
            if pos == "VERB" and tok.dep_ == "acl" and not any(c.dep_.startswith("nsubj") for c in tok.children) and not _existential(tok):
                continue  # "the civilians imprisoned for ...": a description, not the news
            if claim_span and claim_span[0] <= tok.idx < claim_span[1]:
                continue
            entry = self._match(tok, pos)
            if entry is None:
                continue
            used: set[int] = set()
            received = self._received(tok, pos, entry, finder)
            if received is not None:
                # "received weapons from the government", "faces pressure from Congress": the giver does it
                source, target = received
                consumed |= used
                found.append((tok, entry, source, target, used))
                continue
            source = self._source(tok, pos, finder, used)
            target = self._target(tok, entry, finder)
            hostile = int(entry.cameo[:2]) >= 14
            if not target:
                target = self._prep_target(tok, finder, source, hostile=hostile)
            if not target and hostile:
                target = self._fallback_target(tok, finder, source)
            if pos == "NOUN" and not source:
                continue
            if not source and (not target or int(entry.cameo[:2]) < 14):
                continue  # without a known actor only violence by unknown perpetrators is an event
            consumed |= used
            found.append((tok, entry, source, target, used))
        by_index = {tok.i: (entry, target) for tok, entry, _s, target, _u in found}
        events: list[Event] = []
        seen: set[tuple[str | None, tuple[str | None, ...], tuple[str | None, ...]]] = set()
        # events a verbal event is about ("complained over two Israeli air raids in which 20 were killed"):
        # the subject of the complaint, with everything said of it, is not reported as an event of its own
        topics: set[int] = set()
        perpetrators: dict[int, list[Actor]] = {}  # a complaint over X's act targets X
        for tok, _e, _s, _t, _u in found:
            node = tok
            while node.dep_ == "conj" and node.head.i != node.i:
                node = node.head  # "accused the US of violating human rights, ignoring international law ..."
            about = (tok.pos_ == "NOUN" and node.dep_ == "pobj") or (tok.pos_ in ("VERB", "AUX") and node.dep_ == "pcomp")
            if about and node.head.lower_ in _TOPIC_PREPS | {"to"}:
                owner = node.head.head
                if owner.i not in by_index and owner.pos_ == "NOUN" and owner.dep_ == "dobj" and owner.head.i in by_index:
                    owner = owner.head  # "expressed appreciation for China's assistance": what the statement is about
                governor = by_index.get(owner.i)
                if governor is None and owner.pos_ == "NOUN":
                    # "in protest against the violations by Algerian forces": a protest nobody is named for
                    own = self._match(owner, "NOUN")
                    governor = (own, []) if own is not None else None
                root = int(governor[0].cameo[:2]) if governor is not None else 0
                # "opposed to French mediation": what is rejected does not happen
                if governor is not None and root in _VERBAL_ROOTS | {14} and (node.head.lower_ != "to" or root in (3, 12)):
                    topics |= {t.i for t in tok.subtree}
                    doers = [a for a in self._actors_of_event_noun(tok, finder) if a.country]
                    if doers:
                        perpetrators[owner.i] = doers
        shifted = {o.i for g in by_index for o in _shifted_object(sent.doc[g])}  # objects moved after an "as" phrase
        restated: set[int] = set()
        told_again: dict[int, list[Actor]] = {}  # the act's target, as its restatement names it
        for tok, entry, _s, target, _u in found:
            head = self._restates(tok, entry, by_index)
            if head is not None:
                restated.add(tok.i)
                if target and not by_index[head.i][1]:
                    told_again.setdefault(head.i, target)
        for tok, entry, source, target, used in found:
            if tok.i in consumed or tok.i in topics:
                continue
            if not target and tok.i in told_again:
                target = [replace(a, rule=f"{a.rule}+from-restatement") for a in told_again[tok.i]]
            if _outcome_of(tok, entry, by_index, self.ontology) or _background_of_place(tok) or _time_anchor(tok, by_index) or _describes_actor(tok):
                continue
            if tok.i in perpetrators and not any(a.country for a in target):
                target = [replace(a, rule=f"{a.rule}+perpetrator-of-topic") for a in perpetrators[tok.i]]
            if tok.i in shifted:
                continue  # "denounced as an ugly crime Serbia's suppression of ...": the object of the verb
            if tok.pos_ == "NOUN" and tok.head.i in by_index and (
                tok.head.lemma_.lower() not in self.lexicon.light_verbs or _names_noun(by_index[tok.head.i][0], tok)
            ):
                continue  # "condemned the attack": the attack is the verb's object, not an event of its own
            if tok.pos_ != "NOUN" and tok.lemma_.lower() in self.lexicon.light_verbs and any(
                c.i in by_index and c.dep_ == "dobj" and not _names_noun(entry, c) for c in tok.children
            ):
                continue  # "launched an air strike": the noun event carries the code and the target
            if tok.lemma_.lower() in _INTENT_HEADS | _REFUSAL_HEADS and any(
                c.dep_ == "xcomp" and (c.i in by_index or any(g.i in by_index for g in c.children if g.dep_ == "dobj"))
                for c in tok.children
            ):
                continue  # "agreed to provide aid to X": the intended event, coded as the intent, carries the dyad
            for noun_i in used:
                noun_entry = by_index.get(noun_i)
                if noun_entry and self.ontology.get(noun_entry[0].cameo).plover == self.ontology.get(entry.cameo).plover:
                    entry = noun_entry[0]  # "the US airstrike that killed ...": the noun names the means (195)
                    if not target:
                        target = noun_entry[1]
            if _in_condition(tok):
                continue  # "unless Baghdad accepts the conditions": a condition, not an event anyone reported
            if tok.i in restated:
                continue  # "opened fire to disperse the demonstrators": one act, told twice
            if _wished_on_another(tok):
                continue  # "Congress is asking Obama to help Iran": wanted of Obama, not done by him
            hypothetical = self._hypothetical(tok)
            negated = self._negated(tok)
            refused = _under_refusal(tok)
            cooperative = int(entry.cameo[:2]) in range(3, 9)
            # "X and Y failed to reach a deal": a refused joint event is refused by each side to the other
            symmetric = self.ontology.get(entry.cameo).plover in _SYMMETRIC or entry.cameo in _MUTUAL_CODES
            withheld = negated and entry.cameo.startswith("08")  # "did not give permission", "did not lift the ban"
            if cooperative and (refused or (hypothetical and negated) or withheld):
                # "would not provide support", "refused to meet", "failed to reach a deal": a refusal
                entry, negated, hypothetical = self._as_refusal(entry), False, False
            elif refused:
                negated = True  # "refused to attack": the attack did not happen
            elif hypothetical and not negated and not _speculative_past(tok):
                entry = self._as_intent(entry)
            if entry.cameo == "150" and (tok.lemma_.lower() in _EXERCISES or entry.required_words & _EXERCISES) and (
                len({a.country for a in source if a.country}) > 1
                or any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
            ):
                # "French and Egyptian warships launched war games": an exercise of two states is joint (062)
                entry = replace(entry, cameo="062", note=f"joint:{entry.rule}")
            if _crowd_violence(entry.cameo) and source and all(_PROTESTERS.search(a.text) for a in source):
                # "Protesters torched the embassy": crowd violence by demonstrators is a riot (CAMEO 145)
                entry = replace(entry, cameo="145", note=f"riot:{entry.rule}")
            info = self.ontology.get(entry.cameo)
            plover = info.plover
            if plover is None or plover == "YIELD":
                plover = _yield_type(entry.cameo) if plover == "YIELD" else None
            if plover == "PROTEST" and not any(a.country for a in target):
                target = self._protested(tok, finder) or target
            if plover == "THREATEN" and not any(a.country for a in target):
                target = self._condition_subject(tok, finder) or target
            if (symmetric or plover in _SYMMETRIC) and not target and len({a.country for a in source}) > 1:
                source, target = source[:1], source[1:]
            if plover is None and not (source and target):
                continue  # a statement or appeal is only an event between two actors
            event = self._event(sent, tok, entry, plover, source, target, negated, hypothetical,
                                published, doc_countries, finder.offset, anchors)
            # one event per type and dyad in a sentence, the dyad as finally placed ("established ties with
            # and opened an embassy in Tehran")
            key = (plover, tuple(a.country for a in event.source), tuple(a.country for a in event.target))
            if key in seen and plover is not None:
                continue
            seen.add(key)
            events.append(event)
        allegations, alleged = self._allegations(sent, events, finder)
        if alleged:
            # "The US claimed that ISIL had attacked Iraq": an accusation, not an attack the text reports as fact
            events = [e for e in events if e.rule not in alleged or e.negated or e.hypothetical] + allegations
        demands = self._obligations(sent, events, finder)
        demands += self._bare_obligations(sent, events, finder, published, doc_countries, anchors)
        if demands:
            # "Britain said Libya must hand over the suspects": a demand by Britain, not an act or intent of Libya
            obliged = {d.rule.split(">", 1)[1] for d in demands}
            # what the obliged actor must do, however deep ("the US must be ready to mediate"), is demanded, not done
            clauses = [(t.left_edge.idx + finder.offset, t.right_edge.idx + len(t.right_edge.text) + finder.offset)
                       for t in sent if _obligation_speech(t) is not None]
            events = [e for e in events if e.negated or not (
                e.rule in obliged or any(a <= e.evidence.trigger.start < b for a, b in clauses))]
            events.extend(demands)
        threats = self._speech_threats(sent, events, finder)
        if threats:
            replaced = {(t.rule.split(">", 1)[1], t.target) for t in threats}
            events = [e for e in events if (e.rule, e.target) not in replaced]
            events.extend(threats)
        typed = {(e.evidence.trigger.start, e.evidence.trigger.end) for e in events if e.plover is not None}
        # a bare statement whose verb also carries a typed event ("declared ... will be expelled") is that event
        return [e for e in events if e.plover is not None or (e.evidence.trigger.start, e.evidence.trigger.end) not in typed]

    def _match(self, tok: Token, pos: str) -> LexEntry | None:
        candidates = self.lexicon.candidates(tok.lemma_.lower(), pos)
        if not candidates and pos == "NOUN":
            candidates = self.lexicon.candidates(tok.lower_, pos)
        if not candidates:
            return None
        excluded = _clause_tokens(tok)
        # each word of the trigger's own phrase, with its distance from the trigger in the tree
        distance: dict[str, int] = {}
        subject_side = {t.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") for t in c.subtree}
        for t in tok.subtree:
            if t.i in excluded:
                continue
            d, node = (2 if t.i in subject_side else 0), t  # the object's words before the subject's
            while node.i != tok.i and d < 50:
                node, d = node.head, d + 1
            for w in (t.lemma_.lower(), t.lower_):
                distance[w] = min(distance.get(w, d), d)
        if pos == "NOUN" and tok.head.pos_ == "VERB" and tok.dep_ in ("dobj", "nsubjpass", "pobj"):
            for c in tok.head.children:
                if c.dep_ == "prt":
                    distance.setdefault(c.lemma_.lower(), 1)
            distance.setdefault(tok.head.lemma_.lower(), 1)
        best: tuple[tuple[int, int], LexEntry] | None = None
        for entry in candidates:  # most specific first; among equally specific, the nearest required word
            if best is not None and len(entry.requires) < -best[0][0]:
                break
            if not all(slot & distance.keys() for slot in entry.requires):
                continue
            far = max((min(distance[w] for w in slot if w in distance) for slot in entry.requires), default=0)
            key = (-len(entry.requires), far)
            if best is None or key < best[0]:
                best = (key, entry)
        return best[1] if best else None

    # -- arguments ------------------------------------------------------------------------------
    def _protested(self, tok: Token, finder: ActorFinder) -> list[Actor]:
        """Whom a protest is aimed at, from its purpose clause: "blocked a road to show their disapproval for the
        United States' military policies" -> the United States (the owner of what is protested)."""
        verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
        for clause in verb.children:
            if clause.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                continue
            for t in clause.subtree:
                if t.dep_ == "poss" and t.lower_ not in ("their", "its", "his", "her", "our", "my", "your"):
                    owners = [a for a in finder.resolve_head(t) if a.country]
                    if owners:
                        return [replace(a, rule=f"{a.rule}+protested") for a in owners]
        return []

    def _restates(self, tok: Token, entry: LexEntry, by_index: dict[int, tuple[LexEntry, list[Actor]]]) -> Token | None:
        """A purpose or when-clause of the same type as the act it hangs on is that act told again: "began a hunger
        strike to protest ...", "opened fire to disperse demonstrators", "killed 23 when they blew themselves up"."""
        if tok.dep_ != "advcl" or not any(
            (c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "while"))
            for c in tok.children
        ):
            return None
        own = self.ontology.get(entry.cameo).plover
        heads = [tok.head, *[c for c in tok.head.children if c.dep_ == "dobj"]]
        if own is None:
            return None
        return next((h for h in heads if h.i in by_index and self.ontology.get(by_index[h.i][0].cameo).plover == own), None)

    def _received(self, tok: Token, pos: str, entry: LexEntry, finder: ActorFinder) -> tuple[list[Actor], list[Actor]] | None:
        """Roles turned round by a recipient verb: the actor in "from"/"by" is the source and the verb's
        subject the target ("Georgian demonstrators received assurances from the government")."""
        if pos == "VERB" and entry.target[:1] == ("<from",):
            verb = tok
        elif pos == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.lexicon.recipient_verbs:
            verb = tok.head
        else:
            return None
        subject, passive = self._subject_head(verb)
        if subject is None or passive:
            return None
        givers: list[Actor] = []
        for node in (tok, *[c for c in verb.children if c.dep_ == "dobj"], verb):
            for pobj in prep_objects(node, ("from", "by")):
                givers = givers or finder.resolve_head(pobj)
        receivers = finder.resolve_head(subject)
        if not givers or not receivers:
            return None
        return (
            [replace(a, rule=f"{a.rule}+giver-of:{verb.lemma_.lower()}") for a in givers],
            [replace(a, rule=f"{a.rule}+receiver-of:{verb.lemma_.lower()}") for a in receivers],
        )

    def _subject_head(self, verb: Token) -> tuple[Token | None, bool]:
        """The verb's subject token and whether the verb is passive (subject = patient)."""
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        if passive and verb.lemma_.lower() in _STATIVE_PASSIVES and not any(c.dep_ == "agent" for c in verb.children):
            passive = False  # "Israel is opposed to French mediation": Israel opposes it
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if child.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
                    return verb.head, passive
                return child, passive
        if verb.dep_ == "relcl":
            return verb.head, passive
        if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
            head, _ = self._subject_head(verb.head.head)  # "Syria is willing to withdraw": Syria withdraws
            return head, passive
        if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
            for sibling in verb.head.children:
                if sibling.dep_ in ("dobj",) and sibling.i < verb.i:
                    return sibling, passive  # object control: "urged Iraq to expel ..."
            head, _ = self._subject_head(verb.head)
            return head, passive
        if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None, passive  # purpose clause: its subject is not the main subject
        if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            head, _ = self._subject_head(verb.head)
            return head, passive
        if verb.dep_ == "acl":
            return verb.head, True
        return None, passive

    def _actors_of_event_noun(self, noun: Token, finder: ActorFinder) -> list[Actor]:
        """'Iran's attack', 'the US airstrike': the modifier names the actor ('military aid' does not)."""
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < noun.i:
                actors = [a for a in finder.resolve_head(child) if a.country or a.name or child.dep_ == "poss"]
                if actors:
                    return actors
        return []

    def _condition_subject(self, tok: Token, finder: ActorFinder) -> list[Actor]:
        """'threatened to strike unless Israel rescinded the annexation': a threat is aimed at whoever must
        meet its condition."""
        node = tok
        for _ in range(4):
            for child in node.children:
                if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in child.children):
                    subject, passive = self._subject_head(child)
                    if subject is not None and not passive:
                        found = [a for a in finder.resolve_head(subject) if a.country]
                        if found:
                            return [replace(a, rule=f"{a.rule}+condition-of-threat") for a in found]
            if node.head is node:
                break
            node = node.head
        return []

    def _speakers_own(self, head: Token, finder: ActorFinder) -> list[Actor]:
        """'Bosnian Serbs said their forces had completed the withdrawal': the speaker's own forces."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "our")), None)
        if owner is None:
            return []
        own = finder.resolve_head(head)
        if any(a.country for a in own):
            return []
        speaker = self._speaker_of(owner.head)
        if speaker is None:
            return []
        sector = own[0].sector if own else None
        return [replace(a, sector=sector or a.sector, rule=f"{a.rule}+speaker-possessive")
                for a in finder.resolve_head(speaker) if a.country]

    def _speaker_of(self, pronoun: Token) -> Token | None:
        """'Syria says it is willing to withdraw', 'the rebels said they will release': the pronoun
        subject of a reported clause is its speaker."""
        node = pronoun.head
        for _ in range(5):
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in _SPEECH_VERBS | _ALLEGE_VERBS:
                speaker, passive = self._subject_head(node.head)
                if speaker is None or passive or speaker.lower_ in _SPEAKER_PRONOUNS | {"he", "she"}:
                    return None
                return speaker
            if node.dep_ in ("xcomp", "conj", "acomp") and node.head is not node:
                node = node.head
                continue
            return None
        return None

    def _source(self, tok: Token, pos: str, finder: ActorFinder, used: set[int]) -> list[Actor]:
        if pos == "VERB":
            head, passive = self._subject_head(tok)
            if passive:
                for child in tok.children:
                    if child.dep_ == "agent":
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                return finder.resolve_head(pobj)
                for child in tok.children:
                    # "were killed in Israeli tank shelling", "died in a US air strike": the means names the doer
                    if child.dep_ == "prep" and child.lower_ in ("in", "during"):
                        for means in child.children:
                            if means.dep_ != "pobj" or not (
                                means.lemma_.lower() in _WEAPON_NOUNS or self._match(means, "NOUN") is not None
                            ):
                                continue
                            named = self._actors_of_event_noun(means, finder) or [
                                a for g in prep_objects(means, ("by",)) for a in finder.resolve_head(g)
                            ]
                            doers = [a for a in named if a.country]
                            if not doers and means.lemma_.lower() in _WEAPON_NOUNS:
                                doers = [a for a in finder.resolve_head(means) if a.country]
                            if doers or (named and self._match(means, "NOUN") is not None):
                                used.add(means.i)  # the means is this event, not a second one
                                return [replace(a, rule=f"{a.rule}+by-means") for a in doers or named]
                return []
            if head is None and tok.dep_ == "csubj":
                # "Maduro said that lifting the ban is out of the question": the speaker's own act
                speaker = self._speaker_of(tok)
                return [replace(a, rule=f"{a.rule}+speaker-of-clause") for a in finder.resolve_head(speaker)] if speaker is not None else []
            if head is None:
                return []
            if head.lower_ in _SPEAKER_PRONOUNS | {"he", "she"}:
                speaker = self._speaker_of(head)
                if speaker is not None and (head.lower_ in _SPEAKER_PRONOUNS or speaker.ent_type_ == "PERSON"):
                    # "Katsav refused ..., saying he would only welcome him in Jerusalem": he is Katsav
                    return [replace(a, rule=f"{a.rule}+speaker-pronoun:{head.lower_}") for a in finder.resolve_head(speaker)]
            own = self._speakers_own(head, finder)
            if own:
                return own
            if head.pos_ == "NOUN" and (self._match(head, "NOUN") is not None or head.lemma_.lower() in _WEAPON_NOUNS):
                used.add(head.i)
                return self._actors_of_event_noun(head, finder)
            return finder.resolve_head(head)
        actors = self._actors_of_event_noun(tok, finder)
        if actors:
            return actors
        # climb "a series of talks", "part of", to the governing verb and take its subject
        node = tok
        for _ in range(4):
            if node.dep_ in ("pobj",) and node.head.lower_ == "of":
                node = node.head.head
                continue
            if node.dep_ == "compound" and node.head.lemma_.lower() in _FRAME_NOUNS:
                node = node.head  # "launched a mediation effort": the effort is the mediation
                actors = self._actors_of_event_noun(node, finder)
                if actors:
                    return actors
                continue
            if node.dep_ in ("dobj", "nsubjpass", "attr") and node.head.pos_ in ("VERB", "AUX") and (
                node.head.lemma_.lower() in self.lexicon.light_verbs
            ):
                verb = node.head
                head, passive = self._subject_head(verb)
                if head is not None and not passive:
                    return self._speakers_own(head, finder) or finder.resolve_head(head)
                break
            break
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return finder.resolve_head(pobj)
        return []

    def _target(self, tok: Token, entry: LexEntry, finder: ActorFinder) -> list[Actor]:
        if tok.pos_ in ("VERB", "AUX"):
            head, passive = self._subject_head(tok)
            if passive and head is not None:
                patients = finder.resolve_head(head)
                if not any(a.country or a.name for a in patients):
                    # "a camp for Congolese refugees was attacked": the people the place is for
                    inner = self._inner_actor(head, finder, extra_preps=("for",))
                    patients = inner or patients
                return patients
        required = entry.required_words
        places = [tok]
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in _FRAME_NOUNS:
            tok = tok.head  # "a mediation effort between the Emirates and Saudi Arabia"
            places.append(tok)
        for child in tok.children:
            if child.dep_ in ("dobj", "attr") and child.lemma_.lower() in required:
                places.append(child)
        if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ == "VERB" and tok.dep_ == "dobj":
            places.append(tok.head)
        for child in tok.children:
            # "rejected a U.S. request", "welcomed Reagan's statement": the owner of what is acted on
            if child.dep_ == "dobj" and child.lemma_.lower() in self.lexicon.owned_objects:
                owner = [a for a in finder.resolve_head(child) if a.country or a.name] or self._inner_actor(child, finder)
                if owner:
                    return [replace(a, rule=a.rule.replace("+inside-object", "") + "+owner-of-object") for a in owner]
        for child in tok.children:
            if tok.pos_ in ("VERB", "AUX") and child.dep_ == "dobj" and child.lemma_.lower() in required:
                # "tighten the naval blockade of Serbia": whom the named act is of
                of = [a for g in prep_objects(child, ("of",)) for a in finder.resolve_head(g) if a.country]
                if of:
                    return [replace(a, rule=f"{a.rule}+object-of-act") for a in of]
        for option in entry.target:
            for node in places:
                for child in node.children:
                    if option == "dobj" and child.dep_ in ("dobj", "attr") and child.lemma_.lower() not in required:
                        actors = finder.resolve_head(child)
                        if not any(a.country or a.name for a in actors):
                            actors = self._inner_actor(child, finder) or actors
                        if actors:
                            return actors
                    elif option == "iobj" and child.dep_ in ("dative", "iobj"):
                        if child.pos_ == "ADP":  # "granted a waiver to Baghdad": spaCy marks "to" as the dative
                            child = next((g for g in child.children if g.dep_ == "pobj"), child)
                        actors = finder.resolve_head(child)
                        if actors:
                            return actors
                    elif child.dep_ in ("prep", "dative") and child.lower_ == option:
                        for pobj in _prep_objects(child):
                            if pobj.dep_ in ("pobj", "nsubj", "nsubjpass"):
                                actors = finder.resolve_head(pobj)
                                if actors:
                                    return actors
                                if option == "between":
                                    return []
        clausal = self._clausal_target(tok, finder)
        if not clausal and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.lemma_.lower() in _DEMAND_NOUNS:
            clausal = self._clausal_target(tok.head, finder)  # "reiterated its demand today that Israel ease ..."
        return clausal

    def _inner_actor(self, noun: Token, finder: ActorFinder, extra_preps: tuple[str, ...] = ()) -> list[Actor]:
        """The actor inside an object that is a thing or an act: 'Serbia's suppression of ...',
        'calls by Belarus's rulers', 'the withdrawal of Serbian forces', 'two Israeli air raids'."""
        excluded = _clause_tokens(noun)
        preps = ("by", "of", *extra_preps)
        order = {"poss": 0, "agent": 1, "pobj": 2, "compound": 3, "amod": 3, "nmod": 3}
        candidates = [t for t in noun.subtree if t.i != noun.i and t.i not in excluded and t.pos_ in ("NOUN", "PROPN", "ADJ")]
        candidates.sort(key=lambda t: (order.get(t.dep_, 9) if t.dep_ != "pobj" or t.head.lower_ in preps else 9, t.i))
        for t in candidates:
            if t.dep_ == "pobj" and t.head.lower_ not in preps:
                continue
            actors = [a for a in finder.resolve_head(t) if a.country or a.name]
            if actors:
                return [replace(a, rule=a.rule + "+inside-object") for a in actors]
        return []

    def _clausal_target(self, tok: Token, finder: ActorFinder) -> list[Actor]:
        """'demanded that the US cancel the sale' -> the US; 'denounced Serbia's suppression' -> Serbia."""
        for child in tok.children:
            that_clause = child.dep_ == "acl" and tok.lemma_.lower() in _DEMAND_NOUNS and _content_clause(child)
            if (child.dep_ == "ccomp" or that_clause) and child.pos_ in ("VERB", "AUX"):
                head, passive = self._subject_head(child)
                if head is not None and not passive and head.i != tok.i:
                    actors = [a for a in finder.resolve_head(head) if a.country or a.name]
                    if actors:
                        return actors
            objects = [child] if child.dep_ in ("dobj", "pobj") and child.pos_ == "NOUN" else []
            objects += _shifted_object(tok) if child.dep_ == "prep" and child.lower_ == "as" else []
            for obj in objects:
                actors = [a for a in self._actors_of_event_noun(obj, finder) if a.country or a.name]
                if actors and any(c.dep_ == "poss" for c in obj.children):
                    return actors
        return []

    def _prep_target(self, tok: Token, finder: ActorFinder, source: list[Actor], *, hostile: bool = False) -> list[Actor]:
        """A recipient in the trigger's own phrase ("aid for Romania", "give Tanzania a grant"); for hostile
        acts "from" is where they came from, not whom they hit."""
        taken = {(a.start, a.end) for a in source}
        excluded = _clause_tokens(tok)
        nodes = [tok] + ([tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [])
        for node in nodes:
            for t in sorted(node.subtree, key=lambda t: abs(t.i - tok.i)):
                if t.i in excluded or t.i == tok.i:
                    continue
                recipient = t.dep_ in ("dative", "iobj") or (
                    t.dep_ == "pobj" and t.head.lower_ in _RECIPIENT_PREPS and not (hostile and t.head.lower_ == "from")
                )
                if not recipient or any(a.dep_ in ("nsubj", "nsubjpass") for a in t.ancestors if a.i != tok.i and a.i in {x.i for x in tok.subtree}):
                    continue
                actors = [a for a in finder.resolve_head(t) if (a.start, a.end) not in taken and (a.country or a.name)]
                if actors:
                    return [replace(a, rule=a.rule + "+recipient") for a in actors]
        return []

    def _fallback_target(self, tok: Token, finder: ActorFinder, source: list[Actor]) -> list[Actor]:
        """For conflict events without a grammatical target: the nearest actor later in the clause."""
        taken = {(a.start, a.end) for a in source}
        excluded = _clause_tokens(tok)
        for node in sorted(tok.subtree, key=lambda t: t.i):
            if node.i in excluded:
                continue
            if node.i <= tok.i or node.pos_ not in ("NOUN", "PROPN") or node.dep_ == "compound":
                continue
            if node.dep_ == "pobj" and node.head.lower_ in _LOCATIVE_ONLY:
                continue
            actors = [a for a in finder.resolve_head(node) if (a.start, a.end) not in taken and a.country]
            if actors:
                return [replace(a, confidence=round(a.confidence * 0.7, 3), rule=a.rule + "+fallback-target") for a in actors]
        return []

    # -- modality ----------------------------------------------------------------------------
    def _negated(self, tok: Token) -> bool:
        nodes = [tok] + ([tok.head] if tok.dep_ in ("xcomp", "dobj") else [])
        for node in nodes:
            for child in node.children:
                if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                    return True
        return False

    def _hypothetical(self, tok: Token) -> bool:
        node = tok
        for _ in range(4):
            for child in node.children:
                if child.dep_ in ("aux", "auxpass") and child.lower_ in _MODALS:
                    return True
                if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in child.children):
                    return True
                if child.dep_ == "mark" and child.lower_ in ("if", "unless"):
                    return True
            if node.dep_ in ("xcomp",) and node.head.lemma_.lower() in _INTENT_HEADS:
                return True
            if node.dep_ == "pobj" and node.head.head.lemma_.lower() in _PROSPECT_NOUNS:
                return True
            if node.dep_ in ("acl", "relcl") and node.head.lemma_.lower() in _PROSPECT_NOUNS:
                return True
            if node.dep_ in ("xcomp", "conj", "pobj", "prep", "dobj") and node.head is not node:
                node = node.head
                continue
            break
        return False

    # -- derived events --------------------------------------------------------------------
    def _reported(self, event: Event, verb: Token, speaker: Any, target: Any, code: str, label: str, offset: int) -> Event:
        """The event a speech verb makes of a reported one: the speaker as source, ``code`` as type, the verb as trigger."""
        info = self.ontology.get(code)
        return replace(
            event, source=tuple(speaker), target=tuple(target), plover=info.plover, mode=info.mode, cameo=code,
            quad=info.quad, goldstein=info.goldstein, hypothetical=False,
            evidence=replace(event.evidence, trigger=Span(verb.text, verb.idx + offset, verb.idx + len(verb.text) + offset)),
            rule=f"{label}:{verb.lemma_.lower()}>{event.rule}", acled_event_type=None, acled_sub_event_type=None,
        )

    def _obligations(self, sent: Any, events: list[Event], finder: ActorFinder) -> list[Event]:
        """'Russia said Sudan must return the helicopter': the speaker demands it of Sudan (CAMEO 10)."""
        out: list[Event] = []
        for event in events:
            if not event.source or event.negated:
                continue
            node = _trigger_token(sent, event, finder.offset)
            if node is not None and node.pos_ == "NOUN" and node.dep_ == "dobj" and node.head.pos_ in ("VERB", "AUX"):
                node = node.head  # "must reach an agreement": the noun event is what the obliged verb does
            if node is None or not _obliged(node) or node.dep_ != "ccomp" or node.head.lemma_.lower() not in _SPEECH_VERBS:
                continue
            subject, _ = self._subject_head(node.head)
            speaker = finder.resolve_head(subject) if subject is not None else []
            if not speaker:
                continue
            out.append(self._reported(event, node.head, speaker, event.source, "100", "obligation", finder.offset))
        return out

    def _bare_obligations(
        self, sent: Any, events: list[Event], finder: ActorFinder, published: date | None,
        doc_countries: tuple[str, ...], anchors: dict[str, str],
    ) -> list[Event]:
        """'The Red Cross said US forces must ensure security': a demand by the speaker on the obliged
        actor (CAMEO 100) even when the obliged act is not itself an event the lexicon knows."""
        triggers = {(e.evidence.trigger.start - finder.offset) for e in events}
        out: list[Event] = []
        for tok in sent:
            verb = _obligation_speech(tok)
            own = [tok, *[c for c in tok.children if c.dep_ == "dobj"]]  # the obliged act itself
            if verb is None or any(t.idx in triggers for t in own):
                continue
            subject, passive = self._subject_head(tok)
            speaker_head, speaker_passive = self._subject_head(verb)
            if subject is None or passive or speaker_head is None or speaker_passive:
                continue
            obliged = [a for a in finder.resolve_head(subject) if a.country or a.name]
            if not obliged and subject.lower_ in ("it", "they"):
                # "issued a reminder to Iraq that it must cooperate": the one addressed
                addressee = next(iter(prep_objects(verb, ("to",), deps=("dative", "prep"))), None)
                obliged = [a for a in finder.resolve_head(addressee) if a.country or a.name] if addressee is not None else []
            # a forum or body NER knows but the dictionaries do not still speaks ("the Third World Water Forum")
            speaker = [a for a in finder.resolve_head(speaker_head) if a.country or a.name or a.rule.startswith("ner:")]
            if not obliged or not speaker:
                continue
            entry = LexEntry(verb.lemma_.lower(), "VERB", (), ("dobj",), "100", 0, "")
            event = self._event(sent, verb, entry, "REQUEST", speaker, obliged, False, False, published,
                                doc_countries, finder.offset, anchors)
            out.append(replace(event, rule=f"obligation:{verb.lemma_.lower()}>must:{tok.lemma_.lower()}"))
        return out

    def _allegations(self, sent: Any, events: list[Event], finder: ActorFinder) -> tuple[list[Event], set[str]]:
        """'The US claimed that ISIL had attacked Iraq': the speaker accuses the perpetrator (CAMEO 112), and
        what is alleged is not reported as fact. Returns the accusations and the rules of the alleged events."""
        out: list[Event] = []
        alleged: set[str] = set()
        for event in events:
            if event.hypothetical or event.negated:
                continue
            node = _trigger_token(sent, event, finder.offset)
            head = _alleging_verb(node) if node is not None else None
            if head is None:
                continue
            alleged.add(event.rule)
            if event.quad < 3 or not event.source:
                continue
            subject, _ = self._subject_head(head)
            speaker = finder.resolve_head(subject) if subject is not None else []
            if not speaker:
                continue
            if {a.country for a in speaker} & {a.country for a in event.source if a.country}:
                # "The US claimed that they had attacked Iraq": a claim of responsibility (015)
                out.append(self._reported(event, head, speaker, event.target, "015", "claim-of-responsibility", finder.offset))
                continue
            out.append(self._reported(event, head, speaker, event.source, "112", "allegation", finder.offset))
        return out, alleged

    def _speech_threats(self, sent: Any, events: list[Event], finder: ActorFinder) -> list[Event]:
        """'X declared the Americans will be expelled': a hypothetical material conflict, announced -> THREATEN."""
        out: list[Event] = []
        for event in events:
            if not event.hypothetical or not (event.quad == 4 or event.plover == "THREATEN") or event.negated:
                continue
            node = _trigger_token(sent, event, finder.offset)
            if node is None:
                continue
            for _ in range(4):
                if node.head.i == node.i:
                    break
                node = node.head
                if node.lemma_.lower() in _SPEECH_VERBS:
                    head, _ = self._subject_head(node)
                    speaker = list(event.source) or (finder.resolve_head(head) if head is not None else [])
                    if speaker and event.target:
                        code = event.cameo if event.plover == "THREATEN" else "138" if event.cameo[:2] in ("15", "18", "19", "20") else "130"
                        out.append(self._reported(event, node, speaker, event.target, code, "speech-threat", finder.offset))
                    break
        return out

    # -- building ---------------------------------------------------------------------------
    def _event(
        self, sent: Any, tok: Token, entry: LexEntry, plover: str | None, source: list[Actor], target: list[Actor],
        negated: bool, hypothetical: bool, published: date | None, doc_countries: tuple[str, ...], offset: int,
        anchors: dict[str, str],
    ) -> Event:
        info = self.ontology.get(entry.cameo)
        trigger_start = tok.idx - sent.start_char
        time = resolve_event_time(sent.text, trigger_start, published, future=hypothetical)
        date_value, precision, date_rule = time.value or None, time.precision, time.rule
        if time.rule == "publication-date":
            anchored = self._anchored(sent, anchors)
            if anchored:
                date_value, precision, date_rule = anchored
        if precision in ("day", "month") and entry.lemma and date_value:
            anchors.setdefault(tok.lemma_.lower(), date_value)
        if date_value and precision != "unknown-before":
            source = [as_of(a, date_value) for a in source]
            target = [as_of(a, date_value) for a in target]
        actor_spans = tuple((a.start, a.end) for a in (*source, *target))
        location = locate_place(tok, doc_countries, offset, exclude=actor_spans)
        if plover is not None and location is not None and location.country and not any(a.country or a.name for a in target):
            target = _located_target(target, location)
        if location is not None and location.country and source and all(
            a.country is None and a.name is None and a.sector in _LOCAL_SECTORS for a in source
        ):
            # "Protesters torched the US embassy in Baghdad": a local group is of the place where it acts
            source = [replace(a, country=location.country, rule=f"{a.rule}+placed-at:{location.name}") for a in source]
        named_source = source  # ACLED typing reads who was named, not who is presumed
        if info.quad == 4 and location is not None and location.country and not any(a.country or a.name for a in source):
            # "a roadside bomb near Samarra killed a US soldier": unidentified forces in Iraq (the ICEWS convention)
            source = [Actor(location.text, location.start, location.end, None, location.country, "UAF", 0.3,
                            f"unattributed-in:{location.name}")]
        confidence = 0.45 + (0.2 if any(a.country for a in named_source) else 0.0)
        confidence += 0.2 if target and any(a.country for a in target) else 0.0
        confidence += 0.1 if entry.requires else 0.0
        confidence -= 0.15 if hypothetical else 0.0
        acled = acled_types(entry.cameo, named_source, target, sentence=sent.text) if not (negated or hypothetical) else (None, None)
        return Event(
            source=tuple(source),
            target=tuple(target),
            plover=plover,
            mode=info.mode,
            cameo=entry.cameo,
            quad=info.quad,
            goldstein=info.goldstein,
            date=date_value,
            date_precision=precision,
            location=location,
            negated=negated,
            hypothetical=hypothetical,
            confidence=round(min(max(confidence, 0.05), 0.99), 3),
            evidence=Evidence(
                sentence=sent.text,
                start=sent.start_char + offset,
                end=sent.end_char + offset,
                trigger=Span(tok.text, tok.idx + offset, tok.idx + len(tok.text) + offset),
            ),
            rule=entry.rule,
            date_rule=date_rule,
            acled_event_type=acled[0],
            acled_sub_event_type=acled[1],
        )

    def _anchored(self, sent: Any, anchors: dict[str, str]) -> tuple[str, str, str] | None:
        """'Days before talks were set to commence': a few days before the known date of the talks."""
        match = re.search(r"\b(days|weeks|hours)\s+(before|after)\s+(?:the\s+)?(\w+)", sent.text, re.I)
        if not match:
            return None
        word = match.group(3).lower()
        lemma = word[:-1] if word.endswith("s") else word
        anchor = anchors.get(lemma) or anchors.get(word)
        if not anchor or len(anchor) < 10:
            return None
        from datetime import timedelta

        base = date.fromisoformat(anchor[:10])
        step = {"days": timedelta(days=3), "weeks": timedelta(weeks=2), "hours": timedelta(0)}[match.group(1).lower()]
        when = base - step if match.group(2).lower() == "before" else base + step
        return when.isoformat(), "week", f"anchored:{match.group(0)}"

    def _doc_countries(self, docs: list[Any]) -> tuple[str, ...]:
        from collections import Counter

        from .actors import find_matches, load_dictionaries

        counts: Counter[str] = Counter()
        dicts = load_dictionaries()
        for ent in (e for d in docs for e in d.ents):
            if ent.label_ in ("GPE", "NORP"):
                # a country's own name or adjective; a capital ("Tripoli") is what this is asked to settle
                for iso in dict.fromkeys(m.value for m in find_matches([ent.text], dicts)
                                         if m.kind in ("country", "adjective", "demonym")):
                    counts[iso] += 1
        return tuple(iso for iso, _ in counts.most_common(5))

    # -- claims -----------------------------------------------------------------------------
    _CLAIM = re.compile(
        r"\b(?:the\s+)?(\d+)(?:st|nd|rd|th)\s+(\w+)(?:\s+\w+)?\s+(?:against|on|targeting)\s+(.+?)\s+since\s+([A-Z]\w+(?:\s+\d{4})?)",
    )

    def _claim(self, sent: Any, published: date | None, events: list[Event], offset: int = 0) -> Claim | None:
        match = self._CLAIM.search(sent.text)
        if not match:
            return None
        noun = match.group(2).lower().rstrip("s")
        entries = self.lexicon.candidates(noun, "NOUN")
        plover = self.ontology.get(entries[0].cameo).plover if entries else None
        from .actors import countries_in

        targets = countries_in(match.group(3).split())
        period_from = None
        if published is not None:
            times = find_times("since " + match.group(4), published)
            if times:
                period_from = times[0].first_day()
        period_to = None
        for event in events:
            if event.date and event.date_precision in ("day", "week"):
                period_to = event.date
        if period_to is None and published is not None:
            period_to = published.isoformat()
        return Claim(
            count=int(match.group(1)),
            event_plover=plover,
            target_country=targets[0] if targets else None,
            period_from=period_from,
            period_to=period_to,
            evidence=Evidence(sent.text, sent.start_char + offset, sent.end_char + offset,
                              Span(match.group(0), offset + sent.start_char + match.start(), offset + sent.start_char + match.end())),
            rule="claim:ordinal-count-since",
        )


def _dyad(event: Event) -> tuple[str | None, frozenset[str | None], frozenset[str | None]]:
    return (event.plover, frozenset(a.country for a in event.source), frozenset(a.country for a in event.target))


def _repeats(event: Event, earlier: list[Event]) -> bool:
    """A later, undated mention of an event already coded in the document ("the US-Iraq meetings")."""
    if event.date_precision != "unknown-before" or event.plover is None:
        return False
    key = _dyad(event)
    symmetric = (key[0], key[2], key[1])
    return any(_dyad(e) in (key, symmetric) for e in earlier if e.plover in _SYMMETRIC or _dyad(e) == key)


def _trigger_token(sent: Any, event: Event, offset: int) -> Token | None:
    """The parse token of an event's trigger (its offsets are into the whole text)."""
    span = sent.doc.char_span(event.evidence.trigger.start - offset, event.evidence.trigger.end - offset)
    return span.root if span is not None else None


def _recode(entry: LexEntry, table: dict[str, str], label: str) -> LexEntry:
    """The entry under the code the longest matching prefix of its CAMEO code maps to in ``table``."""
    for size in range(len(entry.cameo), 1, -1):
        code = table.get(entry.cameo[:size])
        if code is not None:
            return replace(entry, cameo=code, note=f"{label}{entry.rule}")
    return entry


@lru_cache(maxsize=1)
def _refusal_table() -> dict[str, str]:
    return {row["cameo_prefix"]: row["refusal_code"] for row in read_tsv("ontology/refusal.tsv")}


@lru_cache(maxsize=1)
def _intent_table() -> dict[str, str]:
    return {row["cameo_prefix"]: row["intent_code"] for row in read_tsv("ontology/intent.tsv")}


def _obliged(tok: Token) -> bool:
    """'Qatar must mediate', 'the government should ensure': an obligation put on the subject."""
    return any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children) or (
        tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("have", "need") and tok.head.dep_ != "xcomp"
    )


def _depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


def _clause_tokens(tok: Token) -> set[int]:
    """Tokens in clauses below the trigger (if-clauses, reported clauses, relative clauses) and in its
    adverbial phrases ("following an attack on the port"): not its arguments."""
    out: set[int] = set()
    for child in tok.children:
        if child.dep_ in ("advcl", "ccomp", "relcl", "acl", "parataxis", "conj", "csubj", "xcomp"):
            out |= {t.i for t in child.subtree}
        elif child.dep_ == "prep" and child.lower_ in _ADVERBIAL_PREPS:
            out |= {t.i for t in child.subtree}
        elif child.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children):
            out |= {t.i for t in child.subtree}  # "on Saturday" is when, not "called on" someone
    return out


def _located_target(target: list[Actor], location: Location) -> list[Actor]:
    """Without a known target, the event's place stands for it: "killed 23 people in Tel Aviv" targets
    Israel's civilians, "eased emergency measures in Montenegro" targets Montenegro (the ICEWS/PETRARCH
    convention for unnamed targets). The actor keeps the mention when there is one and says where its
    country came from."""
    if target:
        return [
            replace(a, country=location.country, sector=a.sector or ("CVL" if _PEOPLE.search(a.text) else None),
                    confidence=min(a.confidence, 0.4), rule=f"{a.rule}+located-in:{location.name}")
            for a in target
        ]
    return [Actor(location.text, location.start, location.end, None, location.country, None, 0.4,
                  f"location-as-target:{location.name}")]


def _names_noun(entry: LexEntry, noun: Token) -> bool:
    """A verb row written for this very noun ("lodge a protest" -> 114) is more specific than the noun's own row."""
    return any(noun.lemma_.lower() in slot or noun.lower_ in slot for slot in entry.requires)


def _outcome_of(tok: Token, entry: LexEntry, by_index: dict[int, tuple[LexEntry, list[Actor]]], ontology: Ontology) -> bool:
    """'shelled Juba on Sunday, killing four': the killing is what the shelling did, not a second event."""
    node = tok
    while node.dep_ == "conj" and node.head.tag_ == "VBG" and node.head is not node:
        node = node.head  # "..., killing a child and wounding five": both are outcomes
    if node.dep_ != "advcl" or node.tag_ != "VBG" or node.head.i not in by_index:
        return False
    # arrests and abductions after an attack are acts of their own ("opened fire ..., killing one and arresting 12")
    outcome = ontology.get(entry.cameo).plover == "ASSAULT" or entry.cameo.startswith("171")
    return outcome and ontology.get(by_index[node.head.i][0].cameo).quad == 4


def _time_anchor(tok: Token, by_index: dict[int, tuple[LexEntry, list[Actor]]]) -> bool:
    """'..., one day after a Serbian jet shot down a helicopter': an event named to date another event is
    background to it, not news of its own."""
    node = tok
    for _ in range(6):
        head = node.head
        if head is node:
            return False
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since") for c in node.children):
            # "..., an AFP correspondent said, two weeks after rebels kidnapped ...": the clause said dates the news
            return (head.i in by_index or any(a.i in by_index for a in head.ancestors)
                    or any(c.i in by_index for c in head.children if c.dep_ == "ccomp"))
        if node.dep_ == "pcomp" and head.lower_ in ("after", "before", "since", "following"):
            return head.head.i in by_index
        if node.dep_ == "pobj" and head.lower_ in ("after", "before", "since"):
            # "holed up since last month's U.S. invasion"
            return head.head.i in by_index or any(a.i in by_index for a in head.ancestors)
        node = head
    return False


def _describes_actor(tok: Token) -> bool:
    """'Adli Yaish, who had been arrested 15 months ago', 'the militant group that has seized parts of Iraq':
    what a relative clause recalls of a participant is background to the news."""
    node = tok
    if node.pos_ == "NOUN" and node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "relcl" or node.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "aux" and c.lower_ in _PERFECT_AUX for c in node.children)


def _background_of_place(tok: Token) -> bool:
    """'in Montenegro, where 28 people have been killed this year': what a place has seen is background."""
    node = tok
    while node.dep_ in ("conj", "xcomp") and node.head is not node:
        node = node.head
    return node.dep_ == "relcl" and node.head.ent_type_ in ("GPE", "LOC", "FAC")


def _wished_on_another(tok: Token) -> bool:
    """The trigger is what someone wants, asks or urges another actor to do ("asked Obama to help",
    "wants Putin to attack"): the asking may be an event, the asked-for act is not."""
    node = tok
    if node.pos_ == "NOUN" and node.dep_ == "dobj" and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
    head = node.head
    if node.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in _DEMAND_NOUNS:
        return True  # "its demand that Israel ease restrictions": demanded, not done
    if node.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in _DEMAND_NOUNS and c.i < node.i for c in head.children):
        return True  # the parser hung the demand's clause on the verb: "reiterated its demand today that Israel ease ..."
    if node.dep_ == "ccomp" and head.lemma_.lower() in _MANDATIVE_HEADS and _subjunctive(node):
        return True  # "demanded that the United States match ...", "demanded that control be taken away"
    if node.dep_ not in ("xcomp", "ccomp") or head.lemma_.lower() not in _DESIRE_HEADS:
        return False
    if node.dep_ == "xcomp":
        return any(c.dep_ == "dobj" for c in head.children)  # object control: the object is asked
    own = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    asker = next((c for c in head.children if c.dep_ == "nsubj"), None)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    return own is not None and infinitive and (asker is None or own.lower_ != asker.lower_)


def _shifted_object(verb: Token) -> list[Token]:
    """The object a verb of judgment put after its "as" phrase ("denounced as an ugly crime Serbia's suppression
    of ..."), which the parser reads as an apposition of the "as" noun; empty when the verb has its own object."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [a for p in prep_objects(verb, ("as",)) for a in p.children if a.dep_ == "appos" and a.pos_ == "NOUN"]


def _prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition; when the parser left it without one because a participle followed ("asylum
    to five officers holed up in a residence", parsed as officers holing up), the subject of that participle."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if objects or prep.i + 1 >= len(prep.doc):
        return objects
    nxt = prep.doc[prep.i + 1]
    noun = nxt if nxt.dep_ in ("nsubj", "nsubjpass") else next(
        (t for t in prep.doc[prep.i + 1 : prep.i + 6] if t.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i == prep.i + 1), None)
    if noun is not None and noun.head.tag_ in ("VBN", "VBD") and noun.head.i > noun.i and noun.head.dep_ in ("advcl", "conj", "acl"):
        return [noun]
    return objects


def _obligation_speech(tok: Token) -> Token | None:
    """The verb whose subject puts an obligation on ``tok``'s subject: 'said (that) Iraq must cooperate',
    'issued a stern reminder to Iraq that it must cooperate' (the issuing verb); None when there is none."""
    if tok.pos_ not in ("VERB", "AUX") or not _obliged(tok):
        return None
    if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in _SPEECH_VERBS:
        return tok.head
    noun = tok.head
    if tok.dep_ in ("acl", "ccomp") and noun.lemma_.lower() in _STATEMENT_NOUNS and noun.dep_ == "dobj":
        return noun.head
    if tok.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in _STATEMENT_NOUNS for c in noun.children):
        return noun  # the parser hung the clause on the verb: "issued a reminder Saturday to Iraq that it must ..."
    return None


def _subjunctive(verb: Token) -> bool:
    """'(demanded) that Israel withdraw', 'that control be taken away': a bare verb with its own subject."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VB" or (verb.tag_ == "VBP" and verb.lemma_ != "be"):  # "that the United States match ..."
        return not auxes
    return verb.tag_ == "VBN" and [a.lower_ for a in auxes] == ["be"]


def _content_clause(clause: Token) -> bool:
    """'the demand that Libya hand over the suspects' (what is demanded), not 'the demand that Libya made'
    (a relative clause; the parser may call its "that" an object either way)."""
    that = [g for g in clause.children if g.lower_ == "that"]
    objects = [g for g in clause.children if g.dep_ == "dobj" and g.lower_ != "that"]
    return any(g.dep_ == "mark" for g in that) or (bool(that) and bool(objects))


def _in_condition(tok: Token) -> bool:
    """The trigger is in the if- or unless-clause of a conditional: a condition, not a reported event."""
    node = tok
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return node.dep_ == "advcl"
        if node.lower_ == "case" and node.head.lower_ == "in":
            return True  # "on alert in case of more fighting"
        if node.dep_ in ("xcomp", "conj", "dobj", "pobj", "prep", "aux", "ccomp") and node.head is not node:
            node = node.head
            continue
        break
    return False


def _speculative_past(tok: Token) -> bool:
    """"may have launched", "could have been behind": a past event reported as possible, not an intent."""
    node = tok
    while node.pos_ == "NOUN" and node.dep_ in ("dobj", "pobj", "prep", "nsubjpass") and node.head is not node:
        node = node.head  # "may have launched cyber attacks": the noun event's verb carries the modality
    auxes = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
    return node.tag_ in ("VBN", "VBD") and "have" in auxes and bool(auxes & {"may", "might", "could", "must"})


def _under_refusal(tok: Token) -> bool:
    """The trigger is the complement of a refusal ("refused to meet", "failed to reach") that is itself asserted."""
    node = tok
    if node.pos_ == "NOUN" and node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ in ("VERB", "AUX"):
        node = node.head  # "failed to reach agreement": the noun event's verb is the refused one
    head = node.head
    if node.dep_ in ("csubj", "nsubj") and head.lemma_ == "be" and _RULED_OUT.search(
        " ".join(t.lower_ for t in head.subtree if t.i > node.right_edge.i)
    ):
        return True  # "lifting the ban is out of the question"
    return (
        node.dep_ == "xcomp"
        and head.lemma_.lower() in _REFUSAL_HEADS
        and not any(c.dep_ == "neg" for c in head.children)
    )


def _alleging_verb(tok: Token) -> Token | None:
    """The verb of allegation whose content clause holds ``tok`` ("alleged that France ... helped to plan and
    carry out killings"), climbing through coordinated clauses and objects; None when there is none."""
    node = tok
    for _ in range(6):
        if node.dep_ == "ccomp":
            return node.head if node.head.lemma_.lower() in _ALLEGE_VERBS else None
        if node.dep_ not in ("conj", "xcomp", "dobj", "pobj", "prep", "acomp", "advcl") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _existential(tok: Token) -> bool:
    """'There were 10 Russian soldiers killed in Ukraine': a participle on what an existential clause asserts."""
    noun = tok.head
    return (tok.tag_ == "VBN" and noun.dep_ in ("attr", "nsubj") and noun.head.lemma_ == "be"
            and any(c.dep_ == "expl" for c in noun.head.children))


def _crowd_violence(cameo: str) -> bool:
    """Coercion, property destruction, beatings and brawls: what a crowd does when a protest turns violent.
    Bombings, abductions and fighting with weapons (181, 183-186, 191-196, 20) stay what they are."""
    return cameo[:2] == "17" or cameo[:3] in ("180", "182") or cameo == "190"


def _yield_type(cameo: str) -> str:
    return "RETREAT" if cameo[:3] in ("084", "085", "086", "087") else "CONCEDE"
