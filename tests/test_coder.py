"""The event coder on hand-written sentences: types, actors, voice, modality, intents, claims and non-events."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import code_text

PUB = date(2020, 6, 24)


def _events(text: str):
    return [e for e in code_text(text, published=PUB).events]


def _one(text: str, plover: str):
    found = [e for e in _events(text) if e.plover == plover]
    assert found, [(e.plover, e.rule) for e in _events(text)]
    return found[0]


def test_assault_with_source_target_place_date() -> None:
    event = _one("The United States launched an air strike against Islamic State fighters near Baghdad on Tuesday.", "ASSAULT")
    assert event.cameo.startswith("19") and event.source[0].country == "USA"
    assert event.target and event.target[0].sector == "REB"
    assert event.location is not None and event.location.country == "IRQ"
    assert (event.date, event.date_precision) == ("2020-06-23", "day")
    assert event.rule.startswith("lexicon:") and event.evidence.trigger.text in event.evidence.sentence


def test_negated_event_is_flagged() -> None:
    events = _events("Iran did not attack the tanker.")
    assert all(e.negated for e in events)


def test_conditional_threat_is_flagged_hypothetical() -> None:
    events = _events("Iran will attack the tanker if the United States does not leave.")
    assert events and all(e.hypothetical for e in events)
    assert events[0].plover == "THREATEN"


def test_passive_voice_swaps_roles() -> None:
    event = _one("Iraqi protesters were attacked by Iranian militias on Monday.", "ASSAULT")
    assert event.target[0].country == "IRQ" and event.source[0].country == "IRN"


def test_coordinated_actors_become_lists() -> None:
    event = _one("Iran and Syria condemned Israel on Monday.", "ACCUSE")
    assert {a.country for a in event.source} == {"IRN", "SYR"} and event.target[0].country == "ISR"


def test_talks_between_two_countries() -> None:
    event = _one("US and Iraqi officials began a series of talks on June 11.", "CONSULT")
    assert {event.source[0].country, event.target[0].country} == {"USA", "IRQ"}
    assert event.date == "2020-06-11"


def test_intent_to_cooperate_is_agree() -> None:
    events = [e for e in _events("Australia has agreed to lend $1 billion to Indonesia.") if e.plover == "AGREE" and e.target]
    assert events and events[0].target[0].country == "IDN"
    assert events[0].cameo.startswith("03") and events[0].rule.startswith("intent:")


def test_capital_as_government_and_waiver() -> None:
    event = _one("Washington granted another 120-day waiver to Baghdad.", "RETREAT")
    assert (event.source[0].country, event.source[0].sector) == ("USA", "GOV")
    assert (event.target[0].country, event.target[0].sector) == ("IRQ", "GOV")


@pytest.mark.parametrize(
    "text",
    [
        "Iraq has recently witnessed a surge in cases, increasing its total number of infections to more than 16,000.",
        "The weather in Baghdad was mild on Tuesday.",
        "Share this Story: Share On Facebook Share On Twitter",
    ],
)
def test_non_events_stay_non_events(text: str) -> None:
    assert _events(text) == []


def test_claim_with_count() -> None:
    result = code_text("This latest round of rocket fire marks the 29th attack against American troops or diplomats since October.",
                       published=PUB)
    assert result.claims and result.claims[0].count == 29
    assert result.claims[0].event_plover == "ASSAULT" and result.claims[0].target_country == "USA"
    assert result.claims[0].period_from == "2019-10-01"


def test_every_event_explains_itself() -> None:
    for event in _events("Pompeo urged the Iraqi government to bring armed groups under state control. Iran condemned the United States."):
        assert event.rule and event.evidence.sentence and 0 < event.confidence <= 1
        assert event.date_rule


def test_days_before_an_earlier_dated_event() -> None:
    """'Days before talks were set to commence' is dated a few days before the talks' own date."""
    text = (
        "US and Iraqi officials began a series of talks on June 11.\n\n"
        "Days before talks were set to commence, a rocket landed inside Baghdad Airport, close to where US forces are based."
    )
    event = next(e for e in code_text(text, published=PUB).events if e.plover == "ASSAULT")
    assert event.date is not None and "2020-06-01" <= event.date < "2020-06-11"
    assert event.date_rule.startswith("anchored:")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Germany has refused to send peacekeepers to Iraq.", "DEU", "IRQ"),
        ("The United States and South Korea failed to reach agreement on a free-trade deal.", "USA", "KOR"),
        ("Washington will not lift its sanctions on Iran.", "USA", "IRN"),
        ("Turkey refused to meet with the Greek foreign minister.", "TUR", "GRC"),
    ],
)
def test_refused_cooperation_is_a_rejection(text: str, source: str, target: str) -> None:
    events = _events(text)
    rejections = [e for e in events if e.plover == "REJECT"]
    assert rejections, [(e.plover, e.rule) for e in events]
    event = rejections[0]
    assert not event.negated and event.rule.startswith("intent:refusal:")
    assert event.source[0].country == source and target in {a.country for a in event.target}
    # the refused act itself is not reported as having happened
    assert not [e for e in events if e.plover in ("AID", "AGREE", "SUPPORT", "CONSULT", "RETREAT") and not e.negated]


