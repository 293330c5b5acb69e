"""ACLED typing on hand-written sentences: the CAMEO prior, the cues (means, victims, who took a town, what
the police did), the resolution rules, the snippet classifier and the cue file itself."""

from __future__ import annotations

import pytest

from eventwire.acled import (
    CueVotes,
    acled_types,
    classify_acled,
    classify_snippet,
    explain,
    find_cues,
    load_cues,
    tokens,
)
from eventwire.datafiles import read_tsv
from eventwire.pipeline import code_text
from eventwire.records import Actor

SUB_TYPES = {row["sub_event_type"] for row in read_tsv("ontology/acled-types.tsv")}


def _actor(sector: str) -> Actor:
    return Actor("x", 0, 1, None, "SYR", sector, 0.9, "test")


# -- the CAMEO code alone (the coder's call without a sentence) ----------------------------------
def test_code_alone_is_the_table_prior() -> None:
    assert acled_types("195", [], []) == ("Explosions/Remote violence", "Air/drone strike")
    assert acled_types("173", [], []) == ("Strategic developments", "Arrests")
    assert acled_types("042", [], []) == (None, None)  # a visit is not an ACLED event


def test_code_alone_violence_against_armed_target_is_a_battle() -> None:
    assert acled_types("1823", [_actor("REB")], [_actor("MIL")]) == ("Battles", "Armed clash")
    assert acled_types("1823", [_actor("REB")], [_actor("CVL")]) == ("Violence against civilians", "Attack")


# -- one event with its sentence --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cameo", "sentence", "expected"),
    [
        ("190", "Government aircraft bombed rebel positions.", "Air/drone strike"),
        ("190", "Government forces shelled rebel positions with artillery.", "Shelling/artillery/missile attack"),
        ("190", "Militants planted a roadside bomb that killed two soldiers.", "Remote explosive/landmine/IED"),
        ("190", "Militants threw a grenade at a police station.", "Grenade"),
        ("190", "A suicide bomber blew himself up at the checkpoint.", "Suicide bomb"),
        ("190", "The regime dropped chlorine gas on the town.", "Chemical weapon"),
        ("175", "Police fired tear gas at protesters.", "Protest with intervention"),
        ("175", "Security forces opened fire on protesters with live ammunition, killing three.",
         "Excessive force against protesters"),
        ("141", "Protesters marched peacefully.", "Peaceful protest"),
        ("192", "The army recaptured the town from the rebels.", "Government regains territory"),
        ("192", "Rebels captured the town from government troops.", "Non-state actor overtakes territory"),
    ],
)
def test_sentence_chooses_the_sub_event_type(cameo: str, sentence: str, expected: str) -> None:
    assert acled_types(cameo, [], [], sentence=sentence)[1] == expected


def test_sentence_never_makes_an_acled_event_of_a_code_acled_does_not_record() -> None:
    assert acled_types("042", [], [], sentence="The minister visited the town where protesters marched.") == (None, None)


def test_sentence_about_a_disaster_is_no_acled_event() -> None:
    assert acled_types("190", [], [], sentence="An earthquake struck, killing dozens.") == (None, None)


def test_territory_taker_comes_from_the_source_sector() -> None:
    sentence = "They took control of the district."
    assert acled_types("192", [_actor("MIL")], [], sentence=sentence)[1] == "Government regains territory"
    assert acled_types("192", [_actor("REB")], [], sentence=sentence)[1] == "Non-state actor overtakes territory"


def test_negated_and_hypothetical_events_have_no_acled_type() -> None:
    events = code_text("Iran did not attack the tanker.").events
    assert events and all(classify_acled(e) == (None, None) for e in events)


