"""Event coding evaluation: end-to-end events, dyad types, ACLED/CASE types and quad classes."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..acled import classify_snippet
from ..datafiles import read_tsv
from ..dyads import code_record
from ..nlp import load_model
from ..pipeline import code_text, get_coder
from ..quad import QUAD5_LABELS, quad5_of_event, quad_of_snippet, refine_quad
from ..records import Event
from ..settings import Settings
from ..timex import parse_day
from .scoring import Report, confusion, per_label, read_jsonl


def _rows(path: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    return read_jsonl(path, limit)


def type_matches(gold: str | None, pred: str | None) -> bool:
    if gold == "YIELD":
        return pred in ("CONCEDE", "RETREAT", "YIELD")
    return gold == pred


#: PLOVER types whose two sides do the same thing to each other (talks, joint action, agreement).
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})


def _countries(actors: list[dict[str, Any]]) -> set[str]:
    return {a["country"] for a in actors if a.get("country")}


def _side_ok(gold: set[str], pred: set[str | None]) -> bool:
    return not gold or bool(gold & pred)


def _dyad_ok(gold: dict[str, Any], event: Event) -> bool:
    """Source and target countries agree with the gold (a side the gold leaves without a country is free)."""
    return _pair_ok(gold, {a.country for a in event.source if a.country}, {a.country for a in event.target if a.country})


def _pair_ok(gold: dict[str, Any], src: set[str | None], tgt: set[str | None]) -> bool:
    """Reciprocal gold actors (the same list on both sides) give dyads from distinct pairs, in either
    direction; self-pairs are ignored."""
    g_src, g_tgt = _countries(gold["source"]), _countries(gold["target"])
    if g_src and g_src == g_tgt:
        if len(g_src) == 1:
            return bool((src | tgt) & g_src)
        return any(s != t for s in src & g_src for t in tgt & g_tgt)
    return _side_ok(g_src, src) and _side_ok(g_tgt, tgt)


def dyads_of(event: Event) -> list[tuple[str | None, str | None]]:
    """The (source country, target country) pairs an event codes: coordinated actors ("Iran and Syria
    condemned Israel") make one dyad per pair, as in GDELT, ICEWS and PETRARCH records."""
    sources: list[str | None] = [*sorted({a.country for a in event.source if a.country})] or [None]
    targets: list[str | None] = [*sorted({a.country for a in event.target if a.country})] or [None]
    pairs = [(s, t) for s in sources for t in targets]
    if event.plover in SYMMETRIC_TYPES:
        # a meeting or joint action of A, B and C is one of each with each, in both directions
        parties = sorted({c for c in (*sources, *targets) if c})
        pairs += [(s, t) for s in parties for t in parties if s != t and (s, t) not in pairs]
    return pairs


def evaluate_events(path: Path, *, limit: int | None = None) -> Report:
    """End-to-end events. A gold event is found by a predicted dyad (see :func:`dyads_of`) of the same
    PLOVER type whose source and target countries match, each dyad finding at most one gold event.
    Recall is over gold events; precision is over predicted events (an event is right when one of its
    dyads found a gold event)."""
    found = missed = right = wrong = 0
    pairs: list[tuple[str | None, str | None]] = []
    rows = list(_rows(path, limit))
    skipped = 0
    for row in rows:
        result = code_text(row["text"], published=parse_day(row.get("date")))
        predicted = [e for e in result.events if e.plover is not None and not e.negated]
        units = [(i, s, t) for i, e in enumerate(predicted) for s, t in dyads_of(e)]
        used: set[int] = set()
        hit: set[int] = set()
        for gold in row["events"]:
            if gold.get("plover") is None:
                skipped += 1
                continue
            match = next(
                (
                    u
                    for u, (i, s, t) in enumerate(units)
                    if u not in used and type_matches(gold["plover"], predicted[i].plover) and _pair_ok(gold, {s}, {t})
                ),
                None,
            )
            if match is None:
                missed += 1
                other = next((e for e in predicted if _dyad_ok(gold, e)), None)
                pairs.append((gold["plover"], other.plover if other else None))
            else:
                used.add(match)
                hit.add(units[match][0])
                found += 1
                pairs.append((gold["plover"], gold["plover"]))
        right += len(hit)
        for i, event in enumerate(predicted):
            if i not in hit:
                wrong += 1
                pairs.append((None, event.plover))
    precision = right / (right + wrong) if right + wrong else 0.0
    recall = found / (found + missed) if found + missed else 0.0
    report = Report("events", str(path), len(rows))
    report.systems["eventwire"] = {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "tp": found,
        "fp": wrong,
        "fn": missed,
    }
    report.details["per_type"] = per_label(pairs)
    report.details["confusion"] = confusion(pairs)
    report.notes.append(f"{skipped} gold events with CAMEO 01x/02x (no PLOVER type) are not scored")
    report.notes.append("coordinated actors are scored as one dyad per (source, target) country pair")
    return report


def evaluate_dyads(path: Path, *, limit: int | None = None) -> Report:
    rows = list(_rows(path, limit))
    pairs: list[tuple[str | None, str | None]] = []
    correct = 0
    for row in rows:
        out = code_record({"id": row["id"], "text": row["text"], "source": row["source"], "target": row["target"]})
        pred = out["dyad_event"]["plover"] if out.get("dyad_event") else None
        gold = row["plover"]
        ok = type_matches(gold, pred)
        correct += ok
        pairs.append((gold, gold if ok else pred))
    report = Report("dyads", str(path), len(rows))
    report.systems["eventwire"] = {"accuracy": correct / len(rows) if rows else 0.0,
                                   "no_event": sum(1 for _, p in pairs if p is None) / max(1, len(rows))}
    report.details["per_type"] = per_label(pairs)
    report.details["confusion"] = confusion(pairs)
    return report


@lru_cache(maxsize=1)
def _case_codes() -> dict[str, str]:
    return {row["sub_event_type"]: row["case2021_code"] for row in read_tsv("ontology/acled-types.tsv")}


def main_event(events: tuple[Event, ...], *, acled: bool = False) -> Event | None:
    """The event a snippet reports: the most confident asserted event (with an ACLED type when ``acled``),
    the earliest on ties, since news leads with its main event."""
    pool = [e for e in events if not e.negated and (e.acled_sub_event_type if acled else True)]
    return max(pool, key=lambda e: (e.confidence, -e.evidence.trigger.start)) if pool else None


def evaluate_types(path: Path, *, limit: int | None = None) -> Report:
    """Macro-F1 over the ACLED sub-event labels; non-ACLED gold labels must get no ACLED type.

    Each snippet is typed by ``acled.classify_snippet`` from its text and the coder's events: the cues of the
    whole snippet decide, the first event ACLED records gives the prior (or the first lexicon trigger when
    the coder found no event with a resolvable actor).
    """
    codes = _case_codes()
    acled_labels = set(codes.values())
    rows = list(_rows(path, limit))
    pairs: list[tuple[str | None, str | None]] = []
    for row in rows:
        _, sub = classify_snippet(row["text"], code_text(row["text"]).events)
        pred = codes.get(sub or "")
        gold = row["label"] if row["label"] in acled_labels else None
        pairs.append((gold, pred))
    scores = per_label(pairs)
    labels = sorted(acled_labels)
    macro = sum(scores.get(label, {"f1": 0.0})["f1"] for label in labels) / len(labels)
    correct = sum(1 for g, p in pairs if g == p)
    report = Report("types", str(path), len(rows))
    report.systems["eventwire"] = {"macro_f1": macro, "accuracy": correct / len(rows) if rows else 0.0}
    report.details["per_type"] = scores
    report.details["confusion"] = confusion(pairs)
    return report


def quad5(event: Event | None) -> int:
    """Penta class of an event (label order in ``eventwire.quad``): 0 statements and appeals (01-02) or no event,
    1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13, 16), 4 material
    conflict (14, 15, 17-20); a negated cooperation is a rejection (3), a negated conflict no event (0)."""
    return quad5_of_event(event)


def _covers(event: Event, spans: list[tuple[int, ...]]) -> int:
    """How many marked argument spans the event's actors overlap."""
    return sum(1 for a in (*event.source, *event.target) for s, e in spans if a.start < e and s < a.end)


def quad_of_row(text: str, source_spans: list[tuple[int, int]], target_spans: list[tuple[int, int]]) -> int:
    """The penta class of a sentence whose source and target spans are marked.

    The event between the marked arguments (``Coder.code_pair``: the trigger on the dependency path that
    joins them governs) when there is one; else the coded event whose actors cover most marked spans; else
    the lexicon trigger that governs the spans, found without actors (``quad.quad_of_snippet``). The event's
    class then goes through ``quad.refine_quad``: an appeal, a claim or a protest that frames it, or a source
    that only reports a third party's violence, decides.
    """
    if source_spans or target_spans:
        pair = get_coder(Settings().model).code_pair(text, source_spans[0] if source_spans else (0, 0),
                                                     target_spans[0] if target_spans else (0, 0))
        if pair is not None:
            return refine_quad(load_model(Settings().model)(text), pair.evidence.trigger.start, quad5(pair), source_spans)
    spans: list[tuple[int, ...]] = [*source_spans, *target_spans]
    pool = [e for e in code_text(text).events if not e.negated]
    if pool:
        event = max(pool, key=lambda e: (_covers(e, spans), e.confidence))
        return refine_quad(load_model(Settings().model)(text), event.evidence.trigger.start, quad5(event), source_spans)
    return quad_of_snippet(text, source_spans, target_spans)


def evaluate_quad(path: Path, *, limit: int | None = None) -> Report:
    rows = list(_rows(path, limit))
    pairs: list[tuple[str | None, str | None]] = []
    for row in rows:
        source = [(int(s), int(e)) for s, e in row.get("source_spans", [])]
        target = [(int(s), int(e)) for s, e in row.get("target_spans", [])]
        pairs.append((str(row["quad5"]), str(quad_of_row(row["text"], source, target))))
    correct = sum(1 for g, p in pairs if g == p)
    report = Report("quad", str(path), len(rows))
    report.systems["eventwire"] = {"accuracy": correct / len(rows) if rows else 0.0}
    report.details["per_type"] = per_label(pairs)
    report.details["confusion"] = confusion(pairs)
    report.notes.append("labels: " + ", ".join(f"{i} {name}" for i, name in enumerate(QUAD5_LABELS)))
    return report