def test_refusing_a_hostile_act_negates_it() -> None:
    events = [e for e in _events("Iran refused to attack the tanker.") if e.plover == "ASSAULT"]
    assert events and all(e.negated for e in events)


def test_a_possible_past_attack_is_not_an_intent() -> None:
    event = _one("Chinese hackers may have launched cyber attacks on India's power grid.", "ASSAULT")
    assert event.hypothetical and event.cameo == "176"
    assert event.target and event.target[0].country == "IND"


def test_adverbial_phrases_do_not_choose_the_code() -> None:
    # "following an attack" is when, not what: suspending talks is a sanction (164), not a halt to fighting
    event = _one("Libya's government suspended talks with Russia following an attack on a port in Tripoli.", "SANCTION")
    assert event.cameo == "164"


def test_the_nearest_required_word_chooses_the_code() -> None:
    # "war" in "the war-torn country" must not make this a declaration of war
    events = _events("Saudi Arabia declared a two-week ceasefire in Yemen in a bid to stem the virus in the war-torn country.")
    assert [e.cameo for e in events if e.plover == "RETREAT"] == ["0871"], [(e.plover, e.cameo) for e in events]
    assert not [e for e in events if e.plover == "THREATEN"]


def test_a_decision_is_the_act() -> None:
    event = _one("Japan has decided to lift economic sanctions on India.", "RETREAT")
    assert event.cameo == "085" and event.target[0].country == "IND"


def test_withdrawing_peacekeepers_is_a_sanction() -> None:
    event = _one("The United Nations withdrew its peacekeepers from Rwanda.", "SANCTION")
    assert event.cameo == "1661" and event.target[0].country == "RWA"


def test_the_owner_of_a_rejected_request_is_the_target() -> None:
    event = _one("Yemen has rejected a U.S. request to interrogate the detainees.", "REJECT")
    assert (event.source[0].country, event.target[0].country) == ("YEM", "USA")
    assert event.target[0].rule.endswith("+owner-of-object")


def test_a_condition_is_not_an_event() -> None:
    events = _events("Iran threatened to launch a new offensive unless Baghdad accepted its conditions.")
    assert any(e.plover == "THREATEN" for e in events)
    assert not [e for e in events if e.source and e.source[0].country == "IRQ"], [(e.plover, e.rule) for e in events]


def test_an_obligation_is_the_speakers_demand_not_the_obliged_act() -> None:
    events = _events("A British minister said that Libya must hand over the suspects.")
    demand = [e for e in events if e.plover == "REQUEST"]
    assert demand and demand[0].source[0].country == "GBR" and demand[0].target[0].country == "LBY"
    assert not [e for e in events if e.source and e.source[0].country == "LBY"], [(e.plover, e.rule) for e in events]