# -- a whole snippet ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government aircraft bombed rebel positions near the town.", "Air/drone strike"),
        ("Police fired tear gas at protesters in the capital.", "Protest with intervention"),
        ("Militants planted a roadside bomb.", "Remote explosive/landmine/IED"),
        ("Protesters marched peacefully through the city centre.", "Peaceful protest"),
        ("Gunmen killed six villagers in an attack on a market.", "Attack"),
        ("Soldiers clashed with militants near the border.", "Armed clash"),
        ("Militants kidnapped three aid workers.", "Abduction/forced disappearance"),
        ("Soldiers raped women in the village, a rights group said.", "Sexual violence"),
        ("Police arrested five opposition activists.", "Arrests"),
        ("Police seized weapons and ammunition in a raid.", "Disrupted weapons use"),
        ("The army set up a new military base near the village.", "Headquarters or base established"),
        ("The rebels and the government signed a ceasefire agreement.", "Agreement"),
        ("The government sent thousands of troops to the region.", "Change to group/activity"),
        ("Rebels withdrew from the town, which government forces entered without resistance.",
         "Non-violent transfer of territory"),
        ("Rioters torched cars and threw stones at police.", "Violent demonstration"),
        ("A mob lynched a man accused of stealing a goat.", "Mob violence"),
        ("Looters ransacked shops in the market.", "Looting/property destruction"),
        ("Dozens of families fled their villages.", "Other"),
    ],
)
def test_snippet_sub_event_type(text: str, expected: str) -> None:
    assert classify_snippet(text, code_text(text).events)[1] == expected
    assert classify_snippet(text)[1] == expected  # without the coder's events: lexicon triggers only


@pytest.mark.parametrize(
    "text",
    [
        "An earthquake struck the region, killing dozens.",
        "Fire broke out at a chemical factory.",
        "Smugglers were caught with 20 kg of cocaine.",
        "Syria expelled two diplomats.",
        "North Korea carried out another ballistic missile test.",
        "The president visited the flooded region.",
    ],
)
def test_snippet_that_acled_does_not_record(text: str) -> None:
    assert classify_snippet(text, code_text(text).events) == (None, None)


def test_first_sentence_weighs_more_than_later_ones() -> None:
    text = "A grenade exploded at a police post. Clashes followed in the market."
    assert classify_snippet(text)[1] == "Grenade"


# -- matching and the cue file ----------------------------------------------------------------------
def test_tokens_close_each_sentence_and_split_hyphens() -> None:
    assert tokens("Air-strikes hit the U.S. base. Then calm") == ["air", "strikes", "hit", "the", "u", "s", "base", ".",
                                                                 "then", "calm", "."]


def test_cue_words_match_their_regular_forms_and_gaps_stop_at_sentence_ends() -> None:
    labels = {m.label for m in find_cues(tokens("Troops shelled the village."))}
    assert "Shelling/artillery/missile attack" in labels
    seized = {m.label for m in find_cues(tokens("Police seized a large cache of rifles."))}
    assert "Disrupted weapons use" in seized
    split = {m.label for m in find_cues(tokens("Police seized him. Rifles were later sold."))}
    assert "Disrupted weapons use" not in split


def test_cue_votes_weigh_down_later_sentences() -> None:
    votes = CueVotes.of(tokens("Protesters rallied. Protesters rallied."))
    first, second = votes.positions("~protest")[0], votes.positions("~protest")[-1]
    assert second.weight < first.weight


def test_cue_file_labels_are_known() -> None:
    cues = load_cues().cues
    assert len(cues) > 100
    for cue in cues:
        assert cue.label in SUB_TYPES or cue.label[0] in "~-", cue
        assert cue.weight > 0, cue


def test_every_feature_the_rules_read_is_in_the_cue_file() -> None:
    features = {c.label for c in load_cues().cues if c.label.startswith("~")}
    assert {"~territory", "~state", "~nonstate", "~handover", "~violence", "~armed", "~civilian", "~protest",
            "~lethal", "~rioting", "~intervention", "~crowd"} <= features


def test_explain_lists_the_cues_that_voted() -> None:
    cues = explain("Government aircraft bombed rebel positions.")
    assert ("Air/drone strike", 3.0, "aircraft") in cues
