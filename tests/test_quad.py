"""The five-way (penta) class on hand-written sentences: the code table, negation, the frame and reporting
rules, and sentences classified from lexicon triggers without actors."""

from __future__ import annotations

import pytest

from eventwire.evaluate.events import quad_of_row
from eventwire.nlp import load_model
from eventwire.pipeline import code_text
from eventwire.quad import (
    QUAD5_LABELS,
    framing_quad,
    lexicon_triggers,
    main_trigger,
    quad5_of_code,
    quad5_of_event,
    quad_of_snippet,
    reported_by_source,
)
from eventwire.settings import Settings


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _doc(text: str):  # type: ignore[no-untyped-def]
    return load_model(Settings().model)(text)


def test_label_order() -> None:
    assert QUAD5_LABELS == ("statement or appeal, or no event", "verbal cooperation", "material cooperation",
                            "verbal conflict", "material conflict")


@pytest.mark.parametrize(
    ("cameo", "quad"),
    [("010", 0), ("020", 0), ("036", 1), ("051", 1), ("057", 1), ("070", 2), ("0871", 2),
     ("111", 3), ("120", 3), ("138", 3), ("163", 3), ("141", 4), ("154", 4), ("173", 4), ("190", 4), ("2042", 4)],
)
def test_quad5_of_code(cameo: str, quad: int) -> None:
    assert quad5_of_code(cameo) == quad


def test_no_event_is_class_0() -> None:
    assert quad5_of_event(None) == 0


def test_refused_cooperation_is_a_rejection_and_an_attack_that_did_not_happen_is_no_event() -> None:
    refusal = [e for e in code_text("Japan did not send aid to Haiti.").events if e.negated]
    assert refusal and quad5_of_event(refusal[0]) == 3
    no_attack = [e for e in code_text("Iran did not attack the tanker.").events if e.negated]
    assert no_attack and quad5_of_event(no_attack[0]) == 0


def test_lexicon_triggers_need_no_actor() -> None:
    triggers = lexicon_triggers(_doc("Somebody shelled the village and looted the shops."))
    assert [t.entry.cameo[:2] for t in triggers][:1] == ["19"]


def test_main_trigger_is_the_one_governing_the_marked_spans() -> None:
    text = "The minister condemned the attack on the village."
    doc = _doc(text)
    trigger = main_trigger(lexicon_triggers(doc), [_span(text, "The minister")])
    assert trigger is not None and trigger.token.lemma_ == "condemn"


@pytest.mark.parametrize(
    ("text", "source", "target", "quad"),
    [
        ("The army shelled the village.", "The army", "the village", 4),
        ("Iran condemned the United States.", "Iran", "the United States", 3),
        ("Japan sent aid to Haiti.", "Japan", "Haiti", 2),
        ("Japan will send aid to Haiti.", "Japan", "Haiti", 1),
        ("Syria will not accept more refugees from Iraq.", "Syria", "Iraq", 3),
        ("Russia is conducting military exercises near Alaska.", "Russia", "Alaska", 4),
        # an appeal for cooperation is a statement; an appeal for conflict against the target is a demand
        ("Turkey asked Iran to provide information about the shipment.", "Turkey", "Iran", 0),
        ("The bishop called for sanctions against Nigeria.", "The bishop", "Nigeria", 3),
        # a protest frames the demand it makes
        ("Farmers began a hunger strike to demand the resignation of the minister.", "Farmers", "the minister", 4),
        # a source that reports a third party's violence accuses it; one that reports its own act does not
        ("The United States claimed that ISIL had attacked Iraq.", "The United States", "ISIL", 3),
        ("The rebels said they attacked the army base.", "The rebels", "the army base", 4),
    ],
)
def test_quad_of_marked_sentence(text: str, source: str, target: str, quad: int) -> None:
    spans = ([_span(text, source)], [_span(text, target)])
    assert quad_of_row(text, *spans) == quad
    assert quad_of_snippet(text, *spans) == quad  # from the lexicon triggers alone


def test_quad_of_snippet_without_spans_and_without_events() -> None:
    assert quad_of_snippet("Shelling hit the northern suburbs overnight.") == 4
    assert quad_of_snippet("It rained all day.") == 0


def test_frame_and_reporting_rules_directly() -> None:
    text = "Turkey asked Iran to provide information."
    assert framing_quad(_doc(text), text.index("provide"), 2) == 0
    text = "The United States claimed that ISIL had attacked Iraq."
    assert reported_by_source(_doc(text), text.index("attacked"), [_span(text, "The United States")])
    text = "The rebels said they attacked the army base."
    assert not reported_by_source(_doc(text), text.index("attacked"), [_span(text, "The rebels")])