def test_the_place_stands_for_an_unnamed_target() -> None:
    event = _one("Two Palestinian suicide bombers killed 23 people in Tel Aviv on Sunday.", "ASSAULT")
    assert event.source[0].country == "PSE"
    assert [(a.country, a.sector) for a in event.target] == [("ISR", "CVL")]
    assert "+located-in:" in event.target[0].rule


def test_a_place_without_a_target_mention_becomes_the_target() -> None:
    event = _one("Serbia eased emergency measures on Wednesday in Montenegro.", "CONCEDE")
    assert event.target and event.target[0].country == "MNE"
    assert event.target[0].rule.startswith("location-as-target:")


@pytest.mark.parametrize(
    ("text", "plover", "source", "target"),
    [
        ("Syria says it is willing to withdraw its troops from Lebanon.", "AGREE", "SYR", "LBN"),
        ("The Fijian rebels said they will release Prime Minister Mahendra Chaudhry.", "AGREE", "FJI", None),
    ],
)
def test_a_pronoun_in_reported_speech_is_the_speaker(text: str, plover: str, source: str, target: str | None) -> None:
    event = _one(text, plover)
    assert event.source[0].country == source and "+speaker-pronoun:" in event.source[0].rule
    if target:
        assert event.target[0].country == target


def test_a_reported_obligation_is_a_demand_even_for_an_unknown_act() -> None:
    event = _one("The Red Cross said US and British forces must ensure security in Basra.", "REQUEST")
    assert {a.country for a in event.target} == {"USA", "GBR"}
    assert event.rule == "obligation:say>must:ensure" and event.evidence.trigger.text == "said"


def test_what_a_complaint_is_about_is_not_a_second_event() -> None:
    events = _events("Lebanon complained to the United Nations on Tuesday over two Israeli air raids in which 20 people were killed.")
    assert [e.plover for e in events] == ["ACCUSE"], [(e.plover, e.rule) for e in events]
    assert events[0].source[0].country == "LBN"
    # the complaint is over Israel's raids: Israel is the one accused
    assert [a.country for a in events[0].target] == ["ISR"] and events[0].target[0].rule.endswith("+perpetrator-of-topic")


@pytest.mark.parametrize("text", ["Congress is asking Obama to help Iran.", "Obama wants Putin to attack Switzerland."])
def test_an_act_asked_of_another_actor_is_not_their_act(text: str) -> None:
    events = _events(text)
    assert not [e for e in events if e.plover in ("AID", "ASSAULT")], [(e.plover, e.rule) for e in events]


def test_refused_permission_is_a_rejection() -> None:
    event = _one("Obama said he would not give permission to Russia to help Israel.", "REJECT")
    assert (event.source[0].country, event.target[0].country) == ("USA", "RUS")


def test_unattributed_violence_is_by_unidentified_forces_of_the_place() -> None:
    event = _one("Three US servicemen were killed by an improvised explosive device outside the Iraqi city of Basra.", "ASSAULT")
    assert [(a.country, a.sector) for a in event.source] == [("IRQ", "UAF")]
    assert event.source[0].rule.startswith("unattributed-in:")
    assert event.target[0].country == "USA"


def test_the_members_of_a_group_are_the_actor() -> None:
    event = _one("A group of Moroccan diplomats held their first meeting with President Obama.", "CONSULT")
    assert (event.source[0].country, event.target[0].country) == ("MAR", "USA")
    assert "+members-of:group" in event.source[0].rule


def test_a_verb_that_carries_out_a_noun_event_gives_it_its_source() -> None:
    event = _one("The United States speeded up the withdrawal of its forces from Panama on Wednesday.", "RETREAT")
    assert (event.source[0].country, event.target[0].country) == ("USA", "PAN")


def test_the_outcome_of_an_attack_is_not_a_second_event() -> None:
    events = _events("Sudanese rebels shelled the city of Juba on Sunday, killing four civilians.")
    assert [e.plover for e in events] == ["ASSAULT"], [(e.plover, e.rule) for e in events]


def test_what_a_place_has_seen_is_background() -> None:
    events = _events("Serbia lifted a night curfew in Montenegro, where 28 people have been killed this year.")
    assert [e.plover for e in events] == ["CONCEDE"], [(e.plover, e.rule) for e in events]


def test_a_date_after_on_is_not_a_call_on_someone() -> None:
    # "called ... on Saturday" must not read as "called on" (an appeal, CAMEO 020)
    events = _events("Qatar's emir called Sudanese President Omar al-Bashir on Saturday.")
    assert not [e for e in events if e.cameo.startswith("02")], [(e.plover, e.rule) for e in events]


def test_the_means_of_a_passive_killing_names_the_doer() -> None:
    events = _events("Ten civilians were killed in a US air strike near Kunduz.")
    assert [e.plover for e in events] == ["ASSAULT"], [(e.plover, e.rule) for e in events]
    assert events[0].source[0].country == "USA" and events[0].source[0].rule.endswith("+by-means")
    assert events[0].target[0].country == "AFG"


def test_a_demanded_act_is_the_demand() -> None:
    events = _events("The International Labour Office reiterated its demand that Israel ease restrictions on Palestinian workers.")
    assert not [e for e in events if e.source and e.source[0].country == "ISR"], [(e.plover, e.rule) for e in events]


def test_an_obligation_on_a_known_act_with_background_is_still_a_demand() -> None:
    event = _one("Russia said on Tuesday that Sudan must return a helicopter that was captured last week.", "REQUEST")
    assert (event.source[0].country, event.target[0].country) == ("RUS", "SDN")


def test_the_president_of_a_named_country_is_not_the_last_president_mentioned() -> None:
    event = _one("Putin offered to negotiate with the president of Armenia.", "AGREE")
    assert event.target and event.target[0].country == "ARM"


def test_a_place_attacked_targets_the_people_it_is_for() -> None:
    event = _one("A camp for Congolese refugees was attacked by Burundian militiamen.", "ASSAULT")
    assert (event.source[0].country, event.target[0].country) == ("BDI", "COD")


def test_where_fire_came_from_is_not_its_target() -> None:
    event = _one("Two rockets were fired from Gaza at southern Israel overnight.", "ASSAULT")
    assert [a.country for a in event.target] == ["ISR"]


def test_mutual_diplomatic_acts_have_both_sides() -> None:
    event = _one("Czechia and Albania have upgraded their diplomatic ties to ambassadorial level.", "SUPPORT")
    assert ([a.country for a in event.source], [a.country for a in event.target]) == (["CZE"], ["ALB"])


def test_a_conditional_threat_is_aimed_at_whoever_must_meet_the_condition() -> None:
    event = _one("Russia has threatened to stop negotiations if the United States goes ahead with the deployment.", "THREATEN")
    assert (event.source[0].country, event.target[0].country) == ("RUS", "USA")
    assert event.target[0].rule.endswith("+condition-of-threat")


def test_a_verb_row_written_for_its_noun_beats_the_noun() -> None:
    event = _one("Serbia lodged an official protest with Albania today.", "ACCUSE")
    assert event.cameo == "114" and event.target[0].country == "ALB"


def test_being_opposed_to_is_the_subjects_rejection() -> None:
    events = _events("Israel is opposed to French mediation in peace negotiations with Syria.")
    assert [(e.plover, e.source[0].country, e.target[0].country) for e in events] == [("REJECT", "ISR", "FRA")]


def test_an_event_that_dates_another_is_background() -> None:
    events = _events("Italy announced a suspension of air links with Serbia one day after a Serbian army jet shot down a helicopter.")
    assert [(e.plover, e.source[0].country, e.target[0].country) for e in events] == [("SANCTION", "ITA", "SRB")]


def test_the_speakers_own_forces_are_the_speaker() -> None:
    event = _one("Bosnian Serbs said on Tuesday their forces had completed their withdrawal from the town of Gorazde.", "RETREAT")
    assert (event.source[0].country, event.source[0].sector) == ("BIH", "MIL")
    assert event.source[0].rule.endswith("+speaker-possessive")


@pytest.mark.parametrize(
    ("text", "plover", "cameo", "source", "target"),
    [
        ("Kurdish fighters received weapons from Germany.", "AID", "072", "DEU", None),
        ("The rebels received military aid from Iran.", "AID", "072", "IRN", None),
        ("Kiev gets loans from Japan.", "AID", "071", "JPN", "UKR"),
        ("Obama faces pressure from Israel to act on Iran.", "REQUEST", "100", "ISR", "USA"),
        ("Lebanon received assurances from France.", "AGREE", "030", "FRA", "LBN"),
    ],
)
def test_a_recipient_verb_turns_the_roles_round(text: str, plover: str, cameo: str, source: str, target: str | None) -> None:
    event = _one(text, plover)
    assert event.cameo == cameo and [a.country for a in event.source] == [source]
    assert [a.country for a in event.target] == [target]
    assert "giver-of" in event.source[0].rule and "receiver-of" in event.target[0].rule


def test_what_is_alleged_is_an_accusation_not_a_fact() -> None:
    events = _events("The US claimed that Iran had attacked Iraq.")
    assert [(e.plover, e.cameo) for e in events] == [("ACCUSE", "112")]
    assert events[0].source[0].country == "USA" and events[0].target[0].country == "IRN"
    assert events[0].rule.startswith("allegation:claim>")
    # with no speaker to code, the alleged acts are still not facts
    assert not _events("A report alleged that French troops helped to plan and carry out killings in Rwanda.")
    # what is said (not alleged) is reported as it is said
    assert [e.plover for e in _events("The US said that Iran had attacked Iraq.")] == ["ASSAULT"]


def test_claiming_ones_own_act_is_a_claim_of_responsibility() -> None:
    events = _events("The US claimed that they had attacked Iraq.")
    assert [(e.cameo, e.plover) for e in events] == [("015", None)]
    assert events[0].source[0].country == "USA" and events[0].target[0].country == "IRQ"


def test_pressure_without_a_target_is_not_an_event() -> None:
    assert not [e for e in _events("Prices are under growing pressure by Kenya's traders.") if e.plover == "REQUEST"]


def test_a_verb_that_deepens_a_partnership_carries_it() -> None:
    event = _one("Brazil and the United States are seeking to deepen a partnership in energy.", "AGREE")
    assert event.hypothetical and event.cameo == "0311"
    assert {a.country for a in (*event.source, *event.target)} == {"BRA", "USA"}


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Protesters torched the US embassy in Baghdad.", "IRQ", "USA"),
        ("The Russian building was demolished by a Ukrainian protestor.", "UKR", "RUS"),
    ],
)
def test_crowd_violence_by_demonstrators_is_a_riot(text: str, source: str, target: str) -> None:
    event = _one(text, "PROTEST")
    assert event.cameo == "145" and event.rule.startswith("riot:")
    assert event.source[0].country == source and event.target[0].country == target


def test_demonstrators_firing_missiles_is_still_an_assault() -> None:
    assert _one("Georgian demonstrators launched missiles at the Georgian government.", "ASSAULT").cameo.startswith("19")


def test_a_local_group_is_of_the_place_where_it_acts() -> None:
    event = _one("Police fired tear gas at protesters in Nairobi.", "ASSAULT")
    assert (event.source[0].country, event.source[0].sector) == ("KEN", "COP")
    assert "placed-at" in event.source[0].rule


def test_a_participle_an_existential_clause_asserts_is_an_event() -> None:
    event = _one("There were 10 Russian soldiers killed in Ukraine today.", "ASSAULT")
    assert event.source[0].country == "UKR" and event.target[0].country == "RUS"
    # a participle that only describes its noun is not
    assert not _events("The soldiers killed in Ukraine were buried.")


def test_opponents_of_a_government_are_its_opposition() -> None:
    event = _one("Opponents of Rwanda's Senate protested yesterday.", "PROTEST")
    assert (event.source[0].country, event.source[0].sector) == ("RWA", "OPP")
    assert "opponents-of" in event.source[0].rule


def test_what_a_statement_s_object_is_for_is_its_topic() -> None:
    events = _events("The government of Kenya expressed appreciation for China's assistance.")
    assert [e.plover for e in events] == ["SUPPORT"]


def test_the_means_of_a_passive_killing_with_an_unplaced_doer_is_one_event() -> None:
    events = _events("Eight people were killed in an air strike by government forces.")
    assert len(events) == 1 and events[0].cameo == "195" and events[0].source[0].text == "government forces"


@pytest.mark.parametrize(
    "text",
    [
        "The US State department has advised against travel to Tunisia.",
        "Britain issued a travel warning for Tunisia.",
        "France warned its citizens against travel to Tunisia.",
    ],
)
def test_a_travel_warning_reduces_relations(text: str) -> None:
    event = _one(text, "SANCTION")
    assert event.cameo == "160" and event.target[0].country == "TUN"


def test_arrests_after_an_attack_are_acts_of_their_own() -> None:
    events = _events("Egyptian police opened fire on demonstrators in Cairo on Monday, killing one person and arresting 12.")
    assert {e.plover for e in events} == {"ASSAULT", "COERCE"}
    assert len([e for e in events if e.plover == "ASSAULT"]) == 1


def test_a_town_ner_calls_a_people_is_still_a_place() -> None:
    event = _one("A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier.", "ASSAULT")
    assert event.location is not None and event.location.country == "IRQ"
    assert (event.source[0].country, event.source[0].sector) == ("IRQ", "UAF")


def test_what_an_obliged_actor_must_be_ready_to_do_is_demanded_not_done() -> None:
    events = _events("Egyptian President Hosni Mubarak said that the US must be ready to mediate between Israelis and Palestinians.")
    assert [(e.plover, e.source[0].country, e.target[0].country) for e in events] == [("REQUEST", "EGY", "USA")]


@pytest.mark.parametrize(
    "text",
    [
        "The ILO reiterated its demand today that Israel ease restrictions on Palestinian workers.",
        "Britain repeated its demand that Israel hand over the suspects.",
    ],
)
def test_a_demand_that_someone_act_targets_them(text: str) -> None:
    events = _events(text)
    assert [e.plover for e in events] == ["REQUEST"]
    assert events[0].target[0].country == "ISR"


def test_what_an_agreement_accepts_is_not_an_event_of_its_own() -> None:
    events = _events("Israeli Prime Minister Ehud Barak has agreed to US mediation in the talks with the Palestinians.")
    assert [e.plover for e in events] == ["AGREE"]


def test_he_in_a_persons_reported_clause_is_that_person() -> None:
    events = _events("Israeli President Moshe Katsav refused to meet King Abdullah II of Jordan, saying he would only meet him in Jerusalem.")
    assert events and all(e.source[0].country == "ISR" for e in events)


def test_forces_on_alert_are_mobilised_and_what_they_fear_is_not_an_event() -> None:
    events = _events("Cambodian troops remained on alert in case of more fighting on the Thai border.")
    assert [(e.plover, e.cameo) for e in events] == [("MOBILIZE", "152")]
    assert events[0].source[0].country == "KHM"


def test_a_scathing_attack_is_criticism() -> None:
    event = _one("The chief minister launched a scathing attack on the Pakistani government.", "ACCUSE")
    assert event.cameo == "111" and event.target[0].country == "PAK"


def test_withheld_permission_is_a_refusal() -> None:
    event = _one("The Indian government did not give permission for the Pakistani delegation's rally.", "REJECT")
    assert event.rule.startswith("intent:refusal:") and not event.negated


def test_an_act_the_speaker_rules_out_is_refused() -> None:
    event = _one("US authorities said yesterday that removing the sanctions on Burma is out of the question.", "REJECT")
    assert event.source[0].country == "USA" and event.target[0].country == "MMR"


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("French and Egyptian warships on Monday launched 10 days of war games in the Mediterranean Sea.", "COOPERATE"),
        ("Russia launched war games near the Ukrainian border.", "MOBILIZE"),
    ],
)
def test_an_exercise_of_two_states_is_joint(text: str, plover: str) -> None:
    events = _events(text)
    assert [e.plover for e in events] == [plover]
    assert all(e.location is None or e.location.country != "USA" for e in events)  # the Mediterranean Sea is not Seattle


@pytest.mark.parametrize(
    "text",
    [
        "Salaheddine Sidhoum staged a hunger strike in Algiers in protest against the human rights violations by Algerian security forces.",
        "A group of Chechen refugees are continuing a hunger strike in protest of the Russian government's refusal to talk.",
    ],
)
def test_what_a_protest_is_against_is_not_an_event_of_its_own(text: str) -> None:
    assert [e.plover for e in _events(text)] == ["PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Egyptian police opened fire to disperse demonstrators in Cairo on Monday night.",
        "Two Palestinian suicide bombers killed 23 people in Tel Aviv when they blew themselves up.",
        "A member of the Syrian parliament started a hunger strike yesterday to protest President Assad's failure to reform.",
    ],
)
def test_a_purpose_or_when_clause_of_the_same_type_is_the_same_act(text: str) -> None:
    assert len(_events(text)) == 1


def test_the_restatement_names_the_target_the_act_lacked() -> None:
    event = _one("Egyptian police opened fire to disperse demonstrators in Cairo on Monday night.", "ASSAULT")
    assert event.target and "from-restatement" in event.target[0].rule


@pytest.mark.parametrize(
    "text",
    [
        "Palestinian officials demanded Friday that the United States match the European Union's support for Palestinian statehood.",
        "Russia demanded that Israel withdraw its troops from Lebanon.",
        "Ibo elders have demanded that control of the Nigerian Interior Ministry be taken away from Hausa politicians.",
    ],
)
def test_what_a_demand_asks_for_in_the_subjunctive_is_not_done(text: str) -> None:
    assert [e.plover for e in _events(text)] == ["REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        "The release of Adli Yaish, who had been arrested 15 months ago, came as Israel announced it would free 150 Palestinian prisoners.",
        "The United States bombed the militant group that has seized parts of Iraq and Syria.",
    ],
)
def test_what_a_relative_clause_recalls_of_a_participant_is_background(text: str) -> None:
    assert not [e for e in _events(text) if e.plover == "COERCE"]


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("The pro-Iranian Hizbollah (Party of God) group declared a unilateral ceasefire on Wednesday.", "LBN", "UAF"),
        ("The Kurdistan Workers' Party (PKK) attacked a Turkish army post.", "TUR", "REB"),
    ],
)
def test_a_parenthesis_or_plural_possessive_does_not_split_a_name(text: str, country: str, sector: str) -> None:
    event = _events(text)[0]
    assert (event.source[0].country, event.source[0].sector) == (country, sector)


def test_a_frame_noun_carries_the_act_its_compound_names() -> None:
    event = _one("The Arab League chief undertook a mediation mission between Syria and Jordan.", "CONSULT")
    assert event.cameo == "045" and {a.country for a in event.target} == {"SYR", "JOR"}
    # a weapon's name used as a compound is not an act
    assert [e.plover for e in _events("The US sent attack helicopters to Iraq.")] == ["AID"]


def test_a_leaders_surname_before_administration_names_the_government() -> None:
    event = code_text("The Bush administration imposed sanctions on Iraq.", published=date(1991, 5, 1)).events[0]
    assert (event.source[0].country, event.source[0].sector) == ("USA", "GOV")
    assert "leaders-government" in event.source[0].rule


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The Third World Water Forum concluded on Saturday that the US must allocate greater resources.", None, "USA"),
        ("French President Jacques Chirac issued a stern reminder Saturday to Iraq that it must cooperate fully.", "FRA", "IRQ"),
    ],
)
def test_an_obligation_put_in_a_conclusion_or_a_reminder_is_a_demand(text: str, source: str | None, target: str) -> None:
    event = _one(text, "REQUEST")
    assert event.source[0].country == source and event.target[0].country == target


def test_one_event_per_type_and_dyad_as_finally_placed() -> None:
    events = _events("Sri Lanka has established diplomatic ties with and opened an embassy in Tehran.")
    assert [(e.plover, e.source[0].country, e.target[0].country) for e in events] == [("SUPPORT", "LKA", "IRN")]


def test_the_target_of_a_named_act_is_whom_it_is_of() -> None:
    event = _one("NATO said it would tighten the naval blockade of Serbia in the Adriatic with Albania's help.", "THREATEN")
    assert [a.country for a in event.target] == ["SRB"] and "object-of-act" in event.target[0].rule


def test_an_ambiguous_capital_is_the_one_of_the_country_the_story_is_about() -> None:
    event = _one("Syrian officers ended mediation efforts between rival militias in Tripoli as shells hit the north Lebanese port.", "SANCTION")
    assert event.location is not None and event.location.country == "LBN"
    assert [a.country for a in event.target] == ["LBN"]


def test_an_extended_curfew_is_coercion() -> None:
    event = _one("The Jamaican government extended the nightly curfew in Kingston.", "COERCE")
    assert event.cameo == "1723" and event.source[0].country == "JAM"


@pytest.mark.parametrize(
    "text",
    [
        "UN troops withdrew from the Golan on Monday, an AFP correspondent said, two weeks after rebels kidnapped dozens of peacekeepers.",
        "Peru has granted diplomatic asylum to five Panamanian officers holed up in a residence since last month's U.S. invasion.",
    ],
)
def test_an_event_that_dates_the_news_is_background(text: str) -> None:
    assert not [e for e in _events(text) if e.plover == "ASSAULT"]


def test_a_prepositional_object_the_parser_made_a_subject_is_still_the_target() -> None:
    event = _one("Peru has granted diplomatic asylum to five Panamanian army officers holed up in a diplomatic residence.", "AID")
    assert [(a.country, a.sector) for a in event.target] == [("PAN", "MIL")]


def test_an_object_shifted_after_an_as_phrase_is_the_verbs_object() -> None:
    events = _events("Albania on Friday denounced as an ugly crime Serbia's suppression of ethnic Albanian unrest in Montenegro.")
    assert [(e.plover, e.source[0].country, e.target[0].country) for e in events] == [("ACCUSE", "ALB", "SRB")]


def test_an_attack_on_a_law_or_proceedings_is_criticism() -> None:
    event = _one("The White House counsel led the attack on the impeachment proceedings in the US Congress.", "ACCUSE")
    assert event.cameo == "111"


def test_a_reflexive_object_is_the_subject() -> None:
    event = _one("The US said that Iraq had attacked itself.", "ASSAULT")
    assert [a.country for a in event.target] == ["IRQ"] and "reflexive" in event.target[0].rule


def test_an_ethnic_group_is_of_the_state_it_lives_in() -> None:
    event = _one("Ethnic Albanians in south Serbia are demanding a U.N. military presence.", "REQUEST")
    assert (event.source[0].country, event.source[0].sector) == ("SRB", "CVL")


def test_workers_stopping_work_are_on_strike() -> None:
    event = _one("Serbian workers stopped work on Monday over a controversial employment bill.", "PROTEST")
    assert event.cameo == "143" and event.source[0].country == "SRB"


def test_a_protest_is_aimed_at_the_owner_of_what_its_purpose_clause_names() -> None:
    event = _one("Demonstrators in Baghdad blocked a road to show their disapproval for the United States' military policies.", "PROTEST")
    assert [a.country for a in event.target] == ["USA"] and "protested" in event.target[0].rule
